"""Paths and settings, read from environment variables with embedded defaults."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_DIR = ROOT / "bot" / "domain"
DATA_DIR = ROOT / "data"
CONFIG_FILE = ROOT / "config.yml"
MODELS_DIR = Path(os.environ.get("GA_MODELS_DIR", ROOT / "models"))
VAR_DIR = Path(os.environ.get("GA_VAR_DIR", ROOT / "var"))
PROFILE_FILE = Path(os.environ.get("GA_PROFILE", ROOT / "bot" / "profile.yml"))
