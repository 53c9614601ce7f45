"""A B1 readability check for knowledge articles: warnings, never a block.

Three checks on an answer text:

- sentences longer than `MAX_SENTENCE_WORDS` words (B1 advice: 15, at most 20);
- long words: more than `MAX_SYLLABLES` syllables (Dutch vowel groups) or at least
  `LONG_WORD` letters (long compounds), unless residents use the word themselves;
- rare words: words residents probably do not know.

Word frequencies: when the `wordfreq` package is installed its Dutch frequencies are used
(a Zipf frequency of `ZIPF_KNOWN` or more is a known word). It is not a dependency of this
project, so without it the list is derived from the repository: the words residents write
in the NLU training data (data/nlu/*.yml: every word there is known), the words of the
knowledge base (knowledge/*.yml: known when used in `KB_KNOWN_ARTICLES` or more articles)
and a small built-in list of the most common Dutch words (`COMMON_WORDS`). Unknown words
shorter than `RARE_MIN_LETTERS` letters are not flagged (mostly everyday words); official
words B1 advice replaces (`OFFICIAL_WORDS`: indien, middels, leges …) always are. A compound of
two known words ("afvalpas" = afval + pas) counts as known. This is a rough measure: it
warns about words to look at again, it does not decide.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional

import yaml

from bot.knowledge import KNOWLEDGE_DIR
from bot.knowledge.articles import ArticleError, load_folder
from bot.settings import ROOT

MAX_SENTENCE_WORDS = 18   # warn above this (B1: 15 or fewer is best, 20 the most)
MAX_SYLLABLES = 4         # warn for words with more syllables ...
LONG_WORD = 16            # ... or this many letters or more
KB_KNOWN_ARTICLES = 2     # a knowledge-base word used in this many articles is known
ZIPF_KNOWN = 3.0          # with wordfreq: Zipf frequency of a known Dutch word
PART_MIN = 3              # shortest part of a compound
NLU_DIR = ROOT / "data" / "nlu"

# The most common Dutch words (function words, everyday verbs and nouns), so a short text
# is not full of "rare" words when the repository's texts lack them.
COMMON_WORDS = frozenset("""
aan aanvraag aanvragen achter adres af afspraak al alle alleen allemaal als altijd ander
andere anders antwoord april augustus auto avond beetje begin beginnen behalve bekijk
bekijken bel bellen ben bent betaal betalen beter bij binnen blijf blijft blijven boven
brief brieven buiten dag dagen dan dank dat de december deel den denk denken der des deze
die dienst dit doe doen doet door dus echt een eerst eerste eigen eind elk elke en er
even februari formulier gaan gaat geef geeft geen geld geven gemeente gemeentehuis gewoon
goed graag groot grote haal halen hand hebben heeft heel help helpen hem het hier hij hoe
hoeveel hoog huis huur hun ieder iemand iets ik in informatie is ja jaar jaren januari je
juli juni kan keer kind kinderen kijk kijken klaar klein kleine komen komt kort kosten
kost krijg krijgen krijgt kunnen kunt laat laten later leeftijd lees lezen lang lange
liefst lijst maak maakt maand maanden maar maart maken mag mail makkelijk me mee meer
meestal mei melding melden men mensen met mij mijn minder misschien moet moeten mogelijk
mogen morgen na naam naar nadat namelijk natuurlijk nee niet niets nieuw nieuwe nodig nog
nooit november nu nummer of oktober om onder ons ook op open over pas per persoon
plaats precies probleem rond schrijf september snel soms staan staat stad straat stuur
sturen te tegen telefoon terug thuis tijd toch tot tussen twee u uit uur uw van vanaf
veel ver vier voor vooraf vraag vragen vrij waar wachten wanneer want wat week weken wel
welke werk werkdag werkdagen werken wie wij wil willen wilt wonen woning woont word
wordt worden zal ze zelf zeggen zes zich zien zij zijn zo zonder zou zoals zien
drie vijf tien honderd euro gratis online website link internet digid papier pasfoto
school werk ziek zorg hulp buurt wijk tuin straat water vuil afval bak container
sommige sommigen groente fruit metaal glas plastic kleding meubels koffie thee eten
drinken apparaat apparaten machine fiets fietsen bus trein weg wegen boom bomen dier
dieren hond honden kat vader moeder ouder ouders baby vriend familie buren buurman
buurvrouw kamer keuken deur raam dak muur vloer tafel stoel bed kast lamp licht
invullen opsturen ophalen aanmelden afmelden inschrijven uitschrijven opzeggen
betaling rekening bank bedrag prijs goedkoop duur korting vergunning paspoort rijbewijs
verhuizen verhuizing trouwen geboorte overlijden begrafenis school werkloos uitkering
schuld schulden inkomen belasting belastingen boete parkeren parkeerplaats evenement
feest markt sport vereniging subsidie afspraak loket balie wachttijd spreekuur
""".split())

# Official words that B1 advice replaces ("indien" -> "als"): always a warning.
OFFICIAL_WORDS = frozenset("""
alsmede alvorens betreffende conform derhalve dienen dient doch echter hetgeen indien
inzake krachtens leges middels nadien omtrent onverwijld reeds teneinde ten terzake
tevens thans trachten uiterlijk verstrekken voornoemd welke woonachtig zulks
""".split()) - {"ten", "welke", "uiterlijk"}
RARE_MIN_LETTERS = 7      # shorter unknown words are mostly everyday words: not flagged
# Separable prefixes: "terugsturen" is known when "sturen" is.
PREFIXES = ("terug", "door", "over", "voor", "mee", "aan", "uit", "weg", "toe", "bij",
            "op", "af", "in", "na", "om", "ver", "be", "ge", "her", "ont")

_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:[-'][A-Za-zÀ-ÿ]+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_VOWELS = re.compile(r"[aeiouyàáâäèéêìíîòóôùúû]+")
_DIAERESIS = re.compile(r"[ëïöü]")
_FOLD = str.maketrans("àáâäèéêëìíîïòóôöùúûü", "aaaaeeeeiiiioooouuuu")


@dataclass(frozen=True)
class Finding:
    """One readability warning: what (`kind`), where (`fragment`) and a B1 tip."""

    kind: str          # "sentence" | "long_word" | "rare_word"
    fragment: str
    message: str


def syllables(word: str) -> int:
    """Dutch syllables, roughly: groups of vowels; a diaeresis starts a new one."""
    word = word.lower()
    return len(_VOWELS.findall(_DIAERESIS.sub(" a", word))) or 1


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD)


def _words(text: str) -> List[str]:
    return _WORD.findall(_URL.sub(" ", text or ""))


def _nlu_examples(folder: Path) -> List[str]:
    texts: List[str] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        for item in data.get("nlu") or []:
            examples = item.get("examples") if isinstance(item, dict) else None
            if isinstance(examples, str):
                texts.extend(re.sub(r"\]\([^)]*\)|\]\{[^}]*\}|\[", "", line.lstrip("- "))
                             for line in examples.splitlines())
    return texts


def _knowledge_texts(folder: Path) -> List[str]:
    """One text per article (title, questions, answer); none when the folder is invalid."""
    try:
        articles = load_folder(folder)
    except ArticleError:
        return []
    return [" ".join([a.title, " ".join(a.questions), a.answer]) for a in articles]


@lru_cache(maxsize=4)
def known_words(knowledge_dir: Path = KNOWLEDGE_DIR, nlu_dir: Path = NLU_DIR
                ) -> FrozenSet[str]:
    """The words this check treats as known (derived from the repository, see above)."""
    known = set(COMMON_WORDS)
    for text in _nlu_examples(Path(nlu_dir)):
        known.update(_fold(w) for w in _words(text))
    in_articles: Counter = Counter()
    for text in _knowledge_texts(Path(knowledge_dir)):
        in_articles.update({_fold(w) for w in _words(text)})
    known.update(w for w, n in in_articles.items() if n >= KB_KNOWN_ARTICLES)
    return frozenset(known)


def _wordfreq():
    try:
        import wordfreq   # optional: not a dependency of this project
    except ImportError:
        return None
    return wordfreq


class Checker:
    """The readability check with one list of known words."""

    def __init__(self, known: Optional[FrozenSet[str]] = None) -> None:
        self._known = known if known is not None else known_words()
        self._wordfreq = _wordfreq()
        self._cache: Dict[str, bool] = {}

    def _is_known_word(self, word: str) -> bool:
        if word in self._known or len(word) < RARE_MIN_LETTERS:
            return True
        if any(word.startswith(p) and word[len(p):] in self._known for p in PREFIXES):
            return True
        if self._wordfreq is not None:
            return self._wordfreq.zipf_frequency(word, "nl") >= ZIPF_KNOWN
        # Inflected forms: "aanvragen" / "aanvraag", "kosten" / "kost".
        return any(word.endswith(s) and word[: -len(s)] in self._known
                   for s in ("en", "s", "e", "n", "t", "d"))

    def is_known(self, word: str) -> bool:
        """A known word, or a compound of two known words."""
        word = _fold(word)
        if word not in self._cache:
            found = self._is_known_word(word)
            if not found and "-" in word:
                found = all(self.is_known(part) for part in word.split("-") if part)
            if not found:
                found = any(
                    self._is_known_word(word[:i]) or self._is_known_word(word[:i].rstrip("s"))
                    for i in range(PART_MIN, len(word) - PART_MIN + 1)
                    if self._is_known_word(word[i:]) and len(word[:i]) > PART_MIN)
            self._cache[word] = found
        return self._cache[word]

    def check(self, text: str) -> List[Finding]:
        """Warnings for `text` (an answer), in the order of the text; each word once."""
        findings: List[Finding] = []
        seen = set()
        for sentence in _SENTENCE.split(text or ""):
            words = _words(sentence)
            if len(words) > MAX_SENTENCE_WORDS:
                start = " ".join(sentence.split()[:8])
                findings.append(Finding(
                    "sentence", start + " …",
                    f"Deze zin heeft {len(words)} woorden. Maak er twee zinnen van: "
                    f"liefst 15 woorden of minder, niet meer dan {MAX_SENTENCE_WORDS}."))
            for number, word in enumerate(words):
                key = _fold(word)
                if key in seen:
                    continue
                seen.add(key)
                # A capital inside a sentence is a name (Lindendal, DigiD): not checked.
                if number and word[:1].isupper():
                    continue
                if key in OFFICIAL_WORDS:
                    findings.append(Finding(
                        "rare_word", word,
                        f"'{word}' is ambtelijke taal. Kies een gewoon woord."))
                    continue
                long = syllables(word) > MAX_SYLLABLES or len(word) >= LONG_WORD
                used_by_residents = key in self._known
                if long and not used_by_residents:
                    findings.append(Finding(
                        "long_word", word,
                        f"'{word}' is een lang woord. Kan het korter, of in meer woorden?"))
                elif not self.is_known(word):
                    findings.append(Finding(
                        "rare_word", word,
                        f"'{word}' kennen veel inwoners misschien niet. Kies een gewoner "
                        f"woord of leg het uit."))
        return findings


@lru_cache(maxsize=1)
def _default_checker() -> Checker:
    return Checker()


def check(text: str) -> List[Finding]:
    """Readability warnings for an answer (see the module's docstring)."""
    return _default_checker().check(text)


def check_article(answer: str, answer_sms: Optional[str] = None,
                  title: str = "") -> List[Finding]:
    """Warnings for an article's texts: the answer, and the SMS answer when it has one."""
    findings = check(answer)
    if answer_sms:
        seen = {(f.kind, f.fragment) for f in findings}
        findings += [f for f in check(answer_sms) if (f.kind, f.fragment) not in seen]
    return findings
