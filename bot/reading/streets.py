"""The municipality's street register: exact and fuzzy look-up of street names.

A resident's spelling ("kerkstr", "KERKSTRAAT", "molen weg", "Stationstraat") is mapped to
the register's spelling. A close but uncertain name is returned with a lower score, so the
dialogue can ask "did you mean ...?" instead of guessing. Names of a different street type
(Kerkstraat / Kerkweg) are never taken for each other.

The installation's streets are the municipality's street list written by `make import-streets`
(a BAG/PDOK export, `STREETS_FILE`) when there is one, else the profile's short list. Reading
stays offline: the live register (PDOK) is asked only when a report is filed.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Mapping, Optional, Sequence, Tuple

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

logger = logging.getLogger(__name__)

# At or above this score (0..100) a name of the same street type is taken as that street.
ACCEPT_SCORE = 90.0
# From this score up a name is offered as a suggestion only.
SUGGEST_SCORE = 80.0

# What a street name ends in, longest first so "plantsoen" wins over a shorter ending.
STREET_TYPES: Tuple[str, ...] = tuple(sorted((
    "straat", "laan", "weg", "plein", "gracht", "kade", "dijk", "singel", "dreef", "steeg",
    "allee", "plantsoen", "boulevard", "pad", "hof", "park", "markt", "baan", "wal", "ring",
    "dam", "haven", "veld", "erf", "werf", "brink", "hoeve", "lei", "oord", "kamp", "berg",
    "burg", "horst", "weide", "vaart", "dwarsstraat", "promenade",
), key=len, reverse=True))

# The endings that mark a word in running text as a street name, as regex alternatives:
# the common ones, and with them the endings of ordinary words too ("fietspad", "kerkhof"),
# for where a street is already expected ("ik woon op de ...", "... 12").
STREET_ENDINGS = "straat|weg|laan|plein|dreef|singel|kade|gracht|dijk|steeg"
STREET_ENDINGS_WIDE = STREET_ENDINGS + "|hof|pad"

# Abbreviations residents and registers use, per word ("Burg. de Withln", "St.-Jansstr").
_WORD_ABBREVIATIONS: Dict[str, str] = {
    "burg": "burgemeester", "st": "sint", "dr": "dokter", "prof": "professor",
    "mr": "meester", "pr": "prins", "jhr": "jonkheer", "ds": "dominee", "gen": "generaal",
    "ln": "laan", "pl": "plein",
}
_STR_ABBREVIATION = re.compile(r"str$")
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_WORD_SPLIT = re.compile(r"[\s.\-/]+")


@dataclass(frozen=True)
class StreetMatch:
    """A register street for the resident's words."""

    name: str  # the register's spelling
    score: float  # 0..100
    exact: bool  # equal ignoring case, spaces, accents and abbreviations
    slip: bool = True  # the difference is a typing slip, not another letter

    @property
    def sure(self) -> bool:
        """True when this is the street; False when it is only a suggestion. A letter
        replaced by another is asked about: 'Berkenlaan' may well be a street of its own
        beside the register's 'Beukenlaan'."""
        return self.exact or (self.score >= ACCEPT_SCORE and self.slip)


def strip_accents(text: str) -> str:
    """'Café' -> 'Cafe'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def street_key(words: str) -> str:
    """The comparable form of a street name: 'Burg. de With-ln' -> 'burgemeesterdewithlaan'."""
    parts = words.split()
    return "".join(word_key(part, last=index == len(parts) - 1)
                   for index, part in enumerate(parts))


@lru_cache(maxsize=8192)
def word_key(word: str, last: bool = False) -> str:
    """The key of one word of a street name; the last word may end in 'str' for 'straat'."""
    parts = [part for part in _WORD_SPLIT.split(strip_accents(word).lower()) if part]
    expanded = [_WORD_ABBREVIATIONS.get(part.strip("'’"), part) for part in parts]
    if expanded and last:
        expanded[-1] = _STR_ABBREVIATION.sub("straat", expanded[-1])
    return _NOT_ALPHANUMERIC.sub("", "".join(expanded))


@lru_cache(maxsize=8192)
def street_type(key: str) -> Optional[str]:
    """The street type a key ends in ('kerkstraat' -> 'straat'), with at least two letters
    before it; None for a key without one."""
    for kind in STREET_TYPES:
        if key.endswith(kind) and len(key) - len(kind) >= 2:
            return kind
    return None


@lru_cache(maxsize=8192)
def looks_like_street_type(key: str) -> bool:
    """True when a key ends in a street type, allowing one typo in a type of 5+ letters
    ('kerkstaat', 'dorpstrat')."""
    return street_type(key) is not None or _fuzzy_type(key) is not None


def _fuzzy_type(key: str) -> Optional[str]:
    for kind in STREET_TYPES:
        if len(kind) >= 5 and _ends_in_type(key, kind, max_edits=1):
            return kind
    return None


def _ends_in_type(key: str, kind: str, max_edits: int) -> bool:
    for length in (len(kind) - 1, len(kind), len(kind) + 1):
        if len(key) - length >= 2 and Levenshtein.distance(key[-length:], kind) <= max_edits:
            return True
    return False


def is_typing_slip(typed: str, meant: str) -> bool:
    """True when `typed` differs from `meant` only by letters left out, doubled or added,
    or two neighbouring letters swapped ('kerkstaat', 'kerksrtaat'), not by a letter
    replaced by another ('berkenlaan' for 'beukenlaan')."""
    operations = Levenshtein.editops(typed, meant)
    replaced = [operation.src_pos for operation in operations if operation.tag == "replace"]
    if _linking_letter_only(typed, meant, operations):
        return False  # 'Lindenlaan' beside the register's 'Lindelaan': maybe another street
    if not replaced:
        return True
    return len(operations) == 2 and len(replaced) == 2 and replaced[1] == replaced[0] + 1 \
        and typed[replaced[0]] == meant[replaced[1]] and typed[replaced[1]] == meant[replaced[0]]


def _linking_letter_only(typed: str, meant: str, operations: list) -> bool:
    """The typed name has an 'n' or 's' more right before the street type ('Lindenlaan' for
    the register's 'Lindelaan'): a common name of its own (round r248 of session 60: it
    silently became 'Lindelaan', four times). One left out is a slip ('Dorpstraat')."""
    if len(operations) != 1 or operations[0].tag != "delete":
        return False
    position = operations[0].src_pos
    kind = street_type(meant) or ""
    return typed[position] in "ns" and bool(kind) and typed[position + 1:] == kind


def _same_type(key: str, register_key: str) -> bool:
    """False when the words name another street type than the register street."""
    kind = street_type(register_key)
    if kind is None or key.endswith(kind):
        return True
    own = street_type(key)
    if own is not None and not kind.endswith(own) and not own.endswith(kind):
        return False
    return len(kind) >= 4 and _ends_in_type(key, kind, max_edits=1)


def title_case(name: str) -> str:
    """A resident's street name written as a name: 'burgemeester de withlaan' ->
    'Burgemeester de Withlaan', 'sint-janstraat' -> 'Sint-Janstraat'."""
    connectors = {"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "op", "aan",
                  "in", "'s"}
    words = name.split()
    titled = []
    for index, word in enumerate(words):
        if index and word.lower() in connectors:
            titled.append(word.lower())
        else:
            titled.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(titled)


def _capitalise(part: str) -> str:
    if part.lower() in {"'s", "'t"}:
        return part.lower()
    return part[:1].upper() + part[1:].lower()


class StreetRegister:
    """The municipality's streets with a point on each, looked up by a resident's words."""

    def __init__(self, streets: Mapping[str, Sequence[float]], place: str,
                 centre: Sequence[float]) -> None:
        self.names: Tuple[str, ...] = tuple(streets)
        self.place = place
        self.place_key = street_key(place)
        self.centre: Tuple[float, float] = (float(centre[0]), float(centre[1]))
        self._points: Dict[str, Tuple[float, float]] = {
            name: (float(point[0]), float(point[1])) for name, point in streets.items()}
        self._by_key: Dict[str, str] = {street_key(name): name for name in self.names}
        self._keys: Tuple[str, ...] = tuple(self._by_key)
        self.first_words = frozenset(
            street_key(name.split()[0]) for name in self.names if len(name.split()) > 1)

    @classmethod
    def from_profile(cls) -> "StreetRegister":
        """The register of this installation, built once: the street list of
        `make import-streets` (STREETS_FILE) when present, else bot/profile.yml's streets."""
        return _profile_register()

    def point(self, name: str) -> Optional[Tuple[float, float]]:
        """(lat, lon) of a register street, by any spelling that matches it exactly."""
        register_name = self._by_key.get(street_key(name))
        return self._points.get(register_name) if register_name else None

    def exact(self, words: str) -> Optional[str]:
        """The register name these words spell, ignoring case, spaces and abbreviations."""
        return self._by_key.get(street_key(words))

    def name_for_key(self, key: str) -> Optional[str]:
        """The register name with this `street_key`."""
        return self._by_key.get(key)

    def find(self, words: str) -> Optional[StreetMatch]:
        """The best register street for these words; None when no street is close enough."""
        key = street_key(words)
        if len(key) < 3:
            return None
        if key in self._by_key:
            return StreetMatch(self._by_key[key], 100.0, True)
        lead_stripped = _without_lead_words(words)
        if lead_stripped != words:
            stripped = self.find(lead_stripped)
            if stripped is not None:
                return stripped
        return self.closest(key)

    def closest(self, key: str) -> Optional[StreetMatch]:
        """The closest register street to a `street_key`, exact or not; None below
        SUGGEST_SCORE."""
        if key in self._by_key:
            return StreetMatch(self._by_key[key], 100.0, True)
        best: Optional[StreetMatch] = None
        for register_key, score, _ in process.extract(
                key, self._keys, scorer=fuzz.ratio, limit=4, score_cutoff=SUGGEST_SCORE):
            if not _same_type(key, register_key):
                score = min(score, ACCEPT_SCORE - 1)
            # A resident rarely misspells the first letter: without it, no suggestion.
            if score < ACCEPT_SCORE and key[0] != register_key[0]:
                continue
            if best is None or score > best.score:
                best = StreetMatch(self._by_key[register_key], round(score, 1), False,
                                   is_typing_slip(key, register_key))
        return best


_LEAD_WORDS = {"in", "op", "aan", "bij", "naar", "langs", "de", "het", "'t", "een"}


def _without_lead_words(words: str) -> str:
    parts = words.split()
    while len(parts) > 1 and parts[0].lower() in _LEAD_WORDS:
        parts = parts[1:]
    return " ".join(parts)


@lru_cache(maxsize=1)
def _profile_register() -> StreetRegister:
    """The imported street list (`make import-streets`) when there is one, else the
    profile's short list."""
    from bot.profile import profile
    from bot.settings import STREETS_FILE

    current = profile()
    location = current.location
    municipality = location.gemeentenaam or current.short_name
    streets = imported_streets(STREETS_FILE, municipality) or location.streets
    return StreetRegister(streets, location.place, location.centre)


def imported_streets(path: Path, municipality: str) -> Optional[Dict[str, Tuple[float, float]]]:
    """Street -> (lat, lon) from a street list written by `make import-streets`; None when
    the file is absent, unreadable or of another municipality (logged)."""
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        streets = {str(name): (float(point[0]), float(point[1]))
                   for name, point in data["streets"].items()}
        written_for = str(data.get("municipality", ""))
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError,
            IndexError) as error:
        logger.warning("Street list %s not used: %s", path, error)
        return None
    if written_for.lower() != municipality.lower():
        logger.warning("Street list %s is of %s, not %s: not used", path, written_for,
                       municipality)
        return None
    return streets or None
