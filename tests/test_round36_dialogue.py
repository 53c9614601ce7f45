"""Causes found by the residents of round 36, held by the dialogue policy's routes and
the actions."""
import asyncio

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered

from bot.knowledge.aspects import is_follow_up
from bot.policies import reading_route
from tests.test_knowledge_answers import _follow_up, kb_url  # noqa: F401
from tests.test_reading_policy import START, said, tracker

CABLE = ("er hangt een kabel uit een lantaarnpaal op de julianalaan, de draden zijn bloot en "
         "het vonkt")
GAS = "ik ruik heel sterk gas in het trappenhuis van onze flat, molenweg 88"


def _after_the_emergency_answer(first, answered, *then):
    events = START + [said(first, "report_street_lighting"), ActionExecuted("action_emergency"),
                      BotUttered("…", metadata={"utter_action": answered})]
    for action in then:
        events.append(ActionExecuted(action))
    return events + [ActionExecuted("action_listen")]


def test_called_and_a_yes_to_report_starts_the_report():
    events = _after_the_emergency_answer(CABLE, "utter_emergency_live_cable",
                                         "utter_emergency_offer_report")
    text = "ok heb gebeld. ja meld het ook maar bij jullie, het is de paal voor nummer 12"
    assert reading_route(tracker(events + [said(text, "inform")])) == "action_start_report"


def test_outside_and_called_asking_whether_to_report_gets_the_answer_to_that():
    events = _after_the_emergency_answer(GAS, "utter_emergency_gas")
    text = "ik sta nu buiten en heb 112 gebeld. moet ik het ook nog bij de gemeente melden?"
    assert reading_route(tracker(events + [said(text, "municipal_question")])) == \
        "utter_emergency_report_here"


def test_a_question_of_its_own_in_a_report_is_answered_and_the_report_goes_on():
    from tests.test_reading_policy import at_question

    text = "u gaf geen antwoord op mijn vraag, gaan de lampen 's nachts uit?"
    for slot in ("report_location", "report_updates", "report_confirmed"):
        assert reading_route(tracker(at_question(slot) + [
            said(text, "report_street_lighting")])) == "action_answer_in_report"


def test_a_question_about_the_bots_own_question_is_no_question_of_its_own():
    from tests.test_reading_policy import at_question

    for text in ("wat bedoelt u met berichten?", "waarom wilt u dat weten?"):
        assert reading_route(tracker(at_question("report_updates") + [
            said(text, "municipal_question")])) != "action_answer_in_report"


def test_the_price_for_oneself_and_a_child_too_gets_both(kb_url, dispatcher, domain,  # noqa: F811
                                                         monkeypatch):
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, "paspoort aanvragen",
                             "wat kost dat eigenlijk? en voor mijn dochter van 9 ook?")
    assert "18 jaar en ouder" in messages[0]["detail"]
    assert "kind" in messages[1]["answer"].lower()


@pytest.mark.parametrize("first, follow_up, words", [
    ("paspoort aanvragen voor mijn dochter van 9",
     "moet ze zelf mee komen of kan ik dat voor haar regelen? mijn ex moet ook toestemming "
     "geven toch", ("zelf mee", "toestemming")),
    ("hoe verleng ik mijn rijbewijs", "Mag mijn zoon het nieuwe rijbewijs voor mij ophalen? "
     "Ik loop slecht.", ("zelf op",)),
])
def test_who_has_to_come_or_may_do_it_for_someone_is_answered_from_the_answer(
        kb_url, dispatcher, domain, monkeypatch, first, follow_up, words):  # noqa: F811
    assert is_follow_up(follow_up)
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, first, follow_up)
    detail = messages[0].get("detail") or messages[0].get("answer")
    assert all(word in detail for word in words), messages


def test_a_follow_up_after_a_domain_answer_reads_that_answer_not_an_older_article(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    from actions import knowledge, topics
    from tests.test_knowledge_answers import _after_answer

    monkeypatch.setattr(knowledge, "DATABASE_URL", kb_url)
    monkeypatch.setattr(topics, "previous_article",
                        lambda t: knowledge.previous_article(t, kb_url))
    _, tracker = _after_answer(kb_url, "waarom heb ik mijn zorgtoeslag niet gekregen",
                               "moet ik daar een afspraak voor maken? en kost het geld")
    debts = ("Wat vervelend dat u zich zorgen maakt over geld. Een collega denkt gratis en in "
             "vertrouwen met u mee. Bel 14 0571 of kijk op https://www.lindendal.nl/geldzorgen.")
    tracker.events[2:2] = [
        {"event": "user", "text": "ik heb ook schulden, kan de gemeente helpen?",
         "parse_data": {"intent": {"name": "money_worries"}}},
        {"event": "bot", "text": debts,
         "metadata": {"utter_action": "utter_answer_money_worries"}}]
    article = knowledge.previous_article(tracker, kb_url)
    assert article.answer == debts and article.link == "https://www.lindendal.nl/geldzorgen"
    assert article.title == "dit onderwerp"  # no internal topic name towards the resident
    asyncio.run(topics.ActionAnswerFollowUp().run(dispatcher, tracker, domain))
    assert "gratis" in dispatcher.messages[0]["detail"]


def test_two_questions_after_the_death_answer_get_the_sentences_of_both(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain,
                             "mijn vader is vannacht overleden, wat moet ik regelen",
                             "we hebben nog geen uitvaartondernemer. hoeveel tijd heb ik "
                             "daarvoor? en moet ik zijn paspoort inleveren?")
    detail = messages[0]["detail"]
    assert "6 dagen" in detail and "uitvaartondernemer" in detail and "inleveren" in detail


def _after_a_message_left(message, intent):
    """A person asked for and a message left for them; the bot waits for the next one."""
    return START + [said("ik wil een mens spreken", "ask_human"),
                    ActionExecuted("action_contact_human"), ActionExecuted("action_listen"),
                    said(message, intent), ActionExecuted("action_take_message"),
                    ActionExecuted("action_listen")]


def test_after_a_message_left_whether_it_arrives_is_answered_with_when():
    events = _after_a_message_left("het gaat over mijn WOZ waarde", "taxes")
    text = "komt dit dan ook echt bij iemand terecht?"
    assert reading_route(tracker(events + [said(text, "municipal_question")])) == \
        "action_tell_when"
    text = "maar ik zit morgen niet achter de computer. kan die collega mij bellen? 0687654321"
    assert reading_route(tracker(events + [said(text, "ask_human")])) == "action_take_callback"


def _kb_in_the_report_form(kb_url, monkeypatch):  # noqa: F811
    from actions import knowledge

    original = knowledge.find_answer
    monkeypatch.setattr(knowledge, "find_answer",
                        lambda t, i, c, text=None: original(t, i, c, kb_url, text))


def test_a_question_beside_an_answer_in_a_report_gets_its_answer_too(kb_url,  # noqa: F811
                                                                      monkeypatch, domain):
    from actions import report_form
    from tests.test_report_actions import tracker_for

    _kb_in_the_report_form(kb_url, monkeypatch)
    text = "nee hoeft niet. gaan de lampen op straat 's nachts uit?"
    tracker = tracker_for(text=text, intent="deny", asking="report_updates")
    [told] = asyncio.run(report_form._question_beside(tracker, [], domain))
    [item] = told["value"]
    assert item["key"] == "utter_kb_detail" and "donker" in item["values"]["detail"]
    plain_no = tracker_for(text="nee hoeft niet", intent="deny", asking="report_updates")
    assert asyncio.run(report_form._question_beside(plain_no, [], domain)) == []


def test_a_shaken_witness_after_help_came_gets_aftercare():
    events = START + [said("er staat een meisje op het dak van de parkeergarage, ze wil "
                           "springen", "out_of_scope"),
                      ActionExecuted("action_emergency"),
                      BotUttered("…", metadata={"utter_action": "utter_emergency_jump_risk"}),
                      ActionExecuted("action_listen")]
    text = "politie heeft haar meegenomen. ik trek het niet, sta te trillen"
    assert reading_route(tracker(events + [said(text, "inform")])) == \
        "utter_emergency_aftercare"


def test_a_question_beside_the_place_about_the_reports_subject_is_answered(kb_url,  # noqa: F811
                                                                            monkeypatch, domain):
    from actions import report_form
    from tests.test_report_actions import tracker_for

    _kb_in_the_report_form(kb_url, monkeypatch)
    text = "molenweg 8. moet hij buiten blijven staan?"
    tracker = tracker_for(text=text, asking="report_location",
                          slots={"report_description": "Groene bak is weer niet geleegd"})
    [told] = asyncio.run(report_form._question_beside(tracker, [], domain))
    detail = told["value"][0]["values"]["detail"]
    assert "aan de straat staan" in detail and "http" not in detail


def test_leaving_the_bin_out_is_the_report_question_not_a_second_answer(kb_url,  # noqa: F811
                                                                         monkeypatch, domain):
    """Session 58: "moet ik hem laten staan?" is the bin question of the report (its own
    answer with the handling time), so no article is added beside it."""
    from actions import report_form
    from tests.test_report_actions import tracker_for

    _kb_in_the_report_form(kb_url, monkeypatch)
    tracker = tracker_for(text="molenweg 8. moet ik hem laten staan?", asking="report_location",
                          slots={"report_description": "Groene bak is weer niet geleegd"})
    assert report_form.reading_of(tracker).report_question == "bin_inside"
    assert asyncio.run(report_form._question_beside(tracker, [], domain)) == []


def test_a_complaint_to_make_in_the_chat_is_taken_as_a_message():
    events = START + [said("ik wil een klacht indienen over de man aan de balie", "complaint"),
                      ActionExecuted("action_answer_topic"),
                      BotUttered("…", metadata={"utter_action": "utter_answer_complaint"}),
                      ActionExecuted("action_listen")]
    text = "kan ik de klacht niet gewoon hier in de chat doen? geen zin in weer een formulier"
    assert reading_route(tracker(events + [said(text, "complaint")])) == "action_take_message"


@pytest.mark.parametrize("typed, chosen", [
    ("den eerste", 1), ("de tweede graag", 2), ("2", 2), ("nummer 1", 1), ("de laatste", 3),
    ("eerste keer hier", None), ("5", None), ("Kerkstraat 1", None)])
def test_a_button_picked_by_its_place_in_the_list(typed, chosen):
    from channels.inbound import _chosen_number, _normal

    assert _chosen_number(_normal(typed), 3) == chosen


@pytest.mark.parametrize("text, disputed", [
    ("nee. maar het ging om een BANK in het park, niet een stoep... klopt dat nummer wel?",
     True), ("stoep? het ging om een boom in oktober", True),
    ("dat is niet mijn melding", True), ("het gat zit er nog steeds", False)])
def test_the_report_told_is_disputed(text, disputed):
    from bot.reading.report_questions import disputes_the_report

    assert disputes_the_report(text) is disputed


def test_a_leak_at_home_with_the_street_named_is_a_question_not_a_report():
    from bot.reading.message import read_message

    reading = read_message("mijn huisbaas doet niks aan de schimmel in de badkamer, ik woon op "
                           "de stationsweg 12. kan de gemeente daar iets aan doen?")
    assert reading.category is None and reading.question == "question"


@pytest.mark.parametrize("typed, payload", [
    ("ja huurtoeslag", "/huur"), ("ja", None), ("medewerker", "/ask_human"),
    ("nee hoor", None), ("ja graag een medewerker", "/ask_human")])
def test_a_button_named_by_its_own_word_beside_a_yes(typed, payload):
    from channels.inbound import _named_button, _normal

    buttons = [{"title": "Huurtoeslag aanvragen", "payload": "/huur"},
               {"title": "Met een medewerker praten", "payload": "/ask_human"}]
    assert _named_button(_normal(typed), buttons) == payload


def test_a_landlords_leak_is_answered_as_a_question_even_with_the_street():
    text = ("mijn huisbaas doet niks aan de schimmel in de badkamer, ik woon op de stationsweg. "
            "kan de gemeente daar iets aan doen?")
    assert reading_route(tracker(START + [said(text, "report_public_space_other")])) == \
        "action_answer_as_question"


def test_the_grid_operator_called_and_a_yes_to_report_after_a_question_starts_the_report():
    events = _after_the_emergency_answer(CABLE, "utter_emergency_live_cable",
                                         "utter_emergency_offer_report")
    text = ("ik heb kinderen weggestuurd. 0800 nummer zegt ze sturen iemand binnen 2 uur. maar "
            "het is toch jullie lantaarnpaal? ja melden")
    assert reading_route(tracker(events + [said(text, "report_street_lighting")])) == \
        "action_start_report"


@pytest.mark.parametrize("text, response", [
    ("hoe laat is de bieb open op zaterdag", "utter_hours_other_building"),
    ("waar is die milieustraat en is die zaterdag open", "utter_kb_answer")])
def test_the_hours_of_another_building_are_never_the_town_halls(
        kb_url, dispatcher, domain, monkeypatch, text, response):  # noqa: F811
    from actions import knowledge, topics
    from tests.conftest import make_tracker

    monkeypatch.setattr(topics, "find_answer",
                        lambda t, i, c, text=None: knowledge.find_answer(t, i, c, kb_url, text))
    tracker = make_tracker("opening_hours", text)
    asyncio.run(topics.ActionOpeningHours().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == [response]
    if response == "utter_kb_answer":
        assert "Industrieweg" in dispatcher.messages[0]["answer"]


def test_no_updates_with_a_question_beside_keeps_the_report():
    from tests.test_reading_policy import at_question

    text = "laat maar geen berichten. ik wil gewoon weten of hij buiten moet blijven"
    assert reading_route(tracker(at_question("report_updates") + [said(text, "stop")])) not in (
        "action_not_a_report", "action_stop_report")


def test_ok_done_help_is_coming_is_no_yes_to_the_report_offer():
    events = _after_the_emergency_answer(CABLE, "utter_emergency_live_cable",
                                         "utter_emergency_offer_report")
    assert reading_route(tracker(events + [said("ok gedaan, brandweer komt", "affirm")])) == \
        "utter_emergency_called"
    assert reading_route(tracker(events + [said("ja melden", "affirm")])) == \
        "action_start_report"


def test_an_address_with_a_report_question_beside_it_is_taken_by_the_form():
    from tests.test_reading_policy import at_question

    text = "sanne.devries@gmail.com. hoelang duurt zoiets?"
    assert reading_route(tracker(at_question("report_contact") + [said(text, "inform")])) == \
        "report_form"


@pytest.mark.parametrize("text", ["ik zit niet de hele dag in deze chat hoor",
                                  "maar ik ga nu slapen en sluit mijn laptop, hoe krijg ik dan "
                                  "het antwoord"])
def test_not_in_the_chat_after_a_message_left_asks_for_a_call_back(text):
    events = _after_a_message_left("de lamp ernaast is nu ook kapot", "report_street_lighting")
    assert reading_route(tracker(events + [said(text, "inform")])) == "action_take_callback"


@pytest.mark.parametrize("text", ["hallo?? krijg ik nog antwoord", "is daar iemand?"])
def test_asking_after_the_message_left_gets_when_not_passed_on_again(text):
    events = _after_a_message_left("de lamp ernaast is nu ook kapot", "report_street_lighting")
    assert reading_route(tracker(events + [said(text, "inform")])) == "action_tell_when"


@pytest.mark.parametrize("text", [
    "Geachte heer, mevrouw, Gisteravond is mijn vader overleden in het ziekenhuis. Ik ben de "
    "oudste zoon. Wat moeten wij nu allemaal regelen bij de gemeente?",
    "mijn vader is vannacht overleden in het ziekenhuis. wat moet ik bij de gemeente regelen? "
    "ik weet echt niet waar ik moet beginnen"])
def test_a_loss_told_in_a_letter_gets_the_answer_with_condolences_not_a_choice(
        kb_url, dispatcher, domain, text):  # noqa: F811
    from actions import knowledge
    from tests.conftest import make_tracker

    tracker = make_tracker("municipal_question", text)
    decision = knowledge.find_answer(tracker, "municipal_question", True, kb_url)
    assert knowledge.answer_from_knowledge(dispatcher, tracker, decision) == "answer"
    assert "Gecondoleerd" in dispatcher.messages[0]["answer"]


def test_no_digid_for_someone_else_after_the_moving_answer_is_a_follow_up():
    events = START + [said("wij gaan verhuizen naar de Beukenlaan, moet ik dat doorgeven?",
                           "moving_address_change"),
                      ActionExecuted("action_answer_topic"),
                      BotUttered("Gaat u verhuizen? …",
                                 metadata={"utter_action": "utter_kb_answer"}),
                      ActionExecuted("utter_anything_else"), ActionExecuted("action_listen")]
    text = "Mijn schoonmoeder van 82 heeft geen DigiD. Kan ik het voor haar doorgeven?"
    assert reading_route(tracker(events + [said(text, "moving_address_change")])) != \
        "action_no_internet"


def test_after_the_gas_answer_what_now_and_someone_inside_stay_in_the_emergency():
    events = _after_the_emergency_answer(GAS, "utter_emergency_gas")
    text = ("ok ik sta buiten en heb 112 gebeld. wat moet ik nu doen? moet ik het ook bij "
            "jullie melden?")
    assert reading_route(tracker(events + [said(text, "municipal_question")])) == \
        "action_emergency"
    here = events[:-1] + [ActionExecuted("utter_emergency_report_here"),
                          ActionExecuted("action_listen")]
    text = "mijn buurvrouw van boven doet niet open, wat nu"
    assert reading_route(tracker(here + [said(text, "report_public_space_other")])) == \
        "action_emergency"


def test_what_a_witness_saw_after_a_crash_goes_to_the_police():
    crash = ("net een aanrijding gezien op de hoek molenweg en stationsstraat, fietser ligt op "
             "de grond met bloed aan zn hoofd")
    events = _after_the_emergency_answer(crash, "utter_emergency_emergency")
    text = ("ambulance is onderweg. ik heb het kenteken deels gezien, rode golf. aan wie geef "
            "ik dat door?")
    assert reading_route(tracker(events + [said(text, "parking_permit")])) == \
        "utter_emergency_witness"


def test_a_corrected_e_mail_address_is_the_last_one():
    from bot.reading.answers import read_contact

    assert read_contact("k.smit@gmial.com oh nee typfout k.smit@gmail.com").email == \
        "k.smit@gmail.com"
    assert read_contact("a@b.nl en c@d.nl").email == "a@b.nl"
