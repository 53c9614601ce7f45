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
# An action_endpoint URL starting with this runs the custom actions in the Rasa process
# (bot/inprocess_actions.py) instead of calling the action server.
IN_PROCESS_ACTIONS = "inprocess:"
# A turn makes tens of thousands of short-lived objects (events, states, features): with
# Python's default of a collection every 700 allocations the collector took 3.2 of a
# turn's 13 ms (bench/profile_turn.py, actions in process); with these, 1.2 ms.
GC_THRESHOLDS = (20_000, 50, 100)
PROFILE_FILE = Path(os.environ.get("GA_PROFILE", ROOT / "bot" / "profile.yml"))

# The project's own database: reports and outbox. SQLite by default, PostgreSQL by URL.
DATABASE_URL = os.environ.get("GA_DATABASE_URL", f"sqlite:///{VAR_DIR / 'reports.db'}")
# Signalen base URL (for example https://api.meldingen.example.nl); empty: reports stay local.
SIGNALEN_URL = os.environ.get("SIGNALEN_URL", "").rstrip("/")
SIGNALEN_TIMEOUT = float(os.environ.get("SIGNALEN_TIMEOUT", "5"))
REGISTER_FILE = ROOT / "bot" / "personal_data.yml"
# PDOK Locatieserver (the address register Signalen validates against); empty: offline.
PDOK_URL = os.environ.get(
    "PDOK_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1").rstrip("/")
PDOK_TIMEOUT = float(os.environ.get("PDOK_TIMEOUT", "2"))
# The municipality's street list from `make import-streets`; the profile's list when absent.
STREETS_FILE = Path(os.environ.get("GA_STREETS_FILE", VAR_DIR / "streets.yml"))
# Where the outbox worker reaches the Rasa server to tell residents about status changes.
RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/")
RASA_TOKEN = os.environ.get("RASA_TOKEN", "")
# Optional Signalen service account (a bearer token for the private API): full workflow
# states and finding a signal whose create answer was lost. Without it: public API only.
SIGNALEN_TOKEN = os.environ.get("SIGNALEN_TOKEN", "")
# A mailbox of the municipality, given to Signalen as the reporter's e-mail of a resident
# who wants updates but left no e-mail (WhatsApp, SMS, Telegram, web chat), so that staff
# can set "reactie gevraagd"; `{case}` becomes the case number, e.g.
# chat-meldingen+{case}@gemeente.nl. Only with SIGNALEN_TOKEN (bot/reports/reply_address.py).
SIGNALEN_REPLY_ADDRESS = os.environ.get("SIGNALEN_REPLY_ADDRESS", "").strip()
# Seconds between two status polls of open signals (Signalen has no status push).
SIGNALEN_POLL_INTERVAL = float(os.environ.get("SIGNALEN_POLL_INTERVAL", "900"))

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
# Extra origins a resident's photo may be fetched from (comma-separated, e.g. a proxy),
# besides Twilio's, Telegram's and Meta's own media hosts (bot/integrations/media.py).
MEDIA_ORIGINS = os.environ.get("GA_MEDIA_ORIGINS", "")
# The web chat binds its server-issued ids to the browser with HMAC(GA_WEBCHAT_SECRET, id);
# empty: a random secret per process (bot/serve.py gives all its processes one).
WEBCHAT_SECRET = os.environ.get("GA_WEBCHAT_SECRET", "")
# Transitional, only for the old test harness: "1" accepts web chat ids without a token.
WEBCHAT_UNBOUND_IDS = os.environ.get("GA_WEBCHAT_UNBOUND_IDS", "1") != "0"
# Seconds to wait for Twilio's or Telegram's API before the message goes to the outbox.
CHANNEL_TIMEOUT = float(os.environ.get("GA_CHANNEL_TIMEOUT", "10"))
# WhatsApp templates (Twilio Content API) for messages outside WhatsApp's 24-hour window:
# the content team's file names them; a TWILIO_TEMPLATE_<NAME> variable overrides a SID.
WHATSAPP_TEMPLATES_FILE = Path(os.environ.get("GA_WHATSAPP_TEMPLATES",
                                              ROOT / "whatsapp_templates.yml"))
# Hours after the resident's last message in which WhatsApp takes free text (Twilio: 24).
WHATSAPP_WINDOW_HOURS = float(os.environ.get("GA_WHATSAPP_WINDOW_HOURS", "24"))

# Open Klant (Klantinteracties API): webcare contacts and messages left for a colleague are
# registered there. Empty URL: nothing is registered. The token is Open Klant's API token.
OPENKLANT_URL = os.environ.get("OPENKLANT_URL", "").rstrip("/")
OPENKLANT_TOKEN = os.environ.get("OPENKLANT_TOKEN", "")
OPENKLANT_TIMEOUT = float(os.environ.get("OPENKLANT_TIMEOUT", "5"))
# When Open Klant checks `kanaal` against the Referentielijsten API: our channel → its code,
# comma-separated (e.g. "whatsapp=WHATSAPP,webchat=CHAT"); unnamed channels keep our names.
OPENKLANT_KANALEN = os.environ.get("OPENKLANT_KANALEN", "")
# A conversation an agent took over and left alone this long is finished by the console
# itself (outcome "onbekend"), so it still becomes a klantcontact; minutes.
TAKEOVER_IDLE_MINUTES = float(os.environ.get("GA_TAKEOVER_IDLE_MINUTES", "120"))
# An agent "online" or "away" who did nothing in the console this long counts as offline
# (bot.webcare.presence); minutes.
PRESENCE_IDLE_MINUTES = float(os.environ.get("GA_PRESENCE_IDLE_MINUTES", "30"))
# A resident in the queue hears a new place at most this often (bot.webcare.waiting_news).
WAITING_NEWS_SECONDS = float(os.environ.get("GA_WAITING_NEWS_SECONDS", "120"))
# Teams (knowledge-base departments) whose waiting conversations the console hands out by
# round robin, each with a capacity per colleague: "burgerzaken:3,afval:5". Others not.
ROUND_ROBIN = os.environ.get("GA_ROUND_ROBIN", "")

# Where reports go: "signalen" (SIGNALEN_URL) or "zgw" (a zaaksysteem with the ZGW APIs,
# e.g. Open Zaak). One per municipality; see README "Signalen or the zaaksysteem".
REPORTS_BACKEND = os.environ.get("REPORTS_BACKEND", "signalen").strip().lower()
# The ZGW APIs' roots (…/zaken/api/v1 etc.), the bot's client id and secret (JWT, HS256).
ZGW_ZAKEN_URL = os.environ.get("ZGW_ZAKEN_URL", "").rstrip("/")
ZGW_CATALOGI_URL = os.environ.get("ZGW_CATALOGI_URL", "").rstrip("/")
ZGW_DOCUMENTEN_URL = os.environ.get("ZGW_DOCUMENTEN_URL", "").rstrip("/")
ZGW_NOTIFICATIES_URL = os.environ.get("ZGW_NOTIFICATIES_URL", "").rstrip("/")
ZGW_CLIENT_ID = os.environ.get("ZGW_CLIENT_ID", "")
ZGW_SECRET = os.environ.get("ZGW_SECRET", "")
ZGW_TIMEOUT = float(os.environ.get("ZGW_TIMEOUT", "10"))
# The zaaktype a report becomes (its identificatie in the Catalogi API) and the RSIN of the
# municipality (bronorganisatie and verantwoordelijkeOrganisatie).
ZGW_ZAAKTYPE = os.environ.get("ZGW_ZAAKTYPE", "")
ZGW_CATALOGUS_URL = os.environ.get("ZGW_CATALOGUS_URL", "")
ZGW_RSIN = os.environ.get("ZGW_RSIN", "")
# Status news from the case system: the public URL of /webhooks/zgw/notificaties and the
# Authorization header value the Notificaties API must send to it.
ZGW_CALLBACK_URL = os.environ.get("ZGW_CALLBACK_URL", "")
ZGW_CALLBACK_AUTH = os.environ.get("ZGW_CALLBACK_AUTH", "")

# Login through the municipality's identity provider (OpenID Connect, code flow with PKCE).
# Without OIDC_ISSUER only local accounts log in. OIDC_ROLES_CLAIM names the ID token's
# claim with the colleague's groups or roles (a dotted path such as realm_access.roles
# works too); OIDC_ROLE_MAP maps its values to console roles, e.g.
# "kcc-medewerker=agent,kcc-redacteur=editor,kcc-beheer=admin" (unset: the values must be
# the console's own role names). OIDC_REDIRECT_URL is the public URL of
# /console/oidc/callback as registered at the provider.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")  # exactly as the provider names itself
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_ROLES_CLAIM = os.environ.get("OIDC_ROLES_CLAIM", "roles")
OIDC_ROLE_MAP = os.environ.get("OIDC_ROLE_MAP", "")
OIDC_REDIRECT_URL = os.environ.get("OIDC_REDIRECT_URL", "")
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid profile")
OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "5"))
# Local user names and passwords next to the provider (0: only the provider's login).
OIDC_LOCAL_LOGIN = os.environ.get("OIDC_LOCAL_LOGIN", "1") != "0"
