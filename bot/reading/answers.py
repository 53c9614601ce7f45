"""Short answers to the bot's questions: contact details, yes or no, a remark, thanks.

Residents answer in whole sentences ("ja graag, via mail: piet@hotmail.com", "dat klopt
niet, het is nummer 14"), so each reader looks at the whole text. The e-mail and phone
patterns live here and are reused by `bot.reading.privacy`.

Choices for `read_yes_no`:
- the first answer word decides ("nee, de lamp is wel goed" is no), except that a
  statement that something is wrong ("klopt niet", "niet correct", "is fout") always
  means no, wherever it stands;
- "ja?" and "nee?" are answers; any other question ("is het goed als ik een foto
  stuur?", "klopt het adres?") is not;
- doubt ("weet ik niet", "misschien") is neither;
- thanks alone ("dank u wel") is neither: `is_thanks_or_goodbye` tells the caller.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Optional, Tuple

from bot.knowledge.general import zipf
from bot.profile import profile
from bot.reading.not_helped import will_call_us
from bot.reading.streets import STREET_ENDINGS_WIDE
from bot.text import main_clause_order, sentences

# --- contact details -------------------------------------------------------------------
EMAIL_PATTERN = re.compile(
    r"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}"
    r"(?![\w@-])",
    re.IGNORECASE,
)
_SEP = r"[\s.\-/]?"
_NL_INTERNATIONAL = rf"(?:\+|00)\s?31{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{8}}"
_BE_INTERNATIONAL = rf"(?:\+|00)\s?32{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{7,8}}"
_OTHER_INTERNATIONAL = rf"(?:\+|00)(?!3[12])[1-9]\d{{0,2}}(?:{_SEP}\d){{6,12}}"
# Ten digits from a leading 0; an area code may stand in brackets: "(010) 123 45 67".
_NL_NATIONAL = r"\(?0[\s.\-]?[1-9](?:[\s.\-/)]{0,3}\d){8}"
PHONE_PATTERN = re.compile(
    rf"(?<![\w+])(?:{_NL_INTERNATIONAL}|{_BE_INTERNATIONAL}|{_OTHER_INTERNATIONAL}"
    rf"|{_NL_NATIONAL})(?![\d@])"
)


@dataclass(frozen=True)
class Contact:
    """Contact details found in a message."""

    email: Optional[str] = None
    phone: Optional[str] = None


def normalise_phone(raw: str) -> Optional[str]:
    """'06-12345678' → '+31612345678'; Belgian and other foreign numbers keep their code."""
    digits = re.sub(r"\D", "", raw)
    stripped = raw.strip().lstrip("(")
    if not stripped.startswith(("+", "00")):
        return "+31" + digits[1:] if len(digits) == 10 and digits[0] == "0" else None
    if stripped.startswith("00"):
        digits = digits[2:]
    for code, length in (("31", (9,)), ("32", (8, 9))):
        if digits.startswith(code):
            rest = digits[len(code):]
            rest = rest[1:] if rest.startswith("0") else rest  # "+31 (0)6 …"
            return f"+{code}{rest}" if len(rest) in length else None
    return "+" + digits


def as_written_at_home(contact: Optional[str]) -> Optional[str]:
    """A Dutch number the way residents write it ("+31345612387" → "0345612387", round r56:
    "wat is dat +31?"); e-mail addresses and foreign numbers as they are."""
    if contact and contact.startswith("+31") and contact[3:].isdigit():
        return "0" + contact[3:]
    return contact


# "ja bezwaar maken dus", "die over de WOZ": the lead and tail words around a button typed
_CHOICE_LEAD = re.compile(r"^\W*(?:(?:ja|jawel|jazeker|yes|graag|dus|die|dat|deze|de|het|over|"
                          r"ik bedoel|bedoel ik|i mean|the|that one|that)\b\W*)+", re.IGNORECASE)
_CHOICE_TAIL = re.compile(r"(?:\W+(?:dus|graag|bedoel ik|please|aub|ajb|alstublieft))+\W*$",
                          re.IGNORECASE)
MAX_CHOICE_WORDS = 8


def typed_choice(text: str, titles: List[str]) -> Optional[int]:
    """"ja bezwaar maken dus" to the buttons "Bezwaar maken tegen een belastingaanslag" and
    "Dit helpt me niet": the one title that holds every word typed (round r57: "Waar kan
    ik u mee helpen?"); None when none or several do, or the message asks something."""
    said = _CHOICE_TAIL.sub("", _CHOICE_LEAD.sub("", text or ""))
    words = re.findall(r"[^\W\d_]{3,}", said.lower())
    if not words or len(said.split()) > MAX_CHOICE_WORDS or "?" in (text or ""):
        return None
    fits = [index for index, title in enumerate(titles)
            if all(_in_title(word, title) for word in words)]
    return fits[0] if len(fits) == 1 else None


def _in_title(word: str, title: str) -> bool:
    stem = word[:max(4, len(word) - 2)]
    return any(token.startswith(stem) for token in re.findall(r"[\w-]+", title.lower()))


def is_dutch_landline(phone: Optional[str]) -> bool:
    """A Dutch number no text message reaches: not a mobile (+316) or a machine number
    (+3197). "0345-612873" is passed on for a call, never promised messages (round 80)."""
    return bool(phone) and phone.startswith("+31") and not phone.startswith(("+316", "+3197"))


# A number read out: "nul zes, twaalf vierendertig zesenvijftig achtenzeventig".
_UNITS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien")
_TENS = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
_SPOKEN_VALUES = {**{word: str(n) for n, word in enumerate(_UNITS)}, "één": "1",
                  **{word: str(10 + n) for n, word in enumerate(_TEENS)},
                  **{word: str(20 + 10 * n) for n, word in enumerate(_TENS)},
                  **{f"{unit}{joint}{tens}": str(20 + 10 * t + u)
                     for u, unit in enumerate(_UNITS) if u
                     for t, tens in enumerate(_TENS) for joint in ("en", "ën")}}
_SPOKEN_WORD = r"(?:%s|\d{1,4})" % "|".join(sorted(map(re.escape, _SPOKEN_VALUES), key=len,
                                                   reverse=True))
_SPOKEN_RUN = re.compile(rf"(?<!\w){_SPOKEN_WORD}(?:[\s,.\-]+{_SPOKEN_WORD}){{3,}}(?!\w)",
                         re.IGNORECASE)


def spoken_digits(raw: str) -> str:
    """The digits of a number read out in words (and digits): "nul zes twaalf" → "0612"."""
    return "".join(_SPOKEN_VALUES.get(word.lower(), word)
                   for word in re.findall(_SPOKEN_WORD, raw, re.IGNORECASE))


def _spoken_phones(text: str) -> List[Tuple[int, int]]:
    """Spans of Dutch phone numbers read out in words: ten digits from a leading 0."""
    return [match.span() for match in _SPOKEN_RUN.finditer(text)
            if re.search(r"[a-z]", match.group(), re.IGNORECASE)
            and re.fullmatch(r"0[1-9]\d{8}", spoken_digits(match.group()))]


def phone_in(raw: str) -> Optional[str]:
    """The number of a span `find_phones` found, written or read out, as +31…."""
    return normalise_phone(raw) or normalise_phone(spoken_digits(raw))


# An address typed loosely or read out: "p.jansen(at)hotmail.nl", "anja.devries@gmail .com",
# "anja punt devries apenstaartje gmail punt com".
_LOOSE_AT = r"(?:\s*@{1,2}\s*|\s*[(\[]at[)\]]\s*|\s+(?:apenstaartje|apestaart|at)\s+)"
_LOOSE_DOT = r"(?:\s*\.\s*|\s+(?:punt|dot)\s+|,(?=(?:nl|com|net|org|be)\b))"
# In the name before the @ a dot with a space after it but none before ends a sentence:
# "evet. ahmet punt yilmaz at hotmail punt com" is "evet." and then the address.
_LOOSE_NAME_DOT = r"(?:\.(?!\s)|\s+\.\s*|\s+(?:punt|dot)\s+)"
_LOOSE_EMAIL = re.compile(
    rf"(?<![\w.%+-])[\w%+-]+(?:{_LOOSE_NAME_DOT}[\w%+-]+)*{_LOOSE_AT}[a-z0-9-]+"
    rf"(?:{_LOOSE_DOT}[a-z0-9-]+)*{_LOOSE_DOT}(?:nl|com|net|org|be|eu|de|nu|info|email)(?![\w@-])",
    re.IGNORECASE)


def email_in(raw: str) -> Optional[str]:
    """The address of a span `find_emails` found, written or read out, lower-cased."""
    text = re.sub(_LOOSE_AT, "@", raw.strip(), flags=re.IGNORECASE)
    text = re.sub(_LOOSE_DOT, ".", text, flags=re.IGNORECASE).lower()
    return text if EMAIL_PATTERN.fullmatch(text) else None


def find_emails(text: str) -> List[Tuple[int, int]]:
    """Spans of the e-mail addresses in the text, also typed loosely or read out."""
    written = [match.span() for match in EMAIL_PATTERN.finditer(text or "")]
    loose = [match.span() for match in _LOOSE_EMAIL.finditer(text or "")
             if email_in(match.group())
             and not any(start < match.end() and match.start() < end for start, end in written)]
    return sorted(written + loose)


@lru_cache(maxsize=1)
def _own_numbers() -> FrozenSet[str]:
    return frozenset(filter(None, (phone_in(number) for number in profile().own_numbers())))


def find_phones(text: str) -> List[Tuple[int, int]]:
    """Spans of the phone numbers in the text (those that normalise), leaving out the
    municipality's own ("ik heb 0571 20 40 60 al gebeld", round r204 of session 54: the crisis
    line kept as the resident's number)."""
    written = [match.span() for match in PHONE_PATTERN.finditer(text or "")
               if normalise_phone(match.group())]
    return [span for span in written or _spoken_phones(text or "")
            if phone_in(text[slice(*span)]) not in _own_numbers()]


_CORRECTION = re.compile(r"\b(?:typfout|tikfout|oeps|sorry|nee|bedoel\w*|moet zijn|"
                         r"verbetering|correctie|i mean|typo)\b", re.IGNORECASE)


def read_contact(text: str) -> Contact:
    """The e-mail address (lower-cased) and the phone number (+31…) in the text: the first
    of each, or the last after a correction ("k.smit@gmial.com oh nee typfout
    k.smit@gmail.com")."""
    text = text or ""
    emails, phones = find_emails(text), find_phones(text)
    which = -1 if _CORRECTION.search(text) else 0
    email = email_in(text[slice(*emails[which])]) if emails else None
    phone = phone_in(text[slice(*phones[which])]) if phones else None
    if phone and says_belgian(text) and phone.startswith("+314"):
        phone = "+324" + phone[4:]  # "0475 12 34 56, ne Belgische gsm" (round 83)
    return Contact(email=email, phone=phone)


# A Belgian mobile written the Belgian way (04..): said to be Belgian, or a "gsm", or in the
# Belgian notation "0497/55.66.77" (round r215 of session 56: taken for a Dutch landline).
_BELGIAN = re.compile(r"\b(?:belgisch\w*|belgi[eë]|gsm)\b"
                      r"|\b04\d{2}\s*/\s*\d{2}[.\s]\d{2}[.\s]\d{2}\b", re.IGNORECASE)


def says_belgian(text: str) -> bool:
    """The number is a Belgian mobile: said so, or written the Belgian way."""
    return bool(_BELGIAN.search(text or ""))


def as_belgian_mobile(phone: Optional[str]) -> Optional[str]:
    """A number read as Dutch (+314…) as the Belgian mobile it is (+324…); None if no 04…."""
    return "+324" + phone[4:] if phone and phone.startswith("+314") else None


# "u kunt mij bellen op 06… of mailen naar …. Telefonisch heeft mijn voorkeur."
_PREFERS_PHONE = re.compile(
    r"\b(?:telefonisch|per telefoon|op (?:mijn|m'n|mn|de) (?:telefoon|mobiel)|gebeld|bellen|"
    r"per sms|via sms|sms|sms'?je|whatsapp)\b(?:\s+\w+){0,4}?\s+(?:voorkeur|liever)\b"
    r"|\b(?:liever|bij voorkeur|voorkeur (?:voor|gaat naar))\s+(?:\w+\s+){0,3}?"
    r"(?:telefo\w*|gebeld|bellen|sms\w*|mobiel|whatsapp)\b"
    r"|\bniet (?:per|via) (?:e-?mail|mail)\b", re.IGNORECASE)


def preferred_contact(text: str, email: Optional[str], phone: Optional[str]) -> Optional[str]:
    """The address for updates: the e-mail address, unless the resident gave a phone number
    too and says they prefer the phone."""
    if email and phone and _PREFERS_PHONE.search(text or ""):
        return phone
    return email or phone


def _without_contact(text: str) -> str:
    """The text with e-mail addresses and phone numbers blanked out (same length)."""
    for start, end in sorted(find_emails(text) + find_phones(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def is_only_contact(text: str) -> bool:
    """True when the text gives an e-mail address or phone number and says nothing else
    ("mijn mail is j.jansen@ziggo.nl"): an answer, whatever a classifier makes of it."""
    if not (find_emails(text) or find_phones(text)):
        return False
    words = _ADDITION_WORD.findall(_without_contact(text))
    return all(word.lower() in _FILLER for word in words)


# --- yes or no -------------------------------------------------------------------------
YES, NO, UNSURE = "yes", "no", "unsure"
_W = r"[\s,]+"  # between the words of a phrase
# A statement that the summary is wrong: always no, wherever it stands.
_WRONG = re.compile(
    # ("de wat klopt nog steeds niet", round r277: sent as a yes)
    r"\bklop(?:t|pen)(?:\s+(?:het|dat|dit|er|iets|alles|toch|nog|helaas|echt|wel|steeds|"
    r"altijd|alweer|weer|ook|nou|nu)){0,3}"
    r"\s+(?:niet|ni|nie|geen)\b"
    r"|\bniet\s+(?:helemaal\s+|echt\s+|geheel\s+|meer\s+)?(?:correct|juist|klopt|kloppen)\b"
    r"|\b(?:onjuist|incorrect)\b"
    r"|\bnot\s+(?:quite\s+|entirely\s+|really\s+)?(?:correct|right)\b"
    r"|\b(?:is|that's|thats|it's|its)\s+wrong\b|^\W*wrong\b"
    r"|\b(?:is|staat|zijn|staan)\s+(?:helemaal\s+|er\s+|nog\s+)?fout\b|^\W*fout\b"
    # "bijna juist, maar …", "almost right, but …": something is still to change
    r"|\bbijna\s+(?:goed|juist|correct|klopt|helemaal\s+goed)\b"
    # "Het klopt bijna. De vuilnisbak staat op de hoek …" (round r173 of session 52: sent)
    r"|\b(?:klopt|is\s+het|is\s+goed)\s+bijna\b|^\W*bijna\b"
    r"|\b(?:almost|nearly)\s+(?:right|correct)\b|\bop\s+(?:één|een)\s+(?:ding|dingetje|punt)\w*\s+na\b",
    re.IGNORECASE,
)
_CUES: Tuple[Tuple[str, str], ...] = (
    (NO, r"(?:nee){2,}|nee+n?|neej|nein|nope+|nah|no+|nay|nooit|never|verkeerd"),
    (NO, rf"(?:hoeft|hoef(?:{_W}ik)?)(?:{_W}(?:echt|eigenlijk|verder))?{_W}(?:niet|geen)"),
    # "ik zei toch al dat dat niet hoeft"
    (NO, rf"(?:dat|het){_W}(?:echt{_W}|helemaal{_W})?niet{_W}(?:hoeft|hoef|nodig{_W}is)"),
    (NO, rf"(?:liever|graag|echt){_W}niet|niet{_W}nodig|no{_W}need|not{_W}really"),
    (NO, rf"niet{_W}(?:goed|ok|ok[eé]+|akkoord|in{_W}orde|versturen|verzenden|sturen|"
         r"helemaal|echt)"),
    # not "2 palen … die het niet doen" (round r229 of session 58): lamps that do not work
    (NO, rf"(?<!\bhet )(?<!\bt )niet{_W}doen"),
    (NO, rf"geen{_W}(?:behoefte|interesse|updates?|berichten|bericht|mail|e-?mails?|contact|"
         r"sms(?:je)?|nodig)"),
    (NO, rf"(?:ik{_W})?wil(?:{_W}(?:liever|eigenlijk|dus|toch))?{_W}(?:geen|niet)"),
    (NO, rf"(?:doe|verstuur|stuur|verzend)(?:{_W}(?:het|hem|dat))?{_W}maar{_W}niet"),
    (NO, rf"(?:dan|toch)(?:{_W}maar)?{_W}niet"),
    (NO, rf"laat(?:{_W}(?:het|dat|maar|u|je))?{_W}maar(?!(?:{_W}(?:het|me|mij|ons))*{_W}"
         rf"(?:weten|horen))|don'?t|no{_W}thanks?"),
    (NO, r"👎"),
    (UNSURE, rf"weet(?:{_W}(?:ik|het|ik het))?{_W}niet|geen{_W}idee|misschien|twijfel|"
             rf"not{_W}sure|maybe|i{_W}don'?t{_W}know|geen{_W}flauw{_W}idee"),
    (YES, r"ja+(?:ja+)*|jawel|jazeker|jawohl|jep+|jup+|yes+|yep+|yup+|yeah|yea|sure|tamam|evet|oui|"
          r"of course|absolutely|exactly|indeed|alright|all right|right|fine|ok|okay|"
          r"ok[eé]+|okido|okidoki|oki|oukee"),
    # not "… maar al in de kerkstraat, juist om de hoek" (round r159 of session 51: a place
    # correction at the summary sent the report): "juist" and "precies" say where there
    (YES, rf"klopt|kloppen|correct|(?:juist|precies)(?!{_W}(?:om|op|in|bij|aan|achter|naast|"
          rf"voor|tegenover|daar|hier|ernaast|erachter|waar|toen|de|het|een|dat|die))|"
          rf"inderdaad|zeker|natuurlijk|uiteraard|"
          rf"prima|goed|top|perfect|super|akkoord|in{_W}orde|fijn|uitstekend|helemaal{_W}goed"),
    (YES, rf"doe{_W}maar|(?:verstuur|versturen|verzend|verzenden|stuur)(?:{_W}(?:het|maar))*"
          # "Ach, verstuurt u het maar zo" (round r47: added as a remark, not sent)
          rf"|(?:verstuurt|verzendt|stuurt){_W}(?:u|je|jij|jullie)(?:{_W}(?:het|hem|dan|toch))*"
          rf"{_W}maar"
          rf"|ga{_W}(?:je|uw){_W}gang|(?<!\bik\s)ga{_W}maar(?:{_W}door)?|graag|mag{_W}(?:wel|hoor)|"
          rf"dat{_W}mag|geen{_W}(?:probleem|bezwaar)|please|go{_W}ahead|send{_W}it"),
    (YES, r"👍|👌|✅"),
    # "Dat zou ik op prijs stellen", "dat stel ik zeer op prijs", "I'd appreciate that"
    (YES, rf"(?:zou|zal|stel){_W}(?:ik{_W})?(?:(?:het|dat|dit|zeer|erg|heel|wel){_W})*"
          rf"(?:op{_W}prijs{_W}stellen|op{_W}prijs|fijn{_W}vinden|waarderen)"
          rf"|(?:would|i'?d){_W}(?:really{_W})?(?:appreciate|like){_W}(?:that|it)"),
    # "laat maar weten", "laat het me maar horen": a yes to messages
    (YES, rf"laat(?:{_W}(?:het|me|mij|ons|dat))*(?:{_W}maar)?(?:{_W}(?:het|me|mij|ons))*{_W}"
          r"(?:weten|horen)(?![\w-]*\s+of\b)"),
    # "laat maar gewoon versturen", "laat maar zo": longer than the "laat maar" of a no
    (YES, rf"laat(?:{_W}(?:het|dat|u|je))?{_W}maar(?:{_W}(?:gewoon|zo|even))*{_W}"
          r"(?:versturen|verzenden|opsturen|insturen|doorsturen|zo|verstuur|verzend|stuur)"
          rf"(?!(?:{_W}(?:het|hem|dat|maar))*{_W}niet)"),
)
# "oké" and "prima" often acknowledge the bot's last message; an answer after them counts.
_ACKNOWLEDGEMENT = re.compile(r"ok|okay|ok[eé]+|oki|prima|goed|top|fijn|alright|fine",
                              re.IGNORECASE)
_CUE_PATTERNS = tuple((kind, re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])", re.IGNORECASE))
                      for kind, pattern in _CUES)
_PRIORITY = {NO: 0, UNSURE: 1, YES: 2}
# Words that may stand before the answer word in a question ("ja?" is an answer).
_PLAIN_ANSWER = re.compile(
    r"^\W*(?:ja+|jawel|jazeker|nee+n?|yes|no|nah|neuh|nope|yep|yup|jep|jup)\b"
    # "klopt. kan de schommel vandaag nog weg?", "ok send. how long?": the answer, then a question
    r"|^\W*(?:(?:ja|yes|ok[eé]?|oke|prima|tamam|evet)\W+)?(?:klopt|correct|akkoord|prima|"
    r"is goed|goed zo|verstuur(?: maar)?|doe maar|send|send it|that'?s right|right)\s*[.!;]\s+\S",
    re.IGNORECASE)


@dataclass(frozen=True)
class _Cue:
    kind: str
    start: int
    end: int


def _first_cue(text: str) -> Optional[_Cue]:
    """The earliest answer phrase; at the same place the longest, then no before yes."""
    found = [_Cue(kind, m.start(), m.end())
             for kind, pattern in _CUE_PATTERNS for m in pattern.finditer(text)]
    if not found:
        return None
    return min(found, key=lambda cue: (cue.start, -(cue.end - cue.start), _PRIORITY[cue.kind]))


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?")


# "en hoe lang duurt snoeien ongeveer": asked without a question mark
_ASKED_WITHOUT_MARK = re.compile(
    r"^\W*(?:(?:en|maar|and|but)\s+)?(?:hoe (?:lang|snel|laat)|wanneer|waarom|hoeveel|"
    r"how (?:long|fast|soon|quickly)|when (?:will|do|does|is|are)|why (?:is|does|do|did))\b",
    re.IGNORECASE)


# "kan het sneller of niet", "is dat ook online": asked without a question mark
_ASKS_WHETHER = re.compile(r"^\W*(?:(?:en|maar)\s+)?(?:kan|kunnen|kunt|mag|moet|is|gaat|wordt)\s+"
                           r"(?:het|dat|dit|er|jullie|u|ik)\b", re.IGNORECASE)


# "O ja, het stinkt ook": remembering something, not a yes.
_REMEMBERING = re.compile(r"^\W*(?:(?:o|oh|ah|a)\s+ja|oja|oh\s+ya)\b[\s,.!:;-]*", re.IGNORECASE)


# "oh wacht nee, het is nummer 14", "nee sorry, tis de kerkweg": a no that corrects a place
_CORRECTS_FIRST = re.compile(r"^\W*(?:(?:o|oh|oeps)\W+)?(?:wacht\W+)?(?:nee|neen|nope)\W+"
                             r"(?:sorry\W+)?(?:het is|'t is|tis|het was|ik bedoel|bedoel)\b",
                             re.IGNORECASE)
_ANSWER_FIRST = re.compile(r"^\W*(?:en\s+)?(?:ja|jawel|nee|neen|graag|yes|no)\b", re.IGNORECASE)


# "ik wil juist iets toevoegen", "mag ik nog wat veranderen?" with nothing after it.
_ONLY_ANNOUNCES_A_CHANGE = re.compile(
    r"\b(?:wil|mag|kan|moet|wou)\s+(?:ik\s+)?(?:\w+\s+){0,2}?(?:iets|wat)\s+(?:toevoegen|"
    r"aanvullen|bijzetten|erbij\s+zetten|veranderen|aanpassen|wijzigen)\W*$", re.IGNORECASE)


# "aan melding M-2026-000155", "aan mijn melding van vorige week": whom the addition is for
_TO_A_REPORT = re.compile(r"\s+(?:aan|bij|voor|over)\s+(?:mijn\s+|m'?n\s+|de\s+|die\s+)?"
                          r"(?:melding\w*|nummer)?\s*(?:m\s?[-.]?\s?)?"
                          r"(?:20\d\d\s?[-./ ]?\s?\d{1,8})?"
                          r"(?:\s+van\s+\w+(?:\s+\w+)?)?\s*$", re.IGNORECASE)


def only_announces_an_addition(text: str) -> bool:
    """"ik wil iets toevoegen aan melding M-2026-000155": what to add is still to come."""
    text = (text or "").strip().rstrip(".!? ")
    return bool(_ONLY_ANNOUNCES_A_CHANGE.search(_TO_A_REPORT.sub("", text)))


# "laat maar. VERSTUUR", "nee laat maar, stuur het maar op", "Ach, laat maar. Verstuur het
# maar zo, ik begrijp het niet meer": the report is to go after all.
_ENDS_WITH_SEND = re.compile(
    # "niemand gewond nee. gewoon versturen dan" (round r204 of session 54: "Wat moet er anders?")
    r"(?:^|[.!?,;]\s*)(?:ok[eé]?\s+|ja\s+|nee\s+)?(?:(?:gewoon|dan|toch|alsnog|maar)\s+)?"
    r"(?:verstuur|versturen|"
    r"stuur (?:het |hem |'m )?(?:maar )?(?:op|door|weg|in)|doe maar|send it|just send it)\b"
    r"(?:\s+(?:het|hem|maar|nou|dan|"
    r"toch|wel|gewoon|aub|please|now|zo|alsnog))*"
    # "verstuur het maar zo, ik begrijp het niet meer": giving up on the change, not the report
    r"(?:\W+ik (?:begrijp|snap|volg) (?:het|er) (?:\w+ ){0,2}?(?:niet|niks|geen bal)"
    r"(?: meer| van)?)?"
    r"\W*$", re.IGNORECASE)


# A later sentence that sends it: "laat maar. verstuur deze maar zo dan meld ik die andere
# wel apart" (round r44: the report was stopped)
_SENDS = re.compile(r"^\W*(?:(?:ok[eé]?|ja|nee|dan)\W+)?(?:verstuur|verzend|stuur (?:\w+ )?"
                    r"(?:maar )?(?:op|door|in)\b|doe maar|send it|just send)\b"
                    r"(?![^.!?]*\b(?:niet|nie|not|geen)\b)", re.IGNORECASE)


# "laat maar ja verstuur" (round r245: the priority report was stopped): the change is
# dropped, the report goes
_DROPS_IT_AND_SENDS = re.compile(r"\blaat (?:maar|dat|het)\b\W+(?:(?:ja|ok[eé]?|oke|prima|goed)"
                                 r"\W+)?(?:gewoon\s+|maar\s+)?(?:verstuur|versturen|verzenden|"
                                 r"send)\b(?![^.!?]*\b(?:niet|nie|not|geen)\b)", re.IGNORECASE)


def says_send_it(text: str) -> bool:
    """"gewoon versturen dan", "laat maar. verstuur deze maar zo": the report is to go now."""
    return bool(_ENDS_WITH_SEND.search(text) or _DROPS_IT_AND_SENDS.search(text)
                or any(_SENDS.match(part) for part in sentences(text)[1:]))


# "Zet er nog bij dat het de grote eik is. Dan mag hij verstuurd worden", "… daarna mag u het
# versturen", "zet dat juist en verstuur dan maar", "please change that and then send it"
# (round r277: the words went into the description and nothing was sent)
_SEND_AFTER = re.compile(
    r"(?:^|[.,;!]\s*|\s+(?:en|and)\s+)(?:(?:dan|daarna|vervolgens|then)\s+)?"
    r"(?:(?:mag|mogen|kunt|kan|kunnen|may|can|please)\s+)?(?:(?:u|je|jij|jullie|hij|ie|you)\s+)?"
    r"(?:(?:het|hem|die|deze|it)\s+)?(?:(?:dan|maar|nu|gewoon|wel|zo)\s+)*"
    r"(?:versturen|verstuurd\s+worden|verzenden|opsturen|insturen|verstuur|stuur\s+(?:het|hem)|"
    r"send(?:\s+it)?)\b(?:\s+(?:dan|maar|nu|gewoon|het|hem|please|aub|graag))*\W*$",
    re.IGNORECASE)


def sends_after_the_change(text: str) -> bool:
    """The message ends by saying the report may go once the change is made."""
    found = _SEND_AFTER.search(text or "")
    return bool(found and found.start() > 0)


def without_the_send(text: str) -> str:
    """The text without its closing "dan mag hij verstuurd worden"."""
    return _SEND_AFTER.sub("", text or "").strip() or (text or "")


def _calls_it_wrong(text: str) -> bool:
    return bool(_WRONG.search(text) or _CALLS_WRONG.search(text))


_YES_OR_NO = re.compile(r"\b(?:ja of nee|ja of neen|yes or no)\b", re.IGNORECASE)


# "Nou ja laat maar, ik vraag het de buurvrouw wel" (round r241): resignation, not a yes
_RESIGNED = re.compile(r"\b(?:nou|ach|och|tja|nja|enfin) ja\b", re.IGNORECASE)


def read_yes_no(text: str) -> Optional[bool]:
    """True for yes, False for no, None when the text is neither (or a question)."""
    text = _RESIGNED.sub(" ", _without_contact((text or "").replace("’", "'")))
    remembering = _REMEMBERING.match(text)
    if remembering and text[remembering.end():].strip():
        text = text[remembering.end():]
    parts = sentences(text)
    if len(parts) > 1 and _CORRECTS_FIRST.match(parts[0]) and _ANSWER_FIRST.match(parts[1]):
        # "oh wacht nee het is nummer 14 sorry. en ja stuur maar bericht" (round r60): the
        # "nee" corrects the place; the answer is the sentence after it
        later = read_yes_no(" ".join(parts[1:]))
        if later is not None:
            return later
    if _calls_it_wrong(text):
        return False
    if _YES_OR_NO.search(text):
        return None  # "Just yes or no please": asks for an answer, gives none (session 41)
    if _is_question(text) and not _PLAIN_ANSWER.match(text):
        # "finally. yes send it. how long until its fixed?" (round r275: not sent): the
        # answer before the question
        before = list(itertools.takewhile(lambda part: not _is_question(part), parts))
        answers = [part for part in before if _PLAIN_ANSWER.match(part) or says_send_it(part)]
        return read_yes_no(" ".join(before)) if answers and len(before) < len(parts) else None
    if _ONLY_ANNOUNCES_A_CHANGE.search(text) or _LEFT_OUT.search(text):
        # "ik wil juist iets toevoegen": what, is still to come; "het nummer is goed, maar u
        # heeft niet opgeschreven dat …": added, and the summary shown again
        return None
    if says_send_it(text):
        return True  # "LAAT MAAR. VERSTUUR", "laat maar. verstuur deze maar zo dan …": sent
    if (len(parts) > 1 and _is_question(parts[0]) and not _PLAIN_ANSWER.match(parts[0])
            and not any(_PLAIN_ANSWER.match(part) or _starts_with_a_cue(part)
                        for part in parts[1:])):
        # "Krijg ik dan een telefoontje of een sms? Ik kan niet zo goed sms lezen" (round
        # r166: sent, and "sms lezen" added): a question first, and no answer after it
        return None
    text = _answering_sentence(text)
    cue = _first_cue(text)
    if cue is None or cue.kind == UNSURE:
        return None
    if _ACKNOWLEDGEMENT.fullmatch(text[cue.start:cue.end]):
        later = _first_cue(text[cue.end:])
        if later is not None and later.kind == NO:
            return False
    return cue.kind == YES


def _starts_with_a_cue(part: str) -> bool:
    """"ok dat is goed", "prima": the sentence opens with a yes or a no."""
    cue = _first_cue(part)
    return cue is not None and not part[:cue.start].strip(" ,.!")


def _answering_sentence(text: str) -> str:
    """From the sentence that starts with "ja" or "nee", when an earlier one does not:
    "… niet echt over de weg. ja hoor laat maar weten" answers yes."""
    parts = sentences(text)
    if len(parts) < 2 or _PLAIN_ANSWER.match(parts[0]):
        return text
    answering = [n for n, part in enumerate(parts) if _PLAIN_ANSWER.match(part)]
    return " ".join(parts[answering[0]:]) if answering else text


# --- a remark carried by a yes ---------------------------------------------------------
_LEAD_IN = re.compile(
    r"^[\s,.;:!-]*(?:(?:hoor|helemaal|wel|zo|prima|graag|uit|alleen|maar|en|ook|nog|even|bijna|"
    r"echter|dan|but|and|also|please|dank\s*(?:je|u)(?:\s*wel)?|bedankt|thanks|aanpassen|"
    r"wijzigen|veranderen|aanvullen|change|edit)\b[\s,.;:!-]*)*",
    re.IGNORECASE,
)
# "zet er ook bij dat", "kunt u nog toevoegen dat", "please add that", "aanvulling:".
_FRAME_WORDS = (
    r"zet|zetten|er|erbij|bij|ook|nog|even|wel|graag|voeg|voegen|toe|toevoegen|vermeld|"
    r"vermelden|schrijf|schrijven|noteer|noteren|kunt|kun|kan|kunnen|wil|wilt|wilde|zou|"
    r"zoudt|u|je|jij|jullie|ge|ik|in|de|het|aan|melding|meld|melden|zeggen|laten|weten|moet|"
    r"dit|add|please|also|mention|note|could|you|can|to|the|report|write|down|i|want|would|"
    r"like|bijzetten|bijschrijven|erbij zetten|daarbij|tevens|doorgeven|door|geven|opschrijven|"
    r"aub|a\.u\.b|alstublieft|alsjeblieft|svp|pls|ff|effe"
)
# "u heeft niet opgeschreven dat het om twee kolken gaat" (round r245: taken for a yes and
# sent): something the summary lacks, to be added and shown again
_LEFT_OUT_FRAME = (r"(?:u|je|jij|jullie|ge)\s+(?:heeft|hebt|heb|hebben)\s+(?:\w+\s+)?(?:niet|nog "
                   r"niet|nergens)\s+(?:op\w*|ge|bij\w*)?(?:geschreven|genoteerd|vermeld|gezet|"
                   r"gemeld|opgenomen)\s+(?:dat|that)\b"
                   r"|(?:u|je|jij|ge)\s+(?:bent|ben|zijt)\s+(?:\w+\s+)?vergeten\s+(?:\w+\s+){0,3}?"
                   r"(?:dat|that)\b|(?:u|je|jij)\s+vergeet\s+(?:\w+\s+)?(?:dat|that)\b"
                   r"|you\s+(?:forgot|did\s*n[o']?t\s+(?:write|put|note))\s+(?:\w+\s+){0,3}?that\b")
_LEFT_OUT = re.compile(rf"\b(?:{_LEFT_OUT_FRAME})", re.IGNORECASE)
_FRAME = re.compile(
    rf"^(?:(?:{_FRAME_WORDS})\b[\s,]*){{1,10}}(?:dat|that)\b[\s,:]*|^(?:{_LEFT_OUT_FRAME})[\s,:]*"
    r"|^(?:aanvulling|opmerking|toevoeging|p\.?s\.?|n\.?b\.?|note)\s*[:.,-]\s*"
    r"|^(?:zet|voeg|schrijf) (?:er |het )?(?:ook |nog )*(?:bij|erbij|toe|erbij)\s*[:,-]\s*"
    # "Alleen graag erbij zetten: bellen na 11 uur" (round r185 of session 53)
    r"|^(?:alleen |nog |wel |ook |graag |even )*(?:erbij|er bij|bij) (?:zetten|schrijven|"
    r"vermelden|noteren)\s*[:,-]\s*"
    # "ik zie dat er niet bij staat dat je er via het steegje komt" (round 69)
    r"|^(?:ik zie (?:nu |wel )?(?:dat )?)?(?:er|het) (?:staat )?(?:nog |helemaal )?"
    r"(?:niet|nergens) (?:bij|in)(?: staat)? (?:dat|that)\b[\s,:]*",
    re.IGNORECASE,
)
_ONLY_FRAME = re.compile(rf"^(?:(?:{_FRAME_WORDS}|dat|that)\b[\s,]*)+$", re.IGNORECASE)
# Words that add nothing on their own: courtesy and how to be contacted.
_FILLER = frozenset(
    "graag via mail e-mail email emailen mailen bel bellen belt me mij maar op nummer "
    "telefoon telefoonnummer tel sms smsje sms'je whatsapp app appen mailadres e-mailadres "
    "adres naar is mijn m'n mn updates update berichten bericht berichtje hoor prima wel dank "
    "je u bedankt ok oke oké ist is 't t "
    "okee en of the please to at my call text per mobiel gsm dat da het de ook nog even merci "
    "alsjeblieft alstublieft svp aub thanks thank you wel hier dit zijn zo klopt helemaal "
    "correct goed ja yes fijn top super perfect that's thats that it's its right fine exactly "
    "indeed sure good great precies inderdaad juist zeker alles allemaal nu "
    # "verstuurt u het maar", "zo snel mogelijk", "dank voor uw hulp": said to the bot
    "verstuur verstuurt versturen stuur stuurt opsturen doorsturen indienen doe doet send "
    "go ahead snel sneller snelst vlug spoedig asap mogelijk kan voor uw hulp moeite "
    # "ja, dat zei ik toch al": about the chat, not the problem
    "ik zei zeg gezegd schreef toch al net said told "
    # "u mag het versturen", "ja dat is just" (Flemish), "ja whatever, versturen" (round 91)
    "mag mogen hem insturen inzenden verzenden verzend zenden just juust whatever boeit "
    "akkoord orde alright allright oki "
    # "ja zo is ie goed", "zo kan ie weg": the report as it stands
    "ie hij weg "
    # "o wacht, trouwens": a turn in the chat
    "wacht trouwens btw "
    # "zet je dat er even bij?": the request to add it
    "er bij erbij toe "
    # "ja eindelijk", "ja verstuur maar gauw": how the resident feels about sending it
    "eindelijk gauw nou hè he mooi lekker gewoon meteen direct finally at last "
    # "U kunt mij bereiken via …. Bij voorbaat dank." (round 97): how, not what
    "kunt kun bereiken bereikbaar via voorbaat "
    # "ze zullen het wel zien", "graag melden ja" (round 98): about sending it, no detail
    "ze zullen zien melden 't t he hé da's das "
    # "verstuurt u het maar zo, ik snap er niks van": about the chat
    "snap snapt begrijp begrijpt niks niets van "
    # "ja dat is goe" (Flemish), "close enough": assent, no detail
    "goe goed's close enough".split()
)
_ADDITION_WORD = re.compile(r"[\w'-]+")
# "…, zet da er nog bij aub", "…, wil je dat toevoegen?": the request, not the remark.
_REQUEST_TAIL = re.compile(
    r"(?:zet|voeg|schrijf|noteer)\s+(?:(?:je|u|da|dat|het|dit|er|nog|ook|even|maar|ff)\s+)*"
    r"(?:bij|erbij|toe|op)?\b|(?:wil|wilt|kunt|kun|kan)\s+(?:je|u|jij|jullie)\s+"
    r"(?:(?:da|dat|het|dit|er|nog|ook|even|ff)\s+)*(?:toevoegen|erbij\s+zetten|bij\s?zetten|"
    r"bijschrijven|noteren|opschrijven|erbij\s+schrijven)\b", re.IGNORECASE)


def _strip_thanks_tail(remark: str) -> str:
    """Drop a closing thanks, goodbye or request to add it: '… diep is. Dank u wel!' →
    '… diep is'."""
    parts = re.split(r"(?<=[.!?,;])\s+", remark)
    while parts and (is_thanks_or_goodbye(parts[-1]) or _only_a_request(parts[-1])):
        parts.pop()
    return " ".join(parts)


def _only_a_request(part: str) -> bool:
    rest = _REQUEST_TAIL.sub(" ", part)
    return rest != part and not _has_content(rest)


def _has_content(text: str) -> bool:
    return any(word.lower() not in _FILLER for word in _ADDITION_WORD.findall(text))


def _strip_assent(text: str) -> str:
    """Drop yes words and joining words at the start: ', verstuur maar! Maar …' → '…'."""
    while True:
        stripped = _LEAD_IN.sub("", text, count=1)
        cue = _first_cue(stripped)
        if cue is not None and cue.kind == YES and cue.start == 0:
            stripped = stripped[cue.end:]
        if stripped == text:
            return text
        text = stripped


# A guess told as a question is more about the problem: "it has a collar, maybe the owner is
# looking for it?"; any other question is put to the bot.
_A_GUESS = re.compile(r"\b(?:misschien|wellicht|mogelijk|denk ik|maybe|perhaps|probably)\b",
                      re.IGNORECASE)


def _remark_parts(text: str) -> Tuple[List[str], bool]:
    """The sentences that say something, each without its framing; and whether one had it."""
    parts, framed_any = [], False
    for sentence in sentences(text):
        sentence = _strip_assent(sentence)
        framed = _FRAME.match(sentence)
        if framed is not None:
            sentence = sentence[framed.end():]
            framed_any = True
        elif (_is_question(sentence) or _ASKED_WITHOUT_MARK.match(sentence)) \
                and not _A_GUESS.search(sentence):
            # "ja dat klopt. hoe lang duurt het?", "ja goed. en de container, laten staan?"
            # (rounds 95, r56), also without its "?" ("en hoe lang duurt snoeien ongeveer",
            # round r182 of session 53): a question to the bot, answered beside it, no remark
            continue
        sentence = _strip_thanks_tail(sentence).strip(" ,.;:!?-")
        if _ONLY_FRAME.match(sentence) or says_nothing_to_change(sentence):
            continue  # "kunt u dat erbij zetten": the request itself; "het zegt genoeg"
        if sentence and _has_content(sentence):
            parts.append(main_clause_order(sentence) if framed is not None else sentence)
    return parts, framed_any


# "En er zitten ook ratten", "trouwens, de klep is kapot": more about the same thing.
_ADDS_MORE = re.compile(r"^\W*(?:en\s+(?:er|ook|het|de|die)|ook|trouwens|verder|"
                        # "er staat ook nog een frigo bij", "het is ook gevaarlijk"
                        r"(?:er|daar|het|die|hij|ze)\s+\w+\s+(?:nog\s+)?ook|"
                        r"daarnaast|bovendien|tevens|(?:o|oh|ah)\s+ja|oja|vergeten\s+te\s+"
                        r"(?:zeggen|melden)|nog\s+iets|and\s+(?:also|there)|also|by\s+the\s+way)"
                        r"\b", re.IGNORECASE)
# After a no: "(hoeft niet,) er liggen ook blikjes omheen" is more about the problem.
_ALSO = re.compile(r"\b(?:ook|also|too)\b", re.IGNORECASE)
_NO_NEED = re.compile(r"\b(?:hoeft|hoef|hoeven|nodig|wil|wilt|want|need)\b", re.IGNORECASE)
_NO_NEED_FIRST = re.compile(r"^\W*(?:hoor\W+)?(?:dat\s+)?(?:hoeft|hoef|niet nodig|no need)\b"
                            r"[^,.;]*[,.;]\s*", re.IGNORECASE)
_ADDS_MORE_LATER = re.compile(r"\b(?:trouwens|btw|by\s+the\s+way|vergeten\s+te\s+(?:zeggen|"
                              r"melden))\b", re.IGNORECASE)


# "ik heb geen e-mail, bel me op 0345…": no e-mail, but updates all the same.
_NO_MEDIUM = re.compile(r"\b(?:ik\s+heb\s+|heb\s+|zonder\s+)?geen\s+(?:e-?mail\w*|mail\w*|"
                        r"computer|internet|smartphone|mobiel\w*|whatsapp)\b", re.IGNORECASE)


def declines_only_a_medium(text: str) -> bool:
    """The no in the text is only about a way to be reached ("ik heb geen e-mail")."""
    rest = _NO_MEDIUM.sub(" ", text or "")
    return rest != (text or "") and read_yes_no(rest) is not False


# "liever een sms", "hoeft geen bericht": about being reached, not about the problem. Whole
# words only: "belangrijk", "appartement" and "nummer 14" are no way to be reached.
_ABOUT_BEING_REACHED = re.compile(
    r"\b(?:e-?mail\w*|mail\w*|sms\w*|bericht\w*|updates?|nummer(?!\s*\d{1,4}(?!\d))|telefo\w*|whatsapp|"
    r"app(?:je|jes|en)?|gsm\w*|mobiel\w*|contact|(?:terug)?bel(?:len|t)?|gebeld|text|phone|"
    r"message\w*)\b", re.IGNORECASE)


def is_about_being_reached(text: str) -> bool:
    """The text is about how the resident is reached (a number, e-mail, sms, updates)."""
    return bool(_ABOUT_BEING_REACHED.search(text or ""))


def says_also(text: str) -> bool:
    """"ook", "also", "too" anywhere: something more than what was told."""
    return bool(_ALSO.search(text or ""))


def adds_more(text: str) -> bool:
    """"Er staat ook nog een frigo bij": more about the problem, not a new description."""
    return bool(_ADDS_MORE.match(text or ""))


# "en de bank is groen als dat uitmaakt" (round r276: "als dat uitmaakt" in the report)
_HEDGE = re.compile(r",?\s*\b(?:als|mocht|indien) (?:dat|het) (?:\w+ )?(?:uitmaakt|helpt|"
                    r"belangrijk is|van belang is|nodig is)\b|,?\s*\bvoor de volledigheid\b"
                    r"|,?\s*\bif (?:that|it) (?:matters|helps)\b", re.IGNORECASE)


def read_addition(text: str) -> Optional[str]:
    """The remark a resident adds to a yes ("ja, maar zet erbij dat het gat diep is")."""
    original = (text or "").replace("’", "'")
    said_no = read_yes_no(original) is False
    said = " ".join(_without_contact(original).split())
    later = bool(_ADDS_MORE_LATER.search(said)) and not _is_question(said)
    rest = re.sub(r"\s+,", ",", " ".join(_CHAT_TURN.sub(" ", said).split())).strip(" ,")
    cue = _first_cue(rest)
    said_yes = cue is not None and cue.kind == YES
    opening_no = said_no and cue is not None and cue.start == 0
    parts, framed = _remark_parts(rest[cue.end:] if said_yes or opening_no else rest)
    if said_yes and not parts and cue.start > 0:  # "zet u dat er nog bij? Dan is het goed."
        # "…, al een week. verder klopt het" (round r229 of session 58: "… verder.")
        parts, framed = _remark_parts(_THE_REST_IS.sub("", rest[:cue.start]))
        parts = parts if framed else []
    if said_no and not framed:
        # "nee. zet erbij: witte bus" is a remark; "nee, de lamp" is not; "nee hoeft niet.
        # maar er liggen ook blikjes omheen" tells more about the problem
        more = [_NO_NEED_FIRST.sub("", part) for part in parts
                if _ALSO.search(part) and not is_about_being_reached(part)]
        return ". ".join(part for part in more if part and not _NO_NEED.search(part)) or None
    parts = [_HEDGE.sub("", part).strip(" ,:") for part in parts]
    parts = [part for part in parts if re.search(r"\w", _ONLY_ASSENT.sub(" ", part))
             and not _NAMES_A_CONTACT_DETAIL.search(part)]
    if not parts or not (said_yes or framed or _ADDS_MORE.match(rest) or later):
        return None  # without a yes, only "voeg toe dat …" or "en ook …" is a remark
    return ". ".join(parts)


# "ja dat is goed, mijn kleinzoon heeft mij een email gegeven: …" (round r224 of session 57:
# added to the description): about the address given. "graag erbij: bellen na 11 uur" is a
# remark for the crew, so this is narrower than is_about_being_reached.
_NAMES_A_CONTACT_DETAIL = re.compile(
    r"\b(?:e-?mail\w*|mailadres\w*|mail|mailtje|telefoonnummer|mobiele nummer|gsm-?nummer|"
    r"mijn nummer|my number|phone number)\b", re.IGNORECASE)


_THE_REST_IS = re.compile(r"[\s,.;]*\b(?:en\s+)?(?:verder|voor\s+de\s+rest|de\s+rest|overigens|"
                          r"for\s+the\s+rest|otherwise)(?:\s+(?:is|zijn|was|alles|het|it|"
                          r"everything)){0,3}\s*$", re.IGNORECASE)


# "ok close enough, send it", "goed genoeg, verstuur maar" (round r81: "I added to your
# report: close enough, send it"): assent, no remark.
_ONLY_ASSENT = re.compile(
    r"\b(?:close|good) enough\b|\b(?:goed )?genoeg\b|\bprima zo\b|\b(?:just |please )?send it\b"
    r"(?: (?:now|please|then))?|\b(?:ver)?stuur (?:het |hem |deze |die )?(?:maar|dan|nu)\b"
    r"|\b(?:dan |het )?(?:is het )?goed zo\b|\bthat'?s fine\b|\bwhatever\b|\blaat maar\b"
    # resignation, no remark for the crew: "ja verstuur. boeiend", "het staat er toch ergens
    # in" (rounds r272 and r273 of session 64: "Ik heb bij uw melding gezet: boeiend.")
    r"|\bboeiend\b|\b(?:het )?staat er (?:toch |nu )?(?:wel )?(?:ergens )?in\b|\bpf+\b|\bzucht\b"
    r"|\beindelijk\b|\btja\b|\bnou ja\b|\b(?:ha)+h?\b|\blol\b|\bdan maar\b",
    re.IGNORECASE)


# "o wacht", "trouwens": a turn in the chat, not part of the remark.
_CHAT_TURN = re.compile(r"^\W*(?:(?:o|oh)\s+)?wacht\b[\s,!]*|[\s,]*\b(?:trouwens|btw)\b",
                        re.IGNORECASE)


# --- thanks and goodbye ----------------------------------------------------------------
_THANKS = re.compile(
    r"(?<![\w'-])(?:hartelijk(?:\s+|e\s+)?dank|dank\s*(?:je|jullie|u|uw|jij)?(?:\s*wel)?|"
    r"dankjewel|dankuwel|dankje|bedankt|thanks?|thank\s+you|thx|tnx|ty|merci|"
    r"doei+|dooei|daa*g|tot\s+ziens|tot\s+later|tot\s+straks|tot\s+de\s+volgende(?:\s+keer)?|"
    r"(?:fijne|prettige|goede|nog\s+een\s+fijne)\s+(?:dag|avond|middag|ochtend|morgen|weekend|"
    r"week|nacht|zondag|zaterdag)|goedendag|groetjes|groeten|mvg|bye|goodbye|cheers|ciao|"
    r"houdoe|ajuus|adieu|salut|have\s+a\s+(?:nice|good|great)\s+(?:day|evening|weekend)|"
    # thanks and goodnight in the languages residents also write in
    # praise is thanks ("hartelijk dank, u heeft mij goed geholpen": round r266, a complaint)
    r"(?:(?:u|je|jij|jullie)\s+(?:heeft|hebt|heb|hebben)\s+(?:mij|me|ons)\s+)?"
    r"(?:heel\s+|erg\s+|echt\s+|zeer\s+|super\s+)?(?:goed|fijn|prima|top|snel|vriendelijk)\s+"
    r"geholpen|(?:ik\s+ben\s+)?(?:juist\s+|heel\s+|erg\s+|zeer\s+)?tevreden|"
    r"(?:very|really|so|super)\s+helpful|helped\s+(?:me\s+)?(?:a\s+lot|so\s+much)|"
    r"welterusten|slaap\s+lekker|(?:nog\s+een\s+)?schone\s+dag|dziękuję|dziekuje|dzięki|dzieki|"
    r"te[sş]ekk[uü]rler|te[sş]ekk[uü]r\s+ederim|sa[gğ]\s*ol|danke(?:\s+sch[oö]n)?|gracias|"
    r"obrigad[oa]|grazie|shukran|choukran|sho?ukran|merci\s+beaucoup|good\s*night|"
    r"gute\s+nacht|bonne\s+nuit|gods?\s+zegen|god\s+bless(?:\s+you)?|salukes|do\s+widzenia|"
    r"tsch[uü]ss?|au\s+revoir|g[uü]le\s+g[uü]le|ho[sş][cç]a\s*kal)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Words that may stand beside thanks without making it more than thanks.
_COURTESY = frozenset(
    "top super prima ok oke oké okee ja jawel helemaal goed perfect fijn mooi hoor alvast heel "
    "x xx xxx "
    "erg zeer hartelijk vriendelijk veel nogmaals nog en voor de het hulp moeite info "
    "informatie snelle reactie antwoord a lot so much very great cool many for your help the "
    "you all were jullie u je allemaal klopt gemeente geweldig duidelijk fijne dag uw een verder "
    "wel ah nou zo goedenavond goedemiddag goedenacht goeienavond jongeman jongedame of "
    "meneer mevrouw meid jongen beste lieve schat toppers topper alright dear "
    "ederim çok cok bardzo habibi habibti he hè hé allez allee awel amai "
    # a goodbye in annoyance is still a goodbye ("zinloos dit… doei")
    "zinloos waardeloos belachelijk ongelooflijk dit pff laat maar "
    "dat was het alles".split()
)


# Farewell words only ("doeidoei", "daaag", "tot ziens!"): a goodbye, never a report.
_FAREWELL = re.compile(
    r"(?<![\w'-])(?:(?:doei+)+|dooei|doeg|daa+g|tot\s+(?:ziens|later|straks|de\s+volgende\s+keer|"
    r"(?:maan|dins|woens|donder|vrij|zater|zon)dag|morgen)(?:\s+dan)?|"
    r"bye(?:\s*bye)?|goodbye|ciao|houdoe|ajuus|adieu|salut|doei\s+doei|"
    # a visitor's own goodbye ("Nein danke, tschüss"): a goodbye, not another language
    r"tsch[uü]ss?|auf\s+wiedersehen|au\s+revoir|adi[oó]s|arrivederci|do\s+widzenia|"
    r"ho[sş][cç]a\s*kal|g[uü]le\s+g[uü]le|nein(?:\s+danke)?|danke(?:\s+sch[oö]n)?|merci|"
    # "dziekuje, to wszystko. bye", "tamam teşekkürler, iyi günler" (round r66 of session 40)
    r"dzi[eę]kuj[eę](?:\s+bardzo)?|to\s+wszystko|te[sş]ekk[uü]r(?:ler|\s+ederim)?|sa[gğ]\s*ol|"
    r"iyi\s+g[uü]nler|gracias|obrigad[oa]|grazie|spasibo)(?![\w-])",
    re.IGNORECASE)


def is_only_a_farewell(text: str) -> bool:
    """True when the text only says goodbye ("doeidoei", "Tot ziens!", "bye 👋")."""
    text = (text or "").replace("’", "'")
    return bool(_FAREWELL.search(text)) and not re.search(r"\w", _FAREWELL.sub(" ", text))


def is_thanks_or_goodbye(text: str) -> bool:
    """True when the text only thanks or says goodbye ("top, bedankt!", "fijne dag nog",
    "Alright. Thank you dear, goodbye.")."""
    return is_only_a_farewell(text) or _thanks_and_only(
        _FAREWELL.sub(" ", (text or "").replace("’", "'")), _COURTESY, _WORD)


_WORD = re.compile(r"[^\W\d_]+|\d+")
_WORD_WITH_APOSTROPHE = re.compile(r"[^\W\d_]+(?:'\w+)?|\d+")  # "i'll"


def _thanks_and_only(text: str, allowed: frozenset, word: "re.Pattern[str]") -> bool:
    """Thanks, and besides it only `allowed` words."""
    text = (text or "").replace("’", "'")
    if not _THANKS.search(text):
        return False
    return all(found.lower() in allowed for found in word.findall(_THANKS.sub(" ", text)))


# What the resident will do now, beside thanks: "ok dank u, ik maak afspraak", "Oké, dan bel
# ik eens. Bedankt en nog een schone dag!" (round r72 of session 41: a fallback, the answer
# again)
_WILL_DO = frozenset(
    "ik dan bel bellen ga gaan maak maken een afspraak kijk kijken even eens op de site "
    "website wel zelf morgen straks later politie nummer doe regel zo is i'll i will call make "
    "an appointment check the then "
    # "nee merci, ik bel wel voor een afspraak" (round r231 of session 58: not understood)
    "nee neen no nope nah".split())


def thanks_and_goes(text: str) -> bool:
    """Thanks, and at most what the resident will do now; no question."""
    return "?" not in (text or "") and _thanks_and_only(text, _COURTESY | _WILL_DO,
                                                         _WORD_WITH_APOSTROPHE)


def ends_with_thanks(text: str) -> bool:
    """"ok duidelijk, ik wacht eerst even af. thanks!": the last sentence only thanks."""
    parts = sentences(text or "")
    return bool(parts) and is_thanks_or_goodbye(parts[-1])


_NO_AT_START = re.compile(r"^\W*(?:nee+|neen|no|nope|nah|nop)\b", re.IGNORECASE)
# Words beside "nee" and thanks that say there is nothing more ("nee verder niks, dank je").
_NOTHING_MORE = frozenset(
    "verder niks niets niet nothing else dat da was het is alles meer hoor wel zo nu even "
    "voorlopig that thats that's it all dag daag doei ok oke ik bel zelf morgen ga die wel "
    "dan bellen 0800 14 0571 112 0900 8844 even hoef hoeft nodig x xx xxx".split())


# "nee dat was het", "nee, da was alles", "no that's all": nothing more, without thanks
_THAT_WAS_ALL = re.compile(r"\b(?:(?:dat|da|dit|het)\s+(?:was|is)\s+(?:het|alles)|verder\s+(?:niks|"
                           r"niets|niet)|that'?s\s+(?:it|all)|that\s+(?:was|is)\s+(?:it|all))\b",
                           re.IGNORECASE)


def says_no_thanks(text: str) -> bool:
    """"nee thx", "nee verder niks, dank je", "no thanks, that's all": nothing more is
    needed. A bare "nee" answers a question; "nee, maar …" asks something else."""
    text = (text or "").replace("’", "'")
    if not _NO_AT_START.search(text) or not (_THANKS.search(text)
                                             or _THAT_WAS_ALL.search(text)):
        return False
    rest = _THANKS.sub(" ", _NO_AT_START.sub(" ", text))
    return all(word.lower() in _COURTESY or word.lower() in _NOTHING_MORE
               for word in re.findall(r"[^\W\d_]+(?:'s)?|\d+", rest))


def sounds_like_a_goodbye(text: str) -> bool:
    """Thanks, a farewell or "dat was het", and nothing else: the model's goodbye is
    believed ("die was vol" read as a goodbye is not one, round 54 of the suite)."""
    text = (text or "").replace("’", "'")
    return (is_thanks_or_goodbye(text) or bool(_THAT_WAS_ALL.search(text))
            or all(word.lower() in _COURTESY or word.lower() in _NOTHING_MORE
                   for word in re.findall(r"[^\W\d_]+(?:'s)?|\d+", text)))


_BYE_AT_END = re.compile(r"(?:^|[\s.,!])(?:doei+|doeg|dag|daag|bye|tot ziens|ciao|groetjes|"
                         r"(?<=[.,!?] )(?:goedendag|goede?n?(?:avond|middag|nacht)|goeienavond)|"
                         r"salukes|houdoe|ajuus|adieu|mvg|"
                         r"(?:fijne|prettige|goede|fijn|prettig) (?:dag|avond|middag|weekend)"
                         r"(?: nog)?)\W*$", re.IGNORECASE)
_NOTHING_NEEDED = re.compile(
    r"\b(?:eigenlijk (?:niks|niets)|(?:niks|niets) hoor|geen klacht(?:en)?|no complaints?|"
    r"laat maar(?! \w*(?:weten|horen|zien))|"
    r"(?:even |alleen |gewoon )?"
    r"(?:kijken|testen|proberen) of (?:dit|het|deze chat|de chat|dit ding) (?:\w+ )?werkt)\b",
    re.IGNORECASE)


_WRONG_CHAT = re.compile(
    r"\bverkeerde (?:chat|gesprek|app|appje|venster|scherm|groep)\b"
    r"|\bniet voor (?:jou|u|jullie|de gemeente) bedoeld\b"
    r"|\bwrong (?:chat|window|conversation)\b|\bnot (?:meant|intended) for you\b",
    re.IGNORECASE)
WRONG_CHAT_MAX_WORDS = 8  # longer, it says more than that
# Written to someone close, not to the municipality: "schat, neem jij de boodschappen mee?",
# "lieverd ik sta in de file". The pet name opens the message and is followed by a comma or
# by words spoken to that person, never by a verb about them ("mama zit in een rolstoel").
_TO_SOMEONE_CLOSE = re.compile(
    r"^\W*(?:(?:hoi|hey|hee|hi|he|ha|hallo|yo)\W+)?(?:schat(?:je|tie|ie)?|lieverd|liefje|"
    r"lieffie|mam|mama|mammie|pap|papa|pappie|babe|honey|hunnie)"
    r"(?:\s*,|\s+(?:ik|jij|je|kun|kan|kunnen|wil|ben|heb|vergeet|neem|bel|kom|hoe|waar|"
    r"wanneer|zie|weet|heeft|hebben)\b)", re.IGNORECASE)


# "Wordt het wel echt vandaag?", "hoe lang moet ik wachten?" after a handover.
_ABOUT_THE_WAIT = re.compile(
    r"\b(?:hoe ?lang|wanneer|vandaag|morgen|nog lang|duurt|wachten|wacht|hoe snel|vanmiddag|"
    r"vanavond|vanochtend|straks|binnenkort|deze week|dit weekend|(?:voor|na) het weekend|"
    r"zo meteen|hoe ?laat|om welke tijd|hoe vroeg|how long|how soon|when|what time|today|"
    r"tomorrow)\b", re.IGNORECASE)
# "ok", "prima", "👍" after a handover: heard, not a new message for the colleague.
_OK_WORDS = frozenset("ok oke oké okee okay okido prima goed top helder duidelijk fijn super "
                      "ja jaja jawel akkoord afgesproken perfect mooi cool alright".split())


MAX_WAIT_QUESTION_WORDS = 9
# "Wanneer wordt de lantaarnpaal gemaakt?", "wanneer is het gemeentehuis open?": a question
# with a subject of its own, not about the colleague's answer.
_OWN_SUBJECT = re.compile(r"\b(?:de|een|mijn|onze|het)\s+(?!weekend\b|middag\b|ochtend\b)"
                          r"[a-zà-ü]{4,}|\b(?:open|dicht|melden|aanvragen)\b", re.IGNORECASE)


# "komt dit dan ook echt bij iemand terecht?", "wordt mijn bericht wel gelezen?"
_WHETHER_IT_ARRIVES = re.compile(
    r"\bkomt (?:dit|dat|het|mijn (?:bericht|vraag|verzoek))\b(?: \w+){0,6} (?:terecht|aan)\b"
    r"|\b(?:leest|ziet) (?:er )?(?:wel )?(?:iemand|een mens|een collega) (?:dit|dat|het|mee)\b"
    r"|\bwordt (?:dit|dat|het|mijn (?:bericht|vraag))(?: \w+){0,2} "
    r"(?:gelezen|doorgegeven|bekeken)\b"
    r"|\bdoes (?:anyone|someone) (?:read|see) (?:this|it)\b"
    # "hallo?? krijg ik nog antwoord", "is daar iemand?", "reageert er nog iemand?"
    r"|\bkrijg (?:ik|we) (?:nog |ooit |wel |ook )*(?:een )?(?:antwoord|reactie)\b"
    r"|\b(?:is|zit) (?:daar|er) (?:nog |wel )*iemand\b|\breageert (?:er )?(?:nog |wel |ooit )*"
    r"iemand\b|\bis (?:there )?anyone there\b|\bam i getting an answer\b"
    r"|^\W*(?:hallo+|hello+|hey+)\W*\?+\W*$", re.IGNORECASE)


# "vanochtend om 7 uur", "sinds gisteren", "al 3 dagen": when, told where a yes or no was
# asked; the words around it that only say the bin or thing was out or there.
_WHEN = re.compile(
    r"\b(?:vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|gisteren\w*|eergisteren|vandaag|"
    r"zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|\w+(?:ochtend|middag|avond)|"
    r"(?:vorige|afgelopen) (?:week|maand|\w+dag)|om (?:half )?\d{1,2}(?:[.:]\d{2})?(?: uur)?|"
    r"\d{1,2}(?:[.:]\d{2})? uur|al (?:een|\d+|twee|drie|vier) (?:dag|dagen|week|weken|maand"
    r"|maanden)|sinds \w+|s ochtends|'s ochtends|'s morgens|s morgens|op tijd)\b", re.IGNORECASE)
_WHEN_FILLER = frozenset("""
al om rond ongeveer zo tegen het de hij ie die ze stond stonden was is heb had buiten aan
straat bak container kliko en ook gewoon echt toch wel
""".split())


def only_tells_when(text: str) -> bool:
    """The message only says when ("vanochtend om 7 uur", "sinds gisteren al")."""
    rest = _WHEN.sub(" ", text or "")
    if rest == (text or ""):
        return False
    return all(word in _WHEN_FILLER for word in re.findall(r"[a-zà-ü]+", rest.lower()))


# Words that stop a report. The classifier's "stop" without one of them in a form is a
# guess ("zei ik toch, voor de kapper. nummer weet ik niet"), not a stop.
_STOP_WORDS = re.compile(
    r"\b(?:stop\w*|laat (?:\w+ ){0,3}(?:maar|zitten|ook)|annul\w*|trek (?:\w+ ){0,3}in|"
    r"opgeruimd|vergeet|toch (?:maar )?(?:niet|niks)|"
    r"hou (?:\w+ )?op|ophouden|hoef\w* (?:\w+ )?(?:niet|niks|geen)|afbre\w*|bedacht|intrek\w*|"
    r"kappen|cancel\w*|niet (?:meer )?(?:verder|doen|melden)|niks (?:meer )?melden|geen melding|"
    r"opgelost|al gemaakt|bel wel|never ?mind|forget|quit|abort|changed my mind|don'?t send|"
    r"do not send)\b", re.IGNORECASE)


_FOR_A_COLLEAGUE = re.compile(
    r"\b(?:een |mijn |het )?bericht (?:is )?(?:voor|aan) (?:uw|de|een|jullie|je) (?:collega|"
    r"medewerker|mens)\b|\bvoor (?:uw|de|een) (?:collega|medewerker) (?:bedoeld|bestemd)\b"
    r"|\b(?:geen melding|niet melden)\W+(?:\w+ ){0,3}(?:collega|medewerker)\b"
    r"|\bmessage for (?:your|a|the) colleague\b", re.IGNORECASE)


def meant_for_a_colleague(text: str) -> bool:
    """"Het is een bericht voor uw collega": what was written is for a person, not a report."""
    return bool(_FOR_A_COLLEAGUE.search(text or ""))


_A_PERSON = re.compile(
    # ("mag ik iemand van de gemeente persoonlijk spreken?", "kan ik morgen iemand van de
    # gemeente aan de lijn krijgen?", round r164 of session 52)
    r"\b(?:echte? mens|een mens|medewerker|iemand|collega|persoon) (?:\w+ ){0,5}?(?:spreken|"
    r"aan de lijn|aan de telefoon)\b"
    # "kan ik hier met iemand chatten?" (round 95, after the 113 answer)
    r"|\bmet (?:een )?(?:echte? )?(?:mens|medewerker|iemand|collega|persoon)\b(?: \w+){0,2}? "
    r"(?:chatten|praten|spreken|appen)\b"
    r"|\b(?:talk|speak|chat) (?:to|with) (?:a |an )?(?:real )?(?:human|person|agent|employee|"
    r"someone)\b"
    # "laat maar. mag ik een medewerker" (round r135 of session 50: the bulky-waste answer)
    r"|\b(?:mag|kan|kun|wil|wilde) ik (?:nu |even |graag |toch |dan )*(?:met )?(?:een |de )?"
    r"(?:echte? )?(?:medewerker|mens|collega)\b(?!\s+(?:vragen|laten|langs|sturen))"
    r"|^\W*(?:een |de )?(?:echte? )?(?:medewerker|mens)\W*(?:graag|aub|alstublieft|please)?\W*$",
    re.IGNORECASE)


# "Berichten? Ik kan niet zo goed sms lezen, liefst even bellen" at the updates question
# (round r172 of session 52: 112 and "our colleagues are not here"): news, by phone
_BY_PHONE = re.compile(r"\b(?:liefst|liever|het liefst|graag|bij voorkeur)\s+(?:\w+\s+){0,2}?"
                       r"(?:bellen|gebeld|telefonisch|per telefoon|via de telefoon|"
                       r"een telefoontje)\b"
                       r"|\b(?:rather|prefer(?:ably)?)\s+(?:\w+\s+){0,2}?(?:a\s+)?(?:call|phone)\b"
                       # "berichten?? ik wil GEBELD worden" (round r175)
                       r"|\bwil\s+(?:(?!niet\b|geen\b)\w+\s+)?gebeld\s+worden\b",
                       re.IGNORECASE)


def prefers_a_call(text: str) -> bool:
    """The resident would rather be phoned than read a message."""
    return bool(_BY_PHONE.search(text or ""))


def asks_for_a_person(text: str) -> bool:
    """"IK WIL NU EEN ECHT MENS SPREKEN GEEN ROBOT": a person, whatever else the message says."""
    return bool(_A_PERSON.search(text or ""))


_PERSON_ASKED = re.compile(
    r"\b(?:iemand|medewerker|collega|mens|persoon|someone|person|agent)\b(?: \w+){0,2}? "
    r"(?:spreken|bellen|praten|chatten|aan de lijn|aan de telefoon|talk|speak)\b", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:over|about)\s+(.+)$", re.IGNORECASE)


def subject_of_the_request(text: str) -> str:
    """What a request for a person is about: "ik wil iemand spreken over mijn huurtoeslag"
    -> "mijn huurtoeslag"; the message without the request when it names no "over"."""
    found = _PERSON_ASKED.search(text or "")
    if found is None:
        return text or ""
    about = _ABOUT.search(text[found.end():])
    return about.group(1) if about else f"{text[:found.start()]} {text[found.end():]}".strip()


# "Nou ik ga maar", "ik moet weg", "I have to go": the resident leaves the chat.
_LEAVING = re.compile(
    r"\bik\s+(?:ga|moet)\s+(?:nu\s+|maar\s+|zo\s+|even\s+|er\s+)*(?:weg|gaan|stoppen|vandoor)\b"
    r"|\bik\s+ga\s+(?:\w+\s+)?maar\s*(?:[.!,]|$)|\bik\s+haak\s+af\b"
    r"|\bi\s+(?:have|need|got)\s+to\s+go\b|\bi'?m\s+(?:off|leaving)\b", re.IGNORECASE)


# "Bedankt voor de moeite. Hoogachtend, mevr. Bakker" (round r57): a letter's sign-off
_SIGNED_OFF = re.compile(r"\b(?:hoogachtend|(?:met )?vriendelijke groet(?:en)?|met een "
                         r"vriendelijke groet|mvg|kind regards|best regards|yours sincerely)"
                         r"\b(?:\W+[\w.-]+){0,4}\W*$", re.IGNORECASE)


def leaves_the_chat(text: str) -> bool:
    """"Nou ik ga maar. Dag", "ik moet weg, doei": the resident goes, mid-conversation.
    Thanks alone ("bedankt") is no leaving: it closes what was answered."""
    text = (text or "").replace("’", "'")
    return bool(_LEAVING.search(text) or _BYE_AT_END.search(text)
                or is_only_a_farewell(text))


def signs_off(text: str) -> bool:
    """"… Hoogachtend, mevr. Bakker": the message ends with a letter's greeting."""
    return bool(_SIGNED_OFF.search(text or ""))


def says_stop(text: str) -> bool:
    """The message has a word that stops a report ("laat maar", "annuleer", "cancel")."""
    return bool(_STOP_WORDS.search(text or ""))


def asks_beside_a_stop_word(text: str) -> bool:
    """A question that has a stop word in it but asks more ("hoeft dat niet met de
    computer?"), not "laat maar?"."""
    text = text or ""
    rest = _STOP_WORDS.sub(" ", text)
    if not _STOP_WORDS.search(text) and (_is_question(text) or _ASKED_WITHOUT_MARK.match(text)
                                         or _ASKS_WHETHER.match(text)):
        return True  # "KAN HET SNELLER OF NIET" (round r206 of session 55): no stop word at all
    return "?" in text and len(re.findall(r"[^\W\d_]{3,}", rest)) >= 2


def asks_if_it_arrives(text: str) -> bool:
    """A question whether the message left really reaches a person."""
    return bool(_WHETHER_IT_ARRIVES.search(text or ""))


_ASKS_HOW_LONG = re.compile(r"^\W*(?:en\s+)?(?:hoe ?lang|wanneer|hoe ?laat|hoe snel)\b",
                            re.IGNORECASE)


def asks_about_the_wait(text: str) -> bool:
    """A question when the colleague comes ("wordt het wel echt vandaag?")."""
    parts = sentences(text)
    # "Dank u, dat is fijn. Hoe laat belt men?", "HOE LANG?? uur? dag?", "hoelang duurt dat dan"
    questions = [part for part in parts if "?" in part or _ASKS_HOW_LONG.match(part)]
    return any(_ABOUT_THE_WAIT.search(question)
               and len(question.split()) <= MAX_WAIT_QUESTION_WORDS
               and not _OWN_SUBJECT.search(question) for question in questions)


def is_only_an_ok(text: str) -> bool:
    """"ok", "Prima!", "👍", "oke top, bedankt": heard, nothing asked or told."""
    words = re.findall(r"[^\W\d_]+", _THANKS.sub(" ", text or "").lower())
    return (all(word in _OK_WORDS or word in _COURTESY for word in words)
            if words else bool(re.fullmatch(r"\s*(?:👍|👌|🙂|😊|🙏)+\s*", text or "")))


def written_to_someone_close(text: str) -> bool:
    """"Schat, ik ben om 6 uur thuis", "mam, bel je me even?": meant for someone else."""
    return bool(_TO_SOMEONE_CLOSE.search((text or "").replace("’", "'")))


def sent_to_the_wrong_chat(text: str) -> bool:
    """"oeps verkeerde app sorry", "dit was niet voor jou bedoeld": not for the bot at all."""
    text = (text or "").replace("’", "'")
    return bool(_WRONG_CHAT.search(text)) and len(text.split()) <= WRONG_CHAT_MAX_WORDS


def ends_the_chat(text: str) -> bool:
    """"Eigenlijk niks hoor, wilde alleen kijken of dit werkt. doei", "oeps verkeerde chat":
    a goodbye, no request."""
    if sent_to_the_wrong_chat(text):
        return True
    text = (text or "").replace("’", "'")
    # ("Dan bel ik dinsdag wel. Goedenavond.": round r267 of session 63, the welcome again)
    return bool(_BYE_AT_END.search(text)
                and (_NOTHING_NEEDED.search(text) or is_thanks_or_goodbye(text)
                     or will_call_us(text)))


# "Het is eigenlijk 1 probleem", "dat hoort bij elkaar": two problems the bot split are one.
_ONE_PROBLEM = re.compile(
    r"\b(?:eigenlijk|maar|gewoon|slechts|toch|allemaal|alles) (?:1|één|een|eén|1 en hetzelfde) "
    r"(?:probleem|melding|ding|geheel)\b|\b(?:1|één|eén) (?:probleem|melding)\b"
    r"|\b(?:hoort|horen|horen) (?:\w+ )?bij elkaar\b|\bhetzelfde (?:probleem|ding)\b"
    r"|\b(?:is|zijn) hetzelfde\b|\bgeen (?:2|twee) (?:meldingen|problemen|dingen)\b"
    r"|\bniet (?:2|twee) (?:meldingen|problemen|dingen)\b"
    r"|(?:^|\W)(?:'t|t|het|dat|is) (?:is )?(?:maar |gewoon |toch |slechts )?(?:één|eén|1) \w+"
    r"|\b(?:just |only )?one (?:problem|issue|report)\b|\bsame (?:problem|issue)\b",
    re.IGNORECASE)


def says_it_is_one_problem(text: str) -> bool:
    """True when the resident says the problems the bot split are one."""
    return bool(_ONE_PROBLEM.search(text or ""))


# "Alleen de ratten melden", "haal die brommers eruit", "de brommers niet": of the problems
# the bot split, the resident keeps one or drops one. The captured word names the problem.
_ART = r"(?:(?:de|het|die|dat|dat van|the)\s+)?"
_KEEP_ONLY = re.compile(
    # not "niet alleen vanochtend" (more, not less)
    rf"\b(?<!niet\s)(?<!not\s)(?:alleen|enkel|slechts|only)\s+(?:maar\s+)?(?:over\s+|about\s+)?"
    rf"{_ART}([\w'-]+)",
    re.IGNORECASE)
_DROP = re.compile(
    rf"\b(?:haal|laat|doe|schrap|remove|drop)\s+{_ART}([\w'-]+)\s+(?:er\s*uit|weg|eraf|"
    r"er\s+(?:nog\s+|maar\s+|even\s+|ff\s+)?af|"
    r"er\s+(?:maar\s+|even\s+|nou\s+)?uit|maar\s+weg|maar\s+zitten|vallen|out)\b"
    # "zonder de brommers", not "een auto zonder kenteken" (what the thing is like)
    rf"|(?:^|[,.;:!]\s*|\b(?:maar|dan|graag|alleen)\s+)(?:zonder|without|behalve|not)\s+{_ART}"
    r"([\w'-]+)"
    # "…, die brommers niet (melden) hoor": a clause of its own, not "ik zie de lamp niet"
    r"|(?:^|[,.;!]\s*|\b(?:maar|en|but)\s+)(?:de|het|die|dat|the)\s+([\w'-]+)\s+(?:niet|"
    r"hoeft\s+niet|hoeven\s+niet|mag\s+weg|mogen\s+weg|kan\s+weg|kunnen\s+weg|not)"
    r"(?:\s+(?:melden|hoor|graag|aub|svp|please))*\s*(?:[,.;!]|$)"
    # "die ratten laat u toch maar weg" (round r67 of session 40: sent as a yes)
    r"|(?:^|[,.;!]\s*|\b(?:maar|en)\s+)(?:de|het|die|dat)\s+([\w'-]+)\s+(?:laat|haal|doe|schrap)"
    r"\s+(?:(?:u|je|jij|jullie|ik|toch|maar|even|nou|dan|wel|er)\s+){0,4}(?:weg|eruit|uit|eraf)\b"
    # "mag de derde (alstublieft) weg?", "de derde is geen aparte melding" (round r230)
    rf"|\b(?:mag|kan|moet)\s+{_ART}([\w'-]+)\s+(?:(?:alstublieft|alsjeblieft|aub|svp|even|er|dan|"
    r"wel|ook|nog|gewoon|toch)\s+){0,3}(?:weg|eruit|uit|eraf)\b"
    rf"|\b{_ART}([\w'-]+)\s+(?:is|was)\s+(?:\w+\s+){0,2}geen\s+(?:aparte|eigen|losse|nieuwe|tweede|"
    r"derde)\s+melding\b",
    re.IGNORECASE)
_MIN_STEM = 3
COMMON_WORD_ZIPF = 5.0  # "als", "mijn", "een": never what a problem is called


def _names(word: str, problem: str) -> bool:
    """Whether `word` ("brommers", "rat") names something in the problem's words."""
    stem = word.lower()[:max(_MIN_STEM, len(word) - 2)]
    # a compound's head names it too: "tegel" the "stoeptegel" (round r68 of session 40)
    return len(word) >= _MIN_STEM and any(
        token.startswith(stem) or len(word) >= 4 and token.endswith(word.lower())
        for token in re.findall(r"[\w'-]+", problem.lower()))


_ORDINALS = {"eerste": 0, "1e": 0, "first": 0, "tweede": 1, "2e": 1, "second": 1,
             "derde": 2, "3e": 2, "third": 2}


def _all_named(word: str, problems: List[str]) -> List[int]:
    """The problems `word` names: the one it names alone, or every one for a word of a
    phrase ("haal dat over mijn man en de rekeningen eruit" drops both sentences)."""
    one = _the_one_named(word, problems)
    if one is not None:
        return [one]
    return [index for index, problem in enumerate(problems) if _names(word, problem)] \
        if word.lower() not in _ORDINALS else []


def _the_one_named(word: str, problems: List[str]) -> Optional[int]:
    if word.lower() in _ORDINALS:  # "alleen de eerste"
        index = _ORDINALS[word.lower()]
        return index if index < len(problems) else None
    named = [index for index, problem in enumerate(problems) if _names(word, problem)]
    return named[0] if len(named) == 1 else None


_AND_ORDINALS = re.compile(r"(?:\s*(?:,|en|and|&)\s*(?:de\s+|het\s+|the\s+)?"
                           r"(?:eerste|tweede|derde|first|second|third))+\b", re.IGNORECASE)
_WHERE_IT_IS = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+(?:is|ligt|liggen|staat|staan|zit|zitten|hangt)"
                          r"\s+(?:\w+\s+)?(?:bij|op|in|aan|voor|tegenover|naast|achter|verderop)\b",
                          re.IGNORECASE)
_NOT_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:niet|nie|not)\b(?!\s+(?:de|het|die|dat|the|a|an)\b)",
                        re.IGNORECASE)


def split_problem_texts(description: Optional[str], more: Optional[List[dict]]) -> List[str]:
    """The texts of the problems the bot split: the report's own first, then the others."""
    return [description or ""] + [problem.get("text", "") for problem in more or []]


# "Mag punt 3 weg?", "haal (2) eruit", "melding 3 is geen aparte melding": the numbers the
# summary shows before the problems, said as the ordinals the readers below know (round r230)
_NUMBERED = re.compile(r"\b(?:punt(?:en)?|melding(?:en)?|items?|points?|numbers?|nummers?)\s*"
                       r"\(?[123]\)?(?:\s*(?:,|en|and|&)\s*\(?[123]\)?)*(?!\s*(?:\d|-|[,.]\s*\d))"
                       r"|\([123]\)|^\W*[123](?=\s+(?:mag|mogen|moet|moeten|kan|hoeft|hoort)\b)",
                       re.IGNORECASE)
_ORDINAL_OF = {"1": "eerste", "2": "tweede", "3": "derde"}


def numbered_as_ordinals(text: str) -> str:
    """"mag punt 3 weg" → "mag derde weg", "alleen punt 1 en 2" → "alleen eerste en tweede"."""
    def ordinals(found: re.Match) -> str:
        return re.sub(r"\(?([123])\)?", lambda digit: _ORDINAL_OF[digit.group(1)],
                      re.sub(r"^\w+\s*", "", found.group(0)) if found.group(0)[0].isalpha()
                      else found.group(0))
    return _NUMBERED.sub(ordinals, text or "")


def problems_to_keep(text: str, problems: List[str]) -> Optional[List[int]]:
    """Which of the split problems the resident still wants reported ("alleen de ratten",
    "die brommers niet", "mag punt 3 weg?"), by their place in `problems`; None when they
    did not choose."""
    if len(problems) < 2 or _A_SENTENCE_ABOUT.search(text or ""):
        return None  # "haal die zin over mijn kleinzoon weg": words, not a whole problem
    text = numbered_as_ordinals(text)
    for found in _KEEP_ONLY.finditer(text or ""):
        if found.group(1).lower() in _LITTLE_WORDS:
            continue  # "alleen als het klaar is"; a common noun may name one ("alleen de auto")
        if _WHERE_IT_IS.match(text, found.end()):
            continue  # "alleen de losse tegel is bij de bushalte": where it is (round r68)
        kept = _the_one_named(found.group(1), problems)
        more = _AND_ORDINALS.match(text, found.end())
        if kept is not None and more:  # "alleen punt 1 en 2"
            return sorted({kept} | {_ORDINALS[word.lower()] for word in
                                    re.findall(r"\w+", more.group(0))
                                    if _ORDINALS.get(word.lower(), 9) < len(problems)})
        if kept is not None and _NOT_AFTER.match(text, found.end()):
            # "de lantaarnpaal wel, alleen de graffiti niet" (round r58: the graffiti kept)
            return [index for index in range(len(problems)) if index != kept]
        if kept is not None:
            return [kept]
    dropped = {index for word in _dropped_words(text) for index in _all_named(word, problems)}
    dropped.discard(None)
    kept = [index for index in range(len(problems)) if index not in dropped]
    return kept if dropped and kept else None


def chooses_among_problems(text: str) -> bool:
    """"Doe alleen dat glas maar, die fiets laat maar zitten": a choice of what to report."""
    text = numbered_as_ordinals(text)
    return any(_is_a_name_for_a_problem(found.group(1)) for found in _KEEP_ONLY.finditer(
        text)) or bool(_dropped_words(text))


def _is_a_name_for_a_problem(word: str) -> bool:
    """"brommers", "ratten", "tweede"; not "5" in "number 6, not 5", nor a common word
    ("alleen als het klaar is", "zonder mijn naam")."""
    if word.lower() in _ORDINALS:
        return True
    if _A_STREET_NAME.search(word):
        return False  # "schoolstraat, not kerkstraat" corrects the place (round r220)
    common = zipf(word.lower())
    return (word.isalpha() and len(word) >= _MIN_STEM
            and (common is None or common < COMMON_WORD_ZIPF))


_A_STREET_NAME = re.compile(r"(?:straat|weg|laan|plein|singel|dijk|kade|gracht|steeg|hof|"
                            r"dreef|baan|markt)$", re.IGNORECASE)
_LITTLE_WORDS = frozenset("mijn mijne jouw zijn haar onze uw hun die dat dit deze het een "
                          "van met voor over naar bij als maar ook nog wel niet wat".split())
# (round r224 of session 57: the whole report about the tiles was dropped)
_A_SENTENCE_ABOUT = re.compile(r"\b(?:zin|zinnetje|stuk|stukje|gedeelte|woorden|sentence|"
                               r"bit|part)\s+(?:over|about)\b", re.IGNORECASE)
# "haal dat over mijn man en de rekeningen er maar uit": a part named by what it is about.
_DROP_ABOUT = re.compile(
    r"\b(?:haal|laat|doe|schrap)\s+(?:dat|het|die|de)\s+(?:stuk\s+|stukje\s+|deel\s+|zin\s+|"
    r"gedeelte\s+)?over\s+((?:[\w'-]+\s+){1,6}?)(?:er\s*(?:maar\s+|even\s+|nou\s+)?uit|"
    r"maar\s+weg|weg|eraf)\b", re.IGNORECASE)


# "derde hoeft niet", "tweede mag weg", "derde was een aanvulling van mij" (the numbers said
# as ordinals by numbered_as_ordinals; round r230: "punt 3 was slechts een verduidelijking")
_DROP_ORDINAL = re.compile(
    r"\b((?:(?:eerste|tweede|derde|first|second|third)\s*(?:,|en|and|&)\s*)*"
    r"(?:eerste|tweede|derde|first|second|third))\s+(?:(?:mag|mogen|kan|moet|hoeft|hoeven|can|"
    r"may)\s+(?:er\s+)?(?:\w+\s+)?(?:weg|eruit|uit|niet|vervallen|go|be\s+removed)\b|(?:niet|weg|"
    r"weghalen|wegdoen|eruit|not)\b|(?:is|was)\b[^.?!]{0,60}?\b(?:geen\s+(?:aparte|eigen|losse)\s+melding|"
    r"verduidelijking|aanvulling|toelichting|uitleg))", re.IGNORECASE)


# "remove number 2", "verwijder punt 3" (round r232 of session 58: house number 2)
_REMOVE_ORDINAL = re.compile(r"\b(?:remove|delete|drop|schrap|verwijder)\s+(?:the\s+|de\s+|het\s+)?"
                             r"((?:(?:eerste|tweede|derde|first|second|third)\s*(?:,|en|and|&)\s*)*"
                             r"(?:eerste|tweede|derde|first|second|third))\b", re.IGNORECASE)


def _dropped_words(text: str) -> List[str]:
    single = [word for found in _DROP.finditer(text or "") for word in found.groups()
              if word and _is_a_name_for_a_problem(word)]
    single += [word for pattern in (_DROP_ORDINAL, _REMOVE_ORDINAL)
               for found in pattern.finditer(text or "")
               for word in re.findall(r"\w+", found.group(1)) if word.lower() in _ORDINALS]
    about = [word for found in _DROP_ABOUT.finditer(text or "")
             for word in found.group(1).split()
             if len(word) >= _MIN_STEM and word.lower() not in _LITTLE_WORDS]
    return single + about


def drops_what_is_not_there(text: str, description: str) -> bool:
    """"Laat die vuilbak maar vallen" about a description without the bin: the resident
    leaves out a problem that was taken out already."""
    dropped = _dropped_words(text)
    return bool(dropped) and not any(_names(word, description) for word in dropped)


def already_left_out(text: str, description: str) -> bool:
    """"Haal die brommers eruit" about a description without brommers, or "alleen de ratten"
    about one that is only about rats: what the resident asks is already so."""
    kept = [found.group(1) for found in _KEEP_ONLY.finditer(text or "")
            if _is_a_name_for_a_problem(found.group(1))]
    dropped = _dropped_words(text)
    return bool(kept or dropped) and all(_names(word, description) for word in kept) and not any(
        _names(word, description) for word in dropped)


# "Waar: fietspad van de watertoren naar het zwembad", "bij waar graag: …": the summary's
# other label (round r269 of session 63: only the "Wat:" was carried out)
_WHERE_LABEL = re.compile(r"(?:^|[\s.,;!])(?:bij\s+)?(?:waar|where|de\s+plek|locatie|location)"
                          r"(?:\s+(?:graag|moet\s+(?:er\s+)?(?:zijn|worden|staan)|is|"
                          r"should\s+be))?\s*:\s*"
                          r"(.+?)(?=\s*(?:wat|what)\s*:|[.!?](?:\s|$)|$)",
                          re.IGNORECASE | re.DOTALL)
# "bij waar moet nog 'bij de snackbar' erbij" (round r276: sent without it): a spot added
_WHERE_ADDED = re.compile(r"(?:^|[\s.,;!])(?:bij\s+)?(?:waar|where|de\s+plek|de\s+plaats)\s+"
                          r"(?:moet|mag|kan|graag|please)?\s*(?:er\s+)?(?:nog|ook|also)?\s*"
                          r"['\"‘“](.+?)['\"’”]\s*(?:erbij|bij|achter|aan\s+toe|add(?:ed)?)\b",
                          re.IGNORECASE)


def place_added(text: str) -> Optional[str]:
    """The spot the resident asks to add to the summary's "Waar:" ("bij waar moet nog 'bij de
    snackbar' erbij"), or None."""
    found = _WHERE_ADDED.search(text or "")
    return found.group(1).strip(" .,;") or None if found else None


def labelled_place(text: str) -> Tuple[Optional[str], str]:
    """What the resident wrote after the summary's "Waar:" label (or None), and the rest of
    the message."""
    found = _WHERE_LABEL.search(text or "")
    told = found.group(1).strip(" .,;") if found else ""
    rest = " ".join((text[:found.start()].strip(), text[found.end():].lstrip(" .!?,;"))
                    ).strip() if found else text
    return told or None, rest


# "Wat: ratten bij de containers": the resident writes the summary's own label.
_WHAT_LABEL = re.compile(r"(?:^|[\s.,;!])(?:bij\s+)?(?:wat|what)"
                         # "wat moet zijn: deksel afgebroken …" (round r277: only the place)
                         r"(?:\s+(?:graag|moet\s+(?:er\s+)?(?:zijn|worden|staan)|is|should\s+be))?"
                         r"\s*:\s*(.+?)(?=\s*(?:bij\s+)?(?:waar|where)(?:\s+\w+){0,3}\s*:|$)",
                         re.IGNORECASE | re.DOTALL)
# "De omschrijving moet zijn: onveilige kruising, graag verkeerslichten", "ik wil de
# beschrijving veranderen in: …", "please change the description to: …", "de omschrijving
# klopt niet, het is een groot gat"
_DESCRIPTION = r"(?:omschrijving|beschrijving|tekst|description|text)"
_DESCRIPTION_SAYS = re.compile(
    rf"\b{_DESCRIPTION}\s+(?:moet|mag|kan|should|must)\s+(?:\w+\s+)?(?:zijn|worden|be|say)"
    rf"\s*:?\s*(.+)$|\b(?:omschrijving|beschrijving|description)\s*:\s*(.+)$"
    r"|^\W*(?:de\s+|het\s+)?(?:omschrijving|beschrijving)\s*,\s*(.+)$"
    rf"|\b{_DESCRIPTION}\s+(?:\w+\s+)?(?:veranderen|wijzigen|aanpassen|verbeteren|changed|"
    r"updated)\s+(?:in|naar|to|into)\b\s*:?\s*(.+)$"
    r"|\b(?:verander|wijzig|change|update|make)\s+(?:de\s+|het\s+|the\s+)?"
    rf"{_DESCRIPTION}\s+(?:in|naar|to|into)\b\s*:?\s*(.+)$"
    rf"|\b{_DESCRIPTION}\s+(?:klopt\s+(?:niet|nie)(?:\s+helemaal)?|is\s+(?:niet\s+goed|fout|"
    r"verkeerd|wrong|not\s+right|incorrect))\s*[,.:;!-]\s*(.+)$"
    # "Kunt u bij Wat niet gewoon zetten: stoeptegel los" (round r51), "bij wat alleen de
    # kapotte stoeptegel zetten aub" (round r48)
    r"|\bbij\s+(?:wat|what)\b[^:]{0,30}?(?:zetten|neerzetten|schrijven|opschrijven|put)\s*:\s*(.+)$"
    r"|\bbij\s+(?:wat|what)\s*:?\s*(?:alleen|enkel|only|gewoon)?\s*(.+?)\s+(?:zetten|neerzetten|"
    r"schrijven|opschrijven|put)\b"
    # "daar staat nog steeds parkweg. maak er van: schommel in speeltuin …" (round 86)
    r"|\bmaak\s+(?:er|het|dat|daar)\s*(?:maar\s+)?van\s*:\s*(.+)$"
    # "change the text please: …", "verander de tekst aub: …", "pas de omschrijving aan: …"
    # (round r61: sent without a new check)
    rf"|\b(?:change|update|fix|verander|wijzig|pas)\s+(?:de\s+|het\s+|the\s+)?{_DESCRIPTION}"
    r"(?:\s+\w+){0,2}?\s*:\s*(.+)$"
    # "the what is wrong. it should say …", "the What still says Thanks. please change it
    # to: …" (round r58: sent as a yes, the instruction added to the report)
    r"|\b(?:wat|what)\s+(?:is\s+(?:wrong|not\s+right|incorrect|fout|niet\s+goed)|klopt\s+"
    r"(?:niet|nie)|(?:still\s+)?says\b[^.!?]*|staat\s+(?:nog\s+)?(?:steeds\s+)?[^.!?]*)"
    r"[\s.,;:!-]+(?:it\s+should\s+(?:say|be|read)|(?:please\s+)?(?:change|make)\s+it\s+"
    r"(?:to|into)|het\s+moet\s+zijn|er\s+moet\s+staan|maak\s+er\s+van|verander\s+het\s+in)"
    r"\s*:?\s*(.+)$"
    # "nee er moet staan dat de tegel omhoog steekt" (round r104 of session 45: kept whole)
    r"|^\W*(?:(?:nee|neen|no|nope|sorry|klopt\s+niet)\W+)?(?:er|daar)\s+(?:moet|hoort|mag)\s+"
    r"(?:\w+\s+)?staan\s*:?\s*(.+)$|^\W*(?:(?:no|nope|sorry)\W+)?it\s+should\s+(?:say|read)"
    r"\s*:?\s*(.+)$", re.IGNORECASE | re.DOTALL)
_NOTHING_ELSE = re.compile(r"[\s.,;!]*\b(?:verder\s+(?:niks|niets)|meer\s+niet|dat\s+is\s+"
                           r"alles|that\s*'?s\s+all|nothing\s+else)\b\W*$", re.IGNORECASE)


# "dat stuk 'belt ge mij dan' moet er niet bij", "haal 'Tamam' eruit", "remove 'thanks'"
_QUOTED = re.compile(r"(?:^|(?<=[\s(:]))['‘’\"“”]([^'‘’\"“”]{3,120}?)['‘’\"“”](?!\w)")
_REMOVE = re.compile(
    r"\b(?:moet|mag|hoeft|hoort)\s+(?:er\s+|daar\s+)?(?:\w+\s+)?(?:niet|nie|ni)\s+(?:bij|in|"
    r"staan)\b|\b(?:moet|mag|kan)\s+(?:er\s+)?(?:\w+\s+)?(?:uit|eruit|weg|eraf)\b"
    r"|\b(?:eruit|er\s+uit|weg)\s+(?:halen|laten|doen)\b|\b(?:haal|laat|doe|schrap|"
    r"verwijder)\b(?:\s+\S+){0,8}?\s+(?:weg|eruit|er\s+(?:maar\s+|even\s+|nou\s+)?uit)\b"
    # "zonder die zin 'dat was veel tekst' aub" (round r231 of session 58: the description)
    r"|\bzonder\s+(?:die|de|dat|het)\s+(?:zin(?:netje)?|stuk(?:je)?|woorden|tekst|regel)\b"
    r"|\b(?:weglaten|schrappen|"
    r"verwijderen|remove|delete|leave\s+out|take\s+out|shouldn'?t\s+be\s+(?:there|in))\b",
    re.IGNORECASE)


# "haal die bakker eruit", "take the bin part out", "remove the bin bit": what, unquoted
_REMOVE_NAMED = re.compile(
    # "haal nu alleen nog die zin over de brommers weg aub" (round r58: sent as a yes)
    r"\b(?:haal|laat|doe|schrap|verwijder)\s+(?:(?:nu|dan|alleen|nog|even|ook|wel|toch)\s+){0,4}"
    r"(?:(?:dat|het|die|de)\s+(?:stuk(?:je)?|zin(?:netje)?|"
    r"deel|gedeelte|regel|tekst)\s+(?:over|met)\s+)?"
    r"(?:(?:die|de|het|dat)\s+)?((?!(?:maar|even|alles|dit|dat|het|die|hem|toch|ook|nou)\b)"
    r"[^\W\d_]{3,}(?:\s+(?!eruit|weg|er\b)[^\W\d_]+){0,2})\s+"
    r"(?:eruit|er\s+(?:maar\s+|even\s+|ff\s+|nou\s+)?uit|weg)\b"
    # "de zin over mijn vrouw graag weglaten" (round r60: sent as a thank-you yes)
    # ("de eerste zin over mijn kleindochter weghalen", "de laatste zin over mijn paspoort mag
    # eruit", round r233 of session 58)
    r"|\b(?:de|het|die|dat)\s+(?:(?:eerste|laatste|tweede)\s+)?(?:zin(?:netje)?|stuk(?:je)?|deel|"
    r"gedeelte|regel)\s+(?:over|met)\s+"
    r"(?:(?:mijn|de|het|die|dat|een)\s+)?((?:[^\W\d_]+\s+){0,2}?[^\W\d_]{3,})\s+"
    r"(?:\w+\s+){0,2}?(?:weglaten|weg\s+laten|weghalen|weg\s+halen|wegdoen|eruit|"
    r"er\s+(?:maar\s+|even\s+|ff\s+|nou\s+)?uit|"
    r"schrappen|verwijderen|weg)\b"
    # "Het stuk over de huishoudelijke hulp hoort er eigenlijk niet bij" (round r231), "Dat
    # over mijn kleindochter hoeft er niet bij" (round r233)
    r"|\b(?:de|het|die|dat)\s+(?:(?:zin(?:netje)?|stuk(?:je)?|deel|gedeelte|regel)\s+)?over\s+"
    r"(?:(?:mijn|de|het|die|dat|een)\s+)?((?:[^\W\d_]+\s+){0,2}?[^\W\d_]{3,})\s+(?:hoort|hoeft|"
    r"moet|mag)\s+er\s+(?:\w+\s+)?(?:niet|nie)\s+(?:bij|in)\b"
    # "ja maar zonder die zin over de container" (round r235 of session 58: sent as a yes)
    r"|\bzonder\s+(?:die|de|dat|het)\s+(?:zin(?:netje)?|stuk(?:je)?|deel|gedeelte)\s+over\s+"
    r"(?:(?:mijn|de|het|die|dat|een)\s+)?((?:[^\W\d_]+\s+){0,2}?[^\W\d_]{3,})\b"
    # "please remove the part about me not speaking dutch" (round r60: the branch went)
    r"|\b(?:remove|delete|take\s+out|leave\s+out|drop)\s+the\s+(?:part|bit|sentence|line)\s+"
    r"(?:about|with|where)\s+((?:[^\W\d_]+\s+){0,4}[^\W\d_]{3,})\b"
    r"|\b(?:take|leave)\s+(?:the\s+)?([^\W\d_]{3,})\s+(?:(?:part|bit|thing)\s+)?out\b"
    r"|\b(?:remove|delete)\s+(?:the\s+)?((?:[^\W\d_]+\s+){0,2}?[^\W\d_]{3,})\s+"
    r"(?:part|bit|thing|sentence)\b"
    # "Wilgenhof moet eruit, het is alleen het fietspad voor de school" (round r275)
    rf"|\b([^\W\d_]{{3,}}(?:{STREET_ENDINGS_WIDE}))\s+(?:moet|mag|kan)\s+(?:er\s*uit|weg|er\s*af)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    words: str
    quoted: bool  # the exact words; else a word naming the part to leave out
    phrase: str = ""  # the words it was named by ("my bike"), when more than that word


def part_to_remove(text: str) -> Optional[Removal]:
    """What the resident wants out of the report, if they ask that: quoted words
    ("'belt ge mij dan' moet er niet bij") or a part named ("haal die bakker eruit")."""
    quoted = _QUOTED.search(text or "")
    if quoted and _REMOVE.search(text):
        return Removal(quoted.group(1).strip(), quoted=True)
    named = _REMOVE_NAMED.search(text or "")
    if not named:
        return None
    words = next(group for group in named.groups() if group).split()
    word = max(words, key=len)  # "het gemeentehuis en rijbewijs"
    # "speaking": "speak…"; "huishoudelijke": "huishoud…" (the letter said "huishouding")
    return Removal(re.sub(r"(?<=\w{4})(?:elijke|elijk|ingen|ing)$", "", word), quoted=False,
                   phrase=" ".join(words) if len(words) > 1 else "")


# "haal de laatste 2 zinnen weg", "de laatste zin mag eruit" (round r233 of session 58: the
# description became "Haal de laatste 2 zinnen weg")
_LAST_SENTENCES = re.compile(
    r"\b(?:haal|schrap|verwijder|doe)\s+(?:(?:dan|maar|even|nog)\s+)*(?:de|die)\s+laatste\s+"
    r"(?:(\d|twee|drie)\s+)?zin(?:nen|netje)?\s+(?:maar\s+)?(?:weg|eruit|er\s+uit)\b"
    r"|\b(?:de|die)\s+laatste\s+(?:(\d|twee|drie)\s+)?zin(?:nen|netje)?\s+(?:mag|mogen|moet|moeten|"
    r"kan|kunnen|hoeft|hoeven)\s+(?:er\s*uit|eruit|weg|er\s+niet\s+bij)\b"
    r"|\b(?:remove|delete)\s+the\s+last\s+(?:(\d|two|three)\s+)?sentences?\b", re.IGNORECASE)
_COUNT_WORDS = {"twee": 2, "two": 2, "drie": 3, "three": 3}


def last_sentences_to_remove(text: str) -> int:
    """How many sentences at the end of the report the resident wants out; 0 for none."""
    found = _LAST_SENTENCES.search(text or "")
    if not found:
        return 0
    told = next((group for group in found.groups() if group), "1")
    return int(told) if told.isdigit() else _COUNT_WORDS.get(told.lower(), 1)


def labelled_description(text: str) -> Optional[str]:
    """The description after the summary's "Wat:" label, or after "de omschrijving moet
    zijn:", when the resident used it."""
    found = _WHAT_LABEL.search(text or "") or _DESCRIPTION_SAYS.search(text or "")
    if not found:
        return None
    said = _SAYS_LEAD.sub("", next(group for group in found.groups() if group))
    description = without_the_send(_NOTHING_ELSE.sub("", said)).strip(" .,;")
    return description or None


# "… is wrong, it should say a mattress", "… klopt niet, er moet staan: een matras".
_SAYS_LEAD = re.compile(r"^\W*(?:(?:it|this|that|het|dat|er)\s+(?:should|must|moet|hoort\s+te)\s+"
                        r"(?:say|be|read|zijn|staan)\b\s*:?\s*)?(?:dat\s+|that\s+)?",
                        re.IGNORECASE)


# The part of a report to change, typed after "Wat moet er anders?" ("de plek").
_PARTS = (
    ("correct_location", re.compile(
        r"(?:de |het |het )?(?:plek|plaats|locatie|adres|straat|straatnaam|huisnummer|waar|"
        r"waar het is)|(?:the )?(?:place|address|location|street)", re.IGNORECASE)),
    ("correct_description", re.compile(
        r"wat er (?:aan de hand|mis|kapot) is|(?:de |het )?(?:omschrijving|beschrijving|"
        r"probleem|wat)|(?:what is wrong|the description|description|the problem)",
        re.IGNORECASE)),
    ("correct_updates", re.compile(
        r"(?:de )?(?:berichten(?: wel of niet)?|updates|e-?mail|mailadres|telefoonnummer)"
        r"|(?:messages(?: or not)?|updates)", re.IGNORECASE)),
)


_CALLS_WRONG = re.compile(
    r"\b(?:klopt\s+(?:niet|niks|nie)|verkeerd\w*|fout\w*|niet\s+(?:goed|juist|correct)|"
    r"moet\s+anders|wrong|incorrect|not\s+right)\b", re.IGNORECASE)
_PART_WORDS = (
    ("correct_location", re.compile(r"\b(?:plek|plaats|locatie|adres|straat\w*|huisnummer|"
                                    r"nummer|place|address|location|street|number)\b",
                                    re.IGNORECASE)),
    ("correct_description", re.compile(r"\b(?:omschrijving|beschrijving|description)\b",
                                       re.IGNORECASE)),
    ("correct_updates", re.compile(r"\b(?:e-?mail\w*|mailadres|telefoonnummer|berichten|"
                                   r"updates)\b", re.IGNORECASE)),
)


def wrong_part(text: str) -> Optional[str]:
    """'Het adres klopt niet': the one part of the summary the resident calls wrong."""
    if not _CALLS_WRONG.search(text or ""):
        return None
    named = [intent for intent, pattern in _PART_WORDS
             if any(not _SAID_RIGHT.match(text, found.end()) for found in pattern.finditer(text))]
    return named[0] if len(named) == 1 else None


# "het adres wel", "de straat is goed": that part is right.
_SAID_RIGHT = re.compile(r"(?:\s+\w+){0,2}?\s+(?:wel|is\s+goed|klopt(?!\s+niet))\b",
                         re.IGNORECASE)


def part_to_change(text: str) -> Optional[str]:
    """'correct_location' / 'correct_description' / 'correct_updates' for a typed choice."""
    plain = re.sub(r"[^\w\s-]", " ", (text or "").lower())
    plain = " ".join(w for w in plain.split() if w not in {"graag", "nee", "dan", "alleen",
                                                             "please", "aanpassen", "wijzigen",
                                                             "veranderen", "change",
                                                             "en", "and", "what", "about"})
    for intent, pattern in _PARTS:
        if pattern.fullmatch(plain):
            return intent
    return None


# --- turns in the conversation --------------------------------------------------------
# "Hmm nee, toch wel doen" right after the report was stopped: it comes back.
_RESUME = re.compile(
    r"\btoch (?:wel|maar|graag)\b(?: \w+){0,3} (?:doen|melden|versturen|sturen|indienen)\b"
    r"|\b(?:wil|wilde) (?:ik )?(?:\w+ ){0,4}?toch (?:wel |graag |zelf |nog |even )*(?:doen|melden|"
    r"versturen)\b"
    r"|\btoch (?:wel )?(?:melden|versturen)\b|\b(?:doe|meld|verstuur) (?:\w+ )?(?:maar )?toch\b"
    r"|\b(?:wil|wilde|moet) (?:ik )?(?:het |t |dit |dat )?wel (?:\w+ )?(?:melden|doen|versturen)\b"
    r"|\bmelding moet (?:er )?(?:wel|toch) (?:in|door|verstuurd|weg)\b"
    r"|\bniet (?:stoppen|annuleren)\b"
    r"|\b(?:actually|on second thought),? (?:do|send|report) it\b"
    r"|\b(?:ik zei|i said) (?:toch |nou |net |juist )?(?:verstuur|versturen|melden|send)\b",
    re.IGNORECASE)
# "Kunnen jullie er ook bij zetten dat het de groene bak is?" right after a status answer:
# more for that report, passed on to the colleague who handles it, never a new report.
_ADD_TO_REPORT = re.compile(
    r"\ber ?(?:ook |nog )?bij (?:zetten|schrijven|vermelden|doen)\b|\b(?:toevoegen|aanvull\w*)\b"
    # "nog iets vergeten bij mijn melding van zojuist: …", "heeft u dat er nog bij gezet?"
    # (round r217 of session 56: only the photo question beside it was answered)
    r"|\b(?:nog )?iets vergeten (?:bij|in|over|voor|te zeggen over) (?:mijn|de|die|uw) melding\b"
    r"|\ber ?(?:ook |nog )?bij ?ge(?:zet|schreven|voegd)\b"
    # "kunt ge dat er nog bijzetten?" (round r215 of session 56: the dog-bite article)
    r"|\b(?:er ?)?bij(?:zetten|schrijven|voegen|vermelden)\b"
    r"|\ber (?:moet|mag) (?:ook |nog |wel )*bij\b"
    r"|\b(?:zet|schrijf|noteer|vermeld) (?:er |het )?(?:ook |nog |even |wel )*(?:bij|erbij)\b"
    r"|\b(?:zet|schrijf|noteer|vermeld)\b(?: \w+){1,6}? er ?(?:dan |ook |nog |even |ff |effe |"
    r"eventjes |wel |maar )*"
    r"bij\b"
    r"|\bvergeten te (?:zeggen|melden|vertellen)\b|\badd (?:to it|that|this)\b"
    # "can you add the collar thing to the report?" (round r276: the report's status)
    r"|\badd\b(?: \w+){1,5}? to (?:the|my|that|this|your) (?:report|case)\b"
    # "nog iets erbij voor die melding", "een aanvulling op M-…" (round r166 of session 52)
    r"|\b(?:erbij|toevoeging|aanvulling) (?:voor|bij|op|aan) (?:die|de|mijn|uw|m n|mn) melding\b"
    r"|\baanvulling op\b"
    # "Wilt u dat bij de tweede melding zetten?" (round r164 of session 52)
    r"|\b(?:dat|dit|het) (?:\w+ )?bij (?:de|die|mijn|uw) (?:\w+ )?melding (?:\w+ )?(?:zetten|"
    r"schrijven|vermelden|aanpassen|veranderen)\b", re.IGNORECASE)
# "het is inmiddels erger, er liggen nu ook ratten": news about the problem since it was told.
_NEWS_SINCE = re.compile(
    r"\b(?:inmiddels|intussen|ondertussen|nu ook|erger|steeds meer|er (?:\w+ ){0,3}(?:ook|nog) "
    r"(?:bij|meer)|now also|worse)\b", re.IGNORECASE)
# "Toch maar niet doen", "doe maar toch niet": the stop stands.
_NOT_AFTER_ALL = re.compile(r"\btoch\b(?: \w+){0,2} (?:niet|geen)\b|\b(?:niet|geen)\b(?: \w+){0,2} "
                            r"toch\b|\bnot after all\b", re.IGNORECASE)
# "Brandweer komt eraan. Moet ik nog iets doen?": answered by what to do once help comes.
_WHAT_TO_DO = re.compile(r"\b(?:moet|kan) ik (?:nu |nog |zelf |verder )*(?:iets|wat) doen\b"
                         r"|\bwat (?:moet|kan) ik (?:nu |nog |zelf |verder )*doen\b"
                         r"|\bwhat (?:should|do|can) i do\b", re.IGNORECASE)


# "moet ik het wel melden?": a doubt, not a resumed report.
_DOUBTS_REPORTING = re.compile(r"\b(?:moet|moeten|zal|kan) (?:ik|we) (?:\w+ ){0,3}melden\b[^.!]*\?",
                               re.IGNORECASE)


def wants_the_report_after_all(text: str) -> bool:
    """"Hmm nee, toch wel doen" right after stopping; not "toch maar niet". The last word
    counts: "hmm nee toch niet, … dus toch wel melden dat wrak" (round r190 of session 53:
    the goodbye)."""
    resumes = [found.start() for found in _RESUME.finditer(text or "")]
    not_after_all = [found.start() for found in _NOT_AFTER_ALL.finditer(text or "")]
    return (bool(resumes) and (not not_after_all or resumes[-1] > not_after_all[-1])
            and not _DOUBTS_REPORTING.search(text or ""))


def adds_to_a_report(text: str) -> bool:
    """"Kunnen jullie er ook bij zetten dat …": more for a report already made."""
    return bool(_ADD_TO_REPORT.search(text or ""))


def tells_news_since(text: str) -> bool:
    """"Er liggen inmiddels ook ratten": a statement of what changed, not a question."""
    return "?" not in (text or "") and bool(_NEWS_SINCE.search(text or ""))


def asks_what_to_do(text: str) -> bool:
    """"Moet ik nog iets doen?", "wat moet ik nu doen?"."""
    return bool(_WHAT_TO_DO.search(text or ""))


# "Moet ik de buurman waarschuwen?", "mag ik naar hem toe?": whether to act oneself.
_ASKS_ABOUT_ACTING = re.compile(r"\b(?:moet|mag|kan|kun|zal|zou|should|can|must) (?:ik|we|wij|i)\b",
                                re.IGNORECASE)


def asks_about_acting(text: str) -> bool:
    """What to do, or whether to do something oneself, in any words."""
    return asks_what_to_do(text) or bool(_ASKS_ABOUT_ACTING.search(text or ""))


# "het is geen kat maar een vos", "niet de schommel maar de wip", "het is een vos, geen kat"
_ART_ = r"(?:(?:een|de|het|a|an|the)\s+)?"
_WORD_ = r"([^\W\d_]{3,})"
# "geen bank maar een matras en 2 stoelen": the replacement may be a short list of things
_MORE_THINGS_ = (r"(?:(?:\s*,\s*|\s+(?:en|and|&)\s+)(?:\d+|een|twee|drie|vier|vijf|wat|"
                 r"a|two|three|some)\s+[^\W\d_]{3,}){0,3}")
# "niet bij de jumbo maar bij de lidl": a spot named after its preposition
_AT_ = r"(?:(?:bij|at|in|op|voor|naast|tegenover|ter hoogte van|t\.?h\.?v\.?)\s+)?"
# "het is een losse stoeptegel": the thing, not its adjective
_ADJ_ = r"(?:[^\W\d_]{3,}e\s+(?!(?:die|dat|en|of|op|in|bij|aan|is)\b)(?=[^\W\d_]{3,}))?"
_STATES = (r"kapot|stuk|leeg|los|omgevallen|omver|gebroken|verdwenen|gestolen|scheef|open|"
           r"dicht|beschadigd|verbogen|vernield|broken|empty|gone|stolen")
_SWAPS = (
    (re.compile(rf"\b(?:geen|gene|genen|niet|nie|not|no)\s+{_AT_}{_ART_}{_WORD_}\s*,?\s+(?:maar|but)\s+{_AT_}"
                rf"{_ART_}{_ADJ_}([^\W\d_]{{3,}}{_MORE_THINGS_})\b", re.IGNORECASE), 1, 2),
    # "niet de jumbo, de lidl" (round r139 of session 50): the right one after a comma
    (re.compile(rf"\b(?:niet|not)\s+{_AT_}(?:de|het|the)\s+{_WORD_}\s*,\s*(?:maar\s+|but\s+)?"
                rf"{_AT_}(?:de|het|the)\s+([^\W\d_]{{3,}})\b", re.IGNORECASE), 1, 2),
    # "is niet jumbo, is lidl" (round r129 of session 49: the Jumbo stayed in the report)
    (re.compile(rf"\b(?:geen|gene|genen|niet|nie|not)\s+{_AT_}{_ART_}{_WORD_}\s*[,.]\s*"
                rf"(?:(?:het|t|'t|it)\s+)?(?:is|'s)\s+{_AT_}{_ART_}{_ADJ_}([^\W\d_]{{3,}})\b",
                re.IGNORECASE), 1, 2),
    (re.compile(rf"\b(?:het|it)\s+(?:is|was|'s)\s+{_AT_}{_ART_}{_WORD_}\s*,\s*(?:geen|niet|not)"
                rf"\s+{_AT_}{_ART_}{_WORD_}\b", re.IGNORECASE), 2, 1),
    # "sorry niet vol, hij is kapot", "nee niet vol!! kapot" (round r208 of session 55: the
    # full bin stayed in the report of a broken one)
    (re.compile(rf"\b(?:niet|not)\s+{_WORD_}\s*[,.!]+\s*(?:(?:hij|het|t|ze|zij|die|it)\s+)?"
                rf"(?:(?:is|zijn|'s)\s+)?(?:gewoon\s+|helemaal\s+)?({_STATES})\b",
                re.IGNORECASE), 1, 2),
)


def swapped_word(text: str) -> Optional[Tuple[str, str]]:
    """The word the resident takes back and the one that replaces it ("het is geen kat maar
    een vos" → ("kat", "vos")), or None."""
    for pattern, old, new in _SWAPS:
        found = pattern.search(text or "")
        if (found and found.group(old).lower() != found.group(new).lower()
                and not _A_SIDE_OF_IT.match(found.group(new))):
            return found.group(old), found.group(new)
    return None


# "niet tegenover de bakker maar ernaast" (round r250 of session 60: "tegenover de ernaast"):
# another side of the same spot, no word in its place
_A_SIDE_OF_IT = re.compile(r"^(?:er|daar)(?:naast|achter|voor|tegenover|bij|onder|boven|in|op|"
                           r"aan|langs|tussen)$", re.IGNORECASE)


# "ik bedoel niet de lantaarn maar het stoplicht. dat knippert alleen nog oranje": what the
# resident says the problem is, from the thing named instead; "het stoplicht. dat" is one
# sentence about it
_AFTER_THE_NEW_THING = re.compile(r"^\s*[.!]+\s+(?=(?:dat|die|hij|ze|het|it|they)\b)",
                                  re.IGNORECASE)
MIN_RESTATED_WORDS = 3  # beyond the thing itself: "een vos. verder klopt het" restates nothing


def restated_problem(text: str) -> Optional[str]:
    """The problem told again after a word taken back ("het is gene put, het is een
    stoeptegel die los ligt en omhoog steekt" → "een stoeptegel die los ligt en omhoog
    steekt"), or None when only the word is swapped ("het is geen kat maar een vos")."""
    for pattern, old, new in _SWAPS:
        found = pattern.search(text or "")
        if not found or found.group(old).lower() == found.group(new).lower():
            continue
        start = found.start(new)
        article = re.search(r"\b(?:een|de|het|a|an|the)\s+(?:[^\W\d_]+e\s+)?$", text[:start],
                            re.IGNORECASE)
        thing = found.group(new) + " "
        rest = _AFTER_THE_NEW_THING.sub(", ", text[found.end(new):], count=1)
        told = re.split(r"(?<=[.!?])\s+", rest.strip(), maxsplit=1)[0] if not rest.startswith(
            ",") else rest
        told = re.split(r"(?<=[.!?])\s+(?!(?:dat|die|hij|ze)\b)", told, maxsplit=1)[0]
        if len(re.findall(r"[^\W\d_]+", told)) < MIN_RESTATED_WORDS:
            return None
        return re.sub(r"\s+,", ",", (article.group(0) if article else "") + thing
                      + told.strip()).strip(" ,")
    return None


# "er hoeft niks anders", "verder niks", "nee, niets toe te voegen": at "Klopt dit?" the
# summary stands (round 95 threw the report away)
_NOTHING_TO_CHANGE = re.compile(
    r"\b(?:hoeft|hoef|moet)\s+(?:er\s+)?(?:niks|niets|nix)\s+(?:meer\s+)?(?:anders|meer|bij|aan|"
    r"veranderd|gewijzigd|aangepast)\b"
    r"|\b(?:niks|niets|nix)\s+(?:meer\s+)?(?:aan\s+)?(?:te\s+)?(?:veranderen|wijzigen|aanpassen|"
    r"toevoegen|toe\s+te\s+voegen|bij\s+te\s+zetten)\b"
    r"|\bverder\s+(?:niks|niets|nix|is\s+(?:alles|het)\s+(?:goed|juist|correct))\b"
    r"|\bnothing\s+(?:else\s+)?to\s+(?:add|change)\b|\bnothing\s+else\b"
    # "De tekst zegt genoeg.", "zo is het duidelijk genoeg", "prima zo": it is right as it is
    r"|\b(?:zegt|vertelt)\s+(?:het\s+|al\s+)?genoeg\b|(?<!niet\s)\b(?:duidelijk|compleet|"
    r"volledig)\s+genoeg\b|\b(?:zo\s+is\s+(?:het|t)\s+(?:goed|prima|duidelijk)|(?:prima|"
    r"goed)\s+zo|is\s+(?:t|het)\s+goed\s+zo)\b",
    re.IGNORECASE)


# "Maar de zin … graag weglaten", "please change the text": a change asked, never a yes
_ASKS_A_CHANGE = re.compile(
    r"\b(?:weglaten|weg\s+laten|eruit\s+(?:halen|laten)|schrappen|verwijder\w*|aanpassen|"
    r"veranderen|wijzigen|verander|wijzig|moet\s+(?:er\s+)?(?:uit|anders)|remove|delete|"
    r"leave\s+out|take\s+out|"
    r"change\s+(?:it|the)|should\s+(?:say|be))\b", re.IGNORECASE)


def asks_a_change(text: str) -> bool:
    """"De plaats is nu goed, dank u. Maar de zin … graag weglaten": something to change."""
    return bool(_ASKS_A_CHANGE.search(text or "")) and not says_nothing_to_change(text)


def says_nothing_to_change(text: str) -> bool:
    """The resident has nothing to change or add: the summary is right."""
    return bool(_NOTHING_TO_CHANGE.search(text or "")) and not _calls_it_wrong(text or "")


# Words of a complaint about the municipality's service (not about the problem told).
_COMPLAINS = re.compile(r"\b(?:klacht\w*|klagen|klaag\w*|beklag\w*|ontevreden|niet tevreden|"
                        r"complain\w*|complaint|slechte (?:service|behandeling)|onbeschoft\w*|"
                        r"waardeloos|waardeloze|onacceptabel|schandalig|belachelijk)\b",
                        re.IGNORECASE)


def complains(text: str) -> bool:
    """Words of a complaint about the service ("ik wil een klacht indienen")."""
    return bool(_COMPLAINS.search(text or ""))


# "oh wacht sorry het is de blauwe, papier. groene was vorige week" (round r260 of session
# 62: the green bin stayed in the report): the colour names the bin, so another colour told
# as the bin, with a correction, replaces it; not "een bank (zo'n bruine leren)" beside it
# (round r265: the grey bin became brown)
_COLOUR = re.compile(r"\b(groen|grijs|grijz|blauw|geel|gel|oranj|bruin|zwart|rood|rod|paars|wit)"
                     r"(?:e|en)?\b", re.IGNORECASE)
_BIN = r"(?:bak|container|kliko|minicontainer|afvalbak|vuilnisbak|ton)"
_COLOURED = r"(?:groen|grijz|blauw|gel|oranj|bruin|zwart|rod|paars|witt)e"  # "de blauwe"
_COLOUR_AS_THE_BIN = re.compile(
    rf"\b(?:het is|is het|was|bedoel(?: ik)?|nee|de)\s+(?:de\s+)?({_COLOURED})\b"
    rf"(?=\s*(?:[,.!?;]|$|{_BIN}\b|van\b|met\b|papier|gft|pmd|plastic|rest))"
    rf"|\b({_COLOURED})\s+{_BIN}\b",
    re.IGNORECASE)
_CORRECTING = re.compile(r"\b(?:wacht|sorry|sry|oeps|oops|bedoel\w*|vergis\w*|foutje|correctie|"
                         r"het is de|is het de)\b|^\W*nee\b", re.IGNORECASE)


def colour_swapped(text: str, description: str) -> Optional[Tuple[str, str]]:
    """The colour of the description the resident corrects and the one told instead, or None."""
    if not _CORRECTING.search(text or ""):
        return None
    had = {found.group(1).lower(): found.group() for found in _COLOUR.finditer(description or "")}
    told = [colour.group() for found in _COLOUR_AS_THE_BIN.finditer(text or "")
            for colour in [_COLOUR.match(found.group(1) or found.group(2))]
            if colour and colour.group(1).lower() not in had]  # ("witte" is no colour stem)
    if len(had) != 1 or not told:
        return None
    return next(iter(had.values())), told[0].lower()
