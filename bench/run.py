"""`make bench`: latency and throughput of the assistant against bare Rasa, NLU parse
time, training time and memory. Prints the numbers and writes bench/RESULTS.md.

Every run is bounded: a fixed number of conversations per load level, then it stops.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Tuple

import aiohttp
import yaml

from bot.model import ensure_model
from bot.serve import Stack
from bot.settings import CONFIG_FILE, DATA_DIR, DOMAIN_DIR, ROOT
from tests.services import free_port

HERE = Path(__file__).parent
# Four turns: greeting, report, address, and the answer to the updates question.
TURNS = ["Hallo", "Er ligt een losse stoeptegel", "Kerkstraat 12", "nee"]
LEVELS = (1, 10, 50)
MIN_CONVERSATIONS = 20
GOAL_P95_MS, GOAL_RATIO = 300, 1.5


def percentile(values: List[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def _conversation(client: aiohttp.ClientSession, url: str, sender: str,
                        latencies: List[float], errors: List[str]) -> None:
    for text in TURNS:
        started = time.perf_counter()
        try:
            async with client.post(url, json={"sender": sender, "message": text}) as answer:
                await answer.read()
                if answer.status != 200:
                    errors.append(f"HTTP {answer.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            errors.append(type(error).__name__)
        latencies.append((time.perf_counter() - started) * 1000)


async def _load(url: str, concurrent: int, prefix: str) -> Dict[str, float]:
    conversations = max(concurrent, MIN_CONVERSATIONS)
    latencies: List[float] = []
    errors: List[str] = []
    gate = asyncio.Semaphore(concurrent)
    timeout = aiohttp.ClientTimeout(total=120)

    async def one(number: int) -> None:
        async with gate:
            await _conversation(client, url, f"{prefix}-{concurrent}-{number}", latencies,
                                errors)

    async with aiohttp.ClientSession(timeout=timeout) as client:
        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(conversations)))
        seconds = time.perf_counter() - started
    return {"concurrent": concurrent, "turns": len(latencies), "errors": len(errors),
            "p50": percentile(latencies, 0.50), "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99), "turns_per_second": len(latencies) / seconds}


def load_levels(base_url: str, prefix: str) -> List[Dict[str, float]]:
    url = f"{base_url}/webhooks/rest/webhook"
    asyncio.run(_load(url, 1, f"{prefix}-warmup"))  # first turns load lazily
    return [asyncio.run(_load(url, level, prefix)) for level in LEVELS]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    for line in subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)],
                               capture_output=True, text=True).stdout.split():
        total += int(line)
    return total / 1024


def parse_times(base_url: str, token: str) -> Dict[str, float]:
    examples = yaml.safe_load((ROOT / "tests" / "nlu" / "test_set.yml").read_text())
    messages = [line[2:] for item in examples["nlu"]
                for line in item["examples"].splitlines() if line.startswith("- ")][:200]
    times = []
    for message in messages:
        request = urllib.request.Request(f"{base_url}/model/parse?token={token}",
                                         data=json.dumps({"text": message}).encode(),
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
        times.append((time.perf_counter() - started) * 1000)
    return {"messages": len(times), "mean": statistics.mean(times),
            "p95": percentile(times, 0.95)}


def timed_training(config: Path, domain: Path, data: Path, out: Path) -> Tuple[float, Path]:
    """Train from scratch (an empty cache) and return the seconds and the model."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": cache, "PYTHONPATH": str(ROOT)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rasa", "train", "--config", str(config),
                        "--domain", str(domain), "--data", str(data), "--out", str(out),
                        "--fixed-model-name", "model"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    return seconds, out / "model.tar.gz"


class BareRasa:
    """The baseline: Rasa's defaults, one response, no action server, in-memory stores."""

    def __init__(self, model: Path, log: Path) -> None:
        self.port, self.token = free_port(), secrets.token_hex(8)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rasa", "run", "--model", str(model), "--interface",
             "127.0.0.1", "--port", str(self.port), "--enable-api", "--auth-token",
             self.token], cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self, timeout: float = 180) -> "BareRasa":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("bare Rasa did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _stack(work: Path, model: Path) -> Stack:
    action_port = free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
                         f"tracker_store:\n  type: bot.tracker_store.TrackerStore\n  dialect: sqlite\n"
                         f"  db: {work / 'tracker.db'}\n")
    return Stack(rasa_port=free_port(), action_port=action_port, console_port=free_port(),
                 endpoints=endpoints, token=secrets.token_hex(8), log_dir=work / "logs",
                 env={"GA_DATABASE_URL": f"sqlite:///{work / 'reports.db'}"}).start(model)


def main() -> None:
    results: Dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="ga-bench-") as folder:
        work = Path(folder)
        print("Training the assistant from an empty cache …", flush=True)
        results["train_ours"], _ = timed_training(CONFIG_FILE, DOMAIN_DIR, DATA_DIR,
                                                  work / "ours")
        print("Training bare Rasa …", flush=True)
        results["train_bare"], bare_model = timed_training(
            HERE / "baseline" / "config.yml", HERE / "baseline" / "domain.yml",
            HERE / "baseline" / "data", work / "bare")
        stack = _stack(work, ensure_model())
        try:
            print("Load on the assistant …", flush=True)
            results["ours"] = load_levels(stack.url, "ours")
            results["parse"] = parse_times(stack.url, stack.token)
            results["memory"] = {process.args[2] if process.args[1] == "-m" else "?":
                                 rss_mb(process.pid) for process in stack.processes}
        finally:
            stack.stop()
        bare = BareRasa(bare_model, work / "bare.log").wait()
        try:
            print("Load on bare Rasa …", flush=True)
            results["bare"] = load_levels(bare.url, "bare")
            results["memory"]["bare rasa"] = rss_mb(bare.process.pid)
        finally:
            bare.stop()
    report = render(results)
    print(report)
    (HERE / "RESULTS.md").write_text(report, encoding="utf-8")


def render(results: Dict) -> str:
    ours, bare = results["ours"], results["bare"]
    lines = [f"# Benchmark results ({dt.date.today().isoformat()})", "",
             f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}. "
             f"Made by `make bench` ({Path(__file__).name}); REST channel, conversations of "
             f"four turns ({', '.join(repr(t) for t in TURNS)}), at least "
             f"{MIN_CONVERSATIONS} conversations per level. Bare Rasa: Rasa's default "
             "configuration, one response, no action server, in-memory stores.", "",
             "| concurrent | system | turns | errors | p50 ms | p95 ms | p99 ms | turns/s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for mine, theirs in zip(ours, bare):
        for name, row in (("assistant", mine), ("bare Rasa", theirs)):
            lines.append(f"| {row['concurrent']} | {name} | {row['turns']} | {row['errors']} | "
                         f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | "
                         f"{row['turns_per_second']:.1f} |")
    at10 = next(r for r in ours if r["concurrent"] == 10)
    bare10 = next(r for r in bare if r["concurrent"] == 10)
    ratio = at10["p95"] / bare10["p95"] if bare10["p95"] else float("inf")
    errors = sum(r["errors"] for r in ours)
    lines += ["", "## Goals at 10 concurrent conversations", "",
              f"- p95 {at10['p95']:.0f} ms (goal < {GOAL_P95_MS} ms): "
              f"{'met' if at10['p95'] < GOAL_P95_MS else 'NOT met'}",
              f"- p95 ratio to bare Rasa {ratio:.2f}× (goal ≤ {GOAL_RATIO}×): "
              f"{'met' if ratio <= GOAL_RATIO else 'NOT met'}",
              f"- errors {errors} (goal 0): {'met' if errors == 0 else 'NOT met'}", "",
              "## NLU and training", "",
              f"- NLU parse time over {results['parse']['messages']} held-out messages "
              f"(HTTP /model/parse): mean {results['parse']['mean']:.1f} ms, "
              f"p95 {results['parse']['p95']:.1f} ms",
              f"- Training from an empty cache: assistant {results['train_ours']:.0f} s, "
              f"bare Rasa {results['train_bare']:.0f} s", "",
              "## Resident memory (MB, process and children, after the load)", ""]
    lines += [f"- {name}: {mb:.0f}" for name, mb in results["memory"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
