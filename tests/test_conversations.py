"""The resident conversation benchmark (tests/conversations/) against the session stack.

Runs every conversation once, writes results/CONVERSATIONS.md, prints the table and
checks the goals in tests/conversations/goals.yml: a minimum pass rate per group and the
median resident turns to a case number.
"""
from __future__ import annotations

from typing import Any

import pytest

from bot.settings import ROOT
from tests.conversations.runner import (
    BotClient,
    ReportStore,
    Result,
    format_median,
    load_conversations,
    load_goals,
    median_turns,
    pass_rates,
    run_suite,
    summary_table,
    write_markdown,
)

GOALS: dict[str, Any] = load_goals()
RESULTS_FILE = ROOT / "results" / "CONVERSATIONS.md"
MEDIANS = {"what_and_where_in_opening": True, "other": False}


@pytest.fixture(scope="module")
def results(stack, reports_db_url: str) -> list[Result]:
    """Every conversation, played once against the running stack."""
    played = run_suite(BotClient(stack.url, stack.token), ReportStore(reports_db_url),
                       load_conversations())
    write_markdown(played, RESULTS_FILE, GOALS)
    return played


def failed_lines(results: list[Result], group: str) -> str:
    return "\n".join(f"  {r.conversation.name}: {'; '.join(r.failures or [str(r.error)])}"
                     for r in results if r.conversation.group == group and not r.passed)


def test_results_table_is_printed_and_written(results: list[Result],
                                              capsys: pytest.CaptureFixture) -> None:
    with capsys.disabled():
        print(f"\n\nResident conversations ({RESULTS_FILE}):\n{summary_table(results, GOALS)}")
    assert RESULTS_FILE.exists()


@pytest.mark.parametrize("group", sorted(GOALS["pass_rate"]))
def test_pass_rate_per_group(results: list[Result], group: str) -> None:
    passed, total = pass_rates(results).get(group, (0, 0))
    assert total, f"no conversations in group {group}"
    goal = GOALS["pass_rate"][group]
    assert passed / total >= goal, (f"{group}: {passed}/{total} passed, goal {goal:.0%}; "
                                    f"failed:\n{failed_lines(results, group)}")


@pytest.mark.parametrize("kind", sorted(MEDIANS))
def test_median_turns_to_a_case_number(results: list[Result], kind: str) -> None:
    median = median_turns(results, MEDIANS[kind])
    goal = GOALS["median_turns_to_case_number"][kind]
    assert median is not None and median <= goal, (
        f"median resident turns to a case number ({kind}): {format_median(median)}, "
        f"goal {goal}")
