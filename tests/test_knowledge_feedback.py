"""'Dit antwoord helpt me niet' (issue 16, item 5): read from the words after an answer from
the knowledge base, kept masked with the article's id, grouped per article for the
knowledge-base managers, and the resident gets other ways (other articles, link and phone,
a colleague)."""
from __future__ import annotations

import asyncio
from typing import List

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker

from bot.knowledge import KNOWLEDGE_DIR, store, unanswered
from bot.knowledge.models import UnansweredQuestion
from bot.policies import reading_route
from bot.reading.message import read_message
from bot.reading.not_helped import is_displeased, says_not_helped
from bot.reports.db import session
from tests.conftest import dutch


@pytest.mark.parametrize("text", [
    "daar heb ik niks aan", "Dit helpt me niet", "dat is niet mijn vraag",
    "het heeft me niet geholpen", "nee, dat bedoel ik niet", "dit is geen antwoord op mijn vraag",
    "hier heb ik helemaal niets aan!", "u helpt me niet", "niet geholpen", "ik vroeg iets anders",
    "that didn't help", "laat maar. zinloos dit", "dit heeft geen zin", "je snapt er niks van",
    "ja dat weet ik ook wel maar die site doet het niet op mijn telefoon",
])
def test_words_that_say_the_answer_did_not_help(text):
    assert says_not_helped(text)


@pytest.mark.parametrize("text", [
    "nee", "nee, dank u", "ik heb geen paspoort", "mijn pas werkt niet", "helpt het als ik bel?",
    "dat is mijn vraag niet meer, ik wil nu iets anders weten over parkeren in de binnenstad "
    "want mijn bezoek komt zaterdag en dat helpt niet",
    "bedankt, dat helpt", "de lamp doet het niet", "heeft het zin om bezwaar te maken?",
])
def test_other_words_are_not_read_as_not_helped(text):
    assert not says_not_helped(text)


@pytest.mark.parametrize("text, displeased", [
    ("nee. ongelooflijk dit", True), ("belachelijk", True), ("this is ridiculous", True),
    ("nee dank u, fijne dag", False), ("nee hoor, dat was het", False),
])
def test_a_goodbye_in_anger_is_displeased(text, displeased):
    """Round r43: "ongelooflijk dit" got "Fijn dat ik u kon helpen"."""
    assert is_displeased(text) is displeased


# -- the reading policy ------------------------------------------------------------------

START = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]


def said(text: str, intent: str = "deny") -> UserUttered:
    entities = read_message(text).to_entities(text)
    parse = {"intent": {"name": intent, "confidence": 0.9}, "entities": entities, "text": text}
    return UserUttered(text, parse["intent"], entities, parse_data=parse)


def after(action: str, text: str, intent: str = "deny", extra: List[Event] = ()) -> str:
    events = START + [said("hoe vraag ik bijzondere bijstand aan", "municipal_question"),
                      ActionExecuted(action), ActionExecuted("utter_anything_else"),
                      ActionExecuted("action_listen"), *extra, said(text, intent)]
    return reading_route(DialogueStateTracker.from_events("not-helped", events))


@pytest.mark.parametrize("action", ["action_answer_topic", "action_out_of_scope",
                                    "action_answer_follow_up", "action_answer_as_question"])
def test_not_helped_after_a_knowledge_answer_goes_to_its_action(action):
    assert after(action, "daar heb ik niks aan") == "action_kb_not_helped"
    assert after(action, "Dit helpt me niet", "complaint") == "action_kb_not_helped"
    assert after(action, "laat maar. zinloos dit", "stop") == "action_kb_not_helped"


def test_the_same_words_elsewhere_or_asking_for_a_person_go_their_own_way():
    assert after("action_opening_hours", "daar heb ik niks aan") != "action_kb_not_helped"
    assert after("action_answer_topic", "dit helpt niet, ik wil een medewerker",
                 "ask_human") != "action_kb_not_helped"
    in_form = [ActiveLoop("report_form"), SlotSet("requested_slot", "report_location")]
    assert after("action_answer_topic", "daar heb ik niks aan",
                 extra=in_form) != "action_kb_not_helped"


# -- the action --------------------------------------------------------------------------

@pytest.fixture
def kb_url(tmp_path):
    url = f"sqlite:///{tmp_path}/kb.db"
    store.seed_from_yaml(KNOWLEDGE_DIR, url)
    return url


def _answered(kb_url: str, question: str, reply: str, channel: str = "webchat"):
    """A tracker in which the bot answered `question` with its article; the resident replies."""
    from bot.knowledge.retrieval import Index

    article = Index(store.published_articles(kb_url)).search(question, top=1)[0].article
    events = [{"event": "user", "text": question, "input_channel": channel,
               "parse_data": {"intent": {"name": "municipal_question"}}},
              {"event": "bot", "text": article.answer.strip()},
              {"event": "bot", "text": "Kan ik u nog ergens anders mee helpen?"},
              {"event": "user", "text": reply, "input_channel": channel}]
    message = {"intent": {"name": "deny"}, "text": reply, "entities": []}
    return article, Tracker("s", {}, message, events, False, None, {}, "action_listen")


def _run_action(kb_url, monkeypatch, dispatcher, domain, question, reply="daar heb ik niks aan"):
    from actions import knowledge, topics

    monkeypatch.setattr(topics, "answered_article", lambda t: knowledge.answered_article(t, kb_url))
    monkeypatch.setattr(topics, "other_articles",
                        lambda q, a: knowledge.other_articles(q, a, kb_url))
    monkeypatch.setattr(topics, "record_not_helped",
                        lambda *args: knowledge.record_not_helped(*args, url=kb_url))
    article, tracker = _answered(kb_url, question, reply)
    asyncio.run(topics.ActionKnowledgeNotHelped().run(dispatcher, tracker, domain))
    return article, dispatcher.messages


def test_a_website_that_does_not_work_gets_the_phone_not_the_link_again(
        kb_url, monkeypatch, dispatcher, domain):
    """Round 81: "die site doet het niet op mijn telefoon" after the calendar answer got
    "Waar kan ik u mee helpen?"."""
    _, messages = _run_action(kb_url, monkeypatch, dispatcher, domain, "afvalkalender",
                              reply="die site doet het niet op mijn telefoon. molenweg 22")
    assert [m["response"] for m in messages] == ["utter_kb_site_fails"]
    assert messages[0]["buttons"][0]["payload"] == "/ask_human"


def test_not_helped_is_kept_masked_with_the_article(kb_url, monkeypatch, dispatcher, domain):
    question = "hoe vraag ik bijzondere bijstand aan, mail naar piet.pieters@example.nl"
    article, _ = _run_action(kb_url, monkeypatch, dispatcher, domain, question)
    with session(kb_url) as db:
        [row] = db.query(UnansweredQuestion).all()
    assert row.kind == "not_helped" and row.article_id == article.id
    assert "bijstand" in row.text and "piet" not in row.text and "example.nl" not in row.text
    assert row.channel == "webchat" and row.intent == "municipal_question"


def test_not_helped_offers_other_articles_the_link_and_a_colleague(kb_url, monkeypatch,
                                                                   dispatcher, domain):
    article, messages = _run_action(kb_url, monkeypatch, dispatcher, domain,
                                    "hoe vraag ik bijzondere bijstand aan")
    [message] = messages
    assert message["response"] == "utter_kb_not_helped" and message["link"] == article.link
    *others, colleague = message["buttons"]
    assert colleague["payload"] == "/ask_human" and colleague["title"]
    assert 1 <= len(others) <= 2
    assert all('"kb_article":"' in b["payload"] and article.id not in b["payload"]
               for b in others)


def test_the_answers_button_is_read_as_not_helped_and_numbered_media_have_none(domain):
    for name in ("utter_kb_answer", "utter_kb_answer_sensitive"):
        variants = domain["responses"][name]
        defaults = [v for v in variants if not v.get("channel")]  # Dutch, and English if any
        assert defaults and all(not v.get("condition") or v["condition"][0]["value"] == "en"
                                for v in defaults)
        for default in defaults:
            [button] = default["buttons"]
            assert says_not_helped(button["payload"]) and says_not_helped(button["title"])
        assert {v["channel"] for v in variants if v.get("channel")} == {"whatsapp", "sms"}
        assert not any(v.get("buttons") for v in variants if v.get("channel"))
    assert "{link}" in dutch(domain, "utter_kb_not_helped")["text"]
    assert "action_kb_not_helped" in domain["actions"]


# -- grouped for the managers ------------------------------------------------------------

def test_not_helped_is_grouped_per_article_apart_from_unanswered_questions(tmp_path):
    url = f"sqlite:///{tmp_path}/kb.db"
    for text in ("bijzondere bijstand aanvragen", "bijstand voor een wasmachine"):
        unanswered.record_unanswered(text, kind="not_helped", article_id="bijzondere-bijstand",
                                     url=url)
    unanswered.record_unanswered("paspoort kwijt", kind="not_helped",
                                 article_id="paspoort-id-kaart-kwijt", url=url)
    unanswered.record_unanswered("waar kan ik mijn boot kwijt", url=url)
    [first, second] = unanswered.not_helped_by_article(url)
    assert (first.article_id, first.count) == ("bijzondere-bijstand", 2)
    assert (second.article_id, second.count) == ("paspoort-id-kaart-kwijt", 1)
    assert [g.subject for g in unanswered.grouped(url, kind="unanswered")] == ["boot kwijt"]
