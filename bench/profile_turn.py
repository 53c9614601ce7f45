"""CPU per turn of the bench conversation, with the Rasa agent in this process.

    PYTHONPATH=. .venv/bin/python bench/profile_turn.py --conversations 100 [--profile out.prof]

Starts the action server (free loopback port, its own SQLite report store, reports to
the Signalen stand-in) and loads the agent with the embedded endpoints. Drives the bench
conversation (bench/run.py TURNS) one conversation after another and prints the CPU
seconds per turn of this process (the Rasa side, all threads) and of the action server.
With --profile, the Rasa side runs under cProfile and the stats are written there.

With --compare, batches with and without the per-turn speed-ups take turns (Rasa as it
comes: rasa_speedups.per_turn_patches off, and an action server without DomainReuse),
so a busy machine weighs on both alike. With --only, just the patches whose names
(rasa_speedups.patch_name) contain one of the given words are switched, the others stay
on in both batches, and both batches use the same action server. With --batch N the two
take turns every N conversations. With --compare and --in-process, the batches that take
turns are the actions through the action server and the actions in the Rasa process
(`inprocess:`, bot/inprocess_actions.py), all speed-ups on in both.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import types
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from bench.run import SIGNALEN_DELAY, TURNS
from bot.model import ensure_model
from bot.settings import ROOT
from tests.services import embedded_endpoints, free_port
from tests.standins.signalen import SignalenStandIn


def process_cpu(pid: int) -> float:
    """User plus system CPU seconds of a process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# The action server without DomainReuse, for --compare.
PLAIN_ACTION_SERVER = ("import sys, bot.action_server as a; a.reuse_domain = lambda app: app; "
                       "sys.exit(a.main(sys.argv[1:]))")


def start_action_server(work: Path, port: int, env: Dict[str, str],
                        profile: Optional[Path] = None, plain: bool = False
                        ) -> subprocess.Popen:
    env = {**os.environ, **env, "PYTHONPATH": str(ROOT), "SANIC_HOST": "127.0.0.1",
           "SANIC_WORKERS": "1"}
    subprocess.run([sys.executable, "-m", "bot.reports.db"], cwd=ROOT, env=env, check=True)
    profiling = ["-m", "cProfile", "-o", str(profile)] if profile else []
    program = ["-c", PLAIN_ACTION_SERVER] if plain else ["-m", "bot.action_server"]
    process = subprocess.Popen([sys.executable, *profiling, *program, "--actions",
                                "actions", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=(work / f"actions-{port}.log").open("wb"),
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise TimeoutError("the action server did not start")


async def drive(agent, conversations: int, prefix: str) -> List[List[str]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    answers = []
    for number in range(conversations):
        for text in TURNS:
            collector = CollectingOutputChannel()
            await agent.handle_message(UserMessage(text, collector, f"{prefix}-{number}",
                                                   input_channel="rest", metadata={}))
            answers.append([m.get("text") for m in collector.messages])
    return answers


Variant = Tuple[Callable[[], None], Optional[subprocess.Popen]]


def alternate(loop: asyncio.AbstractEventLoop, agent: Any, args: argparse.Namespace,
              variants: Dict[str, Variant]) -> None:
    """Drive batches of the two variants in turn: (switch to it, its action server)."""
    cpu: Dict[str, List[float]] = {name: [0.0, 0.0] for name in variants}
    turns = args.conversations * len(TURNS)
    batch = args.batch or args.conversations
    first, second = list(variants)
    for number in range(args.compare):
        for start in range(0, args.conversations, batch):
            size = min(batch, args.conversations - start)
            flip = (number + start // batch) % 2
            for name in ((second, first) if flip else (first, second)):
                switch, server = variants[name]
                switch()
                rasa_cpu = time.process_time()
                action_cpu = process_cpu(server.pid) if server else 0.0
                loop.run_until_complete(drive(agent, size, f"{name}-{number}-{start}"))
                cpu[name][0] += time.process_time() - rasa_cpu
                cpu[name][1] += (process_cpu(server.pid) if server else 0.0) - action_cpu
    for name, (rasa_cpu, action_cpu) in cpu.items():
        per_turn = 1000 / (turns * args.compare)
        print(f"{name}: rasa CPU {rasa_cpu * per_turn:.2f} ms/turn, action server CPU "
              f"{action_cpu * per_turn:.2f} ms/turn, together "
              f"{(rasa_cpu + action_cpu) * per_turn:.2f} ms/turn")


def compare(loop: asyncio.AbstractEventLoop, agent: Any, args: argparse.Namespace,
            servers: Dict[str, subprocess.Popen]) -> None:
    from bot import rasa_speedups

    endpoint = agent.processor.action_endpoint
    url = endpoint.url
    patches = [patch for patch in rasa_speedups.per_turn_patches()
               if not args.only or any(word in rasa_speedups.patch_name(patch)
                                       for word in args.only.split(","))]
    print("switched:", ", ".join(rasa_speedups.patch_name(patch) for patch in patches))

    def switch(name: str) -> Callable[[], None]:
        def to_it() -> None:
            rasa_speedups.use(patches, ours=name == "fast")
            endpoint.url = url.replace(url.split(":")[2].split("/")[0],
                                       str(servers[name].args[-1]))
        return to_it

    alternate(loop, agent, args, {name: (switch(name), servers[name])
                                  for name in ("fast", "plain")})


def compare_in_process(loop: asyncio.AbstractEventLoop, agent: Any,
                       args: argparse.Namespace, server: subprocess.Popen) -> None:
    """The actions through the action server against the actions in the Rasa process."""
    from rasa.utils.endpoints import EndpointConfig

    from bot import inprocess_actions
    from bot.settings import IN_PROCESS_ACTIONS

    remote = agent.processor.action_endpoint
    local = EndpointConfig(url=IN_PROCESS_ACTIONS)
    inprocess_actions.prepare(local)
    agent.processor.action_endpoint = local
    loop.run_until_complete(drive(agent, args.warmup, "warm-in-process"))

    def switch(endpoint: EndpointConfig) -> Callable[[], None]:
        def to_it() -> None:
            agent.processor.action_endpoint = endpoint
        return to_it

    alternate(loop, agent, args, {"action server": (switch(remote), server),
                                  "in process": (switch(local), None)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--inline-nlu", action="store_true",
                        help="parse in the event loop's thread (so cProfile sees it)")
    parser.add_argument("--profile-actions", type=Path,
                        help="run the action server under cProfile, stats written here")
    parser.add_argument("--compare", type=int, metavar="ROUNDS",
                        help="rounds of a batch as Rasa comes and a batch with the speed-ups")
    parser.add_argument("--batch", type=int, metavar="N",
                        help="with --compare: take turns every N conversations instead of "
                             "every round (finer turns for a machine whose load changes fast)")
    parser.add_argument("--only", metavar="WORDS",
                        help="with --compare: switch only the patches whose names contain "
                             "one of these comma-separated words")
    parser.add_argument("--in-process", action="store_true",
                        help="the actions in the Rasa process (action_endpoint inprocess:); "
                             "with --compare: against the actions through the action server")
    parser.add_argument("--answers", type=Path, help="write the bot's answers here")
    args = parser.parse_args()
    if args.inline_nlu:
        os.environ["SANIC_WORKERS"] = str(os.cpu_count() or 1)
    model = ensure_model()
    signalen = SignalenStandIn(throttle_rate=(1_000_000, 3600.0)).start()
    signalen.answer_delay = SIGNALEN_DELAY
    with tempfile.TemporaryDirectory(prefix="ga-profile-") as folder:
        work = Path(folder)
        action_port = free_port()
        token = secrets.token_urlsafe(16)
        env = {"GA_DATABASE_URL": f"sqlite:///{work / 'reports.db'}",
               "SIGNALEN_URL": signalen.url, "PDOK_URL": "", "GA_ACTION_TOKEN": token}
        os.environ.update(env)
        actions = start_action_server(work, action_port, env, args.profile_actions)
        try:
            endpoints = embedded_endpoints(work, action_port)
            text = endpoints.read_text().replace("/webhook\"", f"/webhook\"\n  token: {token}")
            endpoints.write_text(text)
            import rasa.core.run  # noqa: F401  (channels applies the Rasa patches then)
            from rasa.utils.common import configure_logging_and_warnings
            from rasa.utils.log_utils import configure_structlog

            # as `rasa run` sets them up (INFO unless LOG_LEVEL says otherwise)
            configure_logging_and_warnings(None, None, warn_only_once=True,
                                           filter_repeated_logs=True)
            configure_structlog(None)
            import channels  # noqa: F401
            from rasa.core.utils import AvailableEndpoints

            loop = asyncio.new_event_loop()
            app = types.SimpleNamespace(ctx=types.SimpleNamespace())
            agent = loop.run_until_complete(rasa.core.run.load_agent_on_start(
                str(model), AvailableEndpoints.read_endpoints(str(endpoints)), None, app, loop))
            if args.in_process and not args.compare:
                from rasa.utils.endpoints import EndpointConfig

                from bot.settings import IN_PROCESS_ACTIONS

                agent.processor.action_endpoint = EndpointConfig(url=IN_PROCESS_ACTIONS)
            loop.run_until_complete(drive(agent, args.warmup, "warm"))
            if args.compare and args.in_process:
                compare_in_process(loop, agent, args, actions)
                return
            if args.compare and args.only:
                compare(loop, agent, args, {"plain": actions, "fast": actions})
                return
            if args.compare:
                plain = start_action_server(work, free_port(), env, plain=True)
                try:
                    compare(loop, agent, args, {"plain": plain, "fast": actions})
                finally:
                    plain.send_signal(signal.SIGINT)
                    plain.wait(timeout=30)
                return
            profiler = cProfile.Profile() if args.profile else None
            rasa_cpu, action_cpu = time.process_time(), process_cpu(actions.pid)
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            answers = loop.run_until_complete(drive(agent, args.conversations, "run"))
            if profiler:
                profiler.disable()
                profiler.dump_stats(str(args.profile))
            turns = args.conversations * len(TURNS)
            print(f"turns {turns}  wall {1000 * (time.perf_counter() - started) / turns:.2f} "
                  f"ms/turn  rasa CPU {1000 * (time.process_time() - rasa_cpu) / turns:.2f} "
                  f"ms/turn  action server CPU "
                  f"{1000 * (process_cpu(actions.pid) - action_cpu) / turns:.2f} ms/turn")
            if args.answers:
                args.answers.write_text("\n".join(" | ".join(map(str, a)) for a in answers))
        finally:
            actions.send_signal(signal.SIGINT)  # Sanic stops cleanly (cProfile writes)
            actions.wait(timeout=30)
            signalen.stop()


if __name__ == "__main__":
    main()
