"""Rasa's RulePolicy and TEDPolicy, with TED left out when a rule decides.

Rasa runs every policy for every prediction and then keeps the most confident one,
with the rule policy's priority breaking ties. When a rule applies, the rule policy is
certain (confidence 1.0), so TED's answer is computed and thrown away. Most turns of
this assistant are rule turns (forms, questions and answers), and TED's TensorFlow call
was a quarter of the CPU time per turn.

So TED first asks the rule policy of its own model (whichever of the two Rasa runs
first, the rule prediction is made once per tracker state and kept on the tracker) and
returns an empty prediction when the rule is certain. TED trained on user text
(end-to-end) can override rules, so then TED always predicts.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import weakref
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from rasa.core.policies.memoization import MemoizationPolicy as RasaMemoizationPolicy
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy as RasaRulePolicy
from rasa.core.policies.ted_policy import TEDPolicy as RasaTEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActionExecutionRejected, SlotSet,
                                     UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT

from bot.intents import (ANSWER_INTENT, ASK_HUMAN_INTENT, COMPLAINT_INTENT, CRISIS_AGAIN,
                         CRISIS_ANSWERS, MONEY_WORRIES_INTENT, QUESTION_INTENT, REPORT_INTENTS,
                         STATUS_INTENT, STOP_INTENT, SURE_INTENT, UNSURE_INTENTS)
from bot.knowledge.articles import ARTICLE_ENTITY
from bot.knowledge.aspects import (HOURS, OTHERS, adds_a_subject, asks_the_ordinary, is_follow_up,
                                   read_aspect, read_aspects, subject_words)
from bot.profile import profile
from bot.reading.answers import (adds_more, adds_to_a_report, asks_about_acting, complains,
                                 says_also,
                                 asks_about_the_wait, asks_beside_a_stop_word, prefers_a_call,
                                 asks_for_a_person, asks_if_it_arrives, ends_the_chat,
                                 ends_with_thanks, is_only_a_farewell, is_only_an_ok,
                                 is_thanks_or_goodbye, sounds_like_a_goodbye,
                                 labelled_description, leaves_the_chat, meant_for_a_colleague,
                                 problems_to_keep, says_no_thanks, split_problem_texts, says_stop,
                                 sent_to_the_wrong_chat, tells_news_since, thanks_and_goes,
                                 wants_the_report_after_all, written_to_someone_close)
from bot.reading.language import SPOKEN_LANGUAGES
from bot.reading.message import UNSURE_DANGER, is_neighbour_nuisance, is_the_neighbours_green
from bot.reading.money import asks_to_pay_in_parts, money_trouble
from bot.reading.smalltalk import (asks_about_the_weather, asks_how_the_bot_is, asks_if_a_bot,
                                   asks_the_time, asks_what_the_bot_can_do)
from bot.reading.callback import call_time_wished, wants_callback, without_the_callback
from bot.reading.dates import date_applied, date_named, document_named
from bot.reading.danger import (ONE_ACCIDENT, VIOLENCE_DENIED, a_new_danger,
                                cannot_reach_0800, cannot_use_the_phone, help_called, is_shaken,
                                same_event, says_found, says_it_is_dangerous,
                                read_danger, someone_may_be_inside, sounds_alarming, strong_gas,
                                tells_a_sign_of_life, will_call)
from bot.reading.description import (category_of, names_another_problem,
                                     new_problem_after_never_mind, says_dumped,
                                     says_not_collected)
from bot.reading.not_helped import (is_displeased, says_a_question_unanswered, says_not_helped,
                                    will_call_us)
from bot.reading.places import AT_ONES_HOME, corrected_number, outside_the_municipality
from bot.reading.questions import (PRODUCT_WORDS, QUESTION, announces_a_question, then_question,
                                  asks_a_topic_of_its_own, asks_to_put_something, asks_to_act_on_it,
                                  asks_about_the_question, asks_about_the_service,
                                  asks_for_a_container, asks_which_bin, asks_only_the_link,
                                  a_stray_alive, asks_in_so_many_words, inside_the_home,
                                  tells_an_own_loss,
                                  asks_if_open_now, is_question, question_parts,
                                  questions_beside_a_report, read_question,
                                  tells_something_wrong)
from bot.reading.report_questions import (asks_about_an_earlier_report, asks_how_far,
                                          asks_to_have_it_reported,
                                          asks_status_of_an_earlier_report,
                                          mentions_an_earlier_report,
                                          asks_about_the_report_just_made, disputes_the_report,
                                          mentions_a_report, read_report_question,
                                          refuses_a_new_report, says_it_is_solved,
                                          asks_it_is_closed,
                                          says_not_known, says_number_unknown,
                                          tells_a_new_problem, tells_a_new_problem_beside,
                                          says_reported_before, short_number)
from bot.reading.result import Reading
from bot.text import first_sentence, sentences
from bot.webcare.satisfaction import read_answer as read_satisfaction

RULE_PREDICTION = "_rule_prediction"
# The rule policy of each loaded model, found through the model storage both share.
_RULE_POLICIES: "weakref.WeakKeyDictionary[Any, weakref.ref]" = weakref.WeakKeyDictionary()


def _state_of(tracker: DialogueStateTracker) -> Tuple[int, int]:
    """Identifies the tracker's state between two predictions."""
    return len(tracker.events), id(tracker.events[-1]) if tracker.events else 0


def _rule_decides(prediction: PolicyPrediction, tracker: DialogueStateTracker) -> bool:
    # Rasa zeroes a just-rejected action in every prediction; let TED have its say.
    rejected = bool(tracker.events) and isinstance(tracker.events[-1], ActionExecutionRejected)
    return (prediction.max_confidence >= 1.0 and not prediction.is_end_to_end_prediction
            and not rejected)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class RulePolicy(RasaRulePolicy):
    """Rasa's RulePolicy, predicting once per tracker state for itself and TED."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _RULE_POLICIES[self._model_storage] = weakref.ref(self)

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     **kwargs: Any) -> PolicyPrediction:
        state, prediction = getattr(tracker, RULE_PREDICTION, (None, None))
        if state != _state_of(tracker):
            prediction = super().predict_action_probabilities(tracker, domain, **kwargs)
            setattr(tracker, RULE_PREDICTION, (_state_of(tracker), prediction))
        return prediction


def _decided_by_a_rule(policy: Policy, tracker: DialogueStateTracker, domain: Domain,
                       rule_only_data: Optional[dict]) -> bool:
    """The RulePolicy of the same model (its prediction computed once per tracker state)
    decides this turn, so another policy's prediction cannot win."""
    reference = _RULE_POLICIES.get(policy._model_storage)
    rule_policy = reference() if reference else None
    if rule_policy is None:
        return False
    return _rule_decides(rule_policy.predict_action_probabilities(
        tracker, domain, rule_only_data=rule_only_data), tracker)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class MemoizationPolicy(RasaMemoizationPolicy):
    """Rasa's MemoizationPolicy that does not recall when a rule has decided: the rule's
    prediction wins then anyway (same confidence, higher priority), and the recall builds
    the states of the whole history (about a tenth of a turn's CPU)."""

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[dict] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        if _decided_by_a_rule(self, tracker, domain, rule_only_data):
            return self._prediction(self._default_predictions(domain))
        return super().predict_action_probabilities(tracker, domain,
                                                    rule_only_data=rule_only_data, **kwargs)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True)
class TEDPolicy(RasaTEDPolicy):
    """Rasa's TEDPolicy that does not predict when a rule has decided."""

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[dict] = None,
                                     precomputations: Any = None,
                                     **kwargs: Any) -> PolicyPrediction:
        if TEXT not in self.fake_features and _decided_by_a_rule(self, tracker, domain,
                                                                 rule_only_data):
            return self._prediction(self._default_predictions(domain))
        return super().predict_action_probabilities(
            tracker, domain, rule_only_data=rule_only_data, precomputations=precomputations,
            **kwargs)


# What the message reader found that decides the next action before any intent does.
EMERGENCY_ACTION = "action_emergency"
OTHER_LANGUAGE_ACTION = "action_other_language"
QUESTION_ACTION = "action_answer_question"
TAKE_MESSAGE_ACTION = "action_take_message"
CALLBACK_ACTION = "action_take_callback"
START_REPORT_ACTION = "action_start_report"
REPORT_QUESTION_ACTION = "action_answer_report_question"
NOT_A_REPORT_ACTION = "action_not_a_report"
FOLLOW_UP_ACTION = "action_answer_follow_up"
AS_QUESTION_ACTION = "action_answer_as_question"
IN_REPORT_QUESTION_ACTION = "action_answer_in_report"
MIN_SUBJECT_WORDS = 6
# Actions that may answer with an article of the knowledge base.
KNOWLEDGE_ACTIONS = ("action_answer_topic", "action_out_of_scope", FOLLOW_UP_ACTION)
# The actions that answer about a product: a price asked next is about it.
_PRODUCT_ANSWERS = ("action_answer_topic", FOLLOW_UP_ACTION, QUESTION_ACTION, AS_QUESTION_ACTION)
REPORT_FORM = "report_form"
BULKY_INTENT = "bulky_waste_pickup"
# Form questions whose answer the classifier may mistake for a status question.
ANSWER_SLOTS = ("report_updates", "report_contact", "report_confirmed")
# Questions where "laat maar" or "hoeft niet" declines the offer, not the whole report.
OPTIONAL_SLOTS = ("report_photo", "report_updates", "report_contact", "report_confirmed")
DECLINE_ACTION = "action_decline_offer"
# In a report: someone else reported it already, so this one is not needed.
_REPORTED_BY_SOMEONE_ELSE = re.compile(
    r"\b(?:buurman|buurvrouw|buren|man|vrouw|partner|vriend\w*|zoon|dochter|iemand anders|"
    r"een ander|collega|iemand)\b(?: \w+){0,2} (?:heeft|hebben|had) (?:het|dat|dit|'t) "
    r"(?:\w+ )?(?:al|ook al|allang|net|vanochtend|gisteren) (?:\w+ )?(?:gemeld|doorgegeven)\b"
    r"|\b(?:is|was) (?:al|allang) (?:gemeld|doorgegeven) (?:door|van) (?:mijn|de|een|iemand)\b",
    re.IGNORECASE)
# "oh wacht ik zie de wagen net komen! laat die melding maar zitten" (round r71 of session 41:
# read as a status question, and the updates asked again)
_CANCELS_THE_REPORT = re.compile(
    r"\blaat (?:die |de |deze |mijn |m'?n |het )?melding (?:dan )?(?:maar )?(?:zitten|vallen|weg)\b"
    r"|\b(?:vergeet|annuleer|cancel|schrap|stop) (?:maar |nou |dan )?(?:met )?(?:die |de |deze |"
    r"mijn |m'?n )?melding\b"
    r"|\b(?:hoeft|hoef) (?:\w+ )?geen melding (?:meer )?(?:van )?(?:te )?(?:maken|worden)?\b"
    # "ik wil de melding intrekken, het is al opgelost" (round r184 of session 53)
    r"|\bmelding (?:\w+ )?(?:intrekken|annuleren|schrappen|weghalen|verwijderen)\b"
    # "hm actually forget it, cancel this" (round r196 of session 53: read as an address)
    r"|\b(?:forget|cancel) (?:it|this|that|the report|my report)\b"
    # "laat maar zo, ik bel maandag wel" at a summary that was wrong (round r188 of session
    # 53: both reports were sent): given up, not a yes
    # "Laat u maar, ik bel morgen wel" (round r230 of session 58: "Wat moet er anders?")
    r"|\blaat (?:u |je |jij |ook )?(?:maar|het)(?: zo| zitten)?\W+(?:\w+\W+){0,2}ik (?:bel|ga) "
    r"(?:\w+ )?(?:wel |zelf |"
    r"zo )?(?:bellen|maandag|morgen|later|wel|zelf)\b"
    r"|\b(?:trek|haal) (?:ik )?(?:de |die |mijn |m'?n )?melding (?:\w+ )?(?:in|weg)\b",
    re.IGNORECASE)
# "de buurman heeft hem al aan de kant gesleept. hoeft dus niet meer eigenlijk, sorry!"
# (round r184 of session 53: the summary was shown): no longer needed, because it is done
_NO_LONGER_NEEDED = re.compile(r"\b(?:hoeft|hoef) (?:dus |eigenlijk |al |toch |nu )*niet meer\b"
                               r"|\bniet meer nodig\b|\bno longer needed\b", re.IGNORECASE)
_ALREADY_DONE = re.compile(r"\b(?:opgelost|opgeruimd|weggehaald|aan de kant|opzij|gerepareerd|"
                           r"geregeld|weggesleept|already (?:fixed|gone|cleared|removed))\b",
                           re.IGNORECASE)
# Words that do throw the report away, also at an optional question.
_ENDS_REPORT = re.compile(r"\b(?:stop\w*|annule\w*|afbreken|vergeet het|melding|cancel)\b",
                          re.IGNORECASE)
# Where a message about danger the reader could not place tends to land: with alarm words,
# 112 comes first (outside a form, where "bij de brandweerkazerne" is an answer).
MISREAD_DANGER_INTENTS = ("complaint", "ask_human", "municipal_question", "inform", "greeting",
                          "opening_hours", "bot_challenge")
# After the 112 answer these are answers to its report offer, or a goodbye.
OFFER_ANSWER_INTENTS = ("affirm", "deny", "thanks", "goodbye", "stop")
OFFER_REPORT_ACTION = "utter_emergency_offer_report"
CALLED_112_ACTION = "utter_emergency_called"
CALLED_NO_REPORT_ACTION = "utter_emergency_called_no_report"
REPORT_HERE_ACTION = "utter_emergency_report_here"
AFTERCARE_ACTION = "utter_emergency_aftercare"
WITNESS_ACTION = "utter_emergency_witness"
# "wat moet ik nu doen? moet ik het ook melden?": what to do now first (it says: no report)
_WHAT_NOW = re.compile(r"\bwat (?:moet|kan|moeten|kunnen) (?:ik|we|wij) (?:nu |nou )?(?:nog )?"
                       r"doen\b|\bwat nu\b|\bwhat (?:should|do|can) i do\b", re.IGNORECASE)
# What a witness saw of someone who drove off or ran away: for the police, not a product.
_WITNESS = re.compile(r"\b(?:kenteken\w*|nummerbord|dader\w*|doorgereden|doorgerend|"
                      r"weggereden|gevlucht|signalement|licen[cs]e plate|number plate)\b",
                      re.IGNORECASE)
COMPLAINT_ANSWER = "action_answer_complaint"
# The report is told as one made before: "ging over …", "3 weken geleden", "in de mail".
# "over de glasbak", "het ging over die lamp": which report, told by its subject
_ABOUT_A_SUBJECT = re.compile(r"^\W*(?:(?:het |hij |die |t )?(?:ging|gaat|was) )?(?:over|about)\b",
                              re.IGNORECASE)
_TOLD_AS_BEFORE = re.compile(
    r"\b(?:ging|gaat|was)\s+(?:\w+\s+)?(?:over|om)\b|\bgeleden\b|\b(?:vorige|afgelopen)\s+"
    r"(?:week|maand|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
    r"|\b(?:heb|had|hebben)\s+(?:\w+\s+){0,4}?(?:gemeld|doorgegeven)\b|\bin\s+de\s+(?:e-?)?mail\b"
    r"|\b(?:it\s+)?was\s+about\b|\bweeks?\s+ago\b",
    re.IGNORECASE)
NO_INTERNET_ACTION = "action_no_internet"
GOODBYE_ACTION = "action_goodbye"
# "dag", "GOEDENDAG.": a hello at the start, a goodbye after an answer
_ONLY_DAG = re.compile(r"^\W*(?:goeden?dag|goede?n?(?:avond|middag|nacht)|goeienavond|dag|daag|"
                       r"dagdag|dag hoor)\W*$", re.IGNORECASE)
WRONG_CHAT_ACTION = "utter_wrong_chat"
CONTACT_HUMAN_ACTION = "action_contact_human"
# The complaint answer ends with "Wilt u nu eerst met een medewerker praten?"
COMPLAINT_OFFER = "utter_answer_complaint"
_YES_FIRST = re.compile(r"^\W*(?:ja+|jawel|jazeker|yes|graag|zeker)\b", re.IGNORECASE)
# Offered after filing a report the resident made before (actions.reports).
COLLEAGUE_OFFER = "utter_report_offer_colleague"
STATUS_COLLEAGUE_OFFER = "utter_status_offer_colleague"
STATUS_FASTER = "utter_status_faster"  # "kan het niet sneller?": why not, and a colleague
STATUS_FASTER_URGENT = "utter_status_faster_urgent"  # about a report that goes first already
CALLBACK_NUMBER_QUESTION = "utter_callback_ask_number"
ASK_QUESTION_RESPONSE = "utter_ask_question"  # "Wat wilt u weten?"
STATUS_DISPUTED = "action_status_disputed"
ONE_ARTICLE_OFFERED = "utter_kb_choose_one"
SUBJECT_ONLY_WORDS = 3  # "wegwerkzaamheden": a subject, not a report
SHORT_WISH_WORDS = 8  # "pff. dan maar opnieuw melden": only the wish, the report still to tell
SHORT_ANSWER_WORDS = 4
NEED_ACTION = "action_answer_need"
SUBMIT_ACTION = "action_submit_report"
SOLVED_ACTION = "action_report_solved"
# A status update that asked the municipality's question or the KTO (slot SIGNALEN_QUESTION):
# the resident's next message is its answer, whatever it seems to be.
STATUS_UPDATE_ACTION = "action_report_status_update"
SIGNALEN_ANSWER_ACTION = "action_take_signalen_answer"
# "o het is bij nummer 20 trouwens" just after filing: added to the report filed.
ADD_TO_REPORT_ACTION = "action_add_to_report"
ADDITION_TURNS = 3  # how many resident messages after filing may still add to the report
SIGNALEN_QUESTION = "signalen_question"
NOT_HELPED_ACTION = "action_kb_not_helped"
# Actions after which "daar heb ik niks aan" is about an answer from the knowledge base.
ANSWERING_ACTIONS = KNOWLEDGE_ACTIONS + (AS_QUESTION_ACTION, QUESTION_ACTION, NO_INTERNET_ACTION,
                                         NEED_ACTION)
# Actions after which a message the model could not place is read with the answer given.
CONTEXT_ACTIONS = ANSWERING_ACTIONS + (NOT_HELPED_ACTION,)
_NO_FIRST = re.compile(r"^\W*(?:nee+|neen|no|nope|nah|nop|niet|nothing|niks|niets)\b",
                       re.IGNORECASE)
# "Moet ik het ook bij jullie melden?" right after an emergency answer.
_SHOULD_REPORT = re.compile(
    r"\b(?:moet|moeten|kan|kun|kunt|hoef|hoeft|hoeven|zal)\s+(?:ik|we|wij|u|je)\s+(?:\w+\s+){0,7}?"
    r"(?:melden|doorgeven|laten weten|inlichten|informeren)\b"
    # "do I need report to gemeente also?" (round r224 of session 57: read as a status question)
    r"|\b(?:do|must|should|shall) i (?:also |still )?(?:need (?:to )?|have to |must )?"
    r"(?:also )?(?:make |file )?(?:a )?report\b", re.IGNORECASE)
# After a message left: "ik zit niet de hele dag in deze chat": a call back, not "answers here".
_NOT_IN_THE_CHAT = re.compile(
    r"\b(?:zit|ben|kijk)\b(?: \w+){0,3} niet (?:\w+ ){0,3}(?:in (?:deze|de) chat|achter de "
    r"(?:computer|pc|laptop)|hier|online|op mijn telefoon)\b|\bkijk hier niet (?:meer|vaak)\b|"
    # (not "kan ik niet online een afspraak maken?": a question, round r91 of session 43)
    r"\bniet (?:de hele dag )?(?:online|in de chat)\b(?! (?:een |mijn |het |de )?(?:afspraak|"
    r"aanvra\w*|maken|regelen|doen|melden|betalen|inschrijven|doorgeven))"
    # "ik ga nu slapen en sluit mijn laptop, hoe krijg ik dan het antwoord?"
    r"|\b(?:sluit|sluiten|klap|doe|zet) (?:\w+ ){0,2}(?:laptop|computer|pc|telefoon|chat|app|"
    r"browser)\b(?: \w+){0,2} (?:dicht|uit|af)?|\bsluit (?:de|deze|mijn) (?:chat|laptop|app)\b"
    r"|\bga (?:nu |zo |straks )?(?:slapen|offline)\b|\bga (?:nu|zo) weg\b", re.IGNORECASE)
# An outright yes ("ja gebeld" answers the offer too), not an "ok" that only hears it.
_SAYS_YES = re.compile(r"^\W*(?:ja|jawel|jazeker|yes)\b", re.IGNORECASE)
# A yes to the report offer that says so ("ja melden", "ik wil het wel melden").
_YES_TO_REPORT = re.compile(r"\b(?:ja|jawel|graag|yes)\b[\s,!.]*(?:\w+\s+){0,3}?melden\b"
                            # "Ja, meldt u het maar bij de gemeente" (round 83)
                            r"|\b(?:ja|jawel|graag|yes)\b[\s,!.]*meld[t]? (?:u |jij |jullie )?"
                            r"(?:het |dat |dit )?(?:maar|gerust|graag)\b"
                            r"|\bwil (?:het |dit |dat |hem )?(?:wel |graag |toch )*melden\b"
                            r"|\b(?:ja|jawel|yes)\b[\s,!.]*(?:\w+\s+){0,3}?(?:moet|mag|kan) "
                            r"(?:wel |ook |zeker |echt )*(?:gemeld|melden)\b"
                            r"|\b(?:en|ook) (?:het |dit |dat )?(?:ook )?melden\s*[.!]*$"
                            r"|\byes,? (?:please )?report\b"
                            r"|\b(?:ja|jawel|yes)\b[\s,!.]*meld\b|\bmeld (?:\w+ ){0,2}?maar\b",
                            re.IGNORECASE)
# "ok dan wil ik wel de ratten bij de containers melden": a report, also right after an answer.
_WANTS_TO_REPORT = re.compile(r"\b(?:wil|wilde|ga|gaan|willen)\s+(?:ik|we|wij)?\s*"
                              r"(?:(?!niet\b|geen\b|nie\b)\w+\s+){0,10}?melden\b"
                              r"|\b(?:wil|wilde|ga|willen)\s+(?:ik\s+|we\s+)?(?:graag\s+)?"
                              r"(?:een\s+)?(?:nieuwe\s+)?melding\s+(?:doen|maken)\b"
                              r"|\bi (?:want|would like|d like) to report\b", re.IGNORECASE)
# "Ik heb geen internet / computer": a link is no answer.
_NO_INTERNET = re.compile(
    r"\b(?:(?:heb|hebben|heeft|hebt)\s+(?:\w+\s+){0,2}?geen\s+(?:internet|computer|pc|laptop|"
    r"smartphone|mobieltje|e-?mail)|geen\s+internet|kan\s+(?:\w+\s+){0,2}?niet\s+(?:op\s+)?"
    r"(?:internet|online|de computer)|niet\s+digitaal|don'?t\s+have\s+(?:internet|a\s+computer)|"
    r"no\s+(?:internet|computer)|niet\s+(?:zo\s+)?handig\s+met\s+(?:de\s+)?(?:computer|internet|"
    r"digid)|geen\s+digid|(?:kan|mag|kun|kunt|wil)\s+(?:ik|u|je|het|dat)\s+(?:\w+\s+){0,3}?"
    r"(?:per\s+brief|op\s+papier|schriftelijk)|liever\s+(?:per\s+brief|op\s+papier|schriftelijk)|"
    r"(?:by\s+(?:post|letter)|on\s+paper)\s+instead)\b", re.IGNORECASE)
# After a status answer: it is taking too long ("waarom gebeurt er niks?").
_STILL_NOTHING = re.compile(
    r"\b(?:nog steeds|nog altijd|nog (?:niks|niets)|gebeurt (?:er )?(?:niks|niets)|er is "
    r"(?:niks|niets) gebeurd|(?:al|nu al) (?:\d+|een paar|twee|drie|vier|vijf|zes) (?:dagen|"
    r"weken|maanden)|(?:al|nu al) (?:ruim |meer dan |bijna )?een (?:week|maand)|"
    r"nog niet (?:gemaakt|opgelost|gerepareerd|opgeruimd|weggehaald)|"
    r"nothing (?:has )?happened|still (?:not|broken|there))\b", re.IGNORECASE)
# The handling time just told, questioned: "10 werkdagen?? voor ratten?", "zo lang??".
_HANDLING_TIME_QUESTIONED = re.compile(
    r"\b\d+ (?:werk)?(?:dagen|weken|uur)\s*\?|\b(?:tien|twee|drie|vijf) (?:werk)?(?:dagen|"
    r"weken)\s*\?|\bzo lang\s*\?|\b\d+ (?:working )?days\s*\?"
    # "24 uur is lang. vannacht fietsers vallen misschien" (round r178 of session 52)
    r"|\b(?:\d+|tien|twee|drie|vijf) (?:werk)?(?:dagen|weken|uur) (?:is|duurt) (?:wel |erg |heel "
    r"|best |nogal )?(?:lang|te lang)\b"
    # "5 working days is quite long though" (round r273 of session 64: a new report)
    r"|\b(?:\d+|ten|two|three|five) (?:working |work )?(?:days|weeks|hours) (?:is|are|seems?) "
    r"(?:quite |very |really |rather |pretty |a bit |too )*long\b", re.IGNORECASE)
# Displeasure with a status just told: answered as a complaint, not with the status again.
_PUSHBACK = re.compile(
    r"\b(?:belachelijk|schandalig|schande|onacceptabel|onzin|(?:veel|echt|zo|veels) te lang|"
    r"waarom duurt (?:het|dat|dit)|duurt (?:het|dat) (?:zo|nog zo) lang|niet normaal|"
    r"ridiculous|unacceptable|(?:far|way) too long)\b", re.IGNORECASE)
EMERGENCY_ACTIONS = (EMERGENCY_ACTION, OFFER_REPORT_ACTION, CALLED_112_ACTION,
                     REPORT_HERE_ACTION)
# After the 112 answer, the resident says it is no case for 112.
_DOUBTS_112 = re.compile(
    r"\bwaarom (?:zegt|noemt|begint|heeft|geeft) (?:u|je|jij|jullie|ie|hij) (?:het )?"
    r"(?:steeds |telkens |weer |nou |nu |toch |de hele tijd )*(?:over )?112\b"
    r"|\b(?:hoeft|hoef) (?:\w+ ){0,2}(?:geen|niet) 112\b|\bniet (?:iets )?voor 112\b"
    r"|\bgeen 112 nodig\b|\b112 (?:is )?niet nodig\b|\bno need (?:for|to call) 112\b"
    r"|\bwhy (?:do|are|does) (?:you|it) (?:\w+ ){0,3}112\b"
    # "112 bellen voor een tak??" (round r194 of session 53: "Bel nu 112" again)
    r"|\b112 (?:bellen |call(?:ing)? )?(?:voor|for) (?:een|de|het|die|dat|a|the) \w+\s*\?"
    r"|\b(?:call|bellen) 112 (?:for|voor) (?:een|de|het|die|dat|a|the) \w+\s*\?",
    re.IGNORECASE)
# "Meneer, er is GEEN geweld. Mijn vrouw is gevallen en heeft hulp nodig bij het douchen"
# (round r72 of session 41): the emergency answer was a misunderstanding.
_MISHEARD = re.compile(
    r"\b(?:er is|het is|het gaat (?:hier )?om) (?:helemaal )?geen (?:noodgeval|brand)\b"
    r"|\bdaar gaat het (?:\w+ )?niet (?:om|over)\b"
    r"|\b(?:ik begrijp|snap) (?:u|je|jou|jullie) niet\b|\b(?:u|je) begrijpt (?:me|mij) niet\b"
    r"|\bdat (?:bedoel|vroeg) ik (?:helemaal )?niet\b|\bnot what i (?:meant|asked)\b",
    re.IGNORECASE)
# After the 113 answer: help with the money asked for, without despair told again.
_ASKS_FOR_HELP = re.compile(r"\?|\b(?:help\w*|hulp|schuldhulp\w*|regelen)\b", re.IGNORECASE)
# "kan iemand mij terugbellen over de schulden?": a call back from the municipality.
_CALL_ME_BACK = re.compile(r"\b(?:mij|me) (?:\w+ )?(?:bellen|terugbellen|terug bellen|opbellen)\b|"
                           r"\bterug ?bellen\b|\b(?:bel|belt) (?:mij|me)\b", re.IGNORECASE)
# ("ik weet niet meer hoe ik de huur moet betalen" is a money question, not despair)
_DESPAIR = re.compile(r"\b(?:uitweg|(?:kan|wil|trek|hou) (?:\w+ )?niet meer|geen zin|"
                      r"volhoud\w*|te veel|te zwaar|wanhoop\w*|zie het niet|kan het niet|op is|"
                      r"te laat)\b", re.IGNORECASE)
# Later in a conversation with the 113 answer: despair told again.
_DESPAIR_AGAIN = re.compile(
    r"\b(?:te laat|geen uitweg|geen zin meer|kan (?:het |dit )?niet meer|wil (?:er )?niet meer|"
    r"zie het niet meer|hou (?:het|t) niet (?:meer )?vol|afscheid|too late|no way out)\b",
    re.IGNORECASE)
# After the 112 answer: nobody is in danger (any more).
_ALL_WELL = re.compile(r"\b(?:is|zijn|gaat|voelt zich|lijkt) (?:(?!niet|nie|geen)\w+ )?"
                       r"(?:ok|oke|oké|okay|goed|"
                       r"in orde)\b|\bniemand (?:is )?gewond\b|\bvalt (?:wel )?mee\b|"
                       r"\bni(?:ks|ets) aan de hand\b|"
                       r"\b(?:is|are|seems) (?:ok|okay|fine|alright)\b"
                       r"|\b(?:niet|geen|not|no) (?:meer )?(?:in )?(?:gevaar|danger)\b"
                       r"|\bgeen (?:nood|noodgeval)\b|\bno emergency\b"
                       # "nee niemand ligt hulpeloos, ze zijn gewoon irritant" (round r87)
                       r"|\b(?:niemand|niet) (?:\w+ )?(?:ligt |is )?hulpeloos\b"
                       r"|\bniet (?:dat )?(?:het |dit )?een noodgeval\b"
                       # "ik ben er nu niet hoor", "er is niemand in dat huis" (round 77)
                       r"|\bik ben (?:er|daar) (?:nu |helemaal )?niet\b"
                       r"|\bik ben (?:nu )?(?:helemaal )?niet (?:in|bij) (?:dat|het|die|de)\b"
                       r"|\bniemand (?:is |zit )?(?:in|binnen)\b",
                       re.IGNORECASE)
# After the handover: "ik wil geen collega, ik wil gewoon weten …" is no message for one.
_NO_COLLEAGUE = re.compile(r"\b(?:geen|niet met een|hoef geen|hoeft geen) (?:\w+ )?"
                           r"(?:collega|medewerker|mens|persoon|gesprek)\b|\bno (?:agent|human)\b",
                           re.IGNORECASE)
# The offer itself named in a "laat maar": "laat maar zitten met die mail".
_OFFER_WORDS = re.compile(r"\b(?:e-?mail\w*|mail|updates?|bericht\w*|foto\w*|nummer|telefoon\w*|"
                          r"hoor (?:toch )?(?:nooit|niks|niets)|hoort (?:toch )?(?:nooit|niks))\b",
                          re.IGNORECASE)
# Intents a hazard in the same message does not override.
KEEP_INTENTS = ("ask_human", "ask_report_status", "stop")
# The queue news (bot.webcare.waiting_news) comes between the handover and the message.
WHEN_ACTION = "action_tell_when"
HANDOVER_OK_ACTION = "utter_handover_ok"
CALENDAR_ANSWER = "utter_answer_waste_calendar"
CALENDAR_POSTCODE = "utter_waste_calendar_postcode"  # a postcode typed after the calendar link
MONEY_ANSWER = "utter_answer_money_worries"  # ends with "Wilt u nu met een collega praten?"
ANONYMOUS_HELP = "utter_emergency_anonymous"  # afraid the neighbours learn who called
_VIOLENCE_REASONS = ("violence", "home_violence", "threat")
_AFRAID_TO_BE_KNOWN = re.compile(
    r"\banoniem\w*|\banonymous\w*|\bdurf (?:\w+ ){0,2}niet\b|\bbang (?:\w+ ){0,4}(?:weten|merken|"
    r"zien|horen)\b|\b(?:weten|merken) (?:ze|zij|hij) (?:\w+ ){0,3}(?:dat ik|wie)\b|\bafraid\b|"
    r"\bscared\b|\bdon'?t dare\b", re.IGNORECASE)
TYPE_THE_MESSAGE = "utter_handover_type_message"  # "ok" to "laat hier uw bericht achter"
MENU_RESPONSE = "utter_greeting"  # "menu": what the bot can do, with its buttons
HANDOVER_ACTIONS = ("action_contact_human", TAKE_MESSAGE_ACTION, CALLBACK_ACTION,
                    "action_tell_waiting", WHEN_ACTION, HANDOVER_OK_ACTION, TYPE_THE_MESSAGE)
# After these something was passed on: "wordt het vandaag?" asks when, "ok" is heard.
PASSED_ON_ACTIONS = (TAKE_MESSAGE_ACTION, CALLBACK_ACTION, WHEN_ACTION, HANDOVER_OK_ACTION)
# After a colleague finished: a message holding a score answers "hoe tevreden bent u?".
ASK_SATISFACTION_ACTION = "action_ask_satisfaction"
TAKE_SATISFACTION_ACTION = "action_take_satisfaction"
WHAT_I_CAN_DO, HOW_I_AM = "utter_what_i_can_do", "utter_how_i_am"
WEATHER = "utter_weather"
THE_TIME = "action_tell_the_time"
OPENING_HOURS_ACTION, ANYTHING_ELSE = "action_opening_hours", "utter_anything_else"
ANIMAL_IN_NEED = "animal_in_need"  # a question topic (bot.reading.questions): call 144
FIREWORKS_KEPT = "fireworks_kept"  # a question topic: the police or Meld Misdaad Anoniem
WATER_OUTAGE = "water_outage"  # a question topic: the drinking-water company's fault number
DEATH_TOPIC = "death"  # a question topic: someone close has died
OTHER_MUNICIPALITY_ACTION = "action_other_municipality"
STOP_ACTION, RESUME_ACTION = "action_stop_report", "action_resume_report"
# Questions about the resident's own data or loss, answered wherever they come.
ABOUT_THE_RESIDENT = ("anonymous", "damage", "chat_privacy", "remove_data")
READING_ACTIONS = (EMERGENCY_ACTION, OTHER_LANGUAGE_ACTION, QUESTION_ACTION, WRONG_CHAT_ACTION,
                   TAKE_MESSAGE_ACTION, NOT_A_REPORT_ACTION, FOLLOW_UP_ACTION,
                   AS_QUESTION_ACTION, CALLED_112_ACTION, CALLED_NO_REPORT_ACTION,
                   REPORT_HERE_ACTION, COMPLAINT_ANSWER, NO_INTERNET_ACTION, GOODBYE_ACTION,
                   SIGNALEN_ANSWER_ACTION, NOT_HELPED_ACTION, NEED_ACTION,
                   TAKE_SATISFACTION_ACTION, CALLBACK_ACTION, STATUS_DISPUTED, WHEN_ACTION,
                   HANDOVER_OK_ACTION, STATUS_FASTER, STATUS_FASTER_URGENT, WHAT_I_CAN_DO,
                   HOW_I_AM, RESUME_ACTION, OTHER_MUNICIPALITY_ACTION, CRISIS_AGAIN,
                   AFTERCARE_ACTION, WEATHER, THE_TIME, WITNESS_ACTION, ADD_TO_REPORT_ACTION,
                   SOLVED_ACTION, TYPE_THE_MESSAGE, MENU_RESPONSE, ANONYMOUS_HELP,
                   CALENDAR_POSTCODE)
UNDERSTOOD_LANGUAGES = SPOKEN_LANGUAGES
# Questions about a product: during a report they get the product's answer, not the report's.
PRODUCT_INTENTS = ("passport_id_appointment", "driving_licence", "moving_address_change",
                   "parking_permit", "bulky_waste_pickup", "opening_hours", "taxes",
                   "permit_question", "money_worries")
# Product questions answered inside a report; the opening hours keep their own action.
_ANSWERED_IN_A_REPORT = tuple(intent for intent in PRODUCT_INTENTS if intent != "opening_hours")
# A question the model was unsure of but guessed a product for ("onze zoon is gisteren
# geboren, hoe moet ik hem aangeven", guessed a move): the knowledge base, not "Bedoelt u …?".
_ASKED_ABOUT_A_PRODUCT = ("passport_id_appointment", "driving_licence", "moving_address_change",
                          "parking_permit", "permit_question", "taxes")
# A message left for a colleague ends when the resident clearly starts something new.
NEW_REQUEST_INTENTS = REPORT_INTENTS + (
    "passport_id_appointment", "driving_licence", "moving_address_change", "parking_permit",
    "bulky_waste_pickup", "opening_hours", "ask_report_status", "stop", "goodbye", "thanks")
NEW_REQUEST_CONFIDENCE = 0.85
# After "Welk meldingsnummer heeft u?" these start something else; anything more is the answer
# ("weet ik niet meer, kan iemand het opzoeken?"), also when the model hears money worries.
STATUS_ACTION = "action_report_status"
STATUS_ASKED_SLOT = "status_number_asked"
NEW_TOPIC_INTENTS = REPORT_INTENTS + ("stop", "goodbye", "thanks", "ask_human", "greeting",
                                      "passport_id_appointment", "moving_address_change",
                                      "parking_permit", "driving_licence", "bulky_waste_pickup")


# Words without which a message is not about the product the model named, when the reader
# sees a problem in a street instead ("die troep achter de kerk op de Kerkstraat opruimen").
# (a long answer opens under its title: utter_kb_answer_detail)
KB_ANSWERS = ("utter_kb_answer", "utter_kb_answer_sensitive", "utter_kb_answer_detail")


def _named_in_the_last_answer(tracker: DialogueStateTracker, intent: str, text: str) -> bool:
    """"En haar parkeervergunning, loopt die door?" after the answer about a death that tells
    what to do with it: the product's words are in that answer, so it is read with it."""
    answer = _last_bot_message(tracker, lambda name: name in KB_ANSWERS)
    said = (answer.text or "") if answer else ""
    told = said.lower() + " " + re.sub(r"\s+te\s+", "", said.lower())  # "uit te schrijven"
    named = [found.group(0) for found in re.finditer(r"\w+", text)
             if len(found.group(0)) >= 5 and PRODUCT_WORDS[intent].search(found.group(0))]
    return bool(named) and all(word.lower() in told for word in named)


# "een bericht achterlaten voor mevrouw Kramer", "kunt u een boodschap doorgeven aan …"
_LEAVES_A_MESSAGE = re.compile(
    r"\b(?:bericht|berichtje|boodschap)\s+(?:\w+\s+){0,2}?(?:achterlaten|achter\s+laten|"
    r"doorgeven|geven)\s+(?:aan|voor)\b|\b(?:bericht|berichtje|boodschap)\s+voor\s+(?:mevrouw|"
    r"meneer|mw|dhr|de\s+heer|collega)\b|\bleave\s+a\s+message\s+for\b", re.IGNORECASE)


# "de melding" the last answer itself told of: "Doe eerst een melding voorgenomen huwelijk"
_MELDING = re.compile(r"\bmelding\b", re.IGNORECASE)
_ONLY_THE_MELDING = re.compile(r"\b(?:gemeld|meldingsnummer|klacht|nog steeds|status|opgelost)\b"
                               r"|\bM-\d", re.IGNORECASE)


def _the_melding_of_the_answer(tracker: DialogueStateTracker, text: str) -> bool:
    """"wat moeten we meenemen voor de melding" after the wedding answer that tells to do a
    "melding voorgenomen huwelijk" (round r121 of session 49: "Welk meldingsnummer?")."""
    if not _MELDING.search(text) or _ONLY_THE_MELDING.search(text):
        return False
    answer = _last_bot_message(tracker, lambda name: name in KB_ANSWERS)
    return bool(answer and _MELDING.search(answer.text or ""))


def _names_the_product(intent: Optional[str], text: str) -> bool:
    """A product question ("wat kost een paspoort?") rather than a question about the
    report that the model took for one ("moet ik hier iets voor betalen?" as taxes)."""
    if intent not in PRODUCT_INTENTS:
        return False
    if intent in PRODUCT_WORDS:
        return bool(PRODUCT_WORDS[intent].search(text))
    if intent in ("taxes", "money_worries"):  # the reader knows their words
        return read_question(text) == intent
    return True


def _events_of_last_turn(tracker: DialogueStateTracker) -> Iterator[Any]:
    """The events between the resident's last two messages, the latest first (none across
    a restart or a conversation resumed by a colleague)."""
    seen_user = False
    for event in reversed(tracker.events):
        kind = type(event).__name__
        if kind == "UserUttered":
            if seen_user:
                return
            seen_user = True
        elif kind in ("ConversationResumed", "Restarted"):
            return
        elif seen_user:
            yield event


def _actions_of_last_turn(tracker: DialogueStateTracker) -> Tuple[str, ...]:
    """The bot's actions between the resident's last two messages, the latest first."""
    return tuple(event.action_name for event in _events_of_last_turn(tracker)
                 if type(event).__name__ == "ActionExecuted"
                 and event.action_name != "action_listen")


# The neighbours' own tree or hedge: "de boom van de buren", "de buurman heeft een heg".
# "do I need a skip permit for a container in front of my house?" (round r258 of session
# 61: a waste report): permission asked, nothing told as wrong
_ASKS_PERMISSION = re.compile(
    r"\b(?:vergunning\w*|ontheffing\w*|permits?|licen[cs]es?|allowed|(?:do|does) (?:i|we) "
    r"need|(?:can|may|could) (?:i|we) (?:put|place|park|leave|have)|mag (?:ik|ik er|je)|"
    r"mogen (?:we|wij|ik))\b", re.IGNORECASE)
_NEIGHBOURS_GREEN = re.compile(
    r"\b(?:boom|bomen|heg|haag|struik\w*|takken|tak|klimop|coniferen?)\b(?: \w+){0,2} "
    r"(?:van|bij) (?:de|mijn|onze|m[ij]?n) (?:buren|buurman|buurvrouw|achterburen)\b"
    r"|\b(?:de|mijn|onze|m[ij]?n) (?:buren|buurman|buurvrouw|achterburen) (?:heeft|hebben)\b"
    r"(?: \w+){0,3} (?:boom|bomen|heg|haag|struik\w*|coniferen?)\b", re.IGNORECASE)
# Words of a question about the opening hours: "ben je morgen open?", "hoe laat kan ik bellen?"
_ABOUT_HOURS = re.compile(r"\b(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*|\b(?:open|dicht|"
                          r"gesloten|openingstijd\w*|tijden|hoe laat|bereikbaar|"
                          r"vandaag|morgen|weekend|avond\w*|feestdag\w*|kerst\w*|\d+ uur|"
                          r"opening|closed|hours|today|tomorrow|when)\b", re.IGNORECASE)
_A_DAY_OR_OPEN = re.compile(r"\b(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*|\bopen\b|"
                            r"\bopeningstijd\w*|\bweekend\b", re.IGNORECASE)


# "ok top. haar vader woont in breda, moet hij dan ook mee komen?": the answer heard, then
# a question about it (round 98)
_ACKNOWLEDGES = re.compile(r"^\W*(?:ok\w*|oke|oké|top|prima|fijn|duidelijk|helder|goed|super|"
                           r"mooi|thanks|dank\w*|bedankt|alright|great)\b", re.IGNORECASE)
# "nee, de milieustraat. adres?" at "anything else?": a no, then a question of its own
_NO_THEN_ASKS = re.compile(r"^\W*(?:nee+n?|no+|nope|neuh)\b(?=[^?]*\w[^?]*\?)"
                           r"(?!.*\b(?:dank|bedankt|thanks|thank you|doei|dag|bye|tot ziens)\b)",
                           re.IGNORECASE)


def _asks_a_follow_up(tracker: DialogueStateTracker, last_turn: Tuple[str, ...],
                      intent: Optional[str], message: Any, reading: Reading) -> bool:
    """"En hoe lang is die geldig?" right after an answer from the knowledge base, whatever
    the model made of it ("geldig" once read as a status question); not a question about
    a report ("en mijn melding?") or a new report."""
    text = message.text or ""
    if tracker.active_loop_name is not None or not set(last_turn) & set(CONTEXT_ACTIONS):
        return False
    if asks_for_a_person(text):
        return False  # "laat maar. mag ik een medewerker" (round r135 of session 50)
    if thanks_and_goes(text):
        return False  # "ok dank u, ik maak afspraak": thanks and a plan, no question
    if asks_only_the_link(text):
        return True  # "TE LANG. gewoon link": the answer's link
    if (date_applied(text, profile().now().date()) and not document_named(text)
            and not reading.category):
        return True  # "ik heb hem vrijdag aangevraagd" after the licence answer: when ready
    if any(entity.get("entity") == ARTICLE_ENTITY for entity in message.entities or []):
        return False  # an article chosen with a button: its answer, not a detail of another
    if (intent == "opening_hours" and _sure(message) and _A_DAY_OR_OPEN.search(text)
            and read_aspect(text) in (None, HOURS)):
        # "en donderdagavond??" after the licence answer: the opening hours; not "mn vriendin
        # komt elk weekend, moet die dan ook betalen" after the permit answer (round 89)
        return False
    # "en hebben ze daar betaald parkeren?" after moving: its own product
    told_before = intent in PRODUCT_WORDS and _named_in_the_last_answer(tracker, intent, text)
    another_product = (intent in PRODUCT_WORDS and intent != _previous_intent(tracker)
                       and _names_the_product(intent, text) and not told_before)
    own_product = another_product and _sure(message) and not _asks_then_of_the_answer(text, intent)
    if ((reading.answer is True or _ACKNOWLEDGES.match(text))
            and (reading.addition or len(sentences(text)) > 1)  # a question is no remark
            and (is_question(reading.addition or "") or is_question(text))
            and _last_response(tracker) == ANYTHING_ELSE and not own_product):
        # (the reader's addition drops the question mark: "yes. opening hours? after 17?")
        return True  # "ok en het is een leaseauto, kan dat ook" at "anything else?"
    english = tracker.get_slot("language") == "en"
    unsure = (_model_unsure(message, intent) and intent != STATUS_INTENT
              and not reading.danger and not reading.category and not money_trouble(text))
    if unsure and not english and not another_product and (reading.question or "?" in text
                                   or read_aspect(text) or asks_the_ordinary(text)
                                   or _REFERS_BACK.search(text)):
        # "hij is GESTOLEN" after the passport answer: read with that answer; not "trouwens
        # we gaan verhuizen …" after the licence answer (round r95: the emigration answer)
        return True
    if not set(last_turn) & set(ANSWERING_ACTIONS):
        return False
    if own_product:
        return False
    if (intent in REPORT_INTENTS and not (reading.category or reading.danger)
            and is_question(text) and not mentions_a_report(text)):
        # "ik woon bij mijn vriend, is dat probleem? en is al 2 weken, krijg ik boete?" after
        # the registration answer: no problem in the street told (round r110: a report)
        return True
    if not (is_follow_up(text) or told_before and "?" in text or _POINTS_BACK.search(text)
            or _ABOUT_IT.match(text) or _asks_then_of_the_answer(text, intent)
            or _CHECKS_THE_ANSWER.search(text)
            or intent not in PRODUCT_WORDS and then_question(text)) \
            and not (english and intent in UNSURE_INTENTS and "?" in text):
        return False  # in English any question the model cannot place: the product's page
    if intent == STATUS_INTENT:
        return not _has_case_number(message) and (not mentions_a_report(text)
                                                   or _the_melding_of_the_answer(tracker, text))
    if english and intent in PRODUCT_INTENTS and (
            intent not in PRODUCT_WORDS or _names_the_product(intent, text)):
        # "how do I get a driving licence?": its own English answer; not "can i make the
        # appointment online" after the registration answer (own try, session 44: passports)
        return False
    # not "en nu is de stoep ook nog kapot?"; but "kost dat iets? en hoe lang duurt het,
    # want mijn vuilniszakken stapelen zich op" asks about the answer first (round 87)
    return intent not in KEEP_INTENTS and not (
        intent in REPORT_INTENTS and reading.category and not adds_a_subject(text)
        and not read_aspect(first_sentence(text)[0]) and not _POINTS_BACK.search(text))


def _a_hazard_told_apart(text: str) -> bool:
    """A sentence tells a danger now without speaking of a report, and another one asks
    about a report."""
    parts = sentences(text)
    return any(read_danger(part) is not None and not _NAMES_A_REPORT.search(part)
               and not says_reported_before(part) for part in parts) and any(
        _NAMES_A_REPORT.search(part) for part in parts)


def _asks_then_of_the_answer(text: str, intent: Optional[str]) -> bool:
    """The message ends in a "then"-question with no product of its own in it: the product's
    words only tell the resident's situation."""
    then = then_question(text)
    words = PRODUCT_WORDS.get(intent or "")
    return bool(then) and words is not None and not words.search(then)


# "dat zei je net al. en die tegels??": the thing the resident asked about before (round 87)
_POINTS_BACK = re.compile(r"(?:^|[.!?]\s+)(?:en\s+)?(?:die|dat|deze|those|these)\s+\w+\s*\?+\s*$",
                          re.IGNORECASE)


# "de begrafenisondernemer doet de aangifte, klopt dat?" after the answer about a death: the
# resident checks what they heard against the answer (round r221 of session 56)
_CHECKS_THE_ANSWER = re.compile(
    r"(?:\bklopt (?:dat|het|dit)(?: wel)?|\bis dat (?:zo|waar|juist|correct)|\bheb ik dat goed"
    r"(?: begrepen)?|\bbegrijp ik (?:dat|het) goed|,\s*toch|\bis that (?:right|correct|true)"
    r"|,\s*right)\s*\?+\s*$", re.IGNORECASE)


# "kan dat ook op een andere locatie?", "geldt dat ook voor mijn zoon": a yes or no about
# what was just answered (own try, session 44: "Daar heb ik zelf geen antwoord op")
_ABOUT_IT = re.compile(r"^\W*(?:en\s+|maar\s+|o+k\W+)?(?:kan|kun|kunt|mag|moet|hoeft|geldt|is|"
                       r"werkt|gaat)\s+(?:dat|het|die|dit)\s+(?:dan\s+|eigenlijk\s+)?(?:ook|wel|"
                       r"nog|alleen)\b", re.IGNORECASE)
# "Doe maar opnieuw melden", "dan meld ik het wel opnieuw", "maak maar een nieuwe melding".
_REPORT_AGAIN = re.compile(r"\b(?:opnieuw|nog een keer|nogmaals|weer) (?:\w+ )?melden\b"
                           r"|\bmeld (?:ik |ik het |het )?(?:\w+ ){0,2}(?:opnieuw|nog een keer)\b"
                           r"|\bnieuwe melding (?:maken|doen|aanmaken)\b", re.IGNORECASE)
# The resident wants to report it here and now, not leave a message for a colleague; also a
# report announced ("ik wou iets melden", round r269 of session 63).
_REPORT_HERE = re.compile(r"\bdan meld ik (?:het|dat|dit) (?:hier|zelf|nu|maar)\b"
                          r"|\b(?:ik|'k|wij|we) (?:wil|wou|wilde) (?:gewoon |nu |alleen |toch |"
                          r"het |dat |dit |iets |graag |even )*(?:een )?"
                          r"(?:melding (?:doen|maken)|melden)\b"
                          r"|\bi (?:just |only )?(?:want|wanna|would like|'d like) to "
                          r"(?:make a |file a )?report\b", re.IGNORECASE)
# "menu", "begin opnieuw": what the bot can do, whatever came before.
_ASKS_FOR_THE_MENU = re.compile(r"^\W*(?:menu|hoofdmenu|keuzemenu|opties|start|begin opnieuw|"
                                r"opnieuw beginnen|opnieuw|restart|start over|main menu|"
                                r"options)\W*$", re.IGNORECASE)
# "kan je dan in ieder geval melden dat mijn bak vol staat": a report asked for, when the
# words name a problem (round 87)
_ASKS_TO_REPORT = re.compile(r"\b(?:kan|kun|kunt|wil|wilt|zou|zoudt)\s+(?:je|jij|u|jullie|ge)\s+"
                             r"(?:\w+\s+){0,5}?(?:melden|noteren|een melding (?:van )?maken)\s+"
                             r"(?:dat|van)\b", re.IGNORECASE)
# A report named as such: "mijn melding", "al gemeld", "hoe staat het met".
_NAMES_A_REPORT = re.compile(r"\b(?:meld\w*|gemeld\w*|klacht\w*|doorgegeven|aangegeven|status|"
                             r"hoe staat het|nummer|reported|report)\b", re.IGNORECASE)
# A message that leans on what was said: "hij is gestolen", "dat is te duur".
_REFERS_BACK = re.compile(r"^\W*(?:en\s+|maar\s+|nee\W+)?(?:hij|zij|ze|die|dat|dit|het|and|"
                          r"it|that)\b", re.IGNORECASE)
# "nee geen klacht. ik wil weten …": a yes or no first, then a question of its own.
_YES_OR_NO_FIRST = re.compile(r"^\W*(?:nee+n?|nope|no|ja+|jawel|yes)\b[^.!?]*[.!?]+\s*",
                              re.IGNORECASE)
# A message that carries on from the answer: "maar ik zit in Spanje", "but my flight …".
_GOES_ON = re.compile(r"^\W*(?:(?:ja|ok|oke|okay|yes)\W+)?(?:maar|but|and|en)\b", re.IGNORECASE)
# Below this the model's intent is a guess, when the reader does not confirm it.


def _sure(message: Any) -> bool:
    confidence = ((message.parse_data or {}).get("intent") or {}).get("confidence") or 0.0
    return confidence >= SURE_INTENT


def _asked_about_a_problem(tracker: DialogueStateTracker) -> bool:
    """The question the knowledge base just answered named a problem in public space
    ("ze kappen de bomen in de Rozenlaan, mag dat zomaar?")."""
    said = [event for event in tracker.events if type(event).__name__ == "UserUttered"]
    return len(said) > 1 and Reading.from_entities(said[-2].entities).category is not None


def _previous_intent(tracker: DialogueStateTracker) -> Optional[str]:
    """The intent of the resident's message before the latest one."""
    said = [event for event in tracker.events if type(event).__name__ == "UserUttered"]
    return (said[-2].intent or {}).get("name") if len(said) > 1 else None


def _model_unsure(message: Any, intent: Optional[str]) -> bool:
    """The model did not place the message: a fallback or out of scope, a guess at money
    worries without a word about money ("een leaseauto van de zaak"), or an aspect question
    it gave a low score ("nee, GEEN spoed: hoeveel dagen?" as a complaint)."""
    text = message.text or ""
    confidence = ((message.parse_data or {}).get("intent") or {}).get("confidence") or 0.0
    if intent in UNSURE_INTENTS:
        return True
    if read_question(text) == intent:
        return False  # the reader's own words for it ("schulden")
    if intent == MONEY_WORRIES_INTENT:
        return confidence < SURE_INTENT
    if intent == "ask_human" and confidence < SURE_INTENT and not asks_for_a_person(text):
        return True  # "en kan het ook sneller?" as a wish for a colleague
    if intent in PRODUCT_WORDS and confidence < SURE_INTENT and not _names_the_product(
            intent, text):
        return True  # "hij is GESTOLEN, ik heb geen oude meer om mee te nemen" as bulky waste
    if intent in ("goodbye", "thanks") and is_question(text) and not is_only_a_farewell(text):
        return True  # "tot wanneer kan dat" after the WOZ answer (own try, session 44)
    if intent == STOP_INTENT and confidence < SURE_INTENT and asks_beside_a_stop_word(text):
        return True  # "hoeft dat niet met de computer?" after an answer (own try, session 44)
    return bool(read_aspect(text)) and confidence < SURE_INTENT and intent not in KEEP_INTENTS


def _last_bot_message(tracker: DialogueStateTracker,
                      response: Callable[[Optional[str]], bool] = lambda name: True) -> Any:
    """The bot's latest message whose response name passes `response` (any by default)."""
    return next((event for event in reversed(tracker.events)
                 if type(event).__name__ == "BotUttered"
                 and response((event.metadata or {}).get("utter_action"))), None)


def _names_the_number_just_told(tracker: DialogueStateTracker, text: str) -> bool:
    """The message gives again the case number in the bot's last message ("412")."""
    last = _last_bot_message(tracker)
    told = re.search(r"\bM-\d{4}-0*(\d+)\b", (last.text or "") if last else "")
    return bool(told) and bool(re.search(rf"(?<![\d-])0*{told.group(1)}\b", text))


def _status_of_the_report_told(tracker: DialogueStateTracker, message: UserUttered,
                               intent: Dict[str, Any]) -> bool:
    """Inside a report whose opening told it was reported before ("ik heb vorige week al
    gemeld dat …"), the resident asks the status of that report: the report was a misreading."""
    opening = tracker.get_slot("report_description") or ""
    return (intent.get("name") == STATUS_INTENT
            and (_has_case_number(message) or asks_about_an_earlier_report(message.text or ""))
            and mentions_an_earlier_report(opening))


# "die tegel", "dat", "mijn melding": the report the resident just filed.
_POINTS_AT_THE_REPORT = re.compile(r"\b(?:die|dat|deze|het|er|mijn|m'?n|onze)\b", re.IGNORECASE)


def _about_the_report_filed(tracker: DialogueStateTracker, reading: Reading) -> bool:
    """A report was filed, and the message names no other problem than its kind."""
    filed = _filed_last(tracker)
    return bool(filed) and (reading.category is None or filed in (reading.category, True))


def _filed_last(tracker: DialogueStateTracker) -> Any:
    """The category of the report filed in this conversation (True when unknown), if no
    new one started since; else False."""
    filed = False
    for event in reversed(tracker.events):
        name = getattr(event, "action_name", None)
        if filed and isinstance(event, SlotSet) and event.key == "report_category":
            return event.value or True
        if name == SUBMIT_ACTION:
            filed = True
        elif name == START_REPORT_ACTION:
            return filed
    return filed


# "nee, ik hoef geen medewerker te spreken": no wish for a person
_NO_PERSON = re.compile(r"\b(?:geen|niet|no|not|dont|don't|never)\b(?: \w+){0,3} (?:medewerker|"
                        r"mens|persoon|iemand|collega|person|human|agent|someone)\b",
                        re.IGNORECASE)


def _a_place_of_its_own(reading: Reading) -> bool:
    """A street, a landmark or a number named; not "op de weg" ("zet er ook bij dat de
    haaientanden op de weg daar bijna weg zijn", round r182 of session 53: a new report)."""
    place = reading.place or {}
    return bool(place.get("streets") or place.get("landmark") or place.get("house_number")
                or place.get("postcode") or place.get("latitude"))


def _a_problem_elsewhere(tracker: DialogueStateTracker, reading: Reading) -> bool:
    """A problem told at another street than the report just filed: "er ligt een open
    putdeksel op het marktplein" after loose stones in the Kerkstraat (session 52: added to
    that report)."""
    streets = {street.lower() for street in (reading.place or {}).get("streets") or []}
    filed = {street.lower() for street in _place_filed(tracker).get("streets") or []}
    return bool(reading.category and streets and filed and not streets & filed)


# "er is nog een lamp kapot", "ook een tegel los": another problem, a report of its own.
_ANOTHER_ONE = re.compile(r"\b(?:nog (?:een|ene|1|eentje|iets)|ook (?:een|nog)|(?:een )?"
                          r"andere?|tweede|another|also a)\b", re.IGNORECASE)


def _messages_since_filing(tracker: DialogueStateTracker) -> int:
    """How many messages the resident sent since the last report was filed (the latest
    included); a large number when none was filed."""
    count = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            count += 1
        elif getattr(event, "action_name", None) == SUBMIT_ACTION:
            return count
    return 1_000


# "het is molenweg 15 niet 5. kan dat nog aangepast worden?" (round r142 of session 50)
_ASKS_TO_CHANGE = re.compile(r"\b(?:kan|kunt|kun|mag|can)\s+(?:dat|het|u|je|jullie|dit|it|you)\s+"
                             r"(?:\w+\s+){0,2}?(?:aangepast|veranderd|gewijzigd|verbeterd|"
                             r"aanpassen|veranderen|wijzigen|verbeteren|change|correct|fix)\b",
                             re.IGNORECASE)


# "het is niet het Stationsplein maar de Stationsweg", "de plaats klopt niet. het moet zijn:
# bushalte Stationsweg" (round r164 of session 52: a fallback, then only the status)
_PLACE_FIXED = re.compile(r"\bniet (?:het |de |op de |op het |aan de |in de |bij de )?\w+ maar\b"
                          r"|\b(?:plaats|plek|adres|straat)\b(?: \w+){0,3} (?:klopt niet|is fout)\b"
                          r"|\bmoet zijn\b|\bnot (?:the |on |at )?\w+ but\b", re.IGNORECASE)


# "voor die melding", "bij mijn melding": the report itself named
_THE_REPORT_NAMED = re.compile(r"\b(?:die|de|mijn|m n|mn|uw|deze|that|my|the) (?:\w+ )?"
                               r"(?:melding|report)\b", re.IGNORECASE)


def _place_filed(tracker: DialogueStateTracker) -> Dict[str, Any]:
    """The place (slot value) of the report filed last; empty when unknown."""
    filed = False
    for event in reversed(tracker.events):
        if filed and isinstance(event, SlotSet) and event.key == "report_place" and event.value:
            return event.value
        if getattr(event, "action_name", None) == SUBMIT_ACTION:
            filed = True
    return {}


def _case_numbers_named(message: Any) -> List[str]:
    return [e.get("value") for e in message.entities if e.get("entity") == "case_number"]


def _names_another_number(tracker: DialogueStateTracker, message: Any) -> bool:
    """The message names a case number other than the report just filed."""
    named = _case_numbers_named(message)
    return bool(named) and tracker.get_slot("report_case_number") not in named


def _names_the_report_filed(tracker: DialogueStateTracker, message: Any) -> bool:
    """The message names the case number of the report filed in this conversation."""
    return tracker.get_slot("report_case_number") in _case_numbers_named(message)


CALLBACK_TAKEN = "utter_callback_taken"  # the responses that say a callback was passed on


def _callback_passed_on(tracker: DialogueStateTracker) -> bool:
    """A callback was passed on in this conversation ("Ik heb doorgegeven dat u teruggebeld
    wilt worden op …"), alone or with a report."""
    for event in tracker.events:
        if isinstance(event, SlotSet) and event.key == "report_ack":  # said with a question
            said = [item.get("key", "") for item in event.value or [] if isinstance(item, dict)]
        else:
            said = [(getattr(event, "metadata", None) or {}).get("utter_action") or ""]
        if any(key.startswith(CALLBACK_TAKEN) for key in said):
            return True
    return False


def _contact_for_the_report_filed(tracker: DialogueStateTracker, reading: Reading,
                                  message: Any) -> bool:
    """Just after filing, an e-mail address or number for its updates ("krijg ik nou wel
    bericht? mijn mail is …", round r205 of session 55: "Daar kan ik u niet mee helpen");
    not a callback asked, a danger or another report's number."""
    text = message.text or ""
    # "na 3 uur is goed" after the callback was passed on (round r217 of session 56: the
    # opening hours)
    call_time = bool(call_time_wished(text))
    return (not tracker.active_loop_name
            and bool(reading.email or reading.phone or call_time)
            and not reading.danger
            and not (wants_callback(text) and not (call_time and _callback_passed_on(tracker)))
            and bool(tracker.get_slot("report_case_number"))
            and _messages_since_filing(tracker) <= ADDITION_TURNS
            and not _names_another_number(tracker, message)
            and not _a_report_beside_the_call(message, reading))


def _adds_to_the_report_filed(tracker: DialogueStateTracker, reading: Reading,
                              message: Any) -> bool:
    """Just after filing, a place or a remark about the same problem, and no question:
    "o het is bij nummer 20 trouwens", "de lantaarnpaal is bij nummer 20"."""
    text = message.text or ""
    if reading.location and not category_of(text.replace(reading.location.text, " ")):
        # "vlak bij het hek van het schoolplein": the fence is where, not what (own try, session 42)
        reading = dataclasses.replace(reading, category=None)
    # "kunt u erbij zetten …", "de prullenbak ernaast is ook omgetrapt, zet dat er ff bij"
    asks_to_add = ((bool(reading.addition) or adds_more(text) or says_also(text))
                   and adds_to_a_report(text)
                   or reading.location is not None and bool(_ASKS_TO_CHANGE.search(text))
                   # "het is niet de jumbo maar de lidl, zelfde straat" (round r178): a spot
                   # without a street of its own corrected
                   or bool(_PLACE_FIXED.search(text))
                   # "OEPS HET GAT IS BIJ NUMMER 21 NIET 12." (round r166: a new report)
                   or bool(corrected_number(text, _place_filed(tracker).get("house_number"))))
    if (not tracker.active_loop_name and not reading.urgent and adds_to_a_report(text)
            and (_messages_since_filing(tracker) <= ADDITION_TURNS
                 # "Aanvulling op melding M-…: het zijn drie fietswrakken" later in the chat
                 # (round r217 of session 56: "a colleague reads it Monday")
                 or _names_the_report_filed(tracker, message))
            and not _names_another_number(tracker, message)
            and (_THE_REPORT_NAMED.search(text) or _has_case_number(message))):
        # "nog iets erbij voor die melding: …", "het is een aanvulling op M-…" (round r166:
        # "paal" and "straatverlichting" started reports of street lighting)
        return True
    if (tracker.active_loop_name or reading.report_question
            # "o wacht vergeten te zeggen, er ligt ook glas … op het fietspad" (round r168): a
            # hazard asked to be added is added, and passed on for priority
            or reading.danger and not (reading.danger == "hazard" and asks_to_add)
            or (reading.question or is_question(text)) and not asks_to_add
            or _names_another_number(tracker, message)
            or _messages_since_filing(tracker) > ADDITION_TURNS
            or not (_about_the_report_filed(tracker, reading)
                    or asks_to_add and not _a_place_of_its_own(reading))  # "vergeten te zeggen, …"
            or (_ANOTHER_ONE.search(text)  # not "bij de tweede melding zetten": asked to add
                or _a_problem_elsewhere(tracker, reading)) and not asks_to_add):
        return False
    if asks_to_add:
        return True
    # "gat in de weg bij Stationsstraat 9" once more: the report again, not an addition
    return (reading.place is not None and not reading.not_a_place
            and not tells_something_wrong(text))


# After these the resident's report is in play: "de hekken zijn weg, bedankt" is about it.
_ABOUT_THE_REPORT_TOLD = (STATUS_ACTION, STATUS_DISPUTED, STATUS_FASTER, COMPLAINT_ANSWER,
                          SUBMIT_ACTION, SOLVED_ACTION)


# Status answers that told no report: what follows is no news about one.
_NO_REPORT_TOLD = ("utter_status_other_subject", "utter_status_unknown_number",
                   "utter_status_number_missing", "utter_status_ask_number")


def _says_its_report_is_solved(tracker: DialogueStateTracker, message: Any, reading: Reading,
                               last_turn: Tuple[str, ...]) -> bool:
    """The problem of a report this resident named, or was just told about, is over."""
    text = message.text or ""
    if tracker.active_loop_name or reading.urgent or not says_it_is_solved(text):
        return False
    return (_has_case_number(message) or mentions_an_earlier_report(text)
            or bool(set(last_turn) & set(_ABOUT_THE_REPORT_TOLD)))


def _news_since_the_status(message: Any, reading: Reading) -> bool:
    """What changed about the problem whose status was just told, at no other place."""
    text = message.text or ""
    return (tells_news_since(text) and not reading.danger and not _has_case_number(message)
            and not (reading.location and reading.location.streets)
            and not _STILL_NOTHING.search(text) and not _PUSHBACK.search(text)
            and (bool(reading.category) or tells_something_wrong(text)))


def _a_report_beside_a_question(message: UserUttered, reading: Reading,
                                intent: Optional[str], after_an_answer: bool = False) -> bool:
    """What is wrong and where, then a question about something else: the report starts and
    the question is answered beside it (round r46: only the question was answered, and the
    report was lost)."""
    text = message.text or ""
    asked_first = is_question((sentences(text) or [""])[0])
    if mentions_an_earlier_report(text):
        return False  # "ik heb … een gat gemeld. weet u hoe het daarmee staat?" (round r67)
    place = reading.location
    # a street, or a public spot ("next to the bike parking at the train station", round r254)
    placed = bool(place and (place.streets or place.landmark
                             and not AT_ONES_HOME.search(place.landmark)
                             # "lantaarnpaal doet t niet bij t speeltuintje achter de jumbo, al
                             # n week donker. en hoe krijg ik een parkeervergunning" (r266)
                             or place.kind == "description"
                             and tells_something_wrong((sentences(text) or [""])[0])))
    if (intent in REPORT_INTENTS and not after_an_answer or not reading.category
            or not asked_first and not placed):
        return False  # (a problem told after a question is meant as a report, place or not)
    asked = questions_beside_a_report(text)
    # ("en wat moet ik daar per jaar voor betalen?" right after the dog-tax answer asks the
    # tax's price, round r66 of session 40)
    if not asked or all(read_report_question(part) is not None and not (
            asked_first and _asks_of_its_own_subject(part)
            or after_an_answer and read_report_question(part) in _ALSO_OF_A_PRODUCT)
            for part in sentences(asked)):
        return False  # only questions about the report itself ("wat gebeurt er nu mee?")
    # what is told besides every question ("… en krijg ik dan ook een nieuwe kliko of hoe
    # werkt dat met afval hier" asks, round r72 of session 41)
    told = " ".join(part for part in sentences(text.replace(asked, " ")) if not is_question(part))
    if (any(_OWN_THINGS.match(part) for part in re.split(r"[.!?:]", told))
            and not tells_something_wrong(told)):
        return False  # "hoeveel stuks mag ik neerzetten? ik heb een bank en 2 matrassen" (r102)
    if _OWN_PLANS.search(told):
        return False  # "… de berk in de achtertuin laten kappen want de wortels drukken de
        # schuur omhoog. Heb ik een vergunning nodig?" (round r227 of session 57: a report)
    if tells_an_own_loss(told):
        return False  # "I lost my waste pass for the container on Stationsplein. How do I
        # get a new one?" (round r266 of session 63: "I have noted: Stationsplein")
    return category_of(told) is not None


# The resident's own plans or property, told beside a question about them.
_OWN_PLANS = re.compile(
    r"\b(?:wij|we|ik)\s+(?:willen|wil|gaan|ga|zijn\s+van\s+plan|ben\s+van\s+plan|overwegen)\s+"
    r"(?:\w+\s+){0,8}?(?:plaatsen|bouwen|kappen|verbouwen|aanleggen|laten\s+\w+|maken|zetten)\b"
    r"|\b(?:mijn|onze|ons|eigen)\s+(?:eigen\s+)?(?:achtertuin|voortuin|tuin|schuur|oprit)\b"
    r"|\bin\s+(?:de|mijn|onze)\s+(?:achter|voor)tuin\b", re.IGNORECASE)


# What the resident has, told beside a question about getting rid of it: no problem outside.
_OWN_THINGS = re.compile(r"^\W*(?:en\s+)?(?:(?:ik|wij|we)\s+)?(?:heb|hebben|hebt)\s+(?:hier\s+)?"
                         # "wij hebben op de Lindelaan een parkeervergunning en een grijze
                         # container. Neem ik die mee?" (round r276: a waste report)
                         r"(?:(?:op|aan|in)\s+(?:de\s+|het\s+)?[\w'-]+\s+)?"
                         r"(?:een|1|2|3|4|5|twee|drie|vier|vijf|nog|wat|oude?|ook)\b",
                         re.IGNORECASE)


def _tells_own_things(text: str) -> bool:
    """A clause tells what the resident has ("… en heb een oude zetel"), not the street's."""
    return any(_OWN_THINGS.match(part) for part in re.split(r",|\ben\b", text))


def _another_problem_beside_the_yes(tracker: DialogueStateTracker) -> bool:
    """The yes that sent the report told another kind of problem too (the form left it out
    of the report sent)."""
    reading = Reading.from_entities(tracker.latest_message.entities)
    filed = _filed_last(tracker)
    return (reading.answer is True and bool(reading.addition) and isinstance(filed, str)
            and names_another_problem(reading.addition, filed))


def _asks_of_its_own_subject(question: str) -> bool:
    """"Hoe laat gaat de milieustraat open?" asks when or what of something it names;
    "wanneer komen ze precies?" and "kan ik een foto toevoegen?" ask about the report."""
    return (read_report_question(question) in _ALSO_OF_A_PRODUCT
            and any(len(word) >= 5 for word in subject_words(question).split()))


_ALSO_OF_A_PRODUCT = ("time_of_day", "duration", "cost")


def _filed_with_priority(tracker: DialogueStateTracker) -> bool:
    """The report just filed went first ("Uw melding is ontvangen met voorrang")."""
    for event in reversed(tracker.events):
        name = (getattr(event, "metadata", None) or {}).get("utter_action") or ""
        if name.startswith("utter_report_filed"):
            return name.startswith("utter_report_filed_urgent")
    return False


def _a_remark_after_an_answer(tracker: DialogueStateTracker, message: UserUttered,
                              reading: Reading, intent: Dict[str, Any],
                              last_turn: Tuple[str, ...]) -> bool:
    """"zo. dat had je ook meteen kunnen zeggen" right after an answer, heard as a report
    the model was unsure of: no problem, no place, no question (round r72 of session 41:
    "Waar is het?")."""
    text = message.text or ""
    return (tracker.active_loop_name is None and bool(set(last_turn) & set(ANSWERING_ACTIONS))
            and intent.get("name") in REPORT_INTENTS + UNSURE_INTENTS
            and (intent.get("confidence") or 0) < SURE_INTENT
            and not (reading.category or reading.location or reading.danger or reading.question
                     or reading.report_question or reading.need)
            and not is_question(text) and not tells_something_wrong(text)
            and len(text.split()) <= SHORT_REMARK_WORDS)


SHORT_REMARK_WORDS = 10


def _bot_asked(tracker: DialogueStateTracker) -> bool:
    """The bot's latest message ends with a question ("Wilt u een collega spreken?")."""
    last = _last_bot_message(tracker)
    return bool(last and (last.text or "").rstrip().endswith("?"))


SHORT_NO_PHONE_WORDS = 12  # "IK KAN NIET BELLEN. ik ben DOOF" says only that
# "kan ik mailen of whatsappen?", "of een tolk?": another way than the phone asked
_ASKS_ANOTHER_WAY = re.compile(r"\b(?:mail\w*|e-?mail\w*|whatsapp\w*|schrijven|brief|tolk\w*|"
                               r"chatten|sms\w*|write|interpreter|text)\b", re.IGNORECASE)


def _said_no_phone(tracker: DialogueStateTracker) -> bool:
    """The resident said in this conversation that calling is no way for them ("ik ben
    doof"): never a callback (round r91 of session 43 asked a deaf woman for her number)."""
    return any(type(event).__name__ == "UserUttered" and cannot_use_the_phone(event.text or "")
               for event in tracker.events)


def _told_to_phone(tracker: DialogueStateTracker) -> bool:
    """The bot's last turn told the resident to call the municipality."""
    users = 0
    for event in reversed(tracker.events):
        kind = type(event).__name__
        if kind == "UserUttered":
            users += 1
            if users > 1:
                return False
        elif kind == "BotUttered" and profile().phone in (event.text or ""):
            return True
    return False


def _responses_of_last_turn(tracker: DialogueStateTracker) -> Tuple[str, ...]:
    """The names of the bot's responses between the resident's last two messages."""
    return tuple((event.metadata or {}).get("utter_action") or ""
                 for event in _events_of_last_turn(tracker)
                 if type(event).__name__ == "BotUttered")


def _last_response(tracker: DialogueStateTracker) -> Optional[str]:
    """The name of the bot's latest response ("utter_report_offer_colleague")."""
    last = _last_bot_message(tracker)
    return (last.metadata or {}).get("utter_action") if last else None


# "Where do I report that?", "kan ik dat ergens melden?": the report is wanted.
_WHERE_TO_REPORT = re.compile(
    r"\b(?:can|could|may) i (?:\w+ ){0,2}?(?:report|file|make)\b|\b(?:where|who) (?:do|can|should) "
    r"i (?:\w+ ){0,2}?report\b|\b(?:kan|mag|moet) ik (?:\w+ ){0,3}?(?:melden|aangeven|doorgeven)\b"
    r"|\b(?:waar|bij wie) (?:kan|moet) ik (?:\w+ ){0,3}?(?:melden|aangeven)\b", re.IGNORECASE)
# A complaint about how someone of the municipality treated the resident ("de mevrouw aan de
# balie was onbeschoft en stuurde me weg", round r118: asked "Waar is het?" four times)
_ABOUT_STAFF = re.compile(
    r"\b(?:medewerk\w*|mevrouw|meneer|dame|heer|ambtena\w*|baliemedewerk\w*|employee|staff|clerk|"
    r"lady|man|vrouw)\b(?: \w+){0,3} (?:aan|achter|bij|op|at|behind) (?:de |het |the )?(?:balie|"
    r"loket|telefoon|desk|counter|gemeentehuis|stadhuis|town hall)\b"
    r"|\b(?:medewerk\w*|ambtena\w*|baliemedewerk\w*|employee|staff|clerk)\b(?: \w+){0,4} "
    r"(?:was|is|deed|sprak|reageerde)\b(?: \w+){0,2} (?:onbeschoft|onvriendelijk|onbeleefd|"
    r"brutaal|grof|rude|unfriendly|impolite)\b", re.IGNORECASE)
# After the complaint answer: "kan ik het niet gewoon hier in de chat doen?"
_HERE_IN_THE_CHAT = re.compile(r"\b(?:hier|in (?:de|deze) chat|via (?:de|deze) chat|here|"
                               r"in this chat)\b.*\b(?:doen|indienen|kwijt|vertellen|zeggen|"
                               r"opschrijven|schrijven|do|make|file)\b|\b(?:doen|indienen)\b"
                               r".*\b(?:hier|in (?:de|deze) chat)\b", re.IGNORECASE)
FALLBACK_INTENT = "nlu_fallback"
UNCLEAR_ACTION = "action_default_fallback"  # "I do not understand", the message reverted


def _best_guess(message: UserUttered) -> Optional[str]:
    """The model's best intent behind a fallback ("nlu_fallback" itself left out)."""
    ranking = (message.parse_data or {}).get("intent_ranking") or []
    return next((entry.get("name") for entry in ranking
                 if entry.get("name") != FALLBACK_INTENT), None)


def _colleague_offer_answer(tracker: DialogueStateTracker, intent: Optional[str],
                            reading: Reading) -> Optional[str]:
    """"Ja" or "nee" to "Wilt u er (ook) met een collega over praten?" after a report made
    before, or a status asked again."""
    if _last_response(tracker) not in (COLLEAGUE_OFFER, STATUS_COLLEAGUE_OFFER, STATUS_FASTER):
        return None
    if intent == "affirm" or reading.answer is True and intent not in NEW_TOPIC_INTENTS:
        return CONTACT_HUMAN_ACTION
    text = tracker.latest_message.text or ""
    if (_last_response(tracker) == STATUS_FASTER and reading.answer is True
            and reading.location is None and _SAYS_YES.match(text)):
        # "ja, het gat is zeker 15 cm diep": yes, it is dangerous, not a new report (round 81)
        return CONTACT_HUMAN_ACTION
    short = len(text.split()) <= SHORT_ANSWER_WORDS and "?" not in text
    if (intent in ("deny", "thanks") or intent == "goodbye" and _a_farewell(text, reading)
            or reading.answer is False) and short and not _BUT.search(text):
        return GOODBYE_ACTION
    return None  # "nee, maar wanneer wordt het gemaakt?": the question is answered


# "nee", "ok dan", "oké", "prima": the whole message, nothing asked or told.
_A_BARE_NO_OR_OK = re.compile(
    r"^\s*(?:nee+|neen|nope|no|ok+|oke+|oké|okay|okee|prima|goed|top|helder|duidelijk|"
    r"aha|ah|oh|hmm+|jammer)(?: (?:dan|hoor|zo|dus))?\s*[.!]*\s*$", re.IGNORECASE)


_BUT = re.compile(r"\b(?:maar|wel|but)\b", re.IGNORECASE)


def _only_an_answer(text: str, reading: Reading) -> bool:
    """"Ja, graag." to "Op welk nummer kunnen we u bellen?": a yes without the number."""
    return reading.answer is True and len(text.split()) <= SHORT_ANSWER_WORDS


_PROBLEM_WORDS = 3  # "lamp is kapot": fewer words beside the call tell no problem


def _a_report_beside_the_call(message: UserUttered, reading: Reading) -> bool:
    """"… de stoep bij Kerkweg 12 is verzakt. Bel me op 06…": a report, and the number for
    news about it; "… brandt de lantaarnpaal voor nummer 12 niet meer … als iemand mij even
    terugbelt" (round r131 of session 49: only the callback was passed on): a report, and
    the callback beside it. Not a request to be called instead of the chat."""
    intent = (message.intent or {}).get("name")
    told = without_the_callback(reading.description or "")  # the call is not all it says
    return bool(intent in REPORT_INTENTS + (ASK_HUMAN_INTENT,)
                and (intent != ASK_HUMAN_INTENT or reading.category)
                and len(told.split()) >= _PROBLEM_WORDS
                and (reading.place if not reading.phone else reading.place or reading.category))


def _about_the_report_just_filed(tracker: DialogueStateTracker, reading: Reading) -> bool:
    """"EN IK WIL DAT IEMAND MIJ MAANDAG BELT OVER DIE LAMP. 0575…" right after the lamp was
    filed (round r164: a new lamp report): about that report, no new place named."""
    return (reading.place is None and _messages_since_filing(tracker) <= ADDITION_TURNS
            and _about_the_report_filed(tracker, reading))


def _callback_asked(tracker: DialogueStateTracker) -> bool:
    """Whether this handover began with a callback request ("kunt u mij terugbellen?"), so
    a number given later, after a first message about the subject, is its number."""
    for event in reversed(tracker.events):
        kind = type(event).__name__
        if kind in ("ConversationResumed", "Restarted", "SessionStarted"):
            return False
        if kind == "ActionExecuted" and event.action_name == CALLBACK_ACTION:
            return True
        if kind == "ActionExecuted" and event.action_name not in HANDOVER_ACTIONS + (
                "action_listen",):
            return False
    return False


def _names_its_subject(text: str) -> bool:
    """A question long enough to be about something of its own, not about a report
    ("wanneer gaat de gemeente snoeien?", not "hoe lang duurt het?")."""
    return (len(text.split()) >= MIN_SUBJECT_WORDS and is_question(text)
            and not mentions_a_report(text))


def _has_case_number(message: Any) -> bool:
    return bool(_case_numbers_named(message))


def _keeps_some_problems(tracker: DialogueStateTracker, message: Any) -> bool:
    """"Laat maar, alleen de auto": of the problems split, the resident keeps some."""
    more = tracker.get_slot("report_more_problems")
    texts = split_problem_texts(tracker.get_slot("report_description"), more)
    return bool(more) and problems_to_keep(message.text or "", texts) is not None


def _names_a_place(reading: Reading) -> bool:
    place = reading.location
    return bool(place and place.complete and place.kind != "description")



_NO_FIRST = re.compile(r"^\W*(?:(?:nou|ach|och|oh|o|neuh|nah)\W+)?(?:(?:nee+)+n?|neuh|nope|no)\b",
                       re.IGNORECASE)


def _declines_offer(text: str, asked: Optional[str]) -> bool:
    """"Laat maar" about the offer just made, not about the whole report ("laat maar, hij
    doet het weer"): short, or naming the offer, and without stop words. At the summary
    only when it names the updates ("laat maar zonder mail")."""
    if _ENDS_REPORT.search(text):
        return False
    if asked == "report_confirmed":
        return bool(_OFFER_WORDS.search(text))
    # "nou nee hoor laat maar zitten": a no to the question, however many words around it
    return (len(text.split()) <= 4 or bool(_OFFER_WORDS.search(text))
            or bool(_NO_FIRST.match(text)))


def _displeased_with_status(message: Any, intent: Optional[str], reading: Reading,
                            number_asked: bool) -> bool:
    """After a status answer: "er gebeurt nog steeds niks", "belachelijk, dat duurt veel te
    lang", "kan het niet sneller?" (not the answer to "Welk meldingsnummer heeft u?")."""
    text = message.text or ""
    if intent in REPORT_INTENTS + ("complaint",) and _STILL_NOTHING.search(text):
        return True
    # (the model's intent varies with training: a knowledge question too, session 36)
    return (not number_asked
            and intent in REPORT_INTENTS + UNSURE_INTENTS + ("complaint", STATUS_INTENT,
                                                              QUESTION_INTENT)
            and not _has_case_number(message)
            and bool(_STILL_NOTHING.search(text) or _PUSHBACK.search(text)
                     or _HANDLING_TIME_QUESTIONED.search(text)  # "binnen 24 uur?" (r90)
                     or reading.report_question == "faster"))


def _corrects_the_number(tracker: DialogueStateTracker, text: str) -> bool:
    place = tracker.get_slot("report_place") or {}
    return bool(place.get("house_number") and corrected_number(text, place["house_number"]))


def _needs_112(reading: Reading, intent: Dict[str, Any], active_loop: Optional[str]) -> bool:
    """Danger to people, or alarm words the danger rules could not place: 112 first."""
    if reading.urgent or reading.danger == "hazard" and reading.alarm:
        return True  # "putdeksel weg, er is een kind in gevallen en hij bloedt"
    if reading.danger != "unsure" or reading.question in (ANIMAL_IN_NEED, FIREWORKS_KEPT):
        return False  # "de kat zit in de boom, moet ik de brandweer bellen?": 144
    if reading.report_question == "police" and active_loop is not None:
        return False  # "kan de politie niet langskomen?" in a report: its answer names 112 too
    if active_loop is not None:
        return True  # "HIJ BLOED ERG" as the answer to a form question
    return not reading.category and (intent.get("name") in UNSURE_INTENTS
                                     or intent.get("name") in MISREAD_DANGER_INTENTS)


def _the_house_number_112(tracker: DialogueStateTracker, reading: Reading, text: str) -> bool:
    """"112 zei ik toch" where the report's house number is 112: the number, no alarm."""
    place = tracker.get_slot("report_place") or {}
    return (reading.danger == UNSURE_DANGER and (place.get("house_number") or "") == "112"
            and not sounds_alarming(re.sub(r"\b112\b", " ", text)))


# A danger told as happening now is never a retelling.
_NOW = re.compile(r"\b(?:nu|net|zojuist|ineens|opeens|op dit moment|help|right now)\b",
                  re.IGNORECASE)


def _had_the_crisis_answer(tracker: DialogueStateTracker) -> bool:
    return any(type(event).__name__ == "BotUttered"
               and (event.metadata or {}).get("utter_action") in CRISIS_ANSWERS
               for event in tracker.events)


def _hazard_told_before(tracker: DialogueStateTracker) -> bool:
    """An earlier message told of a hazard in public space ("nu ligt het half op de rijbaan")."""
    return any(type(event).__name__ == "UserUttered" and event is not tracker.latest_message
               and Reading.from_entities(event.entities).danger == "hazard"
               for event in tracker.events)


def _a_problem_told(tracker: DialogueStateTracker) -> bool:
    """A message of this conversation told a problem in public space."""
    return any(type(event).__name__ == "UserUttered"
               and Reading.from_entities(event.entities).category
               for event in tracker.events)


def _first_danger(tracker: DialogueStateTracker) -> Optional[str]:
    """The reason of the first urgent danger the resident told before the latest message."""
    for event in tracker.events:
        if type(event).__name__ == "UserUttered" and event is not tracker.latest_message:
            said = Reading.from_entities(event.entities)
            if said.urgent:
                return said.danger_reason
    return None


def _retold_after_help(tracker: DialogueStateTracker, reading: Reading, text: str) -> bool:
    """In the report after the 112 answer and "help is there": the same accident retold
    ("vandaag weer een aanrijding met gewonde"), not a new danger ("nu ruik ik ook gas")."""
    called = any(type(event).__name__ == "UserUttered" and event is not tracker.latest_message
                 and help_called(event.text or "") for event in tracker.events)
    return (called and not _NOW.search(text)
            and same_event(reading.danger_reason, _first_danger(tracker), (ONE_ACCIDENT,)))


# Topics whose question right after a crisis answer is part of the crisis (money and care
# after 113, an animal after a danger): the crisis answers decide, not the topic's answer.
_STAYS_WITH_THE_EMERGENCY = ("money_worries", "care_at_home", "animal_in_need")


# "Message: we moved to Stationsweg 8 …", "Bericht voor de medewerker: …"
_LABELLED_MESSAGE = re.compile(r"^\W*(?:(?:my |mijn )?(?:message|bericht|vraag|question|note)"
                               r"(?: (?:for|voor) (?:the|de|uw|your) \w+)?|voor de \w+)\s*:",
                               re.IGNORECASE)


# "its about my parking fine, I think it is wrong", "het gaat over mijn WOZ" right after asking
# for a person (own try, session 46: the permit's answer): what the message is about
_WHAT_IT_IS_ABOUT = re.compile(r"^\W*(?:(?:it'?s|its|it is|this is|het gaat|t gaat|gaat|het is)"
                               r" (?:about|over|om|regarding)|(?:about|over|regarding) (?:my|mijn)"
                               r")\b", re.IGNORECASE)


# "… graag status. groet K. Bakker": a message signed for the colleague (round 81)
_SIGNED = re.compile(r"\b(?:groet(?:en|jes)?|mvg|m\.v\.g\.?|vr\.? ?gr\.?|regards)\b\W+\S+"
                     r"(?:\s+\S+){0,2}\W*$", re.IGNORECASE)


def _the_message_itself(tracker: DialogueStateTracker, text: str, intent: Optional[str]) -> bool:
    """After "laat hier uw bericht achter": the message, labelled so, or about the subject the
    bot had answered before the resident asked for a person (round 80: the same moving text
    a third time instead of passing the question on)."""
    if _LABELLED_MESSAGE.match(text) or _SIGNED.search(text) or _WHAT_IT_IS_ABOUT.match(text):
        return True
    if intent in ("stop", "goodbye", "thanks"):
        return False
    said = [event for event in tracker.events if isinstance(event, UserUttered)][:-1]
    return any((event.intent or {}).get("name") == intent for event in said)


def _asked_on_after_the_advice(tracker: DialogueStateTracker, reading: Reading,
                               intent: Optional[str]) -> bool:
    """The safety advice was given twice in a row and the resident asks for a product again,
    with no danger or alarm word: the advice stands, their question is answered now."""
    return (intent in PRODUCT_INTENTS and not (reading.danger or reading.alarm)
            and _emergency_answers_in_a_row(tracker) >= 2)


def _emergency_answers_in_a_row(tracker: DialogueStateTracker) -> int:
    count = 0
    for event in reversed(tracker.events):
        if type(event).__name__ != "ActionExecuted" or event.action_name in (
                "action_listen", OFFER_REPORT_ACTION):
            continue
        if event.action_name != EMERGENCY_ACTION:
            break
        count += 1
    return count


def _sure_intent(intent: Dict[str, Any]) -> bool:
    return (intent.get("confidence") or 0.0) >= SURE_INTENT


# After the 113 answer: "ik doe niks hoor", "het gaat wel", "I won't do anything"
_REASSURES = re.compile(r"\b(?:ik (?:doe|ga) (?:mezelf |mijzelf |me )?(?:niks|niets)(?: doen)?|"
                        r"het gaat (?:wel|alweer|weer)|maak (?:je|u) (?:maar )?geen zorgen|"
                        r"i won'?t do anything|i'?m (?:ok|okay|fine))\b", re.IGNORECASE)
_ASKS_HOW = re.compile(r"\b(?:hoe|waar|wanneer|kan ik|moet ik|how|where|can i)\b", re.IGNORECASE)


def _emergency_goes_on(reading: Reading, intent: Dict[str, Any], text: Optional[str],
                       active_loop: Optional[str], offered: bool, danger_told: bool) -> bool:
    """Right after the 112 answer, the resident is still in the emergency: whatever they say
    gets 112 again, except "112 is gebeld", an answer to the report offer, or (in a report)
    the answer to its question. `danger_told`: a danger was told, not only an alarm word."""
    if reading.danger_reason == "asks_112" and "?" in (text or ""):
        return True  # "0800 gebeld. de mevrouw van 4 hoog kan de trap niet af. moet ik 112 bellen?"
    if someone_may_be_inside(text or ""):
        return True  # "de buurvrouw van boven doet niet open": never a report form
    if says_found(text or "") and not reading.urgent:
        return True  # "gevonden!! hij stond bij de kaasboer": tell 112, no report (round r88)
    if help_called(text or ""):
        return False
    asked = " ".join(part for part in sentences(text) if part.rstrip().endswith("?"))
    if will_call(text or "") and not reading.urgent and not asks_about_acting(asked):
        return False  # "ja ik ga bellen. maar mijn vraag over het rijbewijs?" is answered
    if offered and not reading.urgent and (_YES_TO_REPORT.search(text or "")
                                           or _WANTS_TO_REPORT.search(text or "")):
        return False  # "ja ik sta er nu bij en hou de kinderen weg. meld het maar ja"
    if reading.urgent or cannot_use_the_phone(text or "") or cannot_reach_0800(text or ""):
        # "ik durf niet te bellen, hij hoort me", "ik ben doof", "0800 does not work here":
        # never "anything else?"
        return True
    if (_DOUBTS_112.search(text or "") or _MISHEARD.search(text or "")
            or VIOLENCE_DENIED.search(text or "")):
        return False  # "waarom zegt u steeds 112?? het is een wespennest": the report goes on
    calm = not _DESPAIR.search(text or "") and not reading.alarm and not reading.urgent
    if calm and (intent.get("name") == "ask_human" and _sure_intent(intent)
                 or asks_for_a_person(text or "")):
        return False  # after 113: "medewerker", "kan ik hier met iemand chatten?" (round 95)
    if ((intent.get("name") == MONEY_WORRIES_INTENT or reading.question == MONEY_WORRIES_INTENT)
            and money_trouble(text or "") and _ASKS_FOR_HELP.search(text or "") and calm):
        return False  # after 113: "en voor die schulden, kan iemand me helpen?" is answered
    if (_CALL_ME_BACK.search(text or "") and not _DESPAIR.search(text or "")
            and not reading.alarm and not reading.danger):
        return False  # after 113: "kan iemand van de gemeente mij bellen over die schulden?"
    if (calm and _REASSURES.search(text or "") and not reading.danger
            and ("?" in (text or "") or reading.question or _ASKS_HOW.search(text or ""))):
        return False  # after 113: "ja ok. ik doe niks hoor. maar hoe moet dat dan zonder digid"
    if danger_told and tells_a_sign_of_life(text or "") and not _YES_TO_REPORT.search(text or ""):
        return True  # "ze is wel aanspreekbaar" about someone bleeding: not yet all well
    if _ALL_WELL.search(text or ""):
        return False  # "hij is ok, maar die plank moet gerepareerd"
    if not (danger_told or reading.alarm) and reading.question not in (None, QUESTION):
        # after an alarm word alone, "kan ik ergens ondersteuning krijgen als mantelzorger?"
        # (round r183 of session 53: 112 twice) is the answer to "is het geen noodgeval?"
        return False
    if reading.question not in (None, QUESTION) + _STAYS_WITH_THE_EMERGENCY and not (
            reading.alarm or asks_about_acting(text or "")):
        return False  # "ok ik bel ze. en die papier ophaaldag?": that question is answered
    if not (danger_told or reading.alarm or asks_about_acting(text or "")):
        return False  # "SPOED" asked if there was danger; "kan mijn man het ophalen?" is not
    if reading.alarm or reading.question:
        return True
    if active_loop is not None:
        return False  # "Kerkstraat 5": the report goes on once everyone is safe
    if not offered and intent.get("name") == "greeting":
        return True  # "english please!! what number", "hallo??": 112 again, in their language
    if reading.location and reading.location.house_number or reading.answer is True and len(
            (text or "").split()) <= SHORT_ANSWER_WORDS:
        return False  # "ja melden, het is bij nummer 17": the answer to the report offer
    return intent.get("name") not in OFFER_ANSWER_INTENTS + REPORT_INTENTS


def _tells_a_problem(text: str) -> bool:
    """A sentence that is no question names a problem in public space."""
    told = " ".join(part for part in sentences(text) if not part.rstrip().endswith("?"))
    return bool(told) and category_of(told) is not None


def _tells_a_problem_then_asks(text: str) -> bool:
    """A first sentence that tells something wrong, then a question of its own."""
    parts = sentences(text.strip())
    return (len(parts) >= 2 and not parts[0].endswith("?")
            # "ik ga verhuizen en heb een oude zetel en een kapotte diepvries. kunnen jullie
            # dat komen ophalen?" (round r135 of session 50): own things, not the street's
            and not _tells_own_things(parts[0])
            and not _THE_CALENDAR_ITSELF.search(parts[0])  # "Die afvalkalender krijg ik niet
            # open. Kunt u niet gewoon zeggen wanneer …?" (round r241): no street problem
            and any(part.endswith("?") for part in parts[1:])
            and (says_dumped(parts[0]) or tells_something_wrong(parts[0])))


def _only_questions(text: str) -> bool:
    """"it costs money? and how long it take, my bag is full. can i put bag next to container
    meanwhile?": it opens and ends with a question (round 75), after the product's answer."""
    first, _ = first_sentence(text)
    return (first.endswith("?") and text.rstrip().endswith("?")
            and not tells_something_wrong(first))  # not "de lamp is kapot, kunt u die maken?"


def _calendar_asked(reading: Reading, text: str) -> bool:
    """"PAPIER ophaaldag kerkweg 22", "I lost my waste card": the collection day or a new pass
    asked without a question mark, with nothing said to be wrong (rounds 75 and 76)."""
    # (what is wrong with the calendar itself is no problem in the street: "Die afvalkalender
    # krijg ik niet open. … wanneer komt de groene bak? Wij wonen Lindelaan 8", round r241)
    told = " ".join(part for part in sentences(text) if not _THE_CALENDAR_ITSELF.search(part))
    return (reading.question in ("waste_calendar", "waste_pass")
            and not tells_something_wrong(told or text))


_THE_CALENDAR_ITSELF = re.compile(r"\b(?:afvalkalender|kalender|afvalapp|app|website|site|link)\b",
                                  re.IGNORECASE)


def _a_question_of_its_own(text: str, intent: Optional[str], reading: Reading,
                           about: str = "") -> bool:
    """In a report: a question that is no answer to the report's question, not about the
    report (`about`: its description) and not about what the bot asked ("gaan de lampen
    's nachts uit?", "wanneer wordt het oud papier opgehaald?" beside a sign)."""
    about_the_report = (reading.report_question and not asks_a_topic_of_its_own(text, about)
                        # "kun je er nog bij zetten dat het een rode kater is?" (round 89)
                        or bool(reading.addition) and adds_to_a_report(text))
    place = reading.location
    # "mag ik hem zelf in de container gooien?" (round r128 of session 49): no place told
    a_place = bool(place and (place.streets or place.house_number or place.postcode
                              or not text.rstrip().endswith("?")))
    return (reading.question is not None and "?" in text and reading.answer is None
            and not (reading.email or reading.phone or a_place or reading.danger
                     or about_the_report)
            and intent in (QUESTION_INTENT, ANSWER_INTENT) + REPORT_INTENTS + UNSURE_INTENTS
            + _ANSWERED_IN_A_REPORT  # "Wat kost een paspoort eigenlijk?" (round r48)
            and not asks_about_the_question(text))


def reading_route(tracker: DialogueStateTracker,
                  answers: Optional[Any] = None) -> Optional[str]:
    """The action the reading of the latest message asks for, if any.

    `answers`: the response names of the domain; a question phrased like a report is
    only answered when there is an answer for its topic.
    """
    message = tracker.latest_message
    reading = Reading.from_entities(message.entities if message else [])
    intent = (message.intent or {}) if message else {}
    # Alarm words the danger reader could not place: 112 first, unless the words name a
    # problem in public space (then the report starts with the 112 question).
    last_turn = _actions_of_last_turn(tracker)
    before = last_turn[0] if last_turn else None  # the bot's last action (None after a hand back)
    if tracker.active_loop_name is None and _ASKS_FOR_THE_MENU.match(message.text or ""):
        return MENU_RESPONSE  # "menu", "opnieuw beginnen": also out of a message left (r109)
    if (tracker.active_loop_name is None and not (reading.danger or reading.alarm)
            and before not in HANDOVER_ACTIONS and _LEAVES_A_MESSAGE.search(message.text or "")):
        # "Ik zou graag een bericht achterlaten voor mevrouw Kramer van groenbeheer. Zij …"
        # (round r228 of session 57: "Welk meldingsnummer heeft u?"): the message, passed on
        told = len(sentences(message.text or "")) > 1
        return TAKE_MESSAGE_ACTION if told else CONTACT_HUMAN_ACTION
    if (before not in EMERGENCY_ACTIONS and not reading.urgent
            and _DESPAIR_AGAIN.search(message.text or "") and _had_the_crisis_answer(tracker)):
        return CRISIS_AGAIN  # "morgen is te laat misschien" after the handover: 113 again
    if (before in EMERGENCY_ACTIONS and _first_danger(tracker) in _VIOLENCE_REASONS
            and _AFRAID_TO_BE_KNOWN.search(message.text or "")):
        return ANONYMOUS_HELP  # "ik durf niet te bellen, dan weten ze dat ik het was" (r114)
    if before in EMERGENCY_ACTIONS:
        if (tracker.active_loop_name is None and not reading.urgent
                and _SHOULD_REPORT.search(message.text or "")
                and not _WHAT_NOW.search(message.text or "")
                and not strong_gas(message.text or "")):  # "best sterk. nog iets melden?"
            if reading.category and not reading.danger:
                return START_REPORT_ACTION  # "kunt u de lantaarnpaal wel voor me melden?"
            return REPORT_HERE_ACTION  # "moet ik het ook bij jullie melden?" after the gas answer
        if tracker.active_loop_name is None and _WITNESS.search(message.text or ""):
            return WITNESS_ACTION  # "ik zag het kenteken deels, aan wie geef ik dat door?"
        offered = OFFER_REPORT_ACTION in last_turn or before == CALLED_112_ACTION
        if reading.urgent and a_new_danger(reading.danger_reason, _first_danger(tracker),
                                           message.text or ""):
            return EMERGENCY_ACTION  # "brandweer is er. en een vent met een mes": a new danger
        if _asked_on_after_the_advice(tracker, reading, intent.get("name")):
            pass  # "verhuizing doorgeven", a third time: the product's answer now (round 77)
        elif _emergency_goes_on(reading, intent, message.text, tracker.active_loop_name,
                                offered, _first_danger(tracker) is not None):
            return EMERGENCY_ACTION  # "wat moet ik nu doen?": 112 again, and why
        if (tracker.active_loop_name is None and OFFER_REPORT_ACTION in last_turn
                and reading.answer is True and intent.get("name") not in OFFER_ANSWER_INTENTS
                and (reading.location is not None
                     or len((message.text or "").split()) <= SHORT_ANSWER_WORDS)
                and not help_called(message.text or "")):
            return START_REPORT_ACTION  # "ja melden, het is bij nummer 17": the report starts
        offer_pending = OFFER_REPORT_ACTION in last_turn or before == CALLED_112_ACTION
        if (tracker.active_loop_name is None and offer_pending
                and (any(_YES_TO_REPORT.search(part) for part in sentences(message.text)
                         if not part.rstrip().endswith("?"))
                     or _WANTS_TO_REPORT.search(message.text or ""))):
            # "de ambulance is gebeld. ja melden, bij nummer 9"; "ik heb de netbeheerder
            # gebeld … Ik wil het ook graag bij jullie melden. Kan ik de foto sturen?" (round 79)
            return START_REPORT_ACTION
        if (tracker.active_loop_name is None and not reading.urgent
                and help_called(message.text or "") and is_shaken(message.text or "")):
            return AFTERCARE_ACTION  # "politie heeft haar meegenomen. ik sta te trillen"
        if (tracker.active_loop_name is None and help_called(message.text or "")
                and (intent.get("name") not in REPORT_INTENTS or not reading.category)
                and (intent.get("name") not in OFFER_ANSWER_INTENTS or not offer_pending
                     or intent.get("name") == "affirm"
                     and not _SAYS_YES.match(message.text or ""))):  # "ok gedaan, brandweer komt"
            # "ja gebeld, brandweer komt eraan" with no offer to answer: heard, not a yes
            if asks_about_acting(message.text or ""):
                return EMERGENCY_ACTION  # "brandweer komt. wat moet ik nu doen?": for this danger
            if offer_pending and not ("?" in (message.text or "") and reading.question):
                return CALLED_112_ACTION  # "ik heb 112 gebeld": good, and the offer stands
            if "?" not in (message.text or ""):
                return CALLED_NO_REPORT_ACTION  # "ik heb 113 gebeld": good, no repair offer
            # "ik heb 113 gebeld. kan de gemeente helpen met mijn schulden?": answered below
    elif (tracker.active_loop_name is None and reading.danger == "unsure"
          and reading.report_question == "police" and _hazard_told_before(tracker)):
        # "moet ik nou de politie bellen of komen jullie vandaag nog?" about the branch on the
        # road told before (round r71 of session 41: "Is er nu gevaar? Bel 112" again)
        return REPORT_QUESTION_ACTION
    elif _needs_112(reading, intent, tracker.active_loop_name) and not (
            tracker.active_loop_name and _retold_after_help(tracker, reading, message.text or "")
            or _the_house_number_112(tracker, reading, message.text or "")):
        return EMERGENCY_ACTION  # not again when the report retells the accident help is at
    if _says_its_report_is_solved(tracker, message, reading, last_turn):
        # "hij is al gerepareerd, die melding kan weg" (round r96: a new report, or the
        # complaints form): passed on with that report
        return SOLVED_ACTION
    if (tracker.active_loop_name is None and before == SOLVED_ACTION and not reading.danger
            and asks_it_is_closed(message.text or "")):
        return SOLVED_ACTION  # "DUS ER KOMT NIEMAND? ZEKER WETEN?" (r187): yes, passed on
    if (tracker.active_loop_name is None and before == STATUS_ACTION and not reading.danger
            and not _has_case_number(message) and asks_how_far(message.text or "")):
        return STATUS_ACTION  # "maar is er al iemand geweest?" after the status (round r86)
    if (tracker.active_loop_name is None and not reading.danger
            and intent.get("name") != "ask_human" and not _has_case_number(message)
            and asks_for_a_person(message.text or "")):
        return CONTACT_HUMAN_ACTION  # "… IK WIL NU EEN ECHT MENS SPREKEN": no number asked first
    if (tracker.active_loop_name is None and not reading.danger
            and before not in EMERGENCY_ACTIONS and cannot_use_the_phone(message.text or "")
            # not "nee nu even niet, ik durf niet te bellen. kan ik een uitkering krijgen?"
            # at "Wilt u nu met een collega praten?" (round r253 of session 60: the queue)
            and (_told_to_phone(tracker) and reading.answer is not False
                 and not is_question(message.text or "")
                 or _ASKS_ANOTHER_WAY.search(message.text or "")
                 or len((message.text or "").split()) <= SHORT_NO_PHONE_WORDS
                 and _last_bot_message(tracker) is not None)):
        # "IK KAN NIET BELLEN. ik ben DOOF" after "bel 14 0571" (round r87 of session 43):
        # a colleague in the chat, not "anything else?"
        return CONTACT_HUMAN_ACTION
    if (tracker.active_loop_name == REPORT_FORM and not reading.urgent
            and cannot_use_the_phone(message.text or "") and reading.answer is None
            and not (reading.phone or reading.email or reading.location)):
        # "ik ben doof dus bellen gaat niet" in a report (session 56: the opening hours):
        # no phone is needed, the report goes on
        return CONTACT_HUMAN_ACTION
    if (tracker.active_loop_name is None and not reading.danger and reading.noise_now
            and reading.report_question in ("faster", "phone", "police", "urgent_number",
                                            "safety")):
        # "it's 2am and they're blasting music, who do I call??", "wat kan ik doen tegen de
        # buren die nu al uren keihard muziek draaien" (own try, session 44: two articles)
        return REPORT_QUESTION_ACTION
    if (tracker.active_loop_name is None and not reading.danger and _has_case_number(message)
            and asks_how_far(message.text or "") and not adds_to_a_report(message.text or "")):
        # "mijn buren hebben al eens gemeld dat …, nr M-2026-000004, weet u hoever dat is"
        # (own try, session 44: a new report asked "Waar is het?")
        return STATUS_ACTION
    if (tracker.active_loop_name is None and reading.danger != "emergency"
            and not _has_case_number(message) and is_the_neighbours_green(message.text or "")):
        return AS_QUESTION_ACTION  # "de populier van de buren is te hoog": between neighbours
    if (tracker.active_loop_name is None and not reading.danger
            and reading.report_question in (None, "safety")  # not "blijft dat anoniem?"
            and intent.get("name") != ASK_HUMAN_INTENT and not reading.noise_now
            and not _has_case_number(message)  # the neighbour's report: its status below
            and not (reading.location and reading.location.streets
                     and not is_question(message.text or ""))  # "woon in de nieuwstraat …?"
            and is_neighbour_nuisance(message.text or "")):
        # (noise going on now, or at an address, stays a report with the police's number)
        return AS_QUESTION_ACTION  # "de bovenburen maken elke nacht herrie": no "Waar is het?"
    if (tracker.active_loop_name is None and not reading.danger
            and _a_report_beside_a_question(message, reading, intent.get("name"),
                                            bool(set(last_turn) & set(_PRODUCT_ANSWERS)))):
        return START_REPORT_ACTION  # "auto op de stoep bij Beukenlaan 5. trouwens hoe duur is …"
    if (tracker.active_loop_name is None and reading.question == WATER_OUTAGE
            and not reading.urgent):
        return QUESTION_ACTION  # "al 3 dagen geen water uit de kraan": the water company
    if (tracker.active_loop_name is None and reading.question == ANIMAL_IN_NEED
            and not reading.urgent):
        return QUESTION_ACTION  # "onze kat zit vast in de boom": 144, no report for 10 days
    if (tracker.active_loop_name is None and reading.question == FIREWORKS_KEPT
            and not reading.urgent):
        return AS_QUESTION_ACTION  # "a LOT of fireworks in his garden shed": the police
    if (tracker.active_loop_name is None and _last_response(tracker) == ONE_ARTICLE_OFFERED
            and (intent.get("name") == "affirm" or reading.answer is True
                 and len((message.text or "").split()) <= SHORT_ANSWER_WORDS)):
        return AS_QUESTION_ACTION  # "ja" to "Gaat uw vraag over dit onderwerp?": its answer
    if (tracker.active_loop_name is None and _last_response(tracker) == ONE_ARTICLE_OFFERED
            and reading.answer is False and "?" in (message.text or "")
            and not (reading.danger or reading.category)):
        return FOLLOW_UP_ACTION  # "nee. het is over 3 dagen, is er een spoedprocedure?"
    if before in (SUBMIT_ACTION, STATUS_ACTION, STATUS_FASTER) and tracker.active_loop_name is None:
        offer_answer = _colleague_offer_answer(tracker, intent.get("name"), reading)
        if offer_answer:
            return offer_answer  # "JA": a colleague about the report made so often
    if before == ASK_SATISFACTION_ACTION and read_satisfaction(message.text or ""):
        return TAKE_SATISFACTION_ACTION  # "4, snel geholpen": the score, not a new question
    if tracker.get_slot(SIGNALEN_QUESTION) and before in (STATUS_UPDATE_ACTION,
                                                          SIGNALEN_ANSWER_ACTION):
        return SIGNALEN_ANSWER_ACTION  # "de lamp hangt boven de stoep": the answer, no report
    if (reading.language and reading.language not in UNDERSTOOD_LANGUAGES
            and not is_only_a_farewell(message.text or "") and not reading.thanks
            and not says_no_thanks(message.text or "")  # "nee dziękuję, doei" (round r52)
            and not (tracker.active_loop_name and reading.answer is not None
                     and len((message.text or "").split()) <= SHORT_ANSWER_WORDS)
            and not (reading.category and reading.location and reading.location.streets)):
        # not "ja endlich. versturen" at the summary (round 81), nor "… Julianastraat 41. sorry
        # my dutch is bad, container niet geleegd" (round 82): what and where are understood
        return OTHER_LANGUAGE_ACTION
    if (tracker.active_loop_name is None and not reading.danger
            and asks_if_open_now(message.text or "")):
        return OPENING_HOURS_ACTION  # "kan ik NU bellen of niet?": yes or no, then when
    if (tracker.active_loop_name is None and OPENING_HOURS_ACTION in last_turn
            and len((message.text or "").split()) <= SHORT_ANSWER_WORDS + 2
            and (date_named(message.text or "", dt.date.today())
                 or _A_DAY_OR_OPEN.search(message.text or ""))):
        return OPENING_HOURS_ACTION  # "en 31 december?", "en op oudejaarsdag?" (round r112)
    if (tracker.active_loop_name is None and not reading.danger
            and not reading.phone and written_to_someone_close(message.text or "")):
        return WRONG_CHAT_ACTION  # "schat, neem jij de boodschappen mee? xx": not for us
    if _contact_for_the_report_filed(tracker, reading, message):
        return ADD_TO_REPORT_ACTION  # "krijg ik nou wel bericht? mijn mail is …"
    if _adds_to_the_report_filed(tracker, reading, message):
        return ADD_TO_REPORT_ACTION  # "o het is bij nummer 20 trouwens": to the report filed
    if tracker.active_loop_name == REPORT_FORM and outside_the_municipality(
            message.text or "", profile().location.place):
        return OTHER_MUNICIPALITY_ACTION  # "het is in Amersfoort, niet Lindendal"
    if tracker.active_loop_name == REPORT_FORM and sent_to_the_wrong_chat(message.text or ""):
        return STOP_ACTION  # "oeps verkeerde app sorry": the report it started stops
    if (tracker.active_loop_name == REPORT_FORM and reading.phone and not reading.danger
            and wants_callback(message.text or "")):
        return REPORT_FORM  # "kunnen jullie mij niet even terugbellen? 06…": the form passes
        # the callback on and goes on (round r124 of session 49: the closed-hours text)
    if (tracker.active_loop_name is None and reading.danger in (None, "hazard")
            and intent.get("name") == ASK_HUMAN_INTENT and wants_callback(message.text or "")
            and _a_report_beside_the_call(message, reading)):
        # "wilt u mij terugbellen … er ligt een grote tak op de stoep in de Kerkstraat" (round
        # r142 of session 50: 112 and "leave your message"): the report, the call beside it
        return START_REPORT_ACTION
    if tracker.active_loop_name is None and not reading.danger and (
            wants_callback(message.text or "") and (
                not _a_report_beside_the_call(message, reading)
                or _about_the_report_just_filed(tracker, reading))
            or before in HANDOVER_ACTIONS + PASSED_ON_ACTIONS
            and _NOT_IN_THE_CHAT.search(message.text or "")
            or reading.phone and before in HANDOVER_ACTIONS and _callback_asked(tracker)
            or before == CALLBACK_ACTION and not reading.phone
            and _last_response(tracker) == CALLBACK_NUMBER_QUESTION
            and _only_an_answer(message.text or "", reading)) and not _said_no_phone(tracker):
        return CALLBACK_ACTION  # "kunt u mij terugbellen?": the number, then passed on
    if before in PASSED_ON_ACTIONS and tracker.active_loop_name is None and not reading.danger:
        if asks_about_the_wait(message.text or "") or asks_if_it_arrives(message.text or ""):
            return WHEN_ACTION  # "wordt het wel echt vandaag?": when, nothing passed on again
        if (is_only_an_ok(message.text or "") or is_thanks_or_goodbye(message.text or "")
                or leaves_the_chat(message.text or "")):  # "… hoor ik het morgen wel. doei"
            # "ok", "Alright. Thank you dear, goodbye." (round r76 of session 41: "added to
            # your message"): heard, no new message for the colleague
            return HANDOVER_OK_ACTION
    if (before == CONTACT_HUMAN_ACTION and tracker.active_loop_name is None
            and not reading.danger and is_only_an_ok(message.text or "")):
        return TYPE_THE_MESSAGE  # "ok" is no message for the colleague (round r109)
    asked = tracker.get_slot("requested_slot") if tracker.active_loop_name == REPORT_FORM else None
    if asked and reading.no_report and refuses_a_new_report(message.text or ""):
        return NOT_A_REPORT_ACTION  # "stop. ik wil GEEN nieuwe melding", even with a place
    if (asked and meant_for_a_colleague(message.text or "")
            and any(getattr(event, "action_name", None) in HANDOVER_ACTIONS
                    for event in tracker.events)):
        return NOT_A_REPORT_ACTION  # "het is een bericht voor uw collega": passed on instead
    if asked and _status_of_the_report_told(tracker, message, intent):
        return NOT_A_REPORT_ACTION  # "M-2026-000417, wat is de status daarvan?": not a new one
    if asked and reading.need and not reading.category and not reading.danger:
        return IN_REPORT_QUESTION_ACTION  # "ik ben soms zo eenzaam": its route, then the report
    if asked and reading.question == DEATH_TOPIC and not reading.danger:
        if tracker.get_slot("report_category"):
            # "hoeft niet. maar … mijn vrouw is in januari overleden, moet ik dan nog steeds
            # het bedrag voor twee personen betalen?" beside a lamp report (round r76): its
            # answer, and the report goes on
            return IN_REPORT_QUESTION_ACTION
        return NOT_A_REPORT_ACTION  # "ik meld niks, mijn moeder is dood" (round r74)
    if (asked == "report_location" and reading.no_report and reading.question
            and reading.answer is not True):
        return NOT_A_REPORT_ACTION  # "er is niks mis ik wil weten wanneer …, molenweg 12"
    if asked == "report_updates" and not reading.danger and prefers_a_call(message.text or ""):
        return REPORT_FORM  # "liefst even bellen": news by phone, the form asks the number
    if (asked and not reading.danger and asks_for_a_person(message.text or "")
            and (asked == "report_location" or reading.answer is None
                 or not _NO_PERSON.search(message.text or ""))):
        # ("is wrong!! albert heijn is NOT wilhelminastraat. i want talk to person", round
        # r163: the no to the updates question was taken, the wish not heard)
        # "KERKWEG 27. EN IK WIL NU EEN MENS SPREKEN, NIET ZO'N ROBOT" (round 98): the wish
        # heard, the place kept (actions.report_slots.answer_kept_beside)
        return CONTACT_HUMAN_ACTION
    if asked and not reading.danger and new_problem_after_never_mind(
            message.text or "", tracker.get_slot("report_category")):
        # "laat maar, hij is toch geleegd. maar er staat wel een kapot bankje in het park"
        # (own try, session 51: the container report got the bench's place): a new report
        return START_REPORT_ACTION
    if asked and _CANCELS_THE_REPORT.search(message.text or "") and not reading.danger:
        # "stop maar met de melding. kapvergunning boom in tuin" (round r137 of session 50:
        # "in tuin" became the place): no report, and the question beside it answered
        return NOT_A_REPORT_ACTION if reading.question else STOP_ACTION
    if asked == "report_location" and reading.place:
        return REPORT_FORM  # a place answers "where?", whatever intent the words suggest
    if (not asked and intent.get("name") == STATUS_INTENT and not _has_case_number(message)
            and (reading.category or reading.location)
            and _WANTS_TO_REPORT.search(message.text or "")):
        return START_REPORT_ACTION  # "ik wil een melding doen. in de … staan fietsen": new
    if (asked and reading.report_question and not reading.no_report  # "Ik wil niks melden
            # hoor, ik vroeg alleen naar de kaart. Hoe lang duurt zo'n keuring?" (round r241)
            and not _names_the_product(intent.get("name"), message.text or "")
            and not asks_a_topic_of_its_own(message.text or "",
                                            tracker.get_slot("report_description") or "")):
        contact = reading.email or reading.phone  # "…@gmail.com. hoelang duurt zoiets?"
        if (reading.answer is None or reading.report_question == "faster" and not (
                asked == "report_confirmed" and reading.answer is True) and not (
                asked in OPTIONAL_SLOTS and reading.answer is False)) and not contact:
            # not "nee. er staan trouwens hakenkruizen op, gaat dat sneller?": the no, the
            # words added, and the handling time told at filing (round 86)
            # not "klopt. kan de schommel vandaag nog worden afgezet?": sent, and answered
            return REPORT_QUESTION_ACTION  # "hoe lang duurt dat?": answered, the report goes on
        return REPORT_FORM  # "nee hoeft niet. en mijn band?": the answer, the question beside
    if asked == "report_confirmed" and reading.answer is True and not reading.danger:
        return REPORT_FORM  # "Ja, verstuur. Maar belt u mij dan ook echt?": sent, not a complaint
    if asked == "report_confirmed" and not reading.danger and (
            labelled_description(message.text or "")
            or _corrects_the_number(tracker, message.text or "")
            or reading.addition and adds_to_a_report(message.text or "")):
        # "the description is wrong, it should say …", "nee wacht het is nummer 32, niet
        # 30": a correction, no complaint
        return REPORT_FORM
    if asked and _a_question_of_its_own(message.text or "", intent.get("name"), reading,
                                        tracker.get_slot("report_description") or ""):
        return IN_REPORT_QUESTION_ACTION  # "gaan de lampen 's nachts uit?": answered, on we go
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and reading.answer is False and not reading.danger
            and _NO_THEN_ASKS.match(message.text or "")):
        # "no, the recycling centre. milieustraat? address?" (round 98: goodbye): the no is
        # about the last answer, the question is new
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and reading.danger == "hazard"
            and not (reading.location and reading.location.streets)
            and not _has_case_number(message)
            and _messages_since_filing(tracker) <= ADDITION_TURNS
            and _about_the_report_filed(tracker, reading)
            and (_HANDLING_TIME_QUESTIONED.search(message.text or "")
                 or _PUSHBACK.search(message.text or ""))):
        # "10 WERKDAGEN?? de kelder loopt NU vol" just after the flooding was filed (round
        # r199 of session 53: "Daar kan ik u helaas niet mee helpen")
        return STATUS_FASTER_URGENT if _filed_with_priority(tracker) else TAKE_MESSAGE_ACTION
    follow_up = _asks_a_follow_up(tracker, last_turn, intent.get("name"), message, reading)
    if (tracker.active_loop_name is None and intent.get("name") == STATUS_INTENT
            and reading.category and reading.danger == "hazard"
            and before != STATUS_ACTION and not _has_case_number(message)
            and not _NAMES_A_REPORT.search(message.text or "")
            and not says_reported_before(message.text or "")):
        return START_REPORT_ACTION  # "tak ligt er nog steeds, iemand gaat er ook tegenaan"
    if (tracker.active_loop_name is None and intent.get("name") == STATUS_INTENT
            and reading.danger == "hazard" and not _has_case_number(message)
            and _a_hazard_told_apart(message.text or "")):
        # "er is net een boom omgewaaid over het fietspad … o en hoe staat het met mijn
        # melding van vorige week?" (round r226 of session 57: "Welk meldingsnummer?" first)
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and intent.get("name") == STATUS_INTENT
            and reading.category and asks_to_act_on_it(message.text or "")
            and before != STATUS_ACTION and not _has_case_number(message)
            and not _NAMES_A_REPORT.search(message.text or "")
            and not mentions_an_earlier_report(message.text or "")):
        return START_REPORT_ACTION  # "spuitbus op de muur van de kerk … laten wegkuisen?"
    if (tracker.active_loop_name is None and intent.get("name") == STATUS_INTENT
            and before != STATUS_ACTION and not _has_case_number(message) and not follow_up
            and before not in HANDOVER_ACTIONS  # then it is for the colleague (round 88)
            and reading.report_question not in ABOUT_THE_RESIDENT
            and _names_its_subject(message.text or "")):
        return AS_QUESTION_ACTION  # "wanneer gaat de gemeente snoeien?" is no status question
    if before in HANDOVER_ACTIONS + PASSED_ON_ACTIONS and (
            reading.category and (_REPORT_AGAIN.search(message.text or "")
                                  or _REPORT_HERE.search(message.text or "")
                                  or _ASKS_TO_REPORT.search(message.text or ""))
            or _REPORT_HERE.search(message.text or "")
            or asks_to_have_it_reported(message.text or "") and not _has_case_number(message)
            and tracker.active_loop_name is None and _a_problem_told(tracker)):
        # "nou dan meld ik het maar opnieuw. schommel kapot", "Dan meld ik het hier: …",
        # "Hallo? Ik wil gewoon een melding doen." (round 83), "forget the person then. i
        # just want to report the noise now" (round r109), "is het nou gemeld of niet"
        # (round r131 of session 49): the report, not passed on
        return START_REPORT_ACTION
    if before in PASSED_ON_ACTIONS and intent.get("name") == ASK_HUMAN_INTENT:
        # "ik had toch al gevraagd om een medewerker. zet dit er dan bij": added to the
        # message already passed on, not the handover text again (round 88)
        return TAKE_MESSAGE_ACTION
    if (tracker.active_loop_name is None and not reading.danger and reading.location is None
            and _messages_since_filing(tracker) <= ADDITION_TURNS
            and _about_the_report_filed(tracker, reading) and not _filed_with_priority(tracker)
            and says_it_is_dangerous(message.text or "")):
        # "ik zeg het je toch al. het is gevaarlijk. kinderen lopen er langs" just after filing
        # (round r162: a new report of that sentence): passed on for priority
        return TAKE_MESSAGE_ACTION
    if (tracker.active_loop_name is None and SUBMIT_ACTION in last_turn
            and not (reading.location and reading.location.streets) and not reading.danger
            and not _has_case_number(message)
            and (_HANDLING_TIME_QUESTIONED.search(message.text or "")
                 or _PUSHBACK.search(message.text or ""))):
        if _filed_with_priority(tracker):
            return STATUS_FASTER_URGENT  # "Binnen 24 uur? De kinderen komen over een half uur"
        return STATUS_FASTER  # "10 werkdagen?? voor ratten?" after filing: why, and a colleague
    if (tracker.active_loop_name is None and reading.report_question and reading.location is None
            and (SUBMIT_ACTION in last_turn
                 # "gat repareren, hoe lang wachten?" after "hoeveel dagen?" was answered
                 # (round r191 of session 53: a new report of the same hole)
                 or REPORT_QUESTION_ACTION in last_turn
                 and _messages_since_filing(tracker) <= ADDITION_TURNS
                 and _about_the_report_filed(tracker, reading))):
        return REPORT_QUESTION_ACTION  # "krijg ik bericht als het klaar is?" after filing
    if (tracker.active_loop_name is None and reading.report_question and reading.location is None
            and _about_the_report_filed(tracker, reading)
            and _POINTS_AT_THE_REPORT.search(message.text or "")):
        return REPORT_QUESTION_ACTION  # "hoe lang gaat dat nu duren voordat die tegel …" later
    if (not asked and tracker.active_loop_name is None and reading.report_question == "anonymous"
            and (intent.get("name") == COMPLAINT_INTENT
                 or _last_response(tracker) == "utter_answer_complaint")):
        return COMPLAINT_ANSWER  # "een klacht over de balie, kan dat anoniem?": not a report's
    if (not asked and reading.report_question in ABOUT_THE_RESIDENT
            and intent.get("name") not in REPORT_INTENTS
            and not _names_the_product(intent.get("name"), message.text or "")):
        return REPORT_QUESTION_ACTION  # "wat doen jullie met mijn gegevens?", "en mijn schade?"
    if (asked and reading.no_report and reading.answer is not True
            and not (asked in OPTIONAL_SLOTS and reading.answer is False
                     and _OFFER_WORDS.search(message.text or ""))):
        # not "laat maar geen berichten. ik wil gewoon weten of …": no updates, a question
        return NOT_A_REPORT_ACTION  # "gewoon een vraag": no report, the question answered
    if (asked in ANSWER_SLOTS and reading.answer is not None and not reading.danger
            and (intent.get("name") in (COMPLAINT_INTENT, ASK_HUMAN_INTENT)
                 or not (reading.question or is_question(message.text or "")
                         or says_stop(message.text or "")
                         or intent.get("name") == STOP_INTENT))
            and (intent.get("confidence") or 0) < SURE_INTENT
            and not asks_for_a_person(message.text or "")):
        # "mwah liever niet, ik krijg al zoveel mail": no complaint, a no; "Dat zou ik op
        # prijs stellen" (round 97) is no question about opening hours
        return REPORT_FORM
    if (asked and intent.get("name") == COMPLAINT_INTENT and not reading.danger
            and not complains(message.text or "") and not _PUSHBACK.search(
                message.text or "") and not is_question(message.text or "")):
        # "auto's rijden erover hij klappert heel hard" (round r244: the complaints procedure
        # for a loose manhole cover): more about the problem, no complaint about the service
        return REPORT_FORM
    if (asked in ANSWER_SLOTS and (reading.email or reading.phone) and not reading.danger
            and not is_question(message.text or "") and not _has_case_number(message)
            and not asks_for_a_person(message.text or "")):
        return REPORT_FORM  # "U kunt mij bereiken via h.dewit@kpnmail.nl" (round 97): no hours
    if asked and not reading.danger and (
            _CANCELS_THE_REPORT.search(message.text or "")
            or _NO_LONGER_NEEDED.search(message.text or "")
            and (_ALREADY_DONE.search(message.text or "")
                 or says_it_is_solved(_NO_LONGER_NEEDED.sub(" ", message.text or "")))):
        return STOP_ACTION  # "laat die melding maar zitten, sorry", whatever the model heard
    if (asked in ANSWER_SLOTS and intent.get("name") == STATUS_INTENT
            and not _has_case_number(message)):
        return REPORT_FORM  # no case number: an answer to the question, not a status question
    if (asked and asked != "report_confirmed" and leaves_the_chat(message.text or "")
            and reading.answer is None and not (reading.place or reading.phone or reading.email)):
        return STOP_ACTION  # "Nou ik ga maar. Dag": not the answer; told nothing was sent
    if asked and _keeps_some_problems(tracker, message) and (
            intent.get("name") == STOP_INTENT
            or _REPORTED_BY_SOMEONE_ELSE.search(message.text or "")):
        # "pff laat maar. stuur alleen de auto dan" (round r54), "laat die graffiti maar
        # zitten, mijn buurman heeft dat al gemeld" (round r58): the other problem stays
        return REPORT_FORM
    if asked and _REPORTED_BY_SOMEONE_ELSE.search(message.text or ""):
        return STOP_ACTION  # "laat maar, mijn buurman heeft het al gemeld": not twice
    if asked and intent.get("name") == STOP_INTENT and (
            reading.answer is True or not says_stop(message.text or "")):
        return REPORT_FORM  # "laat maar gewoon versturen": a yes; no stop word: no stop
    if (asked in OPTIONAL_SLOTS and intent.get("name") == STOP_INTENT and reading.answer is False
            and _declines_offer(message.text or "", asked)):
        return DECLINE_ACTION  # "laat maar" at "wilt u updates?": no updates, the report stays
    if asked and intent.get("name") == STOP_INTENT:
        # "laat maar", "/stop": the form would take the words as its answer (stop is no
        # slot-mapping exit), so the stop is said here
        return STOP_ACTION
    if (before == TAKE_MESSAGE_ACTION and tracker.active_loop_name is None
            and _last_response(tracker) == "utter_addition_ask" and not reading.urgent):
        return TAKE_MESSAGE_ACTION  # what to add to the earlier report, not a new report
    if (before in HANDOVER_ACTIONS + PASSED_ON_ACTIONS
            and tracker.active_loop_name is None and not _has_case_number(message)
            and reading.report_question in ("safety", "phone", "urgent_number", "police")
            and (reading.danger == "hazard" or _hazard_told_before(tracker))):
        # "moet ik er nou een lint omheen zetten?", "moet ik niet iemand bellen?" about a
        # hazard passed on (round r102: "Ik heb dit bij uw bericht voor de collega gezet")
        return REPORT_QUESTION_ACTION
    if (before == TAKE_MESSAGE_ACTION and tracker.active_loop_name is None
            and _A_BARE_NO_OR_OK.match(message.text or "")):
        return ANYTHING_ELSE  # "nee" after the message was passed on: nothing to add to it
    if before in HANDOVER_ACTIONS and (reading.phone or reading.email
                                       or intent.get("name") == STATUS_INTENT):
        return TAKE_MESSAGE_ACTION  # "melding 859 over de boom, bel me op 06…": the message
    if before in HANDOVER_ACTIONS and not (
            intent.get("name") in NEW_REQUEST_INTENTS
            and (intent.get("confidence") or 0) >= NEW_REQUEST_CONFIDENCE
            and not _the_message_itself(tracker, message.text or "", intent.get("name"))
            or _NO_COLLEAGUE.search(message.text or "")):
        return TAKE_MESSAGE_ACTION
    if (tracker.active_loop_name is None and reading.question == DEATH_TOPIC
            and not reading.danger and f"utter_answer_{DEATH_TOPIC}" in (answers or ())):
        # "mijn moeder is vannacht overleden in het verpleeghuis aan de parkweg" (round r74
        # of session 41): never a report at the Parkweg
        return QUESTION_ACTION
    if (tracker.active_loop_name is None and CALENDAR_ANSWER in _responses_of_last_turn(tracker)
            and reading.location is not None
            and (reading.location.postcode or reading.location.streets and not reading.category)
            and not (reading.category and reading.description and len(
                (message.text or "").split()) > SHORT_ANSWER_WORDS)
            # (not "ik woon op de kastanjelaan 3 … ik heb geen computer", round r278: the
            # website again; the phone and paper below)
            and not _NO_INTERNET.search(message.text or "")):
        # "7412 KD 23" after the calendar link (round r115: a waste report at that postcode);
        # "molenweg 8" too (round r169 of session 52: a report at that address)
        return CALENDAR_POSTCODE
    if (tracker.active_loop_name is None and _last_response(tracker) == MONEY_ANSWER
            and reading.answer is not None and not reading.question
            and len((message.text or "").split()) <= SHORT_ANSWER_WORDS):
        # "ja" to "Wilt u nu met een collega praten?", whichever action gave that answer
        return CONTACT_HUMAN_ACTION if reading.answer else ANYTHING_ELSE
    if (tracker.active_loop_name is None and reading.question == MONEY_WORRIES_INTENT
            and not reading.danger and not reading.need
            and intent.get("name") not in REPORT_INTENTS + KEEP_INTENTS + (MONEY_WORRIES_INTENT,)):
        # "ze gaan mijn stroom afsluiten volgende week …" read as a municipal question (round
        # r114: a choice of keeping chickens and tree felling): the money-worries answer
        return QUESTION_ACTION
    if (tracker.active_loop_name is None and reading.need
            and not (intent.get("name") in REPORT_INTENTS and reading.category)):
        return NEED_ACTION  # "geen eten meer, het is zaterdag": tonight's route, not a product
    if (tracker.active_loop_name is None and set(last_turn) & set(ANSWERING_ACTIONS)
            and intent.get("name") not in set(KEEP_INTENTS) - {STOP_INTENT}  # "laat maar. zinloos"
            and says_not_helped(message.text or "")):
        if any(subject_words(part) for part in question_parts(message.text or "")):
            return FOLLOW_UP_ACTION  # "Dat vroeg ik niet. Hoe lang duurt een vergunning?"
        return NOT_HELPED_ACTION  # "daar heb ik niks aan": kept for the editors, other ways
    if (tracker.active_loop_name is None and STOP_ACTION in last_turn
            and wants_the_report_after_all(message.text or "")):
        return RESUME_ACTION  # "hmm nee toch wel doen": the stopped report comes back
    if (tracker.active_loop_name is None and _last_response(tracker) == CALLED_NO_REPORT_ACTION
            and reading.answer is False and len((message.text or "").split()) <= 3
            and not (reading.category or reading.danger or reading.question)):
        return GOODBYE_ACTION  # "nee" to "Goed dat u heeft gebeld. … Kan ik u nog ergens mee …?"
    if (tracker.active_loop_name is None and intent.get("name") == "goodbye"
            and _last_response(tracker) in _NO_REPORT_TOLD
            and not sounds_like_a_goodbye(message.text or "")):
        # "over de glasbak" … "die was vol" after "Zonder meldingsnummer … opnieuw melden?":
        # more about the earlier report, no goodbye
        return STATUS_ACTION
    if (tracker.active_loop_name is None and _last_response(tracker) == "utter_ask_what_else"
            and reading.answer is False and len((message.text or "").split()) <= 3
            and not (reading.category or reading.danger or reading.question)):
        return GOODBYE_ACTION  # "nee hoor" to "Waar kan ik u mee helpen?" (round r54)
    if (tracker.active_loop_name is None
            and (set(last_turn) & set(CONTEXT_ACTIONS)  # "nee" to "… of vraag een collega"
                 and _last_response(tracker) != ANYTHING_ELSE
                 or _last_response(tracker) == "utter_status_number_missing")
            and _A_BARE_NO_OR_OK.match(message.text or "")
            and not (reading.category or reading.danger or reading.question or reading.location)):
        # "nee" or "ok dan" to an answer with a report offer, or to "Zonder meldingsnummer …
        # opnieuw melden?": not "Waar kan ik u mee helpen?"
        return ANYTHING_ELSE
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and intent.get("name") == "deny" and not _NO_FIRST.match(message.text or "")
            and len((message.text or "").split()) >= MIN_SUBJECT_WORDS
            and not (reading.category or reading.danger)
            and not ends_the_chat(message.text or "")):
        # "i have not worked 6 months yet, so no WW i think. i live alone …" to "Can I help
        # you with anything else?" (round r218 of session 56: "Goodbye!"): it goes on
        return FOLLOW_UP_ACTION
    if (tracker.active_loop_name is None and says_a_question_unanswered(message.text or "")
            and not will_call_us(message.text or "")  # "da's ni mijn vraag. ik bel wel. salut"
            and not (reading.category or reading.danger)
            and set(_actions_of_last_turn(tracker)) & set(ANSWERING_ACTIONS)):
        return FOLLOW_UP_ACTION  # "maar die boete vraag heb je niet beantwoord" (round r225)
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and reading.answer is False and is_displeased(message.text or "")
            and not is_question(message.text or "")
            and not (reading.category or reading.danger or reading.question or reading.location)):
        return GOODBYE_ACTION  # "nee laat maar. belachelijk gewoon" (round r62)
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and intent.get("name") == "stop" and len((message.text or "").split()) <= 4
            and not (reading.category or reading.danger or reading.question or reading.location)):
        return GOODBYE_ACTION  # "nee laat maar" (round r237: the same question again)
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and ends_with_thanks(message.text or "") and not is_question(message.text or "")
            and not (reading.category or reading.danger or reading.question)):
        # "ok duidelijk, ik wacht eerst even af. thanks!" to "Kan ik u nog ergens mee
        # helpen?" (round r61: read as a yes, "Waar kan ik u mee helpen?")
        return GOODBYE_ACTION
    if (tracker.active_loop_name is None and intent.get("name") == "greeting"
            and _ONLY_DAG.match(message.text or "")
            and _last_response(tracker) in (ANYTHING_ELSE, "utter_ask_what_else")):
        return GOODBYE_ACTION  # "GOEDENDAG" after "Kan ik u nog ergens mee helpen?" (r59)
    if tracker.active_loop_name is None and (
            says_no_thanks(message.text or "")
            or reading.thanks and not reading.category and not reading.danger
            and intent.get("name") not in ("thanks", "goodbye", "affirm")
            or (thanks_and_goes(message.text or "") or ends_with_thanks(message.text or "")
                and not is_question(message.text or ""))
            and intent.get("name") not in ("thanks", "goodbye")
            and (not _bot_asked(tracker) or _last_response(tracker) == ANYTHING_ELSE)
            and not (reading.category or reading.danger or reading.question or reading.location)):
        # "nee thx" after the cost: done, not "waar kan ik u mee …"; "dziekuje bardzo, do
        # widzenia", "Hartelijk dank … en Gods zegen" (round r48: bulky waste, other language)
        return GOODBYE_ACTION
    if (tracker.active_loop_name is None and _last_response(tracker) == ANYTHING_ELSE
            and reading.answer is False and not reading.danger
            and not (reading.location and reading.location.streets)
            and will_call_us(message.text or "")):
        # "NEE DANK U. ZAL DE STORINGSDIENST BELLEN VOOR DAT GAT." after the report was
        # filed (round r273 of session 64: a new report of "dat gat"): done
        return GOODBYE_ACTION
    if (tracker.active_loop_name is None and not reading.danger and not reading.category
            and reading.location is None and not (message.text or "").rstrip().endswith("?")
            and not _has_case_number(message) and ends_the_chat(message.text or "")):
        return GOODBYE_ACTION  # "wilde alleen kijken of dit werkt. doei": no status question
    if tracker.active_loop_name is None and not reading.danger and not reading.category:
        if asks_what_the_bot_can_do(message.text or ""):
            return WHAT_I_CAN_DO  # "ok en wat kun je allemaal": no "cannot help" first
        if asks_how_the_bot_is(message.text or ""):
            return HOW_I_AM  # "hoe gaat het met jou?": a friendly word, not the complaint text
        if asks_about_the_weather(message.text or ""):
            return WEATHER  # "wat voor weer wordt het morgen?": not "I am a digital assistant"
        if asks_the_time(message.text or ""):
            return THE_TIME  # "hoe laat is het eigenlijk?": not a link to the website
    if (tracker.active_loop_name is None and _NO_INTERNET.search(message.text or "")
            and before != NO_INTERNET_ACTION  # "ik heb wel internet maar geen digid. wat kost…"
            and not (follow_up and OTHERS in read_aspects(message.text or ""))
            and intent.get("name") not in KEEP_INTENTS
            and (intent.get("name") not in REPORT_INTENTS or reading.question)
            and not ((reading.category or reading.problems) and reading.location
                     and "?" not in (message.text or ""))):
        # "ik ben 81 en heb geen computer": not another link; but "niet zo handig met de
        # computer … op de muur aan de Hoofdstraat is gespoten" is a report (round 85), also
        # two of them ("Ten eerste … Ten tweede …", round 89)
        return NO_INTERNET_ACTION
    if ((before == COMPLAINT_ANSWER or _last_response(tracker) == "utter_answer_complaint")
            and tracker.active_loop_name is None
            and _HERE_IN_THE_CHAT.search(message.text or "")):
        return TAKE_MESSAGE_ACTION  # "kan ik de klacht niet hier in de chat doen?": taken
    if (tracker.active_loop_name is None and intent.get("name") == FALLBACK_INTENT
            and not follow_up  # "kosten? en ben m kwijt ook" after the licence answer
            and _best_guess(message) in (QUESTION_INTENT,) + _ASKED_ABOUT_A_PRODUCT
            and is_question(message.text or "") and not reading.danger
            and before != STATUS_ACTION and not tracker.get_slot(STATUS_ASKED_SLOT)
            and not mentions_a_report(message.text or "")):
        return AS_QUESTION_ACTION  # "mag ik de koelkast zelf wegbrengen?": the knowledge base
    if (tracker.active_loop_name is None and asks_about_the_report_just_made(message.text or "")
            and any(getattr(event, "action_name", None) == SUBMIT_ACTION
                    for event in tracker.events)):
        return STATUS_ACTION  # "en die van de glijbaan die ik net deed, wanneer komen ze?"
    if (tracker.active_loop_name is None and _has_case_number(message)
            and adds_to_a_report(message.text or "")):
        return TAKE_MESSAGE_ACTION  # "ik wil iets toevoegen aan M-2026-…": for that report
    if (tracker.active_loop_name is None and intent.get("name") in UNSURE_INTENTS
            and asks_about_an_earlier_report(message.text or "")):
        return STATUS_ACTION  # "ik heb vorige week iets gemeld, is er al iets mee gedaan?"
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS + UNSURE_INTENTS
            and mentions_an_earlier_report(message.text or "") and not reading.category
            and reading.location is None and not reading.danger
            and not tells_something_wrong(message.text or "")):
        return STATUS_ACTION  # "ik had iets gemeld" (own try, session 44: "Waar is het?")
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and asks_status_of_an_earlier_report(message.text or "")):
        return STATUS_ACTION  # "ik heb vorige week al gemeld dat … is daar al iets mee gedaan?"
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and _has_case_number(message)):
        return STATUS_ACTION  # "mijn melding M-2026-000388 over de put: er is niets gebeurd"
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and not _has_case_number(message) and disputes_the_report(message.text or "")):
        return STATUS_DISPUTED  # "dat is niet mijn melding": not the same answer again
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and _last_response(tracker) == "utter_status_other_subject"
            and _names_the_number_just_told(tracker, message.text or "")):
        return STATUS_DISPUTED  # "nee het is echt 412, de lantaarnpaal": not told again
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and not _has_case_number(message) and says_number_unknown(message.text or "")
            and not _REPORT_AGAIN.search(message.text or "")):
        # "en nog een over een lamp in de Vondelstraat, nummer kwijt": looked up by its
        # place; "die andere over de ratten bij de jumbo, nummer weet ik niet": how to find it
        return STATUS_ACTION
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and not _has_case_number(message) and reading.location is not None
            and reading.location.streets and not reading.category
            and intent.get("name") in UNSURE_INTENTS + (ANSWER_INTENT, STATUS_INTENT)):
        return STATUS_ACTION  # "het was in de Kerkweg bij nummer 3": looked up by its place
    if (before == STATUS_ACTION and tracker.active_loop_name is None and not reading.category
            and short_number(message.text or "")):
        return STATUS_ACTION  # "oh sorry dan is het misschien 1887": that one looked up
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and reading.report_question == "photo"):
        return REPORT_QUESTION_ACTION  # "kan ik nog een foto toevoegen?": how, on this channel
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and (adds_to_a_report(message.text or "") or _news_since_the_status(message, reading))):
        # "zet er ook bij dat het de groene bak is", "er staan inmiddels ook een koelkast en
        # ratten" (round r93 of session 43: a new report): for the report just told
        return TAKE_MESSAGE_ACTION
    if (before in (STATUS_ACTION, STATUS_DISPUTED) and tracker.active_loop_name is None
            and (reading.category or reading.location or intent.get("name") in REPORT_INTENTS
                 or len((message.text or "").split()) <= SHORT_WISH_WORDS
                 # "ja meld het dan maar opnieuw. maar dan wil ik wel dat het deze keer echt
                 # gemaakt wordt" (round r75 of session 41: "Waar kan ik u mee helpen?")
                 or reading.answer is True)
            and _REPORT_AGAIN.search(message.text or "")):
        # "doe maar opnieuw melden. de lamp bij 30 …", "geen nummer, ik wil een nieuwe melding
        # doen over die fietsen": reported
        return START_REPORT_ACTION
    if (before == SUBMIT_ACTION and tracker.get_slot(STATUS_ASKED_SLOT)
            and tracker.active_loop_name is None and not reading.danger):
        # the earlier report asked about beside the one just filed (round r226 of session
        # 57): whatever the resident says of it now is looked up
        return STATUS_ACTION
    if (before == STATUS_ACTION and tracker.get_slot(STATUS_ASKED_SLOT)
            and tracker.active_loop_name is None and not reading.danger
            and (_ABOUT_A_SUBJECT.match(message.text or "")
                 or _TOLD_AS_BEFORE.search(message.text or ""))):
        # "over de glasbak", "vorige week" to "Welk meldingsnummer heeft u?" (own try,
        # session 44: a new report): which report it was
        return STATUS_ACTION
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and not _has_case_number(message) and reading.category and reading.location
            and _TOLD_AS_BEFORE.search(message.text or "")):
        # "klopt echt, staat in de mail. ging over een losse tegel kerkstraat bij de bakker.
        # was 3 weken geleden" after "Ik kan die melding niet vinden": looked up by its place
        # (round 86: it started a new report)
        return STATUS_ACTION
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and reading.danger == "hazard" and not _has_case_number(message)
            and not (reading.danger_reason == "near_miss" and reading.report_question)
            # not a hazard at a street named now, or after no report was told (round r103:
            # "er ligt een boom over de weg … aan de Molenweg" passed on to Monday)
            and not (reading.location and reading.location.streets)
            and _last_response(tracker) not in _NO_REPORT_TOLD):
        # (not "binnen 24 uur, ook vannacht? er zijn al twee fietsers bijna gevallen": a near
        # miss told as the reason for a question about the report is that question)
        # "10 werkdagen?? er ligt een koelkast naast de schommels, daar kunnen kinderen in
        # kruipen!" about the report just told: passed on to go first (round 86)
        return TAKE_MESSAGE_ACTION
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and reading.location is None and _displeased_with_status(
                message, intent.get("name"), reading, bool(tracker.get_slot(STATUS_ASKED_SLOT)))):
        if reading.report_question in ("duration", "time_of_day", "faster") or not (
                _STILL_NOTHING.search(message.text or "") or _PUSHBACK.search(message.text or "")):
            # "kan het niet sneller?", "wanneer komen ze precies? al 2 weken donker": a question
            return STATUS_FASTER
        return COMPLAINT_ANSWER  # "al 3 weken, belachelijk": heard, not the status again
    if (before == STATUS_ACTION and tracker.active_loop_name is None
            and reading.report_question in ("duration", "time_of_day", "faster", "next_steps")):
        return STATUS_ACTION  # "en wanneer komt er dan iemand?" about the report just told
    if (before == STATUS_ACTION and tracker.get_slot(STATUS_ASKED_SLOT)
            and tracker.active_loop_name is None
            and (intent.get("name") not in NEW_TOPIC_INTENTS
                 or says_number_unknown(message.text or "")
                 or says_not_known(message.text or ""))):
        return STATUS_ACTION  # the answer to "Welk meldingsnummer heeft u?", number or not
    if (tracker.active_loop_name is None and before in ANSWERING_ACTIONS
            and _YES_TO_REPORT.search(message.text or "") and _asked_about_a_problem(tracker)):
        return START_REPORT_ACTION  # "ik wil weten of dat mag en het melden" after the answer
    if (tracker.active_loop_name is None and set(last_turn) & set(ANSWERING_ACTIONS)
            and reading.category and "?" not in (message.text or "")
            and _WANTS_TO_REPORT.search(message.text or "")):
        return START_REPORT_ACTION  # "ok dan wil ik wel de ratten bij nummer 40 melden"
    if (tracker.active_loop_name is None and reading.blocked_in and not reading.danger
            and intent.get("name") in PRODUCT_INTENTS):
        return AS_QUESTION_ACTION  # "a car is parked in front of my driveway": not the permit
    if (intent.get("name") == "bot_challenge" and tracker.active_loop_name is None
            and is_question(message.text or "") and not asks_if_a_bot(message.text or "")):
        # "kan ik het aanvragen zonder computer, ik ben 78" (round r138 of session 50)
        return FOLLOW_UP_ACTION if set(last_turn) & set(CONTEXT_ACTIONS) else AS_QUESTION_ACTION
    asks_on = _only_questions(message.text or "")
    if follow_up or (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
                     and not (reading.danger or reading.location)
                     and (not reading.category or asks_on)
                     and ("?" in (message.text or "") or _GOES_ON.search(message.text or ""))
                     and set(last_turn) & set(CONTEXT_ACTIONS + ((QUESTION_ACTION,) if asks_on
                                                                  else ()))):
        # "en wat kost het?" after the passport answer; "het is al over 3 dagen, is er een
        # spoedprocedure?", "but I am in Spain, my flight is on friday" is no report, whatever
        # the model heard
        return FOLLOW_UP_ACTION
    if (reading.question == "care_at_home" and intent.get("name") == MONEY_WORRIES_INTENT
            and not money_trouble(message.text or "") and tracker.active_loop_name is None
            and f"utter_answer_{reading.question}" in (answers or ())):
        return QUESTION_ACTION  # "kan ik hulp krijgen in huis?" heard as money worries
    if (intent.get("name") == MONEY_WORRIES_INTENT and tracker.active_loop_name is None
            and asks_to_pay_in_parts(message.text or "") and not money_trouble(
                message.text or "")):
        return AS_QUESTION_ACTION  # "en als ik het niet in 1 keer kan betalen?" (round r107)
    if (tracker.active_loop_name is None and _last_response(tracker) == COMPLAINT_OFFER
            and _YES_FIRST.match(message.text or "") and reading.answer is not False):
        return CONTACT_HUMAN_ACTION  # "JA. EN NIET WEER ZO N FORMULIER" (round 77)
    if (tracker.active_loop_name is None and intent.get("name") == BULKY_INTENT
            and (intent.get("confidence") or 0) < SURE_INTENT and reading.category
            and reading.location is not None and reading.location.streets
            and not (reading.question or is_question(message.text or ""))
            and not _tells_own_things(message.text or "")):
        # "bank en matras bij de glasbak bij de jumbo op de stationsweg" (round r139 of
        # session 50): left in the street, not a pickup asked for
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and reading.location is not None and not reading.danger
            and intent.get("name") in REPORT_INTENTS + UNSURE_INTENTS + (BULKY_INTENT,)
            and _tells_a_problem_then_asks(message.text or "")):
        # "Iemand heeft een bank gedumpt op de hoek … Trouwens, hoe laat ik zelf grofvuil
        # ophalen?": the report, with the question answered beside it (round 77)
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and intent.get("name") == "greeting"
            and (intent.get("confidence") or 0) < SURE_INTENT and not reading.danger
            and reading.question and is_question(message.text or "")):
        return AS_QUESTION_ACTION  # "hoi, waar kan ik asbest kwijt?": the question, not a hello
    if (tracker.active_loop_name is None and intent.get("name") in ("affirm", "deny")
            and (intent.get("confidence") or 0) < SURE_INTENT and not _bot_asked(tracker)
            and not reading.danger and reading.answer is None and reading.question
            and is_question(message.text or "") and _names_its_subject(message.text or "")):
        # "wat is de bbz voor zelfstandigen precies?" as a yes at 0.42 (round r268 of session
        # 63: "Waar kan ik u mee helpen?"): nothing was asked, so it is the question
        return AS_QUESTION_ACTION
    if _a_remark_after_an_answer(tracker, message, reading, intent, last_turn):
        return ANYTHING_ELSE  # "zo. dat had je ook meteen kunnen zeggen" is no report (r72)
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and not reading.danger and not reading.report_question
            and is_question(message.text or "") and not tells_something_wrong(message.text or "")
            and not _tells_a_problem(message.text or "")
            and (reading.category is None and reading.question
                 or SUBMIT_ACTION in last_turn and reading.location is None)):
        # "papier wanneer bij ons? dorpsstraat 14" tells nothing wrong; "wordt die boom dan
        # gekapt?" right after the tiles its roots lift were filed (rounds r267 and r268 of
        # session 63: "Ik noteer: Dorpsstraat 14", "Waar is het?"): questions, answered
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and reading.question and not reading.danger
            and intent.get("name") in REPORT_INTENTS
            and asks_to_put_something(message.text or "")):
        # "mn container zit vol. kan ik mn zak gewoon naast de container zetten" asks whether
        # it may, no report (round r223 of session 57: "Ik noteer: Molenweg, naast de container")
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and reading.question and not reading.danger
            and intent.get("name") in REPORT_INTENTS
            and _a_report_beside_a_question(message, reading, None)):
        # "the street lamp on Stationsweg has been flickering … also quick question, when is
        # the green bin collected?" (round r58: only the calendar was answered)
        return START_REPORT_ACTION
    if (reading.question and intent.get("name") in REPORT_INTENTS + UNSURE_INTENTS
            and reading.danger != "hazard"  # "btw there were used needles in the sandbox"
            and f"utter_answer_{reading.question}" in (answers or ())
            and not (reading.category and not is_question(message.text or "")
                     and not _calendar_asked(reading, message.text or "")
                     and reading.question != "street_wish")  # "graag een extra prullenbak"
            and not (asked in ANSWER_SLOTS and (reading.answer is not None or reading.email
                                                 or reading.phone))):
        # not "… ik kan er met mijn rolstoel niet langs" (a report), nor "ja ok verstuur
        # maar. en de pmd ophaaldag?" at the summary (the yes, the question beside it)
        return QUESTION_ACTION
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and not reading.category and not reading.danger
            and (inside_the_home(message.text or "")  # also told without a question mark
                 or reading.question and a_stray_alive(message.text or ""))):
        # "schimmel in mijn badkamer, de huisbaas doet niks", "al een week een zwerfkat in
        # mijn tuin, mag ik die houden?" (round r130 of session 49: "Waar is het?")
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and not reading.danger and (asks_for_a_container(message.text or "")
                                        or asks_which_bin(message.text or ""))):
        return AS_QUESTION_ACTION  # "een extra groene container aanvragen": requested online
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and not reading.danger and (reading.no_report and is_question(message.text or "")
                                        or asks_in_so_many_words(message.text or ""))):
        # "hij is niet kapot, ik wil alleen weten of die mee moet", "ja maar mijn vraag was of
        # snoeiafval in de gft bak mag"
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and not reading.danger and _last_response(tracker) == ASK_QUESTION_RESPONSE
            and (is_question(message.text or "")
                 or len((message.text or "").split()) <= SUBJECT_ONLY_WORDS)
            and not tells_something_wrong(message.text or "")):
        return AS_QUESTION_ACTION  # "wegwerkzaamheden" right after "Wat wilt u weten?"
    if (tracker.active_loop_name is None and intent.get("name") in REPORT_INTENTS
            and reading.danger in (None, "hazard") and not reading.urgent
            # not "… liggen injectienaalden!! wat moet ik doen" (round r100: no answer)
            and not (reading.danger and asks_about_acting(message.text or ""))
            and (asks_about_the_service(message.text or "")
                                        or announces_a_question(message.text or ""))
            # not "ik wou iets melden. aan het kruispunt … is er een put in de baan … kan da
            # gemaakt worden?" (round r269 of session 63: the lost ID card)
            and not (_REPORT_HERE.search(message.text or "") and reading.category)):
        return AS_QUESTION_ACTION  # "hoe vaak wordt het gras gemaaid?": a question, no report
    if (tracker.active_loop_name is None and not asked and not reading.danger
            and intent.get("name") in PRODUCT_WORDS
            and (intent.get("confidence") or 0) < SURE_INTENT
            and not _names_the_product(intent.get("name"), message.text or "")
            and not set(last_turn) & set(CONTEXT_ACTIONS)):
        # a product the model only guessed and the words do not name ("ratten in de tuin …
        # braakliggende terrein" as bulky waste): a problem told is reported, else searched
        return START_REPORT_ACTION if reading.category and (
            not reading.question or _names_a_place(reading)) else AS_QUESTION_ACTION
    if ((reading.question or intent.get("name") == FALLBACK_INTENT)
            and intent.get("name") in UNSURE_INTENTS and not asked and not reading.danger
            and _names_its_subject(message.text or "")
            # not "de schommel is kapot … Trouwens, tot hoe laat is het gemeentehuis open?":
            # the report, with the question answered beside it (round 88)
            and not (reading.category and (tells_something_wrong(message.text or "")
                                           or reading.report_question
                                           and _tells_a_problem(message.text or "")))):
        # (nor "… berg vuilniszakken, er zitten ratten bij. Wanneer wordt dat opgeruimd?":
        # a question about the handling of what is told, round 96)
        # a question the model could not place: the knowledge base ("wanneer zijn de
        # werkzaamheden op de molenweg nou eindelijk klaar?")
        return AS_QUESTION_ACTION
    rest = _YES_OR_NO_FIRST.sub("", message.text or "", count=1)
    if (tracker.active_loop_name is None and intent.get("name") in ("deny", "affirm")
            and rest != (message.text or "") and not reading.danger and _names_its_subject(rest)):
        # "nee geen klacht. ik wil gewoon weten hoeveel spullen …"; after an answer, about it:
        # "no not lost. i never have one. … is it cost money?" (round r150 of session 51)
        return FOLLOW_UP_ACTION if set(last_turn) & set(CONTEXT_ACTIONS) else AS_QUESTION_ACTION
    name = intent.get("name")
    if (tracker.active_loop_name is None and name in PRODUCT_WORDS and reading.category
            and reading.location is not None and reading.location.streets
            and not PRODUCT_WORDS[name].search(message.text or "")):
        return START_REPORT_ACTION  # "die troep achter de kerk opruimen" is no parking permit
    if (tracker.active_loop_name is None and name == COMPLAINT_INTENT and reading.category
            and not _has_case_number(message) and not _ABOUT_STAFF.search(message.text or "")
            and (not is_question(message.text or "") or _WHERE_TO_REPORT.search(
                message.text or "") or _HERE_IN_THE_CHAT.search(message.text or ""))
            and not asks_about_an_earlier_report(message.text or "")):
        # "klacht over geluid van het café": a nuisance told; "I want to file a complaint
        # about fireworks noise. Is that possible in this chat?" (round r70 of session 40)
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and name == STATUS_INTENT
            and (reading.category or reading.problems) and reading.location
            and reading.danger != "emergency"
            and not _has_case_number(message) and (
                tells_a_new_problem(message.text or "")
                or tells_a_new_problem_beside(message.text or ""))):
        # a letter about a raised tile read as a status question; a new problem beside an
        # earlier report: the new one is made, the earlier one comes with it
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and name == BULKY_INTENT
            and (says_not_collected(message.text or "") or says_dumped(message.text or ""))):
        return START_REPORT_ACTION  # "ons grofvuil is niet opgehaald", "een bank gedumpt"
    if tracker.active_loop_name is None and name not in REPORT_INTENTS + KEEP_INTENTS and (
            reading.danger == "hazard"
            or name in UNSURE_INTENTS + (ANSWER_INTENT,) and not reading.question
            and (reading.category or _names_a_place(reading))):
        return START_REPORT_ACTION  # the words name a problem in public space
    if (tracker.active_loop_name is None and name == QUESTION_INTENT and reading.category
            and reading.location is not None and not reading.question
            and not is_question(message.text or "")
            and tells_something_wrong(message.text or "")):
        # "hoek schoolstraat/molenweg staat een verkeersbord heel scheef. daar lopen elke
        # ochtend kinderen langs" read as a question (session 52): "Daar heb ik geen antwoord op"
        return START_REPORT_ACTION
    if (tracker.active_loop_name is None and not reading.danger and not reading.category
            and name in REPORT_INTENTS and reading.question and reading.location is None
            and before in (None, "action_listen", "action_session_start")
            and not _has_case_number(message) and is_question(message.text or "")
            and not tells_something_wrong(message.text or "")):
        # "waar moeten de luiers van de baby in?" as the opening (round r89 of session 43):
        # nothing is wrong and nowhere is named, so no report
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and name in REPORT_INTENTS and not reading.danger
            and not (reading.location and reading.location.streets)
            and is_question(message.text or "") and _ASKS_PERMISSION.search(message.text or "")
            and not tells_something_wrong(message.text or "")):
        return AS_QUESTION_ACTION  # "do I need a skip permit for a container …?"
    if (tracker.active_loop_name is None and name == "goodbye" and not reading.danger
            and (intent.get("confidence") or 0.0) < SURE_INTENT
            and not _a_farewell(message.text or "", reading)
            and (tells_something_wrong(message.text or "") or reading.category)):
        return UNCLEAR_ACTION  # "die was vol" as a goodbye (own try, session 44): asked back
    if (tracker.active_loop_name is None and name in REPORT_INTENTS and not reading.danger
            and reading.location is None and is_question(message.text or "")
            and _NEIGHBOURS_GREEN.search(message.text or "")):
        # "de buren hebben een boom die over ons dak hangt, mogen jullie die snoeien?" (own
        # try, session 46: a report form): a tree in a garden is no report for the street
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name is None and name == "opening_hours" and not reading.danger
            and (intent.get("confidence") or 0.0) < SURE_INTENT
            and not _ABOUT_HOURS.search(message.text or "")):
        # "mijn buurman zet steeds zijn kliko op mijn stoep …" as opening hours at 0.46 (own
        # try, session 46: the opening hours)
        return AS_QUESTION_ACTION
    if (tracker.active_loop_name == REPORT_FORM and tracker.get_slot("requested_slot")
            == "report_location" and reading.answers_where_all_the_same(message.text or "", name)):
        return REPORT_FORM  # the form takes it (ValidateReportForm.extract_report_location)
    return None


def _a_farewell(text: str, reading: Reading) -> bool:
    """The words say goodbye or thanks, whatever the model heard."""
    return (reading.thanks or is_thanks_or_goodbye(text) or is_only_a_farewell(text)
            or is_only_an_ok(text))


ASK_BACK_LOOP = "action_two_stage_fallback"
DEACTIVATE_LOOP = "action_deactivate_loop"


def _after_the_latest_message(tracker: DialogueStateTracker) -> bool:
    """Only the loop was ended since the resident's latest message."""
    since = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted):
            since.append(event.action_name)
    return since == [DEACTIVATE_LOOP]


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class ReadingPolicy(Policy):
    """Lets the message reader decide first: danger (112), another language, a question
    phrased like a report, a message left for a colleague, a report the model did not
    recognise but whose words name a problem or a hazard. Then it waits for the resident
    (or, after starting a report, runs the report form).

    Its predictions are marked as not depending on the user's intent, so they also win
    over a form that is active (Rasa lets such predictions overrule all others).
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"priority": 7}

    def train(self, training_trackers: Any, domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[dict] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        if tracker.events and isinstance(tracker.events[-1], ActionExecutionRejected):
            # the form found no answer in the words: the rules and TED say what follows,
            # rather than this policy's route again (which Rasa zeroes, leaving a silence)
            return self._prediction(self._default_predictions(domain))
        if tracker.latest_action_name in READING_ACTIONS:
            action: Optional[str] = "action_listen"
        elif tracker.latest_action_name == START_REPORT_ACTION and not tracker.active_loop_name:
            action = REPORT_FORM
        elif tracker.latest_action_name == SUBMIT_ACTION and _another_problem_beside_the_yes(
                tracker):
            action = START_REPORT_ACTION  # "ja. en m'n container is ook niet geleegd"
        elif (tracker.latest_action_name == IN_REPORT_QUESTION_ACTION
              and tracker.active_loop_name == REPORT_FORM):
            action = REPORT_FORM  # the report's question again, after the answer
        elif tracker.latest_action_name == REPORT_QUESTION_ACTION:
            action = REPORT_FORM if tracker.active_loop_name == REPORT_FORM else "action_listen"
        elif (tracker.latest_action_name == CONTACT_HUMAN_ACTION
              and not tracker.active_loop_name):
            action = "action_listen"  # also when the reading route ran it (a colleague offer)
        elif (tracker.latest_action_name == OPENING_HOURS_ACTION
              and not tracker.active_loop_name):
            action = ANYTHING_ELSE  # as the rules do, also when the reading route ran it
        elif tracker.latest_action_name == STATUS_ACTION and not tracker.active_loop_name:
            action = "action_listen"  # also when the reading route ran it ("nee" = no number)
        elif (tracker.latest_action_name == STOP_ACTION
              and leaves_the_chat(tracker.latest_message.text or "")):
            action = "action_listen"  # "Nou ik ga maar. Dag": no "anything else?" after it
        elif (tracker.latest_action_name == STOP_ACTION and not tracker.active_loop_name
              and (tracker.latest_message.intent or {}).get("name") not in ("stop", "opt_out")):
            action = ANYTHING_ELSE  # as after a stop the model heard, not a fallback
        elif tracker.latest_action_name == "action_listen":
            action = reading_route(tracker, domain.responses)
            if action and tracker.active_loop_name == ASK_BACK_LOOP and action != ASK_BACK_LOOP:
                # the ask-back loop ends first, its own route follows: left active, it took the
                # next clear message as the answer and reverted it without end (round r151
                # of session 51: the resident got no reply)
                action = DEACTIVATE_LOOP
        elif (tracker.latest_action_name == DEACTIVATE_LOOP
              and tracker.events and _after_the_latest_message(tracker)):
            action = reading_route(tracker, domain.responses)
        else:
            action = None
        probabilities = self._default_predictions(domain)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)
