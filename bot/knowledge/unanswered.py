"""Listening to residents: questions the bot could not answer from the knowledge base (and
answers residents said did not help), kept without personal data so the departments see
what to write next.

What is stored: the question with personal data removed (bot.reading.privacy.scrub, then
the log filter's masking, bot.logmask.mask, for what scrub leaves), cut to `MAX_TEXT`
characters; its subject (the `SUBJECT_WORDS` least common content words, for grouping);
the intent, the channel (webchat, whatsapp …, never the address) and the date only. No
conversation id, so a question cannot be traced to a resident. Rows are deleted after
the retention period of `knowledge_unanswered.text` in bot/personal_data.yml.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from sqlalchemy import func, select

from bot.knowledge.models import UnansweredQuestion
from bot.knowledge.text import STOPWORDS, normalise
from bot.logmask import mask
from bot.reports.db import ensure_schema, session
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

MAX_TEXT = 300
SUBJECT_WORDS = 2
KINDS = ("unanswered", "not_helped")
NO_SUBJECT = "(geen onderwerp)"
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
# Words of the question's frame that say nothing about its subject.
FRAME_WORDS = frozenset("""
help hulp informatie info iets iemand gemeente lindendal kunnen weten zoek zoeken
vind vinden moet doen regelen krijgen aanvragen kan mogelijk graag dag goedendag
""".split())


@dataclass
class Group:
    """Questions with the same subject, newest first."""

    subject: str
    count: int = 0
    newest: Optional[dt.date] = None
    examples: List[str] = field(default_factory=list)
    intents: Dict[str, int] = field(default_factory=dict)
    channels: Dict[str, int] = field(default_factory=dict)
    kinds: Dict[str, int] = field(default_factory=dict)


def clean(text: str) -> str:
    """The question without personal data: scrubbed, masked, cut to MAX_TEXT."""
    text = " ".join((text or "").split())
    try:
        from bot.reading.privacy import scrub

        text, _ = scrub(text)
    except Exception:   # scrub is a refinement; the mask below always runs
        logger.debug("privacy.scrub failed; masking only", exc_info=True)
    return mask(" ".join(text.split()))[:MAX_TEXT]


def _rarity():
    try:
        from bot.knowledge.readability import known_words

        known = known_words()
    except Exception:
        known = frozenset()
    return lambda word: (word in known, -len(word))


def subject_of(text: str) -> str:
    """The normalised subject: the question's least common content words (alphabetical,
    so "bijstand aanvragen" and "aanvragen bijstand" group together)."""
    words = [w for w in normalise(_PLACEHOLDER.sub(" ", text)).split()
             if len(w) >= 3 and not w.isdigit() and w not in STOPWORDS
             and w not in FRAME_WORDS]
    if not words:
        return NO_SUBJECT
    chosen = sorted(dict.fromkeys(words), key=_rarity())[:SUBJECT_WORDS]
    return " ".join(sorted(chosen))[:120]


def record_unanswered(text: str, intent: Optional[str] = None, channel: Optional[str] = None,
                      kind: str = "unanswered", article_id: Optional[str] = None,
                      url: str = DATABASE_URL, today: Optional[dt.date] = None) -> None:
    """Keep one question the bot could not answer (masked); one small INSERT."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    cleaned = clean(text)
    if not cleaned.strip():
        return
    ensure_schema(url)
    with session(url) as db:
        db.add(UnansweredQuestion(kind=kind, text=cleaned, subject=subject_of(cleaned),
                                  intent=(intent or None) and intent[:64],
                                  channel=(channel or None) and channel[:32],
                                  article_id=article_id,
                                  asked_on=today or dt.date.today()))


def grouped(url: str = DATABASE_URL, since: Optional[dt.date] = None, limit: int = 200,
            examples: int = 3, newest_first: bool = False, kind: Optional[str] = None
            ) -> List[Group]:
    """The subjects with counts and their newest examples: most asked first (ties: newest
    first), or with `newest_first` the most recently asked first (ties: most asked).
    `kind` keeps only "unanswered" questions or answers that "not_helped"."""
    ensure_schema(url)
    with session(url) as db:
        query = select(UnansweredQuestion.subject, func.count(UnansweredQuestion.id),
                       func.max(UnansweredQuestion.asked_on)).group_by(
            UnansweredQuestion.subject)
        if since is not None:
            query = query.where(UnansweredQuestion.asked_on >= since)
        if kind is not None:
            query = query.where(UnansweredQuestion.kind == kind)
        rows = db.execute(query).all()
        def newest(row) -> int:
            return -(row[2].toordinal() if row[2] else 0)

        rows.sort(key=lambda r: (newest(r), -r[1], r[0]) if newest_first
                  else (-r[1], newest(r), r[0]))
        groups: "OrderedDict[str, Group]" = OrderedDict(
            (subject, Group(subject, count, newest)) for subject, count, newest in rows[:limit])
        if not groups:
            return []
        detail = select(UnansweredQuestion).where(
            UnansweredQuestion.subject.in_(list(groups))).order_by(
            UnansweredQuestion.asked_on.desc(), UnansweredQuestion.id.desc())
        if since is not None:
            detail = detail.where(UnansweredQuestion.asked_on >= since)
        if kind is not None:
            detail = detail.where(UnansweredQuestion.kind == kind)
        for row in db.execute(detail).scalars():
            group = groups[row.subject]
            if len(group.examples) < examples and row.text not in group.examples:
                group.examples.append(row.text)
            for bag, key in ((group.intents, row.intent), (group.channels, row.channel),
                             (group.kinds, row.kind)):
                if key:
                    bag[key] = bag.get(key, 0) + 1
        return list(groups.values())


@dataclass
class NotHelped:
    """Answers of one article that residents said did not help, newest first."""

    article_id: Optional[str]   # none: an answer that was not from an article
    count: int = 0
    newest: Optional[dt.date] = None
    examples: List[str] = field(default_factory=list)
    subjects: Dict[str, int] = field(default_factory=dict)


def not_helped_by_article(url: str = DATABASE_URL, since: Optional[dt.date] = None,
                          examples: int = 3) -> List[NotHelped]:
    """Per article, how often its answer did not help and the questions it was given to:
    most often first (ties: most recent first)."""
    ensure_schema(url)
    query = select(UnansweredQuestion).where(UnansweredQuestion.kind == "not_helped").order_by(
        UnansweredQuestion.asked_on.desc(), UnansweredQuestion.id.desc())
    if since is not None:
        query = query.where(UnansweredQuestion.asked_on >= since)
    found: "OrderedDict[Optional[str], NotHelped]" = OrderedDict()
    with session(url) as db:
        for row in db.execute(query).scalars():
            entry = found.setdefault(row.article_id, NotHelped(row.article_id))
            entry.count += 1
            entry.newest = entry.newest or row.asked_on
            entry.subjects[row.subject] = entry.subjects.get(row.subject, 0) + 1
            if len(entry.examples) < examples and row.text not in entry.examples:
                entry.examples.append(row.text)
    return sorted(found.values(), key=lambda e: (-e.count, -(e.newest.toordinal()
                                                               if e.newest else 0)))


def delete_older_than(cutoff: dt.date, url: str = DATABASE_URL) -> int:
    """Delete questions asked before `cutoff` (the retention job does this)."""
    ensure_schema(url)
    with session(url) as db:
        return db.query(UnansweredQuestion).filter(
            UnansweredQuestion.asked_on < cutoff).delete(synchronize_session=False)
