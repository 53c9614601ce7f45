"""Which language a resident writes in, for the languages the bot may meet.

Uses lingua, restricted to LANGUAGES and built once (lazily, under a lock). Names, e-mail
addresses, links, postcodes, numbers and street names say nothing about the language and are
removed first. A Latin-script text needs at least three words and a clear winner; a text in
another script (Arabic, Cyrillic, Chinese) is read even when it is one word, because the
script alone already rules Dutch out.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Dict, Optional, Tuple

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from bot.reading.description import DOCUMENT_WORDS
from bot.reading.streets import STREET_ENDINGS_WIDE

logger = logging.getLogger(__name__)

# The languages the bot reads and answers in.
SPOKEN_LANGUAGES: Tuple[str, ...] = ("nl", "en")
LANGUAGES: Tuple[str, ...] = ("nl", "en", "tr", "ar", "pl", "de", "fr", "es", "pt", "uk", "ru",
                              "ro", "so", "fa", "it", "bg", "zh")
MIN_LATIN_WORDS = 3
MIN_CONFIDENCE = 0.5
# Dutch is the bot's language: another Latin-script language wins only when Dutch is
# unlikely ("nee dank u" gives Somali 0.50 and Dutch 0.27; real English gives Dutch < 0.2).
DUTCH_DOUBT = 0.25
# Languages written in each non-Latin script, the most likely one first (used when the
# detector gives none of them any confidence).
SCRIPT_LANGUAGES: Dict[str, Tuple[str, ...]] = {
    "arabic": ("ar", "fa"),
    "cyrillic": ("ru", "uk", "bg"),
    "han": ("zh",),
}

_SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF\u0500-\u052F]"),
    "han": re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]"),
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
}
_NOISE = (
    re.compile(r"\S+@\S+"),                                    # e-mail addresses
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE),      # links
    re.compile(r"\b[1-9][0-9]{3}\s?[a-zA-Z]{2}\b"),            # Dutch postcodes
    # street names, paths and bridges ("Where = Jaagpad, after the Molenbrug", round r267)
    re.compile(rf"\b\w{{2,}}(?:{STREET_ENDINGS_WIDE}|brug|park)\b", re.IGNORECASE),
    re.compile(r"[\d+()\-/.:,]*\d[\d+()\-/.:,]*"),             # numbers, phone numbers, dates
)
# The Dutch names of things an English resident meets in letters and on the website: an
# English message that uses them is still English ("what is the afvalstoffenheffing part?"
# was read as Dutch: round r151 of session 51).
_DUTCH_TERMS = re.compile(
    r"\b(?:afvalstoffenheffing|rioolheffing|onroerendezaakbelasting|ozb|woz\w*|digid|bsn|"
    r"burgerservicenummer|gemeente\w*|afvalpas|kliko\w*|milieustraat|grofvuil|\w*toeslag|"
    r"bijstand\w*|uitkering|wmo|aanslag\w*|bezwaar\w*|\w*vergunning|uittreksel|brp|rni|gft|"
    r"pmd|restafval|huisarts\w*|kwijtschelding|leges|afspraak|loket)\b", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*")

_lock = threading.Lock()
_detector: Optional[LanguageDetector] = None


def detect_language(text: str) -> Optional[str]:
    """The ISO 639-1 code of the text's language when it is clear, else None."""
    cleaned = strip_noise(text or "")
    script = main_script(cleaned)
    if script is None:
        return None
    if script != "latin":
        return _script_language(cleaned, SCRIPT_LANGUAGES[script])
    found = _latin_language(cleaned)
    if found != "en" and _english_by_small_words(cleaned) and _DUTCH_TERMS.search(cleaned):
        return _latin_language(" ".join(_DUTCH_TERMS.sub(" ", cleaned).split())) or found
    return found


def strip_noise(text: str) -> str:
    """The text without e-mail addresses, links, postcodes, street names and numbers."""
    for pattern in _NOISE:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def main_script(text: str) -> Optional[str]:
    """The script most letters of the text are written in, or None without letters."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else None


def warm_up() -> None:
    """Build the detector now (a few seconds) instead of on the first message."""
    _get_detector()


# Short English the detector is unsure of ("my bin was not emptied"): its small words tell.
_ENGLISH_ONLY = frozenset("the my we want to get was not how do you your can please what "
                          "where when with have has there this that i i'm it's our they "
                          "would could should am are been it after about near behind next "
                          "speak at on and from its".split())
_DUTCH_ONLY = frozenset("de het een ik je jij niet van op met voor dat die wat hoe waar "
                        "wanneer mijn onze zijn er ook nog maar naar bij aan graag u".split())
MIN_ENGLISH_WORDS = 2
SURE_ENGLISH_WORDS = 4  # this many English small words and no Dutch one: English, whatever
SURE_OTHER = 0.8  # below this, a third language with English close behind is English
ENGLISH_DOUBT = 0.2


def _english_by_small_words(text: str, least: int = MIN_ENGLISH_WORDS) -> bool:
    words = {word.lower() for word in _LATIN_WORD.findall(text)}
    return len(words & _ENGLISH_ONLY) >= least and not words & _DUTCH_ONLY


# A message in another language with this many Dutch small words is read as Dutch.
MIN_DUTCH_WORDS = 4


def _dutch_by_small_words(text: str) -> bool:
    words = {word.lower() for word in _LATIN_WORD.findall(text)}
    return len(words & _DUTCH_ONLY) >= MIN_DUTCH_WORDS


def _latin_language(text: str) -> Optional[str]:
    if len(_LATIN_WORD.findall(text)) < MIN_LATIN_WORDS:
        return None
    confidences = _confidences(text)
    if not confidences:
        return None
    if confidences[0][0] == "en" and _english_by_small_words(text):
        return "en"
    if _english_by_small_words(text, SURE_ENGLISH_WORDS):
        return "en"  # "I am moving to Lindendal from Amsterdam, how do I …": the names read Dutch
    code, confidence = confidences[0]
    if confidence < MIN_CONFIDENCE:
        return None
    if code not in ("nl", "en") and confidence < SURE_OTHER and dict(confidences).get(
            "en", 0.0) >= ENGLISH_DOUBT:
        return "en"  # "noise nuisance report": English words the detector took for French
    if code != "nl" and dict(confidences).get("nl", 0.0) >= DUTCH_DOUBT:
        return None
    if code not in ("nl", "en") and _dutch_by_small_words(text):
        return None  # "dzien dobry, ik ben mijn paszport verloren … wat moet ik doen?" (r72)
    return code


def _script_language(text: str, candidates: Tuple[str, ...]) -> str:
    """The candidate of the script the detector likes best; the script's first if none."""
    for code, confidence in _confidences(text):
        if code in candidates and confidence > 0:
            return code
    return candidates[0]


def _confidences(text: str) -> Tuple[Tuple[str, float], ...]:
    """(code, confidence) for each language, most likely first."""
    values = _get_detector().compute_language_confidence_values(text)
    return tuple((value.language.iso_code_639_1.name.lower(), value.value) for value in values)


def _get_detector() -> LanguageDetector:
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = _build_detector()
    return _detector


def _build_detector() -> LanguageDetector:
    # High accuracy (the default) costs about 430 MB and 3 s to load for these languages;
    # low-accuracy mode takes 45 MB but read many short Dutch messages as German or Polish
    # and short English ones as French.
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                 for code in LANGUAGES]
    logger.info("Loading language models for %s languages", len(languages))
    return (LanguageDetectorBuilder.from_languages(*languages)
            .with_preloaded_language_models()
            .build())


# "Hilfe!", "Pomocy, mój syn …", "İmdat": a cry for help in any language puts 112 first.
# The word "help" inside a request ("belediye yardım edebilir mi?", "potrzebuję pomocy z
# podatkami") is no cry: it counts first in the message, with "!", or as a cry of its own.
_HELP_WORD = (r"(?:help|hilfe|pomocy|pomoc|yard[ıi]m|au secours|socorro|ayuda|aiuto|ajuda|hjälp|"
              r"hjelp|apua|помогите|помощь|допоможіть|допомога|مساعدة)")
# An ambulance, the police, fire or blood named in the languages residents write most:
# "ambulans lazım", "potrzebna karetka", "Feuer!", "كسر وينزف".
_EMERGENCY_WORD = (r"\b(?:ambulans\w*|ambulance|ambulanz|krankenwagen|notarzt|karetk\w*|"
                   r"pogotowi\w*|yang[ıi]n|po[żz]ar\w*|feuer|"
                   r"kan[ıi]yor|krwawi\w*|blutet|bleed\w*|112)\b|إسعاف|شرطة|حريق|ينزف|"
                   r"скорая|скорую|пожар|полици\w*|кровь|кровоточ\w*")
_CRY = re.compile(rf"^\W*{_HELP_WORD}(?!\w)|(?<!\w){_HELP_WORD}\s*!|\bimdat\b|النجدة|ساعدوني|!!"
                  rf"|{_EMERGENCY_WORD}", re.IGNORECASE)


# The police named: a cry, unless the message is about a lost document ("mój syn zgubił
# dowód osobisty … czy muszę zgłosić to na policję?", round r70 of session 40).
_POLICE_WORD = re.compile(r"\b(?:polis\w*|policj\w*|polizei|police)\b|شرطة|полици\w*",
                          re.IGNORECASE)
_DOCUMENT = re.compile(rf"\b{DOCUMENT_WORDS}\b", re.IGNORECASE)


def cries_for_help(text: str) -> bool:
    """Whether a message in any language calls for help ("Hilfe! Ein Kind …")."""
    text = text or ""
    return bool(_CRY.search(text)) or bool(_POLICE_WORD.search(text)
                                           and not _DOCUMENT.search(text))
