"""Presence in the console: the header's control for the logged-in colleague.

Imported at the end of console/app.py. An agent is online after logging in, offline after
logging out or PRESENCE_IDLE_MINUTES without a page or form (bot.webcare.presence).

- POST /console/presence   status=online|away|offline, back to the page it came from
  (the header form on every page, base.html)
"""
from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.webcare import presence
from bot.webcare.models import STATUSES
from console import auth
from console.app import app, audit, page, requires

def online_at_login(token: str) -> None:
    staff = auth.staff_for(token, app.ctx.db_url)
    if staff is not None and staff.may("agent"):
        presence.set_status(staff.id, presence.ONLINE, app.ctx.db_url)


def _back(referer: str) -> str:
    """The console page the form was on (the Referer is same-origin only); never another
    site."""
    target = urlsplit(referer or "")
    path = target.path + (f"?{target.query}" if target.query else "")
    return path if path.startswith("/console/") and "//" not in path else "/console/"


@app.post("/console/presence")
@requires("agent")
async def set_presence(request: Request) -> HTTPResponse:
    form = request.form or {}
    status = form.get("status", "")
    if status not in STATUSES:
        return page(request, "message.html", 400, title="Onbekende status",
                    message="Kies online, afwezig of offline.")
    await asyncio.to_thread(presence.set_status, request.ctx.staff.id, status,
                            app.ctx.db_url)
    await audit(request.ctx.staff, "presence", detail=status)
    return response.redirect(_back(request.headers.get("Referer", "")), status=303)
