"""One trained model per content version: train only when data, config or domain changed.

The model file is named after a hash of everything that goes into training, so the
launcher, `make train` and the test suite all share the same cached model.
"""
from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
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
    """Return the trained model for the current content, training it when missing."""
    path = model_path()
    if path.exists():
        logger.info("Model is up to date: %s", path)
        return path
    logger.info("Training a new model: %s", path)
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", str(CONFIG_FILE), "--domain", str(DOMAIN_DIR), "--data", str(DATA_DIR),
        "--out", str(MODELS_DIR), "--fixed-model-name", path.name[: -len(".tar.gz")],
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    if not path.exists():
        raise RuntimeError(f"rasa train finished but {path} was not written")
    return path


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(ensure_model())
