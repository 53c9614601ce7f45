"""Instances that start together train one model and never load a half-written file."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from bot import model


@pytest.fixture()
def models_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(model, "MODELS_DIR", tmp_path)
    monkeypatch.setattr(model, "fingerprint", lambda: "abc123")
    return tmp_path


def _slow_trainer(calls: list):
    def run(command, cwd, check):
        out = Path(command[command.index("--out") + 1])
        name = command[command.index("--fixed-model-name") + 1]
        calls.append(out)
        with open(out / f"{name}.tar.gz", "wb") as written:
            written.write(b"half")
            time.sleep(0.3)
            written.write(b" and whole")
    return run


def test_instances_starting_together_train_once_and_see_a_whole_model(models_dir, monkeypatch):
    calls: list = []
    monkeypatch.setattr(model.subprocess, "run", _slow_trainer(calls))
    found: list = []
    starts = [threading.Thread(target=lambda: found.append(model.ensure_model().read_bytes()))
              for _ in range(3)]
    for start in starts:
        start.start()
    for start in starts:
        start.join()
    assert len(calls) == 1
    assert found == [b"half and whole"] * 3
    assert [p.name for p in models_dir.iterdir() if not p.name.startswith(".train.lock")] == [
        "gemeente-abc123.tar.gz"]


def test_a_failed_training_leaves_no_model_behind(models_dir, monkeypatch):
    def fails(command, cwd, check):
        out = Path(command[command.index("--out") + 1])
        (out / "gemeente-abc123.tar.gz").write_bytes(b"half")
        raise RuntimeError("training stopped")
    monkeypatch.setattr(model.subprocess, "run", fails)
    with pytest.raises(RuntimeError):
        model.ensure_model()
    assert not (models_dir / "gemeente-abc123.tar.gz").exists()
