"""Personal data in a resident's text, found and scrubbed before anything is kept.

Under the GDPR a report never keeps a name or a BSN. `find_personal_data` points at the
data itself ("Jan de Vries"); `scrub` also removes the words that introduced it
("mijn naam is … en"), so what is left still reads as a sentence. E-mail and phone
patterns come from `bot.reading.answers`, their one home.

Names are found only where the text says it is a name: an introduction ("mijn naam is",
"ik heet", "ik ben Fatima"), a title ("mevrouw De Boer") or a sign-off ("Groetjes,
Anja"). A bare name on a line of its own is not recognised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple

from bot.reading.answers import find_emails, find_phones
from bot.reading.streets import STREET_ENDINGS

KINDS = ("email", "iban", "phone", "bsn", "birth_date", "name")  # overlaps: earlier wins


@dataclass(frozen=True)
class PersonalData:
    """One piece of personal data: its kind and where it stands in the text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class _Finding:
    """Personal data and the stretch to cut for it (with the words that introduced it)."""

    data: PersonalData
    cut_start: int
    cut_end: int


def _framed(text: str, kind: str, start: int, end: int, frame: Optional[re.Pattern]) -> _Finding:
    """A finding whose cut starts at the introducing words right before it, if any."""
    cut_start = start
    if frame is not None:
        window_start = max(0, start - 60)
        match = frame.search(text[window_start:start])
        if match:
            cut_start = window_start + match.start()
    return _Finding(PersonalData(kind, start, end), cut_start, end)


def _frame(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'])(?:{pattern})\s*[:=]?\s*$", re.IGNORECASE)


_MY = r"(?:(?:mijn|m'n|mn|ons|onze)\s+)?"
_EMAIL_FRAME = _frame(
    rf"{_MY}(?:e-?mail(?:-?adres)?|mailadres|mail)(?:\s+is)?"
    r"|(?:mail|e-?mail|stuur|schrijf)\s+(?:(?:me|mij|ons|maar|even|een\s+mail)\s+)*"
    r"(?:op|via|naar)|(?:via|per)\s+(?:de\s+)?(?:e-?)?mail|bereikbaar\s+(?:op|via)")
_PHONE_FRAME = _frame(
    rf"{_MY}(?:(?:mobiele|vaste)\s+)?(?:telefoon(?:nummer)?|tel(?:efoon)?nr\.?|tel\.?|"
    r"nummer|nr\.?|mobiel(?:tje)?|06(?:-?nummer)?|gsm(?:-?nummer)?)(?:\s+is)?"
    r"|(?:bel|sms|app|whatsapp)\s+(?:(?:me|mij|ons|maar|even|gerust)\s+)*"
    r"(?:op|via|naar)?(?:\s+nummer)?|(?:bereikbaar|te\s+bereiken)\s+(?:op|via|onder)"
    r"(?:\s+nummer)?")
_BSN_FRAME = _frame(rf"{_MY}(?:bsn|burgerservicenummer|sofi-?nummer)(?:-?nummer)?(?:\s+is)?")
_IBAN_FRAME = _frame(
    rf"{_MY}(?:iban|(?:bank)?rekening(?:nummer)?|bankrekeningnummer)(?:\s+is)?")


# --- BSN and IBAN ----------------------------------------------------------------------
_NUMBER_9 = re.compile(r"(?<![\w.,+-])\d(?:[ .-]?\d){7,8}(?![\w@]|[.,-]?\d)")


def passes_elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + … + 2*d8 - d9 is divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1)))
    return (total - int(digits[8])) % 11 == 0


def _bsns(text: str) -> Iterator[_Finding]:
    for match in _NUMBER_9.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        finding = _framed(text, "bsn", match.start(), match.end(), _BSN_FRAME)
        has_context = finding.cut_start < finding.data.start
        if len(digits) == 8 and has_context:
            digits = "0" + digits  # an old BSN written without its leading zero
        if passes_elfproef(digits):
            yield finding


_IBAN = re.compile(r"(?<![\w])[a-z]{2}\d{2}[ ]?(?:[a-z0-9]{4}[ ]?){2,7}[a-z0-9]{1,4}?(?![\w])",
                   re.IGNORECASE)
_IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "LU": 20}


def is_valid_iban(value: str) -> bool:
    """Length for the country and the mod-97 check."""
    compact = re.sub(r"\s", "", value).upper()
    if _IBAN_LENGTHS.get(compact[:2], len(compact)) != len(compact) or not 15 <= len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[_Finding]:
    for match in _IBAN.finditer(text):
        value = match.group().rstrip()
        if is_valid_iban(value):
            yield _framed(text, "iban", match.start(), match.start() + len(value), _IBAN_FRAME)


# --- birth dates -----------------------------------------------------------------------
_MONTHS = (r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maa?rt|mrt|march|apr(?:il)?|mei|may|"
           r"jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|o[kc]t(?:ober)?|"
           r"nov(?:ember)?|dec(?:ember)?")
_DATE = (rf"\d{{1,2}}\s?[-/.]\s?\d{{1,2}}\s?[-/.]\s?(?:19|20)?\d{{2}}"
         rf"|\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}"
         rf"|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}|(?:19|20)\d{{2}}")
_BIRTH_DATE = re.compile(
    r"(?<![\w'])(?:(?:(?:ik\s+ben|ben\s+ik|hij\s+is|zij\s+is)\s+)?(?:geboren|geb\.?)"
    r"(?:\s+(?:op|in|de|d\.d\.))?|" + _MY + r"geboorte-?datum(?:\s+is)?|date\s+of\s+birth|"
    r"d\.?o\.?b\.?|born(?:\s+on|\s+in)?)\s*[:=]?\s*"
    rf"(?P<value>{_DATE})(?![\w-])",
    re.IGNORECASE,
)


def _birth_dates(text: str) -> Iterator[_Finding]:
    for match in _BIRTH_DATE.finditer(text):
        data = PersonalData("birth_date", match.start("value"), match.end("value"))
        yield _Finding(data, match.start(), match.end())


def _contacts(text: str) -> Iterator[_Finding]:
    for start, end in find_emails(text):
        yield _framed(text, "email", start, end, _EMAIL_FRAME)
    for start, end in find_phones(text):
        yield _framed(text, "phone", start, end, _PHONE_FRAME)


# --- names -----------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W\d_]\.(?=\s|[^\W\d_]\.|[,;]|$)|[^\W\d_][\w'’-]*|\S")
_INITIAL = re.compile(r"[^\W\d_]\.")
_PARTICLES = frozenset("van de der den het 't ter ten el al la le da di du del "
                       "von zu bin ben ibn abu dos das".split())
_STREET_ENDINGS = tuple(STREET_ENDINGS.split("|")) + ("pad", "markt", "plantsoen", "allee",
                                                      "straatje")
# Words that are never (part of) a name after an introduction: "ik ben boos", "ik ben al
# drie keer", "ik heet u welkom", "mvg de bewoners".
_NOT_NAMES = frozenset("""
ik je jij u hij zij ze we wij jullie men het de een dit dat die deze er hier daar waar
en of maar want dus omdat als dan toen nu nog al ook wel niet geen zo erg heel zeer best
echt even toch al weer alweer eens net pas al bijna ongeveer gewoon helemaal eigenlijk
is ben bent was waren zijn wordt worden heb hebt heeft hebben had kan kun kunt kunnen
wil wilt willen zou zal moet moeten mag woon woont wonen werk werkt gevallen gestruikeld
geweest bezig blij boos kwaad woedend bang moe ziek oud jong klaar benieuwd bezorgd
teleurgesteld ontevreden tevreden verbaasd geschrokken verdrietig radeloos gefrustreerd
geïrriteerd geirriteerd zat beu bewoner bewoonster bewoners eigenaar huurder
buurman buurvrouw buren buurtbewoner moeder vader zoon dochter man vrouw opa oma
mevrouw meneer heer dame dames heren familie fam mr mrs ms dhr mw mevr dokter
gemeente team medewerker medewerkers allen allemaal iedereen mensen
een twee drie vier vijf zes zeven acht negen tien keer maal dagen weken maanden jaar jaren
vandaag gisteren morgen gisteravond vanochtend vanmorgen vanavond vannacht laatst sinds
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
januari februari maart april mei juni juli augustus september oktober november december
in op aan bij met van voor naar over uit door om tot tegen zonder onder boven achter naast
langs tussen vanaf via per
lamp lantaarnpaal lantaarn straatlamp paal tegel tegels stoep stoeptegel gat kuil weg
straat container kliko bak afval vuilnis boom tak graffiti bankje speeltuin riool put
probleem melding klacht vraag bericht reactie hulp info
bedankt dank groet groeten groetjes vriendelijke hartelijke alvast svp aub graag
not a an the very so here from living writing calling angry upset happy sorry tired
resident neighbour neighbor your my is am and
""".split())
_TITLE = re.compile(r"(?<![\w'])(?:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|de\s+heer|mr\.?|mrs\.?|"
                    r"ms\.?|familie|fam\.?|juffrouw|dokter|dr\.?)\s+", re.IGNORECASE)
# "mijn buurman Henk": only the name goes, the neighbour stays in the sentence.
_RELATION = re.compile(r"(?<![\w'])(?:buurman|buurvrouw|buurjongen|buurmeisje|moeder|vader|"
                       r"zoon|dochter|man|vrouw|neighbour|neighbor)\s+(?=[A-Z])")
_TITLE_FRAME = _frame(r"ik\s+ben|dit\s+is|hier\s+is|u\s+spreekt\s+met|je\s+spreekt\s+met|"
                      r"namens|i\s+am|i'm|this\s+is")
_STRONG_INTRO = re.compile(
    rf"(?<![\w']){_MY}(?:volledige\s+)?(?:naam\s+is|naam\s*:)|(?<![\w'])(?:ik\s+heet|"
    r"my\s+name\s+is|(?:u|je)\s+spreekt\s+met|genaamd)\b\s*", re.IGNORECASE)
_WEAK_INTRO = re.compile(r"(?<![\w'])(?:ik\s+ben|i\s+am|i'm|namens)\s+"
                         r"(?:(?:trouwens|overigens|btw|by\s+the\s+way)\s*,?\s+)?", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"(?<![\w'])(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|lieve|warme|zonnige|fijne)\s+"
    r"groet(?:en|jes)?|groet(?:en|jes)?|gr\.?|mvg\.?|m\.v\.g\.?|vr(?:iendelijke)?\.?\s*gr\.?|"
    r"(?:kind|best|warm)\s+regards|regards|cheers|liefs|(?:alvast\s+)?bedankt|"
    r"bij\s+voorbaat\s+dank|dank\s+(?:u|je)\s+wel|thanks)(?![\w'])[\s,:;-]*(?:(?:van|from)\s+)?",
    re.IGNORECASE)
_SIGNED_JUST_BEFORE = re.compile(rf"(?:{_SIGN_OFF.pattern})$", re.IGNORECASE)
_CLAUSE_BOUNDARY = re.compile(r"(?:^|[\n.!?,;:(])\s*$")


def _is_street(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(end) and len(low) > len(end) + 2 for end in _STREET_ENDINGS)


def _is_name_word(token: str, lenient: bool) -> bool:
    low = token.lower().replace("’", "'")
    if low in _NOT_NAMES or _is_street(token) or not token[0].isalpha():
        return False
    return token[0].isupper() or lenient


def _read_name(text: str, pos: int, lenient: bool) -> Optional[Tuple[int, int]]:
    """The span of the name that starts at `pos`, or None.

    Names are capitalised words with particles between them ("Fatima El Amrani", "J. de
    Vries"); `lenient` also accepts lower-case words ("mijn naam is jan de vries").
    """
    start = end = None
    name_words = 0
    last_end = pos
    particle = False
    for token in _TOKEN.finditer(text, pos):
        value, gap = token.group(), text[last_end:token.start()]
        if start is not None and ("\n" in gap or len(gap) > 2):
            break
        low = value.lower()
        if _INITIAL.fullmatch(value) and name_words == 0 and value[0].isupper():
            pass
        elif low in _PARTICLES:
            particle = True
            last_end = token.end()
            start = token.start() if start is None else start
            continue
        elif (_is_name_word(value, lenient) or particle and name_words and value[0].isupper()
              and value.isalpha()) and name_words < 4:
            # "Pieter de Jong": after a particle, a capitalised word is the surname even when
            # it is also a word ("jong", "groot", round 78)
            name_words += 1
            end = token.end()
        else:
            break
        particle = False
        start = token.start() if start is None else start
        last_end = token.end()
    if not name_words or start is None or end is None:
        return None
    return start, end


def _at_text_end(text: str, pos: int) -> bool:
    return not text[pos:].strip(" .!?,;:\n\t")


def _few_words_left(text: str, pos: int, limit: int = 4) -> bool:
    return len(re.findall(r"[^\W\d_][\w'’.-]*", text[pos:])) <= limit


# "Hallo, met Jan." / "Goedemorgen, met mevrouw Bakker": how a call (and a chat) opens;
# "Melding van Karel de Boer, de prullenbak …": how a letter does.
_CALLER_INTRO = re.compile(r"^\W*(?:(?:hallo|hoi|hey|goede?n?(?:morgen|middag|avond|dag)|dag)"
                           r"\W+)?(?:met|(?:melding|bericht|mail|vraag|klacht)\s+van)\s+"
                           r"(?=(?-i:[A-Z])|(?:meneer|mevrouw|mevr|mw|dhr|de heer)\b)",
                           re.IGNORECASE)
# After the caller's name: the end, or a full stop or comma ("Hallo, met Jan. De bak …").
_AFTER_CALLER = re.compile(r"\s*(?:[.,!:;]|$)")


def _names(text: str) -> Iterator[_Finding]:
    for match in [*_STRONG_INTRO.finditer(text), *_CALLER_INTRO.finditer(text)]:
        start = match.end() + len(text[match.end():]) - len(text[match.end():].lstrip())
        title = _TITLE.match(text, start)  # "mijn naam is mevrouw Hendriks-van Dam"
        caller = match.re is _CALLER_INTRO
        span = _read_name(text, title.end() if title else start, lenient=not caller)
        if span and caller and not _AFTER_CALLER.match(text, span[1]):
            continue  # "Met Koningsdag lag er overal afval": no name
        if span:
            yield _Finding(PersonalData("name", *span), match.start(), span[1])
    for match in _WEAK_INTRO.finditer(text):
        span = _read_name(text, match.end(), lenient=False)
        if span:
            yield _Finding(PersonalData("name", *span), match.start(), span[1])
    for match in _TITLE.finditer(text):
        span = _read_name(text, match.end(), lenient=False)
        if span:
            framed = _framed(text, "name", match.start(), span[1], _TITLE_FRAME)
            # "ik ben mevrouw Bos" goes whole; "het huis van de familie De Wit (nummer 31)"
            # keeps "de familie", so the sentence still reads (round r71 of session 41)
            whole = (framed.cut_start < match.start()
                     or _SIGNED_JUST_BEFORE.search(text[:match.start()]))
            cut = framed.cut_start if whole else span[0]
            yield _Finding(PersonalData("name", *span), cut, span[1])
    for match in _RELATION.finditer(text):
        span = _read_name(text, match.end(), lenient=False)
        if span:
            yield _Finding(PersonalData("name", *span), *span)
    yield from _signed_names(text)


def _signed_names(text: str) -> Iterator[_Finding]:
    """'Met vriendelijke groet, J. Jansen', 'groetjes anja' at the end of a message."""
    for match in _SIGN_OFF.finditer(text):
        at_end = _few_words_left(text, match.end())
        span = _read_name(text, match.end(), lenient=at_end)
        if span is None:
            continue
        after_boundary = bool(_CLAUSE_BOUNDARY.search(text[:match.start()]))
        if after_boundary or _at_text_end(text, span[1]):
            yield _Finding(PersonalData("name", *span), match.start(), span[1])


# --- finding and scrubbing -------------------------------------------------------------
def _all_findings(text: str) -> List[_Finding]:
    found = [*_contacts(text), *_ibans(text), *_bsns(text), *_birth_dates(text), *_names(text)]
    found.sort(key=lambda f: (KINDS.index(f.data.kind), f.data.start, -f.data.end))
    kept: List[_Finding] = []
    for finding in found:
        if not any(finding.data.start < k.data.end and k.data.start < finding.data.end
                   for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.data.start)


def find_personal_data(text: str) -> List[PersonalData]:
    """Every piece of personal data in the text, in reading order, without overlaps."""
    return [finding.data for finding in _all_findings(text or "")]


def _merged_cuts(findings: List[_Finding]) -> List[Tuple[int, int]]:
    cuts: List[Tuple[int, int]] = []
    for start, end in sorted((f.cut_start, f.cut_end) for f in findings):
        if cuts and start <= cuts[-1][1]:
            cuts[-1] = (cuts[-1][0], max(cuts[-1][1], end))
        else:
            cuts.append((start, end))
    return cuts


_GREETING_END = re.compile(r"(?:hallo|hoi|hey|hi|hee|dag|goede?n?(?:morgen|middag|avond|dag)|"
                           r"goeie(?:morgen|middag|avond|dag)|(?:beste|geachte)\s+\w+)"
                           r"(?:\s+(?:daar|allemaal|allen|gemeente|there|all))?\s*$",
                           re.IGNORECASE)
_CONNECTOR_AFTER = re.compile(r"\s*(?:,\s*)?(?:en|maar|and)\b|\s*,", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*(?:,\s*)?(?:en|maar|and)\b", re.IGNORECASE)


# "Mijn BSN is … mocht u dat nodig hebben": the rest of the offer goes with what it offers.
_IN_CASE_YOU_NEED_IT = re.compile(
    r"\s*,?\s*(?:mocht(?:en)?\s+(?:u|jullie|je|dat|het)|indien|voor\s+het\s+geval|als\s+(?:u|"
    r"jullie|je)\s+(?:dat|die|het|deze)|in\s+case|if\s+you)\b[^.!?\n]{0,40}?\b(?:nodig|"
    r"need|needed|wilt|willen|want)\b[^.!?\n]{0,20}?(?=[.!?\n]|$)", re.IGNORECASE)


def _connector_to_drop(text: str, cut_start: int, cut_end: int) -> int:
    """End of the cut, stretched over a following 'en' or ',' when the cut began a clause.

    "Hallo, mijn naam is Jan en de tegel ligt los" → "Hallo, de tegel ligt los".
    """
    before = text[:cut_start]
    if _CLAUSE_BOUNDARY.search(before):
        connector = _CONNECTOR_AFTER.match(text, cut_end)
    elif _GREETING_END.search(before):  # "Hallo ik ben Jan, de …" keeps its comma
        connector = _WORD_AFTER.match(text, cut_end)
    else:
        return cut_end
    return connector.end() if connector else cut_end


def _tidy(text: str) -> str:
    """Whitespace and punctuation left over where something was cut."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"[ \t]+([,.!?;:)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"\(\s*[,;:.]*\s*\)", "", text)
    text = re.sub(r"[ \t]+([,.!?;:)])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"[,;:]+\s*([.!?])", r"\1", text)
    text = re.sub(r"\s+(?:en|of|maar)\s*(?=[.!?]|$)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(^|[.!?]\s)\s*[,;:.]+\s*", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip(" \t\n,;:")


def scrub(text: str) -> Tuple[str, List[str]]:
    """The text without its personal data (tidied), and the sorted kinds that were removed."""
    text = text or ""
    findings = _all_findings(text)
    if not findings:
        return text, []
    pieces, position = [], 0
    for start, end in _merged_cuts(findings):
        pieces.append(text[position:start])
        position = _connector_to_drop(text, start, end)
        in_case = _IN_CASE_YOU_NEED_IT.match(text, position)
        position = in_case.end() if in_case else position
        pieces.append(" ")
    pieces.append(text[position:])
    return _tidy("".join(pieces)), sorted({f.data.kind for f in findings})
