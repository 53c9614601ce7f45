"""The webcare console: server-rendered pages plus a little JavaScript.

Nothing is reachable without a login; every form and fetch carries the session's
CSRF token; cookies are Secure, HttpOnly and SameSite=Strict.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import time
from pathlib import Path
from typing import Any, Awaitable, Callable, List, Optional
from urllib.parse import quote, unquote

import jinja2
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import IntegrityError

from bot.profile import profile
from bot.reports.db import session
from bot.tone import sign, tone_guide
from bot.tone.guide import MEDIA, ToneGuideError
from bot.tone.responses import domain_responses

from bot.klantcontacten import contactverzoek
from bot.klantcontacten import dead_letters as openklant_dead_letters
from bot import settings
from bot.klantcontacten.contacts import OUTCOMES, UNKNOWN, outcome_choices
from bot.reports import dead_letters as reports_dead_letters
from console import (auth, dashboard, dead_letters, deliveries, klantcontact, knowledge,
                     lists, teams, tone_editor)
from console.conversations import REASONS, conversations, latest_event_id, transcript
from bot.worklist import lifecycle
from bot.worklist.table import PRIORITIES, analyze
from console.models import AuditEntry, Note, Takeover
from console.rasa_api import (RasaUnavailable, ask_satisfaction, pause, resume,
                              send_staff_message)
from console import norms
from bot.webcare import presence, waiting

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
COOKIE = "console_session"
COOKIE_PATH = "/console"
STATIC = {"console.css": "text/css", "console.js": "text/javascript"}
MAX_REPLY = 2000
STREAM_SECONDS = 55
IDLE_SWEEP_SECONDS = 60
ANALYZE_EVERY = 60  # sweeps: the conversation table's planner statistics, hourly
# Fetched by the page's script: without a login they answer 401 instead of a redirect.
SCRIPT_PATHS = ("/console/partials/", "/console/stream")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                               autoescape=True)
templates.filters["url"] = lambda sender: quote(sender, safe=":+@")
templates.filters["clock"] = lambda ts: time.strftime("%d-%m %H:%M", time.localtime(ts))
templates.filters["minutes"] = lambda seconds: f"{int(seconds // 60)} min"


def page(request: Request, name: str, status: int = 200, **values: Any) -> HTTPResponse:
    staff = getattr(request.ctx, "staff", None)
    html = templates.get_template(name).render(
        staff=staff, municipality=profile().name, now=time.time(),
        presence=getattr(request.ctx, "presence", None), **values)
    return response.html(html, status=status)


def unavailable(request: Request, error: Exception,
                what: str = "De bot is niet bereikbaar") -> HTTPResponse:
    return page(request, "message.html", 503, title="Niet gelukt",
                message=f"{what} ({error}). Probeer het opnieuw.")


def requires(*roles: str) -> Callable:
    """Login (and a role, and for POST a CSRF token) before the handler runs."""

    def wrap(handler: Callable[..., Awaitable[HTTPResponse]]) -> Callable:
        @functools.wraps(handler)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            staff = await asyncio.to_thread(auth.staff_for, request.cookies.get(COOKIE))
            if staff is None:
                if request.method == "GET" and not request.path.startswith(SCRIPT_PATHS):
                    return response.redirect("/console/login", status=303)
                return response.json({"error": "login_required"}, status=401)
            request.ctx.staff = staff
            request.ctx.presence = await asyncio.to_thread(
                _seen, staff.id, not request.path.startswith(SCRIPT_PATHS))
            if roles and not staff.may(*roles):
                return page(request, "message.html", 403, title="Geen toegang",
                            message="Uw rol geeft geen toegang tot deze pagina.")
            if request.method == "POST":
                given = request.headers.get("X-CSRF-Token") or (
                    request.form.get("csrf_token") if request.form else None)
                if not auth.csrf_ok(staff, given):
                    return response.json({"error": "invalid_csrf_token"}, status=403)
            return await handler(request, *args, **kwargs)

        return guarded

    return wrap


def _seen(user_id: int, active: bool) -> str:
    """The colleague's presence; a page or a form (not the page's own fetches) counts
    as activity."""
    if active:
        presence.touch(user_id, app.ctx.db_url)
    return presence.status_of(user_id, app.ctx.db_url)


async def audit(staff: auth.Staff, action: str, sender: Optional[str] = None,
                detail: str = "") -> None:
    def write() -> None:
        with session(app.ctx.db_url) as db:
            db.add(AuditEntry(user_id=staff.id, action=action, sender_id=sender,
                              detail=detail or None))
    await asyncio.to_thread(write)


app = Sanic("webcare_console")
# The console's forms hold text (a reply, an article, the tone guide): a bigger body is
# refused before it is read, so nobody can make the console parse megabytes.
app.config.REQUEST_MAX_SIZE = 1_000_000


@app.middleware("response")
async def security_headers(request: Request, answer: HTTPResponse) -> None:
    answer.headers.update(SECURITY_HEADERS)


@app.get("/console/health")
async def health(request: Request) -> HTTPResponse:
    return response.json({"status": "ok"})


@app.get("/console/static/<filename>")
async def static(request: Request, filename: str) -> HTTPResponse:
    if filename not in STATIC:
        return response.json({"error": "not_found"}, status=404)
    return await response.file(HERE / "static" / filename, mime_type=STATIC[filename])


@app.get("/console/login")
async def login_page(request: Request) -> HTTPResponse:
    return page(request, "login.html")


def _client_address(request: Request) -> str:
    """The colleague's address: behind the intranet proxy Sanic reads X-Forwarded-For
    when SANIC_PROXIES_COUNT (or SANIC_REAL_IP_HEADER) is set."""
    return request.remote_addr or request.ip or "?"


def _session_cookie(answer: HTTPResponse, token: str, max_age: int) -> None:
    """The session cookie, set and deleted with the same attributes and path."""
    answer.cookies[COOKIE] = token
    cookie = answer.cookies[COOKIE]
    cookie["httponly"], cookie["secure"], cookie["samesite"] = True, True, "Strict"
    cookie["path"], cookie["max-age"] = COOKIE_PATH, max_age


TOO_MANY = "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."


@app.post("/console/login")
async def login(request: Request) -> HTTPResponse:
    if settings.OIDC_ISSUER and not settings.OIDC_LOCAL_LOGIN:
        return page(request, "login.html", 403, error="Log in met uw gemeente-account.")
    form = request.form or {}
    username, password = form.get("username", ""), form.get("password", "")
    try:
        token = await asyncio.to_thread(auth.log_in, username, password,
                                        _client_address(request), app.ctx.db_url)
    except auth.LoginBlocked:
        return page(request, "login.html", 429, error=TOO_MANY)
    if token is None:
        return page(request, "login.html", 401, error="Gebruikersnaam of wachtwoord klopt niet.")
    await asyncio.to_thread(presence_routes.online_at_login, token)
    answer = response.redirect("/console/", status=303)
    _session_cookie(answer, token, auth.SESSION_HOURS * 3600)
    return answer


@app.post("/console/logout")
@requires()
async def logout(request: Request) -> HTTPResponse:
    await asyncio.to_thread(auth.log_out, request.cookies.get(COOKIE), app.ctx.db_url)
    await asyncio.to_thread(presence.set_status, request.ctx.staff.id, presence.OFFLINE,
                            app.ctx.db_url)
    answer = response.redirect("/console/login", status=303)
    _session_cookie(answer, "", 0)
    return answer


def _overview_values(request: Request) -> dict:
    filters = lists.Filters.from_args(request.args)
    lists.wake_due(app.ctx.tracker_url)
    with session(app.ctx.db_url) as db:
        taken = {t.sender_id: t.user.name for t in db.query(Takeover).all()}
    queue, waiting = lists.queue(app.ctx.tracker_url, taken, filters)
    requests = klantcontact.open_requests([c.sender_id for c in queue], app.ctx.db_url)
    colleagues = teams.colleagues(app.ctx.db_url)
    active = lists.overview(app.ctx.tracker_url, filters, {c.id: c.name for c in colleagues})
    return {"queue": queue, "waiting": waiting, "taken": taken, "requests": requests,
            "active": active, "filters": filters, "statuses": lists.STATUS_NAMES,
            "channels": lists.channels(app.ctx.tracker_url),
            "teams": teams.teams(app.ctx.db_url), "colleagues": colleagues,
            "norms": norms.for_queue(queue)}


@app.get("/console/")
@requires()
async def overview(request: Request) -> HTTPResponse:
    staff = request.ctx.staff
    if not staff.may("agent"):
        if staff.may("editor", "kb_manager"):   # their work (and overdue articles) is there
            return response.redirect("/console/knowledge", status=303)
        return page(request, "message.html", 403, title="Geen toegang",
                    message="Uw rol geeft geen toegang tot deze pagina.")
    return page(request, "overview.html", **await asyncio.to_thread(_overview_values, request))


@app.get("/console/partials/overview")
@requires("agent")
async def overview_partial(request: Request) -> HTTPResponse:
    return page(request, "_overview.html",
                **await asyncio.to_thread(_overview_values, request))


@app.get("/console/stream")
@requires()
async def stream(request: Request) -> HTTPResponse:
    """Server-sent events: the newest event id, whenever it changes."""
    answer = await request.respond(content_type="text/event-stream",
                                   headers={"Cache-Control": "no-cache"})
    await answer.send("retry: 1000\n\n")
    last, deadline = None, time.monotonic() + STREAM_SECONDS
    while time.monotonic() < deadline:
        current = await asyncio.to_thread(latest_event_id, app.ctx.tracker_url)
        if current != last:
            await answer.send(f"data: {current}\n\n")
            last = current
        await asyncio.sleep(1)
    await answer.eof()


def _conversation_values(sender: str) -> dict:
    with session(app.ctx.db_url) as db:
        takeover = db.get(Takeover, sender)
        holder = (takeover.user_id, takeover.user.name) if takeover else None
        notes = [(n.user.name, n.text, n.created_at) for n in
                 db.query(Note).filter_by(sender_id=sender).order_by(Note.id)]
    found = lists.one(app.ctx.tracker_url, sender) or next(
        iter(conversations(app.ctx.tracker_url, hours=24 * 30, sender=sender)), None)
    return {"sender": sender, "lines": transcript(app.ctx.tracker_url, sender),
            "conversation": found, "holder": holder, "notes": notes,
            "teams": teams.teams(app.ctx.db_url), "colleagues": teams.colleagues(app.ctx.db_url),
            "priorities": PRIORITIES, "all_outcomes": outcome_choices(),
            "canned": tone_guide().staff.canned_answers, "reasons": REASONS,
            "requests": klantcontact.requests(sender, app.ctx.db_url),
            "failures": deliveries.failures(app.ctx.db_url, recipient=sender, limit=20),
            "outcomes": outcome_choices() if contactverzoek.enabled() else []}


def _knowledge_values(request: Request, channel: str) -> dict:
    """The knowledge-base search on the conversation page, without JavaScript: `kb` the
    words searched, `invoegen` the article whose answer goes into the reply."""
    query = (request.args.get("kb") or "").strip()[:300]
    chosen = request.args.get("invoegen") or ""
    found = knowledge.search(query, app.ctx.db_url) if query else []
    inserted = knowledge.published_answer(chosen, channel, app.ctx.db_url) if chosen else None
    return {"kb_query": query, "kb_results": found, "kb_searched": bool(query),
            "reply_text": inserted["answer"] if inserted else ""}


@app.get("/console/conversations/<sender>")
@requires("agent")
async def conversation(request: Request, sender: str) -> HTTPResponse:
    sender = unquote(sender)
    await asyncio.to_thread(klantcontact.refresh, sender, app.ctx.db_url)
    values = await asyncio.to_thread(_conversation_values, sender)
    if values["conversation"] is None and not values["lines"]:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Dit gesprek bestaat niet (meer).")
    channel = values["conversation"].channel if values["conversation"] else ""
    values.update(await asyncio.to_thread(_knowledge_values, request, channel or ""))
    await audit(request.ctx.staff, "opened", sender)
    return page(request, "conversation.html", **values)


@app.get("/console/partials/conversations/<sender>")
@requires("agent")
async def transcript_partial(request: Request, sender: str) -> HTTPResponse:
    """The live update of a conversation page: only for who opened that page in this
    session (so every look at a conversation is in the audit log)."""
    sender = unquote(sender)
    if not await asyncio.to_thread(_opened_in_session, request, sender):
        return page(request, "message.html", 403, title="Open het gesprek",
                    message="Open het gesprek eerst vanuit de lijst.")
    values = await asyncio.to_thread(_conversation_values, sender)
    return page(request, "_transcript.html", **values)


def _opened_in_session(request: Request, sender: str) -> bool:
    started = auth.session_started(request.cookies.get(COOKIE), app.ctx.db_url)
    with session(app.ctx.db_url) as db:
        return started is not None and db.query(AuditEntry.id).filter(
            AuditEntry.user_id == request.ctx.staff.id, AuditEntry.sender_id == sender,
            AuditEntry.action == "opened", AuditEntry.at >= started).first() is not None


def _back_to(sender: str) -> HTTPResponse:
    return response.redirect(f"/console/conversations/{quote(sender, safe=':+@')}", status=303)


@app.post("/console/conversations/<sender>/take")
@requires("agent")
async def take_over(request: Request, sender: str) -> HTTPResponse:
    sender, staff = unquote(sender), request.ctx.staff

    def claim() -> bool:
        try:
            with session(app.ctx.db_url) as db:
                db.add(Takeover(sender_id=sender, user_id=staff.id))
            return True
        except IntegrityError:
            return False

    if not await asyncio.to_thread(claim):
        return page(request, "message.html", 409, title="Al overgenomen",
                    message="Een collega heeft dit gesprek al overgenomen.")
    try:
        await pause(sender)
    except RasaUnavailable as error:
        await asyncio.to_thread(_release, sender)
        return unavailable(request, error)
    await asyncio.to_thread(waiting.taken, sender, app.ctx.db_url)
    await asyncio.to_thread(_assign_taker, sender, staff)
    await audit(staff, "took_over", sender)
    return _back_to(sender)


def _assign_taker(sender: str, staff: auth.Staff) -> None:
    """Who takes a conversation over has it; its team stays."""
    found = lists.one(app.ctx.tracker_url, sender)
    lifecycle.assign(lists.engine(app.ctx.tracker_url), sender,
                     lifecycle.Member(staff.id, staff.name), found.team if found else None)


def _release(sender: str) -> None:
    with session(app.ctx.db_url) as db:
        db.query(Takeover).filter_by(sender_id=sender).delete()


def _holder(sender: str) -> Optional[int]:
    with session(app.ctx.db_url) as db:
        takeover = db.get(Takeover, sender)
        return takeover.user_id if takeover else None


@app.post("/console/conversations/<sender>/reply")
@requires("agent")
async def reply(request: Request, sender: str) -> HTTPResponse:
    sender, staff = unquote(sender), request.ctx.staff
    text = (request.form.get("text") or "").strip()[:MAX_REPLY]
    if await asyncio.to_thread(_holder, sender) != staff.id:
        return page(request, "message.html", 409, title="Eerst overnemen",
                    message="Neem het gesprek eerst over; dan kunt u antwoorden.")
    if not text:
        return _back_to(sender)
    try:
        await send_staff_message(sender, sign(text, staff.initials, staff.name),
                                 staff.initials)
    except RasaUnavailable as error:
        return unavailable(request, error, "Uw antwoord is niet verstuurd")
    if contactverzoek.enabled():  # the answer to a message left: its task is done
        await asyncio.to_thread(contactverzoek.mark_handled, sender, app.ctx.db_url)
    await audit(staff, "replied", sender)
    return _back_to(sender)


@app.post("/console/conversations/<sender>/handback")
@requires("agent")
async def hand_back(request: Request, sender: str) -> HTTPResponse:
    sender, staff = unquote(sender), request.ctx.staff
    holder = await asyncio.to_thread(_holder, sender)
    if holder is not None and holder != staff.id and staff.role != "admin":
        return page(request, "message.html", 409, title="Niet uw gesprek",
                    message="Een collega heeft dit gesprek; alleen die kan het teruggeven.")
    outcome = ((request.form or {}).get("outcome") or "").strip()
    ended = await _end_takeover(sender, outcome)
    if isinstance(ended, RasaUnavailable):
        return unavailable(request, ended)
    await audit(staff, "handed_back", sender, detail=ended.outcome if ended else "")
    if holder is not None:  # a colleague helped: how satisfied is the resident?
        await ask_satisfaction(sender)
    return _back_to(sender)


@app.post("/console/conversations/<sender>/finish")
@requires("agent")
async def finish(request: Request, sender: str) -> HTTPResponse:
    """The resident has gone and the agent is done: the bot answers again (silently) and
    the conversation is registered with the outcome the agent chose."""
    sender, staff = unquote(sender), request.ctx.staff
    holder = await asyncio.to_thread(_holder, sender)
    if holder is not None and holder != staff.id and staff.role != "admin":
        return page(request, "message.html", 409, title="Niet uw gesprek",
                    message="Alleen wie het gesprek heeft overgenomen, kan het afronden.")
    outcome = ((request.form or {}).get("outcome") or "").strip()
    if outcome not in OUTCOMES:
        return page(request, "message.html", 400, title="Kies een uitkomst",
                    message="Kies bij Gesprek afronden de uitkomst van het gesprek.")
    if holder is None:  # nobody took it over: resolved, nothing to register
        if not await asyncio.to_thread(_resolve, sender, outcome):
            return page(request, "message.html", 409, title="Niet gevonden",
                        message="Dit gesprek bestaat niet (meer) of is al afgerond.")
        await audit(staff, "resolved", sender, detail=outcome)
        return _back_to(sender)
    ended = await _end_takeover(sender, outcome)
    if isinstance(ended, RasaUnavailable):
        return unavailable(request, ended)
    if ended is None:
        return page(request, "message.html", 409, title="Al afgerond",
                    message="Dit gesprek is al afgerond.")
    await asyncio.to_thread(_resolve, sender, outcome)
    await audit(staff, "finished", sender, detail=ended.outcome)
    await ask_satisfaction(sender)
    return _back_to(sender)


def _resolve(sender: str, outcome: str) -> bool:
    return lifecycle.resolve(lists.engine(app.ctx.tracker_url), sender, outcome)


async def _end_takeover(sender: str, outcome: str
                        ) -> "klantcontact.Ended | RasaUnavailable | None":
    """What the agent handled is read first (the resume event closes it), then the bot
    answers again, then the takeover ends with its klantcontact queued."""
    contact = await asyncio.to_thread(klantcontact.handled, sender, outcome,
                                      app.ctx.tracker_url, app.ctx.db_url)
    try:
        await resume(sender)
    except RasaUnavailable as error:
        return error
    await asyncio.to_thread(waiting.ended, sender, app.ctx.db_url)
    return await asyncio.to_thread(klantcontact.end_takeover, sender, contact, app.ctx.db_url)


async def finish_idle_takeovers(now: Optional[dt.datetime] = None) -> List[str]:
    """Finish every takeover idle for TAKEOVER_IDLE_MINUTES with the outcome "onbekend":
    a conversation an agent forgot to finish is registered all the same. The ones ended."""
    idle = dt.timedelta(minutes=settings.TAKEOVER_IDLE_MINUTES)
    senders = await asyncio.to_thread(klantcontact.idle_takeovers, app.ctx.tracker_url,
                                      app.ctx.db_url, idle, now)
    finished = []
    for sender in senders:
        ended = await _end_takeover(sender, UNKNOWN)
        if isinstance(ended, RasaUnavailable):
            logger.warning("Idle takeover not finished yet (Rasa): %s", ended)
        elif ended is not None:
            await asyncio.to_thread(_resolve, sender, UNKNOWN)
            await asyncio.to_thread(_audit_by_console, "finished_idle", sender, ended.outcome)
            finished.append(sender)
    return finished


async def hand_out_by_round_robin(team: Optional[str] = None) -> None:
    """Waiting conversations of round-robin teams go to a member below capacity."""
    handed = await asyncio.to_thread(teams.hand_out, app.ctx.tracker_url, app.ctx.db_url,
                                     team)
    for sender, member in handed:
        await asyncio.to_thread(_audit_by_console, "assigned_round_robin", sender, member.name)


def _audit_by_console(action: str, sender: str, detail: str) -> None:
    with session(app.ctx.db_url) as db:
        db.add(AuditEntry(user_id=None, action=action, sender_id=sender, detail=detail or None))


@app.after_server_start
async def start_idle_sweep(running: Sanic, loop: asyncio.AbstractEventLoop) -> None:
    running.ctx.idle_sweep = loop.create_task(_sweep_idle_takeovers())


@app.before_server_stop
async def stop_idle_sweep(running: Sanic, loop: asyncio.AbstractEventLoop) -> None:
    sweep = getattr(running.ctx, "idle_sweep", None)
    if sweep is not None:
        sweep.cancel()


async def _sweep_idle_takeovers() -> None:
    rounds = 0
    while True:
        await asyncio.sleep(IDLE_SWEEP_SECONDS)
        rounds += 1
        if rounds % ANALYZE_EVERY == 1:
            await asyncio.to_thread(analyze, lists.engine(app.ctx.tracker_url))
        try:
            finished = await finish_idle_takeovers()
            if finished:
                logger.info("Finished %s idle takeover(s)", len(finished))
            await asyncio.to_thread(lists.wake_due, app.ctx.tracker_url)
            await hand_out_by_round_robin()
        except Exception:  # noqa: BLE001 - the sweep must outlive one bad round
            logger.exception("Idle takeover sweep failed; trying again")


@app.post("/console/conversations/<sender>/notes")
@requires("agent")
async def add_note(request: Request, sender: str) -> HTTPResponse:
    sender, staff = unquote(sender), request.ctx.staff
    text = (request.form.get("text") or "").strip()[:MAX_REPLY]
    if text:
        def write() -> None:
            with session(app.ctx.db_url) as db:
                db.add(Note(sender_id=sender, user_id=staff.id, text=text))
        await asyncio.to_thread(write)
    return _back_to(sender)


@app.get("/console/tone")
@requires("editor")
async def tone_page(request: Request) -> HTTPResponse:
    return page(request, "tone.html", text=tone_editor.current_text(),
                history=await asyncio.to_thread(tone_editor.history), media=MEDIA,
                responses=sorted(domain_responses()), problems=[])


@app.post("/console/tone/preview")
@requires("editor")
async def tone_preview(request: Request) -> HTTPResponse:
    form = request.form or {}
    try:  # in a thread: parsing and rendering a guide takes a while, the console goes on
        return response.json(await asyncio.to_thread(
            tone_editor.preview, form.get("text", ""), form.get("response", "utter_greeting")))
    except (ToneGuideError, ValueError) as error:
        return response.json({"errors": str(error).splitlines()}, status=400)


@app.post("/console/tone/save")
@requires("editor")
async def tone_save(request: Request) -> HTTPResponse:
    form = request.form or {}
    text = form.get("text", "")
    problems = await asyncio.to_thread(tone_editor.save, text, request.ctx.staff.id,
                               form.get("comment", ""))
    if problems:
        return page(request, "tone.html", 400, text=text, problems=problems,
                    history=await asyncio.to_thread(tone_editor.history), media=MEDIA,
                    responses=sorted(domain_responses()))
    return response.redirect("/console/tone", status=303)


@app.post("/console/tone/revert/<version_id:int>")
@requires("editor")
async def tone_revert(request: Request, version_id: int) -> HTTPResponse:
    if await asyncio.to_thread(tone_editor.revert, version_id, request.ctx.staff.id) is None:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Deze versie bestaat niet.")
    return response.redirect("/console/tone", status=303)


@app.get("/console/dashboard")
@requires("agent", "editor")
async def dashboard_page(request: Request) -> HTTPResponse:
    board = await asyncio.to_thread(dashboard.build, app.ctx.tracker_url)
    grids = {"Gesprekken per uur van de week": board.hours_of_week(board.week_grid),
             "Meldingen per uur van de week": board.hours_of_week(board.report_grid)}
    return page(request, "dashboard.html", board=board, days=dashboard.DAYS, grids=grids)


@app.get("/console/dashboard.csv")
@requires("admin")
async def dashboard_csv(request: Request) -> HTTPResponse:
    board = await asyncio.to_thread(dashboard.build, app.ctx.tracker_url)
    await audit(request.ctx.staff, "exported", detail="dashboard.csv")
    return response.text(dashboard.to_csv(board), content_type="text/csv; charset=utf-8",
                         headers={"Content-Disposition": 'attachment; filename="dashboard.csv"'})


@app.get("/console/audit")
@requires("admin")
async def audit_page(request: Request) -> HTTPResponse:
    def entries() -> list:
        with session(app.ctx.db_url) as db:
            rows = db.query(AuditEntry).order_by(AuditEntry.id.desc()).limit(200).all()
            return [(e.at, e.user.name if e.user else "systeem", e.action, e.sender_id or "",
                     e.detail or "") for e in rows]
    return page(request, "audit.html", entries=await asyncio.to_thread(entries))


@app.get("/console/deliveries")
@requires("agent")
async def deliveries_page(request: Request) -> HTTPResponse:
    """Messages that did not reach the resident, with the provider's error in plain words
    and what the fallback did (console/deliveries.py)."""
    failures = await asyncio.to_thread(deliveries.failures, app.ctx.db_url)
    return page(request, "deliveries.html", failures=failures)


# Reports that did not reach Signalen (bot/reports/dead_letters.py).
DEAD_LETTER_FIELDS = (("location_text", "Plaats zoals de inwoner schreef"), ("street", "Straat"),
                      ("house_number", "Huisnummer"), ("postcode", "Postcode"),
                      ("woonplaats", "Woonplaats"), ("latitude", "Breedtegraad"),
                      ("longitude", "Lengtegraad"), ("contact_email", "E-mail (met toestemming)"),
                      ("contact_phone", "Telefoon (met toestemming)"))


def _dead_letter_page(request: Request, status: int = 200, error: str = "") -> HTTPResponse:
    letters = reports_dead_letters.dead_letters(url=app.ctx.db_url)
    refused = openklant_dead_letters.dead_letters(url=app.ctx.db_url)
    return page(request, "dead_letters.html", status, letters=letters, error=error,
                openklant_letters=refused,
                openklant_waiting=openklant_dead_letters.waiting(url=app.ctx.db_url),
                fields=DEAD_LETTER_FIELDS,
                categories=sorted(profile().reports.signalen_categories))


@app.get("/console/reports")
@requires("agent")
async def dead_letter_page(request: Request) -> HTTPResponse:
    return await asyncio.to_thread(_dead_letter_page, request)


@app.post("/console/reports/<report_id:int>/resend")
@requires("agent")
async def dead_letter_resend(request: Request, report_id: int) -> HTTPResponse:
    def resend() -> str:
        letters = reports_dead_letters.dead_letters(url=app.ctx.db_url)
        letter = dead_letters.find(letters, report_id)
        if letter is None:
            raise reports_dead_letters.NotADeadLetter(report_id)
        changed = dead_letters.corrections(request.form or {}, letter.fields)
        if changed.get("category", letter.category) not in profile().reports.signalen_categories:
            raise dead_letters.BadCorrection("onbekende soort melding")
        reports_dead_letters.resend(report_id, changed, url=app.ctx.db_url)
        return f"{letter.case_number}: {', '.join(sorted(changed)) or 'ongewijzigd'}"

    try:
        detail = await asyncio.to_thread(resend)
    except reports_dead_letters.NotADeadLetter:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Deze melding wacht niet (meer) op een medewerker.")
    except dead_letters.BadCorrection as error:
        return await asyncio.to_thread(_dead_letter_page, request, 400, str(error))
    await audit(request.ctx.staff, "report_resent", detail=detail)
    return response.redirect("/console/reports", status=303)


@app.post("/console/reports/<report_id:int>/link")
@requires("agent")
async def dead_letter_link(request: Request, report_id: int) -> HTTPResponse:
    signal_id = ((request.form or {}).get("signal_id") or "").strip().lower()
    if not dead_letters.SIGNAL_ID.fullmatch(signal_id):
        return await asyncio.to_thread(_dead_letter_page, request, 400,
                                       "Een signal_id ziet eruit als 8-4-4-4-12 tekens.")
    try:
        report = await asyncio.to_thread(reports_dead_letters.link, report_id, signal_id,
                                         app.ctx.db_url)
    except reports_dead_letters.NotADeadLetter:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Deze melding wacht niet (meer) op een medewerker.")
    await audit(request.ctx.staff, "report_linked", detail=f"{report.case_number}: {signal_id}")
    return response.redirect("/console/reports", status=303)


@app.post("/console/openklant/<item_id:int>/retry")
@requires("agent")
async def openklant_retry(request: Request, item_id: int) -> HTTPResponse:
    if not await asyncio.to_thread(openklant_dead_letters.retry, item_id, app.ctx.db_url):
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Dit wacht niet (meer) op een medewerker.")
    await audit(request.ctx.staff, "openklant_retried", detail=str(item_id))
    return response.redirect("/console/reports", status=303)


# Accounts (admins), your own password (everyone), and the one-time password links.
ROLE_NAMES = {"agent": "Medewerker webcare",
              "editor": "Redacteur (tone of voice, kennisbank van de eigen afdeling)",
              "kb_manager": "Beheerder kennisbank", "admin": "Beheerder"}


async def _accounts_page(request: Request, status: int = 200, error: str = "",
                         link: str = "", link_for: str = "", done: str = "") -> HTTPResponse:
    found = await asyncio.to_thread(auth.accounts, app.ctx.db_url)
    departments = await asyncio.to_thread(knowledge.departments, app.ctx.db_url)
    return page(request, "accounts.html", status, accounts=found, roles=ROLE_NAMES,
                departments=departments, error=error, link=link, link_for=link_for,
                done=done)


def _reset_url(request: Request, token: str) -> str:
    return f"{request.scheme}://{request.host}/console/reset/{token}"


@app.get("/console/accounts")
@requires("admin")
async def accounts_page(request: Request) -> HTTPResponse:
    return await _accounts_page(request)


@app.post("/console/accounts")
@requires("admin")
async def add_account(request: Request) -> HTTPResponse:
    form, staff = request.form or {}, request.ctx.staff
    username = (form.get("username") or "").strip()

    def create() -> str:
        user_id = auth.create_user(username, form.get("name") or "", form.get("initials") or "",
                                   form.get("role") or "", url=app.ctx.db_url,
                                   created_by=staff.id, department=form.get("department"))
        return auth.create_reset_link(staff.id, user_id, app.ctx.db_url)

    try:
        token = await asyncio.to_thread(create)
    except auth.AccountError as error:
        return await _accounts_page(request, 400, error=error.dutch)
    return await _accounts_page(request, link=_reset_url(request, token), link_for=username,
                                done=f"Account {username} is aangemaakt.")


async def _account_change(request: Request, change: Callable[[], str],
                          done: str) -> HTTPResponse:
    try:
        username = await asyncio.to_thread(change)
    except auth.AccountError as error:
        return await _accounts_page(request, 400, error=error.dutch)
    return await _accounts_page(request, done=done.format(username.split(":")[0]))


@app.post("/console/accounts/<user_id:int>/role")
@requires("admin")
async def account_role(request: Request, user_id: int) -> HTTPResponse:
    role = (request.form or {}).get("role") or ""
    return await _account_change(
        request, lambda: auth.change_role(request.ctx.staff.id, user_id, role, app.ctx.db_url),
        "De rol van {} is opgeslagen.")


@app.post("/console/accounts/<user_id:int>/department")
@requires("admin")
async def account_department(request: Request, user_id: int) -> HTTPResponse:
    department = (request.form or {}).get("department") or ""
    return await _account_change(
        request, lambda: auth.change_department(request.ctx.staff.id, user_id, department,
                                                app.ctx.db_url),
        "De afdeling van {} is opgeslagen.")


@app.post("/console/accounts/<user_id:int>/deactivate")
@requires("admin")
async def account_deactivate(request: Request, user_id: int) -> HTTPResponse:
    return await _account_change(
        request, lambda: auth.set_active(request.ctx.staff.id, user_id, False, app.ctx.db_url),
        "Account {} staat uit. Deze collega is meteen uitgelogd.")


@app.post("/console/accounts/<user_id:int>/reactivate")
@requires("admin")
async def account_reactivate(request: Request, user_id: int) -> HTTPResponse:
    return await _account_change(
        request, lambda: auth.set_active(request.ctx.staff.id, user_id, True, app.ctx.db_url),
        "Account {} staat weer aan.")


@app.post("/console/accounts/<user_id:int>/reset")
@requires("admin")
async def account_reset(request: Request, user_id: int) -> HTTPResponse:
    staff = request.ctx.staff

    def make() -> tuple:
        token = auth.create_reset_link(staff.id, user_id, app.ctx.db_url)
        return token, next(a.username for a in auth.accounts(app.ctx.db_url) if a.id == user_id)

    try:
        token, username = await asyncio.to_thread(make)
    except auth.AccountError as error:
        return await _accounts_page(request, 400, error=error.dutch)
    return await _accounts_page(request, link=_reset_url(request, token), link_for=username)


@app.get("/console/password")
@requires()
async def password_page(request: Request) -> HTTPResponse:
    return page(request, "password.html")


@app.post("/console/password")
@requires()
async def change_password(request: Request) -> HTTPResponse:
    form, staff = request.form or {}, request.ctx.staff
    new = form.get("new_password") or ""
    if new != (form.get("new_password_again") or ""):
        return page(request, "password.html", 400,
                    error="De twee nieuwe wachtwoorden zijn niet gelijk.")
    try:
        await asyncio.to_thread(auth.change_password, staff, form.get("current_password") or "",
                                new, _client_address(request), request.cookies.get(COOKIE),
                                app.ctx.db_url)
    except auth.LoginBlocked:
        return page(request, "password.html", 429, error=TOO_MANY)
    except auth.AccountError as error:
        return page(request, "password.html", 400, error=error.dutch)
    return page(request, "password.html", done="Uw wachtwoord is gewijzigd.")


@app.get("/console/reset/<token>")
async def reset_page(request: Request, token: str) -> HTTPResponse:
    username = await asyncio.to_thread(auth.reset_link_user, token, app.ctx.db_url)
    if username is None:
        return page(request, "reset.html", 404, expired=True)
    return page(request, "reset.html", username=username, token=token)


@app.post("/console/reset/<token>")
async def reset_password(request: Request, token: str) -> HTTPResponse:
    form = request.form or {}
    username = await asyncio.to_thread(auth.reset_link_user, token, app.ctx.db_url)
    if username is None:
        return page(request, "reset.html", 404, expired=True)
    new = form.get("new_password") or ""
    if new != (form.get("new_password_again") or ""):
        return page(request, "reset.html", 400, username=username, token=token,
                    error="De twee wachtwoorden zijn niet gelijk.")
    try:
        done = await asyncio.to_thread(auth.use_reset_link, token, new, app.ctx.db_url)
    except auth.AccountError as error:
        return page(request, "reset.html", 400, username=username, token=token,
                    error=error.dutch)
    if done is None:
        return page(request, "reset.html", 404, expired=True)
    return page(request, "reset.html", done=True)


# The knowledge-base pages, a conversation's lifecycle (assign, transfer, snooze, priority),
# presence and the identity provider's login register their routes on `app` (they need the
# helpers above).
from console import knowledge_routes, lifecycle_routes, presence_routes  # noqa: E402,F401
from console import oidc_routes  # noqa: E402,F401
