"""The report form: each answer is read whole, and the bot asks one thing at a time.

Validation reads the message reader's findings (`actions.reading.reading_of`), never the
raw text again. An answer that does not fit sets a focused follow-up (`report_prompt`)
instead of repeating the generic question; what was understood is said back at the
start of the next question (`report_ack`).
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import replace
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.contact import callback_number, pass_on_callback
from actions.emergency import hazard_acks
from actions.questions import hazard_heard, report_question_answer
from actions.topics import answer_beside
from actions.base import utter
from actions.reading import (channel_of, last_bot_response, ran_this_turn, reading_of,
                             response_text)
from actions.status import handling_time_for
from actions.report_slots import (added_to, CHANNELS_WITH_ADDRESS, CHANNELS_WITH_MEDIA, CORRECTS,
                                  meanwhile_advice, HIGH_PRIORITY, HOME_ADDRESS_QUESTION,
                                  MAX_DESCRIPTION, NO_PHOTO, YES_AFTER_ALL,
                                  UNKNOWN_STREET_QUESTION, NO_UPDATES, WANTS_UPDATES, ack,
                                  answer_of, asks_a_callback, cleared_for, description_of,
                                  is_description, is_misspelt_street, is_spot_only,
                                  is_unknown_street, needs_number, number_question,
                                  pending_place, pending_slots, personal_data_ack, place_slots,
                                  problem_named,
                                  prompt, shared_photo,
                                  shared_slots, street_near_question,
                                  street_suggestion_slots, told_place_slots,
                                  unknown_street_slots, with_ack, with_number, without_part)
from bot.profile import profile
from bot.intents import ASK_HUMAN_INTENT, COMPLAINT_INTENT, OPENING_HOURS_INTENT, SURE_INTENT
from bot.reading.answers import (adds_more, adds_to_a_report, already_left_out, asks_about_acting,
                                labelled_place, place_added, read_addition,
                                colour_swapped,
                                 complains,
                                 asks_for_a_person, is_about_being_reached, is_dutch_landline,
                                 is_only_contact,
                                 prefers_a_call,
                                 declines_only_a_medium, labelled_description, only_tells_when,
                                 last_sentences_to_remove, part_to_change, part_to_remove,
                                 preferred_contact, Removal,
                                 as_written_at_home, asks_a_change, drops_what_is_not_there,
                                 problems_to_keep,
                                 split_problem_texts,
                                 read_contact, read_yes_no, says_it_is_one_problem, says_send_it,
                                 sends_after_the_change, without_the_send,
                                 says_nothing_to_change,
                                 restated_problem, swapped_word, wrong_part,
                                 as_belgian_mobile, says_belgian)
from bot.reading.callback import call_time_wished, says_no_calls, wants_callback
from bot.reading.danger import is_deaf, on_call_unreached, says_it_is_dangerous
from bot.reading.description import (category_of, clean_description, names_another_problem,
                                     only_own_doing, split_problems)
from bot.reading.quick_kinds import quick_kind_of
from bot.reading.report_questions import (says_not_known, told_after_not_knowing,
                                          wants_to_complain)
from bot.reading.result import Reading
from bot.knowledge.aspects import shares_a_word
from bot.knowledge.general import zipf
from bot.reading.places import (PLACE_LEAD, Place, corrected_number, is_chat_noise,
                                is_clearly_not_a_place, named_as_the_home, names_a_spot,
                                names_only_the_home,
                                names_the_whole_street, place_meant, read_place,
                                rules_out_number, told_in_passing, what_is_meant,
                                without_chat_noise)
from bot.reading.streets import StreetRegister, strip_accents
from bot.reading.questions import (asks_a_topic_of_its_own, is_question, is_rhetorical,
                                   product_asked, question_beside_an_answer, read_question,
                                   tells_something_wrong, what_it_tells)
from bot.text import capitalised, first_sentence, sentences as split_sentences

MIN_DESCRIPTION_WORDS = 2
MAX_PLACE_WORDS = 5  # longer, a place's words are a street and a number told apart

logger = logging.getLogger(__name__)


def _text(tracker: Tracker) -> Text:
    return " ".join((tracker.latest_message.get("text") or "").split())[:300]


def _asked(tracker: Tracker, slot: Text) -> bool:
    """True when the resident is answering this slot's question now, not when the form
    starts and checks what the first message already filled."""
    return tracker.get_slot("requested_slot") == slot


GIVE_UP_TRIES = 2  # answers that were no place before a colleague is offered
MIN_STREET_STEM = 4  # "Kerk|weg" and "Kerk|straat": the same name with another ending
LAST_TRY = "utter_report_location_last_try"


def _number_for_the_street_asked(pending: Optional[Place], place: Optional[Place],
                                 text: Text) -> bool:
    """The answer to the house-number question names its number before another street,
    which is then only a nearby corner or landmark, not the street of the number."""
    if not (pending and pending.streets and not pending.house_number and place
            and place.kind == "address" and place.house_number and place.streets
            and place.streets[0] not in pending.streets):
        return False
    lowered = text.lower()
    number_at = re.search(rf"\b{re.escape(place.house_number.lower())}\b", lowered)
    street_at = lowered.find(place.streets[0].lower())
    return number_at is not None and 0 <= number_at.start() < street_at


# "er hangen altijd gasten bij de bankjes": where, not a problem with the benches (round 75)
_SPOT_PHRASE = re.compile(r"\b(?:bij|naast|tegenover|achter|langs|near|next to)\s+"
                          r"(?:de|het|een|die|dat|the)?\s*[\w'-]+", re.IGNORECASE)


_CLAUSE = re.compile(r"[.,;:!?]|\b(?:punt|komma)\b", re.IGNORECASE)  # spoken ones too


def _without_the_correction(text: Text) -> Text:
    """"Pardon, ik vergis me, het zijn de verkeerslichten. Die knipperen …" without the
    clauses that only say a mistake was made (round r216: in the description)."""
    clauses = [part for part in re.split(r"(?<=[,.!?;])\s+", text or "") if part.strip()]
    while len(clauses) > 1 and CORRECTS.search(clauses[0]) and len(clauses[0].split()) <= 5 \
            and category_of(clauses[0]) is None:
        clauses = clauses[1:]
    return capitalised(" ".join(clauses).strip()) if clauses else text


def _problem_told_again(text: Text) -> Optional[Text]:
    """"ik bedoel niet de lantaarn maar het stoplicht. dat knippert alleen nog oranje" (round
    r216 of session 56: the whole message with its apology became the description): the
    problem as told again, when what follows the word taken back tells one."""
    restated = restated_problem(text)
    return capitalised(restated) if restated and category_of(restated) is not None else None


def _corrects_at_a_start(text: Text) -> bool:
    """"O wacht, het is eigenlijk een gat": the correction word opens a sentence, not "ik
    denk dat ik het weet eigenlijk, er hangen altijd gasten bij de bankjes" (round 75)."""
    return any(CORRECTS.search(" ".join(part.split()[:4])) for part in _CLAUSE.split(text))


_HOME_BEFORE = re.compile(r"\b(?:woon|wonen|woont|wonend|adres|live|address|(?:mijn|ons|onze) "
                          r"(?:huis|woning|deur))\b(?:\s+\S+){0,3}\s*[(:,]?\s*$",
                          re.IGNORECASE)


# "op het fietspad" holds the spot "fietspad": "na de rotonde" cannot take its place there
_SPOT_LEAD = re.compile(r"^(?:%s)\b" % "|".join(sorted(PLACE_LEAD | {"boven", "voorbij", "ter",
                                                                       "vlak"})), re.IGNORECASE)


def _description_with_place(tracker: Tracker, old: Optional[Dict[Text, Any]],
                            new: Place) -> Dict[Text, Any]:
    """"Kerkstraat 14" in the description becomes the corrected place, so the field crew
    does not read the old number there."""
    description = tracker.get_slot("report_description") or ""
    old_spot = (old or {}).get("landmark") or ""
    if (new.landmark and len(old_spot) > 2 and list(new.streets) == list(old["streets"] or [])
            and new.landmark.lower() != old_spot.lower()
            and old.get("house_number") == new.house_number
            and bool(_SPOT_LEAD.match(old_spot)) == bool(_SPOT_LEAD.match(new.landmark))
            and re.search(re.escape(old_spot), description, re.IGNORECASE)):
        # "bij de lidl op de Dorpsstraat ligt …", "niet bij de lidl maar bij de Jumbo" →
        # "Bij de Jumbo op de Dorpsstraat ligt …" (round r108: "Dorpsstraat ligt …")
        swapped = re.sub(re.escape(old_spot), new.landmark, description, count=1,
                         flags=re.IGNORECASE)
        return {"report_description": capitalised(swapped)}
    before = (old or {}).get("text") or (old or {}).get("label") or ""
    if len(before) < 3 or not re.search(re.escape(before), description, re.IGNORECASE):
        return _with_street_swapped(description, old, new)
    pattern = re.compile(re.escape(before), re.IGNORECASE)
    if _HOME_BEFORE.search(description[:pattern.search(description).start()]):
        return {}  # "ik woon op de Hoofdstraat 112": the home stays where it is (round 75)
    if (old or {}).get("kind") == "postcode":
        # "postcode 7431 BK, tegenover nummer 18" takes no street name in its place (round
        # 91: "postcode Julianastraat"): it goes, the Waar line tells the new place
        without = re.sub(rf"(?:\bpostcode:?\s*)?{re.escape(before)}", " ", description,
                         flags=re.IGNORECASE)
        without = " ".join(without.split()).strip(" ,.")
        if is_description(without):
            return {"report_description": without + "."}
    number, new_number = (old or {}).get("house_number"), new.house_number
    if len(before.split()) > MAX_PLACE_WORDS and number and new_number:
        # the street and its number far apart ("aan de Rozenlaan. Sinds … nummer 8"): only
        # the number changes, the sentence between them stays
        found = pattern.search(description)
        numbers = {number: new_number}
        if (old or {}).get("house_number_to") and new.house_number_to:
            numbers[old["house_number_to"]] = new.house_number_to  # "12 tot en met 20" (r267)
        span = re.sub(rf"(?<![\w/-])(?:{'|'.join(map(re.escape, numbers))})(?![\w/-])",
                      lambda told: numbers[told.group()], found.group())
        return {"report_description": description[:found.start()] + span
                + description[found.end():]}
    if len(before.split()) > MAX_PLACE_WORDS and category_of(before):
        # "in de beukenlaan hangt een dikke tak half afgescheurd in een boom": the old place
        # spans the problem itself, which stays (but not its old street); the Waar line
        # tells the new place
        return _with_street_swapped(description, old, new)
    if new.kind == "corner":  # "op de Rozenlaan" → "op de hoek Lindelaan en Rozenlaan"
        return {"report_description": pattern.sub(new.label, description)}
    if (new.kind not in ("address", "street", "postcode") and new.streets
            and list(new.streets[:1]) == list((old or {}).get("streets") or [])[:1]):
        # "op de dorpsstraat nummer 15 die ligt …" → "op de Dorpsstraat die ligt …": the
        # street stays in the sentence, the spot is on the Waar line
        return {"report_description": pattern.sub(new.streets[0], description)}
    swapped = _with_street_swapped(description, old, new) if new.streets else {}
    if swapped and new.kind == (old or {}).get("kind") == "landmark":
        # "bij de bushalte op de Hoofdstraat is …" → "… op de Stationsweg is …": only the
        # street was wrong, the sentence stays whole
        return swapped
    if new.kind not in ("address", "street", "postcode"):
        # "op de muur van het gemeentehuis" -> a landmark: its words do not fit the
        # sentence, so the old place goes and the Waar line tells the new one
        without = " ".join(pattern.sub(" ", description).split()).strip(" ,")
        if is_description(without):
            return {"report_description": without}
    return {"report_description": _without_the_old_spot(pattern.sub(new.label, description),
                                                        old_spot, new)}


def _without_the_old_spot(description: Text, old_spot: Text, new: Place) -> Text:
    """"Op de Molenweg 2, bij de slager, bij de bakker, is …" when the bakery was taken back
    for the butcher's (round r226 of session 57): the old spot leaves the sentence."""
    if not (new.landmark and len(old_spot) > 2 and old_spot.lower() != new.landmark.lower()):
        return description
    without = re.sub(rf",?\s*{re.escape(old_spot)}\s*(?=[,.;]|$)", "", description,
                     count=1, flags=re.IGNORECASE)
    return without if is_description(without) else description


def _with_street_swapped(description: Text, old: Optional[Dict[Text, Any]],
                         new: Place) -> Dict[Text, Any]:
    """"De schommel in de speeltuin aan het parkweg" when the place became the Rozenlaan: the
    old street's name in the description becomes the new one (round 86: the crew read
    Parkweg in Wat and Rozenlaan in Waar)."""
    streets = list((old or {}).get("streets") or [])
    if len(streets) != 1 or len(new.streets) != 1 or new.streets[0] == streets[0]:
        return {}
    pattern = re.compile(rf"\b{re.escape(streets[0])}\b", re.IGNORECASE)
    if not pattern.search(description):
        return {}
    return {"report_description": pattern.sub(new.streets[0], description)}


def _wrong_street_in_description(tracker: Tracker, current: Dict[Text, Any]) -> Dict[Text, Any]:
    """"Er staat nog steeds beukenlaan in. LINDELAAN": another street the resident names that
    the description still has becomes the place's street there (round r65 of session 40)."""
    description = tracker.get_slot("report_description") or ""
    register = StreetRegister.from_profile()
    for word in dict.fromkeys(re.findall(r"[\w'-]+", _text(tracker).lower())):
        name = register.exact(word)
        if name and name not in (current.get("streets") or []) and re.search(
                rf"\b{re.escape(name)}\b", description, re.IGNORECASE):
            return _with_street_swapped(description, {"streets": [name]},
                                        Place.from_dict(current))
    return {}


def _corner_with(corner: Place, street: Place, text: Text) -> Optional[Place]:
    """"Het is niet de Beukenlaan maar de Rozenlaan" about a corner: the other street of the
    corner stays (round 82: the corner became the whole Rozenlaan)."""
    if len(corner.streets) != 2 or not street.streets or street.streets[0] in corner.streets:
        return None
    ruled_out = [name for name in corner.streets
                 if re.search(rf"\bniet (?:de |het )?{re.escape(name)}\b", text, re.IGNORECASE)]
    if not ruled_out:  # "het is eigenlijk de stationsweg niet straat" (round 97)
        ruled_out = [name for name in corner.streets if _same_stem(name, street.streets[0])]
    if len(ruled_out) != 1:
        return None
    kept = next(name for name in corner.streets if name != ruled_out[0])
    return dataclasses.replace(corner, streets=(kept, street.streets[0]),
                               text=f"{kept} en {street.streets[0]}", latitude=None,
                               longitude=None)


_PLACE_LEAD = re.compile(r"\b(?:het is|is het|dat is|bij|in|op|aan|de|het|t|at|on|the|"
                         r"hier|daar|ergens)\b|[^\w\s]", re.IGNORECASE)


def _only_the_place(text: Text, place: Place) -> bool:
    """The message says where and nothing else ("bij de kerkstraat", "op de Molenweg")."""
    rest = re.sub(re.escape(place.text), " ", text or "", flags=re.IGNORECASE)
    return rest != (text or "") and not _PLACE_LEAD.sub(" ", rest).strip()


def _same_stem(one: Text, other: Text) -> bool:
    """"Stationsstraat" and "Stationsweg": one name with another ending, easily mixed up."""
    stem = 0
    while stem < min(len(one), len(other)) and one[stem].lower() == other[stem].lower():
        stem += 1
    return stem >= MIN_STREET_STEM


def _with_word_swapped(tracker: Tracker) -> Optional[Text]:
    """The description with the word the resident took back replaced by the right one."""
    description = tracker.get_slot("report_description") or ""
    swap = swapped_word(_text(tracker)) or colour_swapped(_text(tracker), description)
    if not swap:
        return None
    told = reading_of(tracker).location
    if told is not None and swap[1].lower() in told.text.lower():
        return None  # "niet de hoofdstraat maar de stationsstraat": the place, corrected there
    current = tracker.get_slot("report_place") or {}
    if (told is not None and told.house_number and told.streets
            and (told.house_number, list(told.streets))
            != (current.get("house_number"), list(current.get("streets") or []))):
        # "niet bij de apotheek, het is bij de kapper, Dorpsstraat 20": a new address, read
        # as the place (own try, session 57: "voor de kapper" in Wat, the old place in Waar)
        return None
    streets = current.get("streets") or []
    if swap[0].lower() in (street.lower() for street in streets):
        return None  # "niet de beatrixstraat maar de hoek met de emmastraat" (round r85)
    restated = _problem_told_again(_text(tracker))
    if restated:
        return restated
    if not re.search(rf"\b{re.escape(swap[0])}\b", description, re.IGNORECASE):
        return None
    new = swap[1].lower()
    return re.sub(rf"\b{re.escape(swap[0])}\b",
                  lambda old: new.capitalize() if old.group()[0].isupper() else new,
                  description, flags=re.IGNORECASE)


def _place_word_swapped(tracker: Tracker) -> Dict[Text, Any]:
    """"nee sorry is niet jumbo, is lidl" (round r129 of session 49): the spot the resident
    takes back in the report's place, replaced, with the street and its point kept; {} when
    the message swaps no word of the place (a street is corrected as a place of its own)."""
    swap = swapped_word(_text(tracker))
    current = tracker.get_slot("report_place") or {}
    told = reading_of(tracker).location
    if told is not None and told.streets and list(told.streets) != list(
            current.get("streets") or []):
        # "niet het gemeentehuis maar de bibliotheek aan de Schoolstraat": a place; "het is
        # niet de jumbo maar de lidl. die zit aan de wilhelminastraat" (round r216): both
        return {} if told.landmark or not swap else _spot_on_another_street(
            tracker, swap, current, told.streets[0])
    if not swap or not current.get("text") or swap[0].lower() in (
            street.lower() for street in current.get("streets") or []):
        return {}
    taken_back, right = _as_word(swap[0]), _as_written(swap[1])
    if not taken_back.search(current["text"]):
        return {}
    place = Place.from_dict({**current, "text": taken_back.sub(right, current["text"]),
                             "landmark": taken_back.sub(right, current.get("landmark") or "")
                             or None})
    one = _one_of_the_problems_moved(tracker, taken_back, current, place, right)
    if one:
        return one
    # "glas bij de jumbo": the description names the spot too
    swapped = _with_word_swapped_in(tracker.get_slot("report_description"), swap)
    description = {"report_description": swapped} if swapped else {}
    # "niet bij de bakker maar bij de slager. en de paal staat ook scheef": the remark too
    return _with_the_remark(tracker, {
        **place_slots(place), **description, "report_confirmed": None,
        **with_ack(tracker, ack("utter_ack_place_changed", place=place.label))},
        reading_of(tracker))


def _with_word_swapped_in(text: Optional[Text],
                          swap: Optional[Tuple[str, str]]) -> Optional[Text]:
    """The text with the word taken back replaced by the right one; None when it is not in it."""
    if not swap or not text or not _as_word(swap[0]).search(text):
        return None
    return _as_word(swap[0]).sub(_as_written(swap[1]), text)


def _as_word(word: Text) -> "re.Pattern[str]":
    """A pattern for the word as a whole word, in any case."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def _as_written(word: Text) -> Text:
    """The word that replaces one taken back, capitalised when it names a spot ("lidl")."""
    return word if word != word.lower() else capitalised(word)


def _one_of_the_problems_moved(tracker: Tracker, taken_back: "re.Pattern[str]",
                               current: Dict[Text, Any], place: Place,
                               right: Text) -> Dict[Text, Any]:
    """"dat bankje staat niet bij de fontein maar bij de bushalte. de prullenbak wel bij de
    fontein" with two problems split (round r217 of session 56, and r208–r211: both moved):
    only the problem the correcting sentence names gets the new place; {} when it names
    none or both."""
    more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
    clause = next((part for part in split_sentences(_text(tracker))
                   if taken_back.search(part)), "")
    if not more or not clause:
        return {}
    texts = [tracker.get_slot("report_description") or ""] + [p.get("text", "") for p in more]
    spot_words = _words(current.get("text") or "") | _words(place.text or "")
    named = [index for index, text in enumerate(texts)
             if _names_a_thing_of(clause, text, texts, spot_words)]
    if len(named) != 1:
        return {}
    ack_place = with_ack(tracker, ack("utter_ack_place_changed", place=place.label))
    swapped = taken_back.sub(right, texts[named[0]])
    if named[0] > 0:
        more[named[0] - 1].update(place=place.as_dict(), text=swapped)
        return {"report_more_problems": more, "report_confirmed": None, **ack_place}
    for problem in more:
        problem.setdefault("place", current)  # the others stay where they were
    return {**place_slots(place), "report_description": swapped,
            "report_more_problems": more, "report_confirmed": None, **ack_place}


def _said_after(text: Text, asked: Optional[Text], addition: Text) -> bool:
    """The addition follows the question in the message: it tells about the question ("ja
    verstuur. mogen wij zelf strooien? we hebben zout", round r257 of session 61)."""
    if not asked:
        return False
    question, told = text.lower().find(asked.lower()), text.lower().find(addition[:20].lower())
    return 0 <= question < told


def _words(text: Text) -> set:
    return set(re.findall(r"[^\W\d_]{4,}", text.lower()))


def _names_a_thing_of(clause: Text, text: Text, texts: List[Text], spot_words: set) -> bool:
    """The clause names a thing of this problem's text that no other problem names (the
    words of the place itself left out)."""
    others = set().union(*(_words(other) for other in texts if other is not text))
    return bool(_words(clause) & (_words(text) - others - spot_words))


def _number_said_belgian(tracker: Tracker) -> Dict[Text, Any]:
    """"dat is geen vaste lijn hé, het is mijn gsm. ik woon in Belgie" about the number
    taken as Dutch (round r215 of session 56: added to the description): the Belgian one."""
    number = as_belgian_mobile(tracker.get_slot("report_contact"))
    if not number or reading_of(tracker).phone or not says_belgian(_text(tracker)):
        return {}
    return {"report_confirmed": None, "report_contact": number,
            **with_ack(tracker, ack("utter_ack_contact_changed"))}


def _spot_on_another_street(tracker: Tracker, swap: Tuple[str, str],
                            current: Dict[Text, Any], street: Text) -> Dict[Text, Any]:
    """The spot taken back in the place's landmark replaced, on the street now told."""
    landmark = current.get("landmark") or ""
    taken_back, right = _as_word(swap[0]), _as_written(swap[1])
    if not taken_back.search(landmark):
        return {}
    place = read_place(f"{taken_back.sub(right, landmark)} aan de {street}")
    if place is None or not place.landmark:
        return {}
    # "… en er ligt ook nog een matras naast": what else is there, added
    more = [part for part in split_sentences(_text(tracker))
            if adds_more(part) and not taken_back.search(part)]
    description = taken_back.sub(right, tracker.get_slot("report_description") or "")
    for old in current.get("streets") or []:  # "glas achter de Jumbo aan de Stationsweg"
        description = _as_word(old).sub(street, description)
    if more:
        description = added_to(description, clean_description(" ".join(more)))
    return {**place_slots(place), "report_confirmed": None, "report_description": description,
            **with_ack(tracker, ack("utter_ack_place_changed", place=place.label))}


_RULES_OUT = re.compile(r"\b(?:niet|nie) (?:de|het|op|in|bij|aan|tegenover|naast|voor|achter)\b",
                        re.IGNORECASE)
# "allez wacht, 't is eigenlijk nie op de molenweg, 't is … in de stationsweg" (round r205
# of session 55: the correction added to the description): words that correct the place
_CORRECTS_THE_PLACE = re.compile(r"\b(?:wacht|eigenlijk|sorry|oeps|bedoel\w*|verkeerd)\b",
                                 re.IGNORECASE)
# "in de omschrijving staat nog steeds schoolstraat", "het huisnummer klopt niet"
_ABOUT_THE_SUMMARY = re.compile(r"\b(?:omschrijving|beschrijving|huisnummer|nummer|adres|straat|"
                                r"plek|klopt|staat nog|description|address|number)\b",
                                re.IGNORECASE)


# "No, change it. It is the path along the canal …" (round r267 of session 63: "No, change
# it." added to the description): the answer to the summary, no remark
_ONLY_THE_ANSWER = re.compile(
    r"^\W*(?:(?:nee+n?|no|nope|ja|yes)\b\W*)?(?:(?:change it|aanpassen|wijzigen|veranderen|"
    r"klopt niet|niet goed|not right|not correct|wrong)\b\W*)?$", re.IGNORECASE)


def _remark_beside_the_place(reading: Reading) -> Optional[Text]:
    """The sentences of a remark that do not tell the place: more about the problem."""
    told_more = reading.addition or reading.description
    if not told_more or reading.location is None:
        return None
    told = reading.location.text.lower()
    # "het is niet de beatrixstraat maar … emmastraat. en er zijn eigenlijk 2 palen kapot"
    parts = split_sentences(told_more)
    if len(parts) < 2:  # "niet bij 12 maar bij 21, en het zijn eigenlijk twee tegels"
        parts = [clause for _, clause in _clauses_of(told_more)]
    if not reading.addition and len(parts) < 2:
        return None
    kept = [part for part in parts
            if told not in part.lower() and not _RULES_OUT.search(part) and _states_a_detail(part)
            and (reading.addition or not _ABOUT_THE_SUMMARY.search(part))
            and not _ONLY_THE_ANSWER.match(part)]
    remark = " ".join(kept).strip()
    return capitalised(remark) if remark else None


def _told_beside_the_removal(text: Text) -> Optional[Text]:
    """"Nee, aanpassen. Het gaat om tegels die door de wortels omhoog staan. De zin 'ik
    begrijp u niet goed' hoeft er niet in." (round r269 of session 63: only the sentence
    went): the statements about the problem beside the words to leave out."""
    kept = [sentence for sentence in split_sentences(text)
            if read_yes_no(sentence) is None and part_to_remove(sentence) is None
            and not last_sentences_to_remove(sentence) and _states_a_detail(sentence)]
    told = clean_description(" ".join(kept)) if kept else ""
    return told or None


def _labelled_place(text: Text) -> Tuple[Optional[Place], Text]:
    """The place written after the summary's "Waar:" label ("Waar: fietspad van de
    watertoren naar het zwembad", round r269 of session 63: kept "bij de watertoren"),
    read as a place or else taken as the resident's own description of it; and the rest
    of the message."""
    told, rest = labelled_place(text)
    if not told or is_clearly_not_a_place(told):
        return None, text
    place = read_place(told)
    if place is None or place.kind == "description":  # the resident's words whole
        return Place(kind="description", text=told, landmark=told), rest
    label = place.label.lower()
    if any(word.lower() not in label for word in re.findall(r"\w{4,}", told)):
        # "speeltuin in het Julianapark, naast het bankje": the street kept, and all the
        # resident wrote (the reader kept one of the two spots)
        return replace(place, kind="description", text=told, landmark=told), rest
    return place, rest


def _with_spot_added(tracker: Tracker) -> Optional[Place]:
    """The report's place with the spot the resident asks to add ("bij waar moet nog 'bij de
    snackbar' erbij"), or None."""
    spot = place_added(_text(tracker))
    told = tracker.get_slot("report_place")
    if not spot or not told:
        return None
    place = Place.from_dict(told)
    landmark = f"{place.landmark}, {spot}" if place.landmark else spot
    return replace(place, kind="landmark" if place.streets else "description",
                   landmark=landmark, text=f"{place.text}, {spot}")


def _with_the_remark(tracker: Tracker, slots: Dict[Text, Any],
                     reading: Reading) -> Dict[Text, Any]:
    """The slots of a corrected place, with the remark told beside it added to the
    description (the corrected description when the slots have one)."""
    remark = _remark_beside_the_place(reading)
    if not remark:
        return slots
    told = slots.get("report_description") or tracker.get_slot("report_description") or ""
    return {**slots, "report_description": added_to(told, remark)}


# At the updates question, a no and then "send it": no news, and the report may go.
_SEND = r"(?:verstuur|versturen|(?:door|op|in)?stur(?:en)?|stuur|send|submit)\b"
_NO_UPDATES_BUT_SEND = re.compile(
    r"^\W*(?:nee|neen|nope|no|nah)\b(?:\W+\w+){0,3}?\W+" + _SEND
    + r"|(?:" + NO_UPDATES.pattern + r")(?:\W+\w+){0,3}?\W+" + _SEND, re.IGNORECASE)
# "oja, er ligt ook …": remembering it, not part of what is told
_REMEMBERED = re.compile(r"^\W*(?:o\s*ja|oja|oh\s+ja|ah\s+ja|trouwens|btw)\b\W*", re.IGNORECASE)
# "ik weet het nummer niet zeker": about the place told, not about the problem
_UNSURE_OF_THE_PLACE = re.compile(r"\b(?:nummer|huisnummer|adres|straat|naam|number|address)\b"
                                  r"|\bniet (?:zeker|precies)\b|\bnot sure\b", re.IGNORECASE)


def _detail_beside_the_place(reading: Reading, place: Place,
                             description: Text = "") -> Optional[Text]:
    """What the answer to "Waar is het?" tells about the problem beside the place (round
    98: "julianastraat 31. hij heeft een rood bandje om" lost the collar; round r117:
    "hakenkruis en scheldwoorden in de fietstunnel …" after "graffiti" lost the swastika)."""
    told = reading.description or ""
    before = _words_before_the_place(told, place)
    if before and _tells_more(before, description):
        return before
    if (not told or place.text.lower() in told.lower() or reading.question
            or not _states_a_detail(told) or _UNSURE_OF_THE_PLACE.search(told)
            or place.landmark and place.landmark.lower() in told.lower()
            or description and not _tells_more(_without_streets(told, place), description)):
        # "de lamp staat voor …" after "de lamp is kapot", "De rotonde waar de Industrieweg
        # en de Molenweg samenkomen denk ik" (round r269 of session 63): nothing new
        return None
    return told


def _without_streets(told: Text, place: Place) -> Text:
    """The answer without the street names of the place read from it."""
    for street in place.streets:
        told = re.sub(re.escape(street), " ", told, flags=re.IGNORECASE)
    return told


def _tells_more(told: Text, description: Text) -> bool:
    """A word of some length that neither the description has nor only says where it is,
    nor is an everyday word that tells nothing ("elkaar", "volgens")."""
    return any(len(word) >= 4 and word.lower() not in _ONLY_WHERE
               and (zipf(word.lower()) or 0.0) < EVERYDAY_ZIPF
               and word.lower() not in description.lower() for word in re.findall(r"\w+", told))


EVERYDAY_ZIPF = 5.5  # "elkaar" (5.7), "denk" (5.7) tell nothing; "weken" (5.3) may


# Words that only say where something is ("de lamp staat voor …"): no detail of their own.
_ONLY_WHERE = frozenset("staat staan ligt liggen zit zitten hangt hangen bevindt gebeurt "
                        "gaat over deze daar hier vlakbij voor achter naast tegenover onder "
                        "boven tussen langs bij samenkomen samenkomt kruisen kruist geloof "
                        "meen "
                        # "ja dat klopt" to "Klopt die naam?" (round of session 65: added)
                        "klopt kloppen correct juist inderdaad precies jazeker zeker".split())


def _words_before_the_place(told: Text, place: Place) -> Optional[Text]:
    """"hakenkruis en scheldwoorden" of "hakenkruis en scheldwoorden in de fietstunnel": what
    the sentence names before the place, when it is a few words that tell something."""
    at = told.lower().find(place.text.lower())
    before = told[:at].strip(" ,.;:-") if at > 0 else ""
    if len(before.split()) < 2 or not is_description(before) or is_question(before) \
            or _ABOUT_THE_CHAT.search(before) or says_not_known(before) \
            or _RULES_OUT.search(before) or _CORRECTS_THE_PLACE.search(before):
        return None
    return capitalised(before)


# "i literally said near the station", "dat zei ik toch": the spot again, no more questions
_TOLD_BEFORE = re.compile(r"\b(?:(?:literally |already |just )?(?:said|told you)|zei ik|"
                          r"zeg ik|heb ik (?:al|toch|net) gezegd|schreef ik)\b", re.IGNORECASE)
# "ik snap het niet", "wat bedoelt u?": about the chat, not a detail of the problem
_ABOUT_THE_CHAT = re.compile(r"\b(?:snap|snapt|begrijp|begrijpt|understand|bedoel\w*|"
                            r"zei|zeg|gezegd|vroeg|gevraagd|said|mean)\b", re.IGNORECASE)
MIN_DETAIL_WORDS = 3


def _heard_as_a_complaint(tracker: Tracker) -> bool:
    """"auto's rijden erover hij klappert heel hard" in the form, heard as a complaint (the
    policy routes it here only without words of a complaint): more about the problem."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return (intent == COMPLAINT_INTENT and not complains(_text(tracker))
            and _states_a_detail(_text(tracker)))


def _states_a_detail(text: Text) -> bool:
    """A plain statement of a few words, not about the chat: "staat er al weken"."""
    return (len(text.split()) >= MIN_DETAIL_WORDS and not is_question(text)
            and not _ABOUT_THE_CHAT.search(text) and is_description(text)
            and not says_not_known(text) and not asks_for_a_person(text))


def _a_detail(reading: Reading, text: Text, description: Text) -> bool:
    """A plain statement at the summary that tells more about the problem."""
    return (_states_a_detail(description) and not is_question(text) and not reading.question
            and not reading.report_question and reading.location is None
            and not _ABOUT_THE_CHAT.search(text))  # the whole message, not only its description


def _answers_first(text: Text) -> bool:
    """"hoeft niet. o het is de Julianastraat trouwens": a whole answer, then the place (a bare
    "nee." may say no to the place the resident corrects next)."""
    answer, rest = first_sentence(text)
    return (bool(rest) and read_yes_no(answer) is not None and not _BARE_NO.fullmatch(answer)
            and not _corrects_at_a_start(answer))  # "oh nee wacht het is nummer 16, niet 14."


_BARE_NO = re.compile(r"\W*(?:nee+n?|no+|neuh|nope)\W*", re.IGNORECASE)


def _keeps_the_number(current: Dict[Text, Any], street: Place) -> bool:
    """A street told for a postcode and number, or for a like-named street with a number."""
    if not current.get("house_number") or current.get("house_number_to"):
        return False
    if current.get("kind") == "postcode":
        return True
    streets = current.get("streets") or ()
    return (current.get("kind") == "address" and len(streets) == 1
            and _same_stem(streets[0], street.streets[0]))


def _number_on(street: Place, current: Place) -> Place:
    """The street with the number (and its words: "ter hoogte van nr 41") of the place."""
    told = current.text
    for part in filter(None, (current.postcode, *current.streets)):
        told = re.sub(re.escape(part), "", told, flags=re.IGNORECASE)
    told = told.strip(" ,.") or current.house_number
    number = Place(kind="number", text=told, house_number=current.house_number)
    return dataclasses.replace(with_number(street, number), postcode=current.postcode)


def _without_noise(place: Place) -> Place:
    """The place with "zei ik toch" taken out of the resident's own words."""
    words = {key: without_chat_noise(value) for key, value in
             (("text", place.text), ("landmark", place.landmark)) if value}
    return Place.from_dict({**place.as_dict(), **words}) if words else place


# A spot any street has ("op straat"), told with the problem: no new place.
_ANY_STREET_SPOT = re.compile(r"(?:op|in|aan|langs) (?:de |het )?(?:straat|stoep|weg|trottoir|"
                              r"grond|berm|kant van de weg)", re.IGNORECASE)


# "bij 2 moet het zijn: de bushalte …", "melding 1 is hoek Kerkstraat/Schoolstraat", "1: …"
# at a summary of several problems: the numbers the summary shows, not house numbers
_ITEM = re.compile(r"\b(?:(?:bij|voor|van)\s+)?(?:punt|melding|item)\s*\(?([123])\)?"
                   r"(?!\s*[\d,.-])"
                   r"|\b(?:nr|nummer)\.?\s*([123])\s+(?=klopt\s+(?:niet|nie)\b)"
                   # "Bij nummer 2 een kleine correctie: …" (round r250 of session 60)
                   r"|\bbij\s+(?:nr|nummer)\.?\s*([123])\s+(?=een\s+(?:kleine\s+)?(?:correctie|"
                   r"aanpassing|fout\w*)|(?:moet|klopt|is\s+het)\b|:)"
                   r"|\bbij\s+\(?([123])\)?(?!\s*[\d,.-])(?!\s*(?:meter|m|cm|uur|dagen|weken)\b)"
                   r"|(?:^|[.;]\s*)\(?([123])\)?\s*[:)]", re.IGNORECASE)
_ITEM_LEAD = re.compile(r"^\W*(?:(?:moet|mag)\s+(?:het|er|dat)?\s*(?:zijn|staan|worden)|is\s+het|"
                        r"klopt\s+(?:niet|nie)(?:\s+helemaal)?\W+(?:(?:dat|het|die)\s+\w+\s+"
                        r"(?:ligt|staat|zit|is)\s+)?|"
                        r"het\s+is|is\s+gewoon|is|staat|ligt|zit)?\W*", re.IGNORECASE)
_RULED_OUT_SPOT = re.compile(r",?\s*\bniet\s+(?:die|de|het|dat|bij|op|aan|in)\b[^,.;]*",
                             re.IGNORECASE)


def _places_per_item(tracker: Tracker) -> Dict[Text, Any]:
    """"bij 2 moet het zijn: de bushalte aan de kant van de fietsenstalling … en bij 1 is het
    de paal voor de bakker" at a summary of two problems (round r232 of session 58: read as
    Kerkstraat 2): each problem named by its number gets the place told for it."""
    more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
    text = _text(tracker)
    found = list(_ITEM.finditer(text)) if more else []
    if not found:
        return {}
    slots: Dict[Text, Any] = {}
    labels = []
    for at, after in zip(found, found[1:] + [None]):
        index = int(next(group for group in at.groups() if group)) - 1
        said = _ITEM_LEAD.sub("", text[at.end():after.start() if after else len(text)])
        told = _RULED_OUT_SPOT.sub("", said)
        place = read_place(told.strip(" .,;:")) if index <= len(more) else None
        own = (tracker.get_slot("report_place") if index == 0
               else more[index - 1].get("place") or tracker.get_slot("report_place"))
        if place is None or not (place.streets or place.landmark) or not own:
            continue
        if not place.streets:  # "de paal voor de bakker": on the problem's own street
            place = _spot_on(Place.from_dict(own), place.landmark or "")
        labels.append(place.label)
        swap = swapped_word(said)  # "ter hoogte van de Lidl, niet de Jumbo": its text too
        if index == 0:
            slots.update(place_slots(place))
            described = _with_word_swapped_in(tracker.get_slot("report_description"), swap)
            if described:
                slots["report_description"] = described
        else:
            more[index - 1]["place"] = place.as_dict()
            described = _with_word_swapped_in(more[index - 1].get("text"), swap)
            if described:
                more[index - 1]["text"] = described
            slots["report_more_problems"] = more
    if not labels:
        return {}
    return {**slots, "report_confirmed": None,
            **with_ack(tracker, ack("utter_ack_place_changed", place=" en ".join(labels)))}


def _named_elsewhere(part: Removal, description: Text, more: List[Dict[Text, Any]]) -> bool:
    """The words the part was named by are in another problem's text, not this one's."""
    if not part.phrase:
        return False
    phrase = re.compile(r"\b%s\b" % re.escape(part.phrase), re.IGNORECASE)
    return not phrase.search(description) and any(phrase.search(problem.get("text") or "")
                                                  for problem in more)


def _spot_on(base: Place, spot: Text) -> Place:
    """The spot told on the place's street, or at its corner ("hoek Kerkstraat en Molenweg,
    voor de deur van de kapper": the corner kept, round r250 of session 60)."""
    if base.kind == "corner":
        return Place.from_dict({**base.as_dict(), "landmark": spot})
    return _with_landmark(_street_of(base), spot)


def _with_landmark(street: Place, text: Text) -> Place:
    return Place.from_dict({**street.as_dict(), "kind": "landmark", "landmark": text,
                            "text": f"{street.text}, {text}"})


# "richting sportpark, na de rotonde" after "Molenweg, fietspad": where on the path told
_REFINES = re.compile(r"^\W*(?:richting|na|voorbij|ter hoogte van|thv|tussen|halverwege|"
                      r"vlak (?:voor|na|bij)|aan het (?:begin|eind|einde))\b", re.IGNORECASE)


def _spot_refined(current: Dict[Text, Any], told: Text, text: Text) -> Text:
    """The spot told after the spot noted: where on it when it only refines it, else
    instead of it ("niet bij de bakker maar bij de slager")."""
    noted = current.get("landmark") or ""
    if (noted and _REFINES.match(told) and told.lower() not in noted.lower()
            and not CORRECTS.search(text) and not _RULES_OUT.search(text)):
        return f"{noted}, {told}"
    return told


def _street_of(place: Place) -> Place:
    """Only the street(s) of a place: 'Stationsweg, bij de jumbo' → 'Stationsweg'."""
    return Place(kind="street", text=" en ".join(place.streets), streets=place.streets,
                 verified=place.verified, latitude=place.latitude, longitude=place.longitude)


def _as_suggested(place: Place) -> Place:
    data = {**place.as_dict(), "streets": [place.suggestion], "verified": True,
            "suggestion": None}
    return Place.from_dict(data)


def _as_own_words(place: Place) -> Place:
    """The street as the resident wrote it, after they said no to the suggestion."""
    return Place.from_dict({**place.as_dict(), "verified": False, "suggestion": None,
                            "latitude": None, "longitude": None})


def _folded(text: Text) -> Text:
    return strip_accents(text).lower()


def _names_again(text: Text, pending: Optional[Place]) -> bool:
    """The street just doubted is named again ("vlierstraat!!! ik woon er al 30 jaar")."""
    if pending is None or not pending.streets:
        return False
    name, told = _folded(pending.streets[0]), _folded(text)
    # not "het is de schoolstraat niet schoolweg" (round r263 of session 62: Schoolweg kept)
    taken_back = re.sub(rf"\b(?:niet|geen|not|nie)\s+(?:(?:in|op|aan|bij)\s+)?(?:de\s+|het\s+)?"
                        rf"{re.escape(name)}\b", " ", told)
    return name in taken_back and not named_as_the_home(text, pending.streets[0])


def _called_an_area(tracker: Tracker, name: Text) -> bool:
    """The resident called the name a neighbourhood ("in de wijk De Eikenhof"): no street
    the back office can find, whatever they say again."""
    area = re.compile(rf"\b(?:wijk|woonwijk|buurt|dorp|kern|gebied)\s+{re.escape(name)}\b",
                      re.IGNORECASE)
    return any(area.search(event.get("text") or "") for event in tracker.events
               if event.get("event") == "user")


def _clause_naming(text: Text, words: Text) -> Optional[Text]:
    """The clause of the text that holds these words ("zijstraat van de kerkstraat")."""
    for clause in re.split(r"[.!?;]+", text):
        if _folded(words) in _folded(clause):
            spot = " ".join(without_chat_noise(clause).strip(" ,:-").split())
            return spot if is_description(spot) else None
    return None


_NEAR_A_STREET = r"(?:achter|naast|bij|vlakbij|tegenover|langs|dichtbij|in de buurt van|om de " \
                 r"hoek van|aan het eind van|voorbij|behind|near|next to|off)"


def _spot_near(text: Text, place: Place) -> Text:
    """Where an unknown street lies, told with a known one: "achter de Beukenlaan", and the
    spot told beside it ("aan het einde van de straat bij het grasveld")."""
    streets = "|".join(re.escape(street) for street in place.streets)
    near = re.search(rf"\b{_NEAR_A_STREET}\s+(?:de\s+|het\s+|the\s+)?(?:{streets})\b", text,
                     re.IGNORECASE)
    parts = [near.group(0) if near else f"bij de {place.streets[0]}", place.landmark]
    return ", ".join(part for part in parts if part)


_DANGLING = re.compile(r"(?:\s+(?:aan|bij|op|in|van|naar|langs|de|het|een|t|'t|is|zit|ligt|"
                       r"staat|zijn|on|at|near|by|the|it's|its|is))+\s*$", re.IGNORECASE)


def _toward_another_street(pending: Optional[Place], place: Optional[Place],
                           text: Text) -> Optional[Place]:
    """"de paal erna, richting het fietspad naar de Molenweg" at "Bij welk huisnummer in de
    Dorpsstraat?" (round r254 of session 61: filed at the Molenweg): the way the spot points,
    on the street asked."""
    if not (pending and len(pending.streets) == 1 and not pending.house_number and place
            and place.kind == "street" and place.streets[0] != pending.streets[0]):
        return None
    if not re.search(rf"\b(?:richting|naar|towards)\s+(?:\w+\s+){{0,4}}?"
                     rf"{re.escape(place.streets[0])}\b", text, re.IGNORECASE):
        return None
    sentences = _sentences_naming(text, place.streets[0])
    return _with_landmark(pending, what_is_meant(sentences[-1] if sentences else text))


def _sentences_naming(text: Text, street: Text) -> List[Text]:
    """The sentences of the text that name the street, in any spelling of its case."""
    return [part for part in split_sentences(text) if _folded(street) in _folded(part)]


# What the resident rules out beside the street: ", niet de schoolweg", "niet bij nummer 3"
_TAKEN_BACK = re.compile(r"[,\s]*\b(?:niet|nie|geen|not)\s+(?:(?:in|op|aan|bij)\s+)?"
                         r"(?:de\s+|het\s+)?[\w'-]+(?:\s+\d+\w?)?\s*$", re.IGNORECASE)


def _words_beside(text: Text, street: Text) -> Optional[Text]:
    """What the resident said besides the street name, in the sentence that names it, when
    it names a spot ("Stationsweg, bij het bushokje"); not the sentences around it ("het is
    een park geen straat.. ingang aan de parkweg" gives "ingang aan de parkweg")."""
    sentences = [part for part in re.split(r"[.!?;]+", text) if _folded(street) in _folded(part)]
    sentence = sentences[0] if sentences else text
    sentence = _TAKEN_BACK.sub("", sentence)  # ", niet de schoolweg" (round r263, session 62)
    found = re.search(re.escape(street), sentence, re.IGNORECASE)
    before, after = (sentence[:found.start()], sentence[found.end():]) if found else (sentence, "")
    for rest in (after, _DANGLING.sub("", before)):  # "… de Kerkstraat bij de bakker"
        if is_chat_noise(rest):
            continue  # "de Beukenlaan denk ik"
        rest = " ".join(without_chat_noise(rest).strip(" ,.;:-").split())
        if is_description(rest):
            return rest
    whole = " ".join(without_chat_noise(sentence).strip(" ,.;:-").split())
    besides = re.sub(re.escape(street), " ", whole, flags=re.IGNORECASE)
    if not _DANGLING.sub("", f" {besides}").strip(" ,.;:-?"):
        return None  # "I think it's on Beukenlaan": nothing but the street
    return whole if is_description(whole) else None


_ENGLISH_SPOT = re.compile(r"\b(?:near|next to|in front of|behind|opposite|outside|across "
                           r"from|at the corner of|by|at|from|towards|just after|just before) "
                           r"(?:the|a|an)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\.{2,}\s*")


def _english_spot(reading: Reading, text: Text) -> Optional[Text]:
    """"right next to the bus stop, the one in front of the station": in English the
    resident's own words are the place, from the clause that names the spot on, in the last
    sentence that names one ("i literally said near the station.. ok, near the station")."""
    if reading.language != "en" or reading.question:
        return None
    sentences = [part for part in _SENTENCE_END.split(text) if _ENGLISH_SPOT.search(part)]
    if not sentences:
        return None
    clauses = sentences[-1].split(",")
    first = next(i for i, clause in enumerate(clauses) if _ENGLISH_SPOT.search(clause))
    spot = ",".join(clauses[first:]).strip(" ,.")
    spot = re.sub(r"^(?:ok(?:ay)?|well|so|yes|no)\b\W*", "", spot, flags=re.IGNORECASE)
    return without_chat_noise(spot) or None


_CORNER_WORD = re.compile(r"\b(?:hoek|hoekje|kruising|kruispunt|splitsing|corner|junction|"
                          r"crossing|intersection)\b", re.IGNORECASE)


# "om de hoek in de Julianastraat" is round the corner, not on it.
_ROUND_THE_CORNER = re.compile(r"\b(?:a)?round the corner\b|\bom de hoek\b", re.IGNORECASE)


def _denies(street: Text, text: Text) -> bool:
    """"niet aan de Hoofdstraat maar …": the street asked about is ruled out."""
    return bool(re.search(rf"\b(?:niet|not|geen)\b(?: \w+){{0,3}} {re.escape(street)}\b", text,
                          re.IGNORECASE))


def _corner_with_the_street_asked(pending: Optional[Place], place: Optional[Place],
                                  text: Text) -> Optional[Place]:
    """The corner of the street asked about and the one the answer names with a corner
    word ("op de hoek met de Schoolstraat", "on the corner with Schoolstraat")."""
    if not (pending and pending.streets and place and place.streets
            and _CORNER_WORD.search(_ROUND_THE_CORNER.sub(" ", text))
            and not _denies(pending.streets[0], text)):
        return None
    other = next((street for street in place.streets if street not in pending.streets), None)
    corner = read_place(f"hoek {pending.streets[0]} en {other}") if other else None
    return corner if corner is not None and corner.kind == "corner" else None


# "de auto staat voor nummer 23, het afval ligt bij de albert heijn": one place per clause
_PLACE_CLAUSE = re.compile(r"[.;!?]+\s*|,\s*|\s+(?:en|and|maar|but)\s+(?=(?:de|het|die|dat|"
                           r"dit|the|that|this|een|a)\b)", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"[a-zà-ü]{3,}")
_NOT_A_THING = frozenset(("staat", "staan", "ligt", "liggen", "zit", "zitten", "hangt", "voor",
                          "bij", "naast", "tegenover", "nummer", "straat", "het", "de", "die",
                          "dat", "is", "are", "the", "and", "next", "front", "number", "near",
                          "opposite", "achter", "aan", "op", "van", "een"))


def _places_per_problem(tracker: Tracker, text: Text) -> Optional[Dict[Text, Any]]:
    """Two problems told, and the answer to "waar?" gives each its own place ("de auto staat
    voor nummer 23, het afval ligt bij de albert heijn op de stationsweg", round r163: one
    place made of both): the first problem's place, and the other's with it."""
    more = tracker.get_slot("report_more_problems") or []
    if not more:
        return None
    problems = [tracker.get_slot("report_description") or ""] + [
        problem.get("text") or "" for problem in more]
    pending = pending_place(tracker)
    found: Dict[int, Place] = {}
    for clause in _PLACE_CLAUSE.split(text):
        place = read_place(clause)
        if place is not None and place.kind == "number" and pending and pending.streets:
            place = with_number(_street_of(pending), place)  # "voor nummer 23" on its street
        if place is None or not place.streets:
            continue
        words = [word for word in _CLAUSE_WORD.findall(clause.lower())
                 if word not in _NOT_A_THING and word not in place.text.lower()]
        named = [index for index, problem in enumerate(problems)
                 if any(shares_a_word(problem, word) for word in words)]
        if len(named) == 1 and named[0] not in found:
            found[named[0]] = place
    if len(found) != len(problems):
        return None
    return {**place_slots(found[0]),
            "report_more_problems": [{**problem, "place": found[index].as_dict()}
                                     for index, problem in enumerate(more, 1)]}


def _one_more_of_another_kind(tracker: Tracker, text: Text) -> Optional[Tuple[Text, Text]]:
    """A problem of another kind than the report's, or of any kind at a street of its own,
    told as one more ("o en de lantaarnpaal doet het ook niet"): its clean words and
    category, else None."""
    told = clean_description(text)
    if not told or told.rstrip().endswith("?") or not _ONE_MORE.search(text):
        return None
    category = category_of(_SPOT_PHRASE.sub(" ", told))
    if category is None or not (names_another_problem(told, tracker.get_slot("report_category"))
                                or _told_elsewhere(tracker, text)):
        return None
    return told, category


def _told_elsewhere(tracker: Tracker, text: Text) -> bool:
    """"o en er ligt ook een omgewaaid bord op de schoolstraat" beside a report on the
    Molenweg: one more thing at a street the report does not have, not a correction of its
    place (round r197 of session 53: the sign report was moved to the school; round r201 of
    session 54: "ja stuur. o en … op de dorpsstraat bij de kerk een put zonder deksel")."""
    place = reading_of(tracker).location
    streets = {street.lower() for street in
               (tracker.get_slot("report_place") or {}).get("streets") or ()}
    if not (place and place.verified and place.streets and streets) or streets & {
            street.lower() for street in place.streets}:
        return False
    if _corrects_at_a_start(text) or _PLACE_CORRECTION.search(text):
        return False
    for part in split_sentences(text):
        told = _CONNECTOR.sub("", part)
        named = part.lower()
        if not (place.text.lower() in named or any(street.lower() in named
                                                    for street in place.streets)) \
                or _SAME_THING.match(told):
            continue
        category = category_of(_SPOT_PHRASE.sub(" ", told))
        # "het afval ligt op de hoek van de kerkstraat en de schoolstraat" beside the branch
        # on the Molenweg (round r203 of session 54: the branch moved to the rubbish's corner)
        if category and (_ONE_MORE.search(part) or _CONNECTOR.match(part) or names_another_problem(
                told, tracker.get_slot("report_category"))):
            return True
    return False


def _another_problem_at(tracker: Tracker, detail: Text, place: Place) -> Dict[Text, Any]:
    """A problem of another kind told as one more beside the place asked for ("ter hoogte
    van nr 14. o en de lantaarnpaal daar doet het ook al een week niet"): a report of its own
    at that place, not words added to this one (round r152 of session 51)."""
    found = _one_more_of_another_kind(tracker, detail)
    if found is None:
        return {}
    told, category = found
    more = list(tracker.get_slot("report_more_problems") or [])
    more.append({"text": capitalised(told), "category": category, "place": place.as_dict()})
    return {"report_more_problems": more}


# "en er ligt glas onder de glijbaan": something more there, told at a spot of its own
_MORE_THERE = re.compile(r"^(?:er|there) (?:ligt|liggen|staat|staan|zit|zitten|hangt|hangen|"
                         r"is|zijn|are)\b", re.IGNORECASE)


def _more_at_a_spot(reading: Reading, text: Text) -> bool:
    """"en er ligt glas onder de glijbaan" while the updates were asked about a broken swing
    (round r267 of session 63: the report moved under the slide): more told at a spot
    without a street of its own is more about the report, its place stays. A correction cue
    ("nee, het is niet bij de schommel maar …") is a correction."""
    place = reading.location
    return (place is not None and place.kind == "description" and not place.streets
            and bool(_MORE_THERE.match(_CONNECTOR.sub("", text)))
            and not _corrects_at_a_start(text) and not _PLACE_CORRECTION.search(text))


def _problem_told_elsewhere(tracker: Tracker, text: Text) -> Dict[Text, Any]:
    """A problem of its own at a street the report does not have, told instead of an answer:
    a report of its own there, not the report moved (`_told_elsewhere`)."""
    told = clean_description(text)
    if not told or not _told_elsewhere(tracker, text):
        return {}
    category = category_of(_SPOT_PHRASE.sub(" ", told))
    return _with_another_problem(tracker, told, category) if category else {}


def _with_another_problem(tracker: Tracker, told: Text, category: Text) -> Dict[Text, Any]:
    """The problem told beside this report added as one of its own, with its own place when
    the message names one ("op de hoek met de Molenweg": the corner with the report's street).
    "trouwens, ruimen jullie ook de bladeren op? de hele kerkstraat ligt vol": the place told
    is this problem's (round r71 of session 41)."""
    more = list(tracker.get_slot("report_more_problems") or [])
    problem: Dict[Text, Any] = {"text": told, "category": category}
    current = tracker.get_slot("report_place")
    place = reading_of(tracker).location
    if current and place is not None and place.kind == "street":
        place = _corner_with_the_street_asked(Place.from_dict(current), place,
                                              _text(tracker)) or place
    elif current and current.get("streets") and place is not None and place.kind == "number":
        # "de stoeptegel bij nummer 6 ligt ook los": on the report's street
        place = with_number(_street_of(Place.from_dict(current)), place)
    if place is not None and place.streets and place.as_dict() != current:
        problem["place"] = place.as_dict()
    named = problem_named(split_problem_texts(tracker.get_slot("report_description"), more),
                          told)
    if named and more[named - 1].get("category") == category:
        return _about_a_problem_told(tracker, more, named - 1, problem)
    more.append(problem)
    return {"report_more_problems": more,
            **with_ack(tracker, ack("utter_ack_two_problems", count=len(more) + 1))}


def _about_a_problem_told(tracker: Tracker, more: List[Dict[Text, Any]], index: int,
                          told: Dict[Text, Any]) -> Dict[Text, Any]:
    """"Kleine aanvulling: de lantaarnpaal staat voor nummer 27, niet voor 23" beside a
    report split in tiles and a lamp (round r230 of session 58: a third report): the lamp's
    own place, or more words about it; no new report."""
    more = [dict(problem) for problem in more]
    if told.get("place"):
        more[index]["place"] = told["place"]
        return {"report_more_problems": more, **with_ack(tracker, ack(
            "utter_ack_place_changed", place=Place.from_dict(told["place"]).label))}
    more[index]["text"] = added_to(more[index].get("text") or "", told["text"])
    return {"report_more_problems": more, **with_ack(tracker, ack("utter_ack_added"))}


def _describes_a_spot(reading: Reading, text: Text) -> bool:
    """A free description of the place, when nothing better came (second try on)."""
    return (not reading.not_a_place and len(text.split()) >= MIN_DESCRIPTION_WORDS
            and not (reading.email or reading.phone)  # "my email is …" (own try, session 44)
            and names_a_spot(text)  # not "die was vol"
            and reading.language in (None, "nl", "en") and not reading.question
            and not reading.report_question and not is_question(text))


def _with_more_words(spot: Place, more: Text) -> Place:
    if not more or more.lower() in spot.text.lower():
        return spot
    return Place.from_dict({**spot.as_dict(), "text": f"{spot.text}, {more}",
                            "landmark": f"{spot.landmark or spot.text}, {more}"})


def _near(spot: Place, place: Optional[Place], reading: Reading, text: Text) -> Place:
    """The answer to "In welke straat is dat?" after a spot ("achter het station"): the
    street with the spot; without a street, the spot (with any words the resident added)."""
    if place and place.kind == "postcode" and place.postcode:  # "1234 AB 5": kept as such
        return Place.from_dict({**place.as_dict(), "landmark": spot.text,
                                "text": f"{spot.text}, {place.text}"})
    if place and place.streets and place.kind != "description":
        if place.kind == "street":
            return _with_landmark(place, spot.text)
        if place.landmark and spot.text.lower() in place.landmark.lower():
            return place
        spots = ", ".join(part for part in (place.landmark, spot.text) if part)
        return Place.from_dict({**place.as_dict(), "landmark": spots,
                                "text": f"{place.label}, {spot.text}"})
    more = told_after_not_knowing(text)
    if more and _describes_a_spot(dataclasses.replace(  # read apart from the "weet ik niet"
            reading, not_a_place=is_clearly_not_a_place(more), question=None), more):
        # "geen idee, het is bij het winkelcentrum": no street, but more about the spot
        return _with_more_words(spot, without_chat_noise(more))
    if reading.answer is None and _describes_a_spot(reading, text):
        # "BIJ DE JUMBO ZEI IK. IEDEREEN WEET WAAR DE JUMBO IS": the spot the reader found
        more = place.text if place and place.kind == "description" else without_chat_noise(text)
        if spot.text.lower() not in more.lower():
            return Place.from_dict({**spot.as_dict(), "text": f"{spot.text}, {more}",
                                    "landmark": f"{spot.landmark}, {more}"})
    return spot


def _said_on_the_side(tracker: Tracker, events: List[EventType],
                     domain: DomainDict) -> List[EventType]:
    """"Nee hoeft niet. Kan ik die band vergoed krijgen?", "nee. er kan iemand in vallen": the
    answer is taken, and the question beside it answered (or the danger heard) in the same
    reply instead of being lost."""
    if not tracker.get_slot("requested_slot") or _text(tracker).startswith("/"):
        return []  # a button
    slots = {**tracker.slots, **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
    raised = hazard_heard(tracker, slots)
    # the question answered already by its own action: only a danger told beside it is
    # still heard ("10 WERKDAGEN?? er kan iemand in vallen en zijn nek breken", round r219)
    answered = ran_this_turn(tracker, "action_answer_report_question")
    sent_now = slots.get("report_confirmed") is True and reading_of(
        tracker).report_question == "filed"  # "ja dat klopt. is het nu gemeld?" (r139)
    answer = None if answered or _a_topic_of_its_own(tracker) or sent_now else \
        report_question_answer(tracker, domain, slots, urgent=bool(raised) or (
            slots.get("report_priority") == HIGH_PRIORITY))
    hazard = hazard_acks(reading_of(tracker), domain) if raised else []
    items = [ack(key) for key in hazard] + ([answer] if answer else [])
    if not answered and wants_to_complain(_text(tracker)):  # "ja. en ik wil een klacht
        items.append(ack("utter_ack_complaint_in_report"))  # indienen" (round 86)
    if on_call_unreached(_text(tracker)):
        items.append(ack("utter_ack_on_call_unreached"))  # "… maar die neemt niet op" (r239)
    if not items:
        return raised
    return raised + [SlotSet("report_ack", _acks_after(tracker, events) + items)]


# Words that send the report whatever else is said ("ja klopt, verstuur maar").
_SENT = re.compile(r"\b(?:verstuur\w*|versturen|stuur\w*|verzend\w*|klopt|send)\b", re.IGNORECASE)
# "Wilt u dat er nog bij zetten?", "staat dat er nu ook in?": about the report itself, which
# the form handles; no article (round 81: the street-light article answered it).
WASTE_COLLECTION = "report_waste_collection"
_THE_BIN = re.compile(r"\b(?:die|de|deze|onze|mijn|m'?n)\s+(?:\w+\s+)?(?:bak|container|kliko|"
                      r"minicontainer)\b|\b(?:hem|ie)\b", re.IGNORECASE)
_I_DO = re.compile(r"\b(?:moet|kan|zal|mag|moeten|kunnen) (?:ik|we|wij)\b", re.IGNORECASE)
_ABOUT_THE_REPORT = re.compile(
    r"\b(?:er\s*bij|erin|er in|bij)\s+(?:zetten|schrijven|vermelden|doen|noteren|staan|staat)\b"
    r"|\b(?:toevoegen|aanpassen|veranderen|wijzigen|vermelden|noteren)\b"
    r"|\bstaat\b(?: \w+){0,8} (?:erbij|erin|bij in de melding|in de melding)\b"
    r"|\b(?:add|change|mention) (?:that|it|this)\b"
    r"|\b(?:1|een|één|2|twee) (?:melding(?:en)?|nummers?|meldingsnummers?)\b|\bmeldingen\b",
    re.IGNORECASE)


def _a_topic_of_its_own(tracker: Tracker) -> bool:
    return asks_a_topic_of_its_own(_text(tracker), tracker.get_slot("report_description") or "")


def _question_before_an_answer(text: Text) -> Optional[Text]:
    """"Moet ik er iets bij zetten, een lint? en nee hoeft geen bericht": the question first,
    then the answer (round r65 of session 40: the question went unanswered)."""
    parts = [part for part in split_sentences(text) if part.strip()]
    asked = [index for index, part in enumerate(parts)
             if part.rstrip().endswith("?") and not is_rhetorical(part)]  # "wat denk je zelf?"
    if not asked or asked[-1] == len(parts) - 1:
        return None
    answer = " ".join(parts[asked[-1] + 1:])
    return parts[asked[-1]] if read_yes_no(answer) is not None else None


async def _question_beside(tracker: Tracker, events: List[EventType],
                           domain: DomainDict) -> List[EventType]:
    """"Nee hoeft niet. Gaan de lampen 's nachts uit?": the answer is taken, and a question
    of its own beside it gets the knowledge base's answer in the same reply (in English the
    article's English text: "yes send it. and what does the permit cost?", round r66)."""
    reading = reading_of(tracker)
    question = question_beside_an_answer(_text(tracker)) or _question_before_an_answer(
        _text(tracker))
    asked = tracker.get_slot("requested_slot")
    answered = (reading.answer is not None or (asked == "report_location" and reading.place)
                or (asked == "report_updates" and (reading.email or reading.phone)))
    if (not asked or not answered or not question
            or (reading.report_question and not _a_topic_of_its_own(tracker))
            # (not "moet ik er iets bij zetten, een lint?": what to do there, round r65)
            or _ABOUT_THE_REPORT.search(question) and not _I_DO.search(question)
            or wants_callback(question)
            or asked == "report_updates" and _BY_WHICH_WAY.search(question)):
        # "Kunt u mij misschien bellen?": the callback beside it, not an article; "ik heb
        # geen email. Kan het per telefoon?" is how the news comes (round r162: lost property)
        return []
    if (tracker.get_slot("report_priority") == HIGH_PRIORITY and asks_about_acting(question)
            and not _a_topic_of_its_own(tracker)):  # "… mijn paspoort verloopt, moet ik …?"
        # "moet ik er iets overheen leggen?" (round 77); never "mark it" for a cable, of any
        # of the problems told (round r65 of session 40: the wires were the second one)
        meanwhile = ack(meanwhile_advice(tracker))
        return [SlotSet("report_ack", _acks_after(tracker, events) + [meanwhile])]
    if (read_question(question) == "waste_calendar" and _THE_BIN.search(question)
            and tracker.get_slot("report_category") == WASTE_COLLECTION):
        # "wanneer komen ze die bak nou legen?" about the bin reported: the report's time
        told = ack("utter_report_question_duration", handling_time=handling_time_for(
            WASTE_COLLECTION, tracker.get_slot("report_priority") == HIGH_PRIORITY, domain,
            tracker, tracker.get_slot("report_description")))
        return [SlotSet("report_ack", _acks_after(tracker, events) + [told])]
    told = await answer_beside(tracker, question, tracker.get_slot("report_description") or "",
                               product_asked(question) or "municipal_question")
    told = told or ack("utter_ack_question_unanswered")  # "waarom hangt daar geen camera?"
    return [SlotSet("report_ack", _acks_after(tracker, events) + [told])]


_BY_WHICH_WAY = re.compile(r"\b(?:per|via|by|met|over de|op mijn|on my|through) (?:de |een |the )?"
                          r"(?:telefoon|telefoonnummer|mobiel|sms|sms'je|whatsapp|app|appje|brief|"
                          r"post|mail|e-?mail|phone|text|letter|message)\b", re.IGNORECASE)


# "It is not across the whole road, only the bike path", "de straat is de Beukenlaan": more
# about the problem already told, not a problem of its own (round 80).
# "o en de lamp doet het ook niet": one more problem told
_ONE_MORE = re.compile(r"\b(?:ook|nog|daarnaast|bovendien|also|too|as well)\b", re.IGNORECASE)
_CONNECTOR = re.compile(r"^\W*(?:(?:o|oh|oja|o ja|en|and|maar|trouwens|btw)\b\W*)+", re.IGNORECASE)
_SAME_THING = re.compile(
    r"^\W*(?:(?:het|hij|ie|ze|zij|die|dat|deze|it|that|this|they)\s+(?:is|ligt|zit|staat|hangt|"
    r"was|lag|zat|stond|lijkt|blokkeert|zijn|liggen|zitten|staan|heeft|hebben|are|lies|"
    r"blocks|hangs|looks|has|have)|"
    r"it'?s|(?:de|the) (?:straat|street|plek|place|address) is|het adres is)\b", re.IGNORECASE)
_PLACE_CORRECTION = re.compile(r"\b(?:ik bedoel\w*|bedoelde|vergis\w*|vergist|"
                               r"niet (?:op |bij |aan )?(?:nummer |nr\.? )?\d+\w?|i mean|"
                               r"niet (?:de |het |op de )?"
                               r"\w+(?:straat|weg|laan|plein|singel|dijk)"
                               # "actually wait, its not stationsweg" (round r86 of session 43)
                               r"|(?:it'?s|it is|its) not (?:on |at |in |the )?"
                               r"\w+(?:straat|weg|laan|plein|singel|dijk|street|road))\b",
                               re.IGNORECASE)
_OWN_ADDRESS = re.compile(r"\b(?:mijn (?:adres|woonadres|huisadres)|ik woon|my address)\b",
                          re.IGNORECASE)


def _names_another_problems_place(tracker: Tracker) -> bool:
    """The message names the own street of another problem the bot split off: it tells
    where that one is, not a new place for this one (round 76: "Rozenlaan 7" became
    "Rozenlaan 22")."""
    text = _text(tracker).lower()
    return any(street.lower() in text
               for problem in tracker.get_slot("report_more_problems") or []
               for street in (problem.get("place") or {}).get("streets") or [])


def _one_problem_rewritten(tracker: Tracker, description: Text) -> Dict[Text, Any]:
    """A new text for the split-off problem it names ("nee aanpassen, de tegels zijn omhoog
    gedrukt door wortels" when the report holds a lamp and loose tiles: round r86 of session
    43 replaced the lamp); {} when it names the first problem or none."""
    more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
    named = problem_named(split_problem_texts(tracker.get_slot("report_description"), more),
                          description) if more else None
    if not named:
        return {}
    more[named - 1]["text"] = description
    return {"report_more_problems": more}


def _other_problem_named(tracker: Tracker, place: Optional[Place] = None) -> Optional[int]:
    """Which problem the bot split off a correction names ("die tak is ook in de
    schoolstraat" beside a full paper container): its index in report_more_problems; None
    when it names the first problem, several or none. With the `place` told, the sentence
    that tells it counts ("De apotheek en het bankje zijn in de Schoolstraat. De tegels
    kloppen wel", round r256 of session 61: both named, so it was sent as a yes)."""
    more = tracker.get_slot("report_more_problems") or []
    if not more:
        return None
    texts = split_problem_texts(tracker.get_slot("report_description"), more)
    told = (_sentences_naming(_text(tracker), place.streets[0])
            if place is not None and place.streets else [])
    named = (problem_named(texts, told[0]) if len(told) == 1 else None) or problem_named(
        texts, _text(tracker))
    return named - 1 if named else None


_LEADING_NUMBER = re.compile(
    r"^\W*(?:(?:huis)?nummer\s*|nr\.?\s*)?(\d{1,4}[a-zA-Z]?)\s*[.,;]\s+(?=\S)", re.IGNORECASE)


def _other_problem_renumbered(tracker: Tracker) -> Dict[Text, Any]:
    """"Oh nee het is nummer 14, niet 12" when 12 is the number of a problem the bot split
    off, not of the report's own place: that problem's place and text get the new number."""
    more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
    own = (tracker.get_slot("report_place") or {}).get("house_number")
    text = _text(tracker)
    for problem in more:
        old = Place.from_dict(problem["place"]) if problem.get("place") else None
        if old is None or not old.house_number or old.house_number == own:
            continue
        number = corrected_number(text, old.house_number)
        if number and rules_out_number(text, old.house_number):
            new = with_number(old, Place(kind="number", text=number, house_number=number))
            problem["place"] = new.as_dict()
            problem["text"] = re.sub(re.escape(old.text), new.label, problem.get("text") or "",
                                     flags=re.IGNORECASE) if old.text else problem.get("text")
            return {"report_more_problems": more,
                    **with_ack(tracker, ack("utter_ack_place_changed", place=new.label))}
    return {}


def _without_a_place_asked_about(reading: Reading, text: Text) -> Reading:
    """"Wat is die straat bij die postcode, is dat de Kerkstraat?": a question about a
    street, no correction of the report's place (round 76); also asked without its question
    mark ("en moet ik het nou ook nog bij de school zeggen of doen jullie dat", round r156
    of session 51: the place became "bij de school")."""
    place = reading.location
    if place is None or not place.text:
        return reading
    for part in split_sentences(text):
        if (place.text.lower() in part.lower()
                and (part.rstrip().endswith("?") or is_question(part))
                and not _corrects_at_a_start(part) and not _PLACE_CORRECTION.search(part)):
            return dataclasses.replace(reading, place=None)
    return reading


def _corrects_the_place(tracker: Tracker, reading: Reading) -> bool:
    """"Ik vergis mij, het is 18, niet 8", "nee, het is 25 denk ik", "eigenlijk is de ingang
    aan de Van Goghstraat" beside another answer; not "sorry, ik heb geen mail, stuur het naar
    mijn adres Dorpsstraat 12" (the resident's home is no correction)."""
    text = _text(tracker)
    if _OWN_ADDRESS.search(text):
        return False
    current = tracker.get_slot("report_place") or {}
    number = current.get("house_number")
    told = reading.location
    if told is not None and told.kind == "number" and current.get("streets") and not number:
        return True  # "JA. HET IS TROUWENS TEGENOVER NUMMER 30" on a street without one
    return bool(_PLACE_CORRECTION.search(text)
                or _another_street(tracker, reading) and _corrects_at_a_start(text)
                # "wait, actually its … in front of the kapper, not the AH. and no updates"
                or told is not None and told.kind == "description" and _corrects_at_a_start(text)
                or number and corrected_number(text, number))


def _moves_the_report(tracker: Tracker) -> bool:
    """"wait actually its a bit further, in front of Schoolstraat 14, not really the corner":
    a correction that names a complete place other than the report's."""
    told = reading_of(tracker).location
    current = tracker.get_slot("report_place") or {}
    return bool(_corrects_at_a_start(_text(tracker)) and told and told.complete
                and told.text.lower() != (current.get("text") or "").lower())


def _another_street(tracker: Tracker, reading: Reading) -> bool:
    """"Nee, het is WILHELMINAstraat 5": a known street other than the report's."""
    current = tracker.get_slot("report_place") or {}
    place = reading.location
    return bool(place and place.streets and place.verified
                and list(place.streets) != list(current.get("streets") or [])
                # "… wanneer is het papier weer bij ons, wij wonen in de rozenlaan" (r73)
                and not told_in_passing(_text(tracker), place)
                and not _told_elsewhere(tracker, _text(tracker)))


# "ik geef mijn mailadres later wel door", "moment, ik zoek het op", "can I send it later?"
_GIVES_IT_LATER = re.compile(
    r"\b(?:later|straks|zo meteen|morgen)\b(?: \w+){0,3} (?:door(?:geven|sturen)?|geven|sturen|"
    r"opzoeken|doorgeven)\b|\b(?:door|geven|sturen|doorgeven)\b(?: \w+){0,2} (?:later|straks)\b"
    r"|^\W*(?:\w+ ){0,3}(?:later|straks)\W*$|\b(?:send|give) (?:it|them|you) (?:\w+ )?later\b",
    re.IGNORECASE)
# "momentje, ik zoek het op": the address is coming, the question waits
_LOOKS_IT_UP = re.compile(r"\b(?:ik )?(?:zoek|zoeken|kijk|kijken) (?:het |dat |hem )?(?:even |effe "
                          r")?(?:op|na)\b|\b(?:let me|i ll|i will) (?:look|check)\b|"
                          r"^\W*(?:momentje|moment|ogenblik|effe wachten|even wachten)\W*$",
                          re.IGNORECASE)
WISHES_SLOT = "report_contact_wishes"


def _contact_wishes_heard(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """"niet bellen, ik ben doof", "na 18u, overdag neem ik niet op": kept with the report and
    said back (round r215 of session 56: never kept, so a colleague might call a deaf man)."""
    text = _text(tracker)
    if text.startswith("/"):
        return []
    wishes = dict(tracker.get_slot(WISHES_SLOT) or {})
    told: List[Dict[Text, Any]] = []
    if says_no_calls(text) or is_deaf(text):
        wishes["no_calls"] = True
        told.append(ack("utter_ack_wish_no_calls"))
    when = call_time_wished(text)
    if when and not wishes.get("no_calls"):
        wishes["call_time"] = when
        told.append(ack("utter_ack_wish_call_time", when=when))
    if not told:
        return []
    return [SlotSet(WISHES_SLOT, wishes),
            SlotSet("report_ack", _acks_after(tracker, events) + told)]


def _acks_after(tracker: Tracker, events: List[EventType]) -> List[Dict[Text, Any]]:
    """The acknowledgements pending once `events` are applied."""
    for event in reversed(events):
        if event.get("event") == "slot" and event.get("name") == "report_ack":
            return list(event.get("value") or [])
    return list(tracker.get_slot("report_ack") or [])


# "hetzelfde nummer als ik net gaf", "zelfde nummer", "same number": the phone told before
_THE_SAME_NUMBER = re.compile(r"\b(?:(?:het)?zelfde|dezelfde|same)\s+(?:\w+\s+)?(?:nummer|number)\b"
                              r"|\b(?:dat|dit|mijn) nummer (?:van|dat ik) (?:net|eerder|daarnet)\b",
                              re.IGNORECASE)
# "zelfde mailadres als net", "same email as before" (rounds r215 and r220 of session 56)
_THE_SAME_ADDRESS = re.compile(r"\b(?:(?:het)?zelfde|dezelfde|same)\s+(?:\w+\s+)?(?:e-?mail\w*|"
                               r"mail\w*|adres|address)\b", re.IGNORECASE)


def _contact_given(tracker: Tracker, reading: Reading) -> Optional[Text]:
    """The e-mail address or phone number in the answer, or the one told before when the
    answer says "hetzelfde nummer" or "zelfde mailadres als net" (rounds r131, r142 and r146
    of session 50; r215 and r220 of session 56)."""
    contact = preferred_contact(_text(tracker), reading.email, reading.phone)
    if contact is None and _THE_SAME_ADDRESS.search(_text(tracker)):
        return _contact_told_before(tracker, email=True)
    if contact is None and _THE_SAME_NUMBER.search(_text(tracker)):
        return _contact_told_before(tracker, email=False) or callback_number(tracker)
    return contact


def _contact_told_before(tracker: Tracker, email: bool) -> Optional[Text]:
    """The e-mail address (or phone number) the resident gave for an earlier report."""
    for event in reversed(tracker.events):
        value = event.get("value") if event.get("event") == "slot" else None
        if event.get("name") == "report_contact" and value and ("@" in value) == email:
            return value
    return None


_CALL_BACK = re.compile(r"\bterug\s*(?:te\s+)?bel\w*|\bterugbel\w*|\bbel\w*\s+(?:me|mij|ons)\s+"
                        r"(?:\w+\s+)?terug\b|\b(?:call|ring|phone)\s+(?:me|us)\s+back\b",
                        re.IGNORECASE)


async def _callback_beside(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """"Parkweg 3. Ik wil graag dat iemand mij belt op 0571…" during a report: the callback
    is passed on and confirmed before the next question, and the report goes on. At the
    updates question only a call back is one ("kunnen jullie mij niet even terugbellen?
    06…", round r124 of session 49); "kunt u mij bellen? 0345…" is how news may come,
    unless the opening asked a callback without a number (`report_callback`)."""
    asked = tracker.get_slot("requested_slot")
    wished = bool(tracker.get_slot("report_callback") and reading_of(tracker).phone)
    if asked is None or not (asks_a_callback(tracker) or wished) or (
            asked in ("report_updates", "report_contact") and not wished
            and not _CALL_BACK.search(tracker.latest_message.get("text") or "")):
        return []
    taken = await pass_on_callback(tracker)  # the callback asked in the opening: its number
    return [SlotSet("report_ack", _acks_after(tracker, events) + [taken]),
            SlotSet("report_callback", False)] if taken else []


# "het bord staat scheef en de put ernaast is verstopt": where a second problem begins
_AND_ANOTHER = re.compile(r"\s*(?:[,;.]\s*|\s+)(?:en|and)\s+"
                          r"(?=(?:de|het|een|er|ook|the|a|there)\b)", re.IGNORECASE)
MIN_PROBLEM_WORDS = 3
# "kan dat een aparte melding", "ik wil 2 meldingen", "splits het in twee"
_SEPARATE = re.compile(r"\b(?:aparte?|losse|tweede|2|twee) melding(?:en)?\b"
                       r"|\bapart (?:melden|houden|doen)\b|\bsplits\w*\b|\bsplit (?:it|them)\b"
                       r"|\bin twee(?:en|ën)?\b|\b(?:two|2|separate) reports?\b", re.IGNORECASE)


# "punt 1 moet zijn: …", "bij 2 moet alleen staan: …" (round r230)
_POINT_SAYS = re.compile(r"(?:\b(?:bij\s+)?(?:punt|nummer|melding|item)\s*|\bbij\s+|^\W*)"
                         r"\(?(1|2|3|een|één|twee|drie)\)?\s*(?:moet|mag|hoort)\s+(?:er\s+)?"
                         r"(?:alleen\s+|enkel\s+|gewoon\s+)?(?:zijn|worden|te\s+zijn|staan|komen"
                         r"|te\s+staan)\s*:?\s*(?:dat\s+)?(.+)$"
                         r"|^\W*\((1|2|3)\)\s*:?\s*(.+)$", re.IGNORECASE)
_POINT_NUMBERS = {"1": 1, "een": 1, "één": 1, "2": 2, "twee": 2, "3": 3, "drie": 3}
_POINT_WRONG = re.compile(r"\b(?:nr|nummer|punt|melding)\.?\s*\(?([123])\)?\s+(?:klopt|is)\s+"
                          r"(?:niet|nie|fout)\b(?:\s+(?:helemaal|goed|echt))?\W+(.{8,})$",
                          re.IGNORECASE)
_POINT_ADDS = re.compile(r"\b(?:zet\s+)?bij\s+(?:punt\s+|melding\s+|nummer\s+)?\(?(1|2|3|een|één|"
                         r"twee|drie)\)?\s+(?:(?:nog|ook|graag|even|wel|maar)\s+)*(?:erbij|toevoegen|"
                         r"bijzetten|bij\s+zetten|aanvullen|zetten)\s*:?\s*(?:dat\s+)?(.+)$",
                         re.IGNORECASE)


def contact_told_before(tracker: Tracker) -> Optional[Text]:
    """The e-mail address or phone number told earlier in this report ("met Gerrit, 06-…"),
    so a later "ja, hou me op de hoogte" does not ask for it again (round r46)."""
    started = False  # the message that started the report comes before action_start_report
    for event in reversed(tracker.events[:-1]):
        if event.get("event") == "action" and event.get("name") == "action_start_report":
            started = True
        elif event.get("event") == "user" and not (event.get("text") or "").startswith("/"):
            told = read_contact(event.get("text") or "")
            contact = preferred_contact(event["text"], told.email, told.phone)
            if contact or started:
                return contact
    return None


_CLAUSE_BREAK = re.compile(r",\s+(?:en\s+)?|\s+en\s+(?=(?:er|het|de|die|ook|nu)\b)", re.IGNORECASE)


def _clauses_of(description: Text) -> List[Tuple[int, Text]]:
    """The clauses of a description with the number of their sentence: "…, het stinkt en er
    lopen nu ook ratten rond" has the rats in a clause of their own (round r67)."""
    return [(number, clause.strip()) for number, sentence in enumerate(split_sentences(description))
            for clause in _CLAUSE_BREAK.split(sentence) if clause.strip()]


def _joined_clauses(parts: List[Tuple[int, Text]]) -> Text:
    """The clauses kept, each sentence's own joined with commas."""
    sentences: Dict[int, List[Text]] = {}
    for number, clause in parts:
        sentences.setdefault(number, []).append(clause.rstrip(" .,;"))
    return " ".join(", ".join(clauses) + "." for clauses in sentences.values())


def _street_removed(tracker: Tracker) -> bool:
    """"Wilgenhof moet eruit, het is alleen het fietspad voor de school": the street of a
    place with a spot beside it is taken out."""
    part = part_to_remove(_text(tracker))
    place = tracker.get_slot("report_place") or {}
    return bool(part and place.get("landmark") and any(
        part.words.lower() in street.lower() for street in place.get("streets") or []))


def _chooses_problems(tracker: Tracker, clauses: bool = False) -> bool:
    """"Laat die vuilbakskes maar vallen, 't is alleen die put": the resident chooses among the
    problems told (with `clauses`, among the clauses of one report too); the choice is made
    after the validation (_kept_problems), so the words are no addition nor a plain yes."""
    description, text = tracker.get_slot("report_description") or "", _text(tracker)
    more = tracker.get_slot("report_more_problems")
    if _moves_the_report(tracker) or _street_removed(tracker):
        return False  # "… in front of Schoolstraat 14, not really the corner": a place
    if adds_to_a_report(text):
        return False  # "alleen graag erbij zetten: …" adds, chooses nothing (round r185)
    if not more and drops_what_is_not_there(text, description):
        return True  # chosen already: slot extraction runs the validation once before
    return bool(more or clauses) and problems_to_keep(
        text, _choosable_parts(description, more)) is not None


def _choosable_parts(description: Text, more: Optional[List[Dict[Text, Any]]]) -> List[Text]:
    """What the resident may keep or leave out: the problems the bot split, or, with one
    problem, the clauses of its description."""
    if more:
        return split_problem_texts(description, more)
    return [clause for _, clause in _clauses_of(description)]


def _kept_problems(tracker: Tracker, events: List[EventType]) -> Dict[Text, Any]:
    """"Alleen de ratten melden", "haal die brommers eruit": of the problems the bot split,
    only those the resident still wants; the first kept one becomes the report's own. "Het
    is maar 1 ding hoor, alleen de glijbaan" joins them instead (round 75)."""
    text, description = _text(tracker), tracker.get_slot("report_description") or ""
    more = tracker.get_slot("report_more_problems")
    if (text.startswith("/") or not description or ran_this_turn(tracker, "action_start_report")
            or tracker.get_slot("requested_slot") == "report_description"):
        return {}  # the message the problems come from chooses none ("fietsen zonder wielen")
    if adds_to_a_report(text):
        return {}  # "Alleen graag erbij zetten: …" (see _chooses_problems)
    if more and says_it_is_one_problem(text):
        if tracker.get_slot("requested_slot") in ("report_location", "report_confirmed"):
            return {}  # those steps join them beside their own answer
        return {**ValidateReportForm.joined_problems(tracker),
                "report_ack": _acks_after(tracker, events) + [ack("utter_ack_one_report")]}
    at_summary = tracker.get_slot("requested_slot") == "report_confirmed"
    again = {"report_confirmed": None, "report_prompt": None} if at_summary else {}
    left_out = {**again, "report_ack": [ack("utter_ack_problem_left_out")]}
    if not more and not at_summary:
        return {}
    kept = problems_to_keep(text, _choosable_parts(description, more))
    if not more:  # one report at the summary: its clauses are the parts one may leave out
        if kept:
            parts = _clauses_of(description)
            return {"report_description": _joined_clauses([parts[index] for index in kept]),
                    **left_out}
        return left_out if at_summary and already_left_out(text, description) else {}
    problems = [{"text": description, "category": tracker.get_slot("report_category")}] + list(
        more)
    if not kept:
        return {}
    first = problems[kept[0]]
    slots: Dict[Text, Any] = {
        "report_description": first.get("text"),
        "report_category": first.get("category") or tracker.get_slot("report_category"),
        "report_more_problems": [problems[index] for index in kept[1:]] or None, **left_out}
    if kept[0] and first.get("place"):
        slots.update(place_slots(Place.from_dict(first["place"])))
    return slots


def _with_slots(events: List[EventType], slots: Dict[Text, Any]) -> List[EventType]:
    """`events` with `slots` set last, and no earlier event setting the same slots."""
    kept = [event for event in events
            if not (event.get("event") == "slot" and event.get("name") in slots)]
    return kept + [SlotSet(name, value) for name, value in slots.items()]


# Intents that leave the form (the slot mappings' not_intent), when the model is sure of them.
_EXIT_GUESSES = (COMPLAINT_INTENT, ASK_HUMAN_INTENT, OPENING_HOURS_INTENT)


def _answer_despite_the_intent(tracker: Tracker, slot: Text) -> Dict[Text, Any]:
    """The words answer the question although the model guessed a complaint or a wish for
    a person ("mwah liever niet, ik krijg al zoveel mail" at the updates question): the
    slot mapping skips those intents, so the answer is taken here (bot.policies routes the
    message to the form)."""
    intent = tracker.latest_message.get("intent") or {}
    reading = reading_of(tracker)
    if (tracker.get_slot("requested_slot") == slot and tracker.get_slot(slot) is None
            and not reading.danger and reading.answer is None and _heard_as_a_complaint(tracker)):
        return {slot: _text(tracker)}  # "auto's rijden erover hij klappert heel hard"
    if (tracker.get_slot("requested_slot") != slot or tracker.get_slot(slot) is not None
            or intent.get("name") not in _EXIT_GUESSES
            or (intent.get("confidence") or 0) >= SURE_INTENT and not says_no_calls(
                _text(tracker))  # "ja graag maar niet bellen want ik ben doof" (r215)
            or reading.danger
            or asks_for_a_person(_text(tracker))
            or not (reading.answer is not None or reading.email or reading.phone)
            or intent.get("name") == OPENING_HOURS_INTENT and (is_question(_text(tracker))
                                                          or reading.question)):
        return {}  # "Dat zou ik op prijs stellen. U kunt mij bereiken via …" is an answer
    return {slot: _text(tracker)}


class ValidateReportForm(FormValidationAction):
    """Validates and normalises each answer; a bad answer is asked again in a focused way."""

    def name(self) -> Text:
        return "validate_report_form"

    async def extract_report_location(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: DomainDict) -> Dict[Text, Any]:
        """An answer to "Waar is het?" that the model heard as another topic, which the slot
        mapping skips (bot.policies routes the message here)."""
        if (tracker.get_slot("requested_slot") != "report_location"
                or tracker.get_slot("report_location") is not None
                or _text(tracker).startswith("/")
                or not reading_of(tracker).answers_where_all_the_same(
                    _text(tracker), tracker.get_intent_of_latest_message())):
            return {}
        return {"report_location": _text(tracker)}

    async def extract_report_updates(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        return _answer_despite_the_intent(tracker, "report_updates")

    async def extract_report_contact(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        return _answer_despite_the_intent(tracker, "report_contact")

    async def extract_report_confirmed(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        return _answer_despite_the_intent(tracker, "report_confirmed")

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        events = _with_slots(events, _kept_problems(tracker, events))
        events = events + _said_on_the_side(tracker, events, domain)
        events = events + await _question_beside(tracker, events, domain)
        events = events + _contact_wishes_heard(tracker, events)
        return events + await _callback_beside(tracker, events)

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        channel = channel_of(tracker)
        skip = set()
        if channel not in CHANNELS_WITH_MEDIA:
            skip.add("report_photo")
        if channel in CHANNELS_WITH_ADDRESS or tracker.get_slot("report_updates") is not True:
            skip.add("report_contact")
        return [slot for slot in domain_slots if slot not in skip]

    def validate_report_description(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "report_description"):
            return {"report_description": value}  # set from the first message, already read
        reading = reading_of(tracker)
        extras = shared_slots(tracker)
        place = reading.location
        if place and not tracker.get_slot("report_location"):
            extras.update(told_place_slots(place, _text(tracker)))  # "de lamp in de Beukenlaan"
        description = description_of(reading, _text(tracker))
        if place and _only_the_place(_text(tracker), place):
            description = None  # "bij de kerkstraat" to "Wat wilt u melden?": kept, asked again
        if description:
            acks = [ack(f"utter_ack_{tracker.get_slot('report_category')}")
                    if not extras else None, personal_data_ack(reading, tracker)]
            said_place = extras.get("report_location") or (place.label if place else None)
            if "report_place" in extras and said_place:
                acks.append(ack("utter_ack_place", place=said_place))
            return {**extras, "report_description": description, **with_ack(tracker, *acks)}
        if extras:  # a photo or pin came first: keep it, then ask what is wrong
            return {**extras, "report_description": None}
        return {"report_description": None,
                "report_prompt": prompt("utter_report_description_unclear")}

    def validate_report_location(self, value: Any, dispatcher: CollectingDispatcher,
                                 tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "report_location"):
            return {"report_location": value}  # set from the first message, already read
        pin = shared_slots(tracker)
        if "report_location" in pin:
            return pin
        if pin:  # a photo instead of the place: keep it, ask for the place again
            return {**pin, "report_location": None}
        reading, text = reading_of(tracker), _text(tracker)
        each = _places_per_problem(tracker, text)
        if each:
            return {**each, **with_ack(tracker, ack("utter_ack_place", place=" en ".join(
                [each["report_location"]] + [Place.from_dict(problem["place"]).label
                                             for problem in each["report_more_problems"]])))}
        pending, first = pending_place(tracker), _LEADING_NUMBER.match(text)
        if first and pending and pending.streets and not pending.house_number:
            # "31. en dat plastic ligt overal tussen 20 en 40": the number asked, then more
            # about the problem (round r70 of session 40: "Kerkweg 20 t/m 40")
            reading = dataclasses.replace(reading, place=Place(
                kind="number", text=first.group(1), house_number=first.group(1)).as_dict())
        found = self._resolve(tracker, reading, text)
        joined = self.joined_problems(tracker)  # "aan het eind, en het is 1 stort hoor"
        if isinstance(found, Place):
            found = _without_noise(found)
            detail = _detail_beside_the_place(reading, found,
                                              tracker.get_slot("report_description") or "")
            if detail and first:  # "31. en dat plastic …": the number is the place's
                detail = _LEADING_NUMBER.sub("", detail, count=1)
            other = _another_problem_at(tracker, detail, found) if detail and not joined \
                else {}
            if other:  # "nr 14. o en de lantaarnpaal daar doet het ook niet" (round r152)
                detail = None
            told = ({"report_description": self._added(tracker, detail)}
                    if detail and not joined else {})  # "julianastraat 31. hij heeft een …"
            pending = pending_place(tracker)
            # "ik bedoel de LINDELAAN niet de beukenlaan": the description follows (round r65)
            told.update(_with_street_swapped(
                told.get("report_description") or tracker.get_slot("report_description") or "",
                pending.as_dict() if pending else None, found))
            return {**place_slots(found), **joined, **told, **other,
                    **with_ack(tracker, ack("utter_ack_place", place=found.label),
                               personal_data_ack(reading, tracker),
                               ack("utter_ack_one_report") if joined else None,
                               ack("utter_ack_two_problems",
                                   count=len(other["report_more_problems"]) + 1)
                               if other else None)}
        tries = int(tracker.get_slot("report_location_tries") or 0)
        detail = _detail_beside_the_place(reading, reading.location,
                                          tracker.get_slot("report_description") or "") \
            if reading.location is not None and not joined else None
        told = {"report_description": self._added(tracker, detail)} if detail else {}
        return {"report_location": None, "report_location_tries": tries + 1, **joined, **found,
                **told}  # "hakenkruis en … in de fietstunnel" before "in welke straat?"

    def _resolve(self, tracker: Tracker, reading: Reading, text: Text) -> Any:
        """The place, or the slots that ask a focused follow-up question."""
        pending, place = pending_place(tracker), reading.location
        tries = int(tracker.get_slot("report_location_tries") or 0)
        if pending and pending.suggestion:
            answer = answer_of(tracker, reading)
            if answer is True:
                return self._street_or_ask(_as_suggested(pending))
            number = (corrected_number(text, pending.house_number) if pending.house_number
                      else None)
            if answer is False and number:
                # "nee wacht 33 niet 3. tegenover de bakker" at "Bedoelt u de Molenweg?": the
                # no is about the number (round 87: the report kept "Molenwg 3")
                fixed = with_number(_as_suggested(pending),
                                    Place(kind="number", text=number, house_number=number))
                if place is not None and place.kind == "description":
                    fixed = _with_landmark(fixed, place.text)
                return self._street_or_ask(fixed)
            said_again = place and tuple(place.streets) == tuple(pending.streets)
            if answer is False and pending.streets and (not place or said_again):
                own = place if said_again and place.house_number else pending
                return self._street_or_ask(_as_own_words(own))  # 'nee, de Berkenlaan 12'
            if answer is False and not place:
                return {"report_place": None,
                        "report_prompt": prompt("utter_report_street_unknown",
                                                street=text, place=profile().location.place)}
        asked = last_bot_response(tracker)
        checked = (pending is not None and is_unknown_street(pending)
                   and asked in (UNKNOWN_STREET_QUESTION, LAST_TRY))
        said_yes = answer_of(tracker, reading) is True
        same = bool(place and tuple(place.streets) == tuple(pending.streets)) if pending else False
        again = same or _names_again(text, pending)
        if checked and again and _called_an_area(tracker, pending.streets[0]):
            return pending_slots(pending, prompt(LAST_TRY))  # "de wijk De Eikenhof": a street?
        corner = _corner_with_the_street_asked(pending, place, text) if checked else None
        if corner is not None:
            # "its definitely beatrixlaan, but the school is on the corner with the schoolstraat"
            # (round r163: the whole sentence stored as the place)
            return self._street_or_ask(corner)
        if checked and said_yes and place and place.streets and not again:
            # "ja de naam klopt, een nieuwe wijk achter de Beukenlaan": the street named at
            # the question stays; the known street tells where it is
            return self._street_or_ask(_as_own_words(_with_landmark(
                pending, _spot_near(text, place))))
        if checked and (said_yes and not place or again):
            # "jawel, Eikenlaan 5", "het is echt de populierenlaan hoor. de grote flat achter
            # het winkelcentrum": the resident knows the street; taken as they write it
            own = place if same and place.house_number else pending
            spot = place.landmark if same else _clause_naming(text, place.text) if place else None
            if spot:  # "Jazeker, de Nieuwstraat, die loopt van …": the street not twice
                spot = re.sub(rf"^\W*(?:de |het )?{re.escape(pending.streets[0])}\W*", "",
                              without_chat_noise(spot), flags=re.IGNORECASE) or None
            own = _with_landmark(own, spot) if spot else own
            return self._street_or_ask(_as_own_words(own))
        if is_unknown_street(place) and not checked:
            if is_spot_only(pending) and not place.landmark:  # "achter de sporthal" kept
                place = _with_landmark(place, pending.text)
            return unknown_street_slots(place)  # "Eikenlaan 5": asked once, then taken
        if is_spot_only(pending):
            return _near(pending, place, reading, text)
        if (pending and len(pending.streets) == 1 and not pending.house_number
                and (place is None or not place.streets) and names_the_whole_street(text)):
            # "Bij welk huisnummer?" "het gaat om de hele straat": the whole street
            return dataclasses.replace(pending, kind="stretch", landmark=None, text=text)
        if place and place.kind == "number" and pending and (pending.streets
                                                             or pending.postcode):
            return with_number(pending, place)
        if _number_for_the_street_asked(pending, place, text):
            # "Bij welk huisnummer in de Rozenlaan?" "nummer 23, bij de hoek met de Parkweg"
            return Place.from_dict({**with_number(pending, place).as_dict(),
                                    "landmark": place.text, "text": place.text})
        if is_misspelt_street(place):
            return street_suggestion_slots(place)
        if place and place.kind == "description" and pending and pending.streets:
            if named_as_the_home(text, pending.streets[0]):
                return place  # "Beukenhof is just where I live. … behind the school": not there
            return _with_landmark(pending, place.text)  # "tegenover de bakker": on that street
        if place and place.kind == "description" and pending and pending.postcode:
            # "Bij welk huisnummer in de 3451 KT?" "geen huisnummer, het is bij de bushalte"
            return Place.from_dict({**pending.as_dict(), "landmark": place.text,
                                    "text": f"{pending.text}, {place.text}"})
        corner = _corner_with_the_street_asked(pending, place, text)
        if corner is not None:
            return corner  # "Bij welk huisnummer in de Kerkstraat?" "op de hoek met de …"
        if names_only_the_home(place) and not pending and not tries:
            return {"report_prompt": prompt(HOME_ADDRESS_QUESTION)}  # "voor mn huis"
        if is_spot_only(place) and not pending and not tries and not _TOLD_BEFORE.search(text):
            return {**pending_slots(place, street_near_question(place)),
                    **with_ack(tracker, ack("utter_ack_place", place=place.label))}
        if place and place.complete:
            return place
        if place and place.kind == "postcode":
            return self._street_or_ask(place)
        toward = _toward_another_street(pending, place, text)
        if toward is not None:
            return toward
        if place and place.kind == "street":
            beside = _words_beside(text, place.text)
            if beside:  # "Stationsweg, bij het bushokje": the street and a spot on it
                return _with_landmark(place, beside)
            if pending and tuple(pending.streets) == tuple(place.streets) and tries:
                return place  # asked for a number twice: the street will do
            return self._street_or_ask(place)
        if pending and pending.streets and _describes_a_spot(reading, text):
            return _with_landmark(pending, without_chat_noise(text))
        if tries and _describes_a_spot(reading, text):
            return Place(kind="description", text=without_chat_noise(text))
        spot = _english_spot(reading, text) if not place or place.kind == "description" else None
        if spot and pending and pending.streets:
            return _with_landmark(pending, spot)  # "near the bus stop, I said"
        if spot:
            return Place(kind="description", text=spot, landmark=spot)
        if pending and pending.streets and not place:  # no number for the street asked
            if tries or answer_of(tracker, reading) is False or says_not_known(text):
                # "weet ik niet": the street will do, with the spot told ("achter de sporthal")
                return pending if pending.landmark else _street_of(pending)
            return pending_slots(pending, number_question(pending))
        if pending and pending.postcode and not place and (
                answer_of(tracker, reading) is False or says_not_known(text)):
            return pending  # "nee", "weet ik niet": the postcode will do
        key = ("utter_report_location_give_up" if tries >= GIVE_UP_TRIES
               else LAST_TRY if tries
               else "utter_report_location_unclear")
        return {"report_prompt": prompt(key)}

    @staticmethod
    def _street_or_ask(place: Place) -> Any:
        if place.complete or not needs_number(place):
            return place
        return pending_slots(place, number_question(place))

    def validate_report_photo(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        # Offered once: anything that is not a photo means "no photo".
        return {"report_photo": shared_photo(tracker) or NO_PHOTO}

    def validate_report_updates(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if value is True and not _asked(tracker, "report_updates"):
            return {"report_updates": True}  # set from the first message, already read
        moved = _place_word_swapped(tracker)
        if moved:
            return {"report_updates": None, **moved}
        reading = _without_a_place_asked_about(reading_of(tracker), _text(tracker))
        described = self._described_again(tracker, reading)
        if described:
            return {"report_updates": None, **described}
        second = self._second_problem_told(tracker, reading)
        if second:
            return {"report_updates": None, **second}
        contact = _contact_given(tracker, reading)
        added = None if reading.answer is not None or contact or _chooses_problems(
            tracker) or _number_corrected(tracker) else self._more_about_the_problem(
            tracker, reading)  # "Weer? Het is de eerste keer. … mijn mail, dat is …": a yes
        if added:  # "en er zitten ook ratten": added, then the same question
            return {"report_updates": None, **added}
        answer = answer_of(tracker, reading)
        if answer is None and prefers_a_call(_text(tracker)):
            answer = True  # "ik kan niet zo goed sms lezen, liefst even bellen" (round r172)
        if answer is True and not contact and _NO_UPDATES_BUT_SEND.search(_text(tracker)):
            answer = False  # "no message. just send", "nee hoor, verstuur maar" (round r119)
        if contact and (answer is None or WANTS_UPDATES.search(_text(tracker))
                        or YES_AFTER_ALL.search(_text(tracker))
                        or declines_only_a_medium(_text(tracker))
                        # "ja. mijn nummer 06…. maar bellen moeilijk voor mij" (round r215):
                        # the no is about calling
                        or read_yes_no(first_sentence(_text(tracker))[0]) is True
                        or says_no_calls(_text(tracker))):
            # "it's not the waste, it's rats. Yes please keep me updated: a@b.nl", "nee er is
            # niemand gestoken. ja stuur me maar een mailtje: …": an address is a yes
            answer = True
        text = _text(tracker)
        if (answer is False and _corrects_at_a_start(text) and WANTS_UPDATES.search(text)
                and not NO_UPDATES.search(text)):
            answer = True  # "oh nee wacht, het is 14, niet 12. en ja hou me op de hoogte"
        swapped = _with_word_swapped(tracker) if answer is not True else None
        if swapped:  # "(oh nee) niet vol, hij is kapot" (round r208 of session 55: lost); the
            # no takes the word back, so the updates are asked again, unless the message
            # says no to them too ("… het is de blauwe. en nee hoeft geen bericht")
            return {"report_updates": False if NO_UPDATES.search(text) else None,
                    "report_description": swapped,
                    **with_ack(tracker, ack("utter_ack_description_changed"))}
        if (answer is False and reading.location and not _answers_first(_text(tracker))
                and not NO_UPDATES.search(text)  # "wait, … in front of the kapper. and no
                # updates needed" (round r109: asked again)
                and (_corrects_at_a_start(_text(tracker)) or _another_street(tracker, reading))):
            corrected = self._correction(tracker, reading, None, only_place=True)
            if corrected:  # "o wacht, nee sorry, het is de bibliotheek": asked again
                # "… het is nummer 16, niet 14. en er zitten ook doornen aan": both
                return {"report_updates": None, **_with_the_remark(tracker, corrected, reading)}
        if answer is None:
            elsewhere = _problem_told_elsewhere(tracker, text)
            if elsewhere:  # "de glasbak op de dorpsstraat zit propvol" beside a lamp report
                return {"report_updates": None, **elsewhere}
            corrected = self._correction(tracker, reading, None, only_place=True)
            return {"report_updates": None, **(corrected or {}),
                    "report_prompt": prompt("utter_report_updates_unclear")}
        beside = ({} if _chooses_problems(tracker)  # chosen after it
                  or _corrects_the_place(tracker, reading)  # a place, below
                  else self._another_problem_beside(tracker)
                  or self._more_about_it_beside(tracker, reading) or {})
        slots: Dict[Text, Any] = {"report_updates": answer, **beside}
        contact = contact or (contact_told_before(tracker) if answer else None)
        if answer and contact and channel_of(tracker) not in CHANNELS_WITH_ADDRESS:
            slots["report_contact"] = contact
        if _corrects_the_place(tracker, reading) or (
                _answers_first(_text(tracker)) and _another_street(tracker, reading)
                # "ja mail maar. trouwens, … de hele kerkstraat ligt vol (bladeren)": the
                # place of the other problem, not a new one for this (round r71 of session 41)
                and "report_more_problems" not in beside):
            # "… het is 18, niet 8. Ja, per sms", "hoeft niet. o het is de Julianastraat"
            slots.update(self._correction(tracker, reading, None, only_place=True) or {})
        return slots

    def validate_report_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        moved = _place_word_swapped(tracker)
        if moved:
            return {"report_contact": None, **moved}
        reading = reading_of(tracker)
        contact = _contact_given(tracker, reading)
        corrects = bool(reading.location) and (_corrects_the_place(tracker, reading)
                                               or _another_street(tracker, reading))
        if contact:  # a valid address wins over whatever intent the model saw in it
            # "ria@… o en het is tegenover nummer 14, niet 12" (round r67 of session 40)
            corrected = self._correction(tracker, reading, None, only_place=True) \
                if corrects else None
            return {"report_contact": contact, **(corrected or {})}
        added = None if reading.answer is not None else (
            self._second_problem_told(tracker, reading)
            or self._more_about_the_problem(tracker, reading))
        if added:
            return {"report_contact": None, **added}
        if corrects:
            corrected = self._correction(tracker, reading, None, only_place=True)
            if corrected:  # "o het is bij nummer 20 trouwens": the place, then the address
                return {"report_contact": None, **corrected}
        if answer_of(tracker, reading) is False or says_send_it(_text(tracker)):
            # "nee joh, verstuur maar gewoon": no news, the report goes as it is
            return {"report_contact": None, "report_updates": False}
        if _LOOKS_IT_UP.search(_text(tracker)):
            return {"report_contact": None, "report_prompt": prompt("utter_report_contact_wait")}
        if _GIVES_IT_LATER.search(_text(tracker)):
            # "ik geef mijn mailadres later wel door" (round r222 of session 56: "Dat is geen
            # e-mailadres" twice): sent now, and the address can follow in this chat
            return {"report_contact": None, "report_updates": False,
                    **with_ack(tracker, ack("utter_ack_contact_later"))}
        return {"report_contact": None, "report_prompt": prompt("utter_report_contact_invalid"),
                **with_ack(tracker, personal_data_ack(reading, tracker))}

    def validate_report_confirmed(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        slots = self._confirmed(tracker)
        if (slots.get("report_confirmed") is None and sends_after_the_change(_text(tracker))
                and {"report_description", "report_place"} & set(slots)):
            # "Zet er nog bij dat het de grote eik is. Dan mag hij verstuurd worden", "bij
            # waar moet staan: …. verder goed, versturen" (rounds r276 and r277: the words were
            # added, or the report sent without the change): changed, then sent
            if slots.get("report_description"):
                slots["report_description"] = without_the_send(slots["report_description"])
            slots["report_confirmed"] = True
        return slots

    def _confirmed(self, tracker: Tracker) -> Dict[Text, Any]:
        moved = (_places_per_item(tracker) or _place_word_swapped(tracker)
                 or _number_said_belgian(tracker))
        if moved:
            return moved
        reading = _without_a_place_asked_about(reading_of(tracker), _text(tracker))
        more = tracker.get_slot("report_more_problems")
        if more and says_it_is_one_problem(_text(tracker)):
            return self._one_report(tracker)
        if _chooses_problems(tracker, clauses=True):
            # "goed zo. die ratten laat u toch maar weg" (round r67 of session 40: both sent):
            # no yes; the problems kept are chosen after the validation (_kept_problems)
            return {"report_confirmed": None}
        second = self._second_problem_told(tracker, reading)
        if second:
            return {"report_confirmed": None, **second}
        rewritten = self._left_out(tracker) or self._restated(tracker, reading) \
            or self._point_added(tracker) or self._point_restated(tracker) \
            or self._split_on_request(tracker, reading)
        if rewritten:
            return rewritten
        answer = answer_of(tracker, reading)
        if answer is None and reading.thanks:
            answer = True  # "dank u wel" at the summary means: send it
        if answer is not True and says_nothing_to_change(_text(tracker)) and not reading.addition:
            answer = True  # "er hoeft niks anders", "nee, verder niks" (round 95)
        new_contact = self._new_contact(tracker, reading)
        if new_contact:  # "liever een sms naar 06-… in plaats van mail"
            return {"report_confirmed": None, "report_updates": True,
                    "report_contact": new_contact, **self._detail_beside_the_contact(tracker),
                    **with_ack(tracker, ack("utter_ack_contact_changed"))}
        if tracker.get_slot("report_updates") is True and NO_UPDATES.search(_text(tracker)):
            # "hmm doe toch maar geen berichten, verder klopt het" (round 100: "Wat moet er
            # anders?" twice): no updates, the summary again to confirm
            return {"report_updates": False, "report_contact": None, "report_confirmed": None}
        updates = self._updates_now(tracker, reading, answer)
        if updates and is_only_contact(_text(tracker)):
            return updates  # "berichten wel. 06-…" after "Wat moet er anders?" (round r46)
        if answer is True and _told_elsewhere(tracker, _text(tracker)):
            beside = self._another_problem_beside(tracker) or {}
            if "report_more_problems" in beside:  # both shown, then both sent
                return {"report_confirmed": None, **beside}
        another = (answer is True and reading.addition and _SENT.search(_text(tracker))
                   and names_another_problem(reading.addition, tracker.get_slot("report_category")))
        # "ja verstuur. oja en er ligt al een week een kapotte bank … bij nr 30" (round r265 of
        # session 62: the bin moved to the sofa's number): no correction; sent, the sofa next
        correction = None if another else self._correction(tracker, reading, answer)
        if correction:  # "toch wel graag berichten. 06…. en het is de Julianastraat": both
            return {**correction, **updates}
        if updates:
            return updates
        if (answer is True and tracker.get_slot("report_priority") != HIGH_PRIORITY
                and says_it_is_dangerous(_text(tracker)) and not _SENT.search(_text(tracker))):
            # "kinderen klimmen er wel op en het kan omvallen. dus ja gevaarlijk": the yes
            # answers whether it is dangerous; the summary is asked again, with priority
            return {"report_confirmed": None, "report_priority": HIGH_PRIORITY,
                    **({"report_description": self._added(tracker, reading.addition)}
                       if reading.addition else {}),
                    **with_ack(tracker, ack("utter_ack_hazard"))}
        if answer is True and asks_a_change(_text(tracker)) and not _SENT.search(_text(tracker)):
            answer = None  # "De plaats is nu goed, dank u. Maar … graag weglaten" (round r60)
        if answer is True:
            slots: Dict[Text, Any] = {"report_confirmed": True}
            if (tracker.get_slot("report_priority") != HIGH_PRIORITY
                    and says_it_is_dangerous(_text(tracker))):
                # "ja versturen. maar dit IS toch gevaarlijk??" (round r162): sent, with priority
                slots["report_priority"] = HIGH_PRIORITY
            if reading.addition and names_another_problem(
                    reading.addition, tracker.get_slot("report_category")):
                return slots  # a report of its own, started after this one is sent
            asked = question_beside_an_answer(_text(tracker))
            addition, told_in_it = reading.addition, False
            if asked and (not addition or _words(asked) & _words(addition)):
                # (a question beside the yes is answered, not added: _question_beside) but
                # "yes. also it had a collar, maybe someone is looking for it?" tells a collar
                # (round r276: sent without it)
                told = what_it_tells(asked)
                told = told if told and _tells_more(
                    told, tracker.get_slot("report_description") or "") else ""
                addition, told_in_it = (read_addition(told) or told if told else None), True
            if (addition and not WANTS_UPDATES.search(addition)
                    and (told_in_it or not _said_after(_text(tracker), asked, addition))):
                # "yes but please add that it has a red collar": said back; not "maar ik wil
                # wel graag weten wanneer het klaar is" with news already asked for
                slots["report_description"] = self._added(tracker, addition)
                slots.update(with_ack(tracker, ack("utter_ack_added_when_sent",
                                                  addition=addition)))
            return slots
        return {"report_confirmed": None, "report_prompt": prompt("utter_report_what_to_change")}

    @staticmethod
    def _street_left_out(tracker: Tracker, place: Place, description: Text) -> Dict[Text, Any]:
        """"Wilgenhof moet eruit, het is alleen het fietspad voor de school" (round r275: the
        description lost a sentence): the street leaves the place and the description; the
        spot stays."""
        spot = dataclasses.replace(place, kind="description", streets=(), house_number=None,
                                   text=place.landmark, verified=True, suggestion=None,
                                   latitude=None, longitude=None)
        told = description
        for street in place.streets:
            told = re.sub(rf"[,\s]*\b(?:(?:op|aan|in|at|on)\s+)?(?:de\s+|het\s+)?"
                          rf"{re.escape(street)}\b", "", told, flags=re.IGNORECASE)
        return {**place_slots(spot), "report_confirmed": None,
                **({"report_description": told.strip()} if is_description(told) else {}),
                **with_ack(tracker, ack("utter_ack_problem_left_out"))}

    @staticmethod
    def _left_out(tracker: Tracker) -> Dict[Text, Any]:
        """"bijna juist, maar 'belt ge mij dan' moet er niet bij": those words taken out, the
        summary shown again (round r43: the remark was added and the report sent)."""
        last = last_sentences_to_remove(_text(tracker))
        description = tracker.get_slot("report_description") or ""
        kept_first = " ".join(split_sentences(description)[:-last]) if last else ""
        if last and not tracker.get_slot("report_more_problems") and is_description(kept_first):
            return {"report_description": kept_first, "report_confirmed": None,
                    **with_ack(tracker, ack("utter_ack_problem_left_out"))}
        part = part_to_remove(_text(tracker))
        if not part or _moves_the_report(tracker):
            return {}  # "not really the corner" (round r113: "Fine, I leave that out")
        place = Place.from_dict(tracker.get_slot("report_place") or {}) \
            if tracker.get_slot("report_place") else None
        if (place and place.landmark and place.streets and re.search(
                r"\b%s" % re.escape(part.words), place.landmark, re.IGNORECASE)):
            # "haal die bakker eruit" about the spot "bij de bakker": the street stays
            number = place.house_number
            street = dataclasses.replace(  # the number stays: "Kerkstraat 3, aan de kerk"
                place, kind="address" if number else "street", landmark=None,
                text=f"{place.streets[0]} {number}" if number else place.streets[0])
            told = " ".join(re.sub(re.escape(place.landmark), " ", description,
                                   flags=re.IGNORECASE).split())
            return {**place_slots(street), "report_confirmed": None,
                    **({"report_description": told} if is_description(told) else {}),
                    **with_ack(tracker, ack("utter_ack_problem_left_out"))}
        if place and _street_removed(tracker):
            return ValidateReportForm._street_left_out(tracker, place, description)
        kept = without_part(description, part)
        more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
        if kept is not None and more and _named_elsewhere(part, description, more):
            kept = None  # "delete the sentence about my bike" when (2) is "I put my bike …" and
            # (1) says "the bike path" (round r232 of session 58: (1) lost its first sentence)
        if kept is None and more:  # "haal die zin over de brommers weg" from report (2)
            return ValidateReportForm._left_out_of_another(tracker, part, more)
        if kept is None:  # "'belt ge mij dan' moet er niet bij" when it is not in it
            return {"report_confirmed": None, **with_ack(tracker, ack("utter_ack_not_in_report"))}
        if not is_description(kept):
            return {}
        beside = _told_beside_the_removal(_text(tracker))
        return {"report_description": added_to(kept, beside) if beside else kept,
                "report_confirmed": None,
                **with_ack(tracker, ack("utter_ack_problem_left_out"),
                           ack("utter_ack_added") if beside else None)}

    @staticmethod
    def _left_out_of_another(tracker: Tracker, part: Removal,
                             more: List[Dict[Text, Any]]) -> Dict[Text, Any]:
        """The words taken out of the other report that holds them (round r58)."""
        for problem in more:
            kept = without_part(problem.get("text") or "", part)
            if kept is not None and is_description(kept):
                problem["text"] = kept
            elif kept is not None:  # all of that problem's words: the problem goes
                more.remove(problem)
            if kept is not None:
                return {"report_more_problems": more or None, "report_confirmed": None,
                        **with_ack(tracker, ack("utter_ack_problem_left_out"))}
        return {"report_confirmed": None, **with_ack(tracker, ack("utter_ack_not_in_report"))}

    @staticmethod
    def _restated(tracker: Tracker, reading: Reading) -> Dict[Text, Any]:
        """"Ik wil twee meldingen: 1. lantaarn kapot voor Beukenlaan 23. 2. losse tegel op het
        Marktplein": the problems told again at the summary, each with its place, replace
        the ones understood (round r49: a lamp and a tile were lost in corrections)."""
        problems = [dict(problem) for problem in reading.problems]
        if len(problems) < 2 or not all(problem.get("place") and tells_something_wrong(
                problem["text"]) for problem in problems):
            # "container is niet julianastraat, is wilhelminastraat. ik woon julianastraat
            # maar container om de hoek" (round r164: both reports replaced by these words, the
            # fallen sign lost) tells where, not two problems
            return {}
        place = Place.from_dict(problems[0]["place"])
        if not (place.complete or place.kind == "street"):
            return {}
        more = [{**problem, "text": clean_description(problem["text"])}
                for problem in problems[1:]]
        told = split_sentences(clean_description(problems[0]["text"]))
        while len(told) > 1 and category_of(told[0]) is None:
            told = told[1:]  # "Nu staat alles fout. Ik wil twee meldingen." is no problem
        return {**place_slots(place), "report_confirmed": None, "report_more_problems": more,
                "report_description": " ".join(told),
                **with_ack(tracker, ack("utter_ack_restated"))}

    @staticmethod
    def _split_on_request(tracker: Tracker, reading: Reading) -> Dict[Text, Any]:
        """"… de stoeptegels liggen ook scheef. kan dat een aparte melding", "splits het in
        twee": the problems told so far become one report each (round r60: the tiles were
        added to the lamp, and "splits het in twee" became the description)."""
        text = _text(tracker)
        if not _SEPARATE.search(text) or tracker.get_slot("report_more_problems"):
            return {}
        told = " ".join(part for part in split_sentences(reading.addition or "")
                        if not _SEPARATE.search(part))
        description = added_to(tracker.get_slot("report_description") or "", told) \
            if told else tracker.get_slot("report_description") or ""
        problems = [(problem.category, problem.text) for problem in split_problems(description)]
        if len(problems) < 2:  # asked for, so also two of one kind: "bord scheef en put verstopt"
            category = tracker.get_slot("report_category")
            problems = [(category, part) for part in _AND_ANOTHER.split(description, maxsplit=1)
                        if len(part.split()) >= MIN_PROBLEM_WORDS]
        if len(problems) < 2:
            return {}
        return {"report_description": capitalised(problems[0][1]), "report_confirmed": None,
                "report_more_problems": [{"category": kind, "text": capitalised(text)}
                                         for kind, text in problems[1:]],
                **with_ack(tracker, ack("utter_ack_restated"))}

    @staticmethod
    def _point_added(tracker: Tracker) -> Dict[Text, Any]:
        """"bij 1 nog erbij: is wel 20 cm diep" (round r231 of session 58: read as house
        number 1), "nr 2 klopt niet helemaal, het zijn vuilniszakken" (round r234: Molenweg
        2): the words added to that problem."""
        found = _POINT_ADDS.search(_text(tracker)) or _POINT_WRONG.search(_text(tracker))
        more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
        if not found or not more or read_place(found.group(2)) is not None:
            return {}  # ("nr 2 klopt niet, het is Kerkweg 4": a place, read elsewhere)
        index = _POINT_NUMBERS[found.group(1).lower()] - 1
        told = clean_description(found.group(2)) or found.group(2).strip(" .")
        if not 0 <= index <= len(more) or not told:
            return {}
        if index == 0:
            return {"report_description": added_to(
                tracker.get_slot("report_description") or "", told), "report_confirmed": None,
                **with_ack(tracker, ack("utter_ack_added"))}
        more[index - 1]["text"] = added_to(more[index - 1].get("text") or "", told)
        return {"report_more_problems": more, "report_confirmed": None,
                **with_ack(tracker, ack("utter_ack_added"))}

    @staticmethod
    def _point_restated(tracker: Tracker) -> Dict[Text, Any]:
        """"Punt 1 moet zijn: bouwcontainer staat al drie weken op het trottoir": that
        problem's description (round r49: read as Julianastraat 1)."""
        found = _POINT_SAYS.search(_text(tracker))
        more = [dict(problem) for problem in tracker.get_slot("report_more_problems") or []]
        if not found or not more:
            return {}
        index = _POINT_NUMBERS.get((found.group(1) or found.group(3)).lower(), 0) - 1
        told = clean_description(found.group(2) or found.group(4))
        if not 0 <= index <= len(more) or not is_description(told):
            return {}
        if index == 0:
            return {"report_description": told, "report_confirmed": None,
                    **with_ack(tracker, ack("utter_ack_description_changed"))}
        more[index - 1]["text"] = told
        return {"report_more_problems": more, "report_confirmed": None,
                **with_ack(tracker, ack("utter_ack_description_changed"))}

    @staticmethod
    def joined_problems(tracker: Tracker) -> Dict[Text, Any]:
        """"Het is eigenlijk 1 probleem", "niet 2 dingen": the problems the bot split are one
        description again (nothing when it split none, or the resident did not say so)."""
        more = tracker.get_slot("report_more_problems")
        if not more or not says_it_is_one_problem(_text(tracker)):
            return {}
        parts = [tracker.get_slot("report_description") or ""] + [
            problem.get("text", "") for problem in more]
        joined = ". ".join(part.rstrip(". ") for part in parts if part) + "."
        return {"report_description": joined[:MAX_DESCRIPTION], "report_more_problems": None}

    def _one_report(self, tracker: Tracker) -> Dict[Text, Any]:
        """At the summary: the problems joined, the summary shown again."""
        return {**self.joined_problems(tracker), "report_confirmed": None,
                **with_ack(tracker, ack("utter_ack_one_report"))}

    def _updates_now(self, tracker: Tracker, reading: Reading, answer: Optional[bool]
                     ) -> Dict[Text, Any]:
        """"No, I DO want messages. My e-mail is …" at a summary without updates."""
        if not ((answer is not False or reading.email or reading.phone
                 or self._wants_updates_now(tracker))
                and (self._wants_updates_now(tracker)
                     or tracker.get_slot("report_updates") is not True
                     and (reading.email or reading.phone) and reading.location is None)):
            return {}
        slots: Dict[Text, Any] = {"report_confirmed": None, "report_updates": True}
        if channel_of(tracker) not in CHANNELS_WITH_ADDRESS:  # else the chat is the way back
            slots["report_contact"] = preferred_contact(
                _text(tracker), reading.email, reading.phone) or contact_told_before(tracker)
        return slots

    @staticmethod
    def _wants_updates_now(tracker: Tracker) -> bool:
        """"Ja graag, met updates" at a summary that says no updates: they change their mind."""
        return (tracker.get_slot("report_updates") is not True
                and bool(WANTS_UPDATES.search(_text(tracker))))

    @staticmethod
    def _new_contact(tracker: Tracker, reading: Reading) -> Optional[Text]:
        """Another e-mail address or phone number for the updates already asked for."""
        if (tracker.get_slot("report_updates") is not True or reading.location is not None
                or channel_of(tracker) in CHANNELS_WITH_ADDRESS):
            return None
        contact = preferred_contact(_text(tracker), reading.email, reading.phone)
        return contact if contact and contact != tracker.get_slot("report_contact") else None

    @staticmethod
    def _described_again(tracker: Tracker, reading: Reading) -> Optional[Dict[Text, Any]]:
        """"O wacht, het is eigenlijk een gat": a new description, whatever was asked."""
        text = _text(tracker)
        if not (_corrects_at_a_start(text) and (reading.category or reading.danger == "hazard")
                and not reading.location and not reading.report_question) or _chooses_problems(
                tracker):
            return None  # (not "ah wacht, … laat dat maar vallen, 't is alleen die put")
        if _number_corrected(tracker):
            return None  # "oh wait, it's number 14, not 12. the light is …" (round r81)
        description = _problem_told_again(text) or _without_the_correction(
            description_of(reading, text))
        if not description or not is_description(description) or is_question(description):
            return None  # "… En wanneer is de pmd eigenlijk?": a question, not the problem
        return {"report_description": description,
                **with_ack(tracker, ack("utter_ack_description_changed"))}

    def _correction(self, tracker: Tracker, reading: Reading, answer: Optional[bool],
                    only_place: bool = False) -> Optional[Dict[Text, Any]]:
        """A new place, or a new description after 'what should change?'."""
        labelled = None if only_place else labelled_description(_text(tracker))
        if labelled and read_place(labelled) is not None and category_of(labelled) is None:
            labelled = None  # "nee er moet staan Kerkstraat 12": the place, told below
        where, rest = _labelled_place(_text(tracker))
        where = where or _with_spot_added(tracker)
        moved = place_slots(where) if where else {}
        place_ack = ack("utter_ack_place_changed", place=where.label) if where else None
        if labelled and is_description(labelled) and adds_more(labelled):
            # "de omschrijving, er staat ook een frigo": added to it, not instead of it
            return {"report_description": self._added(tracker, labelled),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        if labelled and is_description(labelled):  # "NEE. Wat: ratten bij de containers."
            return {"report_description": labelled, "report_more_problems": None,
                    "report_confirmed": None, **moved,
                    **with_ack(tracker, place_ack, ack("utter_ack_description_changed"))}
        if where is not None:  # "Bij waar graag: fietspad tussen watertoren en zwembad."
            remark = read_addition(rest)  # "… En zet erbij dat het de halve boom is."
            described = {"report_description": self._added(tracker, capitalised(remark))
                         } if remark else {}
            return {**moved, **described, "report_confirmed": None,
                    **with_ack(tracker, place_ack, ack("utter_ack_added") if remark else None)}
        swapped = None if only_place else _with_word_swapped(tracker)
        if swapped:  # "het is geen kat maar een vos. verder klopt het" (round 97)
            return {"report_description": swapped, "report_confirmed": None,
                    **with_ack(tracker, ack("utter_ack_description_changed"))}
        if (not only_place and reading.addition and adds_to_a_report(_text(tracker))
                and answer is not True):  # "ja, maar zet er ook bij …" is a yes with a remark
            # "… water in de kelder van nummer 14. kunt u dat erbij zetten": not a new place
            return {"report_description": self._added(tracker, reading.addition),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        place = place_meant(_text(tracker), reading.location)
        if place is not None and told_in_passing(_text(tracker), place):
            place = None  # "Vorig jaar heeft het bij de Kerkstraat een maand geduurd"
        renumbered = _other_problem_renumbered(tracker)
        if renumbered:  # "het is nummer 14, niet 12" where 12 was the other problem's number
            return {**renumbered, "report_confirmed": None}
        current = tracker.get_slot("report_place")
        other = _other_problem_named(tracker, place) if place and (
            place.complete or place.kind == "number" or place.streets) else None
        if other is None and _names_another_problems_place(tracker):
            return None  # "de lantaarn is in de Vondelstraat bij nummer 22": already its own
        if other is not None:  # "die tak is in de schoolstraat, bij het fietspad" (round 86)
            more = [dict(problem) for problem in tracker.get_slot("report_more_problems")]
            own = more[other].get("place") or current
            if place.kind == "number" and own and own.get("streets"):
                # "Ons portiek is bij nummer 45" when the tiles are "bij de ingang van ons
                # portiek" (round r71 of session 41: the drain's number was changed)
                place = with_number(_street_of(Place.from_dict(own)), place)
            elif not place.streets and current and len(current.get("streets") or []) == 1:
                # "de tegel … is bij de bushalte verderop": on the street told (round r68)
                place = _with_landmark(_street_of(Place.from_dict(current)), place.text)
            elif place.kind == "street" and own and own.get("landmark"):
                # "het bankje is in de Schoolstraat, niet in de Dorpsstraat": the spot moves along
                place = _with_landmark(place, own["landmark"])
            more[other]["place"] = place.as_dict()
            return {"report_more_problems": more, "report_confirmed": None,
                    **with_ack(tracker, ack("utter_ack_place_changed", place=place.label))}
        if (place is not None and place.kind == "description" and reading.category
                and current and _ANY_STREET_SPOT.fullmatch(place.text.strip())):
            place = None  # "dode kat op straat, graag chip controleren": the problem again
        if (not only_place and reading.addition and place is not None
                and place.kind == "description" and current
                and not CORRECTS.search(_text(tracker))):
            # "het gat is best diep trouwens, … aan de kant van het fietspad": more about the
            # problem, not a new place for it
            return {"report_description": self._added(tracker, reading.addition),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        if place is None and current and current.get("house_number") and (
                answer is not True or rules_out_number(_text(tracker), current["house_number"])):
            # "Actually it's more like in front of 25, not 23, sorry. Otherwise correct."
            number = corrected_number(_text(tracker), current["house_number"])
            place = Place(kind="number", text=number, house_number=number) if number else None
        if place and place.kind == "number" and current:
            place = with_number(Place.from_dict(current), place)
        if place and place.kind == "description" and current and current.get("streets"):
            place = _spot_on(Place.from_dict(current),
                             _spot_refined(current, place.text, _text(tracker)))
        elif (place and place.kind == "description" and current and current.get("text")
              and adds_to_a_report(_text(tracker))
              and place.text.lower() not in current["text"].lower()):
            # "zet er wel bij: achter de sporthal" (round r100: the pond was replaced)
            told = f"{current['text']}, {place.text}"
            place = dataclasses.replace(place, text=told, landmark=told)
        if (place and place.kind == "street" and current and answer is not False
                and tuple(current.get("streets") or ()) == place.streets):
            # "allee, de Parkweg heb ik toch gezegd": the street again keeps its spot and number
            kept = Place.from_dict(current)
            return {"report_confirmed": None, **_wrong_street_in_description(tracker, current),
                    **with_ack(tracker, ack("utter_ack_place", place=kept.label))}
        if place and place.kind == "street" and current and current.get("kind") == "corner":
            place = _corner_with(Place.from_dict(current), place, _text(tracker)) or place
        elif (place and place.kind == "street" and current
              and current.get("kind") in ("street", "landmark")
              and len(current.get("streets") or ()) == 1):
            # "nee de hoek met de molenweg dus" after the corner became one street (round 97),
            # "zet er wel kerkweg bij, anders zoeken ze het verkeerde kruispunt" (round 98)
            corner = _corner_with_the_street_asked(Place.from_dict(current), place,
                                                   _text(tracker)
                                                   + " " + (current.get("landmark") or ""))
            place = corner or place
        if place and place.kind == "street" and current and _keeps_the_number(current, place):
            # "o het is de Julianastraat trouwens" after "postcode 7462 KB, bij nr 41", "het
            # is de Kerkweg" after "Kerkstraat 12": the number stays (round 97)
            place = _number_on(place, Place.from_dict(current))
        if (place and place.kind == "street" and current and current.get("landmark")
                and not current.get("house_number")):
            # "het is kerkweg niet kerkstraat": the spot ("voor de bakker") on the right street
            place = _with_landmark(place, current["landmark"])
        if place and (place.complete or place.kind == "street"):
            described = _description_with_place(tracker, current, place)
            if not only_place:  # "o dat is de beukenlaan trouwens. en er zitten ook brandnetels"
                described = _with_the_remark(tracker, described, reading)
            return {**place_slots(place), "report_confirmed": None, **described,
                    **with_ack(tracker, ack("utter_ack_place_changed", place=place.label))}
        if only_place:
            return None
        asked_what = last_bot_response(tracker) == "utter_report_what_to_change"
        part = part_to_change(_text(tracker)) \
            if asked_what or _text(tracker).rstrip().endswith("?") else None
        if not part and (asked_what or answer is False):
            part = wrong_part(_text(tracker))  # "het adres klopt niet": that question again
        if part:  # "De plek" typed instead of pressed: that question again
            return {**cleared_for(tracker, part), "report_confirmed": None,
                    "report_location_tries": 0}
        description = description_of(reading, _text(tracker))
        if not description or answer is True or reading.thanks:
            return None
        if answer is False and reading.addition:  # "nee. zet erbij: witte bus, rond 7 uur"
            return {"report_description": self._added(tracker, reading.addition),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        if asked_what and adds_more(_text(tracker)):
            # "er ligt ook een oude koelkast tussen" at "Wat moet er anders?" (round 99: the
            # mattress and chairs were gone): added, not instead
            return {"report_description": self._added(tracker, description),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        if asked_what and answer is None or answer is False and reading.category:
            rewritten = _one_problem_rewritten(tracker, description)
            if rewritten:  # "… de tegels zijn omhoog gedrukt" beside a lamp: the tiles only
                return {**rewritten, "report_confirmed": None,
                        **with_ack(tracker, ack("utter_ack_description_changed"))}
            return {"report_description": description, "report_confirmed": None,
                    **with_ack(tracker, ack("utter_ack_description_changed"))}
        if answer is None and not asks_a_callback(tracker) and (
                reading.category or reading.addition
                or _a_detail(reading, _text(tracker), description)):
            # "het zijn er twee", "is best diep trouwens", "geen kenteken. staat er al weken"
            # (round 98: "Wat moet er anders?", then the detail was lost): more about it
            return {"report_description": self._added(tracker, reading.addition or description),
                    "report_confirmed": None, **with_ack(tracker, ack("utter_ack_added"))}
        return None

    def _detail_beside_the_contact(self, tracker: Tracker) -> Dict[Text, Any]:
        """"Bijna. Het zijn twee kolken, … En liever een sms: 06-…" (round r245: only the
        contact changed): the detail about the problem is added too."""
        told = reading_of(tracker).description or ""  # without the address or number
        details = [part for part in split_sentences(told) if _states_a_detail(part)
                   and not is_about_being_reached(part)]
        return {"report_description": self._added(tracker, " ".join(details))} if details else {}

    def _more_about_the_problem(self, tracker: Tracker, reading: Reading
                                ) -> Optional[Dict[Text, Any]]:
        """A sentence about the problem where another answer was asked: added to it."""
        if _text(tracker).startswith("/"):
            return None
        description = description_of(reading, _text(tracker))
        if only_tells_when(_text(tracker)) and reading.location is None:
            description = _text(tracker)  # "vanochtend om 7 uur": when, kept with the problem
        elif not (description and (reading.category or reading.addition
                                   or _heard_as_a_complaint(tracker))
                  and is_description(description)
                  and (reading.location is None or _more_at_a_spot(reading, _text(tracker)))
                  and not reading.question):
            return None
        return {"report_description": self._added(tracker, description),
                **with_ack(tracker, ack("utter_ack_added"))}

    def _another_problem_beside(self, tracker: Tracker) -> Optional[Dict[Text, Any]]:
        """"No thanks. Also the slide is broken, sharp metal sticking out": after the answer,
        a problem of its own (a report of its own) or more about this one (added)."""
        answer, rest = first_sentence(_text(tracker))
        if not rest or read_yes_no(answer) is None:
            return None
        told = clean_description(rest)  # "…, gaat dat sneller?": the question beside goes
        if not told or told.rstrip().endswith("?"):
            return None
        statements = [part for part in split_sentences(told)
                      if not (part.rstrip().endswith("?") or is_question(part))]
        if not statements:
            return None  # "nee hoeft niet. wanneer halen jullie de kerstbomen op trouwens"
            # (round r262 of session 62: a second report): a question, answered apart
        if _SAME_THING.match(statements[0]):
            # "nee. moet ik nou echt de politie bellen? hij ligt op de stoep" (round r162):
            # more about this problem beside a question, not a problem of its own
            return {"report_description": self._added(tracker, " ".join(statements)),
                    **with_ack(tracker, ack("utter_ack_added"))}
        category = category_of(_SPOT_PHRASE.sub(" ", told))
        if category is None and quick_kind_of(told):  # "er staan trouwens hakenkruizen op"
            category = tracker.get_slot("report_category")
        if category is None:
            return None
        if (category == tracker.get_slot("report_category") or _SAME_THING.match(told)
                or only_own_doing(told)) and not _told_elsewhere(tracker, _text(tracker)):
            # ("i put my bike next to it with the light on for now": what the resident did
            # about it, round r232 of session 58: a report of its own)
            return {"report_description": self._added(tracker, told),
                    **with_ack(tracker, ack("utter_ack_added"))}
        return _with_another_problem(tracker, told, category)

    @staticmethod
    def _second_problem_told(tracker: Tracker, reading: Reading) -> Optional[Dict[Text, Any]]:
        """"o en de lantaarnpaal op de hoek met de molenweg doet het ook niet" where the
        updates, the contact or the summary was asked: a problem of another kind told as one
        more ("ook", "nog"), a report of its own; not a new place for this one (own try,
        session 51: the tile report was filed at the lamp's street)."""
        text = _text(tracker)
        if (text.startswith("/") or reading.answer is not None
                or _corrects_at_a_start(text) or _PLACE_CORRECTION.search(text)):
            return None
        found = _one_more_of_another_kind(tracker, text)
        if found is None or _SAME_THING.match(found[0]):
            return None
        return _with_another_problem(tracker, *found)

    def _more_about_it_beside(self, tracker: Tracker, reading: Reading
                              ) -> Optional[Dict[Text, Any]]:
        """"yes. it has a collar, maybe the owner is looking for it? my email is …": what
        the resident tells about the thing itself beside the answer is added (round 87)."""
        told = clean_description(reading.addition or "")
        more = [_REMEMBERED.sub("", part) for part in split_sentences(told) if adds_more(part)]
        if more and not _SAME_THING.match(told):
            told = " ".join(more)  # "een sms naar 06…. oja er ligt ook een koelkast bij"
            told = capitalised(told)
        if not told or reading.location or not (_SAME_THING.match(told) or more
                                                or adds_to_a_report(_text(tracker))):
            return None  # "… kees.mulder@hotmail.com. en zet erbij dat ik een poepbak wil"
        return {"report_description": self._added(tracker, told),
                **with_ack(tracker, ack("utter_ack_added"))}

    @staticmethod
    def _added(tracker: Tracker, addition: Text) -> Text:
        return added_to(tracker.get_slot("report_description") or "", addition)


def what_text(tracker: Tracker) -> Text:
    """What the report is about, for the summary: one line, or one per problem."""
    description = tracker.get_slot("report_description") or ""
    more = [problem.get("text", "") for problem in tracker.get_slot("report_more_problems") or []]
    return _numbered([description] + more)


def where_text(tracker: Tracker) -> Text:
    """Where, for the summary: the place, or one per problem when a later problem has a
    place of its own ("(1) Dorpsstraat 5 (2) Stationsstraat, bij het bushokje", round 80)."""
    shared = tracker.get_slot("report_location") or ""
    places = [_own_place_label(problem) or shared
              for problem in tracker.get_slot("report_more_problems") or []]
    if all(place.lower() == shared.lower() for place in places):
        return shared
    return _numbered([shared] + places)


_CORNER = re.compile(r"\bhoek (.+?) en (.+?)(?=$|,| \()")


def in_english(label: Text) -> Text:
    """A place label as an English resident reads it: "hoek Kerkstraat en Molenweg" →
    "corner of Kerkstraat and Molenweg" (street names stay as they are)."""
    return _CORNER.sub(r"corner of \1 and \2", label or "")


def _own_place_label(problem: Dict[Text, Any]) -> Optional[Text]:
    return Place.from_dict(problem["place"]).label if problem.get("place") else None


def _numbered(parts: List[Text]) -> Text:
    if len(parts) == 1:
        return parts[0]
    return " ".join(f"({number}) {text}" for number, text in enumerate(parts, 1))


# Longer than this, an acknowledgement is an answer of its own (the grofvuil article asked
# about on the side), not a lead-in to the question.
LONG_ACK = 200


class AskReportSlot(Action, ABC):
    """Asks for one slot: the focused follow-up if one is set, else the form's question,
    starting with what was understood so far. One message per turn."""

    @property
    @abstractmethod
    def slot(self) -> Text:
        """The slot this action asks for."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        chosen = tracker.get_slot("report_prompt") or self.open_question(tracker)
        acknowledged = ""
        english = tracker.get_slot("language") == "en"
        for item in tracker.get_slot("report_ack") or []:
            if english and item["values"].get("place"):  # "corner of …", not "hoek … en …"
                item = {**item, "values": {**item["values"],
                                           "place": in_english(item["values"]["place"])}}
            text = response_text(domain, item["key"], tracker, **item["values"]).strip()
            if len(text) > LONG_ACK:  # an answer on the side: its own message, then the question
                utter(dispatcher, item["key"], **item["values"])
            elif text:
                acknowledged += f"{text} "
        values = {**profile().template_vars(), **chosen.get("values", {}),
                  "ack": acknowledged, "what": what_text(tracker),
                  "report_location": in_english(where_text(tracker)) if english
                  else where_text(tracker),
                  "updates": updates_text(tracker, domain)}
        key = chosen.get("key") or f"utter_ask_{self.slot}"
        dispatcher.utter_message(response=key, buttons=self.buttons(tracker, key), **values)
        return [SlotSet("report_prompt", None), SlotSet("report_ack", None)]

    def buttons(self, tracker: Tracker, key: Text) -> List[Dict[Text, Any]]:
        """Buttons beside the question's own."""
        return []

    def open_question(self, tracker: Tracker) -> Dict[Text, Any]:
        """The question still open for this slot when no follow-up was chosen (after a
        question in between); nothing means the form's own question."""
        return {}


def _number_corrected(tracker: Tracker) -> bool:
    """"oh wait, it's number 14, not 12": the house number of the place corrected."""
    current = tracker.get_slot("report_place") or {}
    return bool(current.get("house_number")
                and corrected_number(_text(tracker), current["house_number"]))


def filed_place(tracker: Tracker) -> Optional[Text]:
    """Where the last report filed in this conversation was, if one was filed."""
    place = filed = None
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "report_location":
            place = event.get("value") or place
        elif event.get("event") == "action" and event.get("name") == "action_submit_report":
            filed = place
    return filed


def updates_text(tracker: Tracker, domain: DomainDict) -> Text:
    """Anonymous, or updates: with the e-mail address or number they go to, if one was
    given; and how the resident wants to be reached, when told ("we bellen u niet")."""
    wishes = tracker.get_slot(WISHES_SLOT) or {}
    told = ""
    if wishes.get("no_calls"):
        told = response_text(domain, "utter_report_summary_no_calls", tracker)
    elif wishes.get("call_time"):
        told = response_text(domain, "utter_report_summary_call_time", tracker,
                             when=wishes["call_time"])
    return f"{_updates_only_text(tracker, domain)} {told}".strip()


def _updates_only_text(tracker: Tracker, domain: DomainDict) -> Text:
    if tracker.get_slot("report_updates") is not True:
        # a callback passed on (`report_callback` False) is no anonymous report (round r142)
        return response_text(domain, "utter_report_summary_callback"
                             if tracker.get_slot("report_callback") is False
                             else "utter_report_summary_anonymous", tracker)
    contact = tracker.get_slot("report_contact")
    if is_dutch_landline(contact):
        return response_text(domain, "utter_report_summary_landline", tracker,
                             contact=as_written_at_home(contact))
    if contact:
        return response_text(domain, "utter_report_summary_updates_to", tracker,
                             contact=as_written_at_home(contact))
    return response_text(domain, "utter_report_summary_updates", tracker)


class AskReportDescription(AskReportSlot):
    slot = "report_description"


class AskReportLocation(AskReportSlot):
    slot = "report_location"

    def buttons(self, tracker: Tracker, key: Text) -> List[Dict[Text, Any]]:
        """"o en er steekt daar ook een pin uit" just after a report (own try, session 42):
        the place of the report filed in this conversation, one tap away."""
        place = filed_place(tracker)
        if key != "utter_ask_report_location" or not place:
            return []
        return [{"title": place, "payload": place}]

    def open_question(self, tracker: Tracker) -> Dict[Text, Any]:
        """"Bij welk huisnummer in de Kerkstraat?" again after "hoe lang duurt het?", not
        the general where-question: the street is known."""
        pending = pending_place(tracker)
        if pending and pending.streets and needs_number(pending):
            return number_question(pending)
        if is_spot_only(pending):
            return street_near_question(pending)
        return {}


class AskReportPhoto(AskReportSlot):
    slot = "report_photo"


class AskReportUpdates(AskReportSlot):
    slot = "report_updates"


class AskReportContact(AskReportSlot):
    slot = "report_contact"


class AskReportConfirmed(AskReportSlot):
    slot = "report_confirmed"
