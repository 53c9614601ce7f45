"""Questions that sound like reports: answered, not filed."""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, List, Mapping, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.contact import pass_on_instead
from actions.emergency import forget_unanswered_question, hazard_acks
from actions.knowledge import (ANSWERED, CHOICE, answer_from_knowledge, article_of_page,
                               fallback_articles, find_answer, side_answer, tells_a_loss,
                               utter_article)
from actions.reading import reading_of, responses_said
from actions.report_slots import (HIGH_PRIORITY, ack, place_slots, problem_named,
                                  report_question_response, reset_report_slots)
from actions.status import (CASE_NUMBER, find_report, handling_time_for,
                            normalise_case_number, numbers_filed_last)
from actions.topics import (GENERIC_QUESTION, MONEY_WORRIES, TAX_RELIEF_QUESTION,
                            answer_other_questions, knowledge_answer)
from bot.intents import STATUS_INTENT
from bot.knowledge import retrieval
from bot.knowledge.articles import Article
from bot.profile import profile
from bot.reading.places import Place
from bot.reading.answers import asks_for_a_person, meant_for_a_colleague
from bot.reading.danger import says_it_is_dangerous
from bot.reading.description import category_of
from bot.reading.questions import names_a_tax, question_parts, read_question
from bot.reading.report_questions import mentions_an_earlier_report
from bot.reading.result import Reading

logger = logging.getLogger(__name__)

STATUS_ACTION = "action_report_status"


class ActionAnswerQuestion(Action):
    """A question that sounds like a report ("when is the bin emptied?"): the answer,
    not a report form. The intent keeps its name; the reader found the question."""

    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        topic = reading_of(tracker).question
        if topic in POINTER_TOPICS and await _the_article_itself(dispatcher, tracker, domain,
                                                                 topic):
            return forget_unanswered_question(tracker)
        response = f"utter_answer_{topic}"
        if response not in domain.get("responses", {}):
            response = "utter_out_of_scope"
        if topic != "death" and tells_a_loss(tracker):  # "mijn man is onlangs overleden …"
            utter(dispatcher, "utter_ack_loss")
        if topic == MONEY_WORRIES and names_a_tax(tracker.latest_message.get("text") or ""):
            # "bovenaan staat aanslag gemeentelijke belastingen. ik heb geen geld" (round r206
            # of session 55: the money worries answer twice, remission never named)
            await knowledge_answer(dispatcher, tracker, GENERIC_QUESTION, TAX_RELIEF_QUESTION)
        utter(dispatcher, response)
        # "Wanneer wordt het oud papier opgehaald? En waar krijg ik een nieuwe afvalpas?":
        # the question the topic did not answer too (round 86)
        parts = question_parts(tracker.latest_message.get("text") or "")
        rest = [part for part in parts if read_question(part) != topic]
        if len(parts) > 1 and rest:
            await answer_other_questions(dispatcher, tracker, rest)
        return forget_unanswered_question(tracker)


# Topics whose own answer only points to the website ("Op … leest u hoe u dat regelt"): a
# question that asks more ("hoe ver van tevoren melden? kan het buiten in het park?") gets
# the department's article when the knowledge base is sure of one (round 76).
POINTER_TOPICS = ("wedding", "permit_question", "subsidies", "taxes", "fines", "benefits",
                  "waste_help", "street_wish", "care_at_home", "death")


async def _the_article_itself(dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict, topic: Text) -> bool:
    if tracker.get_slot("language") == "en":
        return False
    try:
        decision = await asyncio.to_thread(find_answer, tracker, "municipal_question", True,
                                           text=tracker.latest_message.get("text") or "")
        own = await asyncio.to_thread(_topic_article, domain, topic)
    except Exception:  # the knowledge base is down: the topic's own answer
        logger.exception("Knowledge base lookup failed")
        return False
    if (own is not None and decision.articles
            and all(article.department != own.department for article in decision.articles)):
        # "mijn man is overleden, waar lever ik zijn paspoort in? ook heb ik vragen over de
        # belasting" (own try, session 46: only the tourist tax): the topic's own article,
        # and beside it only an article the knowledge base is sure of
        sure = decision.articles[:1] if decision.kind == ANSWERED else ()
        decision = retrieval.Decision(ANSWERED, (own,) + sure)
    if decision.kind == CHOICE:
        # an article offered for a topic the reader is sure of: the first one answers
        decision = retrieval.Decision(ANSWERED, decision.articles[:1])
    if decision.kind != ANSWERED:
        return False
    return answer_from_knowledge(dispatcher, tracker, decision) == ANSWERED


_LINK_PLACEHOLDER = re.compile(r"\{(link_\w+)\}")


def _topic_article(domain: DomainDict, topic: Text) -> Optional[Article]:
    """The knowledge base's article about the page the topic's own answer links to."""
    return _linked_article(domain, f"utter_answer_{topic}")


def _linked_article(domain: DomainDict, key: Text) -> Optional[Article]:
    """The knowledge base's article about the page a response links to. Blocking."""
    links = profile().template_vars()
    for variant in domain.get("responses", {}).get(key, []):
        found = _LINK_PLACEHOLDER.search(variant.get("text") or "")
        if found and found.group(1) in links:
            return article_of_page(str(links[found.group(1)]))
    return None


def hazard_heard(tracker: Tracker, slots: Mapping[Text, Any]) -> List[EventType]:
    """A hazard told during a report ("er kan iemand in vallen", "dit IS gevaarlijk") raises
    its priority, once."""
    said = reading_of(tracker).danger == "hazard" or says_it_is_dangerous(
        tracker.latest_message.get("text") or "")
    if said and slots.get("report_priority") != HIGH_PRIORITY:
        return [SlotSet("report_priority", HIGH_PRIORITY)]
    return []


def report_question_answer(tracker: Tracker, domain: DomainDict, slots: Mapping[Text, Any],
                           urgent: bool) -> Optional[Dict[Text, Any]]:
    """The answer (a response key with its values) to a question about the report being
    made ("hoe lang duurt dat?"), with the handling time it will get; None if none asked."""
    kind = reading_of(tracker).report_question
    response = report_question_response(tracker, kind, urgent) if kind else None
    if kind == "two_reports":
        response += _how_many_reports(tracker, slots)
    if response not in domain.get("responses", {}):
        return None
    return ack(response, handling_time=handling_time_for(
        slots.get("report_category"), urgent, domain, tracker, slots.get("report_description")))


def _how_many_reports(tracker: Tracker, slots: Mapping[Text, Any]) -> Text:
    """The variant of the answer to "worden het 2 meldingen?": more than one problem told
    (as it is), a report of its own after one filed earlier, or one report."""
    if tracker.active_loop_name:
        if slots.get("report_more_problems") or len(reading_of(tracker).problems) > 1:
            return ""  # (also "twee dingen: 1) lantaarn kapot, 2) zitbank kapot. worden da
            # nu twee meldingen of één?", round r185 of session 53: "Nee, het is één melding")
        return "_separate" if numbers_filed_last(tracker) else "_one"
    return "" if len(numbers_filed_last(tracker)) > 1 else "_one"


def _with_the_filed_report(tracker: Tracker) -> Tuple[Dict[Text, Any], bool]:
    """After filing, the report just filed answers "hoe lang duurt het?" (its kind and
    priority), not an empty form's default; with whether a filed report was found."""
    slots = dict(tracker.slots)
    numbers = numbers_filed_last(tracker) or [tracker.get_slot("report_case_number")]
    if not numbers[0] or slots.get("report_category"):
        return slots, False
    try:
        reports = [report for report in (find_report(number, tracker.sender_id)
                                         for number in numbers) if report is not None]
    except Exception:  # noqa: BLE001 - the default handling time is still an answer
        logger.warning("Filed report not found for its handling time", exc_info=True)
        return slots, False
    filed = _the_one_asked_about(reports, tracker.latest_message.get("text") or "")
    if filed is not None:
        slots.update(report_category=filed.category, report_description=filed.description,
                     report_priority=HIGH_PRIORITY if filed.urgent else None)
    return slots, filed is not None


def _the_one_asked_about(reports: List[Any], text: Text) -> Optional[Any]:
    """Of the reports filed together, the one the question names ("hoe lang duurt het voordat
    de lamp gerepareerd wordt?" after the tiles and the lamp, round r168: the tiles' 24
    hours); else the first."""
    named = category_of(text)
    return next((report for report in reports if named and report.category == named),
                reports[0] if reports else None)


def _hazard_told(tracker: Tracker) -> bool:
    """A hazard in public space told in this conversation, outside a report ("nu ligt het
    half op de rijbaan" after a status answer): questions about it get the urgent answer."""
    return not tracker.active_loop_name and any(
        Reading.from_entities((event.get("parse_data") or {}).get("entities")).danger == "hazard"
        for event in tracker.events if event.get("event") == "user")


async def _article_instead_of_the_same_answer(tracker: Tracker, domain: DomainDict, key: Text
                                              ) -> Optional[Article]:
    """A question about the report asked again after its answer ("moet ik eerst naar mijn
    eigen verzekeraar of meteen jullie aansprakelijk stellen?" after the damage answer,
    round r247: the same answer three times): the knowledge base's article, if it has one."""
    if key not in responses_said(tracker):
        return None
    found = await asyncio.to_thread(fallback_articles, tracker.latest_message.get("text") or "")
    # else the article on the page the answer links to ("{link_damage}": the damage claim)
    return found[0] if found else await asyncio.to_thread(_linked_article, domain, key)


class ActionAnswerReportQuestion(Action):
    """A question about the report being made ("hoe lang duurt dat?", "is het gratis?"):
    the answer, then the report goes on with the question it had asked."""

    def name(self) -> Text:
        return "action_answer_report_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        raised = hazard_heard(tracker, tracker.slots) if tracker.active_loop_name else []
        slots, found = (tracker.slots, False) if tracker.active_loop_name else (
            await asyncio.to_thread(_with_the_filed_report, tracker))
        # (a hazard told earlier in the chat is not the report just asked about)
        answer = report_question_answer(tracker, domain, slots, urgent=bool(raised) or (
            slots.get("report_priority") == HIGH_PRIORITY) or (
            _hazard_told(tracker) and not found))
        if answer is None:
            return []
        for key in hazard_acks(reading_of(tracker), domain) if raised else ():
            utter(dispatcher, key)  # "… er kan iemand in vallen"
        article = await _article_instead_of_the_same_answer(tracker, domain, answer["key"])
        if article is not None:
            utter_article(dispatcher, tracker, article)
        else:
            utter(dispatcher, answer["key"], **answer["values"])
        if not tracker.active_loop_name:
            # "kan het niet sneller? en hoe staat het met M-2026-002075?": both answered
            named = normalise_case_number(tracker.latest_message.get("text"))
            return [FollowupAction(STATUS_ACTION)] if named else []
        utter(dispatcher, "utter_report_continue")
        # Rasa already filled the slot just asked from the question's words ("kan het niet
        # sneller?" as a no to updates); the question is asked again instead.
        asked = tracker.get_slot("requested_slot")
        return raised + ([SlotSet(asked, None)] if asked else [])


class ActionNotAReport(Action):
    """"Ik heb een vraag, ik wil niets melden" in the middle of a report: the report stops,
    and the opening is answered as the question it was, when the knowledge base can."""

    def name(self) -> Text:
        return "action_not_a_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        more = tracker.get_slot("report_more_problems")
        if more and tracker.active_loop.get("name"):
            return await _the_problem_beside_the_question(dispatcher, tracker, more)
        utter(dispatcher, "utter_report_was_a_question")
        events: List[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None),
                                   *reset_report_slots()]
        opening = tracker.get_slot("report_description")
        text = tracker.latest_message.get("text") or ""
        if opening and meant_for_a_colleague(text):
            await pass_on_instead(dispatcher, tracker, opening)  # "een bericht voor uw collega"
            return events
        if asks_for_a_person(text):  # "there is no report!! stop. can I talk to a person"
            return events + [FollowupAction("action_contact_human")]
        if (tracker.latest_message.get("intent", {}).get("name") == STATUS_INTENT
                and (mentions_an_earlier_report(text) or CASE_NUMBER.search(text))):
            # not "nee ik wil nog geen melding maken, ik ga eerst aanbellen" (round r50)
            # "M-2026-000417, wat is de status daarvan?" / "alleen weten hoe het staat met mijn
            # oude melding": the status, not the knowledge base
            return events + [FollowupAction("action_report_status")]
        kind = None
        if opening and tracker.get_slot("language") != "en":
            try:
                decision = await asyncio.to_thread(find_answer, tracker, "municipal_question",
                                                   True, text=opening)
                kind = answer_from_knowledge(dispatcher, tracker, decision)
            except Exception:  # the knowledge base is down: ask for the question
                logger.exception("Knowledge base lookup failed")
        if kind is None:
            utter(dispatcher, "utter_ask_question")
        return events


_NO_REPORT_SUBJECT = re.compile(r"\b(?:dat|die|het|de|deze|the)\s+([^\W\d_]{3,}|\d+e)\s+is\s+"
                                r"(?:\w+\s+)?geen\s+(?:melding|probleem)\b", re.IGNORECASE)


async def _the_problem_beside_the_question(dispatcher: CollectingDispatcher, tracker: Tracker,
                                           more: List[Dict[Text, Any]]) -> List[EventType]:
    """"De papier vraag is geen melding" when the bot split a question and a real problem
    into two reports: the question is answered and left out, the problem's report goes on
    (round 79: "Ik maak er geen melding van" dropped the branch above the swings too)."""
    texts = [tracker.get_slot("report_description") or ""] + [p.get("text") or "" for p in more]
    said = tracker.latest_message.get("text") or ""
    subject = _NO_REPORT_SUBJECT.search(said)  # "dat fietskrat is geen melding": that one
    named = problem_named(texts, subject.group(1) if subject else said)
    if named:  # "dat fietskrat is geen melding, het is 1 open put" (round 90): that one goes
        kept = [problem for index, problem in enumerate(more, start=1) if index != named]
        return [SlotSet("report_more_problems", kept or None), SlotSet("report_confirmed", None),
                SlotSet("report_ack", [ack("utter_ack_problem_left_out")]),
                FollowupAction("report_form")]
    question = tracker.get_slot("report_description") or ""
    answer = await side_answer(tracker, question) if question else None
    if answer:
        utter(dispatcher, "utter_kb_detail", detail=answer[0], link=answer[1])
    first = more[0]
    slots: Dict[Text, Any] = {"report_description": first.get("text"),
                              "report_category": first.get("category")
                              or tracker.get_slot("report_category"),
                              "report_more_problems": list(more[1:]) or None,
                              "report_confirmed": None,
                              "report_ack": [ack("utter_ack_problem_left_out")]}
    if first.get("place"):
        slots.update(place_slots(Place.from_dict(first["place"])))
    return [SlotSet(name, value) for name, value in slots.items()] + [
        FollowupAction("report_form")]
