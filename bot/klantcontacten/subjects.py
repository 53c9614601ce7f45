"""What a conversation is about, and the department that owns it (the knowledge base's).

The knowledge base's articles each belong to a department (`knowledge/<department>.yml`);
the article retrieval is sure of names the subject. Without one: the KCC.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Optional

from bot.knowledge import KNOWLEDGE_DIR, retrieval, store
from bot.knowledge.articles import Article
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

ANSWERED, CHOICE = "answer", "choose"


@dataclass(frozen=True)
class Subject:
    """A subject (an article's title) and its owning department."""

    title: str
    department: str
    department_name: str

    @classmethod
    def of(cls, article: Article) -> "Subject":
        return cls(article.title, article.department, article.department_name)


KCC = Subject("Vraag voor het klantcontactcentrum", "kcc", "Klantcontactcentrum")


def subject_of(texts: Iterable[str], url: str = DATABASE_URL) -> Subject:
    """The subject of the first text (newest first) the knowledge base is sure about;
    the KCC when none is, or when the knowledge base cannot be read."""
    try:
        store.seed_new_articles(KNOWLEDGE_DIR, url)
        index = retrieval.live_index(url).current()
        for text in texts:
            article = _sure_article(_decision(index, text)) if text.strip() else None
            if article is not None:
                return Subject.of(article)
    except Exception:  # noqa: BLE001 - a subject is never worth a failed hand-back
        logger.warning("Knowledge base not readable for a subject; the KCC it is",
                       exc_info=True)
    return KCC


def _decision(index: retrieval.Index, text: str) -> retrieval.Decision:
    """The knowledge base's decision without its check for the question's rarest word: a
    message left for a colleague also holds a callback wish and a name ("bel mij maandag
    terug"), and a department to route it to is no answer to the resident."""
    return retrieval.decide(index.search(text, top=retrieval.CHOOSE_MAX), specific_min=0.0)


def _sure_article(decision: retrieval.Decision) -> Optional[Article]:
    """An answer's article, or a choice whose articles all belong to one department."""
    if decision.kind == ANSWERED:
        return decision.articles[0]
    if decision.kind == CHOICE and len({a.department for a in decision.articles}) == 1:
        return decision.articles[0]
    return None
