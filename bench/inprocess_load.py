"""The embedded assistant with its actions in the action server against the same with its
actions in the Rasa process (`inprocess:`), and bare Rasa, under bench/run.py's load.

    PYTHONPATH=. .venv/bin/python bench/inprocess_load.py [--levels 1,10] [--rounds 3]

A smaller run than `make bench` (no PostgreSQL, Redis or second worker; bare Rasa is
trained from an empty cache first). Prints a Markdown table and the goal ratios at 10
concurrent conversations; it does not write bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, List

from bench.run import (BARE, HERE, SIGNALEN_DELAY, BareRasa, embedded_stack,
                       load_levels, timed_training)
from bot.model import ensure_model
from bot.serve import Stack
from bot.settings import IN_PROCESS_ACTIONS
from tests.standins.signalen import SignalenStandIn

ACTION_SERVER = "assistant, embedded, action server"
IN_PROCESS = "assistant, embedded, actions in process"


def table(results: Dict[str, List[Dict[str, Any]]]) -> List[str]:
    lines = ["| concurrent | system | turns | errors | p50 ms | p95 ms | p99 ms | turns/s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for index in range(len(next(iter(results.values())))):
        for system, rows in results.items():
            row = rows[index]
            lines.append(f"| {row['concurrent']} | {system} | {row['turns']} | "
                         f"{row['errors']} | {row['p50']:.0f} | {row['p95']:.0f} | "
                         f"{row['p99']:.0f} | {row['turns_per_second']:.1f} |")
    return lines


def ratios(results: Dict[str, List[Dict[str, Any]]], concurrent: int = 10) -> List[str]:
    at = {system: next((r for r in rows if r["concurrent"] == concurrent), None)
          for system, rows in results.items()}
    bare = at[BARE]
    if bare is None:
        return []
    return [f"- {system} at {concurrent}: p95 {row['p95'] / bare['p95']:.2f}× bare Rasa, "
            f"throughput {row['turns_per_second'] / bare['turns_per_second']:.2f}×"
            for system, row in at.items() if system != BARE and row]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--levels", default="1,10")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    levels = tuple(int(level) for level in args.levels.split(","))
    print("load average before:", os.getloadavg(), flush=True)
    with tempfile.TemporaryDirectory(prefix="ga-bench-inprocess-") as folder:
        work = Path(folder)
        _, bare_model = timed_training(HERE / "baseline" / "config.yml",
                                       HERE / "baseline" / "domain.yml",
                                       HERE / "baseline" / "data", work / "bare")
        model = ensure_model()
        signalen = SignalenStandIn(throttle_rate=(1_000_000, 3600.0)).start()
        signalen.answer_delay = SIGNALEN_DELAY
        backends = {"SIGNALEN_URL": signalen.url, "PDOK_URL": ""}
        stacks: Dict[str, Stack] = {}
        bare = None
        try:
            stacks[ACTION_SERVER] = embedded_stack(work / "remote", model, backends, None)
            stacks[IN_PROCESS] = embedded_stack(work / "local", model, backends,
                                                IN_PROCESS_ACTIONS)
            bare = BareRasa(bare_model, work).wait()
            urls = {**{name: stack.url for name, stack in stacks.items()}, BARE: bare.url}
            tokens = {**{name: stack.token for name, stack in stacks.items()},
                      BARE: bare.token}
            results = load_levels(urls, tokens, levels, args.rounds)
        finally:
            for stack in stacks.values():
                stack.stop()
            if bare:
                bare.stop()
            signalen.stop()
    print("\n".join(table(results) + [""] + ratios(results)))
    print("load average after:", os.getloadavg())


if __name__ == "__main__":
    main()
