"""One trained model per content version: train only when data, config or domain changed.

The model file is named after a hash of everything that goes into training, so the
launcher, `make train` and the test suite all share the same cached model.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterable, List

from bot.settings import CONFIG_FILE, DATA_DIR, DOMAIN_DIR, MODELS_DIR, ROOT

logger = logging.getLogger(__name__)

TRAINING_INPUTS = (CONFIG_FILE, DOMAIN_DIR, DATA_DIR, ROOT / "bot" / "nlu")


def _files(paths: Iterable[Path]) -> List[Path]:
    found: List[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file()
                         and p.suffix in {".yml", ".yaml", ".py", ".txt"})
        elif path.is_file():
            found.append(path)
    return found


def fingerprint() -> str:
    """A short hash of every file that training reads."""
    digest = hashlib.sha256()
    for path in _files(TRAINING_INPUTS):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return MODELS_DIR / f"gemeente-{fingerprint()}.tar.gz"


def ensure_model() -> Path:
    """Return the trained model for the current content, training it when missing.

    Several instances may start at once on one models folder: a lock lets one of them
    train while the others wait, and the model appears under its name only when complete.
    """
    path = model_path()
    if path.exists():
        logger.info("Model is up to date: %s", path)
        return path
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    with open(MODELS_DIR / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _train_into(path)
    return path


def _train_into(path: Path) -> None:
    logger.info("Training a new model: %s", path)
    name = path.name[: -len(".tar.gz")]
    with tempfile.TemporaryDirectory(dir=MODELS_DIR, prefix=".training-") as scratch:
        command = [
            sys.executable, "-m", "rasa", "train",
            "--config", str(CONFIG_FILE), "--domain", str(DOMAIN_DIR), "--data", str(DATA_DIR),
            "--out", scratch, "--fixed-model-name", name,
        ]
        subprocess.run(command, cwd=ROOT, check=True)
        trained = Path(scratch) / path.name
        if not trained.exists():
            raise RuntimeError(f"rasa train finished but {trained} was not written")
        os.replace(trained, path)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(ensure_model())
