"""What a short follow-up question asks about a product: its cost, how long it takes,
whether it can be done online, what to bring, whether an appointment is needed, or whether
it holds for someone else too.

"En wat kost het?" right after the passport answer is about the passport; the answer is
the article's own `cost` or the sentences of its answer that speak of that aspect, or an
honest "that is not in my information" with the article's link.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Set

from bot.knowledge import general
from bot.knowledge.articles import Article

COST, VALIDITY, LATE, DURATION, ONLINE, BRING, APPOINTMENT, OTHERS, HOURS, WHERE, HOW = (
    "cost", "validity", "late", "duration", "online", "bring", "appointment", "others", "hours",
    "where", "how")

_EVENING_OR_WEEKEND = (r"(?:zaterdag\w*|zondag\w*|weekend|s ?avonds|vanavond|avonds|saturday|"
                       r"sunday|evening)")
_A_VISIT = (r"(?:open|dicht|gesloten|terecht|langs\w*|bereikbaar|bellen|bel|afspraak\w*|"
            r"ophalen|aanvragen|loket|balie|closed|call|visit|appointment|come)")

_ASPECTS = (
    (COST, re.compile(
        r"\b(?:wat|hoeveel) (?:[\w'’]+ ){0,3}?kost\w*|\bkost (?:het|dat|dit|die|zo ?n|een)\b"
        r"|\bkosten\b|\bprijs\w*|\btarie\w+|\bhoe ?duur\b|\bgratis\b"
        # "hoeveel duurder is die 2e?", "is die goedkoper?" (round r229 of session 58)
        r"|\b(?:hoeveel |veel |is (?:die|dat|het|de) (?:\w+ )?)(?:duurder|goedkoper)\b"
        # not a payment plan: "betallings regelling hoe?" (round r89 of session 43: "Gratis.")
        # nor "ik KAN het wel betalen maar het klopt niet" (round r150 of session 51)
        r"|(?<!termijnen )(?<!delen )(?<!wel )\bbeta(?:a)?l(?!\w*\s?rege?l)(?!\w* in (?:\w+ )?"
        r"(?:termijnen|delen))\w*"
        r"|\bhoeveel (?:euro|geld)\b|\bleges\b"
        # "wat is het normale bedrag dan", "spoed kost hoeveel extra" (round r162)
        r"|\bwat is (?:\w+ )?(?:het|dat|de) (?:\w+ )?(?:bedrag|prijs)\b|\bkost\w* hoeveel\b"
        r"|\bhoeveel (?:is|zijn|wordt|bedraagt) (?:dat|het|dit)\b"
        r"|\bhow much\b|\bcosts?\b|\bprice\b|\bfree\b", re.IGNORECASE)),
    # before DURATION: "hoe lang is die geldig?" asks how long it lasts, not how long it takes
    (VALIDITY, re.compile(
        r"\bgeldig\w*|\bverloopt\b|\bverlopen\b|\bvervalt\b|\bvalid\b|\bexpir\w*"
        r"|\bnog (?:\w+ )?(?:mee )?(?:rijden|reizen|gebruiken)\b|\bermee (?:rijden|reizen)\b",
        re.IGNORECASE)),
    # before DURATION: "ben ik te laat?", "vergeten door te geven" asks what to do now
    (LATE, re.compile(
        r"\bte laat\b|\bvergeten (?:\w+ ){0,3}?(?:door te geven|aan te (?:geven|vragen|melden)|"
        r"te melden|te regelen)\b|\bnog (?:steeds )?niet (?:\w+ )?(?:doorgegeven|aangegeven|"
        r"gemeld|geregeld)\b|\balsnog\b|\btoo late\b",
        re.IGNORECASE)),
    (DURATION, re.compile(
        r"\bhoe ?lang\b|\bduurt\b|\bhoe ?snel\b|\b(?:kan|kon) (?:het|dat|dit|die|ik) (?:\w+ )?"
        r"(?:sneller|eerder|met spoed)\b|\bwanneer (?:\w+ ){0,3}?(?:klaar|ophalen|"
        r"krijg|heb|binnen)\b|\bhoeveel (?:dagen|weken|tijd)\b|\bhow long\b"
        r"|(?<!\bin )\btermijn\w*|\bte vroeg\b|\bvroeg genoeg\b|\bop tijd\b"
        r"|\bdeadline\b|\buiterlijk\b|\bhow much time\b"
        r"|\b(?:tot|voor|vóór) wanneer\b(?![^?.!]*\b(?:open|dicht)\b)"
        # when in time: "moet dat voor de verhuizing of erna?", "wanneer moet ik dat doen?"
        r"|\bwanneer (?:moet|moeten|kan|kunnen|mag|mogen) (?:ik|we|wij|u|je)\b"
        r"|\bvoor of na\b|\b(?:voor|vóór) (?:de|het) \w+ (?:\w+ )?of (?:erna|daarna|na)\b"
        r"|\bvan ?tevoren\b"
        # "kan ik die vergunning morgen al gebruiken?" (round r121 of session 49: the surname)
        r"|\b(?:morgen|vandaag|meteen|direct|gelijk) al (?:\w+ )?(?:gebruiken|klaar|hebben|"
        r"rijden|parkeren|ophalen|geldig)\b"
        r"|\b(?:right away|straight away|immediately)\b",
        re.IGNORECASE)),
    (ONLINE, re.compile(
        r"\bonline\b|\bvia (?:internet|de website|de site|digid|de computer|de app)\b"
        r"|\bdigitaal\b|\bdigid\b|\bvanuit huis\b|\bthuis (?:regelen|doen|aanvragen)\b"
        # "EN MOET IK LANGSKOMEN": whether it takes a visit
        r"|\b(?:moet|moeten|hoef|hoeft|hoeven) (?:ik|we|wij|u|je) (?:\w+ ){0,2}?(?:langs ?komen|"
        r"langs|naar het gemeentehuis|zelf komen)\b",
        re.IGNORECASE)),
    (OTHERS, re.compile(
        r"\b(?:voor|van|met) (?:mijn|m'n|mn|onze|ons|een|de) (?:vrouw|man|partner|kind\w*|"
        r"zoon|zoontje|dochter\w*|moeder|vader|ouders|oma|opa|baby|gezin|familie|vriend\w*)\b"
        r"|\b(?:mijn|m'n|mn|onze) (?:vrouw|man|partner|vriend\w*|kind\w*|zoon|dochter) ook\b"
        r"|^\W*en (?:voor )?(?:mijn|m'n|mn|onze) (?:vrouw|man|partner|kind\w*|zoon\w*|"
        r"dochter\w*)\b"
        r"|\b(?:mijn|m'n|mn|onze|de) (?:kind\w*|zoon|dochter|baby) (?:\w+ )?mee\w*\b"
        r"|\b(?:moet|moeten|kan|kunnen|mag|mogen|hoeft|hoeven) (?:mijn|m'n|mn|onze|ons) "
        r"(?:vrouw|man|partner|vriend\w*|kind\w*|zoon\w*|dochter\w*|gezin)\b"
        r"|\b(?:geldt|gaat|werkt) (?:dat|dit|het) ook voor\b|\bfor my (?:wife|husband|"
        r"partner|child\w*|kids|son|daughter)\b"
        # "can i do it for both of us?", "does she have to come with us?" (round r151)
        r"|\bfor (?:the )?(?:both|two) of us\b|\bfor us both\b|\bfor (?:the )?whole family\b"
        r"|\b(?:does|do|must|should) (?:she|he|they|my \w+|the child) (?:have to |need to )?"
        r"(?:come|be there)\b"
        # who has to come, or whether someone else may do it for them
        r"|\b(?:moet|moeten|hoeft|hoeven) (?:ze|hij|zij|het kind|mijn \w+) (?:zelf )?(?:ook )?"
        r"(?:mee ?(?:komen|gaan)?|langs ?komen|aanwezig zijn)\b"
        r"|\b(?:kan|mag) ik (?:dat|het|dit|die|hem) (?:\w+ )?voor (?:haar|hem|mijn \w+) "
        r"(?:regelen|doen|aanvragen|ophalen|doorgeven|meedoen|melden)\b"
        r"|\b(?:kan|mag) (?:ik )?als (?:oma|opa|grootouder|grootmoeder|grootvader|tante|oom|"
        r"buurvrouw|buurman|familielid|zus|broer|partner|vriend\w*)\b"
        r"|\b(?:kan|mag) (?:(?:mijn|m'n|mn|onze) \w+|iemand anders|een ander) (?:\w+ ){0,4}?"
        r"(?:ophalen|aanvragen|regelen|brengen|doorgeven|melden|doen|invullen)\b"
        # "mag oma dan met haar naar het gemeentehuis gaan?": someone else going along
        r"|\b(?:kan|mag|kunnen|mogen) (?:de |haar |zijn |hun |mijn |m'n |mn |onze )?(?:oma|opa|"
        r"tante|oom|grootouders?|grootmoeder|grootvader|oppas|buurvrouw|buurman|iemand anders|"
        r"een ander)\b(?: \w+){0,6} (?:mee ?(?:gaan|komen)|gaan|komen|langs ?komen)\b"
        # "mijn broer kan doen aangifte?", "kan zij er ook een krijgen?" (round r121 of
        # session 49: no answer)
        r"|\b(?:mijn|m'n|mn|onze|ons) (?:broer|zus|vader|moeder|zoon|dochter|vriend\w*|vrouw|"
        r"man|partner|oma|opa|buurvrouw|buurman|schoonmoeder|schoonvader) (?:kan|mag|kunnen|"
        r"mogen|moet) (?:\w+ ){0,3}?(?:doen|aangifte|ophalen|aanvragen|regelen|melden|komen|"
        r"tekenen)\b|\b(?:kan|mag|krijgt) (?:zij|hij|ze) (?:er )?ook (?:er )?(?:een|eentje)\b"
        # "mag onze dochter het voor ons doorgeven?"
        r"|\b(?:kan|mag|kunnen|mogen) (?:onze|ons|m'n|mn|mijn) (?:\w+ ){1,2}(?:\w+ ){0,5}?"
        r"voor (?:ons|mij|me)\b", re.IGNORECASE)),
    (BRING, re.compile(
        r"\bmee ?(?:nemen|brengen)\b|\bwat (?:heb|moet|moeten) (?:ik|we|wij) (?:\w+ ){0,2}?"
        r"(?:nodig|bij me hebben|hebben)\b|\bwelke (?:papieren|documenten|stukken|spullen)\b"
        # "wat nodig?", "wat papieren nodig?" in a few words (round r165 of session 52)
        r"|\bwat (?:\w+ )?nodig\b(?! (?:is|zijn|heeft|hebben) (?:om|voor) te\b)"
        r"|\bwhat (?:do |should |must )?(?:i|we) (?:must |need to |have to |should )?bring\b"
        r"|\bwhat (?:documents|papers)\b", re.IGNORECASE)),
    (APPOINTMENT, re.compile(
        r"\b(?:(?:maak|maakt|maken|plan|plannen|inplannen|boek|boeken|regel|regelen)\s+"
        r"(?:ik |je |u |we )?(?:een |de |die )?)?afspraak\b(?:\s+(?:maken|inplannen|boeken|"
        r"regelen|plannen))?|\bzomaar (?:langs|binnen)\w*|\bzonder afspraak\b|\binloop\w*"
        r"|\b(?:me|mij|ons|zich|je) (?:eerst |vooraf |wel |nog )?(?:aan ?melden|opgeven)\b"
        r"|\bappointment\b|\b(?:sign|register) up\b|\bjust walk in\b", re.IGNORECASE)),
    # a day or evening only with a visit or call ("ik vertrek zaterdag" is no hours question)
    (HOURS, re.compile(
        r"\b(?:na (?:werktijd|het werk|vijven|zessen)|buiten (?:kantoortijd|werktijd)|"
        r"openingstijd\w*)\b"
        rf"|\b{_EVENING_OR_WEEKEND}\b(?=.*\b{_A_VISIT}\b)"
        rf"|\b{_A_VISIT}\b(?=.*\b{_EVENING_OR_WEEKEND}\b)",
        re.IGNORECASE)),
    # "die koffieochtend, waar is die?": the place where it is
    (WHERE, re.compile(
        r"\bwaar (?:is|zijn|zit|zitten|ligt|vind|vindt|wordt|worden|gaat|komt|"
        r"moet ik (?:heen|naartoe)|kan ik (?:heen|naartoe|terecht))\b|\b(?:op )?welk adres\b"
        r"|\bwhere (?:is|are|can)\b",
        re.IGNORECASE)),
    # last: "hoe vraag ik die aan?" asks the way, what the other aspects do not
    (HOW, re.compile(
        r"^\W*(?:en |maar |ja maar |ok[eé]? |oke )?hoe (?:vraag|regel|doe|krijg|werkt|moet|kan|"
        r"kun|gaat|meld|kom)\w*\b|^\W*(?:and )?how do i\b"
        # "moet ik dan nog een formulier invullen of gaat dat automatisch?"
        r"|\b(?:formulier|aanvraag) (?:\w+ ){0,2}?(?:invullen|indienen|insturen)\b"
        r"|\bgaat (?:dat|het) (?:dan )?(?:vanzelf|automatisch|automatis)\w*", re.IGNORECASE)),
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TIME_WORDS = (r"\b(?:werk)?dag\w*|\bweken\b|\bweek\b|\bmaand\w*|\bduurt\b|\btermijn\w*"
               r"|\b(?:working )?days?\b|\bweeks?\b|\bmonths?\b|\btakes?\b|\bwithin \d"
               r"|\bvoor \d+ \w+\b|\bbinnen \d|\bdirect\b|\bmeteen\b|\bdezelfde dag\b")
_ABOUT = {
    COST: re.compile(r"€|\beuro\b|\bgratis\b|\bkost\w*|\bbetaal\w*|\btarie\w+|\bprijs"
                     r"|\bfree\b|\bcosts?\b|\bpay\w*|\bfee\b|\bprice\b",
                     re.IGNORECASE),
    VALIDITY: re.compile(r"\bgeldig\w*|\bverloopt\b|\bverlopen\b|\bmag u (?:niet|nog)\b"
                         r"|\bvalid\b|\bexpires?\b",
                         re.IGNORECASE),
    DURATION: re.compile(_TIME_WORDS, re.IGNORECASE),
    # the deadline and what to do after it ("Te laat? Geef het dan alsnog door.")
    LATE: re.compile(_TIME_WORDS + r"|\bte laat\b|\balsnog\b|\bboete\w*|\btoo late\b|\bfine\b",
                     re.IGNORECASE),
    ONLINE: re.compile(r"\bonline\b|\bdigid\b|\bwebsite\b|\binternet\b|\bdigitaal\b|\bin person\b"
                       r"|\bzelf (?:langs|mee)\w*|\blangskomen\b|\blangs\b|\bgemeentehuis\b"
                       r"|\btown hall\b",
                       re.IGNORECASE),
    # not "Verhuist er iemand anders mee?": going along is not bringing
    BRING: re.compile(r"\bneem\w*|(?<!\bverhuist )(?<!\bverhuizen )(?<!\bgaat )(?<!\bgaan )"
                      r"(?<!\bkomt )(?<!\bkomen )(?<!\banders )\bmee\b|\bnodig\b|\bpasfoto\b"
                      r"|\bidentiteitsbewijs\b|\bbewijs\b|\bbring\b|\bphoto\b|\bneed\b",
                      re.IGNORECASE),
    APPOINTMENT: re.compile(r"\bafspraak\b|\blangs\w*|\bbalie\b|\binloop\w*|\bappointment\b"
                            r"|\btown hall\b|\bdesk\b|\bin person\b|\bcomes? with you\b",
                            re.IGNORECASE),
    HOURS: re.compile(r"\b(?:open|dicht|gesloten|zaterdag|zondag|weekend|feestdag\w*|"
                      r"avond\w*|closed|saturday|sunday|evenings?|holidays?)\b", re.IGNORECASE),
    WHERE: re.compile(r"\b(?:adres|gemeentehuis|milieustraat|buurthuis|wijkcentrum|bibliotheek|"
                       r"loket|balie|stadhuis|address|town hall|recycling centre|desk)\b"
                       r"|\b[A-Z]\w+(?:straat|weg|laan|plein|hof) \d",
                       re.IGNORECASE),
    HOW: re.compile(r"\b(?:vraag|maak|ga|bel|meld|kies|vul|regel|doe|apply|make|call|"
                    r"report|fill in|choose)\b|\bonline\b|\bdigid\b",
                    re.IGNORECASE),
    OTHERS: re.compile(r"\bkind\w*|\bjonger dan\b|\bonder de \d+|\bouder\w*|\bpartner\b"
                       r"|\bzelf (?:op|langs|mee)\b|\biemand anders\b|\bmachtig\w*"
                       r"|\bgezin\w*|\bechtgeno\w*|\biedereen\b|\bvoor elk\w*|\bper persoon\b"
                       r"|\b\d+ jaar\b|\bchild\w*|\bsomeone else\b|\bauthori[sz]\w*"
                       r"|\bfamily\b|\beveryone\b|\bper person\b"
                       r"|\b(?:aged )?\d+ (?:and over|years?)\b|\bunder \d+\b|\bcomes? with you\b",
                       re.IGNORECASE),
}
# Another adult (a partner, someone who collects it): who may do it, without ages.
ADULTS = "adults"
_ABOUT[ADULTS] = re.compile(r"\bpartner\b|\bgezin\w*|\bechtgeno\w*|\biedereen\b|\bper persoon\b"
                            r"|\bzelf (?:op|langs|mee)\w*|\biemand anders\b|\bmachtig\w*"
                            r"|\bsomeone else\b|\bauthori[sz]\w*|\bfamily\b|\beveryone\b"
                            # "Een familielid mag dat ook voor u doen" (round r183 of session
                            # 53: "mag ik dat voor haar doen?" was not in the information)
                            r"|\bfamilieli\w*|\bmantelzorger\w*|\bnamens\b|\bvoor u doen\b",
                            re.IGNORECASE)
# Who else a follow-up asks about, as the word the articles use for them.
_PEOPLE = (
    ("kind", re.compile(r"\b(?:kind\w*|zoon\w*|dochter\w*|baby\w*|minderjarig\w*|child\w*|"
                        r"kids?|son|daughter)\b", re.IGNORECASE)),
    ("partner", re.compile(r"\b(?:vrouw|man|partner|echtgeno\w*|vriend\w*|wife|husband)\b",
                           re.IGNORECASE)),
)


# "een paspoort voor mijn dochter", "mijn zoon van 9": the product is for a child.
_FOR_A_CHILD = re.compile(
    r"\b(?:voor|van) (?:mijn|m'?n|mn|onze|ons|haar|zijn|het|de) (?:\w+ )?(?:kind|kinderen|"
    r"kindje|zoon\w*|dochter\w*|baby\w*|kleinkind\w*|pleegkind\w*)\b"
    r"|\b(?:kind|zoon|zoontje|dochter|dochtertje)s? (?:van|is) (?:pas |nog maar )?\d{1,2}\b"
    # "mijn zoon 10 jaar heeft …" in broken Dutch (round r189 of session 53: the embassy)
    r"|\b(?:kind|zoon|zoontje|dochter|dochtertje) \(?\d{1,2}\)?(?: jaar)?\b"
    # "mijn dochter heeft een paspoort nodig", "ze is 7. moet ze zelf mee?" (round 95)
    r"|\b(?:mijn|m'?n|mn|onze|ons) (?:\w+ )?(?:kind|kindje|zoon\w*|dochter\w*|baby\w*) "
    r"(?:heeft|moet|wil|krijgt|gaat|mag|had)\b"
    r"|^\W*(?:ze|zij|hij) is (?:pas |nog maar )?(?:[1-9]|1[0-7])(?: jaar(?: oud)?)?\b"
    r"(?! (?:uur|euro|km|kilometer|meter|minuten|dagen|weken))"
    r"|\bfor (?:my|our) (?:\w+ )?(?:son|daughter|child|children|kids?|baby)\b",
    re.IGNORECASE)


def for_a_child(text: str) -> bool:
    """The product is asked for a child ("ID-kaart voor mijn zoontje van 4")."""
    return bool(_FOR_A_CHILD.search(text or ""))


# "kan mijn zoon dat voor mij aanvragen?": the son acts for the resident, an adult.
_ON_MY_BEHALF = re.compile(r"\bvoor (?:mij|me|ons)\b|\bnamens (?:mij|ons)\b|\bfor (?:me|us)\b",
                           re.IGNORECASE)


def person_of(text: str) -> Optional[str]:
    """"kind" or "partner" when a follow-up asks about them ("voor mijn zoontje ook?");
    "partner" for anyone who does it for the resident ("kan mijn zoon het voor mij doen?")."""
    if _ON_MY_BEHALF.search(text or ""):
        return "partner"
    told = _NONE_OF_THEM.sub(" ", text or "")
    for word, pattern in _PEOPLE:
        if pattern.search(told):
            return word
    return None


# "bro ik heb geen kind lol" (round r260 of session 62: the child's passport again)
_NONE_OF_THEM = re.compile(r"\b(?:geen|no|not an?|niet een|zonder|without)\s+(?:\w+\s+)?"
                           r"(?:kind\w*|kinderen|kids?|children|child|partner|vrouw|man|wife|"
                           r"husband)\b", re.IGNORECASE)


# A follow-up is short, or names few words besides the aspect it asks about ("ben ik te laat
# als het in het weekend valt?"): a longer message names its own subject.
MAX_FOLLOW_UP_WORDS, MAX_FOLLOW_UP_SUBJECT_WORDS = 9, 3


def read_aspect(text: str) -> Optional[str]:
    """`cost` or `duration` when the question asks for it, else None."""
    asked = read_aspects(text)
    return asked[0] if asked else None


def read_aspects(text: str) -> List[str]:
    """Every aspect the question asks for, in the order of `_ASPECTS` ("hoeveel dagen en
    hoeveel euro": cost and duration). Paying in parts is a subject of its own."""
    return [aspect for aspect, pattern in _ASPECTS if pattern.search(text or "")
            and not (aspect == COST and _PAYING_IN_PARTS.search(text or ""))]


# "kan ik ook betalen in stukjes, elke maand een beetje?": a payment plan, its own article,
# not the price of the product just answered ("Gratis.", round 75)
_PAYING_IN_PARTS = re.compile(
    r"\bbetalingsregeling\w*|\bregeling\b|\bafbeta\w*|\b(?:in|per) (?:\w+ )?(?:termijnen|delen|"
    r"stukjes|stukken|keer|maanden)\b|\bgespreid\b|\belke maand\b|\bper maand\b"
    r"|\bpayment (?:plan|arrangement)\b|\bin instal+ments\b", re.IGNORECASE)


# "Hoe lang duurt een gewone aanvraag?" after the rush answer: the product's ordinary
# article, not the variant just given.
# "En het rijbewijs zelf?" after the health declaration: the product itself.
_ORDINARY = re.compile(r"\b(?:gewone?|normaa?le?|standaard|regulier\w*|zonder spoed|geen spoed"
                       r"|niet met spoed|niet (?:zo )?snel|regular|normal|standard)\b"
                       r"|\b(?:het|de) [a-zà-ü-]{4,} zelf\b(?! (?:op|langs|mee|doen|regelen|"
                       r"aanvragen|ophalen|komen|betalen|invullen)\b)",
                       re.IGNORECASE)


def asks_the_ordinary(text: str) -> bool:
    """The question asks for the ordinary way, against the variant just answered."""
    return bool(_ORDINARY.search(text or ""))


# "en mijn eigen paspoort dan? ik ben 41" after the child's passport answer: the resident's
# own, the product's ordinary article.
_ONESELF = re.compile(r"\b(?:mijn eigen|m n eigen|mn eigen|voor mezelf|voor mijzelf|voor mij zelf|"
                      r"ikzelf|ik zelf|ook voor mij|voor mij ook|for myself|my own|for me too)\b"
                      r"|\b(?:ik ben|i am|i m|im) (?:1[89]|[2-9]\d)\b"
                      r"(?! (?:weken|maanden|dagen|weeks|months|days)\b)",
                      re.IGNORECASE)


def asks_for_oneself(text: str) -> bool:
    """The question is about the resident themselves (their own, their adult age)."""
    return bool(_ONESELF.search(text or ""))


# A first question that asks only what something costs or how long it takes or lasts gets
# that detail, not the whole answer ("wat kost een paspoort?"). "Mijn paspoort is verlopen,
# wat nu?" asks what to do, so validity only counts with "hoe lang" or "tot wanneer".
SINGLE_ASPECTS = (COST, DURATION, VALIDITY, LATE)
MAX_SINGLE_QUESTION_WORDS = 10
_QUESTION = re.compile(r"\?|^\W*(?:wat|hoeveel|hoe|hoelang|tot wanneer|how|what)\b",
                       re.IGNORECASE)
_HOW_LONG_VALID = re.compile(r"\bhoe ?lang\b|\btot wanneer\b|\bhow long\b", re.IGNORECASE)


def single_aspect(text: str) -> Optional[str]:
    """The one detail a short question asks for (cost, duration, validity), else None."""
    text = text or ""
    if not _QUESTION.search(text) or len(text.split()) > MAX_SINGLE_QUESTION_WORDS:
        return None
    asked = {aspect for aspect, pattern in _ASPECTS if pattern.search(text)}
    if VALIDITY in asked:
        if not _HOW_LONG_VALID.search(text):
            return None
        asked.discard(DURATION)  # "hoe lang is die geldig?"
    return asked.pop() if len(asked) == 1 and asked <= set(SINGLE_ASPECTS) else None


# A longer follow-up still leans on the answer when its question points back at it: "wat
# kost het en moeten de kinderen mee?", "is het nu te laat?", "mag ik nog rijden ermee?";
# not the "het" of "wat kost het om een lantaarnpaal te laten zetten".
_LEANS_BACK = re.compile(r"\b(?:kost|kosten|duurt|is|zijn|mag|moet|kan|gaat|werkt)\s+"
                         r"(?:het|dat|die|dit|hij|ie)\b(?!\s+(?:om|als|wanneer)\b)"
                         r"|\b(?:ermee|erbij|ervoor|daarmee|daarvoor|daarbij)\b"
                         r"|\ber (?:\w+ ){0,2}?(?:mee|voor|bij)\b"
                         # "how much does it cost and how long does it take" (round r102)
                         r"|\b(?:does|do|is|will|can|would) (?:it|that|this)\b", re.IGNORECASE)
# "En asbest?", "ook voor een scooter?": a short question that adds a subject to the answer.
_AND_ALSO = re.compile(r"^\W*(?:en|ook|and|maar|en ook)\s+(?:(?:voor|met|van|bij)\s+)?"
                       r"(?:(?:een|de|het|mijn|m'n)\s+)?([a-zà-ü-]{4,})(?:\s+[a-zà-ü-]+)?\s*\?+\s*$",
                       re.IGNORECASE)
_NO_SUBJECT = frozenset("verder daarna hierna zometeen straks anders alles precies trouwens "
                        "waarom wanneer waar hoeveel welke".split())


_FUNCTION_WORDS = frozenset("""
en ook of maar dan als dat dit die het de een ik we wij u je jij jullie ben bent moet moeten
mag kan kun mogen kunnen wil wilt willen zal zullen moest mocht kon zou
kunt is zijn wordt worden naar voor van met bij in op aan om te er nog wel niet wat hoe
waar wanneer welke hoeveel hoelang daar hier daarvoor daarmee erbij mee ermee zo eigenlijk
precies ongeveer graag even nou toch geen gebeuren gebeurt doen regelen krijgen krijg hebben heb
gaan gaat komen komt zeggen weten zien nodig snel lang alles iets the what how when where
can does you for nieuw nieuwe new
""".split())


def subject_words(text: str) -> str:
    """What a follow-up names besides the aspect it asks about: "wat moet ik meenemen naar
    de milieustraat?" → "milieustraat"; "wat moet ik meenemen?" → ""; "wat is DigiD?" →
    "digid" (the word asked to be explained is the subject, even an aspect's word)."""
    defined = [word.lower() for word in _DEFINED.findall(text or "")
               if (general.zipf(word.lower()) or 0.0) < DEFINED_ZIPF]  # not "wat is de prijs"
    for _, pattern in _ASPECTS:
        text = pattern.sub(" ", text or "")
    text = _UNIT.sub(" ", text)
    words = defined + re.findall(r"[a-zà-ü]{3,}", text.lower())
    return " ".join(dict.fromkeys(word for word in words if word not in _FUNCTION_WORDS))


# "wat is digid eigenlijk", "wat betekent kwijtschelding": the word to be explained, when it
# is a rare one (DigiD 3.1, paspoort 4.3), not "wat is de prijs" (5.3)
DEFINED_ZIPF = 4.5
_DEFINED = re.compile(r"\b(?:wat (?:is|zijn|betekent|betekend|bedoel(?:t|en)? (?:\w+ )?met)|"
                      r"what(?: is|'s| does)) (?:een |de |het |a |an |the )?([a-zà-ü]{3,})",
                      re.IGNORECASE)


# "hoeveel kost dat per jaar": the unit of a price or a time, no subject (round r74 of
# session 41: the dog tax offered for the parking permit's price)
_UNIT = re.compile(r"\b(?:per|a|an)\s+(?:jaar|maand|week|dag|keer|stuk|persoon|auto|kind|year|"
                   r"month|week|day|time|person|car|child)\b", re.IGNORECASE)
_QUESTION_PART = re.compile(r"[^?]*\?")
# A clause that asks: a question mark, or a question word or verb first.
_ASKING_CLAUSE = re.compile(
    r"\?\s*$|^\W*(?:(?:en|maar|of|ook)\s+)?(?:moet|moeten|mag|mogen|kan|kun|kunt|kunnen|hoe|"
    r"wat|waar|wanneer|wie|welke?|hoeveel|is|zijn|heb|hebt|heeft|krijg|krijgt|wordt|geldt)\b",
    re.IGNORECASE)


def asked_subject_words(text: str) -> str:
    """The subject words of the clauses that ask something; a clause that only tells ("we
    zijn gescheiden") names context, not the subject (round 95). All words when no clause
    asks."""
    clauses = [part for part in re.split(r"(?<=[.?!;,])\s+", text or "") if part.strip()]
    asked = [part for part in clauses if _ASKING_CLAUSE.search(part)]
    return subject_words(" ".join(asked)) if asked else subject_words(text)


# An asking clause before the comma of what the resident goes on to tell.
_FIRST_CLAUSE = re.compile(r"\s*([^,;.?!]+?)\s*[,;]\s+\S")


def is_follow_up(text: str) -> bool:
    """A short question about an aspect, or one that adds a subject ("en asbest?"), that
    leans on what was said before; "en voor mijn kinderen? die zijn 6 en 9, moeten die ook
    mee?" is short in its first question, "3 dagen? ben ik dan te laat?" in its second."""
    parts = [part.strip() for part in _QUESTION_PART.findall(text or "")]
    if (len(parts) > 1 or parts and parts[0] != (text or "").strip()) and any(
            is_follow_up(part) for part in parts):
        return True
    first = _FIRST_CLAUSE.match(text or "")
    if first and read_aspect(first.group(1)) and not subject_words(first.group(1)) and len(
            first.group(1).split()) <= MAX_FOLLOW_UP_WORDS:
        return True  # "hoe lang duurt t, moet dinsdag beginnen als vrijwilliger" (round r95)
    if read_aspect(text) is not None:
        few = len(subject_words(text).split()) <= MAX_FOLLOW_UP_SUBJECT_WORDS
        return (len((text or "").split()) <= MAX_FOLLOW_UP_WORDS
                or few and ("?" in text or bool(_LEANS_BACK.search(text))))
    return adds_a_subject(text)


def adds_a_subject(text: str) -> bool:
    """"En de groene bak??": a subject added to the answer, no problem told."""
    also = _AND_ALSO.match(text or "")
    return bool(also) and also.group(1).lower() not in _NO_SUBJECT


# "Moet ik intussen wel betalen?" asks whether to pay, not what it costs.
_WHETHER_TO_PAY = re.compile(r"\b(?:moet|moeten|mag|kan|kun|kunt)\b(?: \w+){0,6} "
                             r"(?:beta(?:a)?l\w*|in termijnen)", re.IGNORECASE)
_PRICE = re.compile(r"\bkost|\bprijs|\bhoeveel\b|\bduur\b|\btarie|\bgratis\b|\bwat\b",
                    re.IGNORECASE)
# A question for the price itself ("wat kost …", "hoeveel is het"), not "ik kan het niet betalen".
_ASKS_PRICE = re.compile(r"\b(?:wat|hoeveel) (?:\w+ ){0,2}?(?:kost|is|zijn|bedraagt)\b|\bkosten\b"
                         r"|\bprijs|\btarie|\bhoe ?duur\b|\bhow much\b|\bcosts?\b|\bprice\b",
                         re.IGNORECASE)


def asks_the_price(text: str) -> bool:
    """True when the question asks what something costs."""
    return read_aspect(text) == COST and bool(_ASKS_PRICE.search(text or ""))


_PAYING = re.compile(r"\bbeta(?:a)?l\w*|\btermijn\w*", re.IGNORECASE)


def article_detail(article: Article, aspect: str, text: str = "") -> Optional[str]:
    """What the article says about the aspect: its cost field, or its sentences about it."""
    if aspect == COST and _WHETHER_TO_PAY.search(text) and not _PRICE.search(text):
        # whether to pay: its sentences about paying, else what it costs ("Moet mijn
        # moeder daar zelf voor betalen?": "U betaalt een eigen bijdrage …")
        return _sentences(article, _PAYING) or (article.cost or "").strip() or None
    if aspect == COST and article.cost:
        return article.cost.strip()
    if aspect == OTHERS and person_of(text) != "kind":
        aspect = ADULTS  # "kan mijn man het ophalen?": not the sentences about ages
    if aspect == BRING:
        return _to_bring(article, text)
    pattern = _ABOUT.get(aspect)
    return _sentences(article, pattern) if pattern else None


_COLLECTING = re.compile(r"\bophaal\w*|\bophal\w*|\bafhal\w*|\b(?:op|af) te halen\b"
                         r"|\bcollect\w*|\bpick(?:s|ing)? (?:it |them )?up\b", re.IGNORECASE)
_SOMEONE_ELSE = re.compile(r"\b(?:zij|ze|hij|she|he|iemand anders|someone else)\b", re.IGNORECASE)


def _to_bring(article: Article, text: str) -> Optional[str]:
    """What to bring: to collect it for someone ("wat moet zij dan meenemen?" after "mag mijn
    vrouw het ophalen?"), or to apply (round r125 of session 49: the applicant's list for
    the wife who collects); all of it when the article does not tell them apart."""
    collecting = bool(_COLLECTING.search(text) or _SOMEONE_ELSE.search(text))
    told = _told(article, lambda sentence: bool(_ABOUT[BRING].search(sentence))
                 and bool(_COLLECTING.search(sentence)) == collecting)
    return told or _sentences(article, _ABOUT[BRING])


def _sentences(article: Article, pattern: "re.Pattern[str]") -> Optional[str]:
    """The sentences of the article's answer that match, without its link."""
    return _told(article, lambda sentence: bool(pattern.search(sentence)))


_POINTS_BACK = re.compile(r"(?:Dat|Dit|Die|Daar\w*|Dan|Zij|Then|That|This|There|These|Those|It"
                          r"|They)\b")
# "Heeft u geen computer? Bel dan 14 0571": the answer to the question before it
_THEN_SECOND = re.compile(r"\w+ dan\b")


def _answer_sentences(article: Article) -> List[str]:
    """The sentences of the article's answer, without the one with its link."""
    return [s for s in _SENTENCE.split(" ".join(article.answer.split())) if "http" not in s]


def _told(article: Article, wanted: Callable[[str], bool]) -> Optional[str]:
    """The wanted sentences of the article's answer, without its link; a wanted question
    keeps the sentence that answers it ("Valt de laatste dag in het weekend? Dan mag het
    de eerste werkdag daarna.")."""
    sentences = _answer_sentences(article)
    told = [n for n, sentence in enumerate(sentences) if wanted(sentence)]
    told += [n + 1 for n in told if sentences[n].endswith("?") and n + 1 < len(sentences)]
    # "Dat moet binnen 6 dagen." needs the sentence it points back to
    told += [n - 1 for n in told if n > 0 and (_POINTS_BACK.match(sentences[n]) or (
        _THEN_SECOND.match(sentences[n]) and sentences[n - 1].endswith("?")))]
    told += [n - 1 for n in told if n > 0 and _QUESTION_POINTING_BACK.match(sentences[n])]
    # "… Dan kan Buurtbemiddeling helpen. Twee vrijwilligers praten dan met u …": what it is
    told += [n + 1 for n in told if n + 1 < len(sentences) and not sentences[n].endswith("?")
             and _GOES_ON_ABOUT_IT.match(sentences[n + 1])]
    return " ".join(sentences[n] for n in sorted(set(told))) or None


# "Lukt dat niet? Dan kan Buurtbemiddeling helpen." needs what "dat" is (round r120 of
# session 49: the fragment alone); "Twee vrijwilligers praten dan met u" tells what it is.
_QUESTION_POINTING_BACK = re.compile(r"^\w+ (?:dat|dit|die|het) (?:\w+ )?(?:niet|nie)\?$")
_GOES_ON_ABOUT_IT = re.compile(r"^(?:\w+ ){1,3}dan\b(?!.*\?$)")


# Words of an English question that name no subject ("could", "there", "about").
_ENGLISH_FUNCTION_WORDS = frozenset("""about also been could does doing from have having here
into just like make many more much need only other should some than that their them then
there these they this what when where which while will with would your please thanks thank
hello dear good morning afternoon evening""".split())
RARE_SENTENCES = 2  # a question word this few sentences of the answer name is specific


_ACRONYM = re.compile(r"\b[A-Z]{3}\b")  # "BSN", "VOG", "WOZ"


def sentences_naming_rare_words(article: Article, question: str) -> Optional[str]:
    """"Can I get a parking permit for my second car?": the sentences of the answer that
    name a question word only they name ("… a second permit …"); None without such a word.
    For a language without `aspects` (the English texts)."""
    sentences = _answer_sentences(article)
    words = [word for word in dict.fromkeys(re.findall(r"[a-z]{4,}", question.lower())
                                            + _ACRONYM.findall(question))
             if word not in _ENGLISH_FUNCTION_WORDS]
    # the first sentence tells what the article is about ("… a parking permit …")
    rare = [word for word in words if sentences and not shares_a_word(sentences[0], word)
            and 0 < sum(shares_a_word(sentence, word) for sentence in sentences) <= RARE_SENTENCES]
    if not rare:
        return None
    return _told(article, lambda sentence: any(shares_a_word(sentence, w) for w in rare))


# A follow-up is about the article before when one of its sentences holds most of the
# follow-up's own words ("moet ik zijn paspoort en rijbewijs inleveren?" after the answer
# about a death): at least this many, and this share of them.
MIN_SHARED_WORDS, MIN_SHARED_SHARE = 2, 0.6


def shares_a_word(sentence: str, word: str) -> bool:
    """The word, or a form of it ("inleveren"/"inlevert"; "uitschrijven"/"uit te
    schrijven"), is in the sentence."""
    stem = word[:max(4, len(word) - 3)]
    if re.search(rf"\b{re.escape(stem)}", sentence, re.IGNORECASE):
        return True
    split = _SEPARABLE.match(word.lower())
    return split is not None and re.search(
        rf"\b{split.group(1)} te {re.escape(split.group(2)[:max(4, len(split.group(2)) - 3)])}",
        sentence, re.IGNORECASE) is not None


# A separable verb's prefix ("moet ik me uitschrijven?" / "u hoeft zich niet uit te schrijven")
_SEPARABLE = re.compile(r"^(uit|in|door|op|aan|af|mee|terug|over|om|weg|langs|na|toe|vast|bij)"
                        r"(\w{5,}en)$")


def together(article: Article, *details: Optional[str]) -> Optional[str]:
    """The sentences of several details about the article, each once, in the article's
    order (a question before its answer); what its answer does not hold (its cost) last."""
    told = _SENTENCE.split(" ".join(article.answer.split()))
    sentences = list(dict.fromkeys(s for detail in details if detail
                                   for s in _SENTENCE.split(detail)))
    order = {sentence: told.index(sentence) if sentence in told else len(told) + n
             for n, sentence in enumerate(sentences)}
    return " ".join(sorted(sentences, key=order.__getitem__)) or None


# "o ja ik ben 76 trouwens, maakt dat uit?": an age told, for what the answer says of ages
_AGE_TOLD = re.compile(r"\b(?:ik ben|ben ik|hij is|zij is|ze is|i am|i'm|he is|she is|"
                       r"(?:mijn|my|onze|our) \w+ (?:is|wordt|turns))\s+"
                       r"(?:nu |al |bijna |net )?\d{1,3}\b(?!\s*(?:%|euro|uur|minuten|km|meter|"
                       r"weken|week|dagen|dag|maanden|maand|keer|x|days?|weeks?|months?|times))"
                       r"|\b\d{1,3}\s+(?:jaar|years?)\s+(?:oud|old)\b", re.IGNORECASE)
_AGE_SENTENCE = re.compile(r"\b(?:vanaf|tot|onder|boven|jonger dan|ouder dan|from|under|over|"
                           r"aged|age)\s+(?:de\s+)?\d{1,3}\b|\b\d{1,3}\s+(?:jaar|years?)\s+"
                           r"(?:en|or|and)\s+(?:ouder|older|jonger|younger|over)\b",
                           re.IGNORECASE)
MAX_AGE_SENTENCES = 2


def age_detail(article: Article, text: str) -> Optional[str]:
    """What the article says about ages, when the follow-up tells one (round r156 of session
    51: "ik ben 76 trouwens, maakt dat uit?" after the licence answer got no answer)."""
    if not _AGE_TOLD.search(text or ""):
        return None
    said = [part for part in _SENTENCE.split(" ".join(article.answer.split()))
            if _AGE_SENTENCE.search(part)]
    return " ".join(said[:MAX_AGE_SENTENCES]) or None


def answered_in(article: Article, text: str) -> Optional[str]:
    """The article's sentences that hold a follow-up's own words, with what it says about
    the aspects asked ("3 weken geleden verhuisd, te laat?": the deadline and what to do
    after it), or None when no sentence holds its words."""
    aged, rest = age_detail(article, text), _answered_in(article, text)
    if aged and not rest:  # "hoe lang duurt het? ik ben 72, moet ik naar de dokter?": both
        rest = together(article, *(article_detail(article, aspect, text)
                                   for aspect in read_aspects(text)))
    return together(article, aged, rest)


def _answered_in(article: Article, text: str) -> Optional[str]:
    parts = [part for part in _SENTENCE.split(text or "") if part.strip()]
    about = together(article, *(sentences_about(article, subject_words(part))
                                for part in ([text] + parts if len(parts) > 1 else [text])))
    asked = [part for part in parts if part.rstrip().endswith("?")] if len(parts) > 1 else []
    if about and 0 < len(asked) < len(parts):
        # "… ik heb een nieuwe auto. hoe zet ik het kenteken om?": what the question itself
        # names, before what the words around it name (round 91: the two-cars sentence)
        about = together(article, *(sentences_about(article, subject_words(part))
                                    or sentences_naming(article, subject_words(part))
                                    for part in asked)) or about
    if not about or asks_the_ordinary(text):  # "een gewone aanvraag": not this variant's
        return about
    return together(article, about, *(article_detail(article, aspect, text)
                                       for aspect in read_aspects(text)))


RARE_WORD_LENGTH, RARE_WORD_SENTENCES = 5, 2
COMMON_NAMED_ZIPF = 4.5  # "naam", "staat" (5+) are named beside a rarer word, not asked


# The word the answers use for a resident's own one: "als mijn vriendin bij me intrekt met
# haar auto?" (partner, round r223), "de begrafenisondernemer doet de aangifte?" (r221)
_ANSWERS_SAY = ((re.compile(r"\b(?:vriend|vriendin|vriendje|man|vrouw|echtgeno(?:o|)te?|"
                            r"wederhelft|husband|wife|girlfriend|boyfriend|spouse)\b"), "partner"),
                (re.compile(r"\b(?:begrafenis|uitvaart|funeral|undertaker)"), "uitvaartondernemer"))


def sentences_naming(article: Article, words: str) -> Optional[str]:
    """The one or two sentences of the article that hold the follow-up's own word
    ("hoeveel getuigen?" after the wedding answer), or three for two such words; None
    when there are more. A word the answers say otherwise counts as theirs too."""
    words = " ".join([words] + [said for own, said in _ANSWERS_SAY if own.search(words)])
    named = [word for word in dict.fromkeys(words.split()) if len(word) >= RARE_WORD_LENGTH]
    sentences = _SENTENCE.split(" ".join(article.answer.split()))
    if len(named) > 1:  # "op een andere locatie dan het gemeentehuis": the word the answer
        # names in a sentence or two ("locatie"), not the ones it names often or never
        counts = {word: sum(shares_a_word(sentence, word) for sentence in sentences)
                  for word in named}
        named = [word for word in named if 0 < counts[word] <= RARE_WORD_SENTENCES]
        if not named:  # "de uitvaartondernemer doet de aangifte?": where both words are
            return _sentences_naming_all(article, [w for w, n in counts.items() if n])
        # "leaseauto … staat niet op mijn naam": the rare word, not "staat" and "naam" beside
        # it (round r227 of session 57: four sentences)
        rare = [word for word in named if (general.zipf(word) or 0.0) < COMMON_NAMED_ZIPF]
        named = rare or named
    if not named:
        return None
    # "krijg ik een boete als ik vandaag parkeer?": the few sentences that hold those words
    most = RARE_WORD_SENTENCES if len(named) == 1 else RARE_WORD_SENTENCES + 1

    def holds(sentence: str) -> bool:
        return any(shares_a_word(sentence, word) for word in named)

    if sum(map(holds, sentences)) > most:
        return None
    return _told(article, holds)  # with the answer to a sentence that asks


def _sentences_naming_all(article: Article, named: List[str]) -> Optional[str]:
    """The one or two sentences that hold every one of two or more words the answer names
    often, each on its own."""
    if len(named) < 2:
        return None

    def holds(sentence: str) -> bool:
        return all(shares_a_word(sentence, word) for word in named)

    found = sum(map(holds, _SENTENCE.split(" ".join(article.answer.split()))))
    return _told(article, holds) if 0 < found <= RARE_WORD_SENTENCES else None


_NO_DIGID = re.compile(r"\bgeen digid\b", re.IGNORECASE)


def told_to_those_without_digid(article: Article) -> Optional[str]:
    """What the article says to someone without DigiD ("Woont een van u in het buitenland
    en heeft die geen DigiD? Dan doet de partner die hier woont de melding …"), or None."""
    return _told(article, lambda sentence: bool(_NO_DIGID.search(sentence)))


def sentences_about(article: Article, words: str) -> Optional[str]:
    """The article's sentences that answer a follow-up naming these words, or None."""
    named = [word for word in dict.fromkeys(words.split()) if len(word) >= 4]
    if len(named) < MIN_SHARED_WORDS:
        return None
    needed = max(MIN_SHARED_WORDS, round(MIN_SHARED_SHARE * len(named) + 0.49))
    return _told(article, lambda sentence: sum(shares_a_word(sentence, w) for w in named)
                 >= needed)


# A long answer opens with its core; the rest stays one follow-up away (round r105: 150
# words in two bubbles on a phone; session 59: the whole birth article, three bubbles, for
# "waar doe ik aangifte, ze is in het ziekenhuis in Utrecht geboren"). An answer of up to
# FOCUS_FROM_WORDS words is whole when the question names more than its opening.
LONG_ANSWER_WORDS, FOCUS_FROM_WORDS, LEAD_WORDS, FOCUSED_WORDS = 70, 100, 45, 110
_REQUEST_WORDS = frozenset("""info informatie regelen aanvragen aanvraag doen weten
graag vragen laten over""".split())
_OPENING_TELLS = {"how", "online"}  # "hoe vraag ik … aan?": what an answer's opening tells
# "we gaan volgend jaar trouwen": when it happens names no part of the answer
_WHEN = re.compile(
    r"\b(?:(?:volgend\w*|komend\w*|deze|dit|next|this) (?:jaar|maand|week|zomer|winter|"
    r"voorjaar|najaar|year|month|week|summer)|binnenkort|soon|(?:in|eind|begin) (?:januari|"
    r"februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))\b",
    re.IGNORECASE)
FEW_SENTENCES = 4  # a word more sentences hold is what the answer is about
EVERYDAY_ZIPF = 5.6  # "stad" (5.7), "huis" (5.7) name no part of an answer; "auto" (5.5) does
# "een ander huis in hetzelfde dorp" names no "andere ouder" nor "hetzelfde adres"
_VAGUE = frozenset("""ander andere anders hetzelfde zelfde dezelfde kant stuk keer krijgt
kreeg bovendien trouwens daarnaast tevens verder eigenlijk
hoi hallo hey hi hoihoi goedemorgen goedemiddag goedenavond groetjes
gister gisteren eergisteren vandaag vanochtend vanmorgen vanmiddag vanavond vannacht morgen
overmorgen zojuist""".split())  # greetings and days: round r249 of session 60 ("hoi ons
# kindje is gister geboren, hoe doe ik aangifte" got one sentence about the BSN)


def lead_for_the_product(article: Article, question: str, elsewhere: str = "") -> Optional[str]:
    """A long answer's opening sentences (about LEAD_WORDS words, never ending on a
    question) with what it says of the aspects the question asks and of the words it names
    besides the opening; None for a short answer, for a question about something it holds
    nowhere (unless `elsewhere`, the other answers given beside it, holds it), or when that
    makes it long anyway."""
    sentences = _answer_sentences(article)
    words = sum(len(s.split()) for s in sentences)
    if article.sensitive or words <= LONG_ANSWER_WORDS:
        return None
    lead = _opening(sentences)
    # a word most sentences hold is the answer's subject ("mijn kind is geboren"), like its title
    named = [word for word in _named_besides(question, f"{article.title} {lead}")
             if _held(sentences, word) <= FEW_SENTENCES]
    aspects = set(read_aspects(question)) - _OPENING_TELLS
    held_anywhere = sentences + [article.cost or "", elsewhere]
    if (named or aspects) and words <= FOCUS_FROM_WORDS or _asks_what_it_cannot_find(
            held_anywhere, question, named):
        return None
    answer = together(article, lead, *_details(article, question, aspects, named)) or lead
    return answer if len(answer.split()) <= FOCUSED_WORDS else None


# "gezet", "geboren", "opgehaald": no subject of their own
_PARTICIPLE = re.compile(r"^(?:op|af|uit|in|aan|weg|mee|terug|door|over|om|na|toe|bij|vast|langs)?"
                         r"ge\w+(?:[dt]|en)$")


# What is done with a product, in other words than its answer's ("kenteken wijzigen" where
# the answer says "doorgeven"): no subject of its own (round r250 of session 60)
WHAT_IS_DONE = frozenset("""aanvragen vernieuwen verlengen doorgeven regelen wijzigen
aanpassen ophalen betalen melden maken opvragen inleveren omwisselen indienen veranderen
""".split())


def _asks_what_it_cannot_find(sentences: List[str], question: str, named: List[str]) -> bool:
    """"… kan het ook buiten, in het park?": a word the question asks about that no
    sentence holds, so which part answers it is unknown: the whole answer, not a part."""
    asked = set(asked_subject_words(question).split())
    return any(word in asked and len(word) >= 4 and not _PARTICIPLE.match(word)
               and word not in WHAT_IS_DONE and not _held(sentences, word) for word in named)


MIN_WORDS_HELD = 2


def details_besides(article: Article, question: str, said: str) -> Optional[str]:
    """"we zijn niet getrouwd, hij heeft haar al erkend. moeten we iets meenemen? en krijgt
    ze dan een bsn?" after the opening of the birth answer: what the rest of the article
    says of the aspects asked and of the words named besides what was said, when it holds
    at least MIN_WORDS_HELD of those words, each in a few sentences; else None."""
    sentences = _answer_sentences(article)
    held = [word for word in _named_besides(question, f"{article.title} {said}")
            if 0 < _held(sentences, word) <= FEW_SENTENCES]
    if len(held) < MIN_WORDS_HELD:
        return None
    aspects = set(read_aspects(question)) - _OPENING_TELLS
    return together(article, *_details(article, question, aspects, held))


def _named_besides(question: str, told: str) -> List[str]:
    """The words the question names that `told` does not hold, without the everyday ones."""
    return [word for word in subject_words(_WHEN.sub(" ", question)).split()
            if word not in _REQUEST_WORDS and word not in _VAGUE
            and not shares_a_word(told, word) and (general.zipf(word) or 0.0) < EVERYDAY_ZIPF]


def _held(sentences: List[str], word: str) -> int:
    return sum(shares_a_word(sentence, word) for sentence in sentences)


def _details(article: Article, question: str, aspects: Set[str], named: List[str]
             ) -> List[Optional[str]]:
    """What the article says of each aspect, and the sentences (with their answers) that
    hold the named words: the rare ones if any ("we zijn niet getrouwd": all three about
    parents not married)."""
    details = [article_detail(article, aspect, question) for aspect in aspects]
    if named:
        details.append(sentences_naming(article, " ".join(named)) or _told(
            article, lambda sentence: any(shares_a_word(sentence, word) for word in named)))
    return details


def _opening(sentences: List[str]) -> str:
    """The first sentences up to about LEAD_WORDS words; a question only with its answer
    ("Woont u elders? Dan …")."""
    lead: List[str] = []
    for n, sentence in enumerate(sentences):
        with_answer = sentences[n:n + 2] if sentence.endswith("?") else [sentence]
        if lead and not lead[-1].endswith("?") and len(
                " ".join(lead + with_answer).split()) > LEAD_WORDS:
            break
        lead.append(sentence)
    return " ".join(lead)


# Words of an article's own question that say nothing of the resident's situation.
_QUESTION_FILLER = frozenset("heeft hebt bent wilt wordt zijn uw zelf".split())
MIN_MIRRORED_WORDS = 2


def mirrored_question(article: Article, text: str) -> Optional[str]:
    """"mn rijbewijs is verlopen kan ik nog rijden": the article asks the resident's own
    situation ("Is uw rijbewijs verlopen? Dan mag u niet rijden …"); that question with its
    answer, after the article's first sentence. None when no question of the article has at
    least MIN_MIRRORED_WORDS words, all of them in the text."""
    sentences = _answer_sentences(article)

    def mirrors(sentence: str) -> bool:
        words = [word for word in re.findall(r"[a-zà-ü]{4,}", sentence.lower())
                 if word not in _FUNCTION_WORDS and word not in _QUESTION_FILLER]
        return (sentence.endswith("?") and len(words) >= MIN_MIRRORED_WORDS
                and all(shares_a_word(text, word) for word in words))

    asked = [n for n, sentence in enumerate(sentences) if n and mirrors(sentence)]
    if not asked:
        return None
    told = {0, 1} if sentences[0].endswith("?") else {0}
    for n in asked:  # the question, its answer, and a sentence that goes on with that answer
        told.update(m for m in (n, n + 1) if m < len(sentences))
        if n + 2 < len(sentences) and _GOES_ON.search(sentences[n + 2]):
            told.add(n + 2)  # "… Dan kunt u toch hier trouwen. De melding doet u dan …"
    return " ".join(sentences[n] for n in sorted(told))


# A sentence that goes on with the answer before it: "U krijgt dan geld terug …".
_GOES_ON = re.compile(r"^(?:Dat|Dit|Die|Daar\w*|Dan)\b|^[^?]*\bdan\b[^?]*[.!]$")
