"""The message reader in Rasa's NLU pipeline: after DIET, it adds what the message says.

Each message is read once (`bot.reading.message.read_message`) and the reading is
stored as `read_*` entities; forms, policies and actions use those entities and never
parse the text again. Not trainable: the readers are rules and word lists, plus the
municipality's street register.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intents import (ANSWER_INTENT, ASK_HUMAN_INTENT, COMPLAINT_INTENT, FALLBACK_THRESHOLD,
                         MONEY_WORRIES_INTENT, QUESTION_INTENT, REPORT_INTENTS, STATUS_INTENT,
                         STOP_INTENT, UNSURE_INTENTS)
from bot.knowledge.text import normalise, with_dutch_documents
from bot.reading.answers import (chooses_among_problems, is_only_a_farewell, is_only_contact,
                                 leaves_the_chat, signs_off)
from bot.reading.language import warm_up as warm_up_language
from bot.reading.description import category_of, says_dumped, says_not_collected
from bot.reading.message import read_message
from bot.reading.money import about_money, money_trouble
from bot.reading.places import warm_up as warm_up_places, without_chat_noise
from bot.reading.questions import (QUESTION, is_question, read_question, rules_out_bulky_waste,
                                  rules_out_the_product)
from bot.reading.report_questions import (about_business_waste, asks_about_an_earlier_report,
                                          mentions_a_report, says_not_known)
from bot.reading.result import Reading

logger = logging.getLogger(__name__)
YES_INTENT = "affirm"
NO_INTENT = "deny"
_STARTS_WITH_YES = re.compile(r"^\W*(?:ja|jawel|jazeker|yes|graag|prima|oké|oke|ok|goed|klopt)\b",
                              re.IGNORECASE)
# Words that really ask to stop a report ("stop", "laat maar", "annuleren"). Narrower than
# answers.says_stop, which also hears "hoeft niet": here "nee hoeft niet" at the updates
# question is a no to the question, not a stop (round 51 lost a report that way).
_SAYS_STOP = re.compile(r"\b(?:stop\w*|annule\w*|laat (?:ook )?maar|vergeet het|afbreken|"
                        r"(?:niet|niks|toch niet) (?:meer )?melden|bedacht|cancel)\b",
                        re.IGNORECASE)

# "near the bus stop", "het stopbord": a stop that is a place or a thing, not a request.
_A_STOP_THAT_IS_A_THING = re.compile(r"\b(?:bus|tram|metro|train)\s*stops?\b|\bstop\s*(?:signs?|"
                                     r"lights?)\b|\bstop(?:bord|licht|contact|streep)\w*",
                                     re.IGNORECASE)

GOODBYE_INTENT, THANKS_INTENT = "goodbye", "thanks"
# Intents whose words stand even when the message ends with a goodbye
_NOT_A_GOODBYE = (GOODBYE_INTENT, THANKS_INTENT, COMPLAINT_INTENT, ASK_HUMAN_INTENT,
                  MONEY_WORRIES_INTENT, STOP_INTENT, YES_INTENT, NO_INTENT, ANSWER_INTENT,
                  "greeting")
# The reader's question topics that are an intent of their own (bot.reading.questions); the
# waste calendar keeps the waste intent, the other topics are municipal questions.
# A question on a topic that names the report category of its own field ("die past niet in
# de container" in a bulky waste question) is still the question.
_SAME_FIELD = {"bulky_waste_pickup": "report_waste_collection"}
BULKY_INTENT = "bulky_waste_pickup"
# A lost card heard as a lost ID card: the reader knows it is the waste pass (round 79).
_DOCUMENT_INTENTS = ("passport_id_appointment", "driving_licence")
# The product of each document word bot.knowledge.text writes foreign documents as.
_DOCUMENT_INTENT_OF = {"paspoort": "passport_id_appointment",
                       "id kaart": "passport_id_appointment", "rijbewijs": "driving_licence"}
# A plain answer as a sentence of its own, then a question about something else.
_ASIDE_INTENTS = ("opening_hours", QUESTION_INTENT)
_ANSWER_THEN_ASKS = re.compile(
    r"^\W*(?:ja|jawel|jazeker|yes|nee|neen|no|klopt|prima|oke|ok|goed)\b[^.!?]*[.!]\s+\S.*\?\s*$",
    re.IGNORECASE | re.DOTALL)
MOVING_INTENT = "moving_address_change"
# Intents a furniture pick-up question is misheard as (a move told beside it, or no intent).
_BULKY_MISHEARD = (MOVING_INTENT, "nlu_fallback", QUESTION_INTENT, "inform")
# Furniture to be collected, told by someone who just moved: the bulky-waste question.
_FURNITURE_PICKUP = re.compile(
    r"\b(?:bank|matras|kast|meubels?|koelkast|sofa|couch|mattress|furniture|wardrobe|fridge)\b"
    r".*\b(?:ophalen|ophaal|komen halen|pick (?:\w+ )?up|collect\w*|get rid of)\b"
    r"|\b(?:ophalen|pick (?:\w+ )?up|collect)\b.*\b(?:bank|matras|kast|sofa|couch|mattress|"
    r"furniture)\b", re.IGNORECASE | re.DOTALL)
_REGISTERING = re.compile(r"\b(?:inschrijv\w*|uitschrijv\w*|register\w*|adres\w*|address\w*|"
                          r"verhuizing doorgeven|brp|bsn)\b", re.IGNORECASE)
# "JA STUUR MAAR. MAAR JE GEEFT GEEN ANTWOORD …", "Ja dat klopt wel. Maar het is een vaste
# telefoon …": a yes to the summary first, the grumble or question beside it (round 80).
_CONFIRMS_FIRST = re.compile(
    r"^\W*(?:ja+|jawel|jazeker|yes)\W+(?:(?:dat|het|alles)\s+)?(?:klopt|is\s+goed|"
    r"stuur\s+(?:het\s+|hem\s+)?maar|verstuur\w*|versturen|send\s+it|that'?s\s+right)\b",
    re.IGNORECASE)
_SENDS_FIRST = re.compile(r"^\W*(?:(?:ja+|ok[eé]?|oke|prima|goed)\W+)?"
                          r"(?:verstuur|stuur|versturen)\b", re.IGNORECASE)
TOPIC_INTENTS = {"money_worries": MONEY_WORRIES_INTENT, "bulky_waste_pickup": "bulky_waste_pickup",
                 "taxes": "taxes", "parking_permit": "parking_permit",
                 "permit_question": "permit_question", "waste_calendar": "report_waste_collection",
                 "care_at_home": QUESTION_INTENT}
BOT_CHALLENGE_INTENT = "bot_challenge"
# Wanting a person ("ik wil een echte persoon"), not asking whether the bot is one.
_WANTS_A_PERSON = re.compile(
    r"\b(?:ik wil|wil ik|ik zou graag|graag|mag ik|kan ik|geef me|geef mij|liever|verbind\w*|"
    r"doorverbind\w*|i want|i'd like|i would like|can i (?:talk|speak)|let me (?:talk|speak))\b"
    r".*\b(?:mens|persoon|medewerker|iemand|collega|human|person|agent|someone)\b",
    re.IGNORECASE)
# A person itself, not "iemand" ("kan ik iemand inhuren voor de tuin?").
_A_PERSON = re.compile(r"\b(?:mens|persoon|medewerker|collega|human|person|agent)\b",
                       re.IGNORECASE)
# Words that ask who or what the bot is: without one, "bot_challenge" is a misreading.
_ABOUT_THE_BOT = re.compile(
    r"\b(?:bot|robot|chatbot|mens|computer\w*|medewerker|persoon|programma|machine|ai|chatgpt|"
    r"kunstmatige|automatisch|assistent|digitale|wie|wat ben|ben je|ben jij|bent u|bent gij|"
    r"zijt gij|spreek ik|praat ik|typt|leest|are you|am i|r u|human|person|real|automated|"
    r"automatic|chat)\b",
    re.IGNORECASE)
_ASKS_WHETHER = re.compile(r"\b(?:of ik|ben je|ben jij|bent u|is dit|weten of|are you|am i)\b",
                           re.IGNORECASE)
# Any word for a person or for talking to one: without it, "ask_human" is a misreading.
_A_PERSON_AT_ALL = re.compile(
    r"\b(?:mens|mensen|persoon|medewerk\w*|iemand|collega\w*|human|person|agent|someone|"
    r"bel|bellen|belt|opbel\w*|gebeld|terugbel\w*|telefon\w*|contact\w*|bereik\w*|manager|"
    r"leidinggevende|afdeling|spreken|praten|chat\w*|talk|speak|call\w*|hulp|help)\b",
    re.IGNORECASE)
_ASKS_SOMETHING = re.compile(r"\?|\b(?:wil|willen|zou|graag)\b(?: \w+){0,3} weten\b|"
                             r"\b(?:vraag|vraagje)\b", re.IGNORECASE)
_COMPLAINS = re.compile(r"\b(?:klacht\w*|klagen|ontevreden|boos|schand\w*|belachelijk|"
                        r"incompetent\w*|amateurs?|spuugzat|complain\w*)\b", re.IGNORECASE)
# How staff treated the resident: "de medewerker die mij hielp was bijzonder onvriendelijk"
# (round 95: a polite letter about it got "Daar kan ik u helaas niet mee helpen").
_STAFF = (r"(?:medewerk\w*|ambtena\w*|baliemedewerk\w*|behandelaar|consulent\w*|"
          r"de (?:dame|mevrouw|meneer|man|vrouw|jongen|meid) (?:aan|achter|bij) de "
          r"(?:balie|telefoon)|"
          r"employee|staff|clerk)")
_TREATED_BADLY = (r"(?:onvriendelijk\w*|onbeschoft\w*|onbehoorlijk\w*|brutaal|grof|respectloos|"
                  r"arrogant\w*|kortaf|afgesnauwd|afgeblaft|uitgelachen|genegeerd|afgescheept|"
                  r"slecht (?:behandeld|geholpen|te woord gestaan)|niet netjes|rude|unfriendly|"
                  r"disrespectful)")
_STAFF_COMPLAINT = re.compile(
    rf"\b{_STAFF}\b(?:\W+\w+){{0,12}}?\W+{_TREATED_BADLY}\b"
    rf"|\b{_TREATED_BADLY}\b(?:\W+\w+){{0,8}}?\W+(?:door|by) (?:een |de |het )?{_STAFF}\b"
    r"|\b(?:bejegening|behandeling door)\b", re.IGNORECASE)
# "ik hoef geen collega", "niet met een medewerker": a person is not wanted.
# The updates asked about: "geen berichten graag", "mail me maar".
_ABOUT_UPDATES = re.compile(r"\b(?:geen |no )?(?:berichten|bericht|updates|mailtje|sms\w*)\b",
                            re.IGNORECASE)
_NO_PERSON = re.compile(r"\b(?:geen|niet(?: met)?(?: een| de)?) (?:echte )?(?:collega|medewerker|"
                        r"mens|persoon|iemand)\b|\bno (?:human|person|agent)\b", re.IGNORECASE)
# "ik wil graag met een medewerker chatten over mijn Wmo-aanvraag": a person, whatever the
# subject.
_ASKS_FOR_A_PERSON = re.compile(
    r"\b(?:met|een|echte?) (?:medewerker|mens|persoon|collega)\b(?: \w+){0,3} (?:spreken|praten|"
    r"chatten|bellen)\b|\b(?:medewerker|mens|persoon) (?:aub|graag|please|alstublieft)\b"
    r"|\biemand (?:van (?:de gemeente|jullie) )?(?:aan de lijn|aan de telefoon|spreken)\b"
    r"|\b(?:een )?(?:bericht|boodschap) (?:\w+ ){0,3}?achter ?laten\b", re.IGNORECASE)
# "laat maar, ik ga wel met ze praten": the resident will talk to the others themselves.
_TALKS_TO_THEM = re.compile(r"\b(?:ik ga|ga ik|ik zal|we gaan|ik praat)\b(?: \w+){0,3} met "
                            r"(?:ze|hen|hun|hem|haar|de buren|mijn buren|de buurman|de buurvrouw|"
                            r"die \w+) (?:\w+ )?(?:praten|spreken|overleggen|kletsen)\b",
                            re.IGNORECASE)
# "Moet mn kliko buiten als het stormt?": a question the model read as a complaint.
_DISPLEASED = re.compile(r"\b(?:niet|nooit|nog steeds|alweer|weer (?:eens|niet|niks|vergeten)|"
                         r"hoe kan het|overgeslagen|\d+ ?(?:keer|x)|"
                         r"al \d+|waarom|slecht\w*|"
                         r"teleurgesteld|zat|kwaad|woedend)\b|!!", re.IGNORECASE)
# "laat maar, verstuur maar zo": send it as it is, whatever else the words say.
# "wacht het is 33 niet 3": a house number corrected, whatever the classifier heard (round 76)
_NOT_THAT_NUMBER = re.compile(r"\bniet\s+(?:op\s+|bij\s+)?(?:nummer\s+|nr\.?\s*)?\d+\w?\b"
                              r"|\b(?:het\s+is|is\s+het|'t\s+is)\s+(?:nummer|nr\.?|huisnummer)\s*"
                              r"\d+\w?\b|\bik\s+(?:zie|zag|las)\s+het\s+verkeerd\b",
                              re.IGNORECASE)
_SEND_IT = re.compile(r"\b(?:verstuur\w*|versturen|verzend\w*|stuur (?:\w+ )?(?:maar|door|op|in)\b|"
                      r"doorsturen|opsturen|insturen|indienen|send it)\b", re.IGNORECASE)
# A department's subject beside a person asked for ("mevrouw Jansen van vergunningen zou mij
# terugbellen, kan ik een bericht voor haar achterlaten?"): the person, not the subject.
PERSON_TOPICS = ("permit_question", "taxes", "parking_permit", "complaint")
# "ik wil geen klacht", "ik klaag niet hoor": no complaint, whatever the words around it.
_NO_COMPLAINT = re.compile(r"\b(?:geen|niet om een) klacht\w*|\b(?:ik )?klaag (?:ook )?niet\b"
                           r"|\bniet (?:\w+ )?(?:ontevreden|boos|kwaad)\b"
                           r"|\bniet (?:om te|komen) klagen\b|\bnot (?:a )?complain\w*\b",
                           re.IGNORECASE)
# "adres gemeentehuis", "waar kan ik parkeren bij het gemeentehuis": where the town hall is,
# not its opening hours or a move.
_TOWN_HALL = re.compile(r"\b(?:gemeentehuis|stadhuis|gemeentekantoor|town hall|city hall)\b",
                        re.IGNORECASE)
_GETTING_THERE = re.compile(r"\b(?:waar|adres|parkeer\w*|parkeren|route|bus|trein|bereikbaar|"
                            r"bereiken|rolstoel|where|address|parking)\b", re.IGNORECASE)
_OPEN_OR_MOVING = re.compile(r"\b(?:open|geopend|gesloten|dicht|openingstijd\w*|tijden|hoe laat|"
                             r"wanneer|uur|verhui\w*|inschrijv\w*|when|hours)\b", re.IGNORECASE)
TOWN_HALL_INTENTS = ("opening_hours", "moving_address_change")
# The model's "taxes" needs a tax word (bot.reading.questions reads the Dutch ones).
TAXES_INTENT = "taxes"
_TAX_IN_ENGLISH = re.compile(r"\b(?:tax\w*|levy|valuation|assessment)\b", re.IGNORECASE)
# "ja, ik wil iets melden" stays a report.
_ABOUT_REPORTING = re.compile(r"\bmeld\w*|\bgemeld\b|\breport\w*", re.IGNORECASE)
# "stop. kwijtschelding gemeentelijke belastingen", "STOP", "annuleer maar"
_BEGINS_WITH_STOP = re.compile(r"^\W*(?:stop|stoppen|annuleer|annuleren|cancel)\b(?!\s+(?:met\s+)?"
                               r"(?:het|de|dat|die|deze)?\s*(?:licht|bord|teken|streep))",
                               re.IGNORECASE)
# "laat maar. opnieuw beginnen" (round 84): this report stops, the resident tells it again.
_START_OVER = re.compile(r"\b(?:opnieuw|overnieuw|nog een keer|helemaal) beginnen\b|"
                         r"\bbegin (?:maar )?(?:opnieuw|overnieuw)\b|\bstart (?:over|again)\b",
                         re.IGNORECASE)
# Words that stop the report itself even in a message with contact details.
# Worry beside a word about money ("ik heb moeite met de rekeningen", "het wordt krap").
_WORRIED = re.compile(r"\b(?:zorgen|zorg|krap|moeite|lukt (?:\w+ )?(?:niet|nie)|te weinig|"
                      r"red (?:het|t|dat) nie?t?|bang|stress|wanhopig|help|hulp|worried|"
                      r"struggl\w*|afford|kan (?:\w+ ){0,3}niet|weet (?:\w+ )?niet hoe|"
                      r"achter|schaam\w*|durf\w*|niks meer|niets meer|geen cent|te hoog|"
                      r"gespaard|spaargeld)\b",
                      re.IGNORECASE)
# Topics whose plain question is no money trouble ("moet hij gemeentebelasting betalen?").
_PLAIN_MONEY_TOPICS = ("taxes", "benefits", "subsidies", "parking_permit", "fines")
# Below this the model's guess gives way to what the reader is sure of.
WEAK_CONFIDENCE = 0.6
_STOPS_THE_REPORT = re.compile(r"\b(?:melding|meldingen|annule\w*|vergeet het|afbreken|"
                               r"(?:niet|niks|toch niet) (?:meer )?melden|cancel)\b",
                               re.IGNORECASE)


def _answer_intent(text: Text, reading: Reading, intent_name: Optional[Text],
                   has_case_number: bool = False, confidence: float = 1.0
                   ) -> Optional[Dict[Text, Any]]:
    """An e-mail address or phone number on its own is an answer, and a yes that carries
    one is a yes ("ja, bel me op 06 …"), whatever the classifier made of the words (it
    once read a common mail provider's name as "stop")."""
    if is_only_contact(text):
        return {"name": ANSWER_INTENT, "confidence": 1.0}
    if intent_name == ASK_HUMAN_INTENT and (_NO_PERSON.search(text) and _SEND_IT.search(text)
                                            or _SENDS_FIRST.match(text)):
        # "ik wil geen collega, verstuur maar", "Verstuur het dan maar, de medewerker mag mij
        # bellen om het uit te leggen" (round 82)
        return {"name": YES_INTENT, "confidence": 1.0}
    if (intent_name == COMPLAINT_INTENT and _NOT_THAT_NUMBER.search(text)
            and not _COMPLAINS.search(text)):
        return {"name": ANSWER_INTENT, "confidence": 1.0}  # "wacht het is 33 niet 3"
    if (intent_name == BOT_CHALLENGE_INTENT and _WANTS_A_PERSON.search(text)
            and not _ASKS_WHETHER.search(text)):
        return {"name": ASK_HUMAN_INTENT, "confidence": 1.0}  # "ik wil een echte persoon"
    if intent_name == BOT_CHALLENGE_INTENT and not _ABOUT_THE_BOT.search(text):
        # "jawel, die straat bestaat echt": an answer, not "ben je echt?"
        if reading.answer is not None:
            return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
        return {"name": ANSWER_INTENT, "confidence": 1.0}
    if (intent_name == MONEY_WORRIES_INTENT and _COMPLAINS.search(text)
            and not money_trouble(text)):
        return {"name": COMPLAINT_INTENT, "confidence": 1.0}  # "waar betaal ik belasting voor"
    if (intent_name in (TAXES_INTENT, MONEY_WORRIES_INTENT) and reading.category
            and reading.location is not None and not is_question(text)
            and not about_money(text)):
        # "heg van huis Beukenlaan is te groot, ik kan niet lopen op stoep met kinderwagen"
        # (round 97: "Daar heb ik zelf geen antwoord op"): the problem told, a report
        return {"name": reading.category, "confidence": 1.0}
    if (intent_name not in REPORT_INTENTS + (COMPLAINT_INTENT, ASK_HUMAN_INTENT, STOP_INTENT)
            and _STAFF_COMPLAINT.search(text) and not reading.category and not reading.danger
            and not money_trouble(text)):
        return {"name": COMPLAINT_INTENT, "confidence": 1.0}  # about how staff treated them
    if intent_name == TAXES_INTENT and read_question(text) != TAXES_INTENT and not (
            _TAX_IN_ENGLISH.search(text)):
        return {"name": QUESTION_INTENT, "confidence": 1.0}  # "plastiek, waar moet dat?"
    if intent_name == MONEY_WORRIES_INTENT and not about_money(text):
        return {"name": QUESTION_INTENT, "confidence": 1.0}  # a question the articles answer
    if (intent_name == MONEY_WORRIES_INTENT and not money_trouble(text)
            and not _WORRIED.search(text) and read_question(text) in _PLAIN_MONEY_TOPICS):
        # "mijn zoon wordt 18, moet hij gemeentebelasting betalen?": a question about a tax
        # or a benefit, not money trouble
        return {"name": QUESTION_INTENT, "confidence": 1.0}
    if intent_name != STOP_INTENT and (_BEGINS_WITH_STOP.match(text)
                                       or _START_OVER.search(text)):
        return {"name": STOP_INTENT, "confidence": 1.0}  # "stop. kwijtschelding belastingen"
    if (intent_name in REPORT_INTENTS and not reading.category and reading.answer is True
            and reading.location is None and _STARTS_WITH_YES.match(text)
            and not _ABOUT_REPORTING.search(text)):
        return {"name": YES_INTENT, "confidence": 1.0}  # "ja daar gaat het over"
    if (intent_name == STOP_INTENT and reading.answer is not None
            and not _STOPS_THE_REPORT.search(text) and not _SAYS_STOP.search(text)):
        # "ik zei toch al dat dat niet hoeft": the answer, not a stop
        return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
    if (intent_name == STOP_INTENT and says_not_known(text)
            and not _STOPS_THE_REPORT.search(text) and not _SAYS_STOP.search(text)):
        return {"name": ANSWER_INTENT, "confidence": 1.0}  # "weet ik niet zei ik toch": no stop
    if is_only_a_farewell(text) and intent_name not in (GOODBYE_INTENT, THANKS_INTENT):
        return {"name": GOODBYE_INTENT, "confidence": 1.0}  # "doeidoei" is no report
    if (intent_name not in _NOT_A_GOODBYE and not has_case_number and leaves_the_chat(text)
            and not is_question(text) and not mentions_a_report(text) and not reading.danger
            and not reading.category and reading.location is None
            and not (reading.email or reading.phone)):
        # "had je ook gewoon kunnen zeggen haha. doei" (round r53: "Welk meldingsnummer?"),
        # "ik stuur wel een brief. goedendag" (round r57: a waste report started)
        return {"name": GOODBYE_INTENT, "confidence": 1.0}
    if (intent_name == COMPLAINT_INTENT and confidence < WEAK_CONFIDENCE
            and reading.location is not None and not reading.danger and "?" not in text
            and not category_of(text.replace(reading.location.text, " "))  # "het hek" there
            and not _COMPLAINS.search(text)):
        # "weet ik niet precies, bij het hek van het schoolplein" (own try, session 42: the
        # complaint answer in the middle of a report): a place, the model hardly sure of one
        return {"name": ANSWER_INTENT, "confidence": 1.0}
    if intent_name in REPORT_INTENTS and about_business_waste(text) and not reading.danger:
        # "wanneer wordt het bedrijfsafval opgehaald, mijn container puilt uit" (round r81):
        # a company collects it; the articles say so
        return {"name": QUESTION_INTENT, "confidence": 1.0}
    if intent_name == THANKS_INTENT and (leaves_the_chat(text) or signs_off(text)) and not (
            is_question(text) or reading.category or reading.location is not None):
        # "Bedankt voor de moeite, een prettige avond. Hoogachtend, mevr. Bakker" (round r57:
        # "Graag gedaan! Kan ik u nog ergens mee helpen?"): the resident closes the chat
        return {"name": GOODBYE_INTENT, "confidence": 1.0}
    if reading.answer is True and (reading.email or reading.phone) and _STARTS_WITH_YES.match(text):
        return {"name": YES_INTENT, "confidence": 1.0}
    if (intent_name in TOWN_HALL_INTENTS and _TOWN_HALL.search(text)
            and _GETTING_THERE.search(text) and not _OPEN_OR_MOVING.search(text)):
        return {"name": QUESTION_INTENT, "confidence": 1.0}  # "waar staat het gemeentehuis"
    if ((intent_name in (QUESTION_INTENT,) + PERSON_TOPICS
         or intent_name in REPORT_INTENTS and not reading.category)
            and _ASKS_FOR_A_PERSON.search(text) and not _OPEN_OR_MOVING.search(text)
            and not _NO_PERSON.search(text) and not _ASKS_WHETHER.search(text)):
        return {"name": ASK_HUMAN_INTENT, "confidence": 1.0}  # "… met een medewerker chatten"
    if intent_name == ASK_HUMAN_INTENT and _TALKS_TO_THEM.search(text):
        return {"name": STOP_INTENT, "confidence": 1.0}  # "laat maar, ik ga wel met ze praten"
    if intent_name == ASK_HUMAN_INTENT and not is_question(text) and not _WANTS_A_PERSON.search(
            text) and (_NO_PERSON.search(text) or (reading.answer is False
                                                    and not _A_PERSON_AT_ALL.search(text))):
        return {"name": NO_INTENT, "confidence": 1.0}  # "ik hoef geen collega, geen berichten"
    if intent_name == COMPLAINT_INTENT and _NO_COMPLAINT.search(text):
        # "nee hoeft niet, ik wil geen klacht. meld die lamp maar gewoon"
        if reading.answer is not None:
            return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
        return {"name": ANSWER_INTENT, "confidence": 1.0}
    if (intent_name == COMPLAINT_INTENT and is_question(text) and not _COMPLAINS.search(text)
            and not _DISPLEASED.search(text) and not _STAFF_COMPLAINT.search(text)):
        return {"name": QUESTION_INTENT, "confidence": 1.0}  # "moet de kliko binnen bij storm?"
    if intent_name == ASK_HUMAN_INTENT and not _A_PERSON_AT_ALL.search(text):
        if _ASKS_SOMETHING.search(text):  # "graag zou ik willen weten wanneer … snoeien"
            return {"name": QUESTION_INTENT, "confidence": 1.0}
        if reading.answer is True and _STARTS_WITH_YES.match(text):
            return {"name": YES_INTENT, "confidence": 1.0}  # "ja verstuur maar, vinden m wel"
    if intent_name == ANSWER_INTENT and reading.category and _names_a_problem_beside(
            text, reading):
        # "lantaarnpaal kapot bij Kerkstraat 12": a report with its place, not a bare answer
        return {"name": reading.category, "confidence": 1.0}
    if (intent_name == STATUS_INTENT and reading.category and not mentions_a_report(text)
            and not has_case_number):
        # "kom eens kijken aan de Vondelstraat, de gevel is vol graffiti": a new report
        return {"name": reading.category, "confidence": 1.0}
    if (intent_name == STATUS_INTENT and not has_case_number and reading.question
            and reading.question != QUESTION and not asks_about_an_earlier_report(text)):
        # "we willen trouwen, moeten we da lang op voorhand melden?" (round r59: "Welk
        # meldingsnummer heeft u?"): to notify is no report to look up
        return {"name": TOPIC_INTENTS.get(reading.question, QUESTION_INTENT), "confidence": 1.0}
    if intent_name in REPORT_INTENTS + UNSURE_INTENTS and asks_about_an_earlier_report(text):
        # "heb vorige week het gedumpte afval gemeld, wordt er nog iets mee gedaan?"
        return {"name": STATUS_INTENT, "confidence": 1.0}
    if (reading.email or reading.phone) and (
            intent_name == STOP_INTENT and not _STOPS_THE_REPORT.search(text)
            or intent_name == COMPLAINT_INTENT and not _COMPLAINS.search(text)):
        # "laat maar mailen, bel me gewoon op 06 …": the contact details, not a stop or a
        # complaint about the e-mail
        return {"name": ANSWER_INTENT, "confidence": 1.0}
    if (intent_name == STOP_INTENT and chooses_among_problems(text)
            and not _STOPS_THE_REPORT.search(text) and not _BEGINS_WITH_STOP.match(text)):
        return {"name": ANSWER_INTENT, "confidence": 1.0}  # "die fiets laat maar zitten"
    if (intent_name == STOP_INTENT and _A_STOP_THAT_IS_A_THING.search(text)
            and not _SAYS_STOP.search(_A_STOP_THAT_IS_A_THING.sub(" ", text))):
        return {"name": ANSWER_INTENT, "confidence": 1.0}  # "near the bus stop, I said"
    if (intent_name == STOP_INTENT and reading.location is not None
            and len(without_chat_noise(text).split()) <= len(reading.location.text.split()) + 1
            and not _SAYS_STOP.search(text)):
        return {"name": ANSWER_INTENT, "confidence": 1.0}  # "9, zei ik al": the number asked
    if intent_name in UNSURE_INTENTS and _WANTS_A_PERSON.search(text) and _A_PERSON.search(text):
        # "WAT EEN ONZIN. geef me gewoon een mens" (round r74 of session 41: "Daar kan ik u
        # helaas niet mee helpen")
        return {"name": ASK_HUMAN_INTENT, "confidence": 1.0}
    unsure = intent_name in UNSURE_INTENTS or confidence < FALLBACK_THRESHOLD
    if unsure or intent_name in _DOCUMENT_INTENTS:
        # "ik ben mijn paszport verloren … wat moet ik doen?" (round r72 of session 41): the
        # model unsure, or unsure enough for the fallback to take over
        plain = normalise(text)
        dutch = with_dutch_documents(plain)
        named = {intent for word, intent in _DOCUMENT_INTENT_OF.items()
                 if word in dutch} if dutch != plain else set()
        if len(named) == 1 and (unsure or intent_name in named):
            return {"name": named.pop(), "confidence": 1.0}
    topic_intent = TOPIC_INTENTS.get(reading.question or "")
    if intent_name in _BULKY_MISHEARD and _FURNITURE_PICKUP.search(text) and not (
            _REGISTERING.search(text) or says_dumped(text) or says_not_collected(text)):
        # "I just moved here … old sofa and a mattress, can you pick them up?" (round 81), "de
        # oude bank staat in de gang. Kan de gemeente die komen ophalen?" (round 82)
        return {"name": BULKY_INTENT, "confidence": 1.0}
    if (intent_name == COMPLAINT_INTENT and _ABOUT_UPDATES.search(text)
            and reading.answer is not None and not _COMPLAINS.search(text)):
        # "Er is niemand gewond. Ik bel straks de politie. Geen berichten graag." (round 84)
        return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
    if intent_name != BULKY_INTENT and rules_out_the_product(text, intent_name or ""):
        return {"name": QUESTION_INTENT, "confidence": 1.0}  # "Nee geen paspoort, …": the rest
    if (intent_name == COMPLAINT_INTENT and _CONFIRMS_FIRST.match(text)
            and not re.search(r"\bklacht|\bcomplain", text, re.IGNORECASE)):
        return {"name": YES_INTENT, "confidence": 1.0}  # "ja versturen. maar u zegt niks over …"
    if intent_name in _ASIDE_INTENTS and reading.answer is not None and _ANSWER_THEN_ASKS.match(
            text):
        # "Ja dat klopt, graag versturen. Dus zaterdag is het gemeentehuis dicht?": the answer,
        # with the question answered beside it (round 79)
        return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
    if intent_name in _DOCUMENT_INTENTS and reading.question == "waste_pass":
        # "kaart kwijt voor container afval": the waste intent, whose pass question is answered
        return {"name": "report_waste_collection", "confidence": 1.0}
    if intent_name == BULKY_INTENT and topic_intent and rules_out_bulky_waste(text):
        return {"name": topic_intent, "confidence": 1.0}  # "nee geen grofvuil, …" (round 78)
    if (intent_name in REPORT_INTENTS + UNSURE_INTENTS and topic_intent
            and reading.category in (None, topic_intent, _SAME_FIELD.get(topic_intent))
            and topic_intent != intent_name):
        # "we zitten al maanden zonder inkomen", "wanneer komt de vuilnisauto": the topic
        # the reader is sure of, not a report the model guessed
        return {"name": topic_intent, "confidence": 1.0}
    if intent_name == STOP_INTENT and reading.answer is not False and _SEND_IT.search(text):
        return {"name": YES_INTENT, "confidence": 1.0}  # "laat maar, verstuur maar zo"
    if intent_name == STOP_INTENT and reading.answer is not None and not _SAYS_STOP.search(text):
        # "nee hoor, als hij maar gemaakt wordt", "JA VERSTUUR MAAR": an answer, not a
        # request to throw the report away
        return {"name": YES_INTENT if reading.answer else NO_INTENT, "confidence": 1.0}
    return None


def _names_a_problem_beside(text: Text, reading: Reading) -> bool:
    """The words besides the place name a kind of problem ("lantaarnpaal kapot bij …"), not
    only the place ("bij de lantaarnpaal", "Kerkstraat 14")."""
    place = reading.location
    if place is None or not place.streets:
        return False
    rest = re.sub(re.escape(place.text), " ", text, flags=re.IGNORECASE)
    return category_of(rest) is not None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class MessageReader(GraphComponent):
    """Adds danger, place, contact, yes/no, language and clean-description entities."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "MessageReader":
        warm_up_places()
        warm_up_language()  # the language models take seconds: not on a resident's message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            try:
                reading = read_message(text)
            except Exception:  # a reader bug must not cost the resident an answer
                logger.exception("The message reader failed; the message goes on unread")
                continue
            found = message.get(ENTITIES, [])
            message.set(ENTITIES, found + reading.to_entities(text), add_to_output=True)
            # the case number as the pipeline's RegexEntityExtractor found it
            numbered = any(entity.get("entity") == "case_number" for entity in found)
            intent = message.get(INTENT) or {}
            answer = _answer_intent(text, reading, intent.get("name"), numbered,
                                    intent.get("confidence", 1.0))
            if answer:
                message.set(INTENT, answer, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [answer], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
