"""The knowledge base in the console: who may change which article, the article list with
its filters, the edit form's fields, the preview per medium, and the webcare search.

The pages themselves are in console/knowledge_routes.py. Departments fill in their own
articles (role `editor` with a department on their account); the knowledge-base manager
(`kb_manager`) and admins publish any article. Drafts are never served to residents.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence

from sqlalchemy import select

from bot.knowledge import KNOWLEDGE_DIR, retrieval, store
from bot.knowledge.articles import Article
from bot.knowledge.models import KnowledgeArticle
from bot.knowledge.text import normalise
from bot.profile import profile
from bot.reports.db import ensure_schema, session
from bot.settings import DATABASE_URL
from bot.tone import render
from bot.tone.guide import MEDIA
from bot.tone.responses import SAMPLE_VALUES, variations_for
from console.auth import Staff
from console.models import StaffUser

PAGE_SIZE = 25
SHORT_MEDIA = ("sms",)          # media that get an article's short answer (as the bot does)
PUBLISHERS = ("kb_manager",)    # and admins: publish and edit every article
EDITORS = ("editor", "kb_manager")
STATES = {"draft": "Concept (nooit gepubliceerd)", "published": "Gepubliceerd",
          "changed": "Gewijzigd sinds publicatie"}
EDIT_FIELDS = ("title", "questions", "answer", "answer_sms", "cost", "answer_en", "cost_en",
               "link", "sensitive", "review_by")


@dataclass(frozen=True)
class Row:
    """One article in the list: its newest version and where it stands."""

    article: Article
    state: str                      # "draft" | "published" | "changed"
    published_version: Optional[int]
    overdue: bool


@dataclass(frozen=True)
class Listing:
    rows: List[Row]
    total: int
    page: int
    pages: int


def ensure_seeded(url: str = DATABASE_URL) -> None:
    """knowledge/*.yml's articles the database lacks are added (all of them into an empty
    knowledge base, a new department's file after an update), as the bot does."""
    store.seed_new_articles(KNOWLEDGE_DIR, url)


def departments(url: str = DATABASE_URL) -> Dict[str, str]:
    """Department slug -> name, in the order of the knowledge base."""
    found: Dict[str, str] = {}
    for article in store.current_articles(url):
        found.setdefault(article.department, article.department_name)
    return dict(sorted(found.items()))


def titles(url: str = DATABASE_URL) -> Dict[str, Article]:
    """Article id -> its newest version (for names and departments in lists)."""
    return {article.id: article for article in store.current_articles(url)}


def may_publish(staff: Staff) -> bool:
    return staff.may(*PUBLISHERS)


def may_edit(staff: Staff, article: Article) -> bool:
    """Managers and admins edit every article; an editor only their own department's."""
    if may_publish(staff):
        return True
    return staff.role == "editor" and bool(staff.department) \
        and staff.department == article.department


def state_of(current: int, published: Optional[int]) -> str:
    if published is None:
        return "draft"
    return "published" if published == current else "changed"


def rows(url: str = DATABASE_URL, today: Optional[dt.date] = None) -> List[Row]:
    """Every article's newest version with its state, in the order of the files."""
    today = today or dt.date.today()
    ensure_schema(url)
    with session(url) as db:
        state = {r.id: (r.current_version, r.published_version)
                 for r in db.execute(select(KnowledgeArticle)).scalars()}
    out = []
    for article in store.current_articles(url):
        current, published = state.get(article.id, (article.version, None))
        out.append(Row(article, state_of(current, published), published,
                       article.review_by < today))
    return out


def _matches(article: Article, words: Sequence[str]) -> bool:
    text = normalise(" ".join([article.id, article.title, article.upl, *article.questions,
                               article.answer]))
    return all(word in text for word in words)


def listing(all_rows: Sequence[Row], department: str = "", state: str = "", query: str = "",
            overdue_only: bool = False, page: int = 1) -> Listing:
    """The rows the filters keep, one page of them."""
    words = normalise(query).split()
    kept = [r for r in all_rows
            if (not department or r.article.department == department)
            and (not state or r.state == state)
            and (not overdue_only or r.overdue)
            and (not words or _matches(r.article, words))]
    pages = max(1, math.ceil(len(kept) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    return Listing(kept[(page - 1) * PAGE_SIZE: page * PAGE_SIZE], len(kept), page, pages)


def overdue_count(all_rows: Sequence[Row], department: Optional[str]) -> int:
    """Articles past their review date: of the department, or all without one."""
    return sum(1 for r in all_rows if r.overdue
               and (not department or r.article.department == department))


def fields_from_form(form: Mapping[str, Any]) -> Dict[str, Any]:
    """The edit form as article fields (questions one per line; empty optional fields
    become none). The checks are the article's own (ArticleError)."""
    def text(name: str) -> str:
        return (form.get(name) or "").replace("\r\n", "\n").strip()

    return {
        "title": text("title"),
        "questions": [q.strip() for q in text("questions").split("\n") if q.strip()],
        "answer": text("answer"),
        "answer_sms": text("answer_sms") or None,
        "cost": text("cost") or None,
        "answer_en": text("answer_en") or None,
        "cost_en": text("cost_en") or None,
        "link": text("link"),
        "sensitive": form.get("sensitive") in ("on", "true", "1", "ja"),
        "review_by": text("review_by"),
    }


NEW_FIELDS = ("id", "department", "upl", "upl_uri")


def slug_for(title: str) -> str:
    """An article id made from its title ("Boom kappen?" -> "boom-kappen")."""
    return "-".join(normalise(title).split())[:80].strip("-")


def new_article_fields(form: Mapping[str, Any], staff: Staff,
                       known_departments: Mapping[str, str]) -> Dict[str, Any]:
    """The fields of a new article from its form: an editor's own department always; the
    id from the title unless given. The article's own checks follow in save_draft."""
    fields = fields_from_form(form)
    department = staff.department if staff.role == "editor" else \
        (form.get("department") or "").strip()
    return {**fields,
            "id": (form.get("id") or "").strip().lower() or slug_for(fields["title"]),
            "department": department,
            "department_name": known_departments.get(department, ""),
            "upl": (form.get("upl") or "").strip(),
            "upl_uri": (form.get("upl_uri") or "").strip()}


def may_create(staff: Staff, department: str) -> bool:
    """Managers and admins add articles to any department; an editor only to their own."""
    if may_publish(staff):
        return True
    return staff.role == "editor" and bool(staff.department) and staff.department == department


def overdue_rows(all_rows: Sequence[Row], department: Optional[str]) -> List[Row]:
    """The articles past their review date (of the department), the longest overdue first."""
    return sorted((r for r in all_rows if r.overdue
                   and (not department or r.article.department == department)),
                  key=lambda r: (r.article.review_by, r.article.title))


def changed(article: Article, fields: Mapping[str, Any]) -> bool:
    """Whether saving these fields would change the article's text."""
    try:
        return article.with_changes(**fields).content() != article.content()
    except Exception:
        return True   # let save_draft report what is wrong


def staff_names(url: str = DATABASE_URL) -> Dict[int, str]:
    with session(url) as db:
        return {u.id: u.name for u in db.query(StaffUser)}


def preview(article: Article) -> Dict[str, List[Dict[str, Any]]]:
    """The article's answer as each medium sends it: the bot's knowledge response
    (utter_kb_answer, or the sensitive one offering a colleague), through the tone
    renderer, like the tone editor's preview."""
    name = "utter_kb_answer_sensitive" if article.sensitive else "utter_kb_answer"
    out: Dict[str, List[Dict[str, Any]]] = {}
    for medium in MEDIA:
        short = medium in SHORT_MEDIA and article.answer_sms
        values = defaultdict(lambda: "…", {**SAMPLE_VALUES, **profile().template_vars(),
                                           "place": profile().location.place,
                                           "answer": (article.answer_sms if short
                                                      else article.answer).strip()})
        parts = []
        for variation in variations_for(name, medium)[:1]:
            message = {"text": str(variation.get("text", "")).format_map(values),
                       "buttons": variation.get("buttons") or [], "utter_action": name}
            parts += [part.as_dict() for part in render(message, medium)]
        out[medium] = parts
    return out


# -- webcare: search the published articles -------------------------------------------------

def search(query: str, url: str = DATABASE_URL, top: int = 5) -> List[Dict[str, Any]]:
    """Published articles for an agent's words, best first."""
    if not normalise(query):
        return []
    return [{"id": m.article.id, "title": m.article.title,
             "department": m.article.department_name, "score": round(m.score, 3)}
            for m in retrieval.search(query, top=top, url=url)]


def published_answer(article_id: str, channel: str = "", url: str = DATABASE_URL
                     ) -> Optional[Dict[str, Any]]:
    """The published answer of an article (the short one for SMS when it has one)."""
    for article in retrieval.live_index(url).current().articles:   # the published ones
        if article.id == article_id:
            short = channel in SHORT_MEDIA and article.answer_sms
            return {"id": article.id, "title": article.title,
                    "answer": (article.answer_sms if short else article.answer).strip(),
                    "link": article.link}
    return None
