"""Where a resident says a problem is: an address, a corner, a landmark, a road or a spot.

`read_place` reads one message with spaCy's blank Dutch tokenizer and a `Matcher` of token
patterns (postcodes, house numbers, stretches, roads, corners), finds street names with the
municipality's register (`StreetRegister`, exact and fuzzy) and landmark phrases with small
word lists ("bij de speeltuin achter de school"). It returns data, never sentences.
`is_clearly_not_a_place` tells answers that must never be stored as a place: a question,
a refusal, a greeting, a yes or no, a sentence in another language.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.knowledge.general import is_established_word, zipf
from bot.reading.description import category_of
from bot.reading.streets import (
    STREET_ENDINGS_WIDE, STREET_TYPES, StreetRegister, looks_like_street_type, street_key,
    street_type, strip_accents, title_case, word_key,
)
from bot.text import with_known_forms

logger = logging.getLogger(__name__)

KINDS = ("address", "postcode", "corner", "landmark", "road", "stretch", "street", "number",
         "description")

# How a place is said back and stored; the only Dutch words this module writes.
LABELS = {
    "address": "{street} {number}",
    "address_relative": "{street}, {relation} nummer {number}",
    "postcode_suffix": ", {postcode}",
    "postcode": "{postcode} {number}",
    "postcode_relative": "{postcode}, {relation} nummer {number}",
    "corner": "hoek {first} en {second}",
    "landmark": "{street}, {landmark}",
    "road": "{road}, {landmark}",
    "stretch": "{street} {number} t/m {to}",
    "stretch_between": "{street} tussen {first} en {second}",
    "between": "tussen {first} en {second}",
    "whole": "hele {street}",
    "number_range": "{number} t/m {to}",
    "second_number": "ook nummer {number}",
}

# --- words ------------------------------------------------------------------------------
# Function words: never the first or last word of a street name.
_STOP = frozenset("""
de het een 't t in op aan bij van voor achter naast tegenover onder boven langs naar uit met
om tot door over tussen te ter ten en of maar dat die dit deze er hier daar is zijn was ligt
liggen staat staan zit zitten ik u je jij wij we ze zij hij mijn m'n mn onze ons uw hun jullie
niet wel geen al nog ook heel erg zeer weer nu dan als wat wie waar hoe welke graag even aub
a.u.b. alstublieft svp nummer nr nr. huisnummer hoek kruising splitsing kruispunt hele gehele
straat weg laan richting thv t.h.v t.h.v. hoogte vlakbij nabij rond ongeveer dus want omdat
sinds meer veel gemeente beste geachte hallo hoi goedemorgen goedemiddag goedenavond dag
vandaag morgen gisteren vanavond vannacht meteen direct snel eindelijk toch gewoon echt
""".split())  # ("ik wil dat het VANDAAG weg is": no "Vandaagweg", round r197 of session 53)
_CONNECTORS = frozenset({"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "la", "le",
                         "von", "vd", "v.d."})
# Words that open a street name: "Burgemeester de Withlaan", "Oude Kerkweg".
_TITLES = frozenset("""
burgemeester burg burg. dokter dr dr. prins prinses koning koningin graaf gravin sint st st.
pastoor pater generaal gen. kapitein admiraal professor prof prof. mr mr. meester jonkheer jhr
jhr. dominee ds ds. kardinaal hertog hertogin baron president minister wethouder kolonel
luitenant ridder oude nieuwe korte lange kleine grote hoge lage noorder zuider ooster wester
""".split())
# Words between a street and a house number told a little further on.
_TO_THE_NUMBER = frozenset({"ter", "hoogte", "van", "bij", "nummer", "nr", "nr.", "huisnummer",
                            "ongeveer", "zo'n", "rond", "rondom", "aan", "op", "voor", "naast"})
# Ordinary words ending like a street ("fietspad", "snelweg"): never a street by themselves.
_NEVER_STREETS = frozenset("""
fietspad voetpad wandelpad ruiterpad tuinpad bospad zijpad jaagpad fietsstraat zijstraat
winkelstraat woonstraat snelweg zijweg fietsweg omweg onderweg rijweg
toegangsweg uitvalsweg parallelweg ventweg busweg landweg zandweg oprijlaan rijbaan busbaan
fietsbaan ijsbaan loopbaan tennisbaan skatebaan atletiekbaan renbaan glijbaan invoegstrook
speelplein parkeerplein speelpark attractiepark grasveld speelveld sportveld voetbalveld
trapveld hondenveld ijsveld achterhof voorhof stuwdam supermarkt weekmarkt jaarmarkt
rommelmarkt kerstmarkt vlooienmarkt zeedijk rivierdijk scheepswerf boerenerf storing verkering
doorweg halfweg milieustraat afvalstraat wasstraat autowasstraat spoorweg vaarweg waterweg
afslaan aanslaan doorslaan inslaan omslaan opslaan uitslaan neerslaan dichtslaan vastslaan
kapotslaan wegslaan terugslaan overslaan
""".split())
# Common places that are a street only when written as a name ("het Stationsplein").
_COMMON_PLACES = frozenset("""
schoolplein dorpsplein kerkplein stationsplein sportpark stadspark wandelpark kerkhof binnenhof
jachthaven binnenhaven vismarkt paardenmarkt
""".split())
# Street types that are also ordinary word endings: a name only when capitalised or numbered.
_WEAK_TYPES = frozenset({"pad", "hof", "park", "markt", "baan", "wal", "ring", "dam", "haven",
                         "veld", "erf", "werf", "brink", "hoeve", "lei", "oord", "kamp", "berg",
                         "burg", "horst", "weide", "vaart"})

UNKNOWN_WORD_ZIPF = 2.5  # rarer in general Dutch: a name ("beukenhof"), not "kerkhof" (3.9)

# Words after a street name that put a spot on it: "Vlinderhof bij de speeltuin".
_SPOT_PREPOSITIONS = frozenset({"bij", "naast", "tegenover", "voor", "achter", "ter", "thv",
                                "t.h.v.", "hoek", "nummer", "nr", "nr."})

# "niet iets voor 112": the emergency number, not a house number, unless right after a street.
_EMERGENCY_NUMBERS = frozenset({"112", "911", "999"})
# Words before a place that only lead in to it: "nee sorry, het is de speeltuin".
_LEAD_IN = frozenset("""
nee neen sorry wacht oh o oeps het 't t is was ik bedoel bedoelde maar dus nou ja eh uh
excuus correctie pardon nog eens
""".split())
_NUMBER_WORDS = ["nummer", "nr", "nr.", "no", "no.", "nmr", "num", "huisnummer", "huisnr",
                 "huisnr.", "hnr", "hnr.", "#", "nummers", "nrs", "nrs.", "n°", "nº", "number"]
_NEAR_WORDS = ["bij", "tegenover", "naast", "voor", "achter", "thv", "t.h.v", "t.h.v.", "tov",
               "t.o.v.", "t/o", "t.o.", "vlakbij", "nabij", "rond", "vanaf"]
_RANGE_WORDS = ["t/m", "tm", "t.m.", "tem", "t.e.m.", "tot", "-", "–"]
_MEASURES = frozenset("""
uur u uurtje uren minuut minuten min seconden sec dag dagen dagje week weken maand maanden jaar
jaren jr keer x maal meter m cm mm km kilometer euro eur € procent % graden kilo kg liter
centimeter nachten avonden ochtenden weekenden 's s'avonds s'ochtends 's-avonds keren
hour hours minute minutes day days weeks month months year years times nights euros percent
""".split())
# Things counted: "3 tegels los" is an amount, but "Wilhelminastraat 22 stoeptegels liggen
# scheef" is an address (a number right after a street is its house number).
_COUNTED_THINGS = frozenset("""
mensen personen kinderen auto's autos fietsen stuks stuk tegels tegel stoeptegels palen
lantaarnpalen lampen bomen takken zakken containers kliko's klikos gaten plekken huizen woningen
meldingen
""".split())
_UNITS = _MEASURES | _COUNTED_THINGS
# Street furniture with a number of its own: "lantaarnpaal 23", "paal nr 1045".
_POLES = frozenset("""lantaarnpaal lantarenpaal lantaarn lichtmast lichtpaal mast paal
lamppost lamp straatlamp""".split())
_MONTHS = frozenset("""
januari februari maart april mei juni juli augustus september oktober november december jan
feb mrt apr jun jul aug sep sept okt nov dec
""".split())
# Words of a time of day or a call before "tussen 10 en 12": hours, not house numbers.
_TIME_OF_DAY_WORDS = frozenset("""ochtends middags avonds ochtend middag avond morgens smorgens
sochtends smiddags savonds uur bel bellen belt gebeld terugbellen tijd morning afternoon
evening call""".split())

_CORNER_WORDS = ["hoek", "hoekje", "kruising", "kruispunt", "splitsing", "t-splitsing",
                 "y-splitsing", "rotonde", "rondpunt", "driesprong", "viersprong", "kruizing",
                 "corner", "junction", "crossing", "intersection", "crossroads", "roundabout"]
# "… waar die de Kerkweg kruist", "waar de X en de Y elkaar kruisen": a corner told as a verb
_CROSSES = frozenset({"kruist", "kruisen", "kruizen", "snijdt", "snijden", "crosses", "meet",
                      "meets"})
_WHOLE_WORDS = frozenset({"hele", "gehele", "heel", "volledige", "complete", "ganse"})
# "hele weg dicht": the road is closed there, which says nothing of where (round r55)
_CLOSED = frozenset({"dicht", "versperd", "geblokkeerd", "afgesloten", "blocked"})
_DETERMINERS = frozenset({"de", "het", "een", "'t", "t", "die", "dat", "deze", "dit", "mijn", "m'n",
                          "mn", "onze", "ons", "uw", "hun", "jullie", "zijn", "haar", "d'r"})
_PREPOSITIONS = frozenset({"bij", "tegenover", "naast", "voor", "achter", "in", "op", "aan",
                           "onder", "boven", "langs", "nabij", "rond", "rondom", "tussen",
                           "vlakbij", "dichtbij", "richting", "voorbij", "na", "thv", "t.h.v",
                           "t.h.v.", "achterin", "vooraan", "achteraan", "tov", "t.o.v.", "t/o",
                           "t.o.", "van",
                           "nabij", "ggo", "via"})
_MULTI_PREPOSITIONS = (("ter", "hoogte", "van"), ("vlak", "bij"), ("dicht", "bij"),
                       ("in", "de", "buurt", "van"), ("t.h.v", "."))
# "Een kapotte lantaarnpaal", "de volle bak": a thing that is the problem, not a place.
_DAMAGED = re.compile(r"^(?:kapot\w*|stuk\w*|los\w*|gebroken\w*|omgevallen\w*|omgewaaid\w*|"
                      r"defect\w*|lek\w*|vol|volle|overvol\w*|vernield\w*|beschadigd\w*|"
                      r"scheve?|verzakt\w*|ingezakt\w*|doorgebrand\w*|broken|damaged)$")
# After these a capitalised name is a landmark ("bij de Jumbo", "richting Utrecht").
_NAME_PREPOSITIONS = frozenset({"bij", "tegenover", "naast", "achter", "voor", "richting",
                                "nabij", "vlakbij", "dichtbij", "langs", "voorbij", "thv",
                                "t.h.v", "t.h.v.", "van"})
_CHAIN_PREPOSITIONS = frozenset({"van", "bij", "achter", "naast", "tegenover", "voor", "aan",
                                 "op", "in", "langs", "onder", "nabij", "vlakbij", "richting"})
_ADVERBS = frozenset({"vlak", "net", "schuin", "recht", "pal", "direct", "precies", "ongeveer",
                      "ergens"})
_BRANDS = frozenset("""
jumbo ah albert heijn hein heyn appie lidl aldi plus coop spar dirk hema kruidvat action etos
blokker mcdonalds
mcdonald's gamma praxis karwei vomar hoogvliet deka dekamarkt ikea bruna primera zeeman wibra
shell esso texaco tinq tango kfc delhaize colruyt carrefour
""".split())
# Public spots that say where something is, even without a street.
_CONCRETE = frozenset("""
speeltuin speelplaats speelveld speelbos school basisschool schoolplein bushalte halte
tramhalte bushokje station treinstation perron kerk moskee synagoge kapel park vijver plas
vaart kanaal haven jachthaven brug viaduct tunnel fietstunnel onderdoorgang rotonde rondpunt
kruising kruispunt splitsing stoplicht stoplichten verkeerslicht verkeerslichten zebrapad
oversteekplaats glasbak papierbak container containers afvalcontainer textielcontainer
kledingcontainer sporthal sportpark sportveld voetbalveld voetbalkooi trapveld gymzaal zwembad
supermarkt winkel winkels winkelcentrum bakker bakkerij slager apotheek huisarts
huisartsenpraktijk gezondheidscentrum tandarts ziekenhuis bibliotheek bieb gemeentehuis stadhuis
raadhuis politiebureau brandweerkazerne kazerne buurthuis wijkcentrum dorpshuis
gemeenschapshuis kinderopvang creche peuterspeelzaal begraafplaats kerkhof parkeerterrein
parkeergarage parking fietsenstalling tankstation benzinestation pinautomaat geldautomaat fontein
standbeeld monument molen kinderboerderij hondenuitlaatplaats hondenveld grasveld bos
plantsoen restaurant cafe cafetaria snackbar friettent frituur frietkot frietkraam frietzaak
snackbarretje shoarmazaak kebabzaak lunchroom ijssalon pizzeria hotel museum theater bioscoop
toren kerktoren watertoren gemaal sluis stuw pont camping manege boerderij bedrijventerrein
industrieterrein sportschool tennisbaan skatebaan ijsbaan markt dierenweide volkstuin
milieustraat afvalstraat milieupark wasstraat
volkstuinen dorpsplein kerkplein stationsplein afslag afrit uitrit carpoolplaats
verzorgingsplaats appartementencomplex seniorencomplex verzorgingshuis bejaardenhuis
bejaardentehuis verpleeghuis woonzorgcentrum seniorenflat wooncomplex zorginstelling
zorgcentrum sloot singel gracht dijk kapper kapsalon drogist fietsenmaker fietsenwinkel
bloemist bloemenwinkel boekhandel dierenwinkel dierenarts fysiotherapeut postkantoor
pakketpunt wasserette kinderdagverblijf kantoor garagebedrijf autogarage
spoor spoorwegovergang spoorovergang overweg spoorbrug spoorlijn
""".split())
# Things along a street that pin a spot on it ("naast het hek", "bij de lantaarnpaal").
_FEATURES = frozenset("""
hek ingang uitgang poort paal lantaarnpaal lichtmast mast boom bomen bank hectometerpaal hmp
bord verkeersbord straatnaambord muur schutting heg haag trap trappen helling put putdeksel
kolk drempel verkeersdrempel fietsenrek brievenbus reclamezuil abri plein parkeerplaats
parkeervak parkeerhaven garages garageboxen flat flats portiek galerij steiger speeltoestel
schommel glijbaan zandbak greppel bocht
""".split())
# Words that say where only vaguely ("voor de deur", "in mijn straat", "om de hoek").
_VAGUE = frozenset("""
deur voordeur achterdeur huis woning buurt wijk straat weg laan hoek tuin achtertuin voortuin
oprit stoep trottoir fietspad voetpad rijbaan berm goot overkant zijkant kant midden begin
eind einde buren perceel erf balkon raam auto plek plaats dorp stad centrum omgeving
""".split())
# Spots followed by their number: "lantaarnpaal 12", "afrit 18", "hmp 12,3".
_NUMBERED = frozenset({"paal", "lantaarnpaal", "lichtmast", "hectometerpaal", "hmp", "afrit",
                       "afslag", "uitrit", "halte", "perron", "spoor", "container", "vak"})
_NUMBER_NAMES = {name: str(value) for value, name in enumerate("""
een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien
zeventien achttien negentien twintig""".split(), start=1)}
_NOT_LANDMARK_NAMES = frozenset({"gemeente", "politie", "brandweer", "nederland", "god", "niks",
                                 "niets", "niemand", "iets", "alles", "wat", "nix"})
_COMMON_TWO_LETTERS = frozenset("""
en in op om de is te of al na nu zo ja je we ze me ik er ok af an at be by do go he if it my no
on or so to up us
""".split())

CONCRETE, FEATURE, VAGUE = 2, 1, 0
# Words between a street and its house number ("ter hoogte van nr 12", "bij nummer 3").
_TO_THE_NUMBER = frozenset({"ter", "hoogte", "van", "bij", "nr", "nr.", "nummer", "huisnummer",
                            "thv", "t.h.v.", "t.h.v", "tegenover", "naast"})

_NUMBER_NAMES_LIST = sorted(_NUMBER_NAMES)
_COMPOUND_ENDINGS = tuple(
    (tuple(noun for noun in nouns if len(noun) >= 4), level)
    for nouns, level in ((_CONCRETE, CONCRETE), (_FEATURES, FEATURE), (_VAGUE, VAGUE)))
_HOUSE_NUMBER = re.compile(r"([1-9][0-9]{0,3})(?:([a-zA-Z])|-([0-9]{1,3}|[a-zA-Z]{1,2}))?")
_NUM = {"TEXT": {"REGEX": r"^[1-9][0-9]{0,3}(?:[a-zA-Z]|-[0-9a-zA-Z]{1,3})?$"}}
_PLAIN_NUM = {"TEXT": {"REGEX": r"^[1-9][0-9]{0,3}[a-zA-Z]?$"}}
_NUMBER_WORD = {"LOWER": {"IN": _NUMBER_WORDS}}
_MAYBE_NUMBER_WORD = {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "?"}
_MAYBE_DOT = {"ORTH": {"IN": [".", ":"]}, "OP": "?"}
_PATTERNS: Dict[str, List[List[Dict[str, Any]]]] = {
    "POSTCODE": [
        [{"TEXT": {"REGEX": r"^[1-9][0-9]{3}[a-zA-Z]{2}$"}}],
        [{"TEXT": {"REGEX": r"^[1-9][0-9]{3}$"}}, {"TEXT": {"REGEX": r"^[a-zA-Z]{2}$"}}],
    ],
    "ROAD": [[{"TEXT": {"REGEX": r"^[AaNn][1-9][0-9]{0,2}$"}}]],
    "NUMBER": [
        [_NUMBER_WORD, _MAYBE_DOT, _NUM],
        [_NUMBER_WORD, {"LOWER": {"IN": _NUMBER_NAMES_LIST}}],
        [{"LOWER": {"IN": _NEAR_WORDS}}, _MAYBE_DOT, _MAYBE_NUMBER_WORD, _MAYBE_DOT, _NUM],
        [{"LOWER": "ter"}, {"LOWER": "hoogte"}, {"LOWER": "van"}, _MAYBE_NUMBER_WORD,
         _MAYBE_DOT, _NUM],
        [{"LOWER": "overkant"}, {"LOWER": "van"}, _MAYBE_NUMBER_WORD, _MAYBE_DOT, _NUM],
        # a correction: "sorry, ik bedoel 48"
        [{"LOWER": {"IN": ["bedoel", "bedoelde", "bedoelt", "mean", "meant"]}},
         _MAYBE_NUMBER_WORD, _MAYBE_DOT, _NUM],
    ],
    "STRETCH": [
        [_MAYBE_NUMBER_WORD, _PLAIN_NUM, {"LOWER": {"IN": _RANGE_WORDS}},
         _MAYBE_NUMBER_WORD, _PLAIN_NUM],
        [_MAYBE_NUMBER_WORD, _PLAIN_NUM, {"LOWER": "tot"}, {"LOWER": "en"}, {"LOWER": "met"},
         _MAYBE_NUMBER_WORD, _PLAIN_NUM],
        [{"LOWER": {"IN": ["tussen", "between"]}},
         {"LOWER": {"IN": ["de", "nummer", "nr", "nummers", "nrs", "huisnummer", "huisnummers",
                           "the", "number", "numbers", "no", "nos", "houses"]}, "OP": "*"},
         _PLAIN_NUM, {"LOWER": {"IN": ["en", "and", "&"]}}, _MAYBE_NUMBER_WORD, _PLAIN_NUM],
        [{"LOWER": "van"}, _MAYBE_NUMBER_WORD, _PLAIN_NUM, {"LOWER": {"IN": ["tot", "t/m", "tm"]}},
         {"LOWER": "en", "OP": "?"}, {"LOWER": "met", "OP": "?"}, _MAYBE_NUMBER_WORD,
         _PLAIN_NUM],
    ],
    "CORNER": [[{"LOWER": {"IN": _CORNER_WORDS}}]],
}
# Extra token boundaries: "kerkstraat14", "Kerkstr.14", "nr:14", "Stationsweg/Dorpsstraat"
# (but not "t/m"), "14,1234AB", "Kerkstraat(14)".
_INFIXES = (
    r"(?<=[^\W\d_]{2})(?=[0-9])",
    r"(?<=[^\W\d_])[.:](?=[0-9])",
    r"(?<=\w{2})/(?=\w)|(?<=\w)/(?=\w{2})",
    r"(?<=[0-9]),(?=\w)|(?<=[^\W\d_]),(?=[0-9])",
    r"(?<=\w)[()](?=\w)",
)


@dataclass(frozen=True)
class Place:
    """Where the resident says the problem is, as far as the words tell."""

    kind: str
    text: str
    streets: Tuple[str, ...] = ()
    house_number: Optional[str] = None
    house_number_to: Optional[str] = None
    postcode: Optional[str] = None
    landmark: Optional[str] = None
    road: Optional[str] = None
    verified: bool = True
    suggestion: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None

    @property
    def street(self) -> Optional[str]:
        """The first (main) street, if any."""
        return self.streets[0] if self.streets else None

    @property
    def complete(self) -> bool:
        """True when the place is enough to file a report without asking more."""
        if self.kind == "address":
            return bool(self.streets and self.house_number)
        if self.kind == "postcode":
            return bool(self.postcode and self.house_number)
        if self.kind == "corner":
            return len(self.streets) >= 2
        if self.kind == "description":
            return self.landmark is not None
        return self.kind in ("landmark", "road", "stretch")

    @property
    def label(self) -> str:
        """A short label to say back and store: 'Kerkstraat 14', 'hoek Kerkstraat en Molenweg'."""
        builder = _LABEL_BUILDERS.get(self.kind)
        return with_known_forms(_SPOT_OPENING.sub(lambda found: found.group().lower(),
                                                  builder(self) if builder else self.text))

    def as_dict(self) -> Dict[str, Any]:
        """A JSON-able dict (streets as a list)."""
        data = asdict(self)
        data["streets"] = list(self.streets)
        return data

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Place":
        """The place stored with `as_dict`; unknown keys are ignored."""
        names = {field.name for field in fields(cls)}
        values = {key: value for key, value in data.items() if key in names}
        values["streets"] = tuple(values.get("streets") or ())
        return cls(**values)


# "tegenover nummer 22", "schuin tegenover 22", "aan de overkant van Wilhelminastraat 22":
# the place is not the number itself.
_RELATION_TO_NUMBER = re.compile(
    r"\b(schuin tegenover|tegenover|(?:aan de )?overkant van|naast|achter|opposite|next to|"
    r"behind)\s+(?:(?:de|het|the)\s+)?(?:[^\W\d_][\w'-]*\s+){0,3}?"
    r"(?:(?:het |huis)?nummer|nr\.?|no\.?|number|huisnr\.?)?\s*(\d+\w?)\b", re.IGNORECASE)
_RELATIONS_BEFORE = tuple(tuple(words.split()) for words in (
    "schuin tegenover de", "schuin tegenover", "aan de overkant van de", "aan de overkant van",
    "recht tegenover de", "recht tegenover", "tegenover de", "tegenover", "overkant van",
    "opposite"))


def relation_to_number(text: str, number: Optional[str]) -> Optional[str]:
    """The word that puts the place beside its house number ("tegenover"), if any."""
    for found in _RELATION_TO_NUMBER.finditer(text or ""):
        if number and found.group(2).lower() == number.lower():
            relation = found.group(1).lower()
            return "tegenover" if "overkant" in relation else relation
    return None


def _address_label(place: Place) -> str:
    relation = relation_to_number(place.text, place.house_number)
    label = (LABELS["address_relative"].format(street=place.street, relation=relation,
                                               number=place.house_number) if relation
             else LABELS["address"].format(street=place.street, number=place.house_number))
    if place.postcode:
        label += LABELS["postcode_suffix"].format(postcode=place.postcode)
    return _with_spot(label, place)


# "Parkweg, Bij de brug": the spot came from the start of a sentence, its capital does not.
_SPOT_OPENING = re.compile(r"(?<=, )(?:Bij|Naast|Tegenover|Achter|Voor|Op|Aan|In|Langs|Onder|"
                           r"Nabij|Vlakbij)\b")


def _with_spot(label: str, place: Place) -> str:
    """"Hoofdstraat 112, bij de bushalte": the spot the resident named beside the address."""
    return f"{label}, {place.landmark}" if place.landmark else label


def _postcode_label(place: Place) -> str:
    if not place.house_number:
        label = place.postcode or place.text
    else:
        relation = relation_to_number(place.text, place.house_number)  # "tegenover nummer 18"
        label = (LABELS["postcode_relative"].format(postcode=place.postcode, relation=relation,
                                                    number=place.house_number) if relation
                 else LABELS["postcode"].format(postcode=place.postcode,
                                                number=place.house_number))
    return _with_spot(label, place)


def _corner_label(place: Place) -> str:
    return _with_spot(LABELS["corner"].format(first=place.streets[0], second=place.streets[1]),
                      place)


def _landmark_label(place: Place) -> str:
    street = f"{place.street} {place.house_number}" if place.house_number else place.street
    return LABELS["landmark"].format(street=street, landmark=place.landmark)


def _road_label(place: Place) -> str:
    if not place.landmark:
        return place.road or place.text
    return LABELS["road"].format(road=place.road, landmark=place.landmark)


def _stretch_label(place: Place) -> str:
    if len(place.streets) >= 3:
        return LABELS["stretch_between"].format(street=place.streets[0],
                                                first=place.streets[1], second=place.streets[2])
    if len(place.streets) == 2:
        return LABELS["between"].format(first=place.streets[0], second=place.streets[1])
    if place.house_number and place.house_number_to:
        return LABELS["stretch"].format(street=place.street, number=place.house_number,
                                        to=place.house_number_to)
    return LABELS["whole"].format(street=place.street)


def _number_label(place: Place) -> str:
    if place.house_number_to:
        return LABELS["number_range"].format(number=place.house_number,
                                             to=place.house_number_to)
    return place.house_number or place.text


_LABEL_BUILDERS = {
    "address": _address_label,
    "postcode": _postcode_label,
    "corner": _corner_label,
    "landmark": _landmark_label,
    "road": _road_label,
    "stretch": _stretch_label,
    "street": lambda place: place.street or place.text,
    "number": _number_label,
    "description": lambda place: place.landmark or place.text,
}


# --- public functions -----------------------------------------------------------------
# "niet bij de jumbo maar bij de lidl": the place is what follows "maar".
# ("niet 15 maar 51" is left to the number reading: it corrects the number).
_NOT_THIS_BUT = re.compile(r"\bniet\s+(?!alleen\b|enkel\b|zozeer\b|zo\b)"
                           r"(?:(?:bij|aan|op|in|voor|naast|tegenover)\s+)?"
                           r"(?=[^\W\d])(?:[\w'-]+\s+){0,5}?[\w'-]+,?\s+maar\s+(?!ook\b)",
                           re.IGNORECASE)


_THE_NTH_TIME = re.compile(r"\bvoor\s+(?:de|het)\s+(?:\w+ste|\w+de|\d+e|zoveelste|laatste|eerste)"
                           r"\s+(?:keer|maal)\b", re.IGNORECASE)
_SHOUTED_SPOT = re.compile(r"\s*!+\s+(?=(?:bij|naast|tegenover|achter|voor|op|aan)\s+(?:de|het)\s)",
                           re.IGNORECASE)
# "niet in de Julianastraat hoor, het is de school aan de Schoolstraat": the street denied,
# then the one meant.
# (Flemish "'t is eigenlijk nie op de molenweg, 't is juist om de hoek, in de stationsweg",
# round r205 of session 55: the Molenweg kept)
_NOT_THIS_THEN = re.compile(r"\b(?:niet|nie)\s+(?:(?:bij|aan|op|in|voor|naast|tegenover)\s+)?"
                            r"(?:de\s+|het\s+)?[\w'-]+(?:\s+hoor)?\s*[,.;]\s+"
                            r"(?=(?:het|'?t|dat|die|hij|ze)\s+(?:is|zit|ligt|staat|was)\b)",
                            re.IGNORECASE)


# "het bushokje is in de Lindelaan, niet in de Molenweg" (round r256 of session 61: "niet in
# de Molenweg" became the spot): a place ruled out after the one meant
_NOT_THERE_AFTER = re.compile(r",?\s*(?:en\s+|dus\s+|maar\s+)?(?:niet|nie)\s+"
                              r"(?:(?:in|op|aan|bij)\s+(?:de\s+|het\s+)?[\w'-]+|(?:de\s+|het\s+)?[\w'-]+(?:straat|weg|"
                              r"laan|plein|singel|dijk|kade|hof|pad|steeg|gracht))"
                              # "het is de schoolstraat, niet de schoolweg" (round r263 of
                              # session 62: "niet de schoolweg" kept as the spot)
                              r"(?=\s*(?:[.!?;]|$))", re.IGNORECASE)


# "its not in front of the AH, its more across the street by the bus stop" (round r211 of
# session 55: "in front of the AH" kept): the spot an English correction rules out
_NOT_THIS_IN_ENGLISH = re.compile(
    r"\bnot\s+(?:(?:in front of|at|by|near|next to|opposite|behind|outside|on|in)\s+)?"
    r"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s*[,.;!]+\s*(?=(?:it\s*'?s|it is|its|but|across|"
    # "the bin is not on Dorpsstraat, that's where I live" (round r254 of session 61)
    r"opposite|on|at|by|near|next|that\s*'?s|that is)\b)", re.IGNORECASE)


# "er staat nog steeds beukenlaan in. LINDELAAN" (round r65 of session 40: the place moved
# back to the Beukenlaan): the name still written is the wrong one.
_STILL_WRITTEN = re.compile(
    r"\b(?:er\s+)?staat\s+(?:er\s+)?(?:nog\s+)?(?:steeds|altijd)\s+(?:de\s+|het\s+)?"
    r"[\w'-]+(?:\s+(?:in|bij|daar))?\b"
    r"|\b(?:it\s+)?still\s+says\s+(?:the\s+)?[\w'-]+\b", re.IGNORECASE)


# "ik bedoel de Julianastraat, niet de Schoolstraat": the street meant, without the other.
_MEANT_NOT_THAT = re.compile(r"(\b(?:ik\s+)?bedoel(?:de|t)?\s+(?:\w+\s+){0,3}?[\w'-]+)\s*,?\s+"
                             r"niet\s+(?:de\s+|het\s+)?[\w'-]+", re.IGNORECASE)


# Words around a place that are about the conversation, not the place: "I told you, …".
_CHAT_NOISE = re.compile(
    r"^(?:(?:i\s+(?:already\s+)?told\s+you|as\s+i\s+said|zoals\s+(?:ik\s+)?(?:al\s+)?"
    r"(?:zei|zeg|gezegd)|ik\s+zei\s+(?:het\s+)?(?:toch|al)|dat\s+zei\s+ik\s+(?:toch|al)|"
    r"dat\s+heb\s+ik\s+(?:toch\s+)?al\s+gezegd|nogmaals|again|nee|no|ja|yes|oké|oke|ok|"
    r"jazeker|ja\s+zeker|jawel|inderdaad|klopt|"  # "Jazeker, de Nieuwstraat, …" (round r175)
    r"o+h?|sorry|excuus|oeps|ik\s+bedoel(?:de)?|bedoel\s+ik|maybe(?:\s+it(?:'|’)?s)?|"
    r"i\s+think(?:\s+it(?:'|’)?s)?|misschien|volgens\s+mij)\b"
    r"[\s,.:;!?-]*)+", re.IGNORECASE)


# "rozenlaan speeltuin, zei ik toch al": the same, after the place.
_TRAILING_NOISE = re.compile(
    r"(?:^|[\s,.;:!-]+)(?:zei\s+ik\s+(?:toch\s+)?(?:al|net)|zoals\s+(?:ik\s+)?(?:al\s+)?(?:zei|gezegd)|"
    r"dat\s+zei\s+ik\s+(?:toch\s+)?al|heb\s+ik\s+(?:toch\s+)?al\s+gezegd|"
    r"i\s+(?:already\s+)?(?:said|told\s+you)|as\s+i\s+said|bedoel\s+ik|ik\s+bedoel(?:de)?|"
    r"i\s+mean|denk\s+ik|geloof\s+ik|volgens\s+mij|of\s*zo|i\s+think|i\s+guess|i\s+believe|"
    r"not\s+sure|niet\s+zeker|weet\s+ik\s+niet\s+zeker)"
    r"[\s.!?]*$", re.IGNORECASE)


# "stationsstraat zei ik toch, het pad naar het station": the same, in between.
_INNER_NOISE = re.compile(r"[\s,]*\b(?:zei\s+ik\s+toch(?:\s+al)?|zoals\s+ik\s+al\s+zei|"
                          r"dat\s+zei\s+ik\s+(?:toch\s+)?al|i\s+told\s+you)\b[\s,.!]*",
                          re.IGNORECASE)


def without_chat_noise(text: str) -> str:
    """The place words without "I told you," or "zoals ik al zei" before, after or in them."""
    return _cleaned(text) or text.strip()


# "oh wacht sorry het is …", "I mean …": what follows is the place meant
_MEANT_LEAD = re.compile(r"\b(?:wacht|sorry|oeps|bedoel|bedoelde|correctie|i mean)\b[\s,.:!]*"
                         r"(?:(?:het is|'t is|tis|it'?s|it is|ik bedoel)\s+)?", re.IGNORECASE)


def what_is_meant(text: str) -> str:
    """The words of the place meant after a self-correction ("oh wacht sorry het is niet die
    bij de brug zelf maar de paal erna" gives "de paal erna"); else the words themselves."""
    clean = _NOT_THIS_BUT.sub("", text or "")
    found = list(_MEANT_LEAD.finditer(clean))
    if found and found[-1].end() < len(clean):
        clean = clean[found[-1].end():]
    return without_chat_noise(clean).strip(" ,.;:")


# Words that say where beside the prepositions and spots ("halverwege", "near", "corner").
_WHERE_WORDS = frozenset("""halverwege midden ingang uitgang near behind opposite next outside
across between along at on in corner street road path square park station school""".split())


def names_a_spot(text: str) -> bool:
    """Some word of the text says where: a preposition of place or a spot ("achter de
    school", "bij het hek"); not "die was vol" (own try, session 44: stored as the place)."""
    for word in re.findall(r"[^\W\d_]+", (text or "").lower()):
        if (word in _PREPOSITIONS and word not in {"van", "via"} or word in _WHERE_WORDS
                or _noun_level(word) is not None):
            return True
    return False


def is_chat_noise(text: str) -> bool:
    """Only "denk ik", "oh maybe it's", "zei ik toch": no place words at all."""
    return bool(text.strip()) and not _cleaned(text)


def _cleaned(text: str) -> str:
    cleaned = _TRAILING_NOISE.sub("", _CHAT_NOISE.sub("", text.strip())).strip()
    # "41 zei ik toch. de putten …": the sentence still ends where the noise ended it
    return _INNER_NOISE.sub(lambda noise: ". " if re.search(r"[.!]", noise.group()) else ", ",
                            cleaned).strip(" ,?")


# "Wij wonen op nummer 9, de paal staat bij nummer 12": the home's number is not the place's.
_HOME_NUMBER = re.compile(
    r"(\b(?i:(?:(?:(?:wij|we|ik|zij|ze)\s+)?(?:wonen|woon|woont)(?:\s+zelf)?(?:\s+(?:op|aan|in))?|"
    r"(?:wonend|woonachtig)(?:\s+(?:op|aan|in))?)\s+(?:(?:de|het)\s+)?)(?:[\w'-]+(?:"
    rf"{STREET_ENDINGS_WIDE})\s+)?)(?i:(?:(?:huis)?(?:nummer|nr\.?)\s*)?)"
    r"([1-9][0-9]{0,3}[a-zA-Z]?)\b")
_OTHER_NUMBER = re.compile(r"\b(?:(?:huis)?nummer|nr\.?|nummers)\s*[1-9]|"
                           rf"\w(?:{STREET_ENDINGS_WIDE})\s+[1-9]",
                           re.IGNORECASE)


# "De lamp voor mijn huis": then the home is where the problem is.
_AT_HOME = re.compile(r"\b(?:voor|bij|naast|tegenover|achter|aan) (?:mijn|ons|onze|m n|mn) "
                      r"(?:huis|deur|woning|voordeur|tuin|oprit|raam)\b|\bvoor de deur\b",
                      re.IGNORECASE)


# "in een diepe put gereden/gevallen": the problem the resident ran into.
_INTO_IT = frozenset("gereden gefietst gevallen gestapt gestruikeld getrapt gelopen gereden "
                     "beland terechtgekomen gezakt geraakt".split())
# Phrases that open like a place but say something else ("in plaats van mail").
_IDIOMS = (("in", "plaats"), ("op", "de", "hoogte"), ("in", "orde"), ("in", "de", "war"),
           ("in", "de", "gaten"), ("op", "tijd"), ("in", "principe"), ("in", "elk", "geval"),
           ("in", "ieder", "geval"), ("in", "het", "algemeen"), ("op", "zich"))
# "in onze straat": the resident's own street.
_OWN_STREET = re.compile(r"\b(?:in|op) (?:mijn|ons|onze|m n|mn) (?:straat|stoep|buurt|hofje)\b",
                         re.IGNORECASE)


# "de hele straat ligt vol bladeren", "de straat is niet geveegd": the street as a whole.
_WHOLE_STREET = re.compile(
    r"\b(?:de |in de |door de |langs de |over de )?(?:hele|gehele|heel de|complete) "
    r"(?:straat|laan|(?<!over de hele )(?<!over de gehele )weg|"
    r"[a-z]+(?:straat|laan|weg))\b|\boveral in (?:de|onze|mijn) (?:straat|buurt)\b"
    r"|\b(?:the )?whole (?:street|road|neighbou?rhood|area)\b"
    # "de straatverlichting in de hele wijk rond de Beukenlaan is uit" (own try, session 46)
    r"|\b(?:hele|gehele|heel de|complete) (?:wijk|buurt|dorp|woonwijk)\b"
    r"|\b(?:niet|nooit|slecht) (?:\w+ )?(?:geveegd|gestrooid|sneeuwvrij gemaakt)\b",
    re.IGNORECASE)


def names_the_whole_street(text: str) -> bool:
    """The problem is the street as a whole: no house number is needed."""
    return bool(_WHOLE_STREET.search(text or ""))


def names_only_the_home(place: Optional["Place"]) -> bool:
    """"voor mn huis", "in onze straat": the resident's home or street, without its name."""
    return (place is not None and place.kind == "description" and not place.streets
            and bool(_AT_HOME.fullmatch(place.text) or _OWN_STREET.fullmatch(place.text)))


def at_home(spot: "Place", text: str, told: Optional["Place"]) -> bool:
    """A spot without a street that is the resident's home or street ("voor mijn deur",
    "in onze straat") in a message that says they live at the place told."""
    if spot.streets or told is None or not told.streets:
        return False
    if not (_AT_HOME.search(spot.text) or _OWN_STREET.search(spot.text)):
        return False
    return bool(re.search(rf"\b(?:woon|wonen|woont)\b[^.!?]{{0,40}}?{re.escape(told.streets[0])}",
                          text, re.IGNORECASE))


def _without_home_number(text: str) -> str:
    """The text without the number of the resident's own home, when it names another place
    ("de paal staat bij nummer 12"), or when only a number tells the home and the problem is
    not at it ("het café op het Marktplein … ik woon op nr 14")."""
    home = _HOME_NUMBER.search(text)
    if home is None:
        return text
    rest = text[:home.start()] + home.group(1) + text[home.end():]
    names_its_street = re.search(rf"\w(?:{STREET_ENDINGS_WIDE})\b", home.group(1),
                                 re.IGNORECASE) or _ITS_STREET_AFTER.match(text[home.end():])
    if _OTHER_NUMBER.search(rest) or not (names_its_street or _AT_HOME.search(text)):
        return rest  # "ik woon op nr 14" beside the café on the square: context, no place
    if not _AT_HOME.search(text) and _SPOT_BEFORE.search(text[:home.start()]):
        # "… in het park langs de Parkweg, bij het bankje bij de vijver. Ik ben Bram, woon
        # zelf op de Parkweg 9": the spot told first, the home only to introduce oneself
        # (round 88: the home became the tree's place)
        return rest
    return text


# "wij wonen op nummer 23 in de Beukenlaan": the street told after the home's number.
_ITS_STREET_AFTER = re.compile(rf"\s*,?\s*(?:in|aan|op)\s+(?:de\s+|het\s+)?[\w'-]+"
                               rf"(?:{STREET_ENDINGS_WIDE})\b", re.IGNORECASE)
_SPOT_BEFORE = re.compile(r"\b(?:bij|naast|langs|tegenover|achter|in)\s+(?:de|het)\s+\w+",
                          re.IGNORECASE)


# "…aan de Vondelstraat. Ohnee sorry, het is de speeltuin aan de Van Goghstraat": the
# resident corrects the place within the message; what follows the correction counts.
_CORRECTED_HERE = re.compile(
    # "… tegenover de frituur. ah nee wacht, het is …" (round r152 of session 51)
    r"[.,!;]\s*(?:o+h?\s+|a+h\s+|e+h\s+|of\s+)?(?:(?:o+h?\s*)?nee+|oh\s+nee|oeps|sorry|"
    r"correctie|wacht)\b"
    r"[\s,!.]*"
    r"(?:(?:o+h?\s*)?nee+\b[\s,!.]*|sorry\b[\s,!.]*|wacht\b[\s,!.]*)*"
    r"(?:(?:het\s+is|is\s+het|'?t\s+is|tis|ik\s+bedoel(?:de)?|bedoel(?:de)?)\b"
    r"|(?=(?:tegenover|naast|nummer|nr)\b))", re.IGNORECASE)


# "NIET DE KERKSTRAAT!!! hoek marktplein en stationsstraat": what follows is the place.
_NOT_THIS_ONE = re.compile(r"^\W*(?:nee+\W+)?niet\s+(?:de\s+|het\s+|op\s+de\s+|in\s+de\s+)?"
                           r"\w+(?:\s+\w+)?\s*[!.,;]+\s*(?=\w)", re.IGNORECASE)


def _corrected_in_the_message(text: str) -> Optional[str]:
    """The words after the resident's own correction of the place, if any."""
    found = None
    for found in _CORRECTED_HERE.finditer(text):
        pass
    if found is None:
        found = _NOT_THIS_ONE.match(text)
    return text[found.end():] if found else None


MAX_PLACE_SENTENCE_WORDS = 10


def _place_before_the_question(text: str, register: Optional[StreetRegister]
                               ) -> Optional[Place]:
    """"bij 18 tot 24. hoe lang duurt het?", "bij nummer 7, krijg ik bericht?": the place in
    the words before the question (the question alone makes the whole no place)."""
    parts = re.split(r"(?<=[.!?,;])\s+", text)
    asks = next((index for index, part in enumerate(parts) if _not_a_place_form(part)), 0)
    before = " ".join(parts[:asks]).rstrip(" ,;.!")
    if not before or before.endswith("?") or len(before.split()) > MAX_PLACE_SENTENCE_WORDS:
        return None
    return read_place(before, register)


def _place_corrected_in(text: str, register: Optional[StreetRegister]) -> Optional[Place]:
    """The place the resident corrected to; a bare number keeps the street said before."""
    corrected = _corrected_in_the_message(text)
    place = read_place(corrected, register) if corrected else None
    if place is None or place.streets:
        return place
    before = read_place(text[:len(text) - len(corrected)], register)
    if before is not None and before.kind == place.kind == "number":
        return place  # "tegenover nummer 12. oh wacht nee, tis tegenover 14" (round r53)
    if before is None or before.kind not in ("address", "street") or not before.streets:
        return None
    if place.kind == "number":
        return replace(before, kind="address", house_number=place.house_number,
                       text=f"{before.streets[0]} {place.house_number}")
    # "Kerkstraat 4 … Wacht, het is paal 12": the spot on the street said before, instead
    # of the house number
    return replace(before, kind="landmark", landmark=place.text, house_number=None,
                   house_number_to=None, text=f"{before.streets[0]}, {place.text}")


def read_place(text: str, register: Optional[StreetRegister] = None) -> Optional[Place]:
    """The place this text names; None when it names none (or is clearly not a place)."""
    corrected = _place_corrected_in(text or "", register)
    if corrected is not None:
        return _with_pole_number(text, corrected)
    clean = _MEANT_NOT_THAT.sub(r"\1", _NOT_THIS_THEN.sub("", _NOT_THIS_BUT.sub("", text or "")))
    clean = _NOT_THIS_IN_ENGLISH.sub("", _NOT_THERE_AFTER.sub("", clean))
    clean = _STILL_WRITTEN.sub(" ", clean)
    clean = _without_doubt(clean)
    clean = _without_home_number(clean)
    clean = _WHO_DID_IT.sub(" ", clean)  # "ik weet wie het is, die van nummer 12": no place
    clean = _WHERE_FROM.sub(" ", clean)  # "(ben van bij Gent)": where the resident comes from
    clean = without_chat_noise(" ".join(clean.split()))  # "9, zei ik al"
    clean = _SHOUTED_SPOT.sub(" ", clean)  # "OP HET BUSHOKJE!!! BIJ DE JUMBO": one place
    clean = _THE_NTH_TIME.sub(" ", clean)  # "VOOR DE VIERDE KEER!!!": when, not where
    if not _has_words(clean):
        return None
    register = register or StreetRegister.from_profile()
    clean = _without_home_elsewhere(_without_the_sign_off(clean), register)
    introduced = _without_introduction(clean)
    reading = _read(introduced, register) if introduced != clean else None
    spot = _english_spot_place(introduced) if reading and reading.place is None else None
    if spot is not None:
        return spot  # "… at the train station. I just moved to …"
    if (reading is not None and reading.place is not None and reading.place.kind != "number"
            and not AT_ONES_HOME.search(reading.place.text)):
        clean = introduced  # "… en woon al sinds 1971 aan de Molenweg. … bij de watertoren"
        # (a bare "voor nummer 12" or "voor mijn deur" after it is at the home)
    else:
        reading = _read(clean, register)
    instead = _street_instead(text or "", register, reading.place)
    if instead is not None:
        return instead
    if reading.place is None:
        return _english_spot_place(clean) or _a_name_and_number(clean)
    if not reading.strong and _not_a_place_form(clean):
        return _place_before_the_question(clean, register)
    if (reading.place.kind == "number" and _A_REPORTS_NUMBER.search(clean)
            and not _NUMBER_FIRST.match(clean)):
        return None  # "ik heb dat toch al gemeld? nummer 1638": the report's number
    if reading.place.kind == "description" and _KIND_OF_HOME.search(reading.place.text):
        return None  # "ik woon in een koophuis": what kind of home, no place (round 83)
    place = _square_by_its_short_name(reading.place, register or StreetRegister.from_profile())
    place = _with_english_spot(clean, _with_spot_on_street(clean, place))
    place = _with_second_number(clean, _within_a_sentence(_with_next_spot(clean, place)))
    return _what_it_is_about(clean, _with_pole_number(clean, _with_comma_spot(clean, place)))


# "het gaat over het speelpleintje achter de kerk" (round r276: "Waar: over het
# speelpleintje …"): what the message is about, where "over" is no spot above something
_IT_IS_ABOUT = re.compile(r"\b(?:gaat|ging|gaan|gingen|gaat het|is het|it s|it is)\s+over\s+$",
                          re.IGNORECASE)


def _what_it_is_about(text: str, place: Optional[Place]) -> Optional[Place]:
    if place is None or not place.landmark or not place.landmark.lower().startswith("over "):
        return place
    at = text.lower().find(place.landmark.lower())
    if at < 0 or not _IT_IS_ABOUT.search(text[:at + len("over ")]):
        return place
    spot = place.landmark[len("over "):]
    return replace(place, landmark=spot, text=place.text.replace(place.landmark, spot, 1))


# "hoefslag 3" as the whole answer (round r277: "Ik weet nog niet waar het is", three times):
# a street without a street type's ending, unknown to the register, asked about as such
_NAME_AND_NUMBER = re.compile(r"\s*([^\W\d_][\w'-]{3,})\s+([1-9]\d{0,3}[a-zA-Z]?)\s*[.!]?\s*")


def _a_name_and_number(text: str) -> Optional[Place]:
    found = _NAME_AND_NUMBER.fullmatch(text)
    word = found.group(1).lower() if found else ""
    if not found or category_of(word) or _noun_level(word) or is_established_word(word):
        return None  # "kliko 3", "lamp 12", "huis 4": a thing, not a street
    name, number = title_case(found.group(1)), found.group(2)
    return Place(kind="address", text=f"{name} {number}", streets=(name,), house_number=number,
                 verified=False)


# "niet beukenlaan maar beukenhof, de school heet de regenboog" (round r272 of session 64:
# the report stayed at the Beukenlaan): a street name written small, known or not
_ON_THE = r"(?:(?:in|op|aan)\s+)?(?:de\s+|het\s+)?"  # "op de", "in het", or nothing
_A_STREET_WORD = rf"[^\W\d_]{{3,}}(?:{STREET_ENDINGS_WIDE})"  # "beukenhof", known or not
_STREET_INSTEAD = re.compile(rf"\bniet\s+{_ON_THE}\w+\s*,?\s+maar\s+{_ON_THE}({_A_STREET_WORD})\b",
                             re.IGNORECASE)
# "de boom ligt bij de rotonde beatrixlaan bij de lidl, NIET eikenlaan" (round r274 of session
# 64: the report stayed at the Eikenlaan): the street told before the one ruled out
_STREET_BEFORE_NOT = re.compile(rf"\b({_A_STREET_WORD})\b[^.!?]*?[,.]?\s+niet\s+{_ON_THE}"
                                rf"{_A_STREET_WORD}\b", re.IGNORECASE)


def _street_instead(text: str, register: StreetRegister, read: Optional[Place]
                    ) -> Optional[Place]:
    """The street the resident names instead of another, whatever its capitals, with the
    spot the reader found beside it ("…, bij het pleintje"); None when the reader found a
    street itself."""
    found = (_STREET_INSTEAD.search(text) or _STREET_BEFORE_NOT.search(text)
             if read is None or not read.streets else None)
    street = _read(found.group(1).capitalize(), register).place if found else None
    if street is None or read is None or read.kind != "description":
        return street
    return replace(street, kind="landmark", landmark=read.text, text=f"{street.text}, {read.text}")


# A letter's introduction of the writer and their home: "Mijn naam is …, ik ben 84 jaar en
# woon al sinds 1971 aan de Molenweg." (round r240: the report went to the Molenweg)
_INTRODUCTION = re.compile(
    r"[^.!?]*\bwo(?:on|ont|nen)\b[^.!?]*\b(?:sinds (?:\d{4}|jaar en dag)|al (?:\d+|vele|ruim \d+) "
    r"jaar|\d+ jaar oud|mijn naam)\b[^.!?]*[.!?]?"
    r"|[^.!?]*\b(?:mijn naam is|ik ben \d+ jaar)\b[^.!?]*\bwo(?:on|nen)\b[^.!?]*[.!?]?"
    # "I just moved to Dorpsstraat", "Dorpsstraat, daar woon ik" (round r254 of session 61)
    r"|[^.!?]*\b(?:verhuisd naar|(?:just |recently )?moved to|daar woon ik|daar wonen we|"
    r"that\s*'?s where (?:i|we) live)\b[^.!?]*[.!?]?",
    re.IGNORECASE)


# The one who did it and where they live: "ik weet ook wie het is, die van nummer 12 van de
# Lindelaan" (round r262 of session 62: the dumping was filed at the neighbour's door)
_WHO_DID_IT = re.compile(
    r"\b(?:ik weet (?:ook |wel |precies |heus )?wie (?:het|dat|die|ze) (?:is|zijn|doet|doen|was|"
    r"waren|deed|dumpt|gedaan heeft|heeft gedaan)|de (?:dader|daders|schuldige|vervuiler)s? "
    r"(?:is|zijn|woont|wonen|komt|komen)|(?:het|ze|die|dat) (?:is|zijn|komt|komen) (?:van|bij) "
    r"(?:de )?(?:buren|bewoners|bewoner|mensen) (?:van|op)|i know who (?:did it|it is|does it))"
    r"\b[^.!?]*[.!?]?", re.IGNORECASE)


# Where the resident comes from: "ik ben van bij Gent", "wij komen uit de buurt van Antwerpen"
# (round r269 of session 63: the corner was filed "bij Gent")
_WHERE_FROM = re.compile(
    r"\b(?:ik ben|'k ben|ben|wij zijn|we zijn|zijn|ik kom|kom|kwam|komen|afkomstig|verhuisd|"
    r"i am|i'm|i come|we come|moved) (?:\w+ ){0,2}?(?:van|uit|from) (?:bij |in de buurt van |"
    r"near |the )?[A-Z][\w'-]+\b")


# "voor mijn deur", "in de straat": at the resident's own home
AT_ONES_HOME = re.compile(r"\b(?:mijn|m'?n|onze?|my|our)\b|\bin (?:de|het) (?:straat|buurt)\b",
                          re.IGNORECASE)


def _without_introduction(text: str) -> str:
    return " ".join(_INTRODUCTION.sub(" ", text).split())


# "… Met vriendelijke groet, mevr. A. Bakker-Hendriks, Lindelaan 22" (round r278: the
# letter's place became the Lindelaan): the writer's name and address under the letter
_SIGN_OFF = re.compile(r"[,.!]?\s*\b(?:met\s+)?(?:vriendelijke|hartelijke|beste)\s+"
                       r"groet(?:en|jes)?\b.*$|[,.!]?\s*\b(?:kind|best|warm)\s+regards\b.*$",
                       re.IGNORECASE | re.DOTALL)


def _without_the_sign_off(text: str) -> str:
    found = _SIGN_OFF.search(text)
    return text[:found.start()] if found and found.start() > 0 else text


# "ik woon zelf in de Kerkstraat maar bij het speeltuintje aan de Molenweg ligt …" (round
# r275: the report went to the Kerkstraat): the home, told beside the street of the problem
_HOME_CLAUSE = re.compile(
    r"\b(?:ik|wij|we|i)\s+(?:woon|wonen|live)\b(?:\s+(?:zelf|wel|al|trouwens|hier|myself))*"
    r"\s+(?:in|op|aan|on|at)\s+[^,.;!?]*?(?=\s*(?:[,.;!?]|\bmaar\b|\ben\b|\bbut\b|\band\b|$))"
    # "op de beukenhof woon ik", "Beukenhof is just where I live" (round r277: taken)
    r"|\b(?:(?:in|op|aan)\s+)?(?:de\s+|het\s+)?[\w'-]+(?:\s+\d{1,4}\w?)?\s+(?:woon\s+ik|wonen\s+"
    r"(?:we|wij)|is\s+(?:just\s+|only\s+|gewoon\s+|alleen\s+|maar\s+)?(?:where\s+(?:i|we)\s+live|"
    r"waar\s+(?:ik|wij|we)\s+(?:woon|wonen)))\b",
    re.IGNORECASE)


# "Beukenhof is just where I live, the light is NOT there", "op de beukenhof woon ik, de lamp
# staat daar niet" (round r277: "Ik noteer: Beukenhof 22, …")
_WHERE_I_LIVE = (r"[^.!?]{0,25}\b(?:where (?:i|we) live|(?:waar|daar) (?:ik|wij|we) (?:woon|wonen)|"
                 r"woon ik|wonen we|wonen wij)\b")


def named_as_the_home(text: str, street: str) -> bool:
    """The street is named in the text as where the resident lives, not the problem."""
    name = re.escape(strip_accents(street).lower())
    return bool(re.search(rf"\b{name}\b{_WHERE_I_LIVE}", strip_accents(text).lower()))


# "en daar is de lamp kapot", "bij ons voor de deur": the problem is at the home told
_AT_THE_HOME = re.compile(r"\b(?:(?:daar|hier) (?:is|zijn|ligt|liggen|staat|staan|zit|zitten|"
                          r"hangt|hangen|brandt|doet)|hier(?=\s*(?:[.,!?;]|$))|"
                          r"hier (?:in de|om de) (?:straat|buurt|hoek)|bij ons|bij mij|"
                          r"voor de deur|in (?:de|onze|mijn) straat|"
                          # (not "bijna mijn wiel in geklapt", round r275)
                          r"(?:mijn|m n|mn|ons|onze|my|our) (?:\w+ )?(?:huis|deur|woning|voordeur|"
                          r"tuin|oprit|raam|straat|stoep|buurt|hofje|flat|portiek|galerij|home|"
                          r"house|door|street))\b",
                          re.IGNORECASE)


def _without_home_elsewhere(text: str, register: StreetRegister) -> str:
    """The text without the resident's home when the rest names another street as the place
    of the problem; the text itself otherwise (the home may be where the problem is)."""
    home = _HOME_CLAUSE.search(text)
    if home is None:
        return text
    rest = " ".join((text[:home.start()] + " " + text[home.end():]).split())
    elsewhere = _read(rest, register).place or _english_spot_place(rest)
    at_home = _read(home.group(), register).place
    if elsewhere is None or at_home is None or not at_home.streets:
        return text  # "ik woon op nummer 6, voor mijn deur": the home is the place
    if elsewhere.streets:  # (the same street: "at the Jumbo on Stationsweg … I live at
        return rest  # Stationsweg 41", round r278: the home's number was the place)
    # "ik woon aan de Rozenstraat maar … op het fietspad langs het kanaal": a spot of its own
    spot = elsewhere.kind in ("description", "landmark") and not _AT_THE_HOME.search(rest)
    return rest if spot else text


# "bij de Markt", "op het Stadhuis": a square named without its "plein".
_SHORT_SQUARE = re.compile(r"^(?:bij|op|aan|naast|voor|achter|tegenover|at|on)\s+(?:de|het|'t|the)"
                           r"\s+([a-zà-ü]{3,})$", re.IGNORECASE)
SQUARE = "plein"
_BUILDINGS = frozenset("station kerk school stadhuis gemeentehuis bibliotheek ziekenhuis "
                       "sporthal zwembad moskee".split())


def _square_by_its_short_name(place: Place, register: StreetRegister) -> Place:
    """"bij de Markt" where the register has a Marktplein: that square (a round of session
    45 asked which street it was)."""
    found = _SHORT_SQUARE.match(place.landmark or "") if place.kind == "description" else None
    if found and found.group(1).lower() in _BUILDINGS:
        return place  # "achter het station" is no Stationsplein, "de kerk" no Kerkplein
    name = found and (register.exact(found.group(1) + SQUARE)
                      or register.exact(found.group(1) + "s" + SQUARE))
    if not name:
        return place
    latitude, longitude = register.point(name) or (None, None)
    return replace(place, kind="street", streets=(name,), landmark=None,
                   latitude=latitude, longitude=longitude)


_POLE_NUMBER = re.compile(r"\b(lantaarnpaal|lantarenpaal|lichtmast|lichtpaal|mast|paal|"
                          r"lamppost|straatlamp)\s*(?:nummer|nr\.?|no\.?|num)?\s*"
                          r"(\d{1,5}[a-zA-Z]?)\b", re.IGNORECASE)


def _with_pole_number(text: str, place: Optional[Place]) -> Optional[Place]:
    """"lantaarnpaal nummer 23 in de molenweg": the pole's number tells the crew which one;
    no house number needed."""
    found = _POLE_NUMBER.search(text)
    if place is None or found is None or place.kind not in ("street", "landmark"):
        return place
    if place.landmark and not place.landmark.lower().endswith(found.group(1).lower()):
        return place  # "bij de school", with the pole named elsewhere: the school
    return replace(place, kind="landmark",
                   landmark=f"{found.group(1).lower()} {found.group(2).upper()}")


# "stationsstraat 5 en bij nr 9 ook", "Kerkstraat 4 en 8, de tegels …": a second house
# number on the same street; not "Kerkstraat 4 en 2 lampen" (a count).
_SECOND_NUMBER = re.compile(
    r"^\s*,?\s*(?:en|&|and)\s+(?:ook\s+)?(?:bij|voor|op|aan|at)?\s*(?:(?:de|het)\s+)?"
    r"(?:(?!(?:huis)?nummer\b|nr\b|no\b)(?P<street>[^\W\d_][\w-]*)\s+)?"
    r"(?:(?:huis)?nummer|nr\.?|no\.?)?\s*"
    r"(?P<number>\d{1,4}[a-zA-Z]?)\b(?P<after>\s*(?:[.,!?;:]|$|\s+(?:ook|is|zijn|ligt|liggen|"
    r"staat|staan|zit|zitten|trouwens|er|daar|want|maar|en|too|as well)\b))", re.IGNORECASE)


def _with_second_number(text: str, place: Optional[Place]) -> Optional[Place]:
    if place is None or place.kind != "address" or place.landmark or not place.house_number:
        return place
    at = text.lower().find(place.text.lower())
    found = _SECOND_NUMBER.match(text[at + len(place.text):]) if at >= 0 else None
    if found is None or found.group("number").upper() == place.house_number.upper():
        return place
    street = found.group("street")
    if street and not (place.street or "").lower().startswith(street.lower()):
        return place  # "Kerkstraat 4 en Molenweg 10": another street, not this one's number
    return replace(place, landmark=LABELS["second_number"].format(
        number=found.group("number").upper()))


# "31. en ik wil niet alleen een melding …": the house number answered first, on its own
# "bij nummer 7, tegenover de kerk. en ik heb het al twee keer eerder gemeld" (round r52):
# the place comes first, the report is told after it
_NUMBER_FIRST = re.compile(r"^\W*\d{1,4}[a-zA-Z]?\s*[.!,]\s|^\W*(?:(?:bij|voor|tegenover|naast|"
                           r"op|aan)\s+)?(?:huis)?(?:nummer|nr\.?)\s*\d{1,3}[a-zA-Z]?\b",
                           re.IGNORECASE)


_KIND_OF_HOME = re.compile(r"\b(?:koophuis|huurhuis|koopwoning|huurwoning|appartement|"
                           r"bovenwoning|benedenwoning|seniorenwoning|flatje|eengezinswoning)\b",
                           re.IGNORECASE)
_A_REPORTS_NUMBER = re.compile(r"\b(?:gemeld|melding\w*|meldnummer|zaaknummer|case number|"
                               r"reported)\b", re.IGNORECASE)


# "nee niet tegenover 34, VOOR nummer 34", "het is NIET de hele kerkweg. kerkweg achter de
# kerk": the part ruled out, then the place meant (round r44: the first was kept)
_RULED_OUT_THEN = re.compile(r"\bniet\s+([^,.;!?]+?)(?:\s*[,;.!]+\s*(?:maar\s+)?|\s+maar\s+)(.+)$",
                             re.IGNORECASE)


def place_meant(text: str, read: Optional[Place]) -> Optional[Place]:
    """The place read from a correction, unless that is the one it rules out ("niet
    tegenover 34, voor 34"): then the place told after it."""
    found = _RULED_OUT_THEN.search(text or "")
    if not found or read is not None and read.text.lower() not in found.group(1).lower():
        return read  # "'t is niet 41 maar 47, …": the reader already took 47
    return read_place(found.group(2)) or read


# "Vorig jaar heeft het bij de Kerkstraat ruim een maand geduurd" (round r60: the place
# became the Kerkstraat): a place in a story of the past is no new place
_THE_PAST = re.compile(r"\b(?:vorig jaar|vorige (?:keer|week|maand|winter|zomer)|destijds|"
                       r"in het verleden|jaren geleden|last (?:year|time|week|month)|"
                       r"years ago)\b", re.IGNORECASE)
_A_CORRECTION = re.compile(r"\b(?:niet|nee|bedoel|moet|is het|het is|tis|not|mean)\b",
                           re.IGNORECASE)


# "wanneer komen ze het gft ophalen? ik woon zelf op de kerkweg" (round r62: the report moved
# to the Kerkweg): where the resident lives, told beside a question
_OWN_HOME = re.compile(r"\b(?:ik woon|wij wonen|we wonen|woon (?:zelf|ik)|mijn (?:eigen )?adres|"
                       r"bij mij (?:thuis|in de straat)|i live|"
                       # "I just moved to Dorpsstraat" (round r254 of session 61)
                       r"(?:ben|zijn|is) (?:\w+ ){0,2}?verhuisd|(?:i|we) (?:just |recently )?"
                       r"moved)\b", re.IGNORECASE)


# An address written on something found (an envelope in dumped rubbish): whose it may be, not
# where the problem is.
_WRITTEN_ON_IT = re.compile(r"\b(?:op|in) (?:de|het|een|die|dat) (?:\w+ )?(?:envelop\w*|brief|"
                            r"brieven|doos|dozen|pakket\w*|label|sticker|adressticker|"
                            r"rekening|papier\w*|post|folder\w*|envelope|letter|parcel|box)"
                            r"\b(?: \w+){0,3} (?:staat|stond|stonden|staan|zag ik|lees ik|says|"
                            r"said)\b|\b(?:geadresseerd|addressed) aan\b", re.IGNORECASE)


# The resident's own errand at a place, asked: "of ik die in het gemeentehuis kan halen",
# "kan ik hem bij de balie ophalen?" names where to go, not where the problem is.
_OWN_ERRAND = re.compile(
    r"\b(?:of|kan|mag|moet|kun|waar)\s+(?:ik|we|wij|je)\b.*\b(?:halen|ophalen|afhalen|kopen|"
    r"krijgen|aanvragen|langskomen|langs\s+komen|inleveren|betalen|terecht|afspraak|tekenen)\b",
    re.IGNORECASE)


def told_in_passing(text: str, place: Place) -> bool:
    """Whether the sentence that names `place` tells of the past or of the resident's own
    home, without correcting the report's place."""
    for sentence in re.split(r"(?<=[.!?])\s+", text or ""):
        if place.text and place.text.lower() in sentence.lower():
            # the correction words count in the place's own clause: "en wanneer is het papier
            # weer bij ons, wij wonen in de rozenlaan" corrects nothing (round r73 of session 41)
            clause = next((part for part in re.split(r"[,;]\s*", sentence)
                           if place.text.lower() in part.lower()), sentence)
            if _WRITTEN_ON_IT.search(sentence):
                return True  # "op de envelop staat Nieuwstraat 8" (round r209 of session 55)
            if _OWN_ERRAND.search(clause) and not _A_CORRECTION.search(clause):
                return True  # "of ik die in het gemeentehuis kan halen" (round r237)
            return (bool(_THE_PAST.search(sentence) or _OWN_HOME.search(sentence))
                    and not _A_CORRECTION.search(clause))
    return False


def place_key(text: str, register: Optional[StreetRegister] = None) -> Optional[str]:
    """What tells one place in a message from another: its streets, or a public spot
    ("bij het station"); None for a spot any street has ("boven het fietspad", "midden op
    het zebrapad")."""
    place = read_place(text, register)
    if place is None or place.kind == "number":
        return None
    if place.streets:
        return " ".join(place.streets).lower()
    words = (place.landmark or place.text).lower().split()
    if not words or words[-1] in _ON_ANY_STREET:
        return None
    return place.text.lower() if _noun_level(words[-1]) == CONCRETE else None


# Public spots every street or corner may have: not a place of their own beside a street.
_ON_ANY_STREET = frozenset("""zebrapad oversteekplaats kruising kruispunt splitsing rotonde
rondpunt stoplicht stoplichten verkeerslicht verkeerslichten""".split())


_ENGLISH_SPOT_WORDS = (r"(?:right |just )?(?:next to|near|opposite|in front of|behind|outside|"
                       r"across from|close to|by|along)")
_ENGLISH_NOT_SPOT = frozenset("and is are was there it with on in at of but which that where "
                              "when near way my our your his her their".split())
_ENGLISH_SPOT_BEFORE = (rf"\b({_ENGLISH_SPOT_WORDS} (?:(?:the|a|an) )?([a-z]+)(?: ([a-z]+))?)"
                        r"\s*,?\s+(?:on|in|at|along|of)\s+(?:the\s+)?")
_ENGLISH_SPOT_AFTER = re.compile(  # "on Stationsweg, the one right opposite the station"
    rf"\s*,?\s*(?:the one (?:that is |which is |that s )?)?"
    rf"({_ENGLISH_SPOT_WORDS} (?:(?:the|a|an) )?([a-z]+)(?: ([a-z]+))?)\b", re.IGNORECASE)


def _with_english_spot(text: str, place: Place) -> Place:
    """"on Parkweg next to the bus stop": the English spot right after a street is the
    landmark on it, as "Parkweg naast de bushalte" is."""
    if place.kind != "street" or len(place.streets) != 1:
        return place
    at = text.lower().find(place.text.lower())
    found = _ENGLISH_SPOT_AFTER.match(text, at + len(place.text)) if at >= 0 else None
    if not found or found.group(2).lower() in _ENGLISH_NOT_SPOT:
        # "next to the Jumbo on the Hoofdstraat": the spot told before its street
        found = re.search(_ENGLISH_SPOT_BEFORE + re.escape(place.text) + r"\b", text,
                          re.IGNORECASE) if at >= 0 else None
        if not found or found.group(2).lower() in _ENGLISH_NOT_SPOT:
            return place
    spot = found.group(1)
    if found.group(3) and found.group(3).lower() in _ENGLISH_NOT_SPOT:
        spot = spot[:found.start(3) - found.start(1)].rstrip()
    return replace(place, kind="landmark", landmark=spot, text=f"{place.text}, {spot}")


# Public spots in English ("behind the sports hall, next to the parking lot", round 98).
_ENGLISH_CONCRETE = ("sports hall", "sports centre", "sports center", "playground", "school",
                     "station", "train station", "railway station", "church", "mosque", "park",
                     "bus stop", "parking lot", "car park", "parking garage", "supermarket",
                     "library", "town hall", "city hall", "pond", "canal", "bridge",
                     "roundabout", "swimming pool", "football field", "soccer field",
                     "community centre", "community center", "market square", "cemetery",
                     "petrol station", "gas station", "pharmacy", "bakery", "shop", "shops",
                     "shopping centre", "shopping center", "bike shed", "bicycle parking",
                     "bike parking", "bike racks", "bike rack", "bicycle racks", "bus station",
                     "windmill", "mill", "bike path", "cycle path", "footpath", "lake",
                     "hairdresser", "hairdressers", "barber", "butcher", "cafe", "restaurant",
                     "snack bar", "hotel", "bank", "post office", "kiosk", "entrance",
                     "crossing", "zebra crossing", "traffic lights", "bus shelter",
                     "other side of the road", "other side of the street")
# "in front of the kapper": a Dutch spot word in an English sentence is a spot too.
_DUTCH_SPOT_IN_ENGLISH = r"(?:" + "|".join(sorted(_CONCRETE, key=len, reverse=True)) + r")"
_ENGLISH_SPOT_NOUNS = frozenset(word for spot in _ENGLISH_CONCRETE for word in spot.split())
_BRAND = rf"(?:{'|'.join(sorted(map(re.escape, _BRANDS), key=len, reverse=True))})"
# "at the playground behind the Jumbo" (own try, session 44: "Where is it?"); a shop's name
# after a spot word, or "at"/"in" a public spot
_ENGLISH_SPOT_PLACE = re.compile(
    rf"\b(?:{_ENGLISH_SPOT_WORDS}|at|in|on)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?:{'|'.join(sorted(map(re.escape, _ENGLISH_CONCRETE), key=len, reverse=True))}"
    rf"|{_DUTCH_SPOT_IN_ENGLISH})\b"
    rf"|\b{_ENGLISH_SPOT_WORDS}\s+(?:the\s+)?{_BRAND}(?:\s+{_BRAND})?\b",  # "Albert Heijn"
    re.IGNORECASE)


def _english_spot_place(text: str) -> Optional[Place]:
    """A public spot told in English without a street: the place as a description."""
    spots = list({found.group().lower(): found.group()
                  for found in _ENGLISH_SPOT_PLACE.finditer(text)}.values())
    if not spots:
        return None
    told = ", ".join(spots[:3])
    return Place(kind="description", text=told, landmark=told)


_NEXT_SPOT = re.compile(r"\s*,?\s*((?:bij|naast|tegenover|voor|achter)\s+(?:de|het)\s+(\w+))\b",
                        re.IGNORECASE)


def _next_spot(text: str, place: Place) -> Optional[str]:
    """"bij de vijver" right after the place read ("in het park aan de Parkweg bij de
    vijver"), when it names a spot the place does not have yet."""
    at = text.lower().find(place.text.lower())
    found = _NEXT_SPOT.match(text, at + len(place.text)) if at >= 0 else None
    if not found or _noun_level(found.group(2).lower()) not in (CONCRETE, FEATURE):
        return None
    return None if found.group(1).lower() in (place.landmark or "").lower() else found.group(1)


# ", bij de brug naast molen De Hoop" after a spot: the spot told further (round r100: only
# "langs de vaart" was kept of "fietspad langs de vaart, bij de brug naast molen De Hoop")
_COMMA_SPOT = re.compile(
    r"\s*,\s*((?:bij|naast|achter|tegenover|voor|langs|aan|vlakbij|near|next to|by|at|behind|"
    r"opposite|along|in front of)\s+(?:(?:de|het|een|the|a|an)\s+)?(\w+)[^,.!?;]{0,40}?)"
    r"(?=\s*(?:[,.!?;]|$))", re.IGNORECASE)


def _with_comma_spot(text: str, place: Optional[Place]) -> Optional[Place]:
    """A spot without a street, and the spot told after a comma beside it."""
    if place is None or place.kind != "description" or place.streets:
        return place
    at = text.lower().find(place.text.lower())
    found = _COMMA_SPOT.match(text, at + len(place.text)) if at >= 0 else None
    if found is None or not (_noun_level(found.group(2).lower()) in (CONCRETE, FEATURE)
                             or found.group(2).lower() in _ENGLISH_SPOT_NOUNS):
        return place
    spot = found.group(1)
    return replace(place, text=f"{place.text}, {spot}",
                   landmark=f"{place.landmark or place.text}, {spot}")


def _with_next_spot(text: str, place: Place) -> Place:
    """A second spot told right after the first is kept beside it."""
    spot = _next_spot(text, place) if place.kind == "landmark" and place.streets else None
    if not spot:
        return place
    return replace(place, landmark=f"{place.landmark}, {spot}", text=f"{place.text} {spot}")


def _within_a_sentence(place: Place) -> Place:
    """A street in one sentence and its spot in the next ("Op de Kerkstraat ligt een
    putdeksel naast de put. Voor de kerk."): the words between are not the place."""
    if not (place.landmark and place.streets and re.search(r"[.!?]\s", place.text)):
        return place
    return replace(place, text=place.label)


def _with_spot_on_street(text: str, place: Place) -> Place:
    """"de fontein op het marktplein": a public spot named right before its street is the
    landmark on that street (a lamp or a tree is not: a street has many, so the number
    is still asked)."""
    if place.kind != "street" or len(place.streets) != 1:
        return place
    found = re.search(r"\b(de|het)\s+(?:(\w+)\s+)?(\w+)\s+(?:op|aan|in|bij)\s+(?:de\s+|het\s+)?"
                      + re.escape(place.text) + r"\b", text, re.IGNORECASE)
    if not found or _noun_level(found.group(3).lower()) != CONCRETE:
        return place
    adjective = found.group(2)
    if adjective and not _is_adjective(adjective.lower()):
        return place
    spot = f"{found.group(1)} {found.group(3)}".lower()  # "de kapotte bushalte": the bushalte
    return replace(place, kind="landmark", landmark=f"bij {spot}",
                   text=f"{place.text}, bij {spot}")


_NUMBER_CUE = re.compile(
    r"\b(?:huis)?(?:nummer|nr)\b(?:\s+\w+){0,3}?\s+(?:klopt\s+niet|is\s+fout|is\s+verkeerd)\b|"
    r"\b(?:verkeerde?|fout(?:e)?)\s+(?:huis)?(?:nummer|nr)\b|\bi\.?p\.?v\.?\b|"
    r"\bin\s+plaats\s+van\b|\bmoet\b(?:\s+\w+)?\s+zijn\b|\bvergis\w*|\bvergist\b|"
    # "Nee, het is 25 denk ik" right after the place was said back
    r"^\W*(?:nee+n?|no)\b[\s,.!]*(?:het\s+is|'t\s+is|is\s+het|it'?s|it\s+is)\s+(?:nummer\s+|"
    r"nr\.?\s*|number\s+)?\d",
    re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"(?<![\w/-])[1-9][0-9]{0,3}[a-zA-Z]?(?![\w/-])(?!\s*(?:cm|mm|m|meter|"
                           r"jaar|weken|dagen|uur|keer|x|tegels|lampen|euro|procent|%))")


def rules_out_number(text: str, number: str) -> bool:
    """"…, not 23", "niet nummer 23": the house number said is ruled out."""
    return bool(re.search(rf"\b(?:niet|not)\s+(?:(?:huis)?nummer\s+|number\s+|nr\.?\s*|no\.?\s*)?"
                          rf"{re.escape(number)}(?![\w/-])", text or "", re.IGNORECASE))


def corrected_number(text: str, current: Optional[str]) -> Optional[str]:
    """'Het huisnummer klopt niet, het is 16' (current 14): '16'. Needs words that call the
    number wrong, and exactly one number other than the current one (not "30 cm")."""
    not_current = current and rules_out_number(text, current) and re.search(
        r"\b(?:(?:huis)?nummer|nr|het is|het was|vergis\w*|number|it is|it['’]?s)\b"
        # "nee wacht 33 niet 3": the number meant, then the one said (round 87)
        rf"|\b\d{{1,4}}[a-z]?\s*,?\s+(?:niet|not)\s+{re.escape(current)}(?![\w/-])",
        text or "", re.IGNORECASE)
    # "het is nummer 18, niet 8"; not "er liggen niet 2 maar 4 stoeptegels los"
    if not (_NUMBER_CUE.search(text or "") or not_current):
        return None
    numbers = {match.group().upper(): match.group() for match in _NUMBER_TOKEN.finditer(text)}
    numbers.pop((current or "").upper(), None)
    return next(iter(numbers.values())) if len(numbers) == 1 else None


# "ik denk nummer 9 of 11, ik weet het niet precies": unsure of the place, not refusing it
_UNSURE = re.compile(r"[,;]?\s*\b(?:maar\s+)?(?:ik\s+)?(?:weet|ken)\s+(?:ik\s+)?(?:het\s+|dat\s+)?"
                     r"niet\s+(?:meer\s+)?(?:precies|zeker|exact|helemaal)\b[^.!?,;]*",
                     re.IGNORECASE)


# "bij wat staat nog parkweg, dat klopt niet": a name said to be wrong is no place (round 86)
_SAID_TO_BE_WRONG = re.compile(
    r"\b[^\W\d_][\w'-]*\s*,?\s*(?:dat|en\s+dat|wat|dit|die)\s+klopt\s+(?:niet|nie|ni|niks)\b",
    re.IGNORECASE)


# "stationsplein i think, in front of the bike parking" (session 58: the spot was lost once
# the street was known): a hedge between the street and its spot
_HEDGE = re.compile(r"\s+\b(?:i think|i guess|i believe|denk ik|geloof ik|volgens mij|dacht ik)\b"
                    r"(?=\s*[,.;])", re.IGNORECASE)


def _without_doubt(text: str) -> str:
    return _HEDGE.sub("", _UNSURE.sub(" ", _SAID_TO_BE_WRONG.sub(" ", text)))


def is_clearly_not_a_place(text: str, register: Optional[StreetRegister] = None) -> bool:
    """True for a question, a refusal, a greeting, a yes/no or another language that names
    no place: such an answer must never be stored as the place."""
    clean = " ".join((text or "").split())
    if not _has_words(clean):
        return True
    register = register or StreetRegister.from_profile()
    if _read(clean, register).strong:
        return False
    sure = " ".join(_without_doubt(clean).split())
    if sure != clean and _has_words(sure) and not _not_a_place_form(sure) \
            and _read(sure, register).place is not None:
        return False  # "nummer 9 of 11, ik weet het niet precies"
    return _not_a_place_form(clean)


def warm_up() -> None:
    """Load the tokenizer, the patterns and the register now rather than on the first message."""
    _pipeline()
    read_place("Kerkstraat 14")


# --- the pipeline, built once ---------------------------------------------------------
_PIPELINE_LOCK = threading.Lock()
_PIPELINE: List[Any] = []


def _pipeline() -> Tuple[Any, Any]:
    """spaCy's blank Dutch tokenizer with extra infixes, and the Matcher."""
    if not _PIPELINE:
        with _PIPELINE_LOCK:
            if not _PIPELINE:
                _PIPELINE.extend(_build_pipeline())
    return _PIPELINE[0], _PIPELINE[1]


def _build_pipeline() -> Tuple[Any, Any]:
    import spacy
    from spacy.matcher import Matcher
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("nl")
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + list(_INFIXES)).finditer
    matcher = Matcher(nlp.vocab)
    for label, patterns in _PATTERNS.items():
        matcher.add(label, patterns)
    logger.debug("place reader loaded (%s patterns)", len(_PATTERNS))
    return nlp, matcher


@lru_cache(maxsize=128)
def _read(text: str, register: StreetRegister) -> "_Reading":
    return _Reading(text, register)


# --- one reading ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Street:
    start: int
    end: int
    name: str
    verified: bool
    suggestion: Optional[str] = None


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: str
    to: Optional[str] = None


@dataclass(frozen=True)
class _Phrase:
    """A landmark phrase, or a postcode / road with its value."""

    start: int
    end: int
    value: str = ""
    level: int = CONCRETE
    bare: bool = False  # no preposition before it: "speeltuin achter de school"


class _Reading:
    """Everything place-like in one message, and the place it adds up to."""

    def __init__(self, text: str, register: StreetRegister) -> None:
        nlp, matcher = _pipeline()
        self.text = text
        self.register = register
        doc = nlp(text)
        self.texts: List[str] = [token.text for token in doc]
        self.lowers: List[str] = [token.lower_ for token in doc]
        self.offsets: List[int] = [token.idx for token in doc]
        self.punct: List[bool] = [token.is_punct for token in doc]
        self.words: List[bool] = [_is_word(token) for token in self.texts]
        self.size = len(self.texts)
        self.keys = [word_key(token) for token in self.texts]
        self.last_keys = [word_key(token, last=True) for token in self.texts]
        self.shouting = _is_shouting(text)
        self.matches: Dict[str, List[Tuple[int, int]]] = {}
        for match_id, start, end in matcher(doc):
            self.matches.setdefault(nlp.vocab.strings[match_id], []).append((start, end))
        self.postcodes = self._postcodes()
        self.roads = [_Phrase(s, e, self.texts[s].upper()) for s, e in self._spans("ROAD")]
        self.reserved = {index for phrase in self.postcodes + self.roads
                         for index in range(phrase.start, phrase.end)}
        self.streets = self._streets()
        self.landmarks = self._landmarks()
        self.place = self._place()
        self.strong = bool(self.streets or self.postcodes or self.roads or any(
            phrase.level >= FEATURE for phrase in self.landmarks))

    # -- tokens ----------------------------------------------------------------------
    def _spans(self, label: str) -> List[Tuple[int, int]]:
        return sorted(set(self.matches.get(label, [])))

    def _lower(self, index: int) -> str:
        return self.lowers[index] if 0 <= index < self.size else ""

    def _is_word(self, index: int) -> bool:
        return 0 <= index < self.size and self.words[index]

    def _capitalised(self, index: int) -> bool:
        return not self.shouting and self.texts[index][:1].isupper()

    def _place_follows(self, index: int) -> bool:
        """A spot on it follows ("Vlinderhof bij de speeltuin"), or nothing does: a
        capitalised first word is then a name, not the start of a sentence."""
        return index >= self.size or self.texts[index] in {",", "."} or (
            self._lower(index) in _SPOT_PREPOSITIONS)

    def _sentence_start(self, index: int) -> bool:
        return index == 0 or self.texts[index - 1] in {".", "!", "?", ":", ";", "…"}

    def _span_text(self, start: int, end: int) -> str:
        """The resident's words for a span; a shouted message's or span's in small letters
        (the streets in it are stored with the register's spelling)."""
        stop = self.offsets[end - 1] + len(self.texts[end - 1])
        span = self.text[self.offsets[start]:stop].strip(" ,;:")
        return span.lower() if self.shouting or _is_shouting(span) else span

    # -- postcodes -------------------------------------------------------------------
    def _postcodes(self) -> List[_Phrase]:
        found = []
        for start, end in self._spans("POSTCODE"):
            raw = "".join(self.texts[start:end])
            letters = raw[4:]
            if letters.upper() in {"SA", "SD", "SS"}:
                continue
            if end - start == 2 and not self._postcode_letters(start, letters):
                continue
            found.append(_Phrase(start, end, f"{raw[:4]} {letters.upper()}"))
        return found

    def _postcode_letters(self, start: int, letters: str) -> bool:
        """'1234 ab' is a postcode; '2026 en' is a year and a word."""
        if self._lower(start - 1) == "postcode":
            return True
        if letters.isupper() and not self.shouting:
            return True
        return letters.lower() not in _COMMON_TWO_LETTERS

    # -- streets ---------------------------------------------------------------------
    def _streets(self) -> List[_Street]:
        taken = set(self.reserved)
        chosen: List[_Street] = []
        for street in self._register_streets() + self._unverified_streets():
            span = set(range(street.start, street.end))
            if not span & taken:
                chosen.append(street)
                taken |= span
        chosen.sort(key=lambda street: street.start)
        return self._meant(chosen)

    def _meant(self, streets: List[_Street]) -> List[_Street]:
        """Of several streets, not the one ruled out ("niet Molenweg! Het is de Stationsweg")
        and, after "nee wacht", the ones said after it (round 76)."""
        kept = [street for street in streets if not self._ruled_out(street.start)]
        streets = kept or streets
        marks = [index for index in range(self.size) if self.lowers[index] in _STREET_CORRECTION]
        if marks and len(streets) > 1:
            streets = [street for street in streets if street.start > marks[-1]] or streets
        return streets

    def _ruled_out(self, start: int) -> bool:
        """"niet (de) Molenweg", "not Kerkstraat": a street named as the wrong one."""
        index = start - 1
        while index >= 0 and self._lower(index) in {"de", "het", "op", "in", "aan", "the"}:
            index -= 1
        return self._lower(index) in {"niet", "nicht", "not", "geen"}

    def _register_streets(self) -> List[_Street]:
        """Register streets, best first: exact spellings, then close ones, longer first."""
        found: List[Tuple[bool, float, int, _Street]] = []
        for start, end in self._windows():
            key = "".join(self.keys[start:end - 1]) + self.last_keys[end - 1]
            name = self.register.name_for_key(key)
            if name:
                found.append((True, 100.0, end - start, _Street(start, end, name, True)))
            elif self._may_be_misspelt_street(start, end, key):
                match = self.register.closest(key)
                if match and match.sure:
                    found.append((False, match.score, end - start,
                                  _Street(start, end, match.name, True)))
                elif match and (self._number_after(end) or self._number_after(end + 1)
                                or self._number_told_after(end)
                                or match.slip and self._named_after_a_preposition(start)):
                    # 'Beukelan 8': a name with a number, close to a register street
                    own = title_case(self._span_text(start, end))
                    found.append((False, match.score, end - start,
                                  _Street(start, end, own, False, match.name)))
        found.sort(key=lambda item: (not item[0], -item[1], -item[2]))
        return [item[3] for item in found]

    def _named_after_a_preposition(self, start: int) -> bool:
        """"Op de Molenwg ligt een tak": a capitalised name where a street goes (round 76)."""
        before = self._lower(start - 1)
        before = self._lower(start - 2) if before in {"de", "het"} else before
        return (self._capitalised(start) and not self._sentence_start(start)
                and before in {"op", "in", "aan", "langs", "bij"})

    def _number_told_after(self, end: int) -> bool:
        """'Molenwg, ter hoogte van nummer 23': a house number a few set words further on."""
        for index in range(end, min(end + 6, self.size)):
            if self._house_number_at(index) is not None:
                return True
            if not (self.punct[index] or self._lower(index) in _TO_THE_NUMBER):
                return False
        return False

    def _windows(self) -> List[Tuple[int, int]]:
        """Runs of one to four words that could be a street name."""
        windows = []
        for start in range(self.size):
            for end in range(start + 1, min(start + 5, self.size + 1)):
                if not self._is_word(end - 1):
                    break
                windows.append((start, end))
        return windows

    def _may_be_misspelt_street(self, start: int, end: int, key: str) -> bool:
        first, last = self._lower(start), self._lower(end - 1)
        # "straat" alone is vague ("in mijn straat"), not after a name ("van gog straat")
        type_after_a_name = end - start > 1 and last in STREET_TYPES
        if (last in _STOP or last in _VAGUE) and not type_after_a_name or last in _NEVER_STREETS:
            return False
        if first in _STOP and self.keys[start] not in self.register.first_words:
            return False
        if len(key) < 5 or key == self.register.place_key:
            return False
        named = self.shouting or (self._capitalised(start) and (
            not self._sentence_start(start) or self._number_after(end) is not None))
        # "molewg 12": one hasty word right before a house number (asked "Bedoelt u …?")
        numbered = end - start == 1 and self._house_number_at(end) is not None
        return named or numbered or looks_like_street_type(key)

    def _unverified_streets(self) -> List[_Street]:
        """Names that look like a street but are not in the register ('Eikenlaan 7')."""
        found = []
        for index in range(self.size):
            if not self._is_word(index):
                continue
            first = self._joined_type_start(index)
            if first is None:
                continue
            start = self._lead_start(first)
            name = self._street_name(start, index + 1, first)
            match = self.register.find(name)
            if match and match.sure:
                found.append(_Street(start, index + 1, match.name, True))
            else:
                suggestion = match.name if match else None
                found.append(_Street(start, index + 1, name, False, suggestion))
        return found

    def _joined_type_start(self, index: int) -> Optional[int]:
        """Where a street ending at `index` starts ('Eikenlaan', or 'Eiken laan'); None
        when the word is no street."""
        key = self.keys[index]
        kind = street_type(key)
        if kind is not None:
            return index if self._street_like(index, key, kind) else None
        if key in STREET_TYPES and index > 0 and self._is_word(index - 1) \
                and self._capitalised(index - 1) and self._lower(index - 1) not in _STOP:
            joined = self.keys[index - 1] + key
            return index - 1 if self._street_like(index, joined, key) else None
        return None

    def _street_like(self, index: int, key: str, kind: str) -> bool:
        lower = strip_accents(self.lowers[index])
        if len(key) - len(kind) < 3 or lower in _NEVER_STREETS or key in _NEVER_STREETS:
            return False
        if key == self.register.place_key:
            return False
        named = self._capitalised(index) and not self._sentence_start(index)
        numbered = self._house_number_at(index + 1) is not None or self._number_soon_after(index)
        if key in _COMMON_PLACES and not (named or numbered):
            return False
        if not numbered and self._names_a_building(index):
            return False  # "achter bejaardentehuis de Zonnehof": the home's name, no street
        if kind in _WEAK_TYPES:  # "Vlinderhof bij de speeltuin" as the whole answer too
            return named or numbered or (self._capitalised(index)
                                         and self._place_follows(index + 1)) or (
                self._a_courts_name(index, lower, kind))
        return True

    def _a_courts_name(self, index: int, lower: str, kind: str) -> bool:
        """'bij de school op de wilgenhof': a word no dictionary knows, ending in 'hof', told
        as where ("op de", "aan de", "in de"), written small (round r275: "Weet u in welke
        straat dat is?")."""
        return (kind == "hof" and index > 1 and self._lower(index - 1) == "de"
                and self._lower(index - 2) in {"op", "aan", "in"}
                and (zipf(lower) or 0.0) < UNKNOWN_WORD_ZIPF)

    def _names_a_building(self, index: int) -> bool:
        """The word is the name of the public spot right before it ("zwembad de Wetering",
        "basisschool De Regenboog", "sporthal Zuiderpark")."""
        before = index - 1 if self._lower(index - 1) in {"de", "het", "'t"} else index
        return before > 0 and _noun_level(self._lower(before - 1)) == CONCRETE \
            and self._lower(before - 1) not in _BRANDS

    def _number_soon_after(self, index: int) -> bool:
        """'schoolpad ter hoogte van nr 12', 'vogelpad bij nummer 3': a house number after
        words that only lead to it."""
        position = index + 1
        while position < self.size and position - index <= 5 and (
                self.punct[position] or self._lower(position) in _TO_THE_NUMBER):
            position += 1
        return position > index + 1 and self._house_number_at(position) is not None

    def _lead_start(self, index: int) -> int:
        """Include the words before a street type that belong to the name: 'Burgemeester de
        Withlaan', not 'Er ligt een tegel los in de Withlaan'."""
        start = index
        position = index - 1
        while position >= 0 and index - position <= 4 and self._is_word(position):
            lower = self._lower(position)
            if lower in _TITLES or lower in _CONNECTORS or self._name_word(position, start):
                start = position
                position -= 1
            else:
                break
        while start < index and self._lower(start) in _CONNECTORS \
                and not self._keeps_connector(start):
            start += 1
        return start

    def _name_word(self, position: int, next_start: int) -> bool:
        lower = self._lower(position)
        if not self._capitalised(position) or lower in _STOP or lower in _BRANDS:
            return False
        if _noun_level(lower) is not None:
            return False
        # A capitalised first word of a sentence is part of the name only before a connector.
        return not self._sentence_start(position) or self._lower(next_start) in _CONNECTORS

    def _keeps_connector(self, index: int) -> bool:
        if not self._capitalised(index):
            return False
        return index == 0 or not self._is_word(index - 1) or self._lower(index - 1) not in _STOP

    def _street_name(self, start: int, end: int, joined_at: int) -> str:
        words = list(self.texts[start:end])
        if joined_at == end - 2 and street_key(words[-1]) in STREET_TYPES:
            words[-2:] = [words[-2] + words[-1].lower()]
        return title_case(" ".join(word.rstrip(".") if word.lower() not in _TITLES else word
                                   for word in words))

    # -- numbers ---------------------------------------------------------------------
    def _house_number_at(self, index: int, after_street: bool = False) -> Optional[_Number]:
        """The house number starting at this token: '14', '14A', '14-2', '14 a', '14 bus 2'."""
        if index >= self.size or index in self.reserved:
            return None
        if self._lower(index) in _NUMBER_NAMES and self._lower(index - 1) in _NUMBER_WORDS \
                and not self._not_a_house_number(index):
            return _Number(index, index + 1, _NUMBER_NAMES[self._lower(index)])
        match = _HOUSE_NUMBER.fullmatch(self.texts[index])
        if not match or self._not_a_house_number(index, after_street):
            return None
        base, letter, dash = match.groups()
        end = index + 1
        if letter:
            if letter.lower() in ("u", "x"):  # "8u" is a time, "2x gebeld" a count
                return None
            value = base + letter.upper()
        elif dash:
            if dash.isdigit() and _is_range(base, dash):
                return _Number(index, end, base, dash)
            value = f"{base}-{dash.upper()}"
        else:
            value, end, upper = self._spaced_addition(base, end)
            if upper:
                return _Number(index, end, base, upper)
        if end + 1 < self.size and self._lower(end) == "bus" \
                and re.fullmatch(r"[0-9]{1,4}[a-zA-Z]?", self.texts[end + 1]):
            value += f" bus {self.texts[end + 1].upper()}"
            end += 2
        return _Number(index, end, value)

    def _spaced_addition(self, base: str, end: int) -> Tuple[str, int, Optional[str]]:
        """'14 A', '14 - 2', '14/2' (an addition) or '10 - 20' (a range: the upper end)."""
        if end + 1 < self.size and self.texts[end] in {"-", "–", "/"} \
                and re.fullmatch(r"[0-9]{1,3}|[a-zA-Z]", self.texts[end + 1]) \
                and not self._not_a_house_number(end + 1):
            other = self.texts[end + 1]
            if other.isdigit() and _is_range(base, other):
                return base, end + 2, other
            return f"{base}-{other.upper()}", end + 2, None
        if end < self.size and re.fullmatch(r"[a-zA-Z]", self.texts[end]) \
                and self.lowers[end] not in {"u", "n", "e", "s", "t", "x", "m"} \
                and not (self.lowers[end] == "i" and self._lower(end + 1).isalpha()):
            # (not "around number 30 i guess", round r219 of session 56: "30I")
            return base + self.texts[end].upper(), end + 1, None
        return base, end, None

    def _not_a_house_number(self, index: int, after_street: bool = False) -> bool:
        """Times, dates, amounts and durations: 'om 8 uur', '15 maart', 'al 2 weken'."""
        following = self._lower(index + 1).rstrip(".")
        if following in (_MEASURES if after_street else _UNITS) or following in _MONTHS:
            return True
        before = self._lower(index - 1).rstrip(".:")
        if before in _POLES or before in _NUMBER_WORDS and self._lower(index - 2) in _POLES:
            return True  # "lantaarnpaal nummer 23": the pole's own number, on the pole
        return before in {"om", "sinds", "omstreeks", "€", "eur", "euro"}

    def _number_after(self, end: int) -> Optional[_Number]:
        """A house number right after a street: 'Kerkstraat 14', 'Kerkstraat, nr. 14'."""
        position = end
        while position < self.size and position - end < 3 and (
                self.texts[position] in {",", ":", "."} or self._lower(position) in
                _NUMBER_WORDS):
            position += 1
        number = self._house_number_at(position, after_street=position == end)
        return number if number is None else _Number(end, number.end, number.value, number.to)

    def _keyword_numbers(self) -> List[_Number]:
        """'nummer 14', 'nr. 14a', 'bij 14', 'ter hoogte van 22', 't.h.v. nummer 8'."""
        by_end: Dict[int, int] = {}
        for start, end in self._spans("NUMBER"):
            by_end[end] = min(start, by_end.get(end, start))
        numbers = []
        for end, start in sorted(by_end.items()):
            number = self._house_number_at(end - 1)
            if number is not None and number.value not in _EMERGENCY_NUMBERS:
                numbers.append(_Number(start, number.end, number.value, number.to))
        return numbers

    def _stretches(self) -> List[_Number]:
        """'10 t/m 20', 'tussen nummer 4 en 12', 'van 2 tot en met 8'."""
        found = []
        for start, end in self._spans("STRETCH"):
            values = [self.texts[index].upper() for index in range(start, end)
                      if _HOUSE_NUMBER.fullmatch(self.texts[index])]
            if len(values) < 2 or self._not_a_house_number(end - 1) or self._of_a_time(start):
                continue
            if _is_range(values[0], values[-1], same_side=False):
                found.append(_Number(start, end, values[0], values[-1]))
        found.extend(self._between_after_a_street())
        found.sort(key=lambda number: (number.start, -number.end))
        return found

    def _of_a_time(self, start: int) -> bool:
        """"liefst 's ochtends tussen 10 en 12" (round r234 of session 58: Lindelaan 10 t/m
        12): hours of the day, said right after a time of day or a call."""
        before = {self._lower(index) for index in range(max(0, start - 4), start)}
        return bool(before & _TIME_OF_DAY_WORDS)

    def _between_after_a_street(self) -> List[_Number]:
        """'tussen kerkweg 12 en 16': the street told between "tussen" and its numbers."""
        found = []
        for street in self.streets:
            before = street.start - (2 if self._lower(street.start - 1) == "de" else 1)
            first, joint, last = street.end, street.end + 1, street.end + 2
            if (self._lower(before) in ("tussen", "between") and self._lower(joint) in ("en", "and")
                    and last < self.size
                    and all(_HOUSE_NUMBER.fullmatch(self.texts[i]) for i in (first, last))
                    and not self._not_a_house_number(last)
                    and _is_range(self.texts[first].upper(), self.texts[last].upper(),
                                  same_side=False)):
                found.append(_Number(first, last + 1, self.texts[first].upper(),
                                     self.texts[last].upper()))
        return found

    # -- landmarks -------------------------------------------------------------------
    def _landmarks(self) -> List[_Phrase]:
        street_tokens = {index for street in self.streets
                         for index in range(street.start, street.end)}
        found = []
        index = 0
        while index < self.size:
            phrase = self._landmark_at(index, street_tokens)
            if phrase is None:
                index += 1
                continue
            found.append(phrase)
            index = phrase.end
        return found

    def _landmark_at(self, index: int, streets: set) -> Optional[_Phrase]:
        if any(tuple(self._lower(index + i) for i in range(len(idiom))) == idiom
               for idiom in _IDIOMS):
            return None
        after_preposition = self._preposition_end(index)
        if after_preposition is None:
            return self._bare_landmark(index, streets) if self._opens_place(index) else None
        head = self._head(after_preposition, streets, self._lower(index) in _NAME_PREPOSITIONS)
        if head is None:
            return None
        end, level = self._chain(*head, streets)
        if self._lower(index) == "tussen" and self._lower(end) == "en":
            other = self._head(end + 1, streets, True)  # "tussen de kerk en de bakker"
            if other is not None:
                end, level = self._chain(other[0], max(level, other[1]), streets)
        if self._lower(after_preposition) == "een" and self._lower(end) in _INTO_IT:
            return None  # "in een diepe put gereden": what happened, not where
        start = index - 1 if self._lower(index - 1) in _ADVERBS else index
        return _Phrase(start, end, self._span_text(start, end), level)

    def _opens_place(self, index: int) -> bool:
        """Where a place without preposition may start: the message's start, after a
        lead-in ("nee sorry, het is de bibliotheek …"), after "niet … maar" or after
        "niet …, het is"."""
        before = [self.lowers[i] for i in range(index) if not self.punct[i]]
        if all(word in _LEAD_IN for word in before):
            return True
        if len(before) >= 2 and before[-1] == "maar" and "niet" in before[:-1]:
            return True
        # "het is niet de jumbo, het is de lidl"
        return len(before) >= 3 and before[-2:] in (["het", "is"], ["'t", "is"], ["t", "is"]) \
            and "niet" in before[:-2]

    def _bare_landmark(self, index: int, streets: set) -> Optional[_Phrase]:
        """A message that is only a spot: 'speeltuin achter de school', 'de speeltuin aan de
        Lindelaan'; not 'Lantaarnpaal kapot' (the thing, not where it is)."""
        head = self._head(index, streets, False)
        if head is None or head[1] == VAGUE:
            return None
        end, level = self._chain(*head, streets)
        if not self._only_place_words(end, streets):
            return None  # "de container is niet geleegd": the thing, not where it is
        if any(_DAMAGED.match(self.lowers[i]) for i in range(index, end)):
            return None  # "een kapotte lantaarnpaal op het Marktplein": the thing again
        return _Phrase(index, end, self._span_text(index, end), level, bare=True)

    def _only_place_words(self, start: int, streets: set) -> bool:
        """True when nothing but streets, numbers and little words follow."""
        for index in range(start, self.size):
            lower = self.lowers[index]
            if not (self.punct[index] or index in streets or lower.isdigit() or lower in
                    _DETERMINERS or lower in _PREPOSITIONS or lower in _NUMBER_WORDS or
                    lower in {"en", "ter", "hoogte", "hoek", "sorry", "hoor", "toch", "dus",
                              "excuus", "excuses"}):
                return False
        return True

    def _preposition_end(self, index: int) -> Optional[int]:
        words = [self._lower(position) for position in range(index, index + 4)]
        for phrase in _MULTI_PREPOSITIONS:
            if tuple(words[:len(phrase)]) == phrase:
                return index + len(phrase)
        if words[0] in _PREPOSITIONS and words[0] != "van":
            return index + 1
        return None

    def _head(self, position: int, streets: set, names_allowed: bool) -> Optional[
            Tuple[int, int]]:
        """The noun a landmark phrase is about: (end of the phrase, level)."""
        determiner = position < self.size and self._lower(position) in _DETERMINERS
        if determiner:
            position += 1
        for offset in range(3):  # up to two adjectives: "de grote vijver"
            index = position + offset
            if index >= self.size or index in streets or not self._is_word(index):
                return None
            lower = strip_accents(self._lower(index))
            level = _noun_level(lower)
            if level is None and self._landmark_name(index, determiner or names_allowed):
                level = CONCRETE
            if level is not None:
                return self._head_tail(index, lower, streets), level
            if not determiner or not _is_adjective(lower) or self._capitalised(index):
                return None
        return None

    def _landmark_name(self, index: int, allowed: bool) -> bool:
        """'de Jumbo', 'richting Utrecht', 'bij de AH': a name of a shop or place."""
        lower = self._lower(index)
        if lower in _BRANDS:
            return True
        if not allowed or lower in _STOP or lower in _NOT_LANDMARK_NAMES:
            return False
        if lower == self.register.place.lower():
            return False
        text = self.texts[index]
        return (self._capitalised(index) or (text.isupper() and len(text) <= 4)) \
            and not self._sentence_start(index)

    def _head_tail(self, index: int, lower: str, streets: set) -> int:
        """Names and numbers after the head: 'afslag Lindendal', 'lantaarnpaal 12'."""
        end = index + 1
        if lower in _NUMBERED and end < self.size \
                and re.fullmatch(r"[0-9][0-9.,]*[a-zA-Z]?", self.texts[end]) \
                and not self._not_a_house_number(end):
            return end + 1
        while end < self.size and end - index <= 3 and self._name_tail(end, streets):
            end += 1
        return end

    def _name_tail(self, index: int, streets: set) -> bool:
        """'Lindendal' in 'afslag Lindendal', 'De Regenboog' in 'basisschool De Regenboog'."""
        if index in streets or not self._is_word(index):
            return False
        lower = self._lower(index)
        if lower in _BRANDS:
            return True
        if lower in {"de", "het", "'t"}:  # "zwembad de Wetering"
            return (index + 1 < self.size and index + 1 not in streets
                    and self._capitalised(index + 1) and self._lower(index + 1) not in _STOP)
        if not self._capitalised(index):
            return False
        if lower in _CONNECTORS:
            return index + 1 < self.size and self._capitalised(index + 1)
        return lower not in _STOP

    def _chain(self, end: int, level: int, streets: set) -> Tuple[int, int]:
        """'bij de speeltuin' + 'achter de school' + 'van ...': one phrase, also across a
        comma ('de sporthal, bij de parking')."""
        while True:
            link = end + 1 if end < self.size and self.texts[end] == "," else end
            if link >= self.size or self._lower(link) not in _CHAIN_PREPOSITIONS:
                break
            head = self._head(link + 1, streets, True)
            if head is None:
                break
            end, next_level = head
            level = max(level, next_level)
        return end, level

    # -- the place -------------------------------------------------------------------
    def _place(self) -> Optional[Place]:
        return (self._road_place() or self._corner_place() or self._street_place()
                or self._postcode_place() or self._number_place()
                or self._description_place())

    def _make(self, kind: str, parts: Sequence[Tuple[int, int]], streets: Sequence[_Street] = (),
              **values: Any) -> Place:
        start = min(part[0] for part in parts)
        end = max(part[1] for part in parts)
        verified = all(street.verified for street in streets)
        suggestion = next((street.suggestion for street in streets if street.suggestion), None)
        point = self._point(streets)
        if kind == "address":
            start = self._relation_before(start)  # "tegenover Wilhelminastraat 22"
        return Place(kind=kind, text=self._span_text(start, end),
                     streets=tuple(street.name for street in streets), verified=verified,
                     suggestion=suggestion, latitude=point[0] if point else None,
                     longitude=point[1] if point else None, **values)

    def _relation_before(self, start: int) -> int:
        """Where "tegenover", "schuin tegenover" or "aan de overkant van" before an address
        starts, so the place is not the house itself (round 98)."""
        for words in _RELATIONS_BEFORE:
            begin = start - len(words)
            if begin >= 0 and tuple(self._lower(begin + i) for i in range(len(words))) == words:
                return begin
        return start

    def _point(self, streets: Sequence[_Street]) -> Optional[Tuple[float, float]]:
        """The register point of the street; the midpoint of a corner; None if unverified."""
        points = [self.register.point(street.name) for street in streets[:2]]
        if not points or any(point is None for point in points):
            return None
        return (round(sum(point[0] for point in points) / len(points), 6),
                round(sum(point[1] for point in points) / len(points), 6))

    def _road_place(self) -> Optional[Place]:
        if not self.roads:
            return None
        road = self.roads[0]
        landmark = next((phrase for phrase in self.landmarks if phrase.start >= road.end), None)
        landmark = landmark or next(iter(self.landmarks), None)
        parts = [(road.start, road.end)]
        text = None
        if landmark is not None:
            parts.append((landmark.start, landmark.end))
            text = landmark.value
        else:
            street = next((street for street in self.streets if street.start > road.end), None)
            if street is not None:
                start = self._preposition_start(street.start)
                parts.append((start, street.end))
                text = self._span_text(start, street.end)
        streets = [street for street in self.streets if street.verified][:1]
        return self._make("road", parts, streets, road=road.value, landmark=text)

    def _preposition_start(self, start: int) -> int:
        """Where 'ter hoogte van de' / 'bij de' before a street begins."""
        while start > 0 and (self._lower(start - 1) in _DETERMINERS or self._lower(start - 1)
                             in _PREPOSITIONS or self._lower(start - 1) in {"ter", "hoogte"}):
            start -= 1
        return start

    def _corner_place(self) -> Optional[Place]:
        pair = self._corner_pair()
        if pair is None:
            return None
        first, second, keyword = pair
        if self._number_after(first.end) or self._number_after(second.end):
            return None  # "Kerkstraat 14 hoek Molenweg": the address says more
        start = min(first.start, keyword if keyword is not None else first.start)
        spot = self._landmark_text(FEATURE)  # "voor de bakker"; not "op de kruising" itself
        if spot and set(spot.lower().split()) & set(_CORNER_WORDS):
            spot = None
        return self._make("corner", [(start, first.end), (second.start, second.end)],
                          [first, second], landmark=spot)

    def _corner_pair(self) -> Optional[Tuple[_Street, _Street, Optional[int]]]:
        streets = self.streets
        if len(streets) < 2:
            return None
        keywords = [start for start, _ in self._spans("CORNER")]
        for first, second in zip(streets, streets[1:]):
            if first.name == second.name:
                continue  # "on Parkweg, at the corner of Parkweg and Rozenlaan" (round 89)
            between = [self._lower(index) for index in range(first.end, second.start)]
            between = [word for word in between if word not in {"de", "het", "'t", "the"}]
            if any(word in _CORNER_WORDS for word in between) and len(between) <= 4:
                return first, second, first.end
            after = {self._lower(index) for index in range(second.end, second.end + 2)}
            if after & _CROSSES and len(between) <= 4:
                return first, second, None  # "stationsstraat, waar die de kerkweg kruist"
            keyword = next((k for k in keywords if first.start - 4 <= k < first.start), None)
            if between in (["/"], ["&"], ["x"], ["+"], ["-"], ["–"]):  # "schoolstraat - kerkweg"
                return first, second, keyword
            if keyword is not None and between in ([], ["en"], [","], ["met"], ["and"],
                                                   ["with"]):
                return first, second, keyword
        return None

    def _street_place(self) -> Optional[Place]:
        street = self._main_street()
        if street is None:
            return None
        between = self._between_streets(street)
        if between is not None:
            return between
        stretch = self._stretch_for(street)
        if stretch is not None:
            return self._make("stretch", [(street.start, street.end), (stretch.start,
                                                                        stretch.end)],
                              [street], house_number=stretch.value,
                              house_number_to=stretch.to)
        number = (self._number_after_correction(street) or self._number_after(street.end)
                  or next(iter(self._free_numbers()), None)
                  or self._number_after_postcode() or self._number_said_last(street))
        if number is not None:
            return self._address(street, number)
        if self._whole(street):
            start = self._whole_start(street)
            return self._make("stretch", [(start, street.end)], [street])
        return self._street_with_landmark(street)

    def _main_street(self) -> Optional[_Street]:
        """The street with a number right after it; else the first register street."""
        with_number = [street for street in self.streets if self._number_after(street.end)]
        verified = [street for street in self.streets if street.verified]
        return next(iter(with_number + verified + self.streets), None)

    def _between_streets(self, street: _Street) -> Optional[Place]:
        """'Dorpsstraat tussen Kerkstraat en Molenweg', 'tussen de Kerkstraat en de Molenweg'."""
        index = self.streets.index(street)
        for first, second in zip(self.streets[index:], self.streets[index + 1:]):
            before = [i for i in range(max(0, first.start - 2), first.start)
                      if self._lower(i) == "tussen"]
            between = [self._lower(i) for i in range(first.end, second.start)]
            if before and [w for w in between if w not in {"de", "het"}] == ["en"]:
                start = before[0]
                streets = [first, second] if first is street else [street, first, second]
                return self._make("stretch", [(min(start, street.start), second.end)], streets)
        return None

    def _stretch_for(self, street: _Street) -> Optional[_Number]:
        number = self._number_after(street.end)
        if number is not None and number.to:
            return number
        for stretch in self._stretches():
            if stretch.start >= street.end - 1 or len(self.streets) == 1:
                return stretch
        return None

    def _number_after_correction(self, street: _Street) -> Optional[_Number]:
        """'Kerkstraat nummer 4 … oh nee wacht, het is nummer 14 niet 4': the number after
        the resident corrects themself."""
        marks = [index for index in range(street.end, self.size)
                 if self.lowers[index] in _SELF_CORRECTION]
        if not marks:
            return None
        for index in range(marks[-1] + 1, min(self.size, marks[-1] + 6)):
            number = self._house_number_at(index)
            if number is not None and number.value not in _EMERGENCY_NUMBERS:
                return _Number(index, number.end, number.value, number.to)
        return None

    def _number_said_last(self, street: _Street) -> Optional[_Number]:
        """'… op de Molenweg. Nummer weet ik niet meer. Nee wacht, het is 31.'"""
        start = self._last_sentence()
        return self._number_only_from(start) if start > street.end else None

    def _free_numbers(self) -> List[_Number]:
        """Keyword numbers that are not the number after a postcode."""
        after_postcode = self._number_after_postcode()
        return [number for number in self._keyword_numbers()
                if after_postcode is None or number.end != after_postcode.end]

    def _number_after_postcode(self) -> Optional[_Number]:
        return next((number for number in (self._number_after(p.end) for p in self.postcodes)
                     if number is not None), None)

    def _address(self, street: _Street, number: _Number) -> Place:
        parts = [(street.start, street.end), (number.start, number.end)]
        postcode = next(iter(self.postcodes), None)
        if postcode is not None:
            parts.append((postcode.start, postcode.end))
        kind = "stretch" if number.to else "address"
        return self._make(kind, parts, [street], house_number=number.value,
                          house_number_to=number.to,
                          postcode=postcode.value if postcode else None,
                          landmark=self._landmark_text(FEATURE))

    def _whole(self, street: _Street) -> bool:
        """'de hele Lindelaan', 'over de gehele lengte van de Kerkstraat', 'heel de Dorpsstraat'."""
        if self._whole_start(street) < street.start:
            return True
        words = self.lowers
        # not "de boom ligt over de hele weg": across the road, somewhere in the street
        return any(word in _WHOLE_WORDS and following in {"straat", "weg", "laan"}
                   and (following != "weg" or words[max(index - 2, 0):index] != ["over", "de"])
                   and not _CLOSED & set(words[index + 2:index + 4])
                   for index, (word, following) in enumerate(zip(words, words[1:])))

    def _whole_start(self, street: _Street) -> int:
        for index in range(max(0, street.start - 5), street.start):
            between = {self._lower(i) for i in range(index + 1, street.start)}
            if self._lower(index) in _WHOLE_WORDS and between <= _WHOLE_FILLER:
                return index
        return street.start

    def _street_with_landmark(self, street: _Street) -> Place:
        landmark = self._best_landmark(FEATURE)
        if landmark is None:
            return self._make("street", [(street.start, street.end)], [street])
        return self._make("landmark", [(street.start, street.end),
                                       (landmark.start, landmark.end)],
                          [street], landmark=_DANGLING_SIDE.sub("", landmark.value))

    def _best_landmark(self, level: int) -> Optional[_Phrase]:
        """The most telling landmark; one after a preposition wins over a bare one."""
        candidates = [phrase for phrase in self.landmarks if phrase.level >= level]
        if not candidates:
            return None
        return max(candidates, key=lambda phrase: (phrase.level, not phrase.bare))

    def _landmark_text(self, level: int) -> Optional[str]:
        landmark = self._best_landmark(level)
        return landmark.value if landmark else None

    def _postcode_place(self) -> Optional[Place]:
        if not self.postcodes:
            return None
        postcode = self.postcodes[0]
        number = self._number_after(postcode.end) or next(iter(self._keyword_numbers()), None)
        parts = [(postcode.start, postcode.end)]
        if number is not None:
            parts.append((number.start, number.end))
        return self._make("postcode", parts, postcode=postcode.value,
                          house_number=number.value if number else None)

    def _number_place(self) -> Optional[Place]:
        stretch = next((stretch for stretch in self._stretches()
                        if self._names_numbers(stretch.start, stretch.end)), None)
        if stretch is not None:
            return self._make("number", [(stretch.start, stretch.end)],
                              house_number=stretch.value, house_number_to=stretch.to)
        number = (self._number_instead() or next(iter(self._keyword_numbers()), None)
                  or self._bare_number())
        if number is None:
            return None
        return self._make("number", [(number.start, number.end)], house_number=number.value,
                          house_number_to=number.to)

    def _number_instead(self) -> Optional[_Number]:
        """'het is niet 15 maar 51', 'niet nummer 15 maar nummer 51': the second number."""
        for index in range(self.size):
            if self.lowers[index] != "maar" or "niet" not in self.lowers[max(0, index - 4):index]:
                continue
            position = index + 1
            while position < self.size and (self.lowers[position] in _BARE_NUMBER_FILLER
                                            or self.punct[position]):
                position += 1
            number = self._house_number_at(position)
            if number is not None and number.value not in _EMERGENCY_NUMBERS:
                return _Number(position, number.end, number.value, number.to)
        return None

    def _names_numbers(self, start: int, end: int) -> bool:
        """'nummer 10 t/m 20' is about house numbers; 'van 8 tot 10' may be about anything."""
        words = {self._lower(index) for index in range(max(0, start - 1), end)}
        if start > 0 and self._lower(start - 1) == "bij":
            return True  # "bij 18 tot 24"
        if self._lower(start) in ("tussen", "between") or self._only_besides(start, end):
            return True  # "tussen 16 en 18", "nee van 4 tot 22": not followed by "uur"
        return bool(words & (set(_NUMBER_WORDS) | {"t/m", "tm", "t.m.", "tem", "t.e.m."}))

    def _only_besides(self, start: int, end: int) -> bool:
        """Nothing but filler around the tokens start..end ('het is van 4 tot 22')."""
        return all(self.punct[index] or self.lowers[index] in _BARE_NUMBER_FILLER
                   for index in (*range(start), *range(end, self.size)))

    def _bare_number(self) -> Optional[_Number]:
        """A message that is only a house number: '14', '14a', 'het is 14 denk ik'; or
        whose last sentence is ('Dat zei ik toch. 31', '… weet ik niet meer. Nee wacht, het
        is 31.')."""
        return (self._number_only_from(0) or self._number_only_from(self._last_sentence())
                or self._number_only_from(0, self._first_sentence_end()))

    def _last_sentence(self) -> int:
        ends = [index for index in range(self.size - 1)
                if self.texts[index] in {".", "!", "?"} and not self.punct[index + 1]
                or self._lower(index) == "wacht"]
        return ends[-1] + 1 if ends else self.size

    def _first_sentence_end(self) -> int:
        """'31. en ik wil dat iemand me terugbelt': where the first sentence ends (round 88)."""
        return next((index for index in range(self.size) if self.texts[index] in {".", "!"}),
                    self.size)

    def _number_only_from(self, start: int, stop: Optional[int] = None) -> Optional[_Number]:
        found: Optional[_Number] = None
        index = start
        stop = self.size if stop is None else stop
        while index < stop:
            if self.punct[index] or self.lowers[index] in _BARE_NUMBER_FILLER:
                index += 1
                continue
            number = self._house_number_at(index)
            if number is None or number.value == "112" or found is not None:
                return None
            found = number
            index = number.end
        return found

    def _description_place(self) -> Optional[Place]:
        landmark = self._best_landmark(VAGUE)
        if landmark is None:
            return None
        if landmark.level != CONCRETE:
            return self._make("description", [(landmark.start, landmark.end)], landmark=None)
        start = self._description_start(landmark.start)
        place = self._make("description", [(start, landmark.end)],
                           landmark=self._span_text(start, landmark.end))
        other = next((phrase for phrase in self.landmarks if phrase.level == CONCRETE
                      and not phrase.bare and phrase.start > landmark.end), None)
        if other is None:
            return place
        # "fietspad langs de vaart geblokkeerd door bouwhekken, tussen de brug en de rotonde
        # bij de mcdonalds" (round r113: only "langs de vaart" was kept): both spots
        told = f"{place.text}, {self._span_text(other.start, other.end)}"
        return replace(place, text=told, landmark=told)

    def _description_start(self, start: int) -> int:
        """Where the resident's description of a spot without a street begins: "op het
        fietspad naar Oosterhout, 200 meter na de rotonde bij de sporthal" is all of it, not
        only "bij de sporthal"; the first place word of its clause, and the clause before
        when that is a place phrase too."""
        clause = self._clause_start(start)
        # "op kot voor mijn stage en ge moet weten dat de straatlamp aan het fietspad …"
        # (round r89 of session 43): the spot is told after the last joining word
        joined = [index for index in range(clause, start) if self.lowers[index] in _JOINERS]
        clause = joined[-1] + 1 if joined else clause
        begin = next((index for index in range(clause, start)
                      if self.lowers[index] in PLACE_LEAD), start)
        if all(self.lowers[index] in _DISTANCE or self.lowers[index].isdigit()
               for index in range(clause, begin)):
            begin = clause  # "ongeveer 200 meter na de rotonde"
        if begin == clause and clause > 1 and self.texts[clause - 1] == ",":
            before = self._clause_start(clause - 1)
            if self.lowers[before] in PLACE_LEAD:
                return before
        return begin

    def _clause_start(self, index: int) -> int:
        while index > 0 and not (self.punct[index - 1] and self.texts[index - 1] in ",.!?;:"):
            index -= 1
        return index


# Words that begin a clause of their own inside a sentence: a spot starts after them.
_JOINERS = frozenset({"dat", "omdat", "want", "maar", "terwijl", "zodat", "because", "that"})
# The words a description of a spot starts with ("op het fietspad", "langs de vaart").
PLACE_LEAD = frozenset({"op", "in", "langs", "naast", "achter", "voor", "tegenover", "bij",
                        "na", "richting", "aan", "onder", "over", "tussen", "vlakbij"})
_DISTANCE = frozenset({"ongeveer", "zo'n", "zon", "circa", "ca", "een", "paar", "meter", "m",
                       "km", "honderd", "tientallen", "stuk", "100", "about", "meters"})
# Words with which residents correct themselves mid-message ("oh nee wacht, het is 14").
_SELF_CORRECTION = frozenset({"wacht", "bedoel", "bedoelde", "correctie", "oeps", "sorry"})
_STREET_CORRECTION = frozenset({"wacht", "bedoel", "bedoelde", "correctie"})
_WHOLE_FILLER = frozenset({"lengte", "stuk", "van", "de", "het", "'t"})
_BARE_NUMBER_FILLER = frozenset({"het", "is", "was", "ja", "denk", "ik", "dus", "ongeveer",
                                 "nummer", "nr", "nr.", "huisnummer", "bij", "hoor", "oh",
                                 "o", "eh", "uh", "dat", "zo", "iets", "rond", "a", "b", "nee",
                                 "wacht", "sorry", "toch"})


# "boven het fietspad in het park aan de kant [van de Parkweg]": with the street taken out,
# the side it named is left hanging (round 97: "Parkweg, … in het park aan de kant")
_DANGLING_SIDE = re.compile(r"(?<=\w)\s+(?:aan|op|in|bij)\s+(?:de|het)\s+(?:kant|zijde|zijkant|"
                            r"rand|hoek|begin|eind|einde|uiteinde)$", re.IGNORECASE)


def _is_range(low: str, high: str, same_side: bool = True) -> bool:
    """'10'..'20' is a range of house numbers; '14'..'2' is number 14, addition 2. Written
    as '10-20' a range keeps to one side of the street (both even or both odd)."""
    low_digits, high_digits = re.match(r"\d+", low), re.match(r"\d+", high)
    if not low_digits or not high_digits:
        return False
    first, last = int(low_digits.group()), int(high_digits.group())
    if last <= first:
        return False
    return not same_side or (last - first) % 2 == 0


def _is_adjective(lower: str) -> bool:
    """'grote', 'oude', 'kapotte', 'houten': a word that may stand between 'de' and a noun."""
    if lower in _STOP or lower in _PREPOSITIONS:
        return False
    return lower.endswith(("e", "en")) or lower in {"groot", "klein", "oud", "nieuw", "breed"}


@lru_cache(maxsize=4096)
def _noun_level(lower: str) -> Optional[int]:
    """CONCRETE for a public spot, FEATURE for a thing along a street, VAGUE for 'de deur'."""
    for word in (lower, _without_diminutive(lower)):
        if word in _CONCRETE or word in _BRANDS:
            return CONCRETE
        if word in _FEATURES:
            return FEATURE
        if word in _VAGUE:
            return VAGUE
    for endings, level in _COMPOUND_ENDINGS:  # "kinderspeeltuin", "lantaarnpaal"
        if lower.endswith(endings):
            return level
    return None


def _without_diminutive(word: str) -> str:
    """'bankje' -> 'bank', 'paaltje' -> 'paal', 'speeltuintje' -> 'speeltuin'."""
    for ending in ("etje", "pje", "tje", "je"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def _is_word(token: str) -> bool:
    """Letters, maybe with a hyphen, apostrophe or dot: 'Sint-Jan', 'burg.'; no digits."""
    return any(char.isalpha() for char in token) and all(
        char.isalpha() or char in "-'’." for char in token)


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _is_shouting(text: str) -> bool:
    """All capitals: capital letters then say nothing about names."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 6 and sum(char.isupper() for char in letters) / len(letters) > 0.7


# --- not a place ----------------------------------------------------------------------
_QUESTION_START = re.compile(
    r"^(?:(?:en|maar|dus|oh|o|ok|oke|hallo|hoi)\s+)?(?:hoe|hoelang|hoeveel|wat|waarom|wanneer|"
    r"wie|welke|welk|waar(?:om|mee|voor)?|moet|moeten|kan|kun|kunt|kunnen|mag|mogen|zal|"
    r"zullen|zou|zouden|wil|wilt|is|zijn|wordt|worden|heeft|hebben|hebt|gaat|gaan|komt|"
    r"komen|doet|doen|duurt|klopt|weet|weten)\b(?:\s+(?:ik|u|je|jij|jullie|we|wij|het|t|"
    r"er|dat|dit|die|de|een|iemand|ge))?", re.IGNORECASE)
_REFUSAL = re.compile(
    r"\b(?:weet\s+(?:ik\s+)?(?:het\s+|dat\s+)?niet|weet\s+niet|geen\s+(?:flauw\s+)?(?:idee|"
    r"benul)|onbekend|niet\s+bekend|nvt|n\.v\.t\.?|zeg\s+ik\s+(?:liever\s+)?niet|"
    r"(?:wil|zeg|geef)\s+ik\s+(?:liever\s+)?niet|liever\s+niet|geen\s+zin|"
    r"kan\s+ik\s+niet\s+(?:zeggen|vinden)|ik\s+weet\s+(?:het\s+)?(?:adres|straat|"
    r"huisnummer|nummer)?\s*niet|(?:ken|weet)\s+(?:ik\s+)?(?:de|het)\s+(?:straat|adres|"
    r"straatnaam|nummer|huisnummer)\s+niet|geen\s+adres|ik\s+heb\s+geen\s+idee|"
    r"weet\s+(?:ik\s+)?(?:het\s+)?nie|vergeten|whatever|pass|sla\s+(?:maar\s+)?over|"
    r"overslaan|forget\s+it|never\s*mind|laat\s+(?:maar|ook\s+maar)\s+(?:zitten|zo)|"
    # a goodbye or a person asked for is no place ("forget it. bye", round 78)
    r"bye|doei|tot\s+ziens|iemand\s+spreken|(?:een\s+)?medewerker\s+spreken)\b",
    re.IGNORECASE)
_SHORT_ANSWERS = frozenset("""
ja nee neen jawel jazeker nope yes no yep yeah nah ok oke oké okay prima klopt goed top
please hallo hoi hey hi hello goedemorgen goedemiddag goedenavond goeiemorgen dag doei
bedankt dank danku dankjewel dankuwel je u wel thanks thank you graag hoor zeker natuurlijk
precies inderdaad sorry excuus pardon mvg groet groeten tot ziens
""".split())
_YES_NO = frozenset({"ja", "nee", "neen", "jawel", "jazeker", "yes", "no", "nope", "yep"})
_ENGLISH = frozenset("""
i i'm im don't dont do not know the a an address street it it's its where what please yes no
sorry idea sure can you my near at on and to this that there here have has thanks thank
hello hi how long does will would should call police help about exactly really remember
house number which why when who think they there's i've should am are be just anyway fine
broken near speak english dutch light streetlight
""".split())
_OTHER_LANGUAGES = frozenset("""
ich nicht weiss weiß wo ist das und bitte danke keine ahnung je ne sais pas où c'est oui non
merci suis rien sé donde dónde gracias sí por favor bilmiyorum nerede evet hayır teşekkürler
nie wiem gdzie dziękuję știu bonjour parle français néerlandais hola hablo español
sprechen spreche deutsch unde não sei obrigado obrigada
""".split())
_WORD = re.compile(r"\b[^\W\d_][\w'’]*")


def _not_a_place_form(text: str) -> bool:
    """A question, a refusal, a greeting or yes/no, or a sentence in another language."""
    lowered = text.lower().strip()
    words = _WORD.findall(lowered)
    if not words:
        return False
    if lowered.rstrip(" !.)").endswith("?") or _QUESTION_START.match(lowered):
        return True
    if _REFUSAL.search(lowered):
        return True
    if all(word in _SHORT_ANSWERS for word in words) or words[0] in _YES_NO:
        return True
    return _is_other_language(text, words)


def _is_other_language(text: str, words: List[str]) -> bool:
    letters = [char for char in text if char.isalpha()]
    if letters and sum(ord(char) > 0x24F for char in letters) / len(letters) > 0.5:
        return True  # Arabic, Cyrillic, ... script
    foreign = sum(word in _ENGLISH or word in _OTHER_LANGUAGES for word in words)
    return len(words) >= 2 and foreign / len(words) >= 0.5


def outside_the_municipality(text: str, municipality: str) -> bool:
    """"Nee het is in Amersfoort, niet Lindendal", "dat is een andere gemeente": the problem
    is somewhere this municipality cannot fix."""
    name = re.escape(municipality)
    return bool(re.search(
        rf"\bniet (?:in |bij |van )?(?:de gemeente )?{name}\b|\b(?:in|bij) een andere gemeente\b"
        rf"|\bis (?:een )?andere gemeente\b|\bnot (?:in )?{name}\b", text or "", re.IGNORECASE))
