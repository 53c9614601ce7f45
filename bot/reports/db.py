"""Engine, sessions and migrations for the report store."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Set

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import DATABASE_URL

MIGRATIONS = Path(__file__).with_name("migrations")


@lru_cache(maxsize=None)
def engine(url: str = DATABASE_URL) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True, pool_pre_ping=True)


def migrate(url: str = DATABASE_URL) -> None:
    """Bring the database schema to the newest Alembic revision."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    with engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


_MIGRATED: Set[str] = set()
_MIGRATING = threading.Lock()


def ensure_schema(url: str = DATABASE_URL) -> None:
    """Migrate once per process, before the first write; threads that file reports at the
    same moment wait for the one that migrates."""
    if url in _MIGRATED:
        return
    with _MIGRATING:
        if url not in _MIGRATED:
            migrate(url)
            _MIGRATED.add(url)


@contextmanager
def session(url: str = DATABASE_URL) -> Iterator[Session]:
    """A transaction: committed when the block ends, rolled back on an error."""
    factory = sessionmaker(bind=engine(url), future=True, expire_on_commit=False)
    with factory() as db:
        with db.begin():
            yield db


if __name__ == "__main__":
    migrate()
