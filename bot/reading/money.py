"""How a message speaks about money: any word about money at all, and real money trouble
(debts, arrears, not making ends meet), which the bot answers with a person and help
rather than with a link. The classifier's "money_worries" is checked against these, and
the question reader's money topic is read with them."""
from __future__ import annotations

import re
import unicodedata

# Any word about money: without one, "money_worries" is a guess, not the message
# ("mijn man is vannacht overleden, wat moet ik regelen?").
_ABOUT_MONEY = re.compile(
    # (not "het is jullie schuld", round r188 of session 53: whose fault, not a debt)
    r"\b(?:\w*geld\w*|(?<!jullie )(?<!jouw )(?<!uw )(?<!mijn )(?<!zijn )(?<!haar )(?<!hun )"
    r"(?<!onze )(?<!eigen )(?<!ont)(?<!ent)schuld(?!ig)\w*(?! van)|\w+schuld\w*|rood|huur\w*|"
    r"\w*rekening\w*|\w*betal\w*|"
    r"rond ?(?:te )?komen|krap|\w*inkomen|inkomsten|\w*uitkering\w*|bijstand\w*|\w*toeslag\w*|"
    r"incasso\w*|deurwaarder\w*|\w*achterstand\w*|armoede|\w*lening\w*|loon|salaris|"
    r"boodschappen|eten|euro|kosten|aanmaning\w*|voedselbank\w*|budget\w*|financ\w*|minima|"
    r"uit huis gezet|ontruiming|red (?:het|t) (?:niet|nie)|money|debts?|rent|bills|afford|"
    r"income|food bank)\b|€")
# Money trouble itself. "ik sta rood", not a traffic light that "blijft op rood staan";
# gas or power cut off for not paying, not a road that is closed ("afgesloten").
_TROUBLE = re.compile(
    # not "Entschuldigung", "verontschuldigen" or "schuldig" (round 88)
    # not "de huisbaas zegt is jouw schuld" (round r130 of session 49: money worries for
    # mould): whose fault, not a debt
    r"(?<!ont)(?<!ent)schuld(?=en|hulp|eiser|sanering|bemiddel)|(?<!ont)(?<!ent)(?<!jouw )"
    r"(?<!mijn )(?<!uw )(?<!zijn )(?<!haar )(?<!onze )(?<!jullie )(?<!hun )(?<!eigen )"
    r"schuld(?!ig|en|hulp|eiser|sanering|bemiddel)(?! van)|"
    r"geldzorg|geld ?problem|financiele problem|geen geld|"
    r"geen inkomen|"
    r"zonder inkomen|achterstand|voedselbank|deurwaarder|incasso|rondkomen|budgetcoach|"
    # "ik heb wat rekeningen achter, energie en zorgverzekering" (round r236: the tree-felling
    # objection), "ik loop achter met de huur"
    r"\b(?:heb|hebben|had|hadden)\b(?: \w+){0,8} (?:rekening\w*|huur|betaling\w*|premie\w*|"
    r"termijn\w*) (?:\w+ ){0,2}achter\b|"
    r"\bachter (?:met|op) (?:\w+ ){0,2}(?:huur|rekening\w*|betaling\w*|premie\w*|energie\w*)\b|"
    r"\bniet (?:meer )?rond\b|\bdebts?\b|"
    r"\b(?:ik|we|wij|zij|hij) (?:\w+ ){0,2}(?:sta|staan|stond|stonden) (?:\w+ ){0,2}rood\b|"
    r"\b(?:ik|we|wij) (?:\w+ ){0,3}rood (?:sta|staan)\b|"
    r"rood (?:staan|sta) op (?:mijn|onze|de) (?:bank|rekening)|"
    r"\b(?:gas|stroom|energie|water) (?:\w+ ){0,3}afgesloten\b(?=.*\b(?:betaal\w*|betaald|"
    r"rekening\w*|leverancier|energiebedrijf|schuld\w*)\b)|"
    # "ze gaan mijn stroom afsluiten volgende week" (round r114: chickens and tree felling)
    r"\b(?:mijn|ons|onze|m[ij]?n) (?:gas|stroom|energie|water|elektra)\b(?: \w+){0,3} "
    r"(?:afsluiten|afgesloten|dichtdraaien|dichtgedraaid)\b|\b(?:afsluiten|dichtdraaien) (?:van )?"
    r"(?:mijn|ons|onze) (?:gas|stroom|energie|water)\b|"
    r"\bniet (?:meer )?(?:kan |kunnen )?betalen\b|\bkan (?:\w+ ){1,6}?niet (?:meer )?betalen\b|"
    # "mijn uitkering is nog niet gestort en ik moet de huur betalen" (own try, session 46:
    # a link to the benefits page)
    r"\b(?:uitkering|bijstand|loon|salaris|toeslag\w*|aow|pensioen|benefits?|wages?)\b"
    r"(?: \w+){0,4} (?:niet|nie|nog niet|nooit|not|never) (?:\w+ ){0,2}(?:gestort|betaald|"
    r"binnen|overgemaakt|ontvangen|gekomen|uitbetaald|paid|arrived|come)\b|"
    # "geen idee of ik de huur nog wel kan betalen van alleen mijn AOW" (round 69)
    r"\b(?:weet niet|geen idee|twijfel|bang) of (?:ik|we|wij) "
    r"(?:de |het |mijn |onze |dat |die |alles )?(?:\w+ )?(?:nog )?(?:wel )?(?:kan|kunnen) "
    r"(?:\w+ )?betalen\b")
# "geen geldzorgen", "geen schulden of problemen": said to rule money trouble out.
# "als ik het niet in 1 keer kan betalen?" (round r107: the money-worries answer in a loop):
# paying in parts, a payment plan.
_IN_PARTS = re.compile(r"\bniet (?:in )?(?:1|een|ineens|in een keer)(?: keer)? (?:\w+ )?"
                       r"(?:kan |kunnen )?betalen\b|\bin (?:termijnen|delen|stukjes|gedeeltes)\b"
                       r"|\bin (?:installments|instalments|parts)\b")
_NO_TROUBLE = re.compile(r"\b(?:huh|hoezo|wat|what)\W+(?:geldzorgen|schulden|money)\W*\?"
                         r"|\bgeldzorgen\s*\?{2,}"
                         r"|\bgeen (?:geld)?zorgen\b|\bgeen (?:geld|schulden)\b(?: \w+)? "
                         rf"(?:probleem|problemen)\b|\bniet over geld\b|{_IN_PARTS.pattern}")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def about_money(text: str) -> bool:
    """The message has any word about money, or speaks of money trouble."""
    plain = _plain(text)
    return bool(_ABOUT_MONEY.search(plain) or _TROUBLE.search(plain))


def money_trouble(text: str) -> bool:
    """The message speaks of money trouble (and does not rule it out)."""
    plain = _plain(text)
    return bool(_TROUBLE.search(plain)) and not _NO_TROUBLE.search(plain)


def asks_to_pay_in_parts(text: str) -> bool:
    """"kan ik het in termijnen betalen?", "als ik het niet in 1 keer kan betalen"."""
    return bool(_IN_PARTS.search(_plain(text)))
