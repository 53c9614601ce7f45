"""Round 58/59 residents: a letter without a computer that asks about a stairlift, a
follow-up after the answer to a need, a follow-up with no article before it."""
from __future__ import annotations

import asyncio

from rasa.shared.core.events import ActionExecuted, BotUttered

from actions.topics import ActionAnswerFollowUp, ActionNoInternet
from bot.policies import reading_route
from tests.conftest import make_tracker
from tests.test_reading_policy import START, said, tracker

LETTER = ("Beste gemeente. Ik ben 79 jaar en kom sinds mijn heupoperatie moeilijk de trap op. "
          "Mijn buurvrouw zegt dat ik misschien een scootmobiel of een traplift kan krijgen. "
          "Klopt dat, en wat moet ik daarvoor doen? Ik heb geen computer.")


def test_no_computer_and_a_care_question_gets_the_other_way_and_the_care_answer(
        dispatcher, domain):
    asyncio.run(ActionNoInternet().run(dispatcher, make_tracker("municipal_question", LETTER),
                                       domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_internet",
                                                            "utter_answer_care_at_home"]


def test_no_digid_alone_gets_how_to_get_one_and_no_guessed_product(dispatcher, domain):
    """"Ik heb geen digid" heard as a move: how to get one and the phone, not the moving
    answer; round 80: not "Heeft u geen internet of computer?" either."""
    asyncio.run(ActionNoInternet().run(dispatcher, make_tracker("moving_address_change",
                                                                "ik heb geen digid"), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_digid"]


def test_no_computer_and_no_digid_gets_the_other_way(dispatcher, domain):
    asyncio.run(ActionNoInternet().run(dispatcher, make_tracker(
        "municipal_question", "ik heb geen computer en geen digid"), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_internet"]


def test_a_question_after_the_answer_to_a_need_is_read_with_that_answer():
    events = START + [said("ik ben 84 en zie soms dagen niemand", "complaint"),
                      ActionExecuted("action_answer_need"),
                      BotUttered("Voelt u zich eenzaam? …",
                                 metadata={"utter_action": "utter_kb_answer"}),
                      ActionExecuted("action_listen")]
    text = "moet ik daar voor betalen? en kan mijn dochter dat voor mij aanvragen"
    assert reading_route(tracker(events + [said(text, "municipal_question", 0.74)])) == \
        "action_answer_follow_up"


def test_a_follow_up_without_an_article_before_it_is_answered_as_a_question(
        dispatcher, domain, no_knowledge):
    """Not "Sorry, dat begreep ik niet goed": what the bot can say to the question itself."""
    text = "En moet ik daar zelf iets voor betalen? Ik heb alleen AOW."
    asyncio.run(ActionAnswerFollowUp().run(dispatcher, make_tracker("municipal_question", text),
                                           domain))
    assert dispatcher.messages
    assert all(m.get("response") != "utter_ask_rephrase" for m in dispatcher.messages)
