"""Small text helpers shared by the NLU component and the actions (no Rasa imports)."""
from __future__ import annotations

import re
from typing import Iterable, List, Optional, Tuple

_WORD_CHARACTER = re.compile(r"\w")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: Optional[str]) -> List[str]:
    """The sentences of a text, split after . ! or ? (empty parts left out)."""
    return [part for part in _SENTENCE_END.split(text or "") if part]


def first_sentence(text: Optional[str]) -> Tuple[str, str]:
    """The first sentence of a text and the rest after it ("" when there is none)."""
    first, *rest = _SENTENCE_END.split((text or "").strip(), maxsplit=1)
    return first, rest[0] if rest else ""


def without_words(text: str, words: Iterable[Optional[str]]) -> str:
    """The text with each of these words or phrases (whole, any case) replaced by a space."""
    for word in words:
        if word:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def capitalised(text: str) -> str:
    """The text with its first letter upper case ("losse tegel" → "Losse tegel")."""
    return text[:1].upper() + text[1:]


def has_words(text: Optional[str]) -> bool:
    """True when the text has at least one letter or digit, in any script."""
    return bool(_WORD_CHARACTER.search(text or ""))


# Voice-to-text writes the punctuation it was told: "er ligt een tegel los komma ik ben
# gevallen punt". Only read as punctuation when the message shows it was dictated.
_SPOKEN = {"komma": ",", "punt": ".", "vraagteken": "?", "uitroepteken": "!",
           "dubbele punt": ":", "nieuwe regel": ".", "comma": ",", "full stop": ".",
           "period": ".", "question mark": "?", "new line": "."}
_SPOKEN_WORD = re.compile(r"(\w*)(\s*)\b(" + "|".join(sorted(_SPOKEN, key=len, reverse=True))
                          + r")\b", re.IGNORECASE)
# "de punt van de stoeprand", "op dit punt": after a determiner it is a word.
_DETERMINERS = frozenset("de het een dit dat die geen elk ieder".split())
_DICTATED = re.compile(r"\b(?:komma|vraagteken|uitroepteken|nieuwe regel|comma|full stop|"
                       r"question mark|new line)\b|\bpunt\W*$", re.IGNORECASE)


def undictated(text: str) -> str:
    """Spoken punctuation as punctuation, when the text was dictated; else unchanged."""
    if not _DICTATED.search(text):
        return text
    def punctuation(found: re.Match) -> str:
        before, space, word = found.groups()
        if before.lower() in _DETERMINERS:
            return found.group()
        return before + _SPOKEN[word.lower()]

    return _SPOKEN_WORD.sub(punctuation, text).strip()


# Names written one way whatever the resident typed: shops, services, abbreviations.
KNOWN_FORMS = {word.lower(): word for word in """
GFT PMD AH NS OV LED WC AED KPN ANWB BSN RET GVB HTM GGD HEMA Jumbo Lidl Aldi Albert Heijn
Kruidvat Blokker Gamma Praxis Karwei Etos Dirk Vomar Coop
""".split()}
_A_KNOWN_FORM = re.compile(r"\b(?:" + "|".join(KNOWN_FORMS) + r")\b", re.IGNORECASE)


def with_known_forms(text: str) -> str:
    """"naast de jumbo" → "naast de Jumbo"."""
    return _A_KNOWN_FORM.sub(lambda found: KNOWN_FORMS[found.group().lower()], text)


# --- word order: what a resident said after "... dat" -----------------------------------
_PRONOUNS = {"er", "hij", "ie", "zij", "ze", "iemand", "men", "iets", "niemand", "ik", "wij",
             "we"}
_PRONOUNS_OR_DETERMINERS = {"het", "'t", "dit", "dat", "die"}
_DETERMINERS = {"de", "het", "een", "die", "deze", "dat", "dit", "mijn", "m'n", "mn", "onze",
                "ons", "zijn", "haar", "hun", "'t", "uw", "al", "alle", "twee", "drie"}
# Words that may follow a short subject without being part of it.
_AFTER_SUBJECT = {"ook", "al", "heel", "erg", "zo", "nu", "nog", "niet", "wel", "echt",
                  "best", "van", "bij", "op", "in", "aan", "naast", "voor", "achter", "sinds",
                  "steeds", "bijna", "ongeveer", "zeker", "daar", "hier", "er", "gisteren",
                  "vandaag", "vaak", "soms", "dan", "weer", "alweer", "helemaal", "kapot",
                  "los", "vol", "stuk", "om", "tegen", "langs", "onder", "boven", "midden",
                  "nie", "ni", "nooit", "meer"}
_SINGULAR_VERBS = {"is", "ligt", "staat", "zit", "hangt", "brandt", "knippert", "was", "heeft",
                   "lekt", "stinkt", "groeit", "wordt", "blijft", "gaat", "doet", "werkt",
                   "kan", "moet", "lag", "stond", "hing", "had", "loopt", "rijdt", "komt",
                   "wil", "zal", "mag"}
_PLURAL_VERBS = {"zijn", "liggen", "staan", "zitten", "hangen", "branden", "waren", "hebben",
                 "worden", "gaan", "doen", "werken", "kunnen", "moeten", "lagen", "stonden",
                 "hingen", "hadden", "lopen", "rijden", "komen", "lekken", "stinken", "groeien",
                 "willen", "zullen", "mogen"}
# The finite verb of a cluster: "er een bordje moet komen" (not "komen").
_MODALS = {"moet", "moeten", "kan", "kunnen", "wil", "willen", "zal", "zullen", "mag", "mogen",
           "gaat", "gaan", "blijft"}
_FINITE_VERBS = _SINGULAR_VERBS | _PLURAL_VERBS
# A participle closing a verb cluster: "gedumpt heeft", "heeft neergezet".
_NON_FINITE = re.compile(r"^\w*ge\w+[dtn]$")


def _follows_subject(word: str) -> bool:
    return word in _AFTER_SUBJECT or word[:1].isdigit()


_OBJECT_PRONOUNS = {"ons", "mij", "me", "hem", "haar", "hun", "jullie", "u"}
_PREPOSITIONS = {"bij", "op", "in", "aan", "voor", "naast", "achter", "tegenover", "langs",
                 "onder", "boven", "van", "nabij", "rond", "om"}


def _finite_at_the_end(words: List[str]) -> Optional[int]:
    """Where the finite verb of a subordinate clause stands: at the end, before a participle,
    or before a place said after it ("… heeft gedumpt bij de kerk")."""
    for at in range(len(words) - 1, 1, -1):
        if words[at].lower() not in _FINITE_VERBS:
            continue
        tail = [word.lower() for word in words[at + 1:]]
        if tail and _NON_FINITE.match(tail[0]):
            tail = tail[1:]
        if at > 2 and words[at - 1].lower() in _MODALS and not tail:
            return at - 1  # "… moet komen": the modal is the finite verb
        return at if not tail or tail[0] in _PREPOSITIONS else None
    return None


def _with_its_place(words: List[str], length: int, verb_at: int) -> int:
    """A subject with the places that belong to it: "de boom bij de school", "de prullenbak
    bij het bankje op het marktplein"."""
    for _ in range(_PLACES_WITH_A_SUBJECT):
        longer = _with_one_place(words, length, verb_at)
        if longer == length:
            break
        length = longer
    return length


_PLACES_WITH_A_SUBJECT = 2


def _with_one_place(words: List[str], length: int, verb_at: int) -> int:
    at = length
    if at >= verb_at or words[at].lower() not in _PREPOSITIONS:
        return length
    at += 1
    if (at + 1 < verb_at and words[at].lower() in _OBJECT_PRONOUNS
            and _follows_subject(words[at + 1].lower())):
        return at + 1  # "de lamp bij ons nie doet"
    if at < verb_at and words[at].lower() in _DETERMINERS | {"nr", "nummer", "huisnummer"}:
        at += 1
    at += 1
    while at < verb_at and words[at][:1].isupper() and words[at - 1][:1].isupper():
        at += 1  # a name of more words: "bij de Albert Heijn"
    if at < verb_at and (words[at][:1].isdigit() or words[at].startswith("(")):
        at += 1  # "voor nr 5", "in het park (Parkweg)"
    return at if at < verb_at else length


def _subject_length(words: List[str], verb: str) -> Optional[int]:
    first, second = words[0].lower(), words[1].lower()
    if first in _PRONOUNS:
        return 1
    if first in _PRONOUNS_OR_DETERMINERS and (
            _follows_subject(second) or first in ("het", "'t", "dit", "dat")
            and (verb in _PLURAL_VERBS or first in ("het", "'t") and second in _DETERMINERS)):
        # "het veel scherven zijn", "het de halve boom is" (round r269 of session 63: "het de
        # halve is boom"): "het" is the subject, not an article
        return 1
    if first not in _DETERMINERS or len(words) < 4:
        return None
    if second.endswith("e") and not _follows_subject(words[2].lower()) and len(words) >= 5:
        return 3  # "de grote boom bij de school omgevallen is"
    return 2


_AND_THAT = re.compile(r"\s*,?\s+en\s+dat\s+", re.IGNORECASE)


def main_clause_order(clause: str) -> str:
    """'de lamp kapot is' → 'de lamp is kapot', 'er een tegel los ligt' → 'er ligt een tegel
    los': the finite verb after a short subject. Anything else stays as it was said. Two
    clauses joined by "en dat" are turned each ("het vuilniszakken zijn en dat het stinkt")."""
    joined = _AND_THAT.split(clause)
    if len(joined) > 1:
        return " en ".join(main_clause_order(part) for part in joined)
    head, comma, tail = clause.partition(", ")
    if tail and main_clause_order(head) != head:  # "het om twee kolken gaat, aan weerszijden"
        return main_clause_order(head) + comma + tail
    words = clause.split()
    if len(words) < 3:
        return clause
    at = _finite_at_the_end(words)
    if at is None:
        return clause
    length = _subject_length(words, words[at].lower())
    if length is None or at <= length or words[length].lower() in ("en", "of"):
        return clause  # "de bank en de tafel kapot zijn": two subjects, left as said
    if length > 1:
        length = _with_its_place(words, length, at)
    order = words[:length] + [words[at]] + words[length:at] + words[at + 1:]
    return " ".join(order)


def subordinate_as_main(text: str) -> str:
    """The first clause of what followed "ik wil melden dat …" in main-clause order."""
    found = re.match(r"[^.!?;,]+", text)
    if found is None:
        return text
    before_and = re.match(r"(.+?)(?=\s+en\s)", found.group())
    if before_and:  # "de glasbak vol zit en er staan dozen naast": the clause before "en"
        turned = main_clause_order(before_and.group(1).strip())
        if turned != before_and.group(1).strip():
            return turned + text[before_and.end():]
    return main_clause_order(found.group().strip()) + text[found.end():]
