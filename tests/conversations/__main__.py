"""Run the resident conversation benchmark: `python -m tests.conversations`.

Starts its own stack (trained model, SQLite report and tracker stores in a temporary
folder) unless --url, --token and --db point at a running one.
"""
from __future__ import annotations

import argparse
import logging
import secrets
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.settings import ROOT
from tests.conversations.runner import (
    BotClient,
    ReportStore,
    Result,
    failure_report,
    load_conversations,
    load_goals,
    run_suite,
    summary_table,
    transcript,
    write_markdown,
)

RESULTS_FILE = ROOT / "results" / "CONVERSATIONS.md"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.conversations",
                                     description="Resident conversation benchmark.")
    parser.add_argument("--group", help="only this group")
    parser.add_argument("--name", help="only conversations whose name contains this")
    parser.add_argument("--url", help="Rasa URL of a running stack")
    parser.add_argument("--token", help="Rasa API token of that stack")
    parser.add_argument("--db", help="report database URL of that stack")
    parser.add_argument("--workers", type=int, default=4, help="conversations at a time")
    parser.add_argument("--output", type=Path, default=RESULTS_FILE)
    parser.add_argument("--transcripts", action="store_true",
                        help="print every transcript, not only the failures")
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)  # skip ensure_model()
    args = parser.parse_args(argv)
    if args.url and not (args.token and args.db):
        parser.error("--url needs --token and --db")
    return args


@contextmanager
def own_stack(model: Path | None) -> Iterator[tuple[str, str, str]]:
    """A Rasa + action server stack on free ports with temporary SQLite stores."""
    from bot.model import ensure_model
    from bot.serve import Stack
    from tests.services import embedded_endpoints, free_port

    model = model or ensure_model()
    with tempfile.TemporaryDirectory(prefix="conversations-") as folder:
        workdir = Path(folder)
        db_url = f"sqlite:///{workdir / 'reports.db'}"
        tone_file = workdir / "tone_of_voice.yml"
        tone_file.write_text((ROOT / "tone_of_voice.yml").read_text(encoding="utf-8"),
                             encoding="utf-8")
        action_port = free_port()
        stack = Stack(rasa_port=free_port(), action_port=action_port,
                      console_port=free_port(), token=secrets.token_hex(16),
                      endpoints=embedded_endpoints(workdir, action_port),
                      log_dir=workdir / "logs",
                      env={"GA_DATABASE_URL": db_url, "GA_TONE_FILE": str(tone_file),
                           "GA_ACTION_TIMEOUT": "5", "SIGNALEN_URL": ""})
        print(f"Starting a stack on {stack.url} with {model.name} …", flush=True)
        stack.start(model)
        try:
            yield stack.url, stack.token, db_url
        finally:
            stack.stop()


def report(results: list[Result], output: Path, transcripts: bool = False) -> None:
    goals = load_goals()
    for result in results if transcripts else []:
        mark = "PASS" if result.passed else "FAIL"
        print(f"--- {mark} {result.conversation.group}: {result.conversation.name}\n"
              f"{transcript(result)}\n")
    print("\n" + summary_table(results, goals) + "\n")
    failed = [r for r in results if not r.passed]
    if failed:
        print(f"## Failures ({len(failed)})\n\n{failure_report(results)}")
    print(f"Written: {write_markdown(results, output, goals)}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    conversations = load_conversations(group=args.group, name=args.name)
    if not conversations:
        print("No conversations match.", file=sys.stderr)
        return 2
    if args.url:
        results = run_suite(BotClient(args.url, args.token), ReportStore(args.db),
                            conversations, args.workers)
    else:
        with own_stack(args.model) as (url, token, db_url):
            results = run_suite(BotClient(url, token), ReportStore(db_url), conversations,
                                args.workers)
    report(results, args.output, args.transcripts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
