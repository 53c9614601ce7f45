"""Answers to product and municipal questions, the out-of-scope answer and the closing."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ProfileAction, utter
from actions.contact import utter_open_or_closed
from actions.knowledge import (ANSWERED, CHOICE, NOT_THE_PRODUCT, about_the_answer, names_any,
                               tells_a_loss,
                               abroad_article, articles_given,
                               answer_follow_up, answer_from_knowledge, answered_article,
                               article_for_intent, article_of_page, is_domain_answer,
                               choice_buttons, context_article, earlier_in_the_turn,
                               find_answer, named_product_article, other_articles,
                               other_questions, own_subject, previous_article,
                               said_just_before,
                               named_apart, names_beyond_the_answer, record_not_helped,
                               related_article, side_answer,
                               sibling_that_tells, article_named_instead, article_of_what_is_asked,
                               names_a_subject,
                               utter_article)
from actions.needs import utter_need
from actions.own_days import own_days
from actions.reading import last_bot_response, reading_of, response_text
from actions.report_slots import HIGH_PRIORITY, ack, meanwhile_advice, place_slots, with_number
from bot.knowledge.articles import Article
from bot.knowledge.aspects import (HOURS, answered_in, article_detail, asked_subject_words,
                                   details_besides,
                                   told_to_those_without_digid,
                                   asks_for_oneself, asks_the_price, is_follow_up, read_aspects,
                                   sentences_naming, sentences_naming_rare_words, shares_a_word,
                                   single_aspect, subject_words, together)
from bot.intents import OPENING_HOURS_INTENT, REPORT_INTENTS
from bot.knowledge.english import beyond_the_english_answers, dutch_search_words
from bot.knowledge.text import ABROAD, abroad_now, another_countrys_document, with_abroad
from bot.knowledge.text import without_links
from bot.profile import DAYS, ENGLISH_DAYS, profile
from bot.reading.answers import asks_about_acting
from bot.reading.dates import date_named
from bot.reading.not_helped import (is_displeased, says_a_question_unanswered,
                                    says_the_site_fails, will_call_us)
from bot.reading.places import Place, corrected_number
from bot.reading.money import money_trouble
from bot.reading.result import Reading
from bot.reading.questions import (QUESTION, announces_a_question, asks_only_the_link,
                                   asks_to_act_on_it,
                                   names_a_tax, product_asked, question_parts,
                                   read_question, the_question, then_question)

logger = logging.getLogger(__name__)

# Intents whose answer is refined by the topic the message names.
GENERIC_QUESTION = "municipal_question"
_ALSO = re.compile(r"\b(?:ook|allebei|beide|also|too)\b", re.IGNORECASE)
GENERIC_INTENTS = {GENERIC_QUESTION}
# Intents answered from the knowledge base (Dutch articles; English keeps the domain's).
# Bulky waste keeps the domain's answer: its buttons also report a missed pickup.
KNOWLEDGE_INTENTS = {"municipal_question", "taxes", "permit_question",
                     "passport_id_appointment", "driving_licence", "moving_address_change",
                     "parking_permit", "out_of_scope"}
MONEY_WORRIES = "money_worries"
# What the knowledge base is asked when money worries are about a municipal tax bill.
TAX_RELIEF_QUESTION = "kwijtschelding gemeentelijke belastingen aanvragen"
# Topics a generic question is never refined to: they have buttons of their own that
# would clash with the "anything else?" that follows (money worries have an intent).
NOT_REFINED = {QUESTION, "money_worries"}

# Bot responses after which the resident was not helped.
NOT_HELPED = {
    "utter_out_of_scope", "utter_ask_rephrase", "utter_ask_affirmation", "utter_default",
    "utter_answer_municipal_question", "utter_report_stopped", "utter_report_not_saved",
    "utter_technical_problem", "utter_contact_open", "utter_contact_closed",
    "utter_answer_money_worries", "utter_kb_choose", "utter_ask_question",
    # "I do not have that detail in my information", then "No, thank you" (round r249 of
    # session 60: "I am glad I could help")
    "utter_kb_detail_unknown", "utter_kb_detail_english", "utter_kb_not_helped",
    "utter_ack_question_unanswered",
}
# Bot responses that say nothing about whether the resident was helped.
NEUTRAL = {
    "utter_anything_else", "utter_ask_what_else", "utter_thanks", "utter_greeting",
    "utter_glad_to_help", "utter_goodbye", "utter_closing_helped", "utter_closing_not_helped",
    "utter_closing_nothing_asked", "utter_closing_after_report",
    "utter_iamabot", "utter_no_text", "utter_kb_alternatives", "utter_report_was_a_question",
}
# Part of the day by hour: [start, end) -> key of the wish response.
DAY_PARTS = ((6, 12, "morning"), (12, 18, "afternoon"), (18, 24, "evening"), (0, 6, "night"))


def _has_response(domain: Dict[Text, Any], response: Text) -> bool:
    return response in domain.get("responses", {})


def topic_response(text: Optional[Text], domain: Dict[Text, Any]) -> Optional[Text]:
    """`utter_answer_<topic>` for the topic a message names, if the domain has it."""
    topic = read_question(text or "")
    if topic is None or topic in NOT_REFINED:
        return None
    response = f"utter_answer_{topic}"
    return response if _has_response(domain, response) else None


def said_before(tracker: Tracker) -> Optional[Tuple[Text, Text]]:
    """(sentences, link) of the article just given that answer the latest question, when
    they hold its words ("moet ik zijn paspoort inleveren?" after the answer about a death
    is about that death, not a passport application). Blocking."""
    text = tracker.latest_message.get("text") or ""
    if read_question(text) is None and "?" not in text:
        return None
    before = previous_article(tracker)
    # "en kan ik ook met spoed? mijn paspoort is verlopen": what is asked, not what is told
    asked = " ".join(question_parts(text)) or text
    if before is None:
        return None
    # the rest of an answer given only in part: "… moeten we iets meenemen? en krijgt ze dan
    # een bsn?" after the opening of the birth answer (session 59)
    detail = answered_in(before, asked) or details_besides(before, text,
                                                           said_just_before(tracker))
    return (detail, before.link) if detail else None


async def knowledge_answer(dispatcher: CollectingDispatcher, tracker: Tracker,
                           intent: Optional[Text] = None, text: Optional[Text] = None,
                           other_product: bool = True) -> Optional[List[Dict[Text, Any]]]:
    """The knowledge base's answer (to `text`, default the latest message) and its events,
    or None when it has none (or is down)."""
    intent = intent or tracker.get_intent_of_latest_message()
    if intent not in KNOWLEDGE_INTENTS:
        return None
    if tracker.get_slot("language") == "en":  # products have answers in English
        text = tracker.latest_message.get("text") or ""
        if (intent in GENERIC_INTENTS or beyond_the_english_answers(text)
                or another_countrys_document(text)  # "my polish passport": the embassy
                or with_abroad(text) != text):  # "moving back to Canada" (round r101)
            return await _answer_in_dutch(dispatcher, tracker, intent)
        return await _english_detail(dispatcher, tracker, text)
    try:
        before = await asyncio.to_thread(previous_article, tracker)
        if before is not None and own_days(before, text or tracker.latest_message.get("text")
                                           or ""):
            # "de aanslag heb ik al 3 maanden geleden gekregen, is het te laat?" after the
            # objection answer (own try, session 64: paying in parts): the own last day
            answer_follow_up(dispatcher, tracker, before, titled=True)
            return []
        earlier = await asyncio.to_thread(said_before, tracker)
        if earlier:
            utter(dispatcher, "utter_kb_detail", detail=earlier[0], link=earlier[1])
            return []
        decision = await asyncio.to_thread(find_answer, tracker, intent,
                                           not tracker.active_loop.get("name"), text=text)
    except Exception:  # the knowledge base is unreachable: the domain's answers remain
        logger.exception("Knowledge base lookup failed")
        return None
    if decision.kind == NOT_THE_PRODUCT:  # no product answer to a question about another
        # "wij wonen in Portugal … het paspoort … verlengen" heard as a move: the passport
        other = product_asked(text or tracker.latest_message.get("text") or "", besides=intent)
        if other_product and other in KNOWLEDGE_INTENTS:  # the product the words name after
            # all (session 54: a passport renewed from Portugal, heard as a move)
            return await knowledge_answer(dispatcher, tracker, other, text, other_product=False)
        utter(dispatcher, "utter_answer_municipal_question")
        return []
    kind = answer_from_knowledge(dispatcher, tracker, decision)
    if kind is None:
        return None
    # "Bedoelt u …?" waits for the choice, not for "Kan ik u nog ergens mee helpen?"
    return [FollowupAction("action_listen")] if kind == CHOICE else []


async def _english_detail(dispatcher: CollectingDispatcher, tracker: Tracker,
                          text: Text) -> Optional[List[Dict[Text, Any]]]:
    """"how much does a passport cost?", "… for my second car?": what the product's English
    text says about it (round 93: the general answer without the price), or else what the
    article just answered says ("and how long before I get my BSN?" after registering from
    abroad, own try of session 47: the whole answer again); None when neither says it."""
    try:
        own = await asyncio.to_thread(article_for_intent, tracker)
        before = await asyncio.to_thread(previous_article, tracker)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return None
    for article in dict.fromkeys(a for a in (own, before) if a is not None):
        detail = _english_detail_of(article, text)
        if detail:
            utter(dispatcher, "utter_kb_detail_english_text", detail=detail, link=article.link)
            return []
    return None


def _english_detail_of(article: Article, text: Text, answered: bool = False) -> Optional[Text]:
    """What the article's English text says of what is asked; `answered`: the article was
    the answer just given, so it need not be about abroad again."""
    english = article.in_english()
    if english is None:
        return None
    aspect = single_aspect(text)
    detail = ((article_detail(english, aspect, text) if aspect else None)
              or sentences_naming_rare_words(english, text))  # "for my second car?"
    if not detail or (_ENGLISH_ABROAD.search(detail) and with_abroad(text) == text
                      and not answered):
        return None  # "moving from Amsterdam, how do I register?" is no arrival from abroad
    if not aspect and english.cost and asks_the_price(text) and english.cost not in detail:
        detail = f"{detail} {english.cost}"  # "how do I get one and how much does it cost?"
    return detail


LEAVING = "vertrek"  # the articles' word for leaving the country
# "my flight to Canada is on friday" (own try, session 46: the emigration answer) is a trip
_A_TRIP = re.compile(r"\b(?:flight|fly|flying|holiday|vacation|trip|travel\w*|visit\w*)\b",
                     re.IGNORECASE)
# a travel document for a country named: a trip ("we need an ID card for her, we are going
# to Belgium in January": round r151 of session 51 got the emigration answer)
_TRAVEL_DOCUMENT = re.compile(r"\b(?:passports?|id[- ]?cards?|identity cards?)\b", re.IGNORECASE)
_TO_LIVE = re.compile(r"\b(?:live|living|move|moving|moved|emigrat\w*|settle\w*|for good)\b",
                      re.IGNORECASE)


def _a_trip(text: Text) -> bool:
    """The country named is travelled to, not moved to."""
    return bool(_A_TRIP.search(text)
                or _TRAVEL_DOCUMENT.search(text) and not _TO_LIVE.search(text))


_ENGLISH_ABROAD = re.compile(r"\babroad\b|\banother country\b", re.IGNORECASE)


async def _answer_in_dutch(dispatcher: CollectingDispatcher, tracker: Tracker,
                           intent: Text) -> Optional[List[Dict[Text, Any]]]:
    """An English question the knowledge base answers: its Dutch article, said to be Dutch
    ("my son is born yesterday, how to register birth?"); None when it has none."""
    text = tracker.latest_message.get("text") or ""
    words = dutch_search_words(text)
    if not words:
        return None
    if with_abroad(text) != text and ABROAD not in words.split() and not _a_trip(text):
        # "moving back to Canada" leaves for abroad; "I live in Canada now" is there; "my
        # flight to Canada" is neither
        words = f"{words} {ABROAD}" if abroad_now(text) else f"{words} {LEAVING} {ABROAD}"
    try:
        decision = await asyncio.to_thread(find_answer, tracker, intent, False, text=words)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return None
    if decision.kind != ANSWERED:
        return None
    article = decision.articles[0]
    before = await asyncio.to_thread(previous_article, tracker)
    again = before is not None and (before.id == article.id or is_domain_answer(before)
                                    and before.link == article.link)
    detail = _english_detail_of(article, text, answered=True) if again else None
    if detail:  # "and how long before I get my BSN?" after that answer: not all of it again
        utter(dispatcher, "utter_kb_detail_english_text", detail=detail, link=article.link)
        return []
    _utter_for_english(dispatcher, article, text)
    return []


def _utter_for_english(dispatcher: CollectingDispatcher, article: Article, text: Text) -> None:
    """The article's English answer, with its price when asked ("how do I apply and what
    does it cost?", round r81); without one, the Dutch text said to be Dutch."""
    english = article.in_english()
    if english is None:
        utter(dispatcher, "utter_kb_detail_in_dutch", detail=without_links(article.answer),
              link=article.link)
        return
    utter(dispatcher, "utter_kb_answer", answer=english.answer)  # written by the department
    if english.cost and asks_the_price(text):
        utter(dispatcher, "utter_kb_detail_english_text", detail=english.cost,
              link=article.link)


MAX_OTHER_QUESTIONS = 2  # answers added for the other questions of one message


def said_this_turn(dispatcher: CollectingDispatcher) -> Text:
    """Every text the bot has said so far in this turn, its spaces made single."""
    return " ".join(" ".join(str(value).split()) for message in dispatcher.messages
                    for value in message.values() if isinstance(value, str))


async def answer_other_questions(dispatcher: CollectingDispatcher, tracker: Tracker,
                                 parts: Optional[List[Text]] = None,
                                 leave_out: Optional[Text] = None) -> None:
    """"Hoeveel kost een paspoort en waar kan ik mijn oude verf kwijt?": after the answer
    to one question, the knowledge base's answers to the others it is sure of (`parts`:
    the questions not answered yet, when the caller knows which one it answered; `leave_out`:
    the intent whose articles the caller answers itself)."""
    only_sure, given = False, parts is not None
    if parts is None:
        text = tracker.latest_message.get("text") or ""
        parts = question_parts(text)
        # "gemeente open hoe laat? ik wil id kaart nieuw": one question beside a request
        only_sure = len(parts) == 1 and _asked_beside(text, parts[0])
        parts = parts if len(parts) >= 2 or only_sure else []
    if not parts or tracker.active_loop.get("name"):
        return
    if tracker.get_slot("language") == "en":
        # "i lost my card for the containers, how do i get a new one? and when is the paper
        # collected?" (round r112: only the calendar): the parts the glossary knows, searched
        # in Dutch, and only the articles it is sure of (a choice would show Dutch words)
        text = tracker.latest_message.get("text") or ""
        parts = [words for words in (_english_words_of(part, text) for part in parts) if words]
        only_sure = True
        if not parts or not given and len(set(parts)) < 2:
            return  # one subject asked in several ways: its answer is given already
    said = said_this_turn(dispatcher)
    intent = tracker.get_intent_of_latest_message()
    try:  # a product the domain answered (bulky waste) has no article text in `said`
        others = await asyncio.to_thread(other_questions, parts, said,
                                         None if intent in KNOWLEDGE_INTENTS else intent,
                                         product=intent,
                                         message=tracker.latest_message.get("text") or "")
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return
    sure = [(article, question) for article, question in others.sure
            if leave_out is None or article.intent != leave_out]
    for article, question in sure[:MAX_OTHER_QUESTIONS]:
        if tracker.get_slot("language") == "en":
            _utter_for_english(dispatcher, article, question)
        else:
            utter_article(dispatcher, tracker, article, question)
    if others.unsure and len(sure) < MAX_OTHER_QUESTIONS and not only_sure:
        # "wat kost een id kaart?" beside the licence question: asked, not dropped
        articles, question = others.unsure[0]
        utter(dispatcher, "utter_kb_choose_other", question=question.strip(),
              buttons=choice_buttons(articles))


def _english_words_of(part: Text, text: Text) -> Text:
    """The Dutch search words of an English question, read with what the message told
    before it when the question alone names nothing ("my bin pass is gone. where do i get a
    new one?")."""
    return dutch_search_words(part) or dutch_search_words(text[:text.find(part)] + part)


def _asked_beside(text: Text, question: Text) -> bool:
    """The message asks `question` beside a subject of its own, so the answer given may
    have been to the other words (round 91: the opening hours dropped for the ID card)."""
    return bool(subject_words(text.replace(question, " "))) and not is_follow_up(question)


def hurt_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Someone hurt in a fall told beside a question ("ze is gisteravond gevallen en kan haar
    been niet goed bewegen, maar ze wil niet naar de dokter"): where to get care, before the
    answer (round 84: only the opening hours were told)."""
    reading = reading_of(tracker)
    if reading.injured and not reading.danger and not tracker.active_loop.get("name"):
        utter(dispatcher, "utter_ack_injured")


def condolences_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A death told beside a question the bot cannot answer ("mijn vrouw is vorig jaar
    overleden … hoe krijg ik dat geld terug", round r260 of session 62): condolences first."""
    if tells_a_loss(tracker):
        utter(dispatcher, "utter_ack_loss")


class ActionAnswerTopic(ProfileAction):
    """Answers from the knowledge base; without an article, with `utter_answer_<intent>`
    (a generic municipal question gets the answer of the topic it names, if any)."""

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        hurt_first(dispatcher, tracker)
        events = await self._answer(dispatcher, tracker, domain)
        if not any(event.get("event") == "followup" for event in events):
            when_to_come = _asks_when_to_come(tracker)
            # the hours once, from the opening hours action (own try, session 42: twice, as an
            # article and as the action's list)
            await answer_other_questions(dispatcher, tracker,
                                         leave_out=OPENING_HOURS_INTENT if when_to_come else None)
            if when_to_come:  # "kan ik mijn paspoort ook op zaterdag ophalen"
                events = events + await ActionOpeningHours().run(dispatcher, tracker, domain)
        return events

    async def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = await knowledge_answer(dispatcher, tracker)
        if events is not None:
            return events
        text = tracker.latest_message.get("text") or ""
        if tracker.get_intent_of_latest_message() == MONEY_WORRIES and names_a_tax(text):
            # "de aanslag … ik zit in de bijstand en kan dit niet betalen": remission first
            await knowledge_answer(dispatcher, tracker, GENERIC_QUESTION, TAX_RELIEF_QUESTION)
        if self.response_for(tracker, domain) in (last_bot_response(tracker),
                                                  last_answer(tracker.events)):
            # "kan ik geen kwijtschelding krijgen?" after the money worries answer: not the
            # same text again, but what the knowledge base says to the question itself
            events = await knowledge_answer(dispatcher, tracker, GENERIC_QUESTION)
            if events is not None:
                return events
        return await super().run(dispatcher, tracker, domain)

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        intent = tracker.get_intent_of_latest_message()
        if intent in GENERIC_INTENTS:
            refined = topic_response(tracker.latest_message.get("text"), domain)
            if refined:
                return refined
        response = f"utter_answer_{intent}"
        return response if _has_response(domain, response) else "utter_ask_what_else"


# Products fetched or applied for at the town hall's desk: a day asked is its opening hours.
_AT_THE_DESK = ("passport_id_appointment", "driving_licence")


def _asks_when_to_come(tracker: Tracker) -> bool:
    text = tracker.latest_message.get("text") or ""
    return (tracker.get_intent_of_latest_message() in _AT_THE_DESK
            and tracker.get_slot("language") != "en"
            and HOURS in read_aspects(text) and not _THEY_COME.search(text))


_LINK_PLACEHOLDER = re.compile(r"\{(link_\w+)\}")
# "Kunnen jullie ook op zaterdag komen?": the service coming to the resident, not a visit.
_THEY_COME = re.compile(r"\b(?:jullie|ze|de gemeente|de vuilniswagen)\b(?: \w+){0,4} "
                        r"(?:komen|komt|ophalen|halen|langs\w*)\b", re.IGNORECASE)


def english_link(tracker: Tracker, domain: Dict[Text, Any]) -> Text:
    """The page of the product the bot last answered in English ("and what does it cost?"
    after the passport answer: the passport page); the website when there is none."""
    links = profile().template_vars()
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        for variant in domain.get("responses", {}).get(f"utter_answer_{intent}", []):
            found = _LINK_PLACEHOLDER.search(variant.get("text") or "")
            if found and found.group(1) in links:
                return str(links[found.group(1)])
    return str(profile().website)


# "Zij had ook een gehandicaptenparkeerkaart. Wat gebeurt daarmee?" after the death
# answer (round r218 of session 56: how to apply for one): what the answer says of it
_ASKS_WHAT_BECOMES_OF = re.compile(
    r"\bwat (?:gebeurt|moet ik|doe ik|doen we) (?:er |nu |dan )*(?:daar|hier)?mee\b"
    r"|\bwat gebeurt (?:er )?(?:nu |dan )?met\b|\bwhat happens (?:to|with)\b", re.IGNORECASE)


class ActionAnswerFollowUp(Action):
    """"En wat kost het?" right after an answer from the knowledge base: about that
    article, unless the question names a subject of its own ("wat kost een rijbewijs?")."""

    def name(self) -> Text:
        return "action_answer_follow_up"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = await self._answer(dispatcher, tracker, domain)
        if tracker.get_slot("language") != "en":
            await _the_other_parts(dispatcher, tracker)
        return events

    async def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if asks_only_the_link(text):  # "TE LANG. gewoon link"
            before = await asyncio.to_thread(previous_article, tracker)
            if before is not None and before.link:
                utter(dispatcher, "utter_kb_link", link=before.link)
                return []
        if tracker.get_slot("language") == "en":  # the articles are Dutch
            return await _follow_up_in_english(dispatcher, tracker, domain, text)
        if says_a_question_unanswered(text) and await _answered_from_before(dispatcher, tracker,
                                                                              text):
            return []  # "maar die boete vraag heb je niet beantwoord" (round r225)
        try:
            before = answered = await asyncio.to_thread(previous_article, tracker)
            if before is not None and not _has_details(before, text):
                others = await asyncio.to_thread(earlier_in_the_turn, tracker, before)
                before = next((other for other in others if _has_details(other, text)), before)
            # "parkeervergunning … hoeveel kost?" after the moving answer: that product's
            product = await asyncio.to_thread(named_product_article, before, text)
            before = product or before
            named = subject_words(text)  # "wat moet ik meenemen?" names nothing new
            own = await asyncio.to_thread(own_subject, text) if named else None
            # the product the question names is its subject, not a sibling that tells more
            # ("wat betaal ik zelf voor een vergunning voor mijn eigen auto?", r223)
            looks_around = before is not None and product is None
            related = (await asyncio.to_thread(abroad_article, before, text)
                       or await asyncio.to_thread(related_article, before, text)
                       ) if looks_around else None
            sibling = (await asyncio.to_thread(context_article, before, text)
                       if looks_around else None)
        except Exception:
            logger.exception("Knowledge base lookup failed")
            before = answered = product = own = related = sibling = None
        if own is not None and own != before and _asks_what_it_is(own, text):
            utter_article(dispatcher, tracker, own)  # "wat is digid?" after the moving answer
            return []
        leaning = before and (then_question(text) or _ASKS_WHAT_BECOMES_OF.search(text)) \
            and sentences_naming(before, named)
        if leaning:  # "ik sta niet ingeschreven, hoe moet dat dan?": what the answer says of it
            utter(dispatcher, "utter_kb_detail", detail=leaning, link=before.link)
            return []
        # a person the answer given is not about ("en voor mijn zoontje?"): their article
        # ... and the resident's own after a child's answer ("en mijn eigen paspoort?") too
        for_oneself = sibling is not None and asks_for_oneself(text)
        detail = (answered_in(before, text) if before and named and not (related or for_oneself)
                  else None)
        # a subject only told beside the question ("…, we zijn gescheiden") is no subject
        asked = asked_subject_words(text) or named
        own = None if _told_beside(own, named, asked) else own
        sibling = None if _told_beside(sibling, named, asked) or (
            before is not None and _points_back(before, text)) else sibling
        if (own is not None and sibling is not None and before is not None
                and own.department != before.department and names_any(sibling, asked.split())):
            own = None  # "komen jullie aan huis?" after the passport: its home visit (r158)
        said = said_just_before(tracker)
        if own is not None and before is not None and _BY_WHICH_MEANS.search(text):
            own = None  # "hoe vraag ik het aan dan? online? digid?" after the Bbz (round r268)
        if own is not None and own != before and named_apart(own, before, asked, said):
            utter_article(dispatcher, tracker, own)  # a subject the answer only mentioned
        elif detail:
            utter(dispatcher, "utter_kb_detail", detail=detail, link=before.link)
        elif (own is not None and own != before and not about_the_answer(before, named, text)
              and names_beyond_the_answer(own, before, named, said)):
            utter_article(dispatcher, tracker, own)
        elif related or sibling:
            if before is not None and before.cost and asks_the_price(text) and _ALSO.search(text):
                # "wat kost dat? en voor mijn dochter ook?": the resident's own price first
                utter(dispatcher, "utter_kb_detail", detail=before.cost.strip(), link=before.link)
            if related is not None:  # "geldt dat ook voor mijn zoontje?": the whole article
                utter_article(dispatcher, tracker, related)
            else:
                _article_or_its_detail(dispatcher, tracker, sibling, text)
        elif before is not None and HOURS in read_aspects(text) and not article_detail(
                before, HOURS, text) and not _THEY_COME.search(text):
            # "kan dat ook op zaterdag?": when we are open (not "kunnen jullie zaterdag komen?")
            return await ActionOpeningHours().run(dispatcher, tracker, domain)
        elif before is not None and own_days(before, text):
            # "de brief is van 2 maanden geleden, ben ik te laat?" after the objection answer
            # (own try, session 64: the remission's 3 months): the resident's own last day
            answer_follow_up(dispatcher, tracker, before, titled=before is not answered)
        elif before is not None:
            telling = None if product is not None else await asyncio.to_thread(
                sibling_that_tells, before, text)
            asked_elsewhere = None if telling else await asyncio.to_thread(
                _asked_elsewhere, before, text)
            if telling is not None:
                _article_or_its_detail(dispatcher, tracker, telling, text)
            elif asked_elsewhere is not None:
                utter_article(dispatcher, tracker, asked_elsewhere)
            else:  # another product's price names that product ("… voor mezelf?", r223)
                answer_follow_up(dispatcher, tracker, before, titled=before is not answered)
        else:  # no article before it ("en moet ik daar zelf iets voor betalen?"): as asked
            return await ActionAnswerAsQuestion().run(dispatcher, tracker, domain)
        return []


def _asked_elsewhere(before: Article, text: Text) -> Optional[Article]:
    """Another article a follow-up is about: the one that names the thing it names, or, for
    an aspect the answer given says nothing of, the one retrieval finds for the words."""
    if names_a_subject(text):
        return article_named_instead(before, text)
    if any(article_detail(before, aspect, text) for aspect in read_aspects(text)):
        return None
    return article_of_what_is_asked(before, text)


async def _the_other_parts(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"ok maar boete of niet? en dat erkennen, kan dat tegelijk?": after the answer to one
    question of a follow-up, what the article answered before says of each other question
    whose words the answer just given does not hold (round r225 of session 57: the fine was
    asked three times)."""
    parts = question_parts(tracker.latest_message.get("text") or "")
    if len(parts) < 2 or not dispatcher.messages or any(
            message.get("response") == "utter_kb_detail_partly_unknown"
            for message in dispatcher.messages):
        return  # (the answer already said which part it cannot answer)
    try:
        before = await asyncio.to_thread(previous_article, tracker)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return
    said = said_this_turn(dispatcher)
    for part in parts if before is not None else []:
        words = subject_words(part)
        detail = sentences_naming(before, words) if words else None
        if detail and not any(shares_a_word(said, word) for word in words.split()
                              if len(word) >= 5):
            utter(dispatcher, "utter_kb_answer_detail", title=before.title, detail=detail,
                  link=before.link)
            said += f" {detail}"


async def _answered_from_before(dispatcher: CollectingDispatcher, tracker: Tracker,
                                text: Text) -> bool:
    """What an article given in the last turns says of the word of a question the resident
    says is still open, under its title; False when none of them names it."""
    try:
        given = await asyncio.to_thread(articles_given, tracker)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return False
    words = subject_words(text)
    for article in given:
        detail = sentences_naming(article, words)
        if detail:
            utter(dispatcher, "utter_kb_answer_detail", title=article.title, detail=detail,
                  link=article.link)
            return True
    return False


def _article_or_its_detail(dispatcher: CollectingDispatcher, tracker: Tracker,
                           article: Article, text: Text) -> None:
    """"wat is dan het normale bedrag?" after the lost passport: the product's price, under
    its title; the whole article when the question asks no detail it has."""
    aspects = read_aspects(text)
    if not aspects or not _has_details(article, text):
        utter_article(dispatcher, tracker, article)
        return
    told = together(article, *(article_detail(article, aspect, text) for aspect in aspects))
    utter(dispatcher, "utter_kb_answer_detail", title=article.title, detail=told,
          link=article.link)


# "en wat kost die verklaring?" after the CBR's Gezondheidsverklaring (round r207 of session
# 55: the price of a certificate of conduct, the VOG)
_THAT_ONE = re.compile(r"\b(?:die|dat|deze|dit|that|this)\s+([^\W\d_]{4,})\b", re.IGNORECASE)


# "digid ik heb niet. wat is digid?" after the moving answer (round r210 of session 55: the
# moving answer again, twice): what the word is, which its own article tells
_WHAT_IS = re.compile(r"\b(?:wat|wat voor iets) (?:is|betekent|zijn) (?:een |de |het |dat |die )?"
                      r"([^\W\d_]{3,})\b|\bwhat (?:is|does) (?:a |an |the )?([^\W\d_]{3,})\b",
                      re.IGNORECASE)


def _asks_what_it_is(article: Article, text: Text) -> bool:
    """The question asks what a word is that the article's title names."""
    title = article.title.lower()
    return any((found.group(1) or found.group(2) or "").lower() in title
               for found in _WHAT_IS.finditer(text))


# "hoe vraag ik het aan? online? digid?": how to do what was answered, and by which means
_BY_WHICH_MEANS = re.compile(
    r"\b(?:vraag|vragen|doe|doen|regel|regelen|meld|melden)\s+(?:ik|we|wij|je|u)\s+"
    r"(?:het|dat|die|dit|'t)\b.*\b(?:online|digid|internet|website|site|telefonisch|bellen|"
    r"balie|formulier|per post|app)\b", re.IGNORECASE | re.DOTALL)


def _points_back(before: Article, text: Text) -> bool:
    """The question names, with "die"/"dat", a word of the answer just given (also inside
    one of its compounds)."""
    told = f"{before.title} {before.answer}".lower()
    return any(found.group(1).lower() in told for found in _THAT_ONE.finditer(text))


def _told_beside(article: Optional[Article], named: Text, asked: Text) -> bool:
    """The message names the article's subject only where it tells something, not where it
    asks ("moet mijn man ook tekenen, we zijn gescheiden": no divorce question)."""
    return (article is not None and names_any(article, named.split())
            and not names_any(article, asked.split()))


def _has_details(article: Article, text: Text) -> bool:
    """The article says something about each aspect the question asks (none asked: yes)."""
    return all(article_detail(article, aspect, text) for aspect in read_aspects(text))


async def _follow_up_in_english(dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: Dict[Text, Any], text: Text) -> List[Dict[Text, Any]]:
    """"what must I bring?": the Dutch article's own sentences about it, said to be Dutch,
    rather than only its page; the page when the article says nothing about it."""
    try:  # the article answered last (a domain answer: its page's), else the product's
        article = await asyncio.to_thread(previous_article, tracker)
        if article is not None and is_domain_answer(article):
            article = await asyncio.to_thread(article_of_page, article.link)
        article = article or await asyncio.to_thread(article_for_intent, tracker)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        article = None
    subject = dutch_search_words(text)  # "is there a desk for entrepreneurs?" (round r81)
    try:
        own = await asyncio.to_thread(own_subject, subject) if subject else None
        if (own is None and subject and article is not None
                and not names_any(article, subject.split())):
            # "what is the deadline for an objection?" after the payment plan: the objection
            # article of that department (round r160 of session 51: the 10 months again)
            own = await asyncio.to_thread(context_article, article, subject)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        own = None
    if own is not None and own != article:
        _utter_for_english(dispatcher, own, text)
        return []
    english = article.in_english() if article else None
    details = [article_detail(english or article, aspect, text)
               for aspect in read_aspects(text)] if article else []
    details = list(dict.fromkeys(detail for detail in details if detail))
    if details and english:
        utter(dispatcher, "utter_kb_detail_english_text", detail=" ".join(details),
              link=article.link)
    elif details:
        utter(dispatcher, "utter_kb_detail_in_dutch", detail=" ".join(details), link=article.link)
    else:
        utter(dispatcher, "utter_kb_detail_english", link=english_link(tracker, domain))
    return []


def question_left_by_the_alarm(tracker: Tracker) -> Optional[Text]:
    """The topic the resident asked about in the message the safety answer replied to, if
    any ("… kast en matras laten ophalen, hoe regel ik dat? Overigens ruik ik gas")."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    if len(users) < 2:
        return None
    before = users[-2]
    after = tracker.events[tracker.events.index(before) + 1:]
    if not any(event.get("event") == "action" and event.get("name") == "action_emergency"
               for event in after):
        return None
    topic = Reading.from_entities((before.get("parse_data") or {}).get("entities")).question
    return topic if topic != QUESTION else None


class ActionAnswerAsQuestion(Action):
    """A question the classifier took for something else ("wanneer gaat de gemeente de
    bomen snoeien?" as a status question): answered as a municipal question."""

    def name(self) -> Text:
        return "action_answer_as_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        hurt_first(dispatcher, tracker)
        if announces_a_question(tracker.latest_message.get("text") or ""):
            utter(dispatcher, "utter_ask_question")  # "ik heb een vraag": which one?
            return []
        events = await knowledge_answer(dispatcher, tracker, GENERIC_QUESTION, the_question(
            tracker.latest_message.get("text") or ""))
        if events is not None:
            return events
        left = question_left_by_the_alarm(tracker)
        if left and f"utter_answer_{left}" in domain.get("responses", {}):
            # "Ik ben nu buiten. Maar hoe zit het nu met de kast en de matras?" after the gas
            # answer: the bulky waste question of the message before (round 86)
            utter(dispatcher, f"utter_answer_{left}")
            return []
        topic = topic_response(tracker.latest_message.get("text"), domain)
        if topic:  # "ik heb bijstand, kan ik iets regelen voor de gemeentebelasting?"
            utter(dispatcher, topic)
            return []
        intent = tracker.get_intent_of_latest_message()
        if intent in REPORT_INTENTS:  # "wanneer wordt de stoep bestraat?": or is it a report?
            utter(dispatcher, "utter_question_or_report", buttons=[
                {"title": response_text(domain, "utter_report_button", tracker),
                 "payload": f"/{intent}"},
                {"title": response_text(domain, "utter_kb_colleague_button", tracker),
                 "payload": "/ask_human"}])
        else:
            condolences_first(dispatcher, tracker)
            utter(dispatcher, "utter_out_of_scope")
        return []


class ActionAnswerInReport(Action):
    """A question of its own in the middle of a report ("gaan de lampen 's nachts uit?"):
    the knowledge base's answer, or where to look; the report goes on after it."""

    def name(self) -> Text:
        return "action_answer_in_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = the_question(tracker.latest_message.get("text") or "")
        corrected = _number_corrected_beside(tracker)
        if corrected:  # "Oeps, het is 121, niet 112. Trouwens, tot hoe laat is …?"
            utter(dispatcher, "utter_ack_place_changed", place=corrected.label)
        need = reading_of(tracker).need
        if need:  # "ik ben soms zo eenzaam": the route for it, then the report
            await utter_need(dispatcher, tracker, need)
        elif asks_to_act_on_it(text):  # "kunnen jullie nou die paal komen weghalen?" (r76)
            utter(dispatcher, "utter_report_acts_on_it")
        elif (tracker.get_slot("report_priority") == HIGH_PRIORITY
              and asks_about_acting(text)):  # "kan ik er een stoel bij zetten?" (round r226)
            utter(dispatcher, meanwhile_advice(tracker))
        else:
            # an article only when one clearly fits, read with the report when the question
            # points at it (round 88: "heeft ie een chip? dan weet de eigenaar het" beside a
            # dead cat got the eviction article)
            answer = await side_answer(tracker, text,
                                       tracker.get_slot("report_description") or "")
            if answer:
                utter(dispatcher, "utter_kb_detail", detail=answer[0], link=answer[1])
            else:
                utter(dispatcher, "utter_question_unknown_in_report")
        utter(dispatcher, "utter_report_continue")
        # what Rasa filled from the question's words is no answer: the question comes again
        asked = tracker.get_slot("requested_slot")
        kept = [SlotSet(name, value) for name, value in place_slots(corrected).items()] \
            if corrected else []
        return kept + ([SlotSet(asked, None)] if asked else [])


def _number_corrected_beside(tracker: Tracker) -> Optional[Place]:
    """The report's place with the house number the question's message corrects, if any."""
    current = tracker.get_slot("report_place")
    if not current or not current.get("house_number"):
        return None
    number = corrected_number(tracker.latest_message.get("text") or "", current["house_number"])
    if not number:
        return None
    return with_number(Place.from_dict(current), Place(kind="number", text=number,
                                                       house_number=number))


class ActionKnowledgeNotHelped(Action):
    """"Daar heb ik niks aan" after an answer from the knowledge base: the question is kept
    (masked, with the article) for the editors, and the resident gets what a KCC colleague
    would offer: the other articles that fit, the link and phone, a colleague."""

    def name(self) -> Text:
        return "action_kb_not_helped"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        article, others = None, []
        try:
            article, question, intent = await asyncio.to_thread(answered_article, tracker)
            await asyncio.to_thread(record_not_helped, tracker, article, question, intent)
            if question:
                others = await asyncio.to_thread(other_articles, question, article)
        except Exception:
            logger.exception("Knowledge base lookup failed")
        colleague = {"title": response_text(domain, "utter_kb_colleague_button", tracker),
                     "payload": "/ask_human"}
        link = article.link if article else str(profile().website)
        if says_the_site_fails(tracker.latest_message.get("text") or ""):
            utter(dispatcher, "utter_kb_site_fails", buttons=[colleague])  # no link again
            return []
        utter(dispatcher, "utter_kb_not_helped", buttons=[*choice_buttons(others), colleague],
              link=link)
        return []


class ActionOutOfScope(ProfileAction):
    """Not something the bot knows: where to look and whom to call, and what the bot can
    do. A message that does name a topic the bot has a link for gets that answer."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events = await knowledge_answer(dispatcher, tracker)
        if events is not None:
            return events
        condolences_first(dispatcher, tracker)
        return await super().run(dispatcher, tracker, domain)

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        topic = read_question(tracker.latest_message.get("text") or "")
        response = f"utter_answer_{topic}"
        if topic and topic != QUESTION and _has_response(domain, response):
            return response
        return "utter_out_of_scope"


_WAYS_TO_BE_REACHED = frozenset("digid internet computer laptop smartphone mobieltje email mail "
                                "brief papier online digitaal handig schriftelijk".split())


# "nog geen DigiD" with the internet at hand: how to get one, not "no computer?" (round 80).
_ONLY_DIGID_MISSING = re.compile(r"\b(?:geen|no|zonder|without)\s+(?:\w+\s+)?digid\b",
                                 re.IGNORECASE)
_NO_COMPUTER = re.compile(r"\bgeen\s+(?:internet|computer|pc|laptop|smartphone)|"
                          r"\bno\s+(?:internet|computer)|\bniet\s+(?:zo\s+)?handig\b",
                          re.IGNORECASE)


_WHAT_IS_DIGID = re.compile(r"\bwat (?:is|betekent) (?:dat |die |een |het )?digi ?d\b|\bwhat is "
                            r"(?:a |the )?digi ?d\b", re.IGNORECASE)


class ActionNoInternet(ProfileAction):
    """"Ik heb geen internet, kunt u het niet gewoon zeggen?": another way than a link."""

    def name(self) -> Text:
        return "action_no_internet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        told = await self._told_in_the_answer(tracker, domain)
        if told is not None:  # "ik woon in antwerpen en heb geen digid" after the wedding answer
            if _WHAT_IS_DIGID.search(tracker.latest_message.get("text") or ""):
                # "ik heb geen digid, wat is digid?" (round r210 of session 55): what it is too
                await knowledge_answer(dispatcher, tracker, GENERIC_QUESTION, "Wat is DigiD?")
            utter(dispatcher, "utter_kb_detail", detail=told[0], link=told[1])
            return []
        events = await super().run(dispatcher, tracker, domain)
        intent = tracker.get_intent_of_latest_message()
        named = [word for word in subject_words(tracker.latest_message.get("text") or "").split()
                 if word not in _WAYS_TO_BE_REACHED]
        if not named:
            return events  # "ik heb geen digid": no product named, none guessed
        if intent in KNOWLEDGE_INTENTS - {GENERIC_QUESTION, "out_of_scope"}:
            # "we gaan verhuizen, hoe geven we dat door? we hebben geen computer": the
            # other way first, then what there is to know about the product
            events += await knowledge_answer(dispatcher, tracker) or []
        elif intent == GENERIC_QUESTION:
            # "… een scootmobiel of een traplift? Ik heb geen computer": the topic's answer
            topic = topic_response(tracker.latest_message.get("text"), domain)
            if topic:
                utter(dispatcher, topic)
        return events

    async def _told_in_the_answer(self, tracker: Tracker, domain: Dict[Text, Any]
                                  ) -> Optional[Tuple[Text, Text]]:
        """The answer just given's own way for those without DigiD, and its link; None when
        it has none (round r95: "get DigiD" to a Belgian)."""
        if self.response_for(tracker, domain) != "utter_no_digid":
            return None
        try:
            before = await asyncio.to_thread(previous_article, tracker)
        except Exception:
            logger.warning("Previous article not found", exc_info=True)
            return None
        told = told_to_those_without_digid(before) if before is not None else None
        return (told, before.link) if told else None

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        text = tracker.latest_message.get("text") or ""
        return "utter_no_digid" if _ONLY_DIGID_MISSING.search(text) and not _NO_COMPUTER.search(
            text) else "utter_no_internet"


class ActionOpeningHours(ProfileAction):
    """Tells the opening hours of the town hall and phone line."""

    def name(self) -> Text:
        return "action_opening_hours"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        hurt_first(dispatcher, tracker)
        text = tracker.latest_message.get("text") or ""
        english = tracker.get_slot("language") == "en"
        building = _OTHER_BUILDING.search(text)
        if building:  # "is de milieustraat zaterdag open?": never the town hall's hours
            await self._other_building(dispatcher, tracker, building.group())
            return []
        holidays = profile().holidays_named(text, profile().now().date())
        if holidays:  # "is het gemeentehuis open op 2e kerstdag?": no, first
            utter(dispatcher, "utter_opening_hours_closed_day", day=_and_joined(
                [holiday.name_en if english else holiday.name for holiday in holidays], english))
            return await super().run(dispatcher, tracker, domain)
        date = date_named(text, profile().now().date())
        if date is not None:  # "en op oudejaarsdag?", "31 december?" (round r112)
            _utter_date(dispatcher, date, english)
            return []
        day = closed_day_asked(text)
        if day:  # "is het gemeentehuis zaterdag open?": no, first
            utter(dispatcher, "utter_opening_hours_closed_day",
                  day=profile().day_name(day, english))
            return await super().run(dispatcher, tracker, domain)
        day = open_day_asked(text, profile().now())
        if day is None and _NOW.search(text):  # "kan ik NU bellen of niet?": yes or no first
            utter_open_or_closed(dispatcher, profile().now(), "utter_opening_hours_now_open",
                                 "utter_opening_hours_now_closed", english)
            return []
        if day is None:
            events = await super().run(dispatcher, tracker, domain)
            _utter_days_changed(dispatcher, english)
            return events
        _utter_day(dispatcher, day, english, evening=bool(_EVENING.search(text)))
        return []

    @staticmethod
    async def _other_building(dispatcher: CollectingDispatcher, tracker: Tracker,
                              place: Text) -> None:
        """The article about that building when there is one, else where to look."""
        try:
            decision = await asyncio.to_thread(find_answer, tracker, GENERIC_QUESTION, False)
        except Exception:  # the knowledge base is down: where to look is still an answer
            logger.exception("Knowledge base lookup failed")
            decision = None
        found = decision.articles[0] if decision and decision.articles else None
        if found is not None and found.intent != OPENING_HOURS_INTENT and (
                decision.kind == ANSWERED or place.lower() in found.title.lower()):
            utter_article(dispatcher, tracker, found)
        else:
            utter(dispatcher, "utter_hours_other_building", place=place.lower())

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        return "utter_opening_hours"


def _utter_days_changed(dispatcher: CollectingDispatcher, english: bool) -> None:
    """The week's hours say nothing of Christmas: the holidays and the short days of the next
    two weeks (round r261 of session 62: "open van 08:30 tot 20:00 uur" on Christmas Eve)."""
    settings = profile()
    closed, short = settings.days_changed(settings.now().date())
    if closed:
        utter(dispatcher, "utter_opening_hours_holidays", days=_and_joined(
            [settings.date_name(day.date, english) for day in closed], english))
    for close in dict.fromkeys(day.hours[1] for day in short):
        utter(dispatcher, "utter_opening_hours_short_days", close=close.strftime("%H:%M"),
              days=_and_joined([settings.date_name(day.date, english) for day in short
                                if day.hours[1] == close], english))


def _and_joined(names: List[Text], english: bool) -> Text:
    """"eerste kerstdag en tweede kerstdag"."""
    names = list(dict.fromkeys(names))
    last = " and " if english else " en "
    return last.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


# Another building than the town hall, whose hours are its own (or an article's).
_OTHER_BUILDING = re.compile(
    r"\b(?:milieustraat|milieupark|containerpark|stort|afvalbrengstation|bieb|bibliotheek|"
    r"zwembad|sporthal|kringloop\w*|begraafplaats|museum|theater|apotheek|huisarts|"
    r"politiebureau|ziekenhuis|supermarkt|voedselbank|consultatiebureau|library|"
    r"swimming pool)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:nu|nou|op dit moment|momenteel|nu nog|now|right now|at the moment)\b",
                  re.IGNORECASE)
_EVENING = re.compile(r"\b(?:\w*avond\w*|s ?avonds|vanavond|evening|tonight|after work|na (?:18|19|"
                      r"20|zessen|zevenen|het werk))\b", re.IGNORECASE)
_RELATIVE_DAYS = {"vandaag": 0, "today": 0, "vanavond": 0, "tonight": 0, "morgen": 1,
                  "tomorrow": 1, "overmorgen": 2}


def open_day_asked(text: Text, now: dt.datetime) -> Optional[Text]:
    """The open day ("mon") a question about the hours names: by name, or today/tomorrow."""
    words = re.findall(r"[a-z]+", text.lower())
    settings = profile()
    for word in words:
        if word in _RELATIVE_DAYS:
            day = DAYS[(now.weekday() + _RELATIVE_DAYS[word]) % 7]
            return day if day in settings.opening_hours else None
    for day, name in settings.day_names.items():
        stems = (name.lower(), ENGLISH_DAYS[day].lower())
        if day in settings.opening_hours and any(word.startswith(stems) for word in words):
            return day  # "maandagavond", "mondays"
    return None


# A question about opening hours: "is het gemeentehuis vrijdagmiddag open?"
_HOURS_ASKED = re.compile(r"\b(?:open|dicht|gesloten|openingstijd\w*|hoe laat|bereikbaar|"
                          r"opening hours|closed)\b", re.IGNORECASE)


def hours_asked(text: Text) -> Optional[Dict[Text, Any]]:
    """The answer to an opening-hours question for one day, asked beside a report ("… en is
    het gemeentehuis vrijdagmiddag open?"): a response key and its values, or None."""
    if not _HOURS_ASKED.search(text) or _OTHER_BUILDING.search(text):
        return None
    settings = profile()
    english = False  # beside a report the side answers are Dutch (the articles are Dutch)
    holidays = settings.holidays_named(text, settings.now().date())
    if holidays:  # "… wanneer is het gemeentehuis open tussen kerst en oud en nieuw?" (r263)
        return {"key": "utter_opening_hours_closed_day", "values": {"day": _and_joined(
            [holiday.name for holiday in holidays], english)}}
    date = date_named(text, settings.now().date())
    hours = settings.hours_on(date) if date else None
    if hours:  # "is het op 31 december open?"
        return {"key": "utter_opening_hours_day",
                "values": {"day": settings.date_name(date, english),
                           "open": hours[0].strftime("%H:%M"), "close": hours[1].strftime("%H:%M")}}
    closed = closed_day_asked(text)
    if closed:
        return {"key": "utter_opening_hours_closed_day",
                "values": {"day": settings.day_name(closed, english)}}
    day = open_day_asked(text, settings.now())
    if day is None:
        return None
    opens, closes = settings.opening_hours[day]
    return {"key": "utter_opening_hours_day",
            "values": {"day": settings.day_name(day, english), "open": opens.strftime("%H:%M"),
                       "close": closes.strftime("%H:%M")}}


# Topics whose own answer is also the answer beside a report (round 98: the gft day asked
# beside a bin not emptied was left unanswered).
_SIDE_TOPICS = ("waste_calendar",)


async def answer_beside(tracker: Tracker, question: Text, about: Text = "",
                        intent: Text = "municipal_question", message: Text = ""
                        ) -> Optional[Dict[Text, Any]]:
    """The acknowledgement that answers a question asked beside a report: the hours of the
    day asked, else the knowledge base's sentences; None when neither answers it.
    `message`: the whole message, for what the question leans on ("… daar iets mee?")."""
    hours = hours_asked(question)
    if hours:
        return hours
    if read_question(question) in _SIDE_TOPICS:  # "wanneer komen ze nou voor de gft?"
        return ack(f"utter_side_{read_question(question)}")
    if money_trouble(f"{message} {question}"):  # "ik heb wat rekeningen achter, kan de
        return ack("utter_side_money_worries")  # gemeente daar iets mee?" (round r236)
    answer = await side_answer(tracker, question, about, intent)
    return ack("utter_kb_detail", detail=answer[0], link=answer[1]) if answer else None


def _utter_day(dispatcher: CollectingDispatcher, day: Text, english: bool,
               evening: bool) -> None:
    settings = profile()
    opens, closes = settings.opening_hours[day]
    utter(dispatcher, "utter_opening_hours_day", day=settings.day_name(day, english),
          open=opens.strftime("%H:%M"), close=closes.strftime("%H:%M"))
    late = max(settings.opening_hours, key=lambda other: settings.opening_hours[other][1])
    if evening and closes.hour < 18 and settings.opening_hours[late][1].hour >= 18:
        utter(dispatcher, "utter_opening_hours_late_day",
              day=settings.day_name(late, english),
              close=settings.opening_hours[late][1].strftime("%H:%M"))


_WEEK_AND_HOLIDAYS = 14  # the next open day is within this many days


def _utter_date(dispatcher: CollectingDispatcher, date: dt.date, english: bool) -> None:
    """The hours on that date: closed, or open from … to …, with the date named."""
    settings = profile()
    name = settings.date_name(date, english)
    hours = settings.hours_on(date)
    if hours is None:
        utter(dispatcher, "utter_opening_hours_closed_day", day=name)
        after = next((date + dt.timedelta(days=days) for days in range(1, _WEEK_AND_HOLIDAYS)
                      if settings.hours_on(date + dt.timedelta(days=days))), None)
        if after is not None:  # "morgen?" on a Saturday: closed, and open again on Monday
            _utter_date(dispatcher, after, english)
        return
    utter(dispatcher, "utter_opening_hours_day", day=name, open=hours[0].strftime("%H:%M"),
          close=hours[1].strftime("%H:%M"))


def closed_day_asked(text: Text) -> Optional[Text]:
    """The closed day ("sat") the question names, in Dutch or English."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    settings = profile()
    for day, name in settings.day_names.items():
        if day not in settings.opening_hours and (name in words
                                                  or ENGLISH_DAYS[day].lower() in words
                                                  or day in ("sat", "sun") and "weekend" in words):
            return day
    return None


def was_helped(events: List[Dict[Text, Any]]) -> bool:
    """True when the bot's last real answer in this session was not a failure.

    Prompts and closings are skipped; a message from a colleague counts as an answer.
    A question of the bot left unanswered (a report form half done), or no answer at
    all, means the resident was not helped.
    """
    response = last_answer(events)
    return (response is not None and response not in NOT_HELPED
            and not str(response).startswith("utter_ask_"))


def filed_a_report(events: List[Dict[Text, Any]]) -> bool:
    """Whether a report was filed in this session (round r56: "Sorry that I could not help
    you well" after the report went in and a side question had no answer)."""
    for event in reversed(events):
        if event.get("event") == "session_started":
            return False
        if event.get("event") == "bot" and str((event.get("metadata") or {}).get(
                "utter_action") or "").startswith("utter_report_filed"):
            return True
    return False


def last_answer(events: List[Dict[Text, Any]]) -> Optional[Text]:
    """The bot's last real answer in this session (prompts and closings skipped; "" for a
    colleague's message); None when it gave none (only a greeting)."""
    for event in reversed(events):
        if event.get("event") == "session_started":
            break
        if event.get("event") != "bot":
            continue
        response = (event.get("metadata") or {}).get("utter_action")
        if response not in NEUTRAL:
            return response or ""
    return None


def day_part(moment: dt.datetime) -> Text:
    """morning, afternoon, evening or night for the hour of `moment`."""
    return next(part for start, end, part in DAY_PARTS if start <= moment.hour < end)


_GIVES_UP = re.compile(r"\blaat\s+(?:maar|ook\s+maar|dan\s+maar|het\s+maar)\b|\bnever\s?mind\b",
                      re.IGNORECASE)


class ActionGoodbye(Action):
    """Closes the conversation: glad to have helped, or where to get help after all,
    with a wish for the part of the day. `clock` can be injected for tests."""

    def __init__(self, clock: Optional[Callable[[], dt.datetime]] = None) -> None:
        self._clock = clock

    def name(self) -> Text:
        return "action_goodbye"

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else profile().now()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answer = last_answer(tracker.events)
        text = tracker.latest_message.get("text") or ""
        if answer is None:  # "wilde alleen kijken of dit werkt. doei"
            response = "utter_closing_nothing_asked"
        elif str(answer).startswith("utter_emergency"):  # not "fijn dat ik u kon helpen"
            response = "utter_closing_after_emergency"
        elif will_call_us(text) and not says_a_question_unanswered(text):
            response = "utter_closing_will_call"  # "nee dank u, ik bel morgen wel"
        elif was_helped(tracker.events) and not is_displeased(text) and not (
                says_a_question_unanswered(text) or _GIVES_UP.search(text)):
            # not "fijn" after "ongelooflijk dit", "da's ni mijn vraag", "laat maar" (r237)
            response = "utter_closing_helped"
        elif filed_a_report(tracker.events):  # the report went in; a later question did not
            response = "utter_closing_after_report"
        else:
            response = "utter_closing_not_helped"
        wish = response_text(domain, f"utter_wish_{day_part(self._now())}", tracker)
        utter(dispatcher, response, wish=wish)
        return []
