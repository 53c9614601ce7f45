"""The knowledge-base pages of the console (helpers in console/knowledge.py).

Imported at the end of console/app.py, so the app, `requires`, `page` and `audit` exist.

- GET  /console/knowledge                                 the list (editor, kb_manager); an
                                                          editor's start page, with the own
                                                          department's overdue articles
- GET  /console/knowledge/new                             form for a new article
- POST /console/knowledge/new                             save it as a draft (editor: own
                                                          department; kb_manager publishes)
- GET  /console/knowledge/articles/<id>                   article: form, B1 check, preview,
                                                          history
- POST /console/knowledge/articles/<id>                   save a draft version
- POST /console/knowledge/articles/<id>/preview           unsaved form: preview, B1 check
- POST /console/knowledge/articles/<id>/publish           publish (kb_manager, admin)
- POST /console/knowledge/articles/<id>/unpublish         stop serving (kb_manager, admin)
- POST /console/knowledge/articles/<id>/restore/<version> restore a version as a new draft
- GET  /console/knowledge/unanswered                      unanswered questions (kb_manager)
- GET  /console/partials/knowledge/search?q=              webcare search (agent), JSON
- GET  /console/partials/knowledge/articles/<id>          an article's published answer, JSON
"""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.knowledge import readability, store, unanswered
from bot.knowledge.articles import ArticleError
from bot.tone.guide import MEDIA
from console import knowledge
from console.app import app, audit, page, requires

DONE = {"draft": "Uw wijziging is opgeslagen als concept. Inwoners zien nog de "
                 "gepubliceerde versie.",
        "same": "Er was niets veranderd; er is geen nieuwe versie gemaakt.",
        "published": "Gepubliceerd. De bot gebruikt deze tekst binnen een paar seconden.",
        "unpublished": "Dit artikel is offline gehaald. De bot gebruikt het niet meer.",
        "restored": "De oude versie is teruggezet als nieuw concept. Publiceer het om het "
                    "aan inwoners te laten zien.",
        "created": "Het nieuwe artikel is opgeslagen als concept. De beheerder van de "
                   "kennisbank publiceert het; tot dan gebruikt de bot het niet."}
UNANSWERED_DAYS = 90
REVIEW_DAYS = 365   # a new article's first review date, from today


def _no_access(request: Request) -> HTTPResponse:
    return page(request, "message.html", 403, title="Geen toegang",
                message="U kunt alleen artikelen van uw eigen afdeling wijzigen.")


def _not_found(request: Request) -> HTTPResponse:
    return page(request, "message.html", 404, title="Niet gevonden",
                message="Dit artikel bestaat niet.")


def _url() -> str:
    return app.ctx.db_url


def _int(value: Any, default: int = 1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@app.get("/console/knowledge")
@requires(*knowledge.EDITORS)
async def knowledge_list(request: Request) -> HTTPResponse:
    staff, args = request.ctx.staff, request.args
    department = args.get("afdeling")
    if department is None:   # an editor starts with their own department
        department = staff.department if staff.role == "editor" else ""
    state = args.get("status", "")
    state = state if state in knowledge.STATES else ""

    def build() -> dict:
        knowledge.ensure_seeded(_url())
        all_rows = knowledge.rows(_url())
        found = knowledge.listing(all_rows, department, state, args.get("q", ""),
                                  args.get("te_laat") == "1", _int(args.get("pagina")))
        return {"listing": found, "departments": knowledge.departments(_url()),
                "overdue": knowledge.overdue_count(all_rows, staff.department),
                "overdue_rows": knowledge.overdue_rows(all_rows, staff.department)
                if staff.role == "editor" and staff.department else []}

    values = await asyncio.to_thread(build)
    return page(request, "knowledge.html", department=department, state=state,
                query=args.get("q", ""), overdue_only=args.get("te_laat") == "1",
                states=knowledge.STATES, may_edit=lambda a: knowledge.may_edit(staff, a),
                **values)


def _new_page(request: Request, status: int = 200, error: str = "",
              form: Optional[dict] = None) -> HTTPResponse:
    departments = knowledge.departments(_url())
    return page(request, "knowledge_new.html", status, error=error, form=form or {},
                departments=departments,
                review_by=(dt.date.today() + dt.timedelta(days=REVIEW_DAYS)).isoformat())


@app.get("/console/knowledge/new")
@requires(*knowledge.EDITORS)
async def knowledge_new(request: Request) -> HTTPResponse:
    await asyncio.to_thread(knowledge.ensure_seeded, _url())
    return await asyncio.to_thread(_new_page, request)


@app.post("/console/knowledge/new")
@requires(*knowledge.EDITORS)
async def knowledge_create(request: Request) -> HTTPResponse:
    staff, form = request.ctx.staff, request.form or {}
    departments = await asyncio.to_thread(knowledge.departments, _url())
    fields = knowledge.new_article_fields(form, staff, departments)
    if not knowledge.may_create(staff, fields["department"]):
        return _no_access(request)
    kept = {key: form.get(key) for key in form}
    if fields["department"] not in departments:
        return await asyncio.to_thread(_new_page, request, 400,
                                       "Niet opgeslagen: kies een afdeling.", kept)
    try:
        await asyncio.to_thread(store.current_article, fields["id"], _url())
        return await asyncio.to_thread(
            _new_page, request, 400,
            f"Niet opgeslagen: er is al een artikel met de code '{fields['id']}'. "
            "Kies een andere titel of code.", kept)
    except KeyError:
        pass   # the id is free
    note = (form.get("note") or "").strip()[:200] or "nieuw artikel"
    try:
        await asyncio.to_thread(store.save_draft, fields["id"], fields, staff.id, note, _url())
    except ArticleError as error:
        message = str(error).split(": ", 1)[-1]
        return await asyncio.to_thread(_new_page, request, 400, f"Niet opgeslagen: {message}",
                                       kept)
    await audit(staff, "kb_article_created", detail=f"{fields['id']} ({fields['department']})")
    return _back(fields["id"], "created")


def _article_values(article_id: str) -> Optional[dict]:
    knowledge.ensure_seeded(_url())
    try:
        article = store.current_article(article_id, _url())
    except KeyError:
        return None
    versions = store.history(article_id, _url())
    return {"article": article, "versions": list(reversed(versions)),
            "names": knowledge.staff_names(_url()),
            "published": next((v.version for v in versions if v.is_published), None),
            "findings": readability.check_article(article.answer, article.answer_sms),
            "preview": knowledge.preview(article), "media": MEDIA,
            "overdue": article.review_by < dt.date.today()}


async def _article_page(request: Request, article_id: str, status: int = 200,
                        error: str = "", form: Optional[dict] = None) -> HTTPResponse:
    values = await asyncio.to_thread(_article_values, article_id)
    if values is None:
        return _not_found(request)
    staff = request.ctx.staff
    if not knowledge.may_edit(staff, values["article"]):
        return _no_access(request)
    return page(request, "knowledge_article.html", status, error=error, form=form,
                done=knowledge_done(request), may_publish=knowledge.may_publish(staff),
                states=knowledge.STATES, **values)


def knowledge_done(request: Request) -> str:
    return DONE.get(request.args.get("klaar", ""), "")


@app.get("/console/knowledge/articles/<article_id>")
@requires(*knowledge.EDITORS)
async def knowledge_article(request: Request, article_id: str) -> HTTPResponse:
    return await _article_page(request, article_id)


async def _article_for_change(request: Request, article_id: str):
    """The article, or the response that refuses (404, 403)."""
    try:
        article = await asyncio.to_thread(store.current_article, article_id, _url())
    except KeyError:
        return None, _not_found(request)
    if not knowledge.may_edit(request.ctx.staff, article):
        return None, _no_access(request)
    return article, None


def _back(article_id: str, done: str) -> HTTPResponse:
    return response.redirect(f"/console/knowledge/articles/{article_id}?klaar={done}",
                             status=303)


@app.post("/console/knowledge/articles/<article_id>")
@requires(*knowledge.EDITORS)
async def knowledge_save(request: Request, article_id: str) -> HTTPResponse:
    article, refused = await _article_for_change(request, article_id)
    if refused:
        return refused
    staff, form = request.ctx.staff, request.form or {}
    fields = knowledge.fields_from_form(form)
    if not knowledge.changed(article, fields):
        return _back(article_id, "same")
    note = (form.get("note") or "").strip()[:200]
    try:
        number = await asyncio.to_thread(store.save_draft, article_id, fields, staff.id,
                                         note, _url())
    except ArticleError as error:
        message = str(error).split(": ", 1)[-1]
        return await _article_page(request, article_id, 400,
                                   error=f"Niet opgeslagen: {message}",
                                   form={key: form.get(key) for key in form})
    await audit(staff, "kb_draft_saved", detail=f"{article_id} v{number}: {note}"[:500])
    return _back(article_id, "draft")


@app.post("/console/knowledge/articles/<article_id>/preview")
@requires(*knowledge.EDITORS)
async def knowledge_preview(request: Request, article_id: str) -> HTTPResponse:
    """The unsaved form's answer on every medium and its B1 check (JSON, for the page's
    "Voorbeeld bekijken" button; without JavaScript the saved draft's preview shows)."""
    article, refused = await _article_for_change(request, article_id)
    if refused:
        return refused
    try:
        edited = article.with_changes(**knowledge.fields_from_form(request.form or {}))
    except ArticleError as error:
        return response.json({"errors": [str(error).split(": ", 1)[-1]]}, status=400)
    findings = readability.check_article(edited.answer, edited.answer_sms)
    return response.json({"preview": knowledge.preview(edited),
                          "readability": [f.message for f in findings]})


@app.post("/console/knowledge/articles/<article_id>/publish")
@requires(*knowledge.PUBLISHERS)
async def knowledge_publish(request: Request, article_id: str) -> HTTPResponse:
    article, refused = await _article_for_change(request, article_id)
    if refused:
        return refused
    version = _int((request.form or {}).get("version"), article.version)
    try:
        await asyncio.to_thread(store.publish, article_id, version, request.ctx.staff.id,
                                _url())
    except KeyError:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Deze versie bestaat niet.")
    await audit(request.ctx.staff, "kb_published", detail=f"{article_id} v{version}")
    return _back(article_id, "published")


@app.post("/console/knowledge/articles/<article_id>/unpublish")
@requires(*knowledge.PUBLISHERS)
async def knowledge_unpublish(request: Request, article_id: str) -> HTTPResponse:
    article, refused = await _article_for_change(request, article_id)
    if refused:
        return refused
    await asyncio.to_thread(store.unpublish, article_id, request.ctx.staff.id, _url())
    await audit(request.ctx.staff, "kb_unpublished", detail=article_id)
    return _back(article_id, "unpublished")


@app.post("/console/knowledge/articles/<article_id>/restore/<version:int>")
@requires(*knowledge.EDITORS)
async def knowledge_restore(request: Request, article_id: str, version: int) -> HTTPResponse:
    article, refused = await _article_for_change(request, article_id)
    if refused:
        return refused
    try:
        number = await asyncio.to_thread(store.restore, article_id, version,
                                         request.ctx.staff.id, False, _url())
    except KeyError:
        return page(request, "message.html", 404, title="Niet gevonden",
                    message="Deze versie bestaat niet.")
    await audit(request.ctx.staff, "kb_restored",
                detail=f"{article_id} v{version} -> v{number}")
    return _back(article_id, "restored")


@app.get("/console/knowledge/unanswered")
@requires(*knowledge.PUBLISHERS)
async def knowledge_unanswered(request: Request) -> HTTPResponse:
    days = min(max(_int(request.args.get("dagen"), UNANSWERED_DAYS), 1), 3650)
    newest_first = request.args.get("volgorde") == "nieuwste"

    def build() -> dict:
        since = dt.date.today() - dt.timedelta(days=days)
        groups = unanswered.grouped(_url(), since=since, newest_first=newest_first,
                                    kind="unanswered")
        # The department whose articles come closest (a hint who should write it).
        hints = {}
        for group in groups[:100]:
            found = knowledge.search(group.examples[0] if group.examples else group.subject,
                                     _url(), top=1)
            hints[group.subject] = found[0] if found else None
        return {"groups": groups, "hints": hints,
                "not_helped": unanswered.not_helped_by_article(_url(), since=since),
                "titles": knowledge.titles(_url())}

    values = await asyncio.to_thread(build)
    return page(request, "knowledge_unanswered.html", days=days, newest_first=newest_first,
                **values)


# -- webcare ----------------------------------------------------------------------------------

@app.get("/console/partials/knowledge/search")
@requires("agent")
async def knowledge_search(request: Request) -> HTTPResponse:
    query = (request.args.get("q") or "")[:300]
    found = await asyncio.to_thread(knowledge.search, query, _url())
    return response.json({"query": query, "results": found})


@app.get("/console/partials/knowledge/articles/<article_id>")
@requires("agent")
async def knowledge_answer(request: Request, article_id: str) -> HTTPResponse:
    found = await asyncio.to_thread(knowledge.published_answer, article_id,
                                    request.args.get("kanaal", ""), _url())
    if found is None:
        return response.json({"error": "not_found"}, status=404)
    return response.json(found)
