"""The knowledge base in the console (issue 16, items 3-5): departments edit their own
articles, the knowledge-base manager publishes, versions are kept and restored, a B1
readability check and a preview per medium, the webcare search on the conversation page,
and the questions the bot could not answer (masked, grouped by subject).

A console of its own (no Rasa, no trained model) on loopback with a temporary database
seeded from knowledge/*.yml."""
from __future__ import annotations

import asyncio
import datetime as dt
import html
import itertools
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from bot.knowledge import KNOWLEDGE_DIR, readability, retrieval, store, unanswered
from bot.knowledge.models import UnansweredQuestion
from bot.reports.db import migrate, session
from bot.settings import ROOT
from console import auth
from console.models import AuditEntry, Takeover
from tests.console_client import ConsoleUser, conversation_path
from tests.services import free_port

PASSWORD = "een-lang-wachtwoord-42"
OWN = "paspoort-id-kaart-aanvragen"       # burgerzaken
OTHER = "afvalpas-kwijt"                  # afval
SENDER = "kb-test-gesprek"
_names = itertools.count(1)


def _save_conversation(tracker_db) -> None:
    """One web-chat conversation in Rasa's SQL tracker store, for the conversation page."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker_store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tracker_db))
    tracker = DialogueStateTracker(SENDER, slots=[])
    tracker.update(UserUttered("Mijn paspoort is verlopen, wat nu?",
                               input_channel="webchat", timestamp=time.time()))
    asyncio.run(tracker_store.save(tracker))


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory):
    """(base URL, database URL) of a console started for this module."""
    folder = tmp_path_factory.mktemp("console-knowledge")
    db_url = f"sqlite:///{folder / 'reports.db'}"
    migrate(db_url)
    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    _save_conversation(folder / "tracker.db")
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n"
                         f"  db: {folder / 'tracker.db'}\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "GA_DATABASE_URL": db_url}
    log = (folder / "console.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "console", "serve", "--host",
                                "127.0.0.1", "--port", str(port), "--endpoints",
                                str(endpoints)], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/console/health", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError((folder / "console.log").read_text())
            time.sleep(0.2)
    yield base, db_url
    process.terminate()
    process.wait(timeout=20)
    log.close()


def user(console, role: str, department: str = "") -> ConsoleUser:
    name = f"{role}{next(_names)}"
    auth.create_user(name, name.title(), f"K{next(_names)}", role, PASSWORD, url=console[1],
                     department=department or None)
    colleague = ConsoleUser(console[0], name, PASSWORD)
    colleague.username = name
    return colleague


def audit_actions(console, detail_contains: str) -> list:
    with session(console[1]) as db:
        return [e.action for e in db.query(AuditEntry).order_by(AuditEntry.id)
                if detail_contains in (e.detail or "")]


def served_answer(console, article_id: str) -> str:
    """What the bot serves now: a fresh live index over the test database."""
    index = retrieval.LiveIndex(console[1], refresh_seconds=0).current()
    return next(a.answer for a in index.articles if a.id == article_id)


def form_of(article) -> dict:
    return {"title": article.title, "questions": "\n".join(article.questions),
            "answer": article.answer, "answer_sms": article.answer_sms or "",
            "cost": article.cost or "", "answer_en": article.answer_en or "",
            "cost_en": article.cost_en or "", "link": article.link,
            "review_by": article.review_by.isoformat(),
            **({"sensitive": "on"} if article.sensitive else {})}


# -- departments edit their own articles -------------------------------------------------------

def test_an_editor_saves_a_draft_of_their_own_department_and_not_of_another(console):
    editor = user(console, "editor", "burgerzaken")
    status, page = editor.get("/console/knowledge")
    assert status == 200 and "<h1>Kennisbank</h1>" in page
    assert f'href="/console/knowledge/articles/{OWN}"' in page
    assert f'href="/console/knowledge/articles/{OTHER}"' not in page
    status, page = editor.get(f"/console/knowledge/articles/{OWN}")
    assert status == 200 and 'name="answer"' in page and "Versie" in page
    assert "publiceren</button>" not in page, "an editor does not publish"

    before = store.current_article(OWN, console[1])
    served_before = served_answer(console, OWN)
    new_answer = before.answer.replace("Maak eerst een afspraak.",
                                       "Maak eerst een afspraak, ook op zaterdag.")
    assert new_answer != before.answer
    english = f"Make an appointment first, also on Saturday. {before.link}"
    status, _ = editor.post(f"/console/knowledge/articles/{OWN}",
                            **{**form_of(before), "answer": new_answer, "note": "zaterdag",
                               "answer_en": english})
    assert status == 303
    draft = store.current_article(OWN, console[1])
    assert draft.version == before.version + 1 and draft.answer == new_answer
    assert draft.answer_en == english, "the English answer is edited beside the Dutch"
    assert draft.status == "draft"
    assert served_answer(console, OWN) == served_before, "a draft is not served"
    assert "kb_draft_saved" in audit_actions(console, OWN)

    other = store.current_article(OTHER, console[1])
    assert editor.get(f"/console/knowledge/articles/{OTHER}")[0] == 403
    assert editor.post(f"/console/knowledge/articles/{OTHER}",
                       **{**form_of(other), "answer": "Gehackt."})[0] == 403
    assert editor.post(f"/console/knowledge/articles/{OTHER}/restore/1")[0] == 403
    assert editor.post(f"/console/knowledge/articles/{OWN}/publish",
                       version=str(draft.version))[0] == 403
    assert store.current_article(OTHER, console[1]).version == other.version


def test_an_editor_without_department_or_an_agent_changes_nothing(console):
    lost = user(console, "editor")
    assert lost.get(f"/console/knowledge/articles/{OWN}")[0] == 403
    assert "hoort nog niet bij een afdeling" in lost.get("/console/knowledge")[1]
    agent = user(console, "agent")
    assert agent.get("/console/knowledge")[0] == 403
    assert agent.get("/console/knowledge/unanswered")[0] == 403


def test_the_forms_need_the_csrf_token(console):
    editor = user(console, "editor", "burgerzaken")
    article = store.current_article(OWN, console[1])
    assert editor.post(f"/console/knowledge/articles/{OWN}", csrf="forged",
                       **{**form_of(article), "answer": "Vervalst."})[0] == 403
    assert store.current_article(OWN, console[1]).version == article.version


def test_a_wrong_field_is_reported_and_nothing_is_saved(console):
    editor = user(console, "editor", "burgerzaken")
    article = store.current_article(OWN, console[1])
    status, page = editor.post(f"/console/knowledge/articles/{OWN}",
                               **{**form_of(article), "link": "http://onveilig.example"})
    assert status == 400 and 'role="alert"' in page and "https://" in html.unescape(page)
    assert 'value="http://onveilig.example"' in page, "the form keeps what was typed"
    assert store.current_article(OWN, console[1]).version == article.version


def test_an_editors_start_page_is_the_knowledge_base_with_its_overdue_articles(console):
    editor = user(console, "editor", "burgerzaken")
    assert editor.get("/console/")[0] == 303
    assert user(console, "agent").get("/console/")[0] == 200


NEW_ARTICLE = {"title": "Boom kappen in eigen tuin",
               "upl": "Kapvergunning",
               "upl_uri": "http://standaarden.overheid.nl/owms/terms/Kapvergunning",
               "questions": "Mag ik een boom kappen?\nKapvergunning aanvragen\n"
                            "Boom in de tuin weghalen\nMoet ik toestemming vragen voor een boom?",
               "answer": "Wilt u een grote boom kappen? Dan heeft u soms een vergunning nodig. "
                         "Kijk op https://www.lindendal.nl/kappen",
               "link": "https://www.lindendal.nl/kappen", "review_by": "2030-01-01"}


def test_an_editor_writes_a_new_article_as_a_draft_of_their_own_department(console):
    editor = user(console, "editor", "burgerzaken")
    manager = user(console, "kb_manager")
    status, page = editor.get("/console/knowledge/new")
    assert status == 200 and 'name="questions"' in page and 'name="department"' not in page
    status, _ = editor.post("/console/knowledge/new", department="afval", **NEW_ARTICLE)
    assert status == 303
    article = store.current_article("boom-kappen-in-eigen-tuin", console[1])
    assert article.department == "burgerzaken", "an editor writes for their own department"
    assert article.status == "draft" and article.version == 1
    assert "kb_article_created" in audit_actions(console, "boom-kappen-in-eigen-tuin")
    index = retrieval.LiveIndex(console[1], refresh_seconds=0).current()
    assert "boom-kappen-in-eigen-tuin" not in {a.id for a in index.articles}

    assert editor.post("/console/knowledge/articles/boom-kappen-in-eigen-tuin/publish",
                       version="1")[0] == 403
    assert manager.post("/console/knowledge/articles/boom-kappen-in-eigen-tuin/publish",
                        version="1")[0] == 303
    index = retrieval.LiveIndex(console[1], refresh_seconds=0).current()
    assert index.answer_for("mag ik de boom in mijn tuin kappen").articles[0].id == \
        "boom-kappen-in-eigen-tuin"
    other = user(console, "editor", "afval")
    assert other.get("/console/knowledge/articles/boom-kappen-in-eigen-tuin")[0] == 403

    status, page = editor.post("/console/knowledge/new", **NEW_ARTICLE)
    assert status == 400 and "al een artikel" in html.unescape(page)
    assert store.current_article("boom-kappen-in-eigen-tuin", console[1]).version == 1


def test_the_manager_chooses_the_department_of_a_new_article(console):
    manager = user(console, "kb_manager")
    status, page = manager.get("/console/knowledge/new")
    assert status == 200 and 'name="department"' in page
    fields = {**NEW_ARTICLE, "title": "Snoeiafval wegbrengen", "id": "snoeiafval"}
    status, page = manager.post("/console/knowledge/new", **fields)
    assert status == 400 and "kies een afdeling" in page.lower()
    assert manager.post("/console/knowledge/new", department="afval", **fields)[0] == 303
    assert store.current_article("snoeiafval", console[1]).department == "afval"
    status, page = manager.post("/console/knowledge/new", department="afval",
                                **{**fields, "id": "snoei-2", "link": "http://x.example"})
    assert status == 400 and 'role="alert"' in page and 'value="Snoeiafval wegbrengen"' in page
    assert user(console, "editor").post("/console/knowledge/new", **fields)[0] == 403


# -- the manager publishes ----------------------------------------------------------------------

def test_the_manager_publishes_and_retrieval_serves_the_new_text(console):
    editor = user(console, "editor", "afval")
    manager = user(console, "kb_manager")
    article = store.current_article(OTHER, console[1])
    new_answer = ("Afvalpas kwijt? Vraag een nieuwe pas aan in de Afval-app. Dat kost niets. "
                  f"Meer: {article.link}")
    assert editor.post(f"/console/knowledge/articles/{OTHER}",
                       **{**form_of(article), "answer": new_answer})[0] == 303
    assert served_answer(console, OTHER) != new_answer
    draft = store.current_article(OTHER, console[1])

    status, page = manager.get(f"/console/knowledge/articles/{OTHER}")
    assert status == 200 and f"Versie {draft.version} publiceren" in page
    status, _ = manager.post(f"/console/knowledge/articles/{OTHER}/publish",
                             version=str(draft.version))
    assert status == 303
    assert served_answer(console, OTHER) == new_answer
    assert "Afval-app" in retrieval.LiveIndex(console[1], refresh_seconds=0).answer_for(
        "ik ben mijn afvalpas kwijt").articles[0].answer
    assert "kb_published" in audit_actions(console, f"{OTHER} v{draft.version}")
    assert "Gepubliceerd" in manager.get(f"/console/knowledge/articles/{OTHER}?klaar=published")[1]


def test_restore_makes_a_new_version_equal_to_the_old_and_history_lists_them(console):
    editor = user(console, "editor", "burgerzaken")
    article_id = "paspoort-spoed"
    first = store.current_article(article_id, console[1])
    assert editor.post(f"/console/knowledge/articles/{article_id}",
                       **{**form_of(first), "title": "Heel snel een paspoort",
                          "note": "titel korter"})[0] == 303
    changed = store.current_article(article_id, console[1])
    assert changed.title == "Heel snel een paspoort"

    status, page = editor.get(f"/console/knowledge/articles/{article_id}")
    assert status == 200 and "titel korter" in page and "Geschiedenis" in page
    assert f"Versie {first.version} terugzetten" in page
    versions = store.history(article_id, console[1])
    assert [v.version for v in versions] == [first.version, changed.version]
    assert versions[-1].author_id is not None

    assert editor.post(f"/console/knowledge/articles/{article_id}/restore/"
                       f"{first.version}")[0] == 303
    restored = store.current_article(article_id, console[1])
    assert restored.version == changed.version + 1
    assert restored.content() == {**first.content(), "status": "draft"}
    assert "kb_restored" in audit_actions(console, article_id)
    page = editor.get(f"/console/knowledge/articles/{article_id}")[1]
    assert f"hersteld van versie {first.version}" in page


def test_the_list_filters_pages_and_flags_overdue_reviews(console):
    manager = user(console, "kb_manager")
    page = manager.get("/console/knowledge?afdeling=sport")[1]
    assert "3 artikelen" in page
    page = manager.get("/console/knowledge?q=afvalpas")[1]
    assert 'href="/console/knowledge/articles/afvalpas-kwijt"' in page
    page = manager.get("/console/knowledge")[1]
    assert "pagina 1 van" in page and 'aria-current="page"' in page

    editor = user(console, "editor", "sport")
    article = store.current_articles(console[1])
    sport = next(a for a in article if a.department == "sport")
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert editor.post(f"/console/knowledge/articles/{sport.id}",
                       **{**form_of(sport), "review_by": yesterday})[0] == 303
    page = editor.get("/console/knowledge")[1]
    notice = re.search(r'<section [^>]*id="overdue-articles">(.*?)</section>', page, re.S)
    assert notice and f'href="/console/knowledge/articles/{sport.id}"' in notice.group(1)
    assert notice.group(1).count("<li>") == 1
    assert "te laat" in page
    assert manager.get("/console/knowledge")[1].count('id="overdue-articles"') == 0
    other = user(console, "editor", "afval")
    assert sport.id not in other.get("/console/knowledge")[1]
    drafts = manager.get("/console/knowledge?status=draft&afdeling=sport")[1]
    assert sport.title not in drafts, "published before: changed, not a draft"
    changed = manager.get("/console/knowledge?status=changed&afdeling=sport")[1]
    assert sport.title in changed


def test_the_article_page_shows_the_b1_check_and_a_preview_per_medium(console):
    manager = user(console, "kb_manager")
    page = manager.get(f"/console/knowledge/articles/{OWN}")[1]
    for medium in ("webchat", "whatsapp", "sms", "telegram"):
        assert f'data-medium="{medium}"' in page
    assert re.search(r"\(\d sms\)", page), "an SMS shows how many messages it takes"
    assert "Leesbaarheid" in page


# -- readability ---------------------------------------------------------------------------------

def test_readability_warns_for_a_long_sentence_and_not_for_a_short_one():
    long = ("Als u een paspoort wilt aanvragen en u woont in Lindendal dan moet u eerst een "
            "afspraak maken op de website en daarna met een pasfoto langskomen.")
    assert [f.kind for f in readability.check(long)] == ["sentence"]
    assert readability.check("U maakt eerst een afspraak. Neem een pasfoto mee.") == []


def test_readability_warns_for_long_rare_and_official_words():
    kinds = {f.fragment: f.kind for f in readability.check(
        "Indien nodig volgt een omgevingsvergunningaanvraag.")}
    assert kinds["Indien"] == "rare_word"
    assert kinds["omgevingsvergunningaanvraag"] == "long_word"
    assert readability.syllables("gemeentehuis") == 4
    assert readability.Checker(frozenset({"afval", "pas"})).is_known("afvalpas")


# -- webcare ------------------------------------------------------------------------------------

def test_an_agent_searches_and_inserts_an_answer(console):
    agent = user(console, "agent")
    status, body = agent.get("/console/partials/knowledge/search?q=paspoort%20verlopen")
    assert status == 200
    results = json.loads(body)["results"]
    assert results and results[0]["id"].startswith("paspoort")
    status, body = agent.get(f"/console/partials/knowledge/articles/{results[0]['id']}")
    found = json.loads(body)
    published = next(a for a in store.published_articles(console[1])
                     if a.id == results[0]["id"])
    assert status == 200 and found["answer"] == published.answer.strip()
    status, body = agent.get(f"/console/partials/knowledge/articles/{OWN}?kanaal=sms")
    assert json.loads(body)["answer"] == published_sms(console, OWN)
    assert agent.get("/console/partials/knowledge/articles/bestaat-niet")[0] == 404
    anonymous = urllib.request.Request(f"{console[0]}/console/partials/knowledge/search?q=x")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(anonymous, timeout=10)
    assert refused.value.code == 401


def published_sms(console, article_id: str) -> str:
    article = next(a for a in store.published_articles(console[1]) if a.id == article_id)
    return (article.answer_sms or article.answer).strip()


def test_the_conversation_page_searches_and_fills_the_reply_without_javascript(console):
    agent = user(console, "agent")
    agent_id = next(a.id for a in auth.accounts(console[1]) if a.username == agent.username)
    with session(console[1]) as db:
        db.add(Takeover(sender_id=SENDER, user_id=agent_id))
    try:
        status, page = agent.get(conversation_path(SENDER) + "?kb=paspoort+aanvragen")
        assert status == 200 and "Zoeken in de kennisbank" in page
        assert f"invoegen={OWN}" in html.unescape(page)
        status, page = agent.get(conversation_path(SENDER) + f"?kb=paspoort&invoegen={OWN}")
        published = next(a for a in store.published_articles(console[1]) if a.id == OWN)
        reply = re.search(r'<textarea id="reply-text"[^>]*>(.*?)</textarea>', page, re.S)
        assert html.unescape(reply.group(1)) == published.answer.strip()
    finally:
        with session(console[1]) as db:
            db.query(Takeover).filter_by(sender_id=SENDER).delete()


# -- listening to residents ----------------------------------------------------------------------

def test_an_unanswered_question_is_stored_masked_and_grouped(console):
    question = ("Ik wil trouwen in het gemeentehuis, mail me op jan.jansen@example.nl "
                "of bel 06-12345678")
    unanswered.record_unanswered(question, "municipal_question", "whatsapp", url=console[1])
    unanswered.record_unanswered("Kan ik trouwen in het gemeentehuis?", "out_of_scope",
                                 "webchat", url=console[1])
    with session(console[1]) as db:
        stored = [r.text for r in db.query(UnansweredQuestion)]
    assert stored and not any("jansen" in t or "example.nl" in t or "12345678" in t
                              or "5678" in t for t in stored)
    assert all(not re.search(r"\d{4}", t) for t in stored)

    manager = user(console, "kb_manager")
    status, page = manager.get("/console/knowledge/unanswered")
    assert status == 200 and "<h1>Vragen zonder antwoord</h1>" in page
    row = re.search(r'<th scope="row">gemeentehuis trouwen</th>\s*<td>(\d+)</td>', page)
    assert row and int(row.group(1)) == 2
    assert "jan.jansen" not in page and "12345678" not in page
    editor = user(console, "editor", "burgerzaken")
    assert editor.get("/console/knowledge/unanswered")[0] == 403


def test_answers_that_did_not_help_are_shown_per_article_beside_the_unanswered(console):
    for text in ("paspoort verlengen, bel 0612345678", "nieuwe id kaart"):
        unanswered.record_unanswered(text, "passport_id_appointment", "webchat",
                                     kind="not_helped", article_id=OWN, url=console[1])
    status, page = user(console, "kb_manager").get("/console/knowledge/unanswered")
    section = page.split('id="niet-geholpen"', 1)[1]
    title = html.escape(store.current_article(OWN, console[1]).title)
    row = re.search(rf'{re.escape(title)}</a> \(Burgerzaken\)</th>\s*<td>(\d+)</td>', section)
    assert status == 200 and row and int(row.group(1)) == 2
    assert "nieuwe id kaart" in section and "12345678" not in page
    assert "nieuwe id kaart" not in page.split('id="niet-geholpen"', 1)[0], \
        "not helped is apart from the questions without an answer"


def test_find_answer_records_a_question_nothing_fits(console, monkeypatch):
    from actions import knowledge as actions_knowledge

    class Tracker:
        latest_message = {"text": "Hoeveel kost een olifant, bel 0612345678", "entities": []}

        @staticmethod
        def get_latest_input_channel():
            return "telegram"

    monkeypatch.setattr(actions_knowledge, "_seeded", {console[1]})
    decision = actions_knowledge.find_answer(Tracker(), "out_of_scope", True, url=console[1])
    assert decision.kind == "none"
    with session(console[1]) as db:
        found = db.query(UnansweredQuestion).filter_by(channel="telegram").all()
    assert found and "olifant" in found[0].text and "12345678" not in found[0].text
    assert found[0].intent == "out_of_scope" and found[0].asked_on == dt.date.today()


def test_a_failing_record_never_breaks_the_answer(console, monkeypatch):
    from actions import knowledge as actions_knowledge
    from bot.knowledge import unanswered as module

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(module, "record_unanswered", broken)

    class Tracker:
        latest_message = {"text": "waar kan ik mijn olifant stallen", "entities": []}

        @staticmethod
        def get_latest_input_channel():
            return "webchat"

    monkeypatch.setattr(actions_knowledge, "_seeded", {console[1]})
    assert actions_knowledge.find_answer(Tracker(), None, True, url=console[1]).kind == "none"


def test_retention_deletes_old_unanswered_questions(tmp_path):
    from bot.reports.retention import apply_retention

    url = f"sqlite:///{tmp_path / 'reports.db'}"
    migrate(url)
    old = dt.date.today() - dt.timedelta(days=200)
    unanswered.record_unanswered("Waar kan ik mijn boot kwijt?", url=url, today=old)
    unanswered.record_unanswered("Waar kan ik mijn kano kwijt?", url=url)
    apply_retention(reports_url=url)
    with session(url) as db:
        left = [r.text for r in db.query(UnansweredQuestion)]
    assert left == ["Waar kan ik mijn kano kwijt?"]


# -- accounts: the department -------------------------------------------------------------------

def test_an_admin_sets_a_department_on_an_account(console):
    boss = user(console, "admin")
    colleague = user(console, "editor")
    name = colleague.username
    target = next(a.id for a in auth.accounts(console[1]) if a.username == name)
    status, page = boss.get("/console/accounts")
    assert status == 200 and f'id="department-{target}"' in page and "Beheerder kennisbank" in page
    status, page = boss.post(f"/console/accounts/{target}/department", department="afval")
    assert status == 200 and "De afdeling van" in page
    assert next(a.department for a in auth.accounts(console[1]) if a.id == target) == "afval"
    assert "department_changed" in audit_actions(console, name)
    assert colleague.get(f"/console/knowledge/articles/{OTHER}")[0] == 200
    assert boss.post(f"/console/accounts/{target}/department", department="../x")[0] == 400
    assert colleague.post(f"/console/accounts/{target}/department", department="sport")[0] == 403


def test_the_unsaved_form_is_previewed_and_checked_without_saving(console):
    editor = user(console, "editor", "burgerzaken")
    article = store.current_article(OWN, console[1])
    long = ("Als u een paspoort wilt aanvragen en u woont in Lindendal dan moet u eerst een "
            "afspraak maken op de website en daarna met een pasfoto langskomen. " + article.link)
    status, body = editor.post(f"/console/knowledge/articles/{OWN}/preview",
                               **{**form_of(article), "answer": long})
    result = json.loads(body)
    assert status == 200 and "Deze zin heeft" in result["readability"][0]
    assert "afspraak maken op de website" in result["preview"]["whatsapp"][0]["text"]
    assert store.current_article(OWN, console[1]).version == article.version
    assert editor.post(f"/console/knowledge/articles/{OTHER}/preview",
                       **form_of(store.current_article(OTHER, console[1])))[0] == 403


def test_grouping_counts_subjects_and_can_put_the_newest_first(tmp_path):
    url = f"sqlite:///{tmp_path / 'reports.db'}"
    migrate(url)
    today = dt.date.today()
    for text, days in (("bijstand aanvragen", 5), ("hoe vraag ik bijstand aan", 4),
                       ("Waar kan ik mijn boot kwijt?", 1)):
        unanswered.record_unanswered(text, url=url, today=today - dt.timedelta(days=days))
    groups = unanswered.grouped(url)
    assert [(g.subject, g.count) for g in groups][0] == ("bijstand", 2)
    assert groups[0].examples[0] == "hoe vraag ik bijstand aan", "newest example first"
    assert unanswered.grouped(url, newest_first=True)[0].subject.startswith("boot")
