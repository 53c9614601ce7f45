"""Presence, the residents' queue, service norms and satisfaction answers (issue 17,
parts 3 and 4), with a controlled clock and a report store of their own."""
from __future__ import annotations

import asyncio
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, ConversationResumed

from actions.contact import ActionContactHuman
from actions.webcare import ActionAskSatisfaction, ActionTakeSatisfaction, ActionTellWaiting
from bot import settings
from bot.profile import ServiceNorms, profile
from bot.reports import db as reports_db
from bot.webcare import norms, presence, satisfaction, waiting, waiting_news
from bot.webcare.models import SatisfactionAnswer, WaitingResident
from tests.conftest import make_tracker
from tests.test_reading_policy import START, said, tracker as policy_tracker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY_MORNING = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)
SATURDAY_NIGHT = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
T = MONDAY_MORNING.astimezone(dt.timezone.utc).replace(tzinfo=None)  # the store's clock


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    address = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(address)
    monkeypatch.setattr(settings, "DATABASE_URL", address)
    return address


def logged_in(url: str, user_id: int, until: dt.datetime = T + dt.timedelta(hours=10)) -> None:
    """A console session for `user_id` (as console.auth makes one at login)."""
    from console.models import StaffSession

    with reports_db.session(url) as db:
        db.add(StaffSession(token_hash=f"hash-{user_id}-{until.timestamp()}", user_id=user_id,
                            csrf_token="x", created_at=T - dt.timedelta(hours=1),
                            expires_at=until))


def online(url: str, user_id: int, at: dt.datetime = T) -> None:
    logged_in(url, user_id)
    presence.set_status(user_id, "online", url, now=at)


def with_handling(minutes_each):
    return profile().copy(update={"service_norms": ServiceNorms(
        handling_minutes=minutes_each)})


# --- presence --------------------------------------------------------------------------

def test_an_agent_without_activity_goes_offline_after_the_idle_period(url, monkeypatch):
    monkeypatch.setattr(settings, "PRESENCE_IDLE_MINUTES", 30.0)
    online(url, 1)
    assert presence.online_count(url, T + minutes(29)) == 1
    assert presence.status_of(1, url, T + minutes(31)) == "offline"
    assert presence.online_count(url, T + minutes(31)) == 0


def test_activity_keeps_an_agent_online_but_an_idle_one_stays_offline(url, monkeypatch):
    monkeypatch.setattr(settings, "PRESENCE_IDLE_MINUTES", 30.0)
    online(url, 1)
    presence.touch(1, url, T + minutes(20))
    assert presence.status_of(1, url, T + minutes(45)) == "online"
    presence.touch(1, url, T + minutes(90))  # back after a long break
    assert presence.status_of(1, url, T + minutes(91)) == "offline", \
        "not online again until they choose it"


def test_an_online_colleague_whose_session_ended_is_offline(url):
    logged_in(url, 1, until=T + minutes(10))
    presence.set_status(1, "online", url, now=T)
    assert presence.online_count(url, T + minutes(5)) == 1
    assert presence.online_count(url, T + minutes(11)) == 0, "the session expired"
    presence.set_status(2, "online", url, now=T)
    assert presence.online_count(url, T) == 1, "never logged in (or switched off): not online"


def test_away_and_offline_colleagues_do_not_count_as_online(url):
    presence.set_status(1, "away", url, now=T)
    presence.set_status(2, "offline", url, now=T)
    assert presence.online_count(url, T) == 0
    assert presence.status_of(3, url, T) == "offline", "never set: offline"
    with pytest.raises(ValueError):
        presence.set_status(1, "busy", url, now=T)


# --- the queue -------------------------------------------------------------------------

def test_places_follow_the_order_of_asking_and_move_up_when_one_is_taken(url):
    online(url, 1)
    for n, sender in enumerate(("a", "b", "c")):
        waiting.join(sender, "whatsapp", url, T + minutes(n))
    waiting.join("a", "whatsapp", url, T + minutes(5))  # asking again keeps the place
    assert [waiting.place_of(s, url, T + minutes(5)).position for s in "abc"] == [1, 2, 3]
    waiting.taken("a", url, T + minutes(6))
    assert waiting.place_of("a", url, T + minutes(6)) is None
    assert [waiting.place_of(s, url, T + minutes(6)).position for s in "bc"] == [1, 2]
    assert waiting.waiting_senders(url) == ["b", "c"]


def test_the_wait_is_place_times_handling_time_over_colleagues_online(url):
    for n, sender in enumerate(("a", "b", "c")):
        waiting.join(sender, "webchat", url, T + minutes(n))
    handling = with_handling(10)
    assert waiting.place_of("c", url, T + minutes(3), handling).minutes is None, \
        "nobody online: unknown"
    online(url, 1)
    online(url, 2)
    assert waiting.place_of("c", url, T + minutes(3), handling) == waiting.Place(3, 15)
    assert waiting.place_of("a", url, T + minutes(3), handling) == waiting.Place(1, 5)


def test_without_a_setting_the_wait_comes_from_recent_takeovers(url):
    online(url, 1)
    waiting.join("new", "webchat", url, T)
    assert waiting.place_of("new", url, T).minutes is None, "no history yet: honest"
    for n, held in enumerate((4, 6, 20)):
        sender = f"old{n}"
        waiting.join(sender, "webchat", url, T - dt.timedelta(days=1))
        waiting.taken(sender, url, T - dt.timedelta(days=1))
        waiting.ended(sender, url, T - dt.timedelta(days=1) + minutes(held))
    assert waiting.place_of("new", url, T) == waiting.Place(1, 6), "median 6 minutes"
    with reports_db.session(url) as db:
        ended = db.query(WaitingResident).filter(WaitingResident.ended_at.isnot(None)).all()
        assert {row.sender_id for row in ended} == {None}, "the address is blanked"
        assert {row.outcome for row in ended} == {"handled"}


def test_at_closing_time_every_wait_ends(url):
    waiting.join("a", "whatsapp", url, T)
    assert waiting.expire(url, T + minutes(60)) == 0, "still open"
    friday_evening = dt.datetime(2026, 11, 27, 18, 0, tzinfo=AMSTERDAM)
    assert waiting.expire(url, friday_evening.astimezone(dt.timezone.utc).replace(
        tzinfo=None)) == 1
    assert waiting.place_of("a", url, T) is None


def test_news_only_when_the_place_changed_and_not_too_often(url, monkeypatch):
    monkeypatch.setattr(settings, "WAITING_NEWS_SECONDS", 120.0)
    online(url, 1)
    waiting.join("a", "whatsapp", url, T)
    waiting.join("b", "telegram", url, T + minutes(1))
    waiting.told("b", waiting.place_of("b", url, T), url, T + minutes(1))
    assert waiting_news.due(url, T + minutes(5)) == ["a"], "a was never told"
    waiting.told("a", waiting.place_of("a", url, T), url, T + minutes(5))
    assert waiting_news.due(url, T + minutes(10)) == [], "nothing changed"
    waiting.taken("a", url, T + minutes(10))
    waiting.told("b", waiting.Place(2, None), url, T + minutes(10))  # told just now
    assert waiting_news.due(url, T + minutes(11)) == [], "not more often than 2 minutes"
    sent: list = []
    assert waiting_news.tell_due(url, T + minutes(13), send=sent.append) == ["b"]
    assert sent == ["b"]


# --- the handover with presence (the action) ---------------------------------------------

def contact(dispatcher, domain, moment, sender="whatsapp:+31612345678"):
    tracker = make_tracker("ask_human", "ik wil een mens spreken", channel="whatsapp")
    tracker.sender_id = sender
    asyncio.run(ActionContactHuman(clock=lambda: moment).run(dispatcher, tracker, domain))
    return [m["response"] for m in dispatcher.messages]


def test_open_with_nobody_online_says_so_and_asks_for_a_message(url, dispatcher, domain):
    assert contact(dispatcher, domain, MONDAY_MORNING) == ["utter_contact_nobody_online"]
    assert dispatcher.messages[0]["close"] == "17:00"
    assert waiting.waiting_senders(url) == [], "nobody to wait for"


def test_open_with_a_colleague_online_tells_the_place(url, dispatcher, domain):
    online(url, 1, T - minutes(5))
    assert contact(dispatcher, domain, MONDAY_MORNING) == [
        "utter_contact_open", "utter_waiting_position_unknown"]
    assert dispatcher.messages[1]["position"] == 1
    assert waiting.waiting_senders(url) == ["whatsapp:+31612345678"]


def test_closed_is_unchanged_whoever_is_online(url, dispatcher, domain):
    presence.set_status(1, "online", url, now=SATURDAY_NIGHT.astimezone(
        dt.timezone.utc).replace(tzinfo=None))
    assert contact(dispatcher, domain, SATURDAY_NIGHT) == ["utter_contact_closed"]


def test_the_queue_news_action_tells_the_new_place_and_listens(url, dispatcher, domain,
                                                                monkeypatch):
    monkeypatch.setattr(waiting, "utcnow", lambda: T)
    monkeypatch.setattr(presence, "utcnow", lambda: T)
    online(url, 1)
    waiting.join("first", "webchat", url, T - minutes(2))
    waiting.join("test-sender", "webchat", url, T - minutes(1))
    events = asyncio.run(ActionTellWaiting().run(dispatcher, make_tracker(), domain))
    assert [(m["response"], m["position"]) for m in dispatcher.messages] == [
        ("utter_waiting_news_unknown", 2)]
    assert [(e["event"], e["name"]) for e in events] == [("action", "action_listen")], \
        "run from outside (Rasa's execute): the resident speaks next"


def test_the_domain_has_the_webcare_texts(domain):
    assert {"action_tell_waiting", "action_ask_satisfaction",
            "action_take_satisfaction"} <= set(domain["actions"])
    for name in ("utter_contact_nobody_online", "utter_waiting_position",
                 "utter_waiting_position_unknown", "utter_waiting_news",
                 "utter_waiting_news_unknown", "utter_ask_satisfaction",
                 "utter_satisfaction_thanks"):
        assert name in domain["responses"], name
    for asked in domain["responses"]["utter_ask_satisfaction"]:
        assert [b["payload"] for b in asked["buttons"]] == ["1", "2", "3", "4", "5"]
        read = [satisfaction.read_answer(b["title"]).score for b in asked["buttons"]]
        assert read == [1, 2, 3, 4, 5], "a typed button title is the same score"


# --- service norms (office hours) --------------------------------------------------------

def local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=AMSTERDAM)


def test_whatsapp_24_office_hours_count_only_opening_hours():
    friday_noon = local(27, 12)  # open until 12:30; the weekend does not count
    assert norms.check("first_reply", "whatsapp", friday_noon, local(30, 9)).state == "within"
    # Fri 0.5 + Mon 8.5 + Tue 8.5 + Wed 6 = 23.5 office hours: near, not over
    wednesday = dt.datetime(2026, 12, 2, 14, 30, tzinfo=AMSTERDAM)
    assert norms.check("first_reply", "whatsapp", friday_noon, wednesday).state == "near"
    over = norms.check("first_reply", "whatsapp", friday_noon,
                       dt.datetime(2026, 12, 2, 15, 1, tzinfo=AMSTERDAM))
    assert over.state == "breached" and over.target == dt.timedelta(hours=24)


def test_web_chat_minutes_and_a_reply_in_time():
    started = local(23, 10)
    assert norms.check("first_reply", "webchat", started, local(23, 10, 3)).state == "within"
    assert norms.check("first_reply", "webchat", started, local(23, 10, 4)).state == "near"
    assert norms.check("first_reply", "webchat", started, local(23, 10, 6)).state == "breached"
    replied = norms.check("first_reply", "webchat", started, local(23, 16), local(23, 10, 3))
    assert replied.state == "within" and replied.done


def test_a_night_message_is_not_late_before_opening():
    saturday_night = local(28, 22)
    assert norms.check("first_reply", "webchat", saturday_night,
                       local(30, 8, 33)).state == "within"
    assert norms.check("first_reply", "webchat", saturday_night,
                       local(30, 8, 36)).state == "breached"


def test_the_worst_norm_counts_and_no_wait_means_no_norm():
    started = local(23, 10).timestamp()
    checked = norms.conversation_check("webchat", started, local(23, 10, 6).timestamp())
    assert checked.kind == "first_reply" and checked.state == "breached"
    assert norms.conversation_check("webchat", None, local(23, 11).timestamp()) is None


def test_the_profile_refuses_a_norm_it_cannot_read():
    with pytest.raises(ValueError):
        ServiceNorms(first_reply={"default": "een dag"})
    with pytest.raises(ValueError):
        ServiceNorms(first_reply={"webchat": "5m"})


def test_the_queue_highlights_near_and_breached_conversations():
    from console.norms import for_queue
    from console.conversations import Conversation

    started = local(23, 10).timestamp()
    late = Conversation("late", channel="webchat", waiting_since=started, triggers=[started])
    fresh = Conversation("fresh", channel="whatsapp", waiting_since=started,
                         triggers=[started])
    found = for_queue([late, fresh], now=local(23, 10, 6).timestamp())
    assert list(found) == ["late"] and found["late"].state == "breached"


# --- satisfaction ------------------------------------------------------------------------

@pytest.mark.parametrize("text, score, remark", [
    ("4", 4, ""), ("5, heel fijn geholpen", 5, "heel fijn geholpen"), ("1 van 5", 1, ""),
    ("Vier", 4, ""), ("drie. duurde lang", 3, "duurde lang"), ("heel tevreden", 5, ""),
    ("niet tevreden", 2, ""), ("3/5", 3, ""), ("Heel ontevreden", 1, ""),
    ("Ontevreden", 2, ""), ("Neutraal", 3, ""), ("Tevreden", 4, ""), ("Very happy", 5, "")])
def test_a_score_is_read_from_a_button_a_number_or_words(text, score, remark):
    assert satisfaction.read_answer(text) == satisfaction.Answer(score, remark)


@pytest.mark.parametrize("text", ["een klacht", "12 lampen kapot", "wanneer zijn jullie open?",
                                  "4,5", "6"])
def test_a_message_without_a_score_is_no_answer(text):
    assert satisfaction.read_answer(text) is None


def test_the_answer_is_stored_masked_and_without_who_gave_it(url, dispatcher, domain):
    text = "2, bel me terug op 0612345678 of mail jan@example.nl"
    tracker = make_tracker("inform", text, channel="telegram")
    asyncio.run(ActionTakeSatisfaction().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_satisfaction_thanks"]
    with reports_db.session(url) as db:
        [stored] = db.query(SatisfactionAnswer).all()
        assert (stored.score, stored.channel) == (2, "telegram")
        assert "0612345678" not in stored.remark and "jan@example.nl" not in stored.remark
        assert "bel me terug" in stored.remark
        assert not hasattr(stored, "sender_id")


def test_the_question_offers_the_scores(dispatcher, domain):
    events = asyncio.run(ActionAskSatisfaction().run(dispatcher, make_tracker(), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_satisfaction"]
    assert events[0]["name"] == "action_listen"


def test_the_dashboard_shows_the_average_score(url):
    from console.dashboard import Dashboard, _add_satisfaction

    for score in (5, 4, 2):
        satisfaction.store(satisfaction.Answer(score), "webchat", url)
    board = Dashboard(days=7)
    _add_satisfaction(board, dt.datetime(2000, 1, 1), url)
    assert (board.satisfaction_count, round(board.satisfaction_average, 2)) == (3, 3.67)
    assert ("satisfaction_average", "all", "3.67") in board.rows()


# --- the reading policy --------------------------------------------------------------------

ASKED = START + [ConversationResumed(), ActionExecuted("action_ask_satisfaction"),
                 BotUttered("Hoe tevreden bent u?"), ActionExecuted("action_listen")]


def test_a_score_after_the_question_is_its_answer():
    from bot.policies import reading_route

    assert reading_route(policy_tracker(ASKED + [said("4, snel geholpen")])) == \
        "action_take_satisfaction"
    assert reading_route(policy_tracker(ASKED + [said("wanneer is het gemeentehuis open",
                                                      "opening_hours")])) != \
        "action_take_satisfaction"


def test_a_message_after_queue_news_is_still_for_the_colleague():
    from bot.policies import reading_route

    events = START + [said("ik wil een mens", "ask_human"),
                      ActionExecuted("action_contact_human"), ActionExecuted("action_listen"),
                      ActionExecuted("action_tell_waiting"), BotUttered("nummer 1"),
                      ActionExecuted("action_listen"),
                      said("het gaat over mijn aanslag", "nlu_fallback", 0.4)]
    assert reading_route(policy_tracker(events)) == "action_take_message"


def test_the_web_chat_shows_queue_news_and_the_question_as_news_not_the_reply():
    from channels.webchat import _pushed

    def uttered(name: str) -> BotUttered:
        return BotUttered("…", metadata={"utter_action": name})

    assert _pushed(uttered("utter_waiting_news_unknown"))
    assert _pushed(uttered("utter_ask_satisfaction"))
    assert not _pushed(uttered("utter_waiting_position")), "that one is the reply itself"


def test_the_queue_template_marks_a_conversation_over_its_norm():
    from console.app import templates
    from console.lists import Filters, Listed, Page
    from console.norms import for_queue

    started = local(23, 10).timestamp()
    late = Listed(
        sender_id="late", channel="webchat", started_at=started, last_activity=started,
        first_message="hallo", last_user_text="hallo", last_intent="ask_human",
        left_message="", case_number=None, paused=False, waiting_since=started,
        reasons=["ask_human"], status="open", priority=0, snoozed_until=None, outcome=None,
        team=None, assignee_id=None, assigned_to=None, user_messages=1, staff_replies=0)
    now = local(23, 10, 6).timestamp()
    values = dict(queue=[late], waiting=1, active=Page([late], 1, 1), taken={}, now=now,
                  filters=Filters(), teams={})
    html = templates.get_template("_overview.html").render(
        **values, norms=for_queue([late], now))
    queue = html.split("Actieve gesprekken")[0]
    assert 'class="norm-row-breached"' in queue
    assert "Over de norm: eerste antwoord" in queue
    plain = templates.get_template("_overview.html").render(**values)
    assert "norm" not in plain.split("Actieve gesprekken")[0].lower().replace(
        "normaal", ""), "without norms nothing breaks"


def test_retention_deletes_old_waits_remarks_and_presence(url):
    from bot.register import load_register
    from bot.reports.retention import delete_old_rows
    from bot.webcare.models import StaffPresence

    long_ago = T - dt.timedelta(days=400)
    waiting.join("old", "whatsapp", url, long_ago)
    waiting.join("new", "whatsapp", url, T)
    satisfaction.store(satisfaction.Answer(4, "prima"), "webchat", url, long_ago)
    satisfaction.store(satisfaction.Answer(5, "top"), "webchat", url, T)
    presence.set_status(1, "away", url, now=long_ago)
    presence.set_status(2, "online", url, now=T)
    delete_old_rows(T + dt.timedelta(days=1), load_register(), url=url)
    assert waiting.waiting_senders(url) == ["new"]
    with reports_db.session(url) as db:
        assert [a.remark for a in db.query(SatisfactionAnswer)] == ["top"]
        assert [p.user_id for p in db.query(StaffPresence)] == [2]


@pytest.mark.parametrize("text", ["5 stoeptegels liggen los bij de school",
                                  "2 lantaarnpalen zijn kapot", "3 dagen geleden gemeld"])
def test_a_message_that_starts_with_a_number_is_no_score(text):
    assert satisfaction.read_answer(text) is None


def test_a_remark_is_stored_without_names_or_bsn(url):
    satisfaction.store(satisfaction.Answer(4, "Ik ben Jan de Vries, BSN 111222333, prima"),
                       "webchat", url)
    with reports_db.session(url) as db:
        [row] = db.query(SatisfactionAnswer).all()
        assert "Jan de Vries" not in row.remark and "111222333" not in row.remark
