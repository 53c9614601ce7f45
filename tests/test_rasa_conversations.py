"""Runs tests/test_stories.yml with Rasa's own test command against the trained model."""
from __future__ import annotations

import subprocess
import sys

from bot.settings import ROOT

# Rasa's command line, loading the model as the Rasa server does (bot/rasa_speedups.py).
RASA_WITH_MODELS_BUILT_EAGERLY = """
from rasa.__main__ import main
from bot.rasa_speedups import models_built_eagerly
with models_built_eagerly():
    main()
"""


def test_conversation_stories_pass(trained_model, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", RASA_WITH_MODELS_BUILT_EAGERLY, "test", "core",
         "--model", str(trained_model), "--stories", str(ROOT / "tests" / "test_stories.yml"),
         "--fail-on-prediction-errors", "--out", str(tmp_path), "--no-plot"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    failed = (tmp_path / "failed_test_stories.yml")
    details = failed.read_text() if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, details
