"""The knowledge base in the database: seeding, drafts, publishing, history, export."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from bot.knowledge import store
from bot.knowledge.__main__ import main as cli
from bot.knowledge.articles import ArticleError, load_folder
from bot.reports import db as reports_db
from tests.knowledge.conftest import AFVAL, article, write_department

EDITOR, CHIEF = 7, 9   # staff user ids


def served(url):
    return {a.id: a for a in store.published_articles(url)}


def test_seed_is_idempotent(knowledge_folder, db_url):
    first = store.seed_from_yaml(knowledge_folder, db_url)
    assert len(first.added) == 7 and not first.updated
    version = store.knowledge_version(db_url)
    again = store.seed_from_yaml(knowledge_folder, db_url)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 7)
    assert store.knowledge_version(db_url) == version, "nothing changed"
    assert set(served(db_url)) == {a.id for a in load_folder(knowledge_folder)}
    assert store.stats(db_url) == {"articles": 7, "published": 7}


def test_seed_adds_new_articles_and_force_saves_changes_as_a_version(knowledge_folder,
                                                                     db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    changed = [dict(AFVAL[0], cost="€ 25 per keer"), AFVAL[1],
               article("milieustraat", "Milieustraat", ["milieustraat open?"] * 4,
                       "Milieustraat")]
    write_department(knowledge_folder, "afval", "Afval", changed)

    plain = store.seed_from_yaml(knowledge_folder, db_url)
    assert plain.added == ["milieustraat"] and plain.updated == []
    assert served(db_url)["grofvuil"].cost is None, "without force nothing is overwritten"

    forced = store.seed_from_yaml(knowledge_folder, db_url, force=True)
    assert forced.updated == ["grofvuil"] and forced.added == []
    assert served(db_url)["grofvuil"].cost == "€ 25 per keer"
    assert [v.version for v in store.history("grofvuil", db_url)] == [1, 2]
    assert store.history("grofvuil", db_url)[0].article.cost is None, "the old text is kept"


def test_a_new_department_file_reaches_a_database_that_has_articles(knowledge_folder, db_url,
                                                                   monkeypatch):
    store.seed_new_articles(knowledge_folder, db_url)   # first start: an empty database
    assert store.stats(db_url) == {"articles": 7, "published": 7}
    store.save_draft("grofvuil", {"answer": "Eigen tekst. https://www.lindendal.nl/grofvuil"},
                     author=EDITOR, url=db_url)
    write_department(knowledge_folder, "openbare_ruimte", "Openbare ruimte", [
        article("bomen-snoeien", "Bomen van de gemeente snoeien",
                ["Wanneer snoeit de gemeente de bomen?", "Van wie is de boom voor mijn huis?",
                 "bomen snoeien", "Takken hangen over mijn tuin"], "bomen")])

    monkeypatch.setattr(store, "_SEEDED", set())   # an update: the bot starts again
    store.seed_new_articles(knowledge_folder, db_url)
    assert served(db_url)["bomen-snoeien"].department_name == "Openbare ruimte"
    assert "openbare_ruimte" in {a.department for a in store.current_articles(db_url)}
    assert store.current_article("grofvuil", db_url).answer.startswith("Eigen tekst"), \
        "an article the database has is not seeded again"
    version = store.knowledge_version(db_url)
    store.seed_new_articles(knowledge_folder, db_url)
    assert store.knowledge_version(db_url) == version, "once per process"


def test_a_draft_is_not_served_until_it_is_published(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    before = store.knowledge_version(db_url)
    number = store.save_draft("grofvuil", {"answer": "Nieuw: bel ons. https://x.nl"},
                              author=EDITOR, note="telefoonnummer", url=db_url)
    assert number == 2
    assert store.knowledge_version(db_url) > before
    assert served(db_url)["grofvuil"].answer.startswith("Grofvuil laten ophalen"), \
        "residents still get version 1"
    current = store.current_article("grofvuil", db_url)
    assert (current.version, current.status, current.answer) == (
        2, "draft", "Nieuw: bel ons. https://x.nl")

    store.publish("grofvuil", 2, by=CHIEF, url=db_url)
    now_served = served(db_url)["grofvuil"]
    assert (now_served.version, now_served.status) == (2, "published")
    assert now_served.answer == "Nieuw: bel ons. https://x.nl"
    entries = store.history("grofvuil", db_url)
    assert [(e.version, e.author_id, e.note, e.is_published) for e in entries] == [
        (1, None, "uit YAML", False), (2, EDITOR, "telefoonnummer", True)]
    assert entries[1].published_by == CHIEF and entries[1].published_at is not None


def test_a_new_article_starts_as_a_draft(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    fields = article("hondenbelasting", "Hondenbelasting", ["hond aanmelden"] * 4,
                     "Hondenbelasting", department="belastingen",
                     department_name="Belastingen")
    assert store.save_draft("hondenbelasting", fields, author=EDITOR, url=db_url) == 1
    assert "hondenbelasting" not in served(db_url)
    store.publish("hondenbelasting", 1, by=EDITOR, url=db_url)
    assert served(db_url)["hondenbelasting"].department == "belastingen"


def test_a_draft_is_checked(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    with pytest.raises(ArticleError, match="'link' must start with https://"):
        store.save_draft("grofvuil", {"link": "ftp://x"}, author=EDITOR, url=db_url)
    with pytest.raises(ArticleError, match="department cannot change"):
        store.save_draft("grofvuil", {"department": "parkeren"}, author=EDITOR, url=db_url)
    assert [v.version for v in store.history("grofvuil", db_url)] == [1]
    with pytest.raises(KeyError):
        store.publish("grofvuil", 5, by=EDITOR, url=db_url)


def test_restore_makes_a_new_version_equal_to_the_old(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    original = served(db_url)["grofvuil"]
    store.save_draft("grofvuil", {"title": "Grofvuil (fout)"}, author=EDITOR, url=db_url)
    store.publish("grofvuil", 2, by=EDITOR, url=db_url)
    assert served(db_url)["grofvuil"].title == "Grofvuil (fout)"

    number = store.restore("grofvuil", 1, by=CHIEF, url=db_url)
    assert number == 3
    assert served(db_url)["grofvuil"].title == "Grofvuil (fout)", "a restore is a draft"
    store.publish("grofvuil", 3, by=CHIEF, url=db_url)
    restored = served(db_url)["grofvuil"]
    assert restored == original and restored.version == 3
    entries = store.history("grofvuil", db_url)
    assert [e.version for e in entries] == [1, 2, 3], "every version is kept"
    assert entries[2].note == "hersteld van versie 1" and entries[2].author_id == CHIEF
    assert store.restore("grofvuil", 2, by=CHIEF, publish_it=True, url=db_url) == 4
    assert served(db_url)["grofvuil"].title == "Grofvuil (fout)"


def test_unpublish_stops_serving(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    store.unpublish("afvalkalender", by=CHIEF, url=db_url)
    assert "afvalkalender" not in served(db_url)
    assert store.current_article("afvalkalender", db_url).status == "draft"


def test_overdue_for_review(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    assert [a.id for a in store.overdue_for_review(dt.date(2026, 1, 1), db_url)] == [
        "afvalkalender"]
    store.save_draft("afvalkalender", {"review_by": "2027-01-01"}, author=EDITOR, url=db_url)
    assert store.overdue_for_review(dt.date(2026, 1, 1), db_url) == []
    assert len(store.overdue_for_review(dt.date(2027, 6, 2), db_url)) == 7


def test_export_writes_what_seed_reads(knowledge_folder, db_url, tmp_path):
    store.seed_from_yaml(knowledge_folder, db_url)
    store.save_draft("grofvuil", {"cost": "gratis"}, author=EDITOR, url=db_url)
    out = tmp_path / "export"
    store.export_yaml(out, db_url)
    exported = {a.id: a for a in load_folder(out)}
    assert (exported["grofvuil"].cost, exported["grofvuil"].status) == ("gratis", "draft")
    assert exported["paspoort-aanvragen"] == served(db_url)["paspoort-aanvragen"]

    store.export_yaml(tmp_path / "live", db_url, published_only=True)
    assert load_folder(tmp_path / "live") == load_folder(knowledge_folder), \
        "the published versions come back as they were seeded"

    other = f"sqlite:///{tmp_path}/other.db"
    store.seed_from_yaml(out, other)
    assert store.current_article("grofvuil", other).cost == "gratis"


def test_cli_seed_and_export(knowledge_folder, db_url, tmp_path, capsys):
    assert cli(["seed", "--folder", str(knowledge_folder), "--url", db_url]) == 0
    assert "added 7, updated 0, unchanged 0" in capsys.readouterr().out
    assert cli(["export", "--folder", str(tmp_path / "out"), "--url", db_url]) == 0
    assert load_folder(tmp_path / "out") == load_folder(knowledge_folder)


def test_migration_0008_up_and_down(tmp_path):
    url = f"sqlite:///{tmp_path}/migrate.db"
    reports_db.migrate(url)
    tables = set(sa.inspect(reports_db.engine(url)).get_table_names())
    assert {"knowledge_articles", "knowledge_article_versions", "knowledge_state"} <= tables
    config = Config()
    config.set_main_option("script_location", str(reports_db.MIGRATIONS))
    with reports_db.engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    tables = set(sa.inspect(reports_db.engine(url)).get_table_names())
    assert not tables & {"knowledge_articles", "knowledge_article_versions", "knowledge_state"}
    assert "reports" in tables
