"""Only the Rasa server loads Rasa's core and TensorFlow (half a gigabyte a process).

The action server, the outbox worker and the console share code with the connectors
(the outbox, delivery); importing it must not load Rasa, nor patch it.
"""
import json
import os
import subprocess
import sys

from bot.settings import ROOT

HELPERS = """
import importlib, json, pkgutil, sys
import actions
for module in pkgutil.walk_packages(actions.__path__, "actions."):
    importlib.import_module(module.name)
import bot.reports.outbox, channels.delivery, bot.channel_store, console.app
print(json.dumps([name for name in ("tensorflow", "rasa.core.run") if name in sys.modules]))
"""

RASA_SERVER = """
import json
import rasa.core.run
import channels
from rasa.core.processor import MessageProcessor
from rasa.engine.runner.dask import DaskGraphRunner
from bot import rasa_patches, rasa_speedups
print(json.dumps(DaskGraphRunner.run is rasa_speedups._run_graph_in_order
                 and MessageProcessor._run_prediction_loop
                 is rasa_patches._run_bounded_prediction_loop))
"""


def _run(code: str) -> object:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_helper_processes_do_not_load_rasa_or_tensorflow() -> None:
    assert _run(HELPERS) == []


def test_rasa_server_gets_the_patches_when_it_loads_the_connectors() -> None:
    assert _run(RASA_SERVER) is True
