"""Text normalisation for retrieval: accents folded, punctuation out, Dutch stems and
compound parts."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import List

_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")

# Words that carry no topic: function words and the chatty frame of a question.
STOPWORDS = frozenset("""
a aan al alle als alstublieft an and at be beste bij ben bent ik is it je jij jullie de dan
dat deze die dit doe doen doet dus een eens eigenlijk en er even ff for geachte gedaan
goedemiddag goedemorgen goedenavond goedendag graag groet hallo heb hebben hebt heeft hem
het hier hij hoe hoi hun in is ja je jij kan kun kunnen kunt me meneer mevrouw met mij
mijn moet moeten mogelijk mag mogen na naar nee niet nou nu of om on ons onze ook op over
s t te the to tot u uw van vanaf via voor vriendelijke waar wanneer wat we welke wie wij
wil wilde willen wilt word wordt worden zal ze zijn zo zou zouden you your my i
geen meer nog niks vraag vraagje vragen nodig dank bedankt aub svp please thanks hey
mn zn dr ipv evt mss idd tis da ge gij trouwens overigens btw
wou wouden wilden effe efkes gaarne goede morgen middag
allemaal echt ofzo nie
gevaarlijk gevaarlijke toch
""".split())

# Suffixes stripped (longest first) so that inflected forms share a stem; both the articles
# and the question are stemmed the same way, so only conflation matters, not correctness.
_SUFFIXES = ("ingen", "heden", "ing", "ers", "en", "es", "e", "s")


def normalise(text: str) -> str:
    """Lowercase, accents folded, everything but letters and digits made a space."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", folded.lower()).split())


# Documents named in the languages newcomers mix into their Dutch ("ik ben mijn paszport
# verloren", round r72 of session 41), in the words of the articles; on normalised text.
FOREIGN_DOCUMENTS = (
    (re.compile(r"\b(?:paszport\w*|pasaport\w*|reisepass\w*|reispas\w*)\b"), "paspoort"),
    (re.compile(r"\b(?:dowod\w*(?: osobist\w*)?|kimlik\w*|ausweis\w*|personalausweis\w*)\b"),
     "id kaart"),
    (re.compile(r"\b(?:prawo jazdy|ehliyet\w*|fuhrerschein\w*)\b"), "rijbewijs"),
)


# A document "vervalt" in Flanders where it "verloopt" here (round r76 of session 41: "mijn
# reispas is binnenkort vervallen"); a "vervallen" house stays one.
_DOCUMENT = re.compile(r"\b(?:paspoort|id kaart|rijbewijs)\b")
_EXPIRES_IN_FLEMISH = re.compile(r"\bvervalt\b|\bvervallen\b")


def with_dutch_documents(normalised: str) -> str:
    """Normalised text with foreign document words in Dutch ("paszport" → "paspoort")."""
    for pattern, dutch in FOREIGN_DOCUMENTS:
        normalised = pattern.sub(dutch, normalised)
    if _DOCUMENT.search(normalised):
        normalised = _EXPIRES_IN_FLEMISH.sub(
            lambda found: "verloopt" if found.group() == "vervalt" else "verlopen", normalised)
    return normalised


# A dead animal by its own name ("een dode reiger in de sloot"): the articles say "dier".
_DEAD_ANIMAL = re.compile(
    r"\b(?:dode|dood|doodgereden|doodgebeten|kadaver|overleden|dead)\b(?: \w+){0,2} (?:egels?|vos|"
    r"vossen|reigers?|duif|duiven|eend|eenden|zwaan|zwanen|konijn\w*|haas|hazen|ree|reeen|meeuw\w*|"
    r"kraai\w*|ekster\w*|merel\w*|mus|mussen|vogel\w*|rat|ratten|muis|muizen|mol|mollen|das|marter|"
    r"kat|katten|poes|hond|fret|cavia|uil|fazant|gans|ganzen|kip|kippen|hert|vis|vissen)\b")


def with_animal_kind(normalised: str) -> str:
    """Normalised text with "dier" beside a dead animal named by its kind."""
    return f"{normalised} dier" if _DEAD_ANIMAL.search(normalised) else normalised


# A tree by its own name ("de berk in mijn achtertuin laten kappen", round r224 of session 57):
# the articles say "boom".
_TREE_KIND = re.compile(
    r"\b(?:berk|berken|eik|eiken|beuk|beuken|den|dennen|spar|sparren|wilg|wilgen|populier\w*|"
    r"kastanje\w*|linde|linden|esdoorn\w*|es|essen|iep|iepen|plataan|platanen|conifeer|"
    r"coniferen|walnoot\w*|fruitboom|fruitbomen|kersenboom|appelboom|perenboom|notenboom)\b")


def as_tree(normalised: str) -> str:
    """Normalised text with a tree named by its kind as "boom" (no article knows "berk", so
    it would count as the question's rarest word)."""
    return _TREE_KIND.sub("boom", normalised)


# Flemish words for what the articles name otherwise ("ik heb geen vuilbak, hoe krijg ik er
# een?", round r270 of session 63: no article knew "vuilbak").
_REGIONAL_WORDS = {"vuilbak": "container", "vuilbakken": "containers", "ledigen": "legen",
                   "geledigd": "geleegd", "ledigt": "leegt"}


def in_dutch_words(normalised: str) -> str:
    """Normalised text with Flemish words in the articles' Dutch ("vuilbak" → "container")."""
    return " ".join(_REGIONAL_WORDS.get(word, word) for word in normalised.split())


def tokens(text: str) -> List[str]:
    """The normalised words of a text, stopwords left out."""
    plain = in_dutch_words(with_dutch_documents(normalise(text)))
    return [t for t in as_tree(with_animal_kind(plain)).split()
            if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def stem(word: str) -> str:
    """A crude Dutch stem: one suffix off, doubled letters single ("parkeren", "parkeer"
    -> "parker"; "vergunningen" -> "vergun"; "pasport" = "paspoort")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return _DOUBLE.sub(r"\1", word)


LINK = re.compile(r"https?://\S+[^\s.,)]")


def without_links(text: str) -> str:
    """The text without its web addresses ("… Afspraak maken: https://…" → "… Afspraak
    maken:")."""
    return " ".join(LINK.sub("", text or "").split())


ABROAD = "buitenland"
# Country names that are everyday words too ("chili", "jersey") or this country itself.
_NOT_ABROAD = frozenset({"nederland", "netherlands", "chili", "jersey", "guernsey", "man",
                         "isle of man", "chad", "turkey", "guinea", "jordan", "georgia"})
_INFORMAL = ("amerika", "engeland", "schotland", "wales", "usa", "america", "england")
# Cities residents name for "abroad" ("mijn tas is gestolen in barcelona"): capitals and
# the usual holiday and family destinations, in Dutch and English spelling.
_FOREIGN_CITIES = (
    "barcelona", "madrid", "malaga", "benidorm", "alicante", "valencia", "sevilla", "ibiza",
    "mallorca", "tenerife", "gran canaria", "lissabon", "lisbon", "porto", "faro", "parijs",
    "paris", "berlijn", "berlin", "munchen", "munich", "keulen", "dusseldorf",
    "londen", "london", "rome", "milaan", "milan", "venetie", "venice", "napels", "athene",
    "athens", "kreta", "rhodos", "istanbul", "antalya", "izmir", "ankara", "alanya",
    "bodrum", "marrakech", "casablanca", "tanger", "rabat", "nador", "agadir", "brussel",
    "brussels", "antwerpen", "gent", "brugge", "praag", "prague", "wenen", "vienna",
    "boedapest", "budapest", "warschau", "warsaw", "krakau", "krakow", "new york", "dubai",
    "bali", "bangkok", "curacao", "bonaire", "aruba", "sint maarten", "paramaribo",
)


@lru_cache(maxsize=1)
def _countries() -> "re.Pattern[str]":
    """The names of every other country, in Dutch and English (CLDR through Babel, no
    download), plus the informal ones ("amerika", "engeland")."""
    from babel import Locale

    names = {normalise(name) for language in ("nl", "en")
             for code, name in Locale(language).territories.items() if code.isalpha()}
    names = sorted((names | set(_INFORMAL) | set(_FOREIGN_CITIES)) - _NOT_ABROAD, key=len,
                   reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, names)))


# "mijn moeder van 90", "ik ben 67", "zoon (8 jaar)": who it is about, never the subject.
_AGE = re.compile(r"\b(?:(?:van|is|ben|bent|wordt|word|werd|aged?|of)\s+)?\d{1,3}\s*(?:jaar|jr|"
                  r"years?)(?:\s+oud|\s+old)?\b|\b(?:van|is|ben|bent|wordt|word|werd)\s+\d{1,3}\b"
                  r"(?!\s*(?:euro|eur|procent|%|cm|meter|m|km|kilo|kg|uur|minuten|dagen|weken|"
                  r"maanden|x|keer))", re.IGNORECASE)


def without_ages(text: str) -> str:
    """The question without an age: a number weighs as the rarest word otherwise."""
    return " ".join(_AGE.sub(" ", text).split())


# When something happened is no subject: "onze dochter is zaterdag geboren, hoe geef ik haar
# aan" is no question about Saturday's opening hours (own try, session 57), unless the
# question asks when we are open.
_DAY = re.compile(r"\b(?:(?:afgelopen|vorige|vorig|deze|komende|volgende|op)\s+)?(?:maandag|"
                  r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|weekend)\b", re.IGNORECASE)
_ASKS_WHEN_OPEN = re.compile(r"\b(?:open|dicht|gesloten|openingstijd\w*|geopend|bereikbaar|"
                             r"hoe laat|tot hoe laat|terecht|langskomen|langs komen|balie|"
                             r"loket|afspraak|opening hours|closed)\b", re.IGNORECASE)


def without_days(text: str) -> str:
    """The question without the day something happened on, unless it asks when we are
    open."""
    return text if _ASKS_WHEN_OPEN.search(text) else " ".join(_DAY.sub(" ", text).split())


# Living abroad ("ik woon sinds 2019 in Duitsland", "I live in Spain", "geëmigreerd") rather
# than being abroad for a while ("gestolen in Barcelona", "op vakantie in Turkije").
_LIVES_ABROAD = re.compile(r"\b(?:woon|woont|wonen|woonde|woonachtig|live|lives|living|"
                           r"verhuisd|moved|emigr\w*|geemigreerd|expat\w*)\b")
_ABOUT_LIVING = re.compile(r"\b(?:woont|wonen|emigr\w*)\b")


# "vader woont marokko", "my ex lives in Poland": someone else lives there, not the resident
# (round r183 of session 53: the embassy for a mother who lives here)
_SOMEONE_ELSE_LIVES = re.compile(
    r"\b(?:vader|moeder|papa|pappa|mama|mamma|pa|ma|ex|exman|exvrouw|ouder|man|vrouw|partner|"
    r"vriend|vriendin|zoon|dochter|broer|zus|opa|oma|familie|hij|zij|father|mother|dad|daddy|"
    r"mum|mummy|mom|husband|wife|he|she)\b"
    r"(?: \w+){0,2} (?:woont|woon|woonde|wonen|lives|lived|living|live)\b(?: \w+){0,3}")


def lives_abroad(text: str) -> bool:
    """The resident lives in another country, or names living there, not a trip."""
    plain = _SOMEONE_ELSE_LIVES.sub(" ", normalise(text))
    return bool(_LIVES_ABROAD.search(plain)) and (
        ABROAD in plain or ABROAD in with_abroad(plain) or "abroad" in plain
        or bool(re.search(r"\bemigr|\bgeemigreerd\b|\bexpat", plain)))


def about_living_abroad(title: str) -> bool:
    """An article for residents who live abroad (its title says so)."""
    plain = normalise(title)
    return ABROAD in plain and bool(_ABOUT_LIVING.search(plain))


def with_abroad(text: str) -> str:
    """The question with "buitenland" for another country's name: "is mijn ID-kaart
    geldig in Turkije?" asks what the articles about travel abroad answer, and no article
    names Turkey."""
    # "vader woont marokko": where the father lives, not what the question is about
    plain = _SOMEONE_ELSE_LIVES.sub(
        lambda said: said.group(0).split()[0] if _countries().search(said.group(0))
        else said.group(0), normalise(text))
    moving = _MOVING.search(plain)
    within = _WITHIN_TOWN.search(plain)
    arriving = _COMING_HERE.search(plain)
    replaced, found = _countries().subn(
        lambda name: "" if within and _FROM.search(plain[:name.start()])
        else ARRIVING if arriving and _FROM_THERE.search(plain[:name.start()])
        else ABROAD if moving or not _GOING_TO.search(plain[:name.start()])
        else TRAVEL, plain)
    # "in spanje (barcelona)": one abroad, not two that outweigh the rest of the question
    return _REPEATED_ABROAD.sub(ABROAD, replaced) if found else text


def abroad_now(text: str) -> bool:
    """Another country or a foreign city named as where the resident is, not where they go:
    "gestolen in barcelona", not "ik vlieg overmorgen naar spanje"."""
    plain = normalise(text)
    return any(not _GOING_TO.search(plain[:name.start()])
               for name in _countries().finditer(plain))


# A passport or ID card of another country: the embassy's, not ours ("mijn Poolse paspoort
# verloopt", "I am Polish, can i renew my passport at the gemeente?", round r95).
_TRAVEL_DOCUMENT = re.compile(r"\b(?:pas+p\w*|reispas|id ?kaart|identiteitskaart|"
                              r"identiteitsbewijs|passport|id card|identity card)\b")
_NATIONALITY = re.compile(
    r"\b(?:pools|poolse|polish|turks|turkse|turkish|marokkaans|marokkaanse|moroccan|syrisch|"
    r"syrische|syrian|duits|duitse|german|belgisch|belgische|belgian|roemeens|roemeense|"
    r"romanian|bulgaars|bulgaarse|bulgarian|oekraiens|oekraiense|ukrainian|spaans|spaanse|"
    r"spanish|italiaans|italiaanse|italian|portugees|portugese|portuguese|frans|franse|french|"
    r"brits|britse|british|amerikaans|amerikaanse|american|indiaas|indiase|indian|chinees|"
    r"chinese|surinaams|surinaamse|eritrees|eritrese|eritrean|afghaans|afghaanse|afghan|"
    r"irakees|irakese|iraqi|iraans|iraanse|iranian|somalisch|somalische|somali|hongaars|"
    r"hongaarse|hungarian|litouws|litouwse|lithuanian|grieks|griekse|greek|kroatisch|"
    r"kroatische|croatian|servisch|servische|serbian|russisch|russische|russian|buitenlands|"
    r"buitenlandse|foreign)\b"
    r"|\b(?:van|uit) (?:mijn|ons|m n|mn) (?:eigen )?(?:land|thuisland)\b|\bmy (?:own |home )?"
    r"country\b|\b(?:niet|geen) (?:de )?nederlands\w* nationaliteit\b|\bgeen nederlander\b"
    r"|\b(?:not|no|dont have|do not have) (?:the )?dutch (?:nationality|citizenship)\b")


# "hij heeft enkel een belgische identiteitskaart, is da genoeg?" (round r171 of session 52:
# sent to the embassy): the document used here as proof of identity, not renewed
_USED_AS_IT_IS = re.compile(r"\b(?:genoeg|voldoende|volstaat|enough|sufficient|good enough)\b")


def another_countrys_document(text: str) -> bool:
    """The question is about getting a passport or ID card of another country than this one
    (not about using one here)."""
    plain = normalise(text)
    return bool(_TRAVEL_DOCUMENT.search(plain) and _NATIONALITY.search(plain)
                and not _USED_AS_IT_IS.search(plain))


TRAVEL = "reis buitenland"
_REPEATED_ABROAD = re.compile(rf"\b{ABROAD}(?: {ABROAD}\b)+")
# "ik vlieg overmorgen naar spanje": a trip, not being abroad; "we verhuizen naar de
# Verenigde Staten" is abroad for good
_GOING_TO = re.compile(r"\b(?:naar|to)\s+(?:de\s+|het\s+|the\s+)?$")
# "ik kom uit polen. nu verhuis ik naar een ander huis in de stad" (round r203 of session 54:
# the answer about emigrating): where someone comes from, when the move is within the town
_FROM = re.compile(r"\b(?:uit|from)\s+(?:de\s+|het\s+|the\s+)?$")
_WITHIN_TOWN = re.compile(r"\b(?:binnen (?:de|deze|onze|dezelfde) (?:stad|gemeente|plaats|dorp)|"
                          r"(?:zelfde|dezelfde) (?:stad|plaats|gemeente|dorp)|"
                          r"ander(?:e)? (?:huis|adres|straat|woning|flat|appartement) (?:in|hier)|"
                          r"within (?:the )?(?:town|city|municipality)|same (?:town|city))\b")
# "wij verhuizen van België naar hier", "we komen van Gent en gaan ons hier vestigen" (round
# r262 of session 62: twice the answer about leaving the country): coming to live here
ARRIVING = "uit het buitenland hier komen wonen nieuwe inwoner"
_FROM_THERE = re.compile(r"\b(?:uit|van|vanuit|from)\s+(?:de\s+|het\s+|the\s+)?$")
_COMING_HERE = re.compile(r"\b(?:naar (?:hier|nederland|lindendal|jullie|deze gemeente|jullie "
                          r"gemeente)|(?:hier|bij jullie) (?:komen |gaan )?(?:wonen|vestigen)|"
                          r"ons (?:hier )?(?:vestigen|inschrijven)|to the netherlands|"
                          r"(?:live|move|moving) here)\b")
_MOVING = re.compile(r"\b(?:verhuiz\w*|emigr\w*|wonen|woon|move|moving|live|werken|studeren)\b")
