"""Answers from the knowledge base the departments fill (bot/knowledge).

A product intent gets its own article, or a more specific article that retrieval is sure
of ("paspoort kwijt" is still a passport question, but not about applying). Other
municipal questions get the article retrieval finds, a choice of two or three ("Bedoelt
u …?"), or nothing: then the caller gives the honest answer with link and phone.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import threading
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from actions.own_days import utter_own_days
from actions.reading import channel_of, reading_of, resident_texts
from bot.intents import UNSURE_INTENTS  # the model heard no municipal question
from bot.knowledge import KNOWLEDGE_DIR, retrieval, store
from bot.knowledge.english import dutch_search_words
from bot.knowledge.general import zipf
from bot.knowledge.text import (ABROAD, LINK, STOPWORDS, abroad_now, about_living_abroad,
                                in_dutch_words,
                                another_countrys_document, lives_abroad, normalise, with_abroad)
from bot.knowledge.articles import (ARTICLE_ENTITY, ARTICLE_SEPARATOR, Article,
                                    choice_payload)
from bot.knowledge.aspects import (COST, DURATION, LATE, OTHERS, VALIDITY, WHAT_IS_DONE,
                                   answered_in, article_detail,
                                   asks_for_oneself,
                                   asks_the_ordinary, asks_the_price, for_a_child,
                                   lead_for_the_product, mirrored_question,
                                   person_of, read_aspect, read_aspects, sentences_about,
                                   sentences_naming,
                                   shares_a_word, single_aspect, subject_words,
                                   together)
from bot.reading.answers import subject_of_the_request
from bot.reading.danger import cannot_use_the_phone
from bot.reading.description import DOCUMENT_WORDS
from bot.reading.loss import LOSS as _LOSS, tells_a_death, without_a_death_denied
from bot.reading.report_questions import read_report_question
from bot.reading.questions import (PRODUCT_WORDS, asks_for_a_container, asks_to_act_on_it,
                                   is_question, names_its_thing, product_asked, question_parts,
                                   read_question, rules_out_the_product, the_question)
from bot.profile import profile
from bot.settings import DATABASE_URL
from bot.text import first_sentence, sentences, without_words

logger = logging.getLogger(__name__)

SHORT_CHANNELS = ("sms",)  # channels that get an article's short answer when it has one
ANSWERED, CHOICE = "answer", "choose"
FOLLOW_UP_TURNS = 3  # how many of the resident's turns back a follow-up may reach
FALLBACK_GUESS_SCORE = 0.5  # from this score retrieval's guess is asked back at a fallback
NO_PHONE_TURNS = 4  # how many of the resident's messages back "ik ben doof" still counts
# A sibling article wins over the intent's own from this score and lead (_sibling).
SIBLING_SEARCH, SIBLING_SCORE, SIBLING_MARGIN = 8, 0.38, 0.08
OFF_SCORE, OFF_SIBLING_SCORE = 0.15, 0.3  # ... or when the own article does not fit at all
TWO_SIBLINGS_MARGIN = 0.05  # two specific articles this close are both asked for
OTHERS_MAX = 2  # other articles offered when an answer did not help

_seeded: set = set()
_seeding = threading.Lock()


def ensure_knowledge(url: str = DATABASE_URL) -> None:
    """Seed the database from the departments' YAML files: all of them the first time,
    a new file or article after an update (once per process)."""
    if url in _seeded:
        return
    with _seeding:
        if url not in _seeded:
            store.seed_new_articles(KNOWLEDGE_DIR, url)
            _seeded.add(url)


def chosen_article(tracker: Tracker) -> Optional[Text]:
    """The article a button chose, or the one article just offered when the resident typed
    "ja" ("Gaat uw vraag over dit onderwerp?")."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == ARTICLE_ENTITY and entity.get("value"):
            return str(entity["value"])
    if reading_of(tracker).answer is True:
        return _offered_alone(tracker)
    return None


_ARTICLE_IN_PAYLOAD = re.compile(r'"%s"\s*:\s*"([^"]+)"' % ARTICLE_ENTITY)


def _offered_alone(tracker: Tracker) -> Optional[Text]:
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        if (event.get("metadata") or {}).get("utter_action") != "utter_kb_choose_one":
            return None
        buttons = (event.get("data") or {}).get("buttons") or []
        found = _ARTICLE_IN_PAYLOAD.search(buttons[0].get("payload") or "") if buttons else None
        return found.group(1) if found else None
    return None


def find_answer(tracker: Tracker, intent: Optional[Text], allow_choice: bool,
                url: str = DATABASE_URL, text: Optional[Text] = None) -> retrieval.Decision:
    """What the knowledge base says to `text` (default: the latest message). Blocking."""
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    ids = (chosen_article(tracker) or "").split(ARTICLE_SEPARATOR)
    chosen = tuple(a for a in index.articles if a.id in ids)
    if chosen:  # a button, or "allebei" at a choice: every article chosen
        return retrieval.Decision(ANSWERED, chosen)
    question = without_a_death_denied(_without_place(tracker, text))
    left = _article_on_what_is_left(index, question)
    if left is not None:  # "zijn paspoort, zijn rijbewijs … wat moet ik daarmee doen?"
        return retrieval.Decision(ANSWERED, (left,))
    decision = index.answer_for(question)
    if decision.articles and _lost_document_unnamed(decision.articles[0], question):
        decision = retrieval.Decision("none")
    loss = None if decision.kind == ANSWERED else _the_loss_told(index, question)
    if loss is not None:  # a long letter about a husband who died (round r223: "Daar kan ik
        return retrieval.Decision(ANSWERED, (loss,))  # u helaas niet mee helpen")
    own = next((a for a in index.articles if intent and a.intent == intent), None)
    if own is None and decision.kind != ANSWERED:
        decision = _answer_for_a_part(index, question, decision)
    if own is not None:
        # retrieval sure of one article, or unsure but with one candidate only, of the
        # intent's own department ("parkeerboete gekregen terwijl ik een vergunning heb")
        # ... unless this product was just answered: then the question is read in its
        # context ("moet mijn vriendin dat apart doen?" after the moving answer)
        alone_in_department = (decision.kind == CHOICE and len(decision.articles) == 1
                               and decision.articles[0].department == own.department
                               and not _answered_recently(tracker, own, url)
                               and not _another_product_than_named(decision.articles[0],
                                                                   intent, question))
        best = decision.articles[0] if decision.kind == ANSWERED or alone_in_department \
            else None
        sure = best is not None and best.intent in (None, intent)
        if not sure and _unsure_and_off(tracker, index, question, own, decision, url):
            # "zoon geboren, hoe lang heb ik?" as a move: which one, or honestly none
            if decision.kind != CHOICE:
                return retrieval.Decision(NOT_THE_PRODUCT)
            return decision if allow_choice else retrieval.Decision(ANSWERED,
                                                                    decision.articles[:1])
        if sure and not _fits_where_they_live(best, question):
            best, sure = None, False  # "paspoort gestolen in barcelona": no life abroad
        matches = [] if sure else [m for m in index.search(question, top=SIBLING_SEARCH)
                                   if _fits_where_they_live(m.article, question)
                                   and not _loss_unasked(m.article, question)]
        # "mijn dochter … heeft nog geen paspoort": the child's own article, below
        both = None if for_a_child(question) else _two_siblings(matches, own, question)
        if both:  # "paspoort gestolen en ik vlieg overmorgen": stolen, and with speed
            return retrieval.Decision(ANSWERED, both)
        article = best if sure else _sibling(matches, own, question)
        recently = _answered_recently(tracker, own, url)
        if article.id == own.id and not sure and not recently:
            article = _sibling_of_its_question(index, own, question) or article
        if article.id == own.id and recently:
            # "en kan ik ook met spoed?" right after the passport answer: the article it names
            article = context_article(own, question, url) or own
        if for_a_child(question):  # "een paspoort aanvragen voor mijn dochter"
            child = _about_the_person(index, article, "kind", question)
            if child is not None and child.id == article.id != own.id:
                # "… mee naar turkije, ze heeft nog geen paspoort": travelling says nothing
                # of children, the product's own article for a child does (round r150)
                child = _about_the_person(index, own, "kind", question) or child
            if sure and child is not None and child.id != article.id != own.id:
                # "met spoed een paspoort voor mijn dochter": the rush, and what a child needs
                return retrieval.Decision(ANSWERED, (article, child))
            article = child or article
        if another_countrys_document(_as_asked(tracker, question)):  # "mijn Poolse paspoort"
            article = _embassy_article(index, article, question) or article
        elif abroad_now(question) and not _speaks_of_abroad(article):
            # "mn paspoort is gestolen in barcelona en we vliegen overmorgen terug" (rounds
            # 95 and 99: the application at the town hall)
            article = abroad_article(article, question, url) or article
        return retrieval.Decision(ANSWERED, (article,))
    if decision.kind == "none":
        _record_unanswered(tracker, intent, url)
    if intent in UNSURE_INTENTS and decision.kind != ANSWERED and not (
            decision.scores and decision.scores[0] >= retrieval.ANSWER_SCORE):
        return retrieval.Decision("none")  # the model heard no municipal question: no guessing
    if decision.kind == CHOICE and not allow_choice:
        return retrieval.Decision(ANSWERED, decision.articles[:1])
    if (decision.kind == CHOICE and decision.articles[0].upl == CONTAINER_UPL
            and asks_for_a_container(question)):
        # "onze kliko zit elke week propvol, kunnen we een grotere krijgen?" (round r275):
        # the reader is sure a bin is asked for, the knowledge base offered it unsure
        return retrieval.Decision(ANSWERED, decision.articles[:1])
    return decision


CONTAINER_UPL = "afvalcontainer"


# "nu vind ik in zijn la nog zijn paspoort, zijn rijbewijs en de invalidenkaart" after a
# death (round r165 of session 52: how to apply for a passport, then fingerprints)
_WHAT_IS_LEFT = re.compile(
    r"\b(?:zijn|haar|z n|zn|d r|dr|his|her|the deceased s)\s+(?:oude\s+)?(?:paspoort|id ?kaart|"
    r"identiteitskaart|rijbewijs|parkeerkaart|invalidenkaart|gehandicaptenparkeerkaart|"
    r"parkeervergunning|documenten|papieren|passport|driving licen[cs]e|id card|documents)\b"
    r"|\b(?:van|of) (?:de|mijn|onze|my|our|the) (?:\w+ )?(?:overledene|overleden \w+|late \w+)\b",
    re.IGNORECASE)
_THE_DECEASED = "overledene"


def _the_loss_told(index: retrieval.Index, question: Text) -> Optional[Article]:
    """The article about a death that fits a message telling one best, even when its words
    are too many for a sure fit."""
    if not _LOSS.search(question):
        return None
    best = index.search(question, top=1)
    return best[0].article if best and _LOSS.search(
        f"{best[0].article.title} {best[0].article.id}") else None


def _article_on_what_is_left(index: retrieval.Index, question: Text) -> Optional[Article]:
    """A death told and the deceased's documents asked about: the article that says what to
    do with them (the one whose answer speaks of the deceased and fits the question best)."""
    plain = normalise(question)
    if not (_LOSS.search(question) and _WHAT_IS_LEFT.search(plain)):
        return None
    scores = index.scores(question)
    about = [n for n, article in enumerate(index.articles)  # the word itself, not "overleden"
             if re.search(rf"\b{_THE_DECEASED}\b", article.answer, re.IGNORECASE)]
    best = max(about, key=lambda n: scores[n], default=None)
    return index.articles[best] if best is not None else None


MAX_PARTS_ANSWERED = 2  # more answers in one turn than this is a wall of text


def _answer_for_a_part(index: retrieval.Index, question: Text,
                       whole: retrieval.Decision) -> retrieval.Decision:
    """A long message whose words together fit no article well ("nee nu even niet. maar hoe
    zit het met bijstand, hoe vraag ik dat aan en hoe lang duurt het? de huur moet door"):
    the answers to its questions that one article each answers ("wanneer wordt de straat
    geveegd? en wanneer snoeien jullie de bomen?": both); when none is, and the whole fit
    none, the first choice a question offers."""
    parts = question_parts(question)
    if parts == [question.strip()]:
        return whole
    decisions = [index.answer_for(_with_what_it_leans_on(part, question)) for part in parts]
    answered = {article.id: article for decision in decisions if decision.kind == ANSWERED
                for article in decision.articles[:1]}
    if answered:
        return retrieval.Decision(ANSWERED, tuple(answered.values())[:MAX_PARTS_ANSWERED])
    offered = next((decision for part, decision in zip(parts, decisions)
                    if decision.kind == CHOICE and names_a_subject(part)), None)
    return offered if whole.kind == "none" and offered else whole


# "moet ik dat doorgeven": a short question about what the sentence before it told
_LEANS_ON = re.compile(r"\b(?:dat|dit|het|die|daar\w*)\b", re.IGNORECASE)
MAX_LEANING_WORDS = 6


def _with_what_it_leans_on(part: Text, question: Text) -> Text:
    """"wij gaan verhuizen, zelfde dorp. moet ik dat doorgeven?": the question with the
    statement before it, when it is short and points back (round r206 of session 55: the
    benefits' changes for "moet ik dat doorgeven")."""
    at = question.find(part)
    if at <= 0 or len(part.split()) > MAX_LEANING_WORDS or not _LEANS_ON.search(part):
        return part
    told = [sentence for sentence in sentences(question[:at]) if not is_question(sentence)]
    return f"{told[-1]} {part}" if told else part


# "wat moet ik (allemaal) regelen?": asks what to do about what the message told
_PLANNING_WORDS = frozenset("allemaal alles regelen doen geregeld nodig eigenlijk precies nu dan "
                            "zoal".split())


def _asks_nothing_in_particular(part: Text) -> bool:
    return (set(subject_words(part).split()) <= _PLANNING_WORDS and not read_aspects(part)
            and not single_aspect(part))


GENERIC_ZIPF = 5.0  # words this common in Dutch ("gemeente", "helpen") name no subject


def names_a_subject(part: Text) -> bool:
    """"kan de gemeente helpen?" names nothing to choose articles by (round r83: work, debts
    and a street party offered for a grab rail); "wat kost een paspoort?" does."""
    return any((zipf(word) or 0) < GENERIC_ZIPF for word in subject_words(part).split())


def _another_product_than_named(article: Article, intent: Optional[Text], question: Text
                                ) -> bool:
    """"ons zoontje van 5 moet een id kaart hebben" heard as the birth article, the only
    candidate of the passport's department (round r229 of session 58: "Van harte
    gefeliciteerd!"): the question names the intent's product, the article's title and
    questions do not."""
    words = PRODUCT_WORDS.get(intent or "")
    return bool(words and words.search(question)
                and not words.search(" ".join((article.title,) + tuple(article.questions))))


def _answered_recently(tracker: Tracker, article: Article, url: str) -> bool:
    """The bot answered with this article in the last few turns."""
    before = previous_article(tracker, url)
    return before is not None and before.id == article.id


UNSURE_PRODUCT = 0.8  # below this the model's product counts for less than the words
NAMED_PRODUCT = 0.5  # ... unless the words name that product and no other
NOT_THE_PRODUCT = "not_the_product"  # a decision: the words are about something else


def _unsure_and_off(tracker: Tracker, index: retrieval.Index, question: Text, own: Article,
                    decision: retrieval.Decision, url: str = DATABASE_URL) -> bool:
    """The model was unsure of the product (or sure, but the words never name it), its
    article does not fit the words at all, and retrieval offers a choice without it or
    nothing: that, not the product's answer."""
    confidence = ((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
    if decision.kind == ANSWERED or own in decision.articles:
        return False
    if confidence >= UNSURE_PRODUCT and (_names_its_product(own, question)
                                         or _answered_recently(tracker, own, url)):
        return False  # "moet mijn vriendin dat apart doen?" right after the moving answer
    if confidence >= NAMED_PRODUCT and own.intent and product_asked(question) == own.intent:
        return False  # "id kaart voor mijn dochter … haar vader wil niet tekenen" (r202)
    own_fit = next((m.score for m in index.search(question, top=SIBLING_SEARCH)
                    if m.article.id == own.id), 0.0)
    # a sure model whose product the words never name ("moet ik mijn kat laten chippen en
    # registreren?" as a move, round r95) counts for no more than an unsure one
    return own_fit <= OFF_SCORE


def _names_its_product(own: Article, question: Text) -> bool:
    words = PRODUCT_WORDS.get(own.intent or "")
    return words is None or bool(words.search(question))


def _without_place(tracker: Tracker, text: Optional[Text] = None) -> Text:
    """The latest message (or the part of it asked) without the streets and number it names:
    "komen er werkzaamheden in de Kerkweg?" is about road works, and a street name is a rare
    word to retrieval ("onze grijze container is gestolen … voor Dorpsstraat 8" found no
    article: round r157 of session 51)."""
    text = text if text is not None else tracker.latest_message.get("text") or ""
    place = reading_of(tracker).location
    if place is not None and place.verified:  # "milieustraat" is no street of the register
        text = without_words(text, (*place.streets, place.house_number))
    return " ".join(text.split())


def _sibling(matches: Sequence[retrieval.Match], own: Article, question: Text = "") -> Article:
    """Within a product the intent already named, a more specific article of the same
    department that fits clearly better ("paspoort met spoed", "ID-kaart kwijtgespeeld"),
    among the question's `matches`."""
    matches = [m for m in matches if not _abroad_unasked(m.article, own, question)]
    titled = _titled_sibling(matches, own, question)
    if titled is not None:  # "id kaart is gestolen … en is het gemeentehuis zaterdag open"
        return titled
    top = matches[0] if matches else None
    if top is None or top.article.id == own.id or top.article.department != own.department \
            or top.article.intent not in (None, own.intent):
        return own
    own_score = next((m.score for m in matches if m.article.id == own.id), 0.0)
    clear = top.score >= SIBLING_SCORE and top.score - own_score >= SIBLING_MARGIN
    # the words do not fit the intent's article at all ("zoon geboren, waar aangeven?")
    off = own_score <= OFF_SCORE and top.score >= OFF_SIBLING_SCORE
    return top.article if clear or off else own


def _sibling_of_its_question(index: retrieval.Index, own: Article, question: Text
                             ) -> Optional[Article]:
    """A letter whose words together fit nothing well, with a question sentence that fits a
    more specific article ("… mijn kleinzoon komt op bezoek met de auto … Bestaat er iets
    voor bezoek?": the visitor's permit, round r150 of session 51)."""
    parts = question_parts(question)
    if parts == [question.strip()]:
        return None
    for part in parts:
        if _asks_nothing_in_particular(part):
            continue  # "MIJN RIJBEWIJS VERLOOPT … WAT MOET IK REGELEN" (round r207 of session
            # 55: the divorce, which "regelt u niet bij de gemeente")
        matches = [m for m in index.search(part, top=SIBLING_SEARCH)
                   if _fits_where_they_live(m.article, part)]
        found = _sibling(matches, own, part)
        if found.id != own.id:
            return found
    return None


_A_DOCUMENT = re.compile(rf"\b{DOCUMENT_WORDS}|\bpas\b|\bpasje\b|\bpassport|\bid\b|\blicen[cs]e",
                         re.IGNORECASE)
# An article only about a lost or stolen document ("Paspoort of ID-kaart kwijt of gestolen")
_LOST_ONLY = re.compile(r"\b(?:kwijt|gestolen)\b(?!.*\b(?:kapot|nog niet|niet ontvangen|nieuw)\b)",
                        re.IGNORECASE)
_LOST_SAID = re.compile(r"\b(?:kwijt\w*|verlo?ren|verloor|gestolen|gejat|gepikt|weg|zoek|"
                        r"lost|stolen|missing|can'?t find|cannot find)\b", re.IGNORECASE)


def _lost_document_unnamed(article: Article, question: Text) -> bool:
    """The article about a lost document for a question that names no document ("moet ik
    aangifte doen bij de politie?" about a stolen bin: round r157 of session 51 got the
    lost passport abroad)."""
    return bool(_LOST_ONLY.search(article.title)) and not _A_DOCUMENT.search(question)


def _loss_unasked(article: Article, question: Text) -> bool:
    """An article about a lost document for a question that tells no loss ("mijn dochter gaat
    mee naar Turkije, ze heeft nog geen paspoort": round r150 of session 51 got the lost
    passport abroad)."""
    return bool(_LOST_ONLY.search(article.title) and not _LOST_SAID.search(question))


def _abroad_unasked(article: Article, own: Article, question: Text) -> bool:
    """An article about abroad (its title says so) for a question that names no other
    country ("net verhuisd naar de julianastraat, moet ik me ergens inschrijven?" is no
    arrival from abroad)."""
    return (bool(question) and ABROAD in normalise(article.title)
            and ABROAD not in normalise(own.title)
            and ABROAD not in normalise(with_abroad(question))
            and not _ABROAD_WORDS.search(question))


_ABROAD_WORDS = re.compile(r"\b(?:buitenland\w*|abroad|nederland|netherlands|holland|"
                           r"emigr\w*|immigr\w*|expat\w*|verblijfsvergunning|ind)\b",
                           re.IGNORECASE)


def _titled_sibling(matches: Sequence[retrieval.Match], own: Article, question: Text
                    ) -> Optional[Article]:
    """The product's more specific article whose title names what the question says and
    the product's title does not ("gestolen": "Paspoort of ID-kaart kwijt of gestolen"),
    also when a second question in the message puts another article on top (round 88)."""
    for match in matches:
        article = match.article
        if (article.id == own.id or article.department != own.department
                or article.intent not in (None, own.intent)
                or match.score < SIBLING_SCORE - TITLED_SLACK):
            continue
        new = [word for clause in _clauses_naming(question, own)
               for word in re.findall(r"\w{6,}", clause.lower())
               if shares_a_word(article.title, word) and not shares_a_word(own.title, word)]
        if new:
            return article
    return None


def _clauses_naming(question: Text, own: Article) -> List[Text]:
    """The clauses of the question that name the product itself ("mijn id kaart is
    gestolen"; not "waar kan ik mijn oude verf kwijt")."""
    product = PRODUCT_WORDS.get(own.intent or "")
    clauses = re.split(r"[.?!,;]+|\ben\b", question, flags=re.IGNORECASE)
    return [clause for clause in clauses if product is not None and product.search(clause)]


TITLED_SLACK = 0.05


def _two_siblings(matches: Sequence[retrieval.Match], own: Article, question: Text
                  ) -> Optional[Tuple[Article, Article]]:
    """Two more specific articles of the product that fit the question about equally well and
    both clearly better than the product's own ("help mn paspoort is gestolen en ik vlieg
    overmorgen": lost or stolen, and the rush application; round 80). Of three such articles,
    the one whose title names the question's own word ("gestolen") is kept."""
    own_score = next((m.score for m in matches if m.article.id == own.id), 0.0)
    close = [m for m in matches[:3]
             if m.article.id != own.id and m.article.department == own.department
             and m.article.intent in (None, own.intent)
             and matches[0].score - m.score <= TWO_SIBLINGS_MARGIN
             and m.score >= OFF_SIBLING_SCORE and m.score - own_score >= SIBLING_MARGIN]
    if len(close) < 2 or close[0] is not matches[0] or close[1] is not matches[1]:
        return None
    titled = _titled_sibling(close[1:], own, question)
    return close[0].article, titled or close[1].article


def _record_unanswered(tracker: Tracker, intent: Optional[Text], url: str) -> None:
    """Keep the question (masked) for the knowledge-base managers; never breaks the answer."""
    try:
        from bot.knowledge.unanswered import record_unanswered

        record_unanswered(tracker.latest_message.get("text") or "", intent,
                          channel_of(tracker), url=url)
    except Exception:
        logger.warning("Unanswered question not recorded", exc_info=True)


def utter_article(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article,
                  text: Optional[Text] = None, beside: Sequence[Article] = ()) -> None:
    """The article's answer (see `_utter_the_article`), and the resident's own days it
    speaks of (see `actions.own_days`)."""
    _utter_the_article(dispatcher, tracker, article, text, beside)
    utter_own_days(dispatcher, tracker, article, text)


def _utter_the_article(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article,
                       text: Optional[Text] = None, beside: Sequence[Article] = ()) -> None:
    """The article's answer to `text` (default the latest message; short on SMS); a
    sensitive subject also offers a colleague. A short question about its cost or how long
    it takes gets only that, with the link. The same answer is never given twice in a row:
    see `answer_again`."""
    text = text or tracker.latest_message.get("text") or ""
    if _answered_just_before(tracker, article):
        answer_again(dispatcher, tracker, article, text)
        return
    aspect = None if article.sensitive else single_aspect(_the_question_itself(text))
    short = channel_of(tracker) in SHORT_CHANNELS and article.answer_sms
    # what the message tells counts too: "staat nog op naam van mijn vader die overleden is.
    # kan die op mijn naam?" (the sentence about a permit in a dead person's name)
    elsewhere = " ".join(f"{other.title} {other.answer}" for other in beside
                         if other.id != article.id)
    # a long answer opens with its core before the sentences naming what is asked (round
    # r246 of session 60: "moet ik de stoep vegen?" got only "U bent niet verplicht om te
    # vegen")
    lead = None if short or aspect else lead_for_the_product(article, text, elsewhere)
    detail = (article_detail(article, aspect, text) if aspect else lead
              or (None if article.sensitive else _what_the_question_names(article, text)
                  or mirrored_question(article, text)))  # "rijbewijs verlopen, mag ik rijden"
    if detail:
        utter(dispatcher, "utter_kb_answer_detail", title=article.title, detail=detail,
              link=article.link)
        return
    response = "utter_kb_answer_sensitive" if article.sensitive else "utter_kb_answer"
    answer = (article.answer_sms if short else article.answer).strip()
    utter(dispatcher, response, answer=answer)
    if article.cost and _asks_its_price(article, text):
        utter(dispatcher, "utter_kb_detail", detail=article.cost.strip(), link=article.link)
    if ((profile().phone in answer or article.sensitive) and _cannot_phone(tracker)
            and not any(message.get("response") == "utter_kb_no_phone"
                        for message in dispatcher.messages)):  # once for two answers
        # (the sensitive answer's own line says "Bel 14 0571" too)
        utter(dispatcher, "utter_kb_no_phone")


NAMED_ZIPF = 4.5  # "boete" (4.3) names what is asked; "straat" (5.0) does not


def _what_the_question_names(article: Article, text: Text) -> Optional[Text]:
    """"… staat nog op het oude kenteken. KRIJG IK NU EEN BOETE??": the one question names
    a word besides the article's subject that its answer holds in a sentence or two; those
    sentences answer it, not the whole article (round r95: answers too long for a phone)."""
    asked = question_parts(text)
    if len(asked) != 1:
        return None
    words = [word for word in subject_words(asked[0]).split()
             if not shares_a_word(article.title, word) and (zipf(word) or 0.0) < NAMED_ZIPF]
    return sentences_naming(article, " ".join(words)) if words else None


def _cannot_phone(tracker: Tracker) -> bool:
    """The resident said lately that calling is no way for them ("ik ben doof")."""
    return any(cannot_use_the_phone(text) for text in resident_texts(tracker)[:NO_PHONE_TURNS])


def _the_question_itself(text: Text) -> Text:
    """"wij gaan in mei trouwen en verhuizen daarna. wat kost trouwen?": the one question
    after what the resident tells (round r45: the whole wedding answer for its price)."""
    parts = [part for part in sentences(text) if part.strip()]
    if len(parts) > 1 and "?" in parts[-1] and not any("?" in part for part in parts[:-1]):
        return parts[-1]
    return text


def _asks_its_price(article: Article, text: Text) -> bool:
    """A question of the message asks the price of this article's product, not of another
    one ("wat kost een id kaart? en kan ik mijn rijbewijs verlengen" is no licence cost)."""
    told = f"{article.title} {article.answer}"

    def about_it(part: Text) -> bool:
        named = subject_words(part).split()
        return not named or any(shares_a_word(told, word) for word in named)

    return any(asks_the_price(part) and about_it(part)
               for part in question_parts(text) or [text])


def _answered_just_before(tracker: Tracker, article: Article) -> bool:
    try:
        before = previous_article(tracker)
    except Exception:  # the knowledge base is down: the answer itself will say so
        logger.warning("Previous article not found", exc_info=True)
        return False
    return before is not None and before.id == article.id


def answer_again(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article,
                 text: Text) -> None:
    """A question that leads to the article just given ("moet ik mijn kinderen apart
    inschrijven?" after the moving answer): what the article says about its words or the
    detail it asks for, else honestly that the answer is not in it, with link and phone;
    never the same text again."""
    aspect = read_aspect(text)
    detail = together(article, sentences_about(article, subject_words(text)),
                      article_detail(article, aspect, text) if aspect else None) or (
        sentences_naming(article, subject_words(text)))  # "dus krijg ik een boete of niet"
    if detail:
        utter(dispatcher, "utter_kb_detail", detail=detail, link=article.link)
    else:
        _another_or_unknown(dispatcher, tracker, article, text)


OTHER_ARTICLE_SCORE = 0.33  # "kan ik op zaterdag langskomen met mijn buurman?" (0.28): no


def _another_or_unknown(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article,
                        text: Text) -> None:
    """The one other article the words fit ("en de huurachterstand dan? 2 maanden. ben bang
    dat ik eruit moet" after the money answer: the threatened eviction, round r158 of session
    51), else honestly that the answer given does not say it."""
    reading = reading_of(tracker)
    if (tracker.active_loop.get("name") or reading.category or reading.danger
            or reading.report_question or read_aspects(text)):
        # "het water staat nu ook tegen de voordeur, kan het sneller?": more about a report,
        # no other article (round r161 of session 51: the eviction article)
        decision = retrieval.Decision("none")
    else:
        ensure_knowledge()
        decision = retrieval.live_index(DATABASE_URL).current().answer_for(text)
    if (len(decision.articles) == 1 and decision.articles[0].id != article.id
            and decision.scores[0] >= OTHER_ARTICLE_SCORE):
        utter_article(dispatcher, tracker, decision.articles[0])
    else:
        utter(dispatcher, "utter_kb_detail_unknown", title=article.title.lower(),
              link=article.link)


def detail_opening(article: Article) -> Text:
    """How utter_kb_answer_detail begins: the article's title, so a follow-up finds it."""
    return f"{article.title}: "


# Domain answers to a question the reader found, and the article that tells the same ("KOST
# DAT GELD?" after the waste-pass answer: the pass's price, round 81).
ARTICLE_OF_ANSWER = {"waste_pass": "afvalpas-kwijt", "waste_calendar": "afvalkalender",
                     "wedding": "trouwen-partnerschap",
                     # "komt er iemand langs? en kost het iets?" (round r223 of session 57)
                     "care_at_home": "wmo-hulp-huishouden"}


def _earlier_turns(tracker: Tracker) -> Iterator[Tuple[Dict[Text, Any], List[Tuple[Text, Text]]]]:
    """The resident's messages before the latest one (at most FOLLOW_UP_TURNS, the newest
    first), each with the bot's replies to it as (response name, text)."""
    said: List[Tuple[Text, Text]] = []
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if users:
                yield event, said
            users += 1
            if users > FOLLOW_UP_TURNS:
                return
            said = []
        elif event.get("event") == "bot" and users:
            said.append(((event.get("metadata") or {}).get("utter_action") or "",
                         " ".join((event.get("text") or "").split())))


def answered_article(tracker: Tracker, url: str = DATABASE_URL
                     ) -> Tuple[Optional[Article], Text, Optional[Text]]:
    """The article the bot answered with in the last few turns (a follow-up may follow a
    follow-up: "wat kost het?", then "en hoe lang duurt het?"), with the resident's message
    it answered and that message's intent. A product answer of the domain counts as the
    product's article, or (without one) as an article of its own words, so a follow-up
    never reaches past it. Without such an answer: (None, the resident's message before
    the latest, its intent)."""
    asked = [(event.get("text") or "",
              ((event.get("parse_data") or {}).get("intent") or {}).get("name"), said)
             for event, said in _earlier_turns(tracker)]
    if not asked:
        return None, "", None
    ensure_knowledge(url)
    articles = retrieval.live_index(url).current().articles
    turns = [(question, intent, turn, _articles_in(turn, articles))
             for question, intent, turn in asked]
    named = _title_named_earlier([(found[0], question, intent)
                                  for question, intent, _, found in turns if found],
                                 tracker.latest_message.get("text") or "")
    if named is not None:
        return named
    for question, intent, turn, found in turns:  # the most recent answer first
        if found:
            return found[0], question, intent
        for response, text in turn:  # a product answer of the domain (bulky waste, debts)
            if response.startswith(DOMAIN_ANSWER) and response not in NO_ANSWERS:
                topic = response[len(DOMAIN_ANSWER):]
                own = next((a for a in articles if a.intent == topic
                            or a.id == ARTICLE_OF_ANSWER.get(topic)), None)
                return own or _as_article(topic, text), question, intent
    return None, asked[0][0], asked[0][1]


def _title_named_earlier(given: Sequence[Tuple[Article, Text, Optional[Text]]], text: Text
                         ) -> Optional[Tuple[Article, Text, Optional[Text]]]:
    """"kost dat doorgeven iets?" after the moving answer and then the parking one: of the
    articles given (newest first, with the message each answered), the earlier one whose
    title the follow-up names and the latest's does not (round r125 of session 49: the
    parking permit's price)."""
    if len(given) < 2:
        return None
    words = [word for word in re.findall(r"\w{5,}", text.lower()) if word not in STOPWORDS]
    if any(shares_a_word(given[0][0].title, word) for word in words):
        return None
    return next((item for item in given[1:]
                 if any(shares_a_word(item[0].title, word) for word in words)), None)


def _articles_in(turn: List[Tuple[Text, Text]], articles: Sequence[Article]) -> List[Article]:
    """The articles the bot's messages of one turn gave, the last one first."""
    found = []
    for _, text in turn:
        for article in articles:
            answers = (article.answer, article.answer_sms or article.answer,
                       article.answer_en or article.answer)
            if article not in found and (any(" ".join(a.split()) in text for a in answers)
                                         or detail_opening(article) in text):
                found.append(article)
    return found


def articles_given(tracker: Tracker, url: str = DATABASE_URL) -> List[Article]:
    """The articles the bot answered with in the last few turns, the newest first."""
    said = [pair for _, turn in _earlier_turns(tracker) for pair in turn]
    ensure_knowledge(url)
    return _articles_in(said, retrieval.live_index(url).current().articles)


def earlier_in_the_turn(tracker: Tracker, article: Article, url: str = DATABASE_URL
                        ) -> List[Article]:
    """The other articles given in the same answer as `article` ("… een paspoort …" before
    "… maak eerst een afspraak …"): "wat kost het nou?" may be about the first (round 77)."""
    said: List[Tuple[Text, Text]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user" and said:
            break
        if event.get("event") == "bot":
            said.append(("", " ".join((event.get("text") or "").split())))
    ensure_knowledge(url)
    articles = retrieval.live_index(url).current().articles
    found = _articles_in(said, articles)
    return [other for other in found if other.id != article.id] if article in found else []


DOMAIN_ANSWER = "utter_answer_"
# "Daar heb ik zelf geen antwoord op": no answer, so a follow-up reaches past it to the
# article before ("wat kost dat" after "ik woon zelf niet in jullie gemeente", round r218)
NO_ANSWERS = ("utter_answer_municipal_question",)
THIS_SUBJECT = "dit onderwerp"  # "Dat staat niet in mijn informatie over dit onderwerp"


def _as_article(topic: Text, text: Text) -> Article:
    """The domain's answer to a topic as an article, for the follow-ups it gets ("moet ik
    daar een afspraak voor maken? en kost het geld?" after the answer about debts)."""
    link = LINK.search(text)
    return Article(id=f"{DOMAIN_ANSWER}{topic}", department="", department_name="",
                   title=THIS_SUBJECT, upl="", upl_uri="", questions=(),
                   answer=text, link=link.group() if link else str(profile().website),
                   review_by=dt.date.max)


def previous_article(tracker: Tracker, url: str = DATABASE_URL) -> Optional[Article]:
    """The article the bot answered with in the last few turns."""
    return answered_article(tracker, url)[0]


def other_articles(question: Text, article: Optional[Article], url: str = DATABASE_URL,
                   most: int = OTHERS_MAX) -> List[Article]:
    """Articles that fit the question too, besides the one that did not help. Any shared
    word will do here (not retrieval's specific-word check): the resident asks for other
    ways, and a colleague and the link come with them."""
    ensure_knowledge(url)
    matches = retrieval.live_index(url).current().search(question, top=most + 1)
    return [m.article for m in matches
            if (article is None or m.article.id != article.id)
            and m.score >= retrieval.MIN_SCORE and m.specific > 0][:most]


def record_not_helped(tracker: Tracker, article: Optional[Article], question: Text,
                      intent: Optional[Text], url: str = DATABASE_URL) -> None:
    """Keep the question whose answer did not help (masked, with the article's id) for the
    knowledge-base managers; never breaks the conversation."""
    try:
        from bot.knowledge.unanswered import record_unanswered

        record_unanswered(question, intent, channel_of(tracker), kind="not_helped",
                          article_id=article.id if article and article.department else None,
                          url=url)  # a domain answer (no department) is no article
    except Exception:
        logger.warning("Answer that did not help not recorded", exc_info=True)


def fallback_articles(text: Text, url: str = DATABASE_URL) -> Tuple[Article, ...]:
    """The articles retrieval fairly surely finds for a message the model could not place
    ("gehandicapte kaart aanvrage hoe", round r83: asked back as a parking permit). Blocking."""
    ensure_knowledge(url)
    decision = retrieval.live_index(url).current().answer_for(text)
    if decision.kind in (ANSWERED, CHOICE) and decision.scores \
            and decision.scores[0] >= FALLBACK_GUESS_SCORE:
        return decision.articles
    return ()


def choice_buttons(articles: Sequence[Article]) -> List[Dict[Text, Text]]:
    """A button per article; tapping one answers with that article."""
    return [{"title": a.title, "payload": choice_payload(a.id)} for a in articles]


MEANWHILE_MIN_WORDS = 6
MEANWHILE_CHOICE_SCORE = 0.3  # an unasked article while waiting fits at least this well


def meanwhile_articles(text: Text, said: Sequence[Text] = (),
                       url: str = DATABASE_URL) -> List[Article]:
    """While waiting for a colleague: the articles retrieval is sure of for the message and
    for each of its questions ("ik wil bezwaar maken en kan ik dat in termijnen betalen":
    both, round 86), or, for a question or money worries, the best of a choice; at most
    two, never one already said in `said`."""
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    told = " ".join(" ".join(s.split()) for s in said)
    found: List[Article] = []
    for asked in dict.fromkeys([text] + question_parts(text)):
        decision = without_eviction_untold(index.answer_for(asked), asked)
        # a question of the message only when retrieval is sure of it
        article = _meanwhile_answer(decision, asked) if asked == text else (
            decision.articles[0] if decision.kind == ANSWERED else None)
        if article is not None and article not in found \
                and " ".join(article.answer.split()) not in told:
            found.append(article)
    return found[:MAX_MEANWHILE]


MAX_MEANWHILE = 2


def _meanwhile_answer(decision: retrieval.Decision, text: Text) -> Optional[Article]:
    # a choice only for money worries, a question with a subject of its own (not "hallo? is
    # er iemand?" or "duurt het nog lang?"), or one candidate for a question ("en die
    # termijnen dan??")
    # ... and a close fit ("is het nu bij de melding gezet of niet?" is no eviction, round r86)
    asks = read_question(text) == "money_worries" or is_question(text) and (
        len(text.split()) >= MEANWHILE_MIN_WORDS or len(decision.articles) == 1) and (
        decision.scores[0] >= MEANWHILE_CHOICE_SCORE if decision.scores else False)
    # "parkeervergunning kenteken wijzigen" (round r250 of session 60: only "added to your
    # message"): a good fit whose title the words name
    named = (decision.kind == CHOICE and decision.scores[0] >= retrieval.ANSWER_SCORE
             and _names_its_title(decision.articles[0], text))
    if decision.kind == ANSWERED or decision.kind == CHOICE and (asks or named):
        return decision.articles[0]
    return None


# "Huurtoeslag regelt u niet bij de gemeente, maar bij Dienst Toeslagen": another
# organisation's subject, said so in the answer's first sentence.
_NOT_OURS = re.compile(r"\bniet (?:bij )?de gemeente\b", re.IGNORECASE)


def not_ours_article(text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """The article of a subject another organisation handles, when the words name it in
    the article's title ("ik wil iemand spreken over mijn huurtoeslag"). Blocking."""
    subject = subject_of_the_request(text)
    if subject == text:
        return None  # no "iemand spreken over …": nothing to say before the handover
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    decision = index.answer_for(subject)
    if decision.kind not in (ANSWERED, CHOICE):
        return None
    article = decision.articles[0]
    first, _ = first_sentence(" ".join(article.answer.split()))
    named = decision.kind == ANSWERED or index.named_in_the_title(text, article)
    return article if named and _NOT_OURS.search(first) else None


def is_domain_answer(article: Article) -> bool:
    """An answer of the domain taken as an article (`_as_article`), not one of the base."""
    return article.id.startswith(DOMAIN_ANSWER)


def article_of_page(link: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """The knowledge base's article about the page a domain answer links to. Blocking."""
    ensure_knowledge(url)
    return next((a for a in retrieval.live_index(url).current().articles
                 if a.link == link.rstrip(".,")), None)


def article_for_intent(tracker: Tracker, url: str = DATABASE_URL) -> Optional[Article]:
    """The article of the latest product the resident asked about (its intent), for an
    English conversation, whose answers come from the domain. Blocking."""
    ensure_knowledge(url)
    articles = retrieval.live_index(url).current().articles
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        found = next((a for a in articles if intent and a.intent == intent), None)
        if found is not None:
            return found
    return None


def named_product_article(before: Optional[Article], text: Text,
                          url: str = DATABASE_URL) -> Optional[Article]:
    """"parkeervergunning nieuwstraat hoeveel kost?" after the moving answer: the article of
    the one product the question names by its words, when that is not the answer's own
    (round r131 of session 49: "Gratis.", the cost of reporting a move). Blocking."""
    if before is None:
        return None
    ensure_knowledge(url)
    articles = retrieval.live_index(url).current().articles
    # named where it asks, not told beside it ("… wat kost het? ik heb geen auto"; "hoe lang
    # duurt het. ik moet maandag werken met de auto" after the driving licence, round r206 of
    # session 55: the parking permit's handling time)
    asked = (" ".join(part for part in sentences(text) if "?" in part)
             or " ".join(part for part in sentences(text) if is_question(part)) or text)
    # "hoe lang duurt zoiets gemiddeld, ze slaapt nu beneden op de bank" after the home
    # adaptation answer (round r212 of session 55: the bulky waste's waiting time)
    # ... but "tweede auto op zelfde adres, kan dat en wat kost dat": what the question
    # points back to comes before it
    clauses = re.split(r"[,;]\s*", asked)
    kept = [clause for n, clause in enumerate(clauses) if is_question(clause) or any(
        is_question(later) and _LEANS_ON.search(later) for later in clauses[n + 1:])]
    asked = " ".join(kept) or asked
    # not one the answer itself speaks of ("… moet ik zijn paspoort inleveren?" after the
    # death answer that tells what to do with the passport), unless its price is asked: the
    # answer's own price is its own product's
    named = [intent for intent, words in PRODUCT_WORDS.items() if words.search(asked)
             and not rules_out_the_product(text, intent)]
    if before.intent in named or _names_its_title(before, asked):
        return None
    costs = COST in read_aspects(text)
    own = [article for intent in named for article in articles if article.intent == intent
           and (costs or not PRODUCT_WORDS[intent].search(before.answer))]
    return own[0] if len(own) == 1 else None


# Title words that say what is done, not with what: "Paspoort of ID-kaart aanvragen".
def _names_its_title(article: Article, text: Text) -> bool:
    """"wat kost die mantelzorgvergunning?" after "Parkeren voor thuiszorg en mantelzorg": a
    word of the question holds a word of the answer's title (round r141 of session 50: the
    price of the residents' permit)."""
    title = [word for word in re.findall(r"\w{5,}", article.title.lower())
             if word not in WHAT_IS_DONE]
    return any(word in asked for asked in re.findall(r"\w{5,}", text.lower()) for word in title)


def own_subject(text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """The article a question is about by its own words, when retrieval is sure of one and
    the words besides the aspect name it: not the bulky-waste article for "kan mijn zoon
    het ophalen?", where "ophalen" belongs to the aspect."""
    ensure_knowledge(url)
    decision = retrieval.live_index(url).current().answer_for(text)
    words = subject_words(text).split()
    if (decision.kind == CHOICE and decision.scores[0] >= retrieval.ANSWER_SCORE - MARGIN_BELOW
            and _titled_alone(decision.articles, words)):
        # "kan ik nu kwijtschelding krijgen met alleen AOW?": the one article whose title
        # names the subject (round 87: "Dat staat niet in mijn informatie")
        return decision.articles[0]
    if decision.kind != ANSWERED:
        return None
    found = decision.articles[0]
    return found if names_any(found, words) else None


MARGIN_BELOW = 0.05  # how far below an answer's score a titled choice may stay
RARE_ZIPF = 3.5  # a word less frequent than this names a subject ("kwijtschelding": 2.7)
COMMON_ZIPF = 6.0  # a word this frequent names none ("maken": 6.1, "doen": 6.1)


def _titled_alone(articles: Sequence[Article], words: Sequence[Text]) -> bool:
    """Only the first article's title holds a subject word that is no everyday word
    ("kwijtschelding"; not "afspraak", which many questions have)."""
    rare = [word for word in words if _rare(word)]

    def titled(article: Article) -> bool:
        return any(shares_a_word(article.title, word) for word in rare)
    return bool(articles) and titled(articles[0]) and not any(map(titled, articles[1:]))


def _about(article: Article) -> Text:
    """What an article is about: its title and its questions."""
    return f"{article.title} {' '.join(article.questions)}"


def names_any(article: Article, words: Sequence[Text]) -> bool:
    """The article's title or questions hold one of the words (of 4 letters or more)."""
    about = _about(article)
    return any(shares_a_word(about, word) for word in in_dutch_words(" ".join(words)).split()
               if len(word) >= 4)


# How well a sibling article must fit "<the article's title> <the follow-up>".
RELATED_SCORE = 0.4


def related_article(before: Article, text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """"En voor mijn kinderen ook?" after the passport answer: the article of the same
    department about that person (the child's passport), when the article given is not."""
    person = person_of(text) if OTHERS in read_aspects(text) or for_a_child(text) else None
    if person is None:
        return None
    ensure_knowledge(url)
    return _about_the_person(retrieval.live_index(url).current(), before, person, text)


def _about_the_person(index: retrieval.Index, before: Article, person: Text,
                      text: Text) -> Optional[Article]:
    """The article of `before`'s department about `person`, fitting `text` with its title."""
    if shares_a_word(before.answer, person):
        return None  # the answer given already is about them
    about_person, with_subject = index.word_scores(person), index.scores(f"{before.title} {text}")
    fitting = [n for n, article in enumerate(index.articles)
               if article.department == before.department and about_person[n] > 0
               and with_subject[n] >= RELATED_SCORE]
    # an article whose title names them is about them; travelling only mentions children
    titled = [n for n in fitting if shares_a_word(index.articles[n].title, person)]
    best = max(titled or fitting, key=lambda n: with_subject[n], default=None)
    return index.articles[best] if best is not None else None


def article_of_what_is_asked(before: Article, text: Text,
                             url: str = DATABASE_URL) -> Optional[Article]:
    """"ok afspraak maken hoe?" after the DigiD answer, which says nothing of appointments
    (round r210 of session 55: "Dat staat niet in mijn informatie over digid"): the article
    retrieval finds well for the words alone, when its title names one of them."""
    ensure_knowledge(url)
    decision = retrieval.live_index(url).current().answer_for(text)
    if not decision.articles or decision.scores[0] < retrieval.ANSWER_SCORE:
        return None
    top = decision.articles[0]
    title = top.title.lower()
    named = any(word in title for word in re.findall(r"[^\W\d_]{4,}", text.lower()))
    return top if named and top.id != before.id else None


NAMED_ELSEWHERE_SCORE = 0.3  # how well an article must fit a question that names its subject
THING_ZIPF = 4.0  # a word this rare names a thing ("kliko": 2.5), not "verklaring" (4.7)


def article_named_instead(before: Article, text: Text,
                          url: str = DATABASE_URL) -> Optional[Article]:
    """"o en we hebben hier nog geen kliko staan, waar vraag ik die aan?" after the parking
    answer (own try, session 64: a sentence of the parking article about what "staat"):
    the article retrieval puts first, when it names a subject word of the question that
    the article given does not (not an everyday word: "stopt die automatisch?" after the
    parking answer is no question about the direct debit)."""
    named = [word for word in subject_words(text).split() if (zipf(word) or 0) < THING_ZIPF]
    if not named or names_any(before, named):
        return None
    ensure_knowledge(url)
    decision = retrieval.live_index(url).current().answer_for(text)
    if not decision.articles or decision.scores[0] < NAMED_ELSEWHERE_SCORE:
        return None
    top = decision.articles[0]
    return top if top.id != before.id and names_any(top, named) else None


_A_NEW_ONE = re.compile(r"\b(?:een nieuwe?|nieuw exemplaar|met spoed|spoed\w*|a new one)\b",
                       re.IGNORECASE)


def sibling_that_tells(before: Article, text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """"hoelang duurt dat bij het cbr dan" after the licence answer, whose sentence about the
    CBR says nothing of how long (round r207 of session 55: the licence's 5 working days): the
    article of the same department that names the words asked and tells what is asked."""
    # the words of the sentence that asks it: not "ik ben 72, moet ik naar de dokter" beside
    # "hoe lang duurt het?" (the licence's own answer, round 34)
    asking = " ".join(part for part in (question_parts(text) or [text]) if read_aspects(part))
    named = [word for word in subject_words(asking).split() if (zipf(word) or 0) < GENERIC_ZIPF]
    aspects = read_aspects(text)
    if not aspects or any(word in (article_detail(before, aspect, text) or "").lower()
                          for aspect in aspects for word in named):
        return None
    if not named and (all(article_detail(before, aspect, text) for aspect in aspects)
                      or not _A_NEW_ONE.search(text)):
        return None
    # nothing named: "hoe snel heb ik een nieuwe? kan het met spoed" after the stolen licence,
    # which says nothing of it: the article of the same product (a title word shared) that does
    product = re.findall(r"[^\W\d_]{5,}", before.title.lower())[:1]  # "Rijbewijs kwijt …"
    ensure_knowledge(url)
    for article in retrieval.live_index(url).current().articles:
        body = " ".join((article.title, article.answer, *article.questions)).lower()
        about = (all(word in body for word in named) if named
                 else any(word in article.title.lower() for word in product))
        if (article.id != before.id and article.department == before.department and about
                and all(article_detail(article, aspect, text) for aspect in aspects)):
            return article
    return None


def context_article(before: Article, text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """The article of the same department that a follow-up read together with the answer
    given fits best, when that is another one: "hij is gestolen" after the passport answer
    is about a lost passport; "en een gewone aanvraag?" after the rush answer is about the
    ordinary one (then the answer given is left out)."""
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    if asks_the_ordinary(text) or asks_for_oneself(text) and shares_a_word(before.title,
                                                                            "kind"):
        return _product_article(index, before)
    matches = index.search(f"{before.title} {text}", top=SIBLING_SEARCH)
    fitting = [m for m in matches if m.article.department == before.department]
    best = fitting[0] if fitting and fitting[0].score >= RELATED_SCORE else None
    if best is not None and best.article.id == before.id:
        # "kosten? en ben m kwijt ook" after the licence answer: the next one that fits and
        # names in its title a word the answer given lacks; else "kan het met spoed?" by its
        # own words
        runner_up = next((m.article for m in fitting[1:] if m.score >= RELATED_SCORE
                          and any(shares_a_word(m.article.title, word)
                                  for word in _new_words(before, m.article, text))), None)
        return runner_up or _named_sibling(index, before, text)
    if best is None or not _new_words(before, best.article, text):
        return None  # "wat kost het rijbewijs?" after the licence answer: that one
    return best.article


def abroad_article(before: Article, text: Text, url: str = DATABASE_URL) -> Optional[Article]:
    """"Is dat paspoort ook geldig in Turkije?" after the passport answer: a country named,
    so the article of the same department about abroad that fits best, when the answer
    given says nothing about abroad. "En het belgisch paspoort voor hem, kan dat bij jullie?"
    after the birth answer (round r165): the embassy's."""
    if another_countrys_document(text) and EMBASSY not in normalise(before.answer):
        ensure_knowledge(url)
        return _embassy_article(retrieval.live_index(url).current(), before, text)
    if with_abroad(text) == text or _speaks_of_abroad(before):
        return None
    ensure_knowledge(url)
    matches = retrieval.live_index(url).current().search(f"{before.title} {text}",
                                                         top=SIBLING_SEARCH)
    return next((m.article for m in matches if m.article.department == before.department
                 and _speaks_of_abroad(m.article) and _fits_where_they_live(m.article, text)),
                None)


def _fits_where_they_live(article: Article, question: Text) -> bool:
    """An article for residents living abroad only for a question that says so ("ik woon in
    Portugal"), not for a passport stolen on holiday in Barcelona."""
    return not about_living_abroad(article.title) or lives_abroad(question)


EMBASSY = "ambassade"


def _as_asked(tracker: Tracker, question: Text) -> Text:
    """The question, and in English also as typed (its Dutch search words lose "Polish")."""
    if tracker.get_slot("language") != "en":
        return question
    return f"{question} {tracker.latest_message.get('text') or ''}"


def _embassy_article(index: retrieval.Index, article: Article, question: Text
                     ) -> Optional[Article]:
    """The article of the same department that sends a foreign document to the embassy."""
    matches = index.search(f"{question} {EMBASSY}", top=SIBLING_SEARCH)
    return next((m.article for m in matches if m.article.department == article.department
                 and EMBASSY in normalise(f"{m.article.title} {m.article.answer}")
                 and not _speaks_of_abroad(m.article)), None)


def _speaks_of_abroad(article: Article) -> bool:
    return ABROAD in normalise(f"{_about(article)} {article.answer}")


OWN_WORDS_SCORE = 0.3  # a follow-up's own words find a sibling article from this score


def _named_sibling(index: retrieval.Index, before: Article, text: Text) -> Optional[Article]:
    """The article of the same department that the follow-up's own words find, when it
    names something ("spoed") that article is about and the answer given does not hold."""
    found = next((m for m in index.search(text, top=3)
                  if m.article.department == before.department), None)
    if found is None or found.article.id == before.id or found.score < OWN_WORDS_SCORE:
        return None
    return found.article if _new_words(before, found.article, text) else None


def _new_words(before: Article, other: Article, text: Text) -> List[Text]:
    """The follow-up's own words that the other article is about and the answer given
    does not hold ("gestolen" after the passport answer)."""
    about = _about(other)
    return [word for word in subject_words(text).split()
            if shares_a_word(about, word) and not shares_a_word(before.answer, word)
            # "hoe lang heb ik om bezwaar te maken" after the objection answer ("Maak …
            # bezwaar"): "maken" tells no subject (round r150 of session 51: WOZ objection)
            and (zipf(word) or 0.0) < COMMON_ZIPF and word not in _NO_SUBJECT]


# "wat kost dat allemaal bij elkaar?" after the passport answer: no divorce ("uit elkaar")
_NO_SUBJECT = frozenset(("elkaar", "allemaal", "eigenlijk", "samen", "allebei", "beide"))


def _product_article(index: retrieval.Index, variant: Article) -> Optional[Article]:
    """The product's own article (one an intent answers with) that a variant of it is
    closest to: "Snel een paspoort of ID-kaart nodig" → applying for one."""
    matches = index.search(variant.title, top=SIBLING_SEARCH)
    return next((m.article for m in matches if m.article.id != variant.id
                 and m.article.intent and m.article.department == variant.department), None)


def named_apart(own: Article, before: Optional[Article], named: Text, said: Text = "") -> bool:
    """The question names what `own` is about (its title or questions), which `before` only
    mentions in its answer: "GEZONDHEIDSVERKLARING?? hoe lang duurt dat" after the licence
    answer that tells one is needed from 75."""
    words = _words_beyond_the_answer(own, before, named, said)
    if before is None or not names_any(own, words):
        return False
    # "ik verhuis niet. bezoekersvergunning, wat kost dat?" after the resident's permit
    # (round r95): a rare word only `own` is about, whatever else the question names
    return not names_any(before, words) or any(
        _rare(word) and names_any(own, [word]) and not names_any(before, [word])
        for word in words)


def names_beyond_the_answer(own: Article, before: Optional[Article], named: Text,
                            said: Text = "") -> bool:
    """The question names `own` by words of its own, not only by words taken from the
    answer just given (`said`: the bot's words of the turn before) or by an adjective of
    `own`'s title without its noun."""
    return names_any(own, _words_beyond_the_answer(own, before, named, said))


def _words_beyond_the_answer(own: Article, before: Optional[Article], named: Text,
                             said: Text) -> List[Text]:
    told = f"{before.answer if before else ''} {said}"
    return [word for word in named.split() if (zipf(word) or 0.0) < COMMON_ZIPF
            and not _echoes(told, word) and not _only_as_its_modifier(own, word)]


ECHO_ZIPF = 4.0  # an everyday word taken from the answer just given points back at it


def _echoes(told: Text, word: Text) -> bool:
    """"stopt automatisch?" after "Uw oude vergunning stopt dan" (round r263 of session 62:
    the direct debit that "stops"): an everyday word of the answer just given asks about
    that answer. A rare one ("gezondheidsverklaring") names what it only mentioned."""
    return (zipf(word) or 0.0) >= ECHO_ZIPF and shares_a_word(told, word)


def _only_as_its_modifier(article: Article, word: Text) -> bool:
    """"automatisch" names no "Automatische incasso": the article has the word only as the
    inflected adjective before its noun, the question only as an adverb."""
    if word.lower().endswith("e") or len(word) < 6:
        return False
    forms = re.findall(rf"\b{re.escape(word.lower())}\w*", _about(article).lower())
    return bool(forms) and all(form == f"{word.lower()}e" for form in forms)


def _rare(word: Text) -> bool:
    return len(word) >= 5 and (zipf(word) or 0.0) < RARE_ZIPF


def about_the_answer(before: Optional[Article], named: Text, text: Text) -> bool:
    """"De aanslag kwam in februari, is het nu te laat?" after the WOZ answer: the question
    names a word of that answer and asks what it tells, so retrieval's own pick (the taxes
    overview) is not the better answer."""
    if before is None or not named:
        return False
    told = f"{before.title} {before.answer}"
    return any(shares_a_word(told, word) for word in named.split()) and any(
        article_detail(before, aspect, text) for aspect in read_aspects(text))


class OtherAnswers(NamedTuple):
    """The other questions of a message: those with one answer, and those with a choice."""
    sure: List[Tuple[Article, Text]]
    unsure: List[Tuple[Tuple[Article, ...], Text]]


def other_questions(parts: Sequence[Text], said: Text, intent: Optional[Text],
                    url: str = DATABASE_URL, product: Optional[Text] = None,
                    message: Text = "") -> OtherAnswers:
    """The articles the knowledge base is sure of for the separate questions of a message,
    with each question, leaving out the product of the intent and what `said` holds (the
    answers given to the message already); a question it is unsure of, with the articles to
    choose from, so it is not dropped. A question that only asks a detail ("en wat kost
    een nieuwe?") is about the message's `product` (its intent); one that points back ("moet
    ik dat doorgeven?") is read with the sentence of the `message` before it. Blocking."""
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    own = next((a for a in index.articles if product and a.intent == product), None)
    found: List[Tuple[Article, Text]] = []
    unsure: List[Tuple[Tuple[Article, ...], Text]] = []
    for part in parts:
        if _asks_nothing_in_particular(part):
            continue  # "… ik word 75. wat moet ik allemaal regelen": the divorce (r207)
        aspect = single_aspect(part) if not subject_words(part) else None
        if aspect and own is not None:
            detail = article_detail(own, aspect, part)
            if detail and not all(" ".join(sentence.split()) in said
                                  for sentence in sentences(detail)):
                found.append((own, part))
            continue
        decision = without_eviction_untold(
            index.answer_for(_with_what_it_leans_on(part, message)), part)
        # a product's own article that fits well is its answer, as its intent would give
        fits = decision.kind == CHOICE and decision.scores[0] >= retrieval.ANSWER_SCORE \
            and decision.articles[0].intent is not None
        article = decision.articles[0] if decision.kind == ANSWERED or fits else None
        if article is None:
            if decision.kind == CHOICE and subject_words(part) and not any(
                    _told(candidate, said) or (intent and candidate.intent == intent)
                    for candidate in decision.articles) and not _detail_told(part, said) \
                    and not _leans_on_the_answer(part, said):
                unsure.append((decision.articles, part))
            continue
        if (intent and article.intent == intent) or _told(article, said) \
                or any(article.id == other.id for other, _ in found):
            continue
        found.append((article, part))
    return OtherAnswers(found, unsure)


# "zo'n aanvraag": words that name the procedure just answered, not a subject of its own.
_PROCEDURE_WORDS = frozenset("aanvraag aanvragen procedure verzoek behandeling vergunning "
                             "application request permit".split())
# What an answer says when it tells how long something takes or what it costs.
_DETAIL_IN_ANSWER = {
    "duration": re.compile(r"\b\d+\s+(?:werk)?(?:dagen|weken|maanden)\b|\b(?:weeks|days)\b",
                           re.IGNORECASE),
    "cost": re.compile(r"€|\beuro\b|\bgratis\b|\bfree\b", re.IGNORECASE)}


def _detail_told(part: Text, said: Text) -> bool:
    """"En hoe lang duurt zo'n aanvraag ongeveer?" beside an answer that says "binnen 8
    weken": told already, no choice of other articles (round 81)."""
    told = _DETAIL_IN_ANSWER.get(single_aspect(part) or "")
    return (told is not None and set(subject_words(part).split()) <= _PROCEDURE_WORDS
            and bool(told.search(said)))


def _leans_on_the_answer(part: Text, said: Text) -> bool:
    """"… en kan mijn man het ook ophalen?" beside the passport answer that says who may
    collect it (own try, session 46: "Grofvuil laten ophalen?" offered): the question points
    back at the product and its words are in the answer given."""
    return bool(_POINTS_AT_IT.search(part)) and any(
        shares_a_word(said, word) for word in subject_words(part).split() if len(word) >= 5)


def _told(article: Article, said: Text) -> bool:
    """The article's title or one of its answers (the English one too: round r225 of
    session 57 gave it twice in one turn) is in what was said."""
    return article.title in said or any(
        " ".join(answer.split()) in said for answer in (article.answer, article.answer_en)
        if answer)


_ASPECTS_OF_THE_DAY = frozenset({DURATION, LATE, VALIDITY})


def answer_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker,
                     article: Article, titled: bool = False) -> None:
    """"En wat kost het?" after an article: what it says about that, or where to look;
    `titled`: under the article's title (it is not the one just answered). The resident's
    own days first, when the text names them."""
    if utter_own_days(dispatcher, tracker, article) and not set(read_aspects(
            tracker.latest_message.get("text") or "")) - _ASPECTS_OF_THE_DAY:
        return  # "ik heb hem vrijdag aangevraagd", "15 januari, kan het al?": the days
    _answer_the_follow_up(dispatcher, tracker, article, titled)


def _answer_the_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker,
                          article: Article, titled: bool = False) -> None:
    text = tracker.latest_message.get("text") or ""
    aspects = read_aspects(text)
    details = [article_detail(article, aspect, text) for aspect in aspects]
    # "wat is het normale bedrag dan?" after the lost passport (round r162): the product's;
    # only when the answer itself points there (a variant without a price of its own may
    # cost something else: the embassy's passport, a business permit, round r179)
    elsewhere = [aspect for aspect, detail in zip(aspects, details)
                 if detail is not None and _POINTS_ELSEWHERE.search(detail)]
    product = (_product_told(article, elsewhere, text)
               if elsewhere and len(elsewhere) == len(aspects) else None)
    if details:  # "wat kost dat? en kan ik morgen al terecht": the part without an aspect too
        details += [sentences_naming(article, subject_words(part)) for part in question_parts(text)
                    if not read_aspects(part) and subject_words(part)]
    told = together(article, *details)
    if not told and product is None:  # "en hoeveel getuigen mogen er dan bij?": about them
        # ... or about what the message told before it asks ("ik heb een leaseauto vd zaak,
        # staat niet op mijn naam. kan dat wel?", round r227 of session 57)
        told = together(article, *(sentences_naming(article, subject_words(part)
                                                    or subject_words(text))
                                   for part in question_parts(text) or [text]))
        if not told and _asks_only_the_product(article, text):
            # "ik rij een leaseauto van de zaak … kan ik dan wel een vergunning krijgen?"
            # (round r275): the question names only the product, the sentence before tells
            told = sentences_naming(article, subject_words(text))
    if told and _only_repeats(tracker, told):
        # "moet mijn man ook mee? we zijn gescheiden … hij woont in breda" got "Uw kind komt
        # zelf mee" again (round r229 of session 58): the sentences of its own words, if new
        own = together(article, sentences_naming(article, subject_words(text)))
        told = own if own and not _only_repeats(tracker, own) else told
    if told:  # "hoeveel dagen en hoeveel euro?": both
        if titled:
            utter(dispatcher, "utter_kb_answer_detail", title=article.title, detail=told,
                  link=article.link)
        else:
            utter(dispatcher, "utter_kb_detail", detail=told, link=article.link)
        if None in details:  # "waar is die en wat kost het?": the price, and not the place
            utter(dispatcher, "utter_kb_detail_partly_unknown")
    if product is not None:
        utter(dispatcher, "utter_kb_answer_detail", title=product[0].title,
              detail=product[1], link=product[0].link)
    elif not told:
        _another_or_unknown(dispatcher, tracker, article, text)


def _asks_only_the_product(article: Article, text: Text) -> bool:
    """Each question of the text names nothing but the article's product ("kan ik dan wel een
    vergunning krijgen?" after the parking permit)."""
    parts = question_parts(text)
    return bool(parts) and all(
        subject_words(part) and all(word in article.title.lower()
                                    for word in subject_words(part).split())
        for part in parts)


def said_just_before(tracker: Tracker) -> Text:
    """The bot's messages in answer to the resident's message before the latest."""
    before = next(_earlier_turns(tracker), None)
    return " ".join(text for _, text in before[1]) if before else ""


def _only_repeats(tracker: Tracker, told: Text) -> bool:
    """Every sentence of `told` is in the bot's answer to the message before."""
    said = said_just_before(tracker)
    return bool(said) and all(sentence in said for sentence in
                              re.split(r"(?<=[.!?])\s+", " ".join(told.split())) if sentence)


# What a title says is done with a product, not which product it is
_TITLE_VERBS = frozenset(("aanvragen", "regelen", "melden", "doorgeven", "verlengen", "ophalen",
                          "krijgen", "betalen", "inleveren", "wijzigen", "aanpassen", "opvragen"))
# "Een nieuw document kost het normale bedrag": the amount is in the product's own article
_POINTS_ELSEWHERE = re.compile(r"\b(?:normale|gewone|standaard)\s+(?:bedrag|prijs|tarief|kosten)\b"
                               r"|\b(?:normal|usual|standard)\s+(?:price|fee|amount)\b",
                               re.IGNORECASE)


def _product_told(article: Article, aspects: List[Text], text: Text
                  ) -> Optional[Tuple[Article, Text]]:
    """What the product's own article says of the aspects a variant of it leaves out: the
    price of a passport after the lost-passport answer; None when it says nothing either."""
    if not aspects or article.intent:
        return None
    ensure_knowledge()
    product = _product_article(retrieval.live_index(DATABASE_URL).current(), article)
    if product is None or not any(shares_a_word(article.title, word)
                                  for word in product.title.split()
                                  if len(word) >= 5 and word.lower() not in _TITLE_VERBS):
        # a product of its own title's, not just of the same department ("Respijtzorg
        # aanvragen" is no variant of "Parkeervergunning aanvragen", round r179: its price)
        return None
    told = together(product, *(article_detail(product, aspect, text) for aspect in aspects))
    return (product, told) if told else None


def utter_choice(dispatcher: CollectingDispatcher, articles: tuple,
                 response: Text = "utter_kb_choose") -> None:
    utter(dispatcher, response, buttons=choice_buttons(articles))


def without_loss_unasked(decision: retrieval.Decision, text: Text) -> retrieval.Decision:
    """A choice without the articles about a death when the resident speaks of none ("onze
    zoon is gisteren geboren": not "Overlijden aangeven" as a button beside the birth)."""
    if decision.kind != CHOICE or _LOSS.search(text or ""):
        return decision
    kept = [(article, score) for article, score in zip(decision.articles, decision.scores)
            if not _LOSS.search(f"{article.title} {article.id}")]
    if not kept or len(kept) == len(decision.articles):
        return decision
    return retrieval.Decision(CHOICE, tuple(a for a, _ in kept), tuple(s for _, s in kept))


# An eviction is only answered when the message speaks of one: "kan die vergunning op mijn
# naam gezet worden?" is none (round r223 of session 57: "Dreigt u uit uw huis gezet …?")
_EVICTION_ARTICLE = "dreigende-huisuitzetting"
_SPEAKS_OF_EVICTION = re.compile(
    r"\b(?:uit (?:\w+ )?(?:huis|woning)|op straat|huisuitzetting|uitzetting|uitgezet|ontruim\w*|"
    r"huurachterstand|huur|dakloos|evict\w*)\b", re.IGNORECASE)


def without_eviction_untold(decision: retrieval.Decision, text: Text) -> retrieval.Decision:
    """The decision without the eviction article when the message speaks of none."""
    if _SPEAKS_OF_EVICTION.search(text or "") or not any(
            article.id == _EVICTION_ARTICLE for article in decision.articles):
        return decision
    kept = [n for n, article in enumerate(decision.articles) if article.id != _EVICTION_ARTICLE]
    if not kept:
        return retrieval.Decision("none")
    return retrieval.Decision(decision.kind, tuple(decision.articles[n] for n in kept),
                              tuple(decision.scores[n] for n in kept) if decision.scores else ())


def answer_from_knowledge(dispatcher: CollectingDispatcher, tracker: Tracker,
                          decision: retrieval.Decision) -> Optional[Text]:
    """Utters the decision; returns its kind, or None when the knowledge base had nothing."""
    text = tracker.latest_message.get("text") or ""
    decision = without_eviction_untold(without_loss_unasked(decision, text), text)
    if decision.kind in (ANSWERED, CHOICE) and "bsn" in reading_of(tracker).personal_data:
        utter(dispatcher, "utter_bsn_not_needed")  # "mijn bsn is …, ligt mijn paspoort klaar?"
    if _tells_a_loss(tracker, decision):  # "mijn man is vorige maand overleden en nu …"
        utter(dispatcher, "utter_ack_loss")
    if decision.kind == ANSWERED:
        for article in decision.articles:  # more than one: chosen, or one per question asked
            utter_article(dispatcher, tracker, article, beside=decision.articles)
        return ANSWERED
    if (decision.kind == CHOICE and decision.scores[0] >= retrieval.ANSWER_SCORE
            and len(decision.articles) > 1):
        # a good fit with close neighbours: its answer, and the others to choose from; not
        # beside a death or another sensitive answer ("Scheiden" under the condolences)
        utter_article(dispatcher, tracker, decision.articles[0])
        if decision.articles[0].sensitive:
            return ANSWERED
        utter_choice(dispatcher, decision.articles[1:], "utter_kb_alternatives")
        return CHOICE
    first = decision.articles[0] if decision.articles else None
    if (decision.kind == CHOICE and first.sensitive
            and (len(decision.articles) == 1 or _LOSS.search(f"{first.title} {first.id}"))
            and tells_a_death(text)):
        # "mijn vader is vannacht overleden": the answer with condolences, not "is this it?"
        # nor a choice beside the regiotaxi
        utter_article(dispatcher, tracker, decision.articles[0])
        return ANSWERED
    if decision.kind == CHOICE:
        utter_choice(dispatcher, decision.articles,
                     "utter_kb_choose" if len(decision.articles) > 1 else "utter_kb_choose_one")
        return CHOICE
    return None


def _tells_a_loss(tracker: Tracker, decision: retrieval.Decision) -> bool:
    """A death told beside the question, the answer not saying it already, and not said
    before in this conversation (round 93, own try: a widow's dog-tax question got only
    buttons)."""
    return (decision.kind in (ANSWERED, CHOICE) and tells_a_loss(tracker)
            and not any(article.sensitive and _LOSS.search(f"{article.title} {article.id}")
                        for article in decision.articles[:1]))


def tells_a_loss(tracker: Tracker) -> bool:
    """The latest message tells of a death, and the bot has not said its condolences yet."""
    said = [event.get("metadata", {}).get("utter_action") for event in tracker.events
            if event.get("event") == "bot"]
    return (tells_a_death(tracker.latest_message.get("text") or "")
            and "utter_ack_loss" not in said)


_POINTS_AT_IT = re.compile(r"\b(?:hem|hij|ie|het|die|dat|deze|dit|ze)\b", re.IGNORECASE)


SIDE_SCORE, SIDE_MARGIN = 0.3, 0.08  # a side question's article must stand out this clearly


def _clear_answer(decision: retrieval.Decision) -> retrieval.Decision:
    """An answer, or a choice whose first article clearly leads; else none: a side question
    gets no half-fitting article ("Kunt u mij bellen?" got the eviction article, round 83)."""
    scores = decision.scores
    if decision.kind == CHOICE and scores and scores[0] >= SIDE_SCORE and (
            len(scores) == 1 or scores[0] - scores[1] >= SIDE_MARGIN):
        return retrieval.Decision(ANSWERED, decision.articles[:1], scores[:1])
    return decision if decision.kind == ANSWERED else retrieval.Decision("none")


def _one_of(choice: retrieval.Decision, with_context: retrieval.Decision) -> retrieval.Decision:
    """The article the question with the report's words clearly points to, if it was one of
    the close ones; else none."""
    clear = _clear_answer(with_context)
    if clear.kind == ANSWERED and clear.articles[0].id in {a.id for a in choice.articles}:
        return clear
    return retrieval.Decision("none")


_LEAD = re.compile(r"^\W*(?:(?:en|o|oh|ook|maar)\W+)?(?:trouwens|btw|by the way)\W+", re.IGNORECASE)


def _of_the_answer_before(tracker: Tracker, question: Text) -> Optional[Tuple[Text, Text]]:
    """"hoeveel duurder is die 2e dan? oh en trouwens, de parkeerautomaat …" after the
    permit answer (round r229 of session 58: only the report): what the article answered
    just before says of the aspect asked, under its title; None when the question names
    another product or no aspect."""
    aspects = read_aspects(question)
    if (not aspects or product_asked(question) is not None
            or read_report_question(question) is not None):  # "hoe lang duurt het?": the report's
        return None
    before = next(_earlier_turns(tracker), None)
    article, answered, _ = answered_article(tracker)
    if article is None or before is None or answered != (before[0].get("text") or ""):
        return None  # only the answer just given
    told = together(article, *(article_detail(article, aspect, question) for aspect in aspects))
    return (f"{detail_opening(article)}{told}", article.link) if told else None


async def side_answer(tracker: Tracker, question: Text, about: Text = "",
                      intent: Text = "municipal_question") -> Optional[Tuple[Text, Text]]:
    """(detail, link) from the knowledge base for a question asked beside a report ("Trouwens,
    hoe kan ik zelf grofvuil laten ophalen?"), or None; in English the article's English
    answer.
    `about`: the report's words, for a question that points at it ("moet ik hem laten
    staan?"); `intent`: the product the model heard in it, if any."""
    if asks_to_act_on_it(question):
        # "kan de gemeente daar iets aan doen?": the report is the answer (own try, session 42)
        return None
    english = tracker.get_slot("language") == "en"
    earlier = None if english else _of_the_answer_before(tracker, question)
    if earlier is not None:
        return earlier
    asks = [dutch_search_words(question) if english else the_question(question)]
    if not asks[0]:
        return None  # English that names nothing the glossary knows
    if about and (_POINTS_AT_IT.search(question) or names_its_thing(question, about)):
        asks.append(f"{asks[0]} {about}")  # "moet ik hem laten staan?", "de kliko ook?"
    try:
        for text in asks:
            found = await asyncio.to_thread(find_answer, tracker, intent, True, text=text)
            decision = _clear_answer(found)
            if decision.kind == ANSWERED:
                break
        with_about = f"{asks[0]} {about}"
        if (decision.kind != ANSWERED and found.kind == CHOICE and about
                and with_about not in asks):  # (not searched again when the loop did)
            # "mogen wij zelf strooien?" beside an icy path: the report tells which of the
            # close articles is meant (round r257 of session 61: the scattering of ashes)
            decision = _one_of(found, await asyncio.to_thread(
                find_answer, tracker, intent, True, text=with_about))
    except Exception:  # the knowledge base is down: the report goes on without it
        logger.exception("Knowledge base lookup failed")
        return None
    if decision.kind != ANSWERED:
        return None
    article = decision.articles[0]
    asks_cost = single_aspect(_LEAD.sub("", question)) == COST  # the price only, not how
    if english:  # the article's own English answer, or nothing in Dutch
        cost = article.cost_en if asks_cost else None
        detail = cost or (article.answer_en or "").replace(article.link, "").strip()
        return (detail, article.link) if detail else None
    if asks_cost and article.cost:  # "trouwens hoe duur is een parkeervergunning": the price
        return article.cost, article.link
    # the sentences that answer it ("Laat de container aan de straat staan …"), else the
    # answer without its link (the detail's own words give the link); the SMS version only
    # on a short channel (round 87: "Regenpijp loskoppelen: soms subsidie." in the web chat)
    short = channel_of(tracker) in SHORT_CHANNELS and article.answer_sms
    detail = answered_in(article, text) or (None if short else lead_for_the_product(
        article, text)) or (article.answer_sms if short else article.answer
                            ).replace(article.link, "").strip()
    return detail, article.link
