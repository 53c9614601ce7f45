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

# The project's own database: reports and outbox. SQLite by default, PostgreSQL by URL.
DATABASE_URL = os.environ.get("GA_DATABASE_URL", f"sqlite:///{VAR_DIR / 'reports.db'}")
# Signalen base URL (for example https://api.meldingen.example.nl); empty: reports stay local.
SIGNALEN_URL = os.environ.get("SIGNALEN_URL", "").rstrip("/")
SIGNALEN_TIMEOUT = float(os.environ.get("SIGNALEN_TIMEOUT", "5"))
REGISTER_FILE = ROOT / "bot" / "personal_data.yml"
# Where the outbox worker reaches the Rasa server to tell residents about status changes.
RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/")
RASA_TOKEN = os.environ.get("RASA_TOKEN", "")
# Shared secret that Signalen's status webhook sends in X-Signalen-Secret.
SIGNALEN_WEBHOOK_SECRET = os.environ.get("SIGNALEN_WEBHOOK_SECRET", "")
