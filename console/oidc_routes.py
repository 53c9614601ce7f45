"""The two pages of a login through the municipality's identity provider: the redirect
there (with state, nonce and PKCE) and the callback that starts a console session.

Imported at the end of console/app.py, so the app and `page` exist.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
from typing import Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.integrations import oidc
from console import auth, oidc_login, presence_routes
from console.app import _session_cookie, app, page, templates

logger = logging.getLogger(__name__)

PENDING_COOKIE = "console_oidc"
PENDING_PATH = "/console/oidc"
PENDING_SECONDS = 600
FAILED = "Inloggen via uw gemeente-account is niet gelukt. Probeer het opnieuw."

CONFIG = oidc.Config.from_settings()
ROLE_MAP = oidc_login.role_map() if CONFIG else {}
templates.globals["oidc_login"] = CONFIG is not None
templates.globals["local_login"] = settings.OIDC_LOCAL_LOGIN or CONFIG is None


def _redirect_url(request: Request) -> str:
    return settings.OIDC_REDIRECT_URL or f"{request.scheme}://{request.host}/console/oidc/callback"


def _pending_cookie(answer: HTTPResponse, value: str, max_age: int) -> None:
    """Lax, not Strict: the provider's redirect back is a navigation from its site."""
    answer.cookies[PENDING_COOKIE] = value
    cookie = answer.cookies[PENDING_COOKIE]
    cookie["httponly"], cookie["secure"], cookie["samesite"] = True, True, "Lax"
    cookie["path"], cookie["max-age"] = PENDING_PATH, max_age


def _pending(request: Request) -> Optional[oidc.Pending]:
    try:
        fields = json.loads(base64.urlsafe_b64decode(request.cookies.get(PENDING_COOKIE, "")))
        return oidc.Pending(str(fields["state"]), str(fields["nonce"]), str(fields["verifier"]))
    except (ValueError, KeyError, TypeError):
        return None


def _failed(request: Request, status: int, message: str = FAILED) -> HTTPResponse:
    answer = page(request, "login.html", status, error=message)
    _pending_cookie(answer, "", 0)
    return answer


@app.get("/console/oidc/login")
async def oidc_start(request: Request) -> HTTPResponse:
    if CONFIG is None:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Inloggen via de gemeente is hier niet ingesteld.")
    try:
        url, pending = await asyncio.to_thread(oidc.start, CONFIG, _redirect_url(request))
    except oidc.OidcError as error:
        logger.warning("OIDC login could not start: %s", error)
        return _failed(request, 503, "De inlogdienst van de gemeente is niet bereikbaar.")
    answer = response.redirect(url, status=303)
    _pending_cookie(answer, base64.urlsafe_b64encode(json.dumps(
        {"state": pending.state, "nonce": pending.nonce,
         "verifier": pending.verifier}).encode()).decode(), PENDING_SECONDS)
    return answer


@app.get("/console/oidc/callback")
async def oidc_callback(request: Request) -> HTTPResponse:
    pending = _pending(request)
    if CONFIG is None or pending is None:
        return _failed(request, 400, "Het inloggen duurde te lang of begon niet hier. "
                                     "Probeer het opnieuw.")
    if request.args.get("error"):
        logger.info("OIDC login refused by the provider: %s", request.args.get("error"))
        return _failed(request, 401)
    try:
        identity = await asyncio.to_thread(
            oidc.finish, CONFIG, pending, request.args.get("state", ""),
            request.args.get("code", ""), _redirect_url(request))
    except oidc.OidcError as error:
        logger.warning("OIDC login refused: %s", error)
        return _failed(request, 401)
    role = oidc_login.console_role(identity.roles, ROLE_MAP)
    if role is None:
        logger.info("OIDC login without a console role (claim %s)", CONFIG.roles_claim)
        return _failed(request, 403, "Uw gemeente-account geeft geen toegang tot de console.")
    token = await asyncio.to_thread(oidc_login.log_in, identity, role, app.ctx.db_url)
    if token is None:
        return _failed(request, 403, "Uw account staat uit. Vraag een beheerder.")
    await asyncio.to_thread(presence_routes.online_at_login, token)
    # A page, not a redirect: the session cookie is SameSite=Strict and a redirect chain
    # that began at the provider's site would not carry it to the first page.
    answer = page(request, "signed_in.html")
    _session_cookie(answer, token, auth.SESSION_HOURS * 3600)
    _pending_cookie(answer, "", 0)
    return answer
