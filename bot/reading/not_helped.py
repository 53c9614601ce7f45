"""'Daar heb ik niks aan': the resident says the answer just given did not help.

Read from the words, not by the NLU model: the same words after a report or a greeting mean
something else, so the reading policy asks this only right after an answer from the
knowledge base (bot/policies.py). The button under such an answer sends one of these
phrases ("Dit helpt me niet"), so a tap and typed words take the same way.

Choices:
- the answer itself must be the subject: "dit/dat/het helpt niet", "heb ik niks aan",
  "niet geholpen", "geen antwoord op mijn vraag", "dat is niet mijn vraag", "dat bedoel
  ik niet"; a negation about something else ("mijn paspoort helpt niet", "ik heb geen
  paspoort") is not enough;
- a question for more ("helpt het als ik bel?") is not feedback;
- long messages are a new question that may contain such words, so only the first
  `MAX_WORDS` words count.
"""
from __future__ import annotations

import re

MAX_WORDS = 14
_NOTHING = r"(?:niet|niks|niets|geen\s+(?:zak|bal|moer|ene\s+\w+)|weinig)"
_ABOUT_ANSWER = r"(?:dit|dat|het|deze\s+info(?:rmatie)?|dit\s+antwoord|dat\s+antwoord|u|je|jij)"
_NOT_HELPED = re.compile(
    rf"\b{_ABOUT_ANSWER}\s+(?:helpt|hielp|heeft|helpen)\s+(?:me\s+|mij\s+|ons\s+)?"
    rf"(?:echt\s+|helemaal\s+|totaal\s+)?{_NOTHING}(?:\s+(?:geholpen|verder))?\b"
    rf"|\bniet\s+(?:echt\s+|veel\s+)?(?:geholpen|behulpzaam|nuttig)\b"
    rf"|\b(?:heb|hebben)\s+(?:ik|we|wij)\s+(?:echt\s+|helemaal\s+)?{_NOTHING}\s+aan\b"
    rf"|\bdaar\s+(?:heb|hebben)\s+(?:ik|we|wij)\s+(?:echt\s+|helemaal\s+)?{_NOTHING}\s+aan\b"
    rf"|\b(?:schiet|kom)\s+(?:ik|we)\s+(?:\w+\s+)?{_NOTHING}\s+(?:mee\s+op|verder)\b"
    rf"|\bgeen\s+antwoord\s+op\s+(?:mijn|m'n|mn|de)\s+vraag\b"

    rf"|\b(?:is|was)\s+niet\s+(?:mijn|m'n|mn)\s+vraag\b"
    rf"|\bniet\s+wat\s+ik\s+(?:bedoel\w*|zoek\w*|vroeg|vraag|wil\w*)\b"
    rf"|\b(?:dat|dit|zo)\s+bedoel\w*\s+ik\s+niet\b"
    rf"|\bdat\s+vroeg\s+ik\s+(?:helemaal\s+)?niet\b"
    rf"|\bik\s+vroeg\s+(?:iets|wat)\s+anders\b"
    rf"|\b(?:zinloos|nutteloos|waardeloos|hopeloos)\b"
    rf"|\b(?:dit|dat|het)\s+heeft\s+(?:zo\s+|echt\s+|allemaal\s+)?geen\s+zin\b"
    rf"|\b(?:je|jij|u)\s+(?:snapt|begrijpt|snap|begrijp)\s+(?:er\s+|het\s+)?(?:echt\s+|gewoon\s+)?"
    rf"(?:niks|niets|niet)\b"
    rf"|\b(?:that|this|it)\s+(?:did\s+not|didn'?t|does\s+not|doesn'?t)\s+help\b"
    rf"|\bnot\s+(?:helpful|what\s+i\s+(?:asked|meant|mean))\b"
    # "Just yes or no please" (round r76 of session 41: read as a yes to "anything else?")
    rf"|\b(?:ja\s+of\s+nee|ja\s+of\s+neen|yes\s+or\s+no)\b",
    re.IGNORECASE)
_ASKS_MORE = re.compile(r"\b(?:helpt|hielp)\s+het\s+(?:als|om|wanneer)\b", re.IGNORECASE)


# "die site doet het niet op mijn telefoon" (round 81): the link given does not work.
_SITE_FAILS = re.compile(
    r"\b(?:site|website|link|pagina|app|kalender)\s+(?:\w+\s+)?(?:doet\s+het\s+niet|"
    r"werkt\s+niet|laadt\s+niet|opent\s+niet|is\s+(?:kapot|stuk)|geeft\s+(?:een\s+)?fout)\b"
    r"|\b(?:site|website|link|page)\s+(?:is\s+)?(?:not\s+working|does\s*n[o']?t\s+work|broken)\b",
    re.IGNORECASE)


def says_not_helped(text: str) -> bool:
    """Whether the message says the answer it follows did not help."""
    head = _head(text)
    return bool(_NOT_HELPED.search(head) or _SITE_FAILS.search(head)) and not _ASKS_MORE.search(
        head)


# "nee. ongelooflijk dit", "belachelijk", "wat een waardeloze service": a goodbye in anger
_DISPLEASED = re.compile(
    r"\b(?:ongelooflijk|ongelofelijk|belachelijk|schandalig|schande|bespottelijk|waardeloos|"
    r"waardeloze|slecht|slechte|triest|treurig|idioot|zielig|lachwekkend|onzin|bullshit|"
    r"pff+|zucht|boeit\s+niet|laat\s+ook\s+maar|ridiculous|useless|pathetic|terrible|"
    r"unbelievable|disgrace(?:ful)?|joke)\b"
    # "laat maar. doei", "dat beantwoordt mijn vraag niet echt maar ok" (round r72 of session
    # 41: "Fijn dat ik u kon helpen" to both)
    r"|^\W*laat\s+maar\b|\bbeantwoord\w*\s+(?:\w+\s+){0,2}?(?:vraag\s+)?niet\b"
    r"|\b(?:doesn.?t|does not|didn.?t|did not) answer\b", re.IGNORECASE)


def is_displeased(text: str) -> bool:
    """The message shows the resident is not content ("ongelooflijk dit")."""
    return bool(_DISPLEASED.search(_head(text))) or says_not_helped(text)


def says_the_site_fails(text: str) -> bool:
    """The link just given does not work for the resident ("die site doet het niet")."""
    return bool(_SITE_FAILS.search(_head(text)))


def _head(text: str) -> str:
    return " ".join((text or "").split()[:MAX_WORDS]).replace("’", "'")


# "maar die boete vraag heb je niet beantwoord haha" (round r225 of session 57: "Fijn dat ik u
# kon helpen"): a question of before is still open, named
_UNANSWERED = re.compile(
    r"\b(?:vraag|vragen|vraagje)\b(?:\s+\w+){0,4}?\s+(?:nog\s+)?(?:niet|nie|ni)\s+beantwoord\b"
    r"|\b(?:nog\s+)?(?:geen|gn)\s+antwoord\s+(?:\w+\s+){0,2}?op\s+(?:mijn|de|die|m[n'])\b"
    r"|\b(?:did\s*n[o']?t|have\s*n[o']?t|has\s*n[o']?t)\s+answer(?:ed)?\s+(?:my|the|that)\b"
    # "ja dat snap ik maar mijn vraag was of mijn ex ook toestemming moet geven?" (round r229
    # of session 58: the permit answer)
    r"|\b(?:mijn|m[n']|de)\s+vraag\s+was\s+(?:(?:eigenlijk|juist|nou)\s*)?(?:of\b|:|hoe\b|wat\b|"
    r"waar\b|wie\b|wanneer\b)|\bdat\s+was\s+(?:mijn|m[n'])\s+vraag\s+(?:niet|nie)\b"
    r"|\bik\s+vroeg\s+(?:eigenlijk\s+|juist\s+)?(?:of|hoe|wat|waar|wie|wanneer)\b"
    r"|\bmy\s+question\s+was\b|\bthat\s+(?:was|is)\s*n[o']?t\s+(?:my|what\s+i)\b"
    # "allee, da's ni mijn vraag. ik bel wel" (round r237)
    r"|\b(?:dat\s+is|da'?s|dit\s+is|is)\s+(?:niet|nie|ni|geen)\s+(?:mijn|m[n'])\s+vraag\b",
    re.IGNORECASE)


def says_a_question_unanswered(text: str) -> bool:
    """The resident says a question they asked before was not answered."""
    return bool(_UNANSWERED.search(text or ""))


# "ik bel wel", "dan bel ik morgen wel", "no, I'll call": the resident goes to the phone.
_WILL_CALL_US = re.compile(
    r"\b(?:ik|we|wij)\s+bel(?:len)?\s+(?:\w+\s+){0,2}?(?:wel|zelf|morgen|maandag|straks)\b"
    r"|\bdan\s+bel(?:len)?\s+(?:ik|we|wij)\b|\bbel\s+(?:ik\s+)?(?:morgen|straks|zelf)\s+wel\b"
    r"|\bi(?:'ll|\s+will)\s+(?:just\s+)?(?:call|phone|ring)\b"
    # "NEE DANK U. ZAL DE STORINGSDIENST BELLEN VOOR DAT GAT." (round r273 of session 64: a
    # new report of "dat gat")
    r"|(?:^|[.!,]\s*|\b(?:ik|we|wij)\s+)(?:zal|zullen|ga|gaan)\s+(?:\w+\s+){0,5}?(?:bellen|opbellen)\b",
    re.IGNORECASE)


def will_call_us(text: str) -> bool:
    """The resident says they will phone instead ("nee, ik bel wel", "I'll call")."""
    found = _WILL_CALL_US.search(text or "")
    return bool(found) and not re.match(r"[^.!?]*\?", (text or "")[found.end():])  # "zal ik …?"
