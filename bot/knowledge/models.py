"""Knowledge-base tables, on the reports' `Base` so one Alembic history covers them.

Columns must be classified in bot/personal_data.yml (no personal data here; the author is
a staff user's id)."""
from __future__ import annotations

from sqlalchemy import (Column, Date, DateTime, ForeignKey, Integer, String, Text,
                        UniqueConstraint)

from bot.reports.models import Base, utcnow


class KnowledgeArticle(Base):
    """The current state of one article: its newest version and the one residents get."""

    __tablename__ = "knowledge_articles"

    id = Column(String(80), primary_key=True)
    department = Column(String(64), nullable=False, index=True)
    position = Column(Integer, nullable=False, default=0)  # order in the department's file
    # "published" when the newest version is the one served, "draft" while it waits.
    status = Column(String(16), nullable=False)
    current_version = Column(Integer, nullable=False)      # the newest saved version
    published_version = Column(Integer)                    # served to residents; none yet
    review_by = Column(Date, nullable=False)               # of the newest version
    updated_at = Column(DateTime, nullable=False, default=utcnow)


class KnowledgeArticleVersion(Base):
    """Every saved version of an article, in full (JSON of its fields)."""

    __tablename__ = "knowledge_article_versions"
    __table_args__ = (UniqueConstraint("article_id", "version",
                                       name="uq_knowledge_article_version"),)

    id = Column(Integer, primary_key=True)
    article_id = Column(String(80), ForeignKey("knowledge_articles.id"), nullable=False)
    version = Column(Integer, nullable=False)
    content = Column(Text, nullable=False)
    author_id = Column(Integer)               # staff_users.id; none for a YAML seed
    note = Column(String(200))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    published_at = Column(DateTime)           # when this version was last published
    published_by = Column(Integer)            # staff_users.id


class KnowledgeState(Base):
    """One row: a counter raised by every change, so a bot notices it cheaply."""

    __tablename__ = "knowledge_state"

    id = Column(Integer, primary_key=True)
    counter = Column(Integer, nullable=False, default=0)
    changed_at = Column(DateTime, nullable=False, default=utcnow)


class UnansweredQuestion(Base):
    """A question the bot could not answer from the knowledge base, or an answer a resident
    said did not help: masked text (no personal data), its subject for grouping, and only
    the date (bot.knowledge.unanswered)."""

    __tablename__ = "knowledge_unanswered"

    id = Column(Integer, primary_key=True)
    kind = Column(String(16), nullable=False)      # "unanswered" | "not_helped"
    text = Column(String(300), nullable=False)     # masked and scrubbed
    subject = Column(String(120), nullable=False, index=True)
    intent = Column(String(64))
    channel = Column(String(32))
    article_id = Column(String(80))                # the article that did not help
    asked_on = Column(Date, nullable=False, index=True)
