"""The knowledge base in the project's database: every version kept, drafts published by
staff, a change counter the bot polls (`knowledge_version`)."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.knowledge.articles import (Article, ArticleError, article_from_dict, dump_folder,
                                    load_folder)
from bot.knowledge.models import KnowledgeArticle, KnowledgeArticleVersion, KnowledgeState
from bot.reports.db import ensure_schema, session
from bot.reports.models import utcnow
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

SEED_NOTE = "uit YAML"


@dataclass(frozen=True)
class SeedResult:
    """What `seed_from_yaml` did, by article id."""

    added: List[str]
    updated: List[str]
    unchanged: List[str]


@dataclass(frozen=True)
class VersionInfo:
    """One saved version, for the history."""

    version: int
    article: Article
    author_id: Optional[int]
    note: Optional[str]
    created_at: dt.datetime
    published_at: Optional[dt.datetime]
    published_by: Optional[int]
    is_published: bool


def _dump(article: Article) -> str:
    content = article.content()
    content.pop("status")   # a version's status follows from publishing, not its text
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def _load(row: KnowledgeArticleVersion, status: str) -> Article:
    return article_from_dict({**json.loads(row.content), "status": status},
                             source="database", version=row.version)


def _bump(db: Session) -> None:
    """Raise the change counter (one atomic UPDATE; the row is made the first time)."""
    now = utcnow()
    changed = db.execute(update(KnowledgeState).where(KnowledgeState.id == 1)
                         .values(counter=KnowledgeState.counter + 1, changed_at=now))
    if not changed.rowcount:
        db.add(KnowledgeState(id=1, counter=1, changed_at=now))


def _row(db: Session, article_id: str) -> KnowledgeArticle:
    row = db.get(KnowledgeArticle, article_id)
    if row is None:
        raise KeyError(f"no knowledge article {article_id!r}")
    return row


def _version(db: Session, article_id: str, version: int) -> KnowledgeArticleVersion:
    found = db.execute(select(KnowledgeArticleVersion).where(
        KnowledgeArticleVersion.article_id == article_id,
        KnowledgeArticleVersion.version == version)).scalar_one_or_none()
    if found is None:
        raise KeyError(f"knowledge article {article_id!r} has no version {version}")
    return found


def _add_version(db: Session, article: Article, author: Optional[int], note: str,
                 publish: bool, position: Optional[int] = None) -> int:
    """Store `article` as the next version (a new article starts at 1, at the end of its
    department unless `position` says where)."""
    now = utcnow()
    row = db.get(KnowledgeArticle, article.id)
    if row is None:
        if position is None:
            last = db.execute(select(func.max(KnowledgeArticle.position)).where(
                KnowledgeArticle.department == article.department)).scalar()
            position = -1 if last is None else last
            position += 1
        row = KnowledgeArticle(id=article.id, department=article.department, status="draft",
                               current_version=0, review_by=article.review_by,
                               position=position)
        db.add(row)
        db.flush()
    number = row.current_version + 1
    entry = KnowledgeArticleVersion(article_id=article.id, version=number,
                                    content=_dump(article), author_id=author,
                                    note=note[:200] or None, created_at=now)
    db.add(entry)
    row.current_version = number
    row.department = article.department
    row.review_by = article.review_by
    row.updated_at = now
    if publish:
        row.published_version = number
        entry.published_at, entry.published_by = now, author
    row.status = "published" if row.published_version == number else "draft"
    _bump(db)
    return number


def _current(db: Session, row: KnowledgeArticle) -> Article:
    status = "published" if row.published_version == row.current_version else "draft"
    return _load(_version(db, row.id, row.current_version), status)


def seed_from_yaml(folder: Path, url: str = DATABASE_URL, force: bool = False,
                   author: Optional[int] = None) -> SeedResult:
    """Add the folder's articles that the database lacks. With `force`, an article whose
    text differs gets a new version (published when its YAML status says so)."""
    articles = load_folder(folder)
    ensure_schema(url)
    added, updated, unchanged = [], [], []
    with session(url) as db:
        positions: Dict[str, int] = {}
        for article in articles:
            position = positions[article.department] = positions.get(article.department, -1) + 1
            row = db.get(KnowledgeArticle, article.id)
            if row is None:
                _add_version(db, article, author, SEED_NOTE, article.status == "published",
                             position)
                added.append(article.id)
                continue
            if not force:
                unchanged.append(article.id)
            elif _dump(_current(db, row)) != _dump(article):
                _add_version(db, article, author, SEED_NOTE, article.status == "published")
                updated.append(article.id)
            elif article.status == "published" and row.published_version != row.current_version:
                _publish(db, row, row.current_version, author)   # only the status differs
                updated.append(article.id)
            else:
                unchanged.append(article.id)   # a seed never unpublishes
    logger.info("Knowledge seed from %s: %s added, %s updated, %s unchanged", folder,
                len(added), len(updated), len(unchanged))
    return SeedResult(added, updated, unchanged)


_SEEDED: set = set()   # (folder, url) whose new articles this process has added


def seed_new_articles(folder: Path, url: str = DATABASE_URL) -> None:
    """Add the departments' YAML articles the database lacks: all of them into an empty
    knowledge base (first start), and after an update a new department's file or a new
    article into one that has articles. What the database has is never changed here (the
    console is where articles change; `seed --force` overwrites). Reading the files takes
    a few hundred ms, so a database with articles is brought up to date once per process."""
    folder = Path(folder)
    key = (str(folder.resolve()), url)
    if not folder.is_dir() or (key in _SEEDED and stats(url)["articles"]):
        return
    try:
        seed_from_yaml(folder, url)
    except IntegrityError:   # another process added the same new article just now
        seed_from_yaml(folder, url)
    _SEEDED.add(key)


def save_draft(article_id: str, fields: Mapping[str, Any], author: Optional[int],
               note: str = "", url: str = DATABASE_URL) -> int:
    """Save changed fields of an article (or a new article: all fields) as a new draft
    version; residents keep getting the published version. Returns the version number."""
    ensure_schema(url)
    changes = dict(fields)
    changes.pop("version", None)
    changes.pop("status", None)
    with session(url) as db:
        row = db.get(KnowledgeArticle, article_id)
        if row is None:
            article = article_from_dict({**changes, "id": article_id, "status": "draft"},
                                        source="new article")
        else:
            current = _current(db, row)
            if changes.get("department", current.department) != current.department:
                raise ArticleError(f"article {article_id!r}: the department cannot change")
            article = current.with_changes(**changes, status="draft")
        number = _add_version(db, article, author, note, publish=False)
    logger.info("Knowledge article %s: draft version %s saved", article_id, number)
    return number


def _publish(db: Session, row: KnowledgeArticle, version: int, by: Optional[int]) -> None:
    entry = _version(db, row.id, version)
    now = utcnow()
    row.published_version = version
    row.status = "published" if version == row.current_version else "draft"
    row.updated_at = now
    entry.published_at, entry.published_by = now, by
    _bump(db)


def publish(article_id: str, version: int, by: Optional[int],
            url: str = DATABASE_URL) -> None:
    """Serve `version` of the article to residents from now on."""
    ensure_schema(url)
    with session(url) as db:
        _publish(db, _row(db, article_id), version, by)
    logger.info("Knowledge article %s: version %s published", article_id, version)


def unpublish(article_id: str, by: Optional[int], url: str = DATABASE_URL) -> None:
    """Stop serving the article (its versions stay)."""
    ensure_schema(url)
    with session(url) as db:
        row = _row(db, article_id)
        row.published_version, row.status, row.updated_at = None, "draft", utcnow()
        _bump(db)
    logger.info("Knowledge article %s: unpublished by %s", article_id, by)


def restore(article_id: str, version: int, by: Optional[int], publish_it: bool = False,
            url: str = DATABASE_URL) -> int:
    """Save an old version again as the newest (a draft unless `publish_it`)."""
    ensure_schema(url)
    with session(url) as db:
        _row(db, article_id)
        old = _load(_version(db, article_id, version), "draft")
        number = _add_version(db, old, by, f"hersteld van versie {version}", publish_it)
    logger.info("Knowledge article %s: version %s restored as %s", article_id, version, number)
    return number


def history(article_id: str, url: str = DATABASE_URL) -> List[VersionInfo]:
    """Every version of the article, oldest first."""
    ensure_schema(url)
    with session(url) as db:
        row = _row(db, article_id)
        entries = db.execute(select(KnowledgeArticleVersion)
                             .where(KnowledgeArticleVersion.article_id == article_id)
                             .order_by(KnowledgeArticleVersion.version)).scalars().all()
        return [VersionInfo(
            version=e.version,
            article=_load(e, "published" if e.version == row.published_version else "draft"),
            author_id=e.author_id, note=e.note, created_at=e.created_at,
            published_at=e.published_at, published_by=e.published_by,
            is_published=e.version == row.published_version) for e in entries]


def current_article(article_id: str, url: str = DATABASE_URL) -> Article:
    """The newest version of an article (a draft or the published one)."""
    ensure_schema(url)
    with session(url) as db:
        return _current(db, _row(db, article_id))


def published_articles(url: str = DATABASE_URL) -> List[Article]:
    """The version of every article that residents get, in the order of the files."""
    ensure_schema(url)
    with session(url) as db:
        rows = db.execute(
            select(KnowledgeArticleVersion).join(
                KnowledgeArticle,
                (KnowledgeArticle.id == KnowledgeArticleVersion.article_id)
                & (KnowledgeArticle.published_version == KnowledgeArticleVersion.version))
            .order_by(KnowledgeArticle.department, KnowledgeArticle.position,
                      KnowledgeArticle.id)).scalars().all()
        return [_load(row, "published") for row in rows]


def current_articles(url: str = DATABASE_URL) -> List[Article]:
    """The newest version of every article, in the order of the files."""
    ensure_schema(url)
    with session(url) as db:
        rows = db.execute(select(KnowledgeArticle).order_by(
            KnowledgeArticle.department, KnowledgeArticle.position, KnowledgeArticle.id)).scalars()
        return [_current(db, row) for row in rows]


def overdue_for_review(today: dt.date, url: str = DATABASE_URL) -> List[Article]:
    """Articles whose newest version should have been reviewed before `today`."""
    ensure_schema(url)
    with session(url) as db:
        rows = db.execute(select(KnowledgeArticle).where(KnowledgeArticle.review_by < today)
                          .order_by(KnowledgeArticle.review_by, KnowledgeArticle.id)).scalars()
        return [_current(db, row) for row in rows]


def export_yaml(folder: Path, url: str = DATABASE_URL, published_only: bool = False
                ) -> List[Path]:
    """Write the newest version of every article (or only what residents get) as
    `folder/<department>.yml`, the layout `seed_from_yaml` reads."""
    articles = published_articles(url) if published_only else current_articles(url)
    return dump_folder(articles, folder)


def knowledge_version(url: str = DATABASE_URL) -> int:
    """A number that changes with every change to the knowledge base (one small query)."""
    ensure_schema(url)
    with session(url) as db:
        counter = db.execute(select(KnowledgeState.counter)
                             .where(KnowledgeState.id == 1)).scalar_one_or_none()
    return counter or 0


def stats(url: str = DATABASE_URL) -> Dict[str, int]:
    """How many articles there are and how many are served."""
    ensure_schema(url)
    with session(url) as db:
        rows = db.execute(select(KnowledgeArticle.published_version)).scalars().all()
    return {"articles": len(rows), "published": sum(1 for r in rows if r is not None)}
