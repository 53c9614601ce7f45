"""A conversation's lifecycle in the console (bot/worklist/lifecycle.py does the work).

Imported at the end of console/app.py, so the app, `requires`, `page` and `audit` exist.
Resolving is "Gesprek afronden" (the finish route in console/app.py), so a taken-over
conversation's klantcontact is registered once, as before.

- POST /console/conversations/<sender>/assign    to=me | user:<id> | team:<slug>, with an
                                                 optional note: a transfer
- POST /console/conversations/<sender>/snooze    hours=1..168: out of the queue until then
- POST /console/conversations/<sender>/priority  priority=0|1|2
- POST /console/conversations/<sender>/reopen    a snoozed or resolved conversation, open
"""
from __future__ import annotations

import asyncio
import time
from typing import Optional, Tuple
from urllib.parse import unquote

from sanic.request import Request
from sanic.response import HTTPResponse

from bot.reports.db import session
from bot.worklist import lifecycle
from bot.worklist.table import PRIORITIES
from console import lists, teams
from console.app import (MAX_REPLY, _back_to, app, audit, hand_out_by_round_robin, page,
                         requires)
from console.models import Note, Takeover

SNOOZE_HOURS = (1, 4, 24, 72, 168)


def _not_found(request: Request) -> HTTPResponse:
    return page(request, "message.html", 404, title="Niet gevonden",
                message="Dit gesprek bestaat niet (meer).")


def _target(to: str) -> Tuple[Optional[lifecycle.Member], Optional[str], str]:
    """(colleague, team, what to call it) for `to`; ValueError for a target unknown."""
    kind, _, value = to.partition(":")
    if kind == "user" and value.isdigit():
        found = next((c for c in teams.colleagues(app.ctx.db_url) if c.id == int(value)), None)
        if found:
            return lifecycle.Member(found.id, found.name), found.department, found.name
    if kind == "team":
        known = teams.teams(app.ctx.db_url)
        if value in known:
            return None, value, f"team {known[value]}"
    raise ValueError(to)


def _transfer(sender: str, staff, to: str, note: str) -> Tuple[int, str]:
    """Assign; (status, what the page says): 409 when someone else holds the conversation
    or a held conversation would go to a team without a colleague to continue it."""
    row = lists.one(app.ctx.tracker_url, sender)
    if row is None:
        return 404, ""
    if to == "me":
        to = f"user:{staff.id}"
    member, team, label = _target(to)
    team = team or row.team
    with session(app.ctx.db_url) as db:
        takeover = db.get(Takeover, sender)
        if takeover is not None and takeover.user_id != staff.id and staff.role != "admin":
            return 409, "Een collega heeft dit gesprek overgenomen; alleen die kan het overdragen."
        if takeover is not None and member is None:
            return 409, ("Dit gesprek is overgenomen. Draag het over aan een collega, of geef "
                         "het eerst terug aan de bot.")
        if takeover is not None:
            takeover.user_id = member.id  # the colleague continues the takeover
        if note:
            db.add(Note(sender_id=sender, user_id=staff.id,
                        text=f"Overgedragen aan {label}: {note}"))
    engine = lists.engine(app.ctx.tracker_url)
    lifecycle.assign(engine, sender, member, team)
    if member is None:
        lifecycle.to_queue(engine, sender)
    return 200, label


@app.post("/console/conversations/<sender>/assign")
@requires("agent")
async def assign(request: Request, sender: str) -> HTTPResponse:
    sender, staff, form = unquote(sender), request.ctx.staff, request.form or {}
    note = (form.get("note") or "").strip()[:MAX_REPLY]
    try:
        status, label = await asyncio.to_thread(_transfer, sender, staff,
                                                (form.get("to") or "").strip(), note)
    except ValueError:
        return page(request, "message.html", 400, title="Kies aan wie",
                    message="Kies een collega of een team.")
    if status == 404:
        return _not_found(request)
    if status == 409:
        return page(request, "message.html", 409, title="Niet overgedragen", message=label)
    await audit(staff, "transferred" if note else "assigned", sender,
                detail=f"{label}: {note}" if note else label)
    row = await asyncio.to_thread(lists.one, app.ctx.tracker_url, sender)
    if row and row.team and row.assignee_id is None:
        await hand_out_by_round_robin(row.team)
    return _back_to(sender)


@app.post("/console/conversations/<sender>/snooze")
@requires("agent")
async def snooze(request: Request, sender: str) -> HTTPResponse:
    sender = unquote(sender)
    hours = (request.form or {}).get("hours") or ""
    if not hours.isdigit() or int(hours) not in SNOOZE_HOURS:
        return page(request, "message.html", 400, title="Kies hoe lang",
                    message="Kies hoe lang het gesprek moet wachten.")
    until = time.time() + int(hours) * 3600
    if not await asyncio.to_thread(lifecycle.snooze, lists.engine(app.ctx.tracker_url),
                                   sender, until):
        return _not_found(request)
    await audit(request.ctx.staff, "snoozed", sender,
                detail=time.strftime("%Y-%m-%d %H:%M", time.localtime(until)))
    return _back_to(sender)


@app.post("/console/conversations/<sender>/priority")
@requires("agent")
async def priority(request: Request, sender: str) -> HTTPResponse:
    sender = unquote(sender)
    chosen = (request.form or {}).get("priority") or ""
    if not chosen.isdigit() or int(chosen) not in PRIORITIES:
        return page(request, "message.html", 400, title="Kies een prioriteit",
                    message="Kies normaal, hoog of urgent.")
    if not await asyncio.to_thread(lifecycle.set_priority, lists.engine(app.ctx.tracker_url),
                                   sender, int(chosen)):
        return _not_found(request)
    await audit(request.ctx.staff, "priority", sender, detail=PRIORITIES[int(chosen)])
    return _back_to(sender)


@app.post("/console/conversations/<sender>/reopen")
@requires("agent")
async def reopen(request: Request, sender: str) -> HTTPResponse:
    sender = unquote(sender)
    if not await asyncio.to_thread(lifecycle.reopen, lists.engine(app.ctx.tracker_url),
                                   sender):
        return _not_found(request)
    await audit(request.ctx.staff, "reopened", sender)
    return _back_to(sender)
