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
# Which endpoints file the stack uses: endpoints.yml (embedded) or endpoints.production.yml.
ENDPOINTS_FILE = Path(os.environ.get("GA_ENDPOINTS", ROOT / "endpoints.yml"))
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

# Twilio (WhatsApp and SMS). TWILIO_API_URL points the client elsewhere only for tests;
# TWILIO_PUBLIC_URL is the address Twilio calls when a proxy sits in front (it signs that).
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_API_URL = os.environ.get("TWILIO_API_URL", "https://api.twilio.com").rstrip("/")
TWILIO_WHATSAPP_FROM = os.environ.get("TWILIO_WHATSAPP_FROM", "")
TWILIO_SMS_FROM = os.environ.get("TWILIO_SMS_FROM", "")
TWILIO_PUBLIC_URL = os.environ.get("TWILIO_PUBLIC_URL", "").rstrip("/")
# Telegram, through python-telegram-bot. TELEGRAM_SECRET_TOKEN is set on the webhook.
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "")
TELEGRAM_SECRET_TOKEN = os.environ.get("TELEGRAM_SECRET_TOKEN", "")
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
# Seconds to wait for Twilio's or Telegram's API before the message goes to the outbox.
CHANNEL_TIMEOUT = float(os.environ.get("GA_CHANNEL_TIMEOUT", "10"))
