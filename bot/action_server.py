"""The action server, only for the Rasa server: rasa_sdk's app behind a shared secret.

    GA_ACTION_TOKEN=… python -m bot.action_server --port 5055

Every call must carry the secret the Rasa server sends (`token` under `action_endpoint`
in endpoints.yml: Rasa adds it as the query parameter `?token=…`; `Authorization: Bearer …`
works too). A call without it, or with another one, gets 401 before any action runs, so
it files nothing. Only `/health` stays open (it tells nothing). Without GA_ACTION_TOKEN
the server does not start. It listens on SANIC_HOST, loopback (127.0.0.1) when unset;
rasa_sdk's own default would be 0.0.0.0.

Rasa puts its whole domain (some 80 kB of JSON) at the end of every call, the same each
time: the action server parses it once and gives the later calls that carry the same bytes
the same dict (DomainReuse; the actions only read the domain).

The other options are rasa_sdk's (`--actions`, `--port`, `--cors`, `--ssl-…`, logging).
"""
from __future__ import annotations

import gc
import hmac
import logging
import os
import sys
from typing import Any, Dict, Optional, Sequence, Text

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request, json_loads

from bot.settings import GC_THRESHOLDS

logger = logging.getLogger(__name__)

TOKEN_VARIABLE = "GA_ACTION_TOKEN"
# Rasa's EndpointConfig sends `token` as a query parameter named `token_name` ("token").
TOKEN_NAME = "token"
OPEN_PATHS = {"/health"}
DEFAULT_HOST = "127.0.0.1"


def presented_token(request: Request) -> Optional[Text]:
    """The secret a call carries: `?token=` (what Rasa sends) or a bearer header."""
    value = request.args.get(TOKEN_NAME)
    if value:
        return value
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def require_token(app: Sanic, token: Text) -> Sanic:
    """Refuse every call but /health that lacks `token` (compared in constant time)."""
    if not token:
        raise ValueError(f"the action server needs a shared secret ({TOKEN_VARIABLE})")
    expected = token.encode("utf-8")

    @app.middleware("request")
    async def check_token(request: Request):
        if request.path in OPEN_PATHS or request.method == "OPTIONS":
            return None
        given = presented_token(request)
        if given is not None and hmac.compare_digest(given.encode("utf-8"), expected):
            return None
        logger.warning("Action server call to %s refused: %s", request.path,
                       "no token" if given is None else "wrong token")
        return response.json({"error": "unauthorized"}, status=401)

    return app


DOMAIN_MARK = b', "domain": '


class DomainReuse:
    """Parses action calls as Sanic does (`request.json`), with the domain at their end
    parsed only when its bytes differ from the last domain seen."""

    def __init__(self) -> None:
        self.suffix: Optional[bytes] = None
        self.domain: Optional[Dict[Text, Any]] = None

    def parse(self, body: bytes) -> Any:
        if self.suffix is not None and len(body) > len(self.suffix) + 1 \
                and body.endswith(self.suffix):
            try:
                head = json_loads(body[:-len(self.suffix)] + b"}")
            except ValueError:
                head = None
            if isinstance(head, dict) and head and "domain" not in head:
                head["domain"] = self.domain
                return head
        parsed = json_loads(body)
        self._learn(body, parsed)
        return parsed

    def _learn(self, body: bytes, parsed: Any) -> None:
        """Remember the domain's bytes when the call ends with `, "domain": {…}}`."""
        if not (isinstance(parsed, dict) and isinstance(parsed.get("domain"), dict)
                and next(reversed(parsed)) == "domain"):
            return
        start = body.rfind(DOMAIN_MARK)
        if start < 0 or not body.endswith(b"}"):
            return
        try:
            domain = json_loads(body[start + len(DOMAIN_MARK):-1])
        except ValueError:
            return
        if domain == parsed["domain"]:  # a fresh dict, never handed to an action
            self.suffix, self.domain = body[start:], domain


def reuse_domain(app: Sanic) -> Sanic:
    """Fill `request.json` of action calls through a DomainReuse."""
    reuse = DomainReuse()

    @app.middleware("request")
    async def parse_action_call(request: Request):
        if request.method != "POST" or request.path != "/webhook" \
                or request.headers.get("Content-Encoding") == "deflate" or not request.body:
            return None
        try:
            request.parsed_json = reuse.parse(request.body)
        except ValueError:
            pass  # rasa_sdk reads request.json and answers as it always did
        return None

    return app


def create_protected_app(actions: Text, token: Text, cors_origins=None,
                         auto_reload: bool = False) -> Sanic:
    """rasa_sdk's Sanic app for `actions` with the token check in front."""
    # No browser has any business here: no CORS origins unless asked for.
    app = create_app(actions, cors_origins=cors_origins or "", auto_reload=auto_reload)
    return reuse_domain(require_token(app, token))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = create_argument_parser()
    parser.description = "The action server, behind GA_ACTION_TOKEN (loopback by default)."
    parser.set_defaults(actions="actions", cors=None)
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token:
        print(f"error: set {TOKEN_VARIABLE} (the secret the Rasa server sends as "
              f"`token` under action_endpoint in endpoints.yml)", file=sys.stderr)
        return 2

    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
                                 args.log_file, args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()

    app = create_protected_app(args.actions, token, cors_origins=args.cors,
                               auto_reload=args.auto_reload)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl_context = create_ssl_context(args.ssl_certificate, args.ssl_keyfile,
                                     args.ssl_password)
    host = os.environ.get("SANIC_HOST") or DEFAULT_HOST
    gc.freeze()  # the actions and their data, loaded once
    gc.set_threshold(*GC_THRESHOLDS)
    logger.info("Action server on %s://%s:%s (token required)",
                "https" if ssl_context else "http", host, args.port)
    app.run(host, args.port, ssl=ssl_context, workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())
