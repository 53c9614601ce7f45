"""Runs tests/test_stories.yml with Rasa's own test command against the trained model."""
from __future__ import annotations

import subprocess
import sys

from bot.settings import ROOT


def test_conversation_stories_pass(trained_model, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "test", "core", "--model", str(trained_model),
         "--stories", str(ROOT / "tests" / "test_stories.yml"),
         "--fail-on-prediction-errors", "--out", str(tmp_path), "--no-plot"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    failed = (tmp_path / "failed_test_stories.yml")
    details = failed.read_text() if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, details
