"""What is wrong, in the resident's words: a clean description and the problems it names.

`clean_description` keeps the facts for the field crew and drops greetings, sign-offs,
chat noise, preambles and personal data. `category_of` reads the report category from
keywords (compounds and typos included); `split_problems` tells one problem described
in several sentences from a message that names two different problems.

Choices: litter and dumping ("zwerfafval", "gedumpt") are public space, not waste
collection; a street bin ("prullenbak vol") is waste collection; tree roots lifting the
pavement are pavement. Two problems of the same category stay one report.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterator, List, Optional, Tuple

from rapidfuzz.distance import OSA

from bot.reading.privacy import scrub

PAVEMENT = "report_pavement_road"
WASTE = "report_waste_collection"
LIGHTING = "report_street_lighting"
OTHER = "report_public_space_other"
CATEGORIES = (PAVEMENT, WASTE, LIGHTING, OTHER)
STRONG = 1.0
WEAK = 0.5  # a place rather than a problem ("op de stoep"), or a vague word ("paal")

# --- keywords --------------------------------------------------------------------------
# Single words; a word also matches as the head or start of a compound ("stoeptegels",
# "containerpas") and, from 7 letters on, with a typo.
_WORDS: Dict[str, Dict[str, float]] = {
    PAVEMENT: {
        "tegel": STRONG, "stoeptegel": STRONG, "klinker": STRONG, "kassei": STRONG,
        "bestrating": STRONG, "asfalt": STRONG, "wegdek": STRONG, "kuil": STRONG,
        "gat": STRONG, "gaten": STRONG, "gaatje": STRONG, "drempel": STRONG,
        "putdeksel": STRONG, "stoeprand": STRONG, "verzakt": STRONG, "verzakking": STRONG,
        "opgebroken": STRONG, "hobbel": STRONG, "losliggend": STRONG, "wortel": STRONG,
        "boomwortel": STRONG, "scheur": STRONG, "pothole": STRONG, "pavement": WEAK,
        "stoep": WEAK, "trottoir": WEAK, "voetpad": WEAK, "fietspad": WEAK, "weg": WEAK,
        "rijbaan": WEAK, "stenen": WEAK, "steen": WEAK, "sidewalk": WEAK, "road": WEAK,
        "los": WEAK, "losse": WEAK, "wegmarkering": STRONG, "stoepen": WEAK,
    },
    WASTE: {
        "container": STRONG, "kliko": STRONG, "klikko": STRONG, "minicontainer": STRONG,
        "vuilnis": STRONG, "vuilnisbak": STRONG, "vuilbak": STRONG, "prullenbak": STRONG,
        "afvalbak": STRONG, "glasbak": STRONG, "papierbak": STRONG, "afval": STRONG,
        "restafval": STRONG, "huisvuil": STRONG, "gft": STRONG, "pmd": STRONG,
        "vuilniszak": STRONG, "vuilzak": STRONG, "afvalzak": STRONG, "grofvuil": STRONG,
        "vuilniswagen": STRONG, "vuilnisman": STRONG, "vuilnismannen": STRONG,
        "ophaaldag": STRONG, "geleegd": STRONG, "geledigd": STRONG, "opgehaald": STRONG,
        "bin": STRONG, "bins": STRONG, "garbage": STRONG, "trash": STRONG, "rubbish": STRONG,
        "bak": WEAK, "bakken": WEAK,
    },
    LIGHTING: {
        "lantaarnpaal": STRONG, "lantaarnpalen": STRONG, "lantaarn": STRONG,
        "lantaren": STRONG, "lantarenpaal": STRONG, "straatlamp": STRONG, "lamp": STRONG,
        "lampen": STRONG, "lampje": STRONG, "verlichting": STRONG, "lichtmast": STRONG,
        "lichtpunt": STRONG, "straatlicht": STRONG, "streetlight": STRONG,
        "knippert": STRONG, "knipperen": STRONG, "knipperend": STRONG, "flikkert": STRONG,
        "flikkeren": STRONG, "light": WEAK, "licht": WEAK, "paal": WEAK, "donker": WEAK,
    },
    OTHER: {
        "boom": STRONG, "bomen": STRONG, "tak": STRONG, "takken": STRONG, "graffiti": STRONG,
        "bankje": STRONG, "zitbank": STRONG, "speeltuin": STRONG, "speeltoestel": STRONG,
        "schommel": STRONG, "glijbaan": STRONG, "hondenpoep": STRONG, "poep": STRONG,
        "hondenstront": STRONG, "overlast": WEAK, "onkruid": STRONG, "riool": STRONG,
        "rioolput": STRONG, "kolk": STRONG, "verstopt": STRONG, "verstopping": STRONG,
        "dumping": STRONG, "gedumpt": STRONG, "zwerfafval": STRONG, "zwerfvuil": STRONG,
        "rommel": STRONG, "troep": STRONG, "rotzooi": STRONG, "wateroverlast": STRONG,
        "ratten": WEAK, "rat": WEAK, "ongedierte": WEAK, "kadaver": STRONG,
        "fietswrak": STRONG, "weesfiets": STRONG, "vandalisme": STRONG, "vernield": STRONG,
        "bord": STRONG, "verkeersbord": STRONG, "paaltje": STRONG, "hek": STRONG,
        "struik": STRONG, "struiken": STRONG, "heg": STRONG, "gras": STRONG,
        "bladeren": STRONG, "omgewaaid": STRONG, "omgevallen": STRONG, "gladheid": STRONG,
        "litter": STRONG,
        "tree": STRONG, "branch": STRONG, "bench": STRONG, "playground": STRONG,
        "sewer": STRONG, "blocked": STRONG, "dumped": STRONG, "wesp": STRONG,
        "wespennest": STRONG, "eikenprocessierups": STRONG, "afvalwater": STRONG,
    },
}
# Phrases, matched on the normalised text.
_PHRASES: Dict[str, Dict[str, float]] = {
    PAVEMENT: {
        r"lig(?:t|gen)\s+(?:\w+\s+){0,3}?(?:los|open|scheef|omhoog)": STRONG,
        r"put\s+in\s+(?:de|het)\s+(?:weg|straat|baan|voetpad|stoep)": STRONG,
        r"gat\s+in": STRONG, r"(?:hole|crack)s?\s+in\s+the\s+(?:road|pavement|street)": STRONG,
        r"loose\s+(?:tile|paving)": STRONG,
    },
    WASTE: {
        r"niet\s+(?:\w+\s+){0,2}(?:geleegd|geledigd|opgehaald|leeggemaakt)": STRONG,
        r"(?:grijze|groene|blauwe|oranje|gele)\s+(?:bak|container|kliko)": STRONG,
        r"not\s+(?:been\s+)?(?:collected|emptied)": STRONG,
    },
    LIGHTING: {
        r"brand(?:t|en)\s+(?:\w+\s+)?(?:niet|overdag|de\s+hele\s+dag|continu|dag\s+en\s+nacht)":
            STRONG,
        r"niet\s+(?:meer\s+)?(?:brandt|branden|aan\s+gaat|aangaat|werkt)": STRONG,
        r"(?:licht|lamp)\s+(?:is\s+|gaat\s+|blijft\s+)?uit": STRONG, r"geen\s+licht": STRONG,
        r"(?:aarde|stik|pik)donker": STRONG, r"light\s+(?:is\s+)?(?:out|off|broken)": STRONG,
    },
    OTHER: {
        r"water\s+op\s+(?:straat|de\s+weg)": STRONG, r"blijft\s+water\s+staan": STRONG,
        r"illega(?:al|le)\s+(?:afval|gestort|dump)": STRONG, r"hangt\s+over": STRONG,
        r"dog\s+(?:poo|poop|mess)": STRONG, r"fly[\s-]?tipping": STRONG,
        r"dode?\s+(?:kat|hond|vogel|duif|rat|egel|dier|vos|meeuw|konijn|eend)": STRONG,
    },
}
_PHRASE_PATTERNS = [(category, re.compile(rf"\b(?:{pattern})\b"), weight)
                    for category, phrases in _PHRASES.items()
                    for pattern, weight in phrases.items()]
_KEYWORDS: List[Tuple[str, str, float]] = sorted(
    ((word, category, weight) for category, words in _WORDS.items()
     for word, weight in words.items()),
    key=lambda item: -len(item[0]))
_INFLECTIONS = ("", "s", "en", "n", "e", "je", "jes", "tje", "tjes", "'s")
_NOT_KEYWORDS = frozenset({"tegelijk", "tegelijkertijd", "wegens", "weggegooid", "gatenkaas",
                           "lampion", "losgeld", "bakker", "bakkerij", "gratis", "lossen",
                           "weggehaald", "wegwezen", "boomgaard", "hekel", "bordje"})


def _inflected_forms() -> Dict[str, Tuple[str, float]]:
    """Every keyword with every ending, for the common case of an exact word (longest wins)."""
    forms: Dict[str, Tuple[str, float]] = {}
    for word, category, weight in reversed(_KEYWORDS):
        forms.update({word + ending: (category, weight) for ending in _INFLECTIONS})
    return forms


_FORMS = _inflected_forms()
_FLEMISH_AND_SHORT = {"ni": "niet", "nie": "niet", "'t": "het", "t": "het", "da": "dat",
                      "nt": "niet"}


def _normalise(text: str) -> str:
    """Lower case, no accents, Flemish and chat spellings written out."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"'t|[\w']+|[^\w\s]", text)
    return " ".join(_FLEMISH_AND_SHORT.get(word, word) for word in words)


def _matches(token: str, keyword: str) -> bool:
    """The keyword as the word, an inflection, or the head or start of a compound."""
    for ending in _INFLECTIONS:
        form = keyword + ending
        if token == form or (len(token) - len(form) >= 3 and token.endswith(form)):
            return True
    return len(keyword) >= 5 and token.startswith(keyword) and len(token) > len(keyword) + 2


def _typo_of(token: str, keyword: str) -> bool:
    if len(keyword) < 7 or abs(len(token) - len(keyword)) > 1:
        return False
    allowed = 2 if len(keyword) >= 10 else 1
    return OSA.distance(token, keyword, score_cutoff=allowed) <= allowed


@lru_cache(maxsize=8192)
def _keyword_of(token: str) -> Optional[Tuple[str, float]]:
    """The category and weight of the longest keyword the token is (a form of)."""
    if token in _NOT_KEYWORDS:
        return None
    if token in _FORMS:
        return _FORMS[token]
    for word, category, weight in _KEYWORDS:
        if _matches(token, word):
            return category, weight
    for word, category, weight in _KEYWORDS:
        if _typo_of(token, word):
            return category, weight
    return None


def _scores(text: str) -> Dict[str, float]:
    normalised = _normalise(text)
    scores: Dict[str, float] = defaultdict(float)
    for token in re.findall(r"[a-z][a-z']*", normalised):
        found = _keyword_of(token)
        if found:
            scores[found[0]] += found[1]
    for category, pattern, weight in _PHRASE_PATTERNS:
        scores[category] += weight * len(pattern.findall(normalised))
    return {category: score for category, score in scores.items() if score > 0}


def _best(scores: Dict[str, float]) -> Optional[str]:
    """The category with the highest score; None when there is none or a tie."""
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def category_of(text: str) -> Optional[str]:
    """The report category the keywords point to; None when unclear.

    Read from the clean description, so "via deze weg" or a sign-off "Van Dijk" count for
    nothing."""
    return _best(_scores(clean_description(text) or text or ""))


# --- the clean description -------------------------------------------------------------
# Sign-offs: everything from them on goes. The short ones only count after a full stop
# or comma ("… los. Groetjes, Anja"), not inside a sentence ("de groeten van mijn buurman").
_SIGN_OFF = re.compile(
    r"(?:(?:^|(?<=[\s.,!?;:]))(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme|zonnige)\s+"
    r"groet(?:en|jes)?|m\.?v\.?g\.?|alvast\s+(?:hartelijk\s+)?(?:bedankt|dank)|"
    r"bij\s+voorbaat\s+(?:hartelijk\s+)?dank|(?:kind|best)\s+regards|thanks\s+in\s+advance)"
    r"|(?:^|(?<=[.,!?;:]))\s*(?:groetjes|groeten|gr\.|vr\.?\s*gr\.?|regards|liefs))\b.*$",
    re.IGNORECASE | re.DOTALL)
_GREETING = re.compile(
    r"^(?:(?:beste|geachte|lieve|dear)\b[^,.!?:;\n]{0,40}[,.!?:;\n]"
    r"|(?:beste|geachte|dear)\s+(?:heer|mevrouw|meneer|dames\s+en\s+heren|gemeente|"
    r"medewerker|allen|mensen|team|sir|madam)(?:\s*(?:/|of|en|or)\s*(?:mevrouw|heer|meneer|"
    r"madam))?(?:\s+[A-Z][\w-]+)?"
    r"|(?:(?:goede?|goeie?)n?(?:morgen|middag|avond|dag)|hallo|hoi|hey|hee|hi|hello|hai|"
    r"moi|moin|yo)\b|dag(?=\s*(?:[,.!:;]|$|gemeente|allemaal|mevrouw|meneer)))"
    r"(?:\s+(?:daar|allemaal|allen|gemeente(?:\s+(?-i:[A-Z])[\w-]+)?|there|all|team))*"
    r"[\s,.!:;-]*",
    re.IGNORECASE)
_NOISE = re.compile(
    r"^(?:(?:ja|jaa|jawel|nee|neen|oke|oké|okee|ok|okay|ehm|eh|uhm|uh|hmm+|sorry|o\s+ja|oja|"
    r"oh|en|maar)\b[\s,.!:;-]*|(?:nou|zo|dus|even|nogmaals)\s*[,.!:;-]+\s*)",
    re.IGNORECASE)
_FILL = r"(?:\s+(?:graag|even|eens|nog|hierbij|bij\s+deze|u|jullie|bij\s+u|bij\s+jullie|er|wel|"
_FILL += r"ook|gewoon|eventjes|snel|iets|wat))*"
_ABOUT = r"(?:\s+(?:over|van|betreffende|omtrent|aangaande|m\.?b\.?t\.?|voor|om))?"
_BY_THIS = r"(?:(?:(?:via|langs)\s+deze\s+weg|bij\s+deze|hierbij|graag)\s+)?"
_PREAMBLES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"^{_BY_THIS}(?:ik\s+|'k\s+)?(?:wil|wilde|zou|wou|kom|ga|moet)(?:\s+ik)?{_FILL}"
    rf"(?:\s+(?:willen|graag))?\s+(?:een\s+)?(?:melding|klacht|probleem)\s+"
    rf"(?:doen|maken|indienen|plaatsen|doorgeven|melden){_ABOUT}\s*(?:[:,.-]|dat\b)?",
    rf"^{_BY_THIS}(?:ik\s+|'k\s+)?(?:wil|wilde|zou|wou)(?:\s+ik)?{_FILL}(?:\s+(?:willen|graag))?"
    r"\s+(?:melden|laten\s+weten|doorgeven|mededelen|aangeven|zeggen|erop\s+wijzen|"
    r"erop\s+attenderen|opmerken|vermelden|rapporteren)\s*(?:dat\b|[:,.-])?",
    rf"^(?:hierbij|bij\s+deze|graag)\s+(?:meld|wil|wil\s+ik|meld\s+ik|maak|doe)(?:\s+ik)?{_FILL}"
    rf"(?:\s+(?:een\s+)?(?:melding(?:\s+van)?|melden|laten\s+weten))?{_ABOUT}\s*(?:dat\b|[:,.-])?",
    rf"^(?:ik\s+)?(?:heb|hebben)\s+(?:een\s+)?(?:melding|klacht|probleem|vraag){_ABOUT}"
    r"\s*[:,.-]",
    r"^(?:ik\s+)?meld\s+(?:hierbij\s+|bij\s+deze\s+|u\s+|jullie\s+)?(?:dat\b)?",
    r"^(?:melding|klacht|probleem|onderwerp)\s*[:-]",
    r"^(?:i\s+)?(?:would\s+like|want|wanted|'d\s+like|wish)\s+to\s+(?:report|let\s+you\s+know|"
    r"mention|tell\s+you)\s*(?:that\b|:)?",
))
_THANKS_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]))\s*(?:(?:alvast|bij\s+voorbaat)\s+)?(?:hartelijk\s+)?(?:bedankt|dank\s+"
    r"(?:u|je|jullie)(?:\s+wel)?|dankjewel|dankuwel|thanks|thank\s+you|merci|thx)\b[^.!?]*"
    r"[.!?]*\s*$",
    re.IGNORECASE)
_HAS_WORD = re.compile(r"[^\W_]")


def _lines_as_sentences(text: str) -> str:
    """Line breaks end sentences: 'Goedemorgen\\nDe lamp…' → 'Goedemorgen. De lamp…'."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    ended = [line if line[-1] in ".!?,:;" else line + "." for line in lines[:-1]]
    return " ".join(ended + lines[-1:])


def _strip_openers(text: str) -> str:
    """Greetings, chat noise and preambles at the start, in any order, repeatedly."""
    while True:
        before = text
        for pattern in (_GREETING, _NOISE, *_PREAMBLES):
            text = pattern.sub("", text, count=1).lstrip(" ,.;:!-")
        if text == before:
            return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def clean_description(text: str) -> str:
    """The description for the field crew: facts only, no personal data; "" when none."""
    text = _lines_as_sentences(text or "")
    text = _SIGN_OFF.sub("", text)
    text, _ = scrub(text)
    text = _strip_openers(text)
    text = _THANKS_SENTENCE.sub("", text)
    text = " ".join(text.split()).strip(" ,;:-")
    return _capitalise(text) if _HAS_WORD.search(text) else ""


# --- one problem or more ---------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|,?\s+(?=(?:en|and)\s+(?:ook|verder|daarnaast|bovendien|dan|nog|also)\b)"
    r"|,\s+(?=(?:ook|verder|daarnaast|bovendien|tevens|plus|also)\b)"
    r"|,?\s+(?=(?:en|maar|and|but)\s)"
    r"|,\s+",
    re.IGNORECASE)
# Only the joining words go: "Ook ligt er …" keeps its "Ook" (without it, it reads as a question).
_CONNECTOR = re.compile(r"^(?:(?:en|and|maar|but|o\s+ja|oja|oh)\b[\s,]*)+", re.IGNORECASE)
_ADDITIVE_START = re.compile(r"^(?:en\s+)?(?:ook|verder|daarnaast|bovendien|tevens|also|"
                             r"furthermore|besides|en\s+er)\b", re.IGNORECASE)
_VERBS = frozenset("""
is zijn was waren ligt liggen lag lagen staat staan stond brandt branden knippert
knipperen flikkert hangt hangen zit zitten doet doen werkt werken wordt worden werd heeft
hebben had groeit groeien lekt stinkt stinken loopt lopen kan kunnen moet moeten mag zou
gaat gaan komt komen blijft blijven steekt puilt valt vallen viel ontbreekt mist ontbreken
are has have does doesnt isnt arent needs need smells
""".split())
_PARTICIPLE = re.compile(r"^(?:\w{0,5})ge\w{2,}(?:d|t|en)$")


@dataclass(frozen=True)
class Problem:
    """One problem a message names: its category and the words about it."""

    category: str
    text: str


@dataclass
class _Clause:
    start: int
    end: int
    scores: Dict[str, float]
    additive: bool


def _has_verb(text: str) -> bool:
    words = re.findall(r"[a-z']+", _normalise(text))
    return any(word in _VERBS or _PARTICIPLE.match(word) for word in words)


def _clause_spans(sentence: str, offset: int) -> Iterator[Tuple[int, int]]:
    """Clauses of a sentence; a break before 'en' needs a verb on the right-hand side."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        right = sentence[match.end():]
        next_break = _CLAUSE_BREAK.search(right)
        right_clause = right[:next_break.start()] if next_break else right
        left = sentence[start:match.start()]
        if len(left.split()) < 2 or not _has_verb(right_clause):
            continue
        yield offset + start, offset + match.start()
        start = match.end()
    yield offset + start, offset + len(sentence)


def _clauses(text: str) -> List[_Clause]:
    clauses, position = [], 0
    for sentence in _SENTENCE_END.split(text):
        offset = text.index(sentence, position)
        position = offset + len(sentence)
        for start, end in _clause_spans(sentence, offset):
            piece = text[start:end]
            if _HAS_WORD.search(piece):
                clauses.append(_Clause(start, end, _scores(piece),
                                       bool(_ADDITIVE_START.match(piece.strip()))))
    return clauses


def _strong_category(scores: Dict[str, float]) -> Optional[str]:
    best = _best(scores)
    return best if best and scores[best] >= STRONG else None


def _starts_new_problem(group: Dict[str, float], clause: _Clause) -> bool:
    """A clause starts a new problem when it clearly names a category the group lacks."""
    category = _strong_category(clause.scores)
    if category is None or not group:
        return False
    if group.get(category, 0) >= STRONG:
        return False
    return any(score >= STRONG for score in group.values()) or clause.additive


def _group_clauses(clauses: List[_Clause]) -> List[List[_Clause]]:
    groups: List[List[_Clause]] = []
    totals: List[Dict[str, float]] = []
    for clause in clauses:
        if groups and not _starts_new_problem(totals[-1], clause):
            groups[-1].append(clause)
        else:
            groups.append([clause])
            totals.append(defaultdict(float))
        for category, score in clause.scores.items():
            totals[-1][category] += score
    return groups


def _first_named(text: str, scores: Dict[str, float]) -> str:
    """For a tie: the category whose keyword comes first in the text."""
    for token in re.findall(r"[a-z][a-z']*", _normalise(text)):
        found = _keyword_of(token)
        if found and found[0] in scores:
            return found[0]
    return max(scores, key=lambda category: scores[category])


def _category_of_group(text: str) -> str:
    scores = _scores(text)
    if not scores:
        return OTHER
    return _best(scores) or _first_named(text, scores)


def _problem_text(text: str, group: List[_Clause]) -> str:
    piece = text[group[0].start:group[-1].end]
    piece = _CONNECTOR.sub("", piece.strip()).strip(" ,;:-")
    return _capitalise(piece)


def _joined(first: str, second: str) -> str:
    return first + ("" if first.endswith((".", "!", "?")) else ".") + " " + second


def split_problems(text: str) -> List[Problem]:
    """One entry per distinct problem in the message; [] when it describes nothing."""
    description = clean_description(text)
    if not description:
        return []
    clauses = _clauses(description)
    problems: List[Problem] = []
    for group in _group_clauses(clauses):
        piece = _problem_text(description, group)
        if not piece:
            continue
        category = _category_of_group(piece)
        same = next((i for i, p in enumerate(problems) if p.category == category), None)
        if same is None:
            problems.append(Problem(category, piece))
        else:  # the same problem again, further on: one report
            problems[same] = Problem(category, _joined(problems[same].text, piece))
    return problems or [Problem(_category_of_group(description), description)]
