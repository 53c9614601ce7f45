"""Is a message a question, and about which topic can the bot answer it with a link?

`read_question` tells a question ("wanneer wordt de groene kliko geleegd?") from a
report of something that went wrong and happens to end in a question mark ("waarom is
mijn container weer niet geleegd???"): the first gets a topic key, the second None.
Topic keys match response names: topic `x` is answered with `utter_answer_x`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Callable

from bot.knowledge.general import is_established_word
from bot.reading.asking import wants_to_know
from bot.reading.description import category_of, says_damage
from bot.reading.loss import without_a_death_denied
from bot.reading.money import money_trouble
from bot.text import sentences as split_sentences

QUESTION = "question"

# Words that residents often misspell, matched with one typo (for words of 5+ letters).
_VOCABULARY = (
    "wanneer", "welke", "container", "containers", "kliko", "klikos", "afvalpas",
    "milieupas", "geleegd", "opgehaald", "ophalen", "ophaaldag", "ophaaldagen",
    "afvalkalender", "papier", "restafval", "vuilniswagen", "belasting", "belastingen",
    "vergunning", "subsidie", "trouwen", "huwelijk", "bijstand", "uitkering", "schulden",
    "bekeuring", "kalender",
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:hallo|hoi|hey|hee|hi|goedemorgen|goedemiddag|goedenavond|goeiemorgen|"
    r"goeiemiddag|goeienavond|goedendag|goeiedag|dag|beste|geachte|sorry|excuses|pardon|"
    r"mevrouw|meneer|gemeente|ja|nee|oke|ok|hmm+|eh+|euh+|even|nog|ook|dus|en|maar|zeg)\s+)+")
_CLAUSE_END = re.compile(r"[.,;:!?\n()]+|\s(?:maar|want|dus)\s")

# --- what makes a message a question -------------------------------------------------
_PREPOSITION = r"(?:op|om|in|vanaf|tot|sinds|bij|met|naar|voor|van|tegen|aan|per)"
_QUESTION_WORD = (r"(?:wanneer|wnnr|wannr|hoe|hoeveel|hoelang|hoezo|waar|waarom|waarmee|"
                  r"waarvoor|waarheen|wat|wa|wadde|welk|welke|wie)")
_VERB_FIRST = (r"(?:kan|kun|kunt|kunnen|mag|mogen|moogt|moet|moeten|zou|zouden|zal|zullen|"
               r"wil|wilt|is|zijn|zijt|wordt|worden|komt|komen|gaat|gaan|heeft|hebt|heb|"
               r"hebben|doet|doen|klopt|geldt|gelden|bestaat|krijg|krijgt|weet|weten)")
_SUBJECT = (r"(?:ik|u|je|jij|jullie|ge|gij|men|we|wij|het|t|de|er|mijn|mn|m n|ons|onze|"
            r"dit|dat|die|deze|iemand|daar|hier|iets|alle|elke|uw|een|hij|zij|ze|zijn|haar|hun)")
_CLAUSE_QUESTION = re.compile(
    rf"^(?:(?:{_PREPOSITION}\s)?{_QUESTION_WORD}\b(?!\s+een\b)"   # "wat een rommel!" is no question
    # "weet ik niet precies, bij het hek" (own try, session 42) answers; "weet ik of …" asks
    rf"|(?!weet ik (?:het |dat )?(?:niet|nie|ni|veel)\b){_VERB_FIRST}\s{_SUBJECT}\b"
    r"|(?:kunde|kande|moogde|weetde|zijde|zidde|hebde|kunt ge|kan ge|weet ge|moet ge))")
_QUESTION_PHRASE = re.compile(
    r"\bwil(?:de)? (?:\w+ )?weten (?:of|wat|hoe|waar|wanneer|welke|wie|waarom|hoeveel)\b|"
    r"\b(?:is het mogelijk|is t mogelijk|zou het kunnen|wil graag weten|wilde graag weten|"
    r"zou graag willen weten|zou ik (?:graag )?willen weten|wil ik (?:graag )?weten|"
    r"vroeg me af|vraag me af|graag weten|weet iemand|vraagje|"
    r"ik heb een vraag|even een vraag|een vraag over|klopt het|hoe zit het|"
    r"(?:zeg|vertel) (?:\w+ )?(?:nou|nu|eens|me|mij|ff|even) of|weet u of|weet je of)\b"
    # inside dictated text without punctuation: "… geboren hoe moet ik hem aangeven"
    r"|\b(?:hoe|waar|wanneer) (?:moet|kan|kun|mag|doe|regel|vraag) (?:ik|we|wij)\b"
    r"|\bbinnen hoeveel (?:dagen|weken|tijd)\b"
    # a question tag at the end: "het is een leaseauto, kan dat ook", "geldt dat ook"
    r"|\b(?:kan|mag|geldt|werkt|telt|klopt|lukt) (?:dat|dit|het) (?:ook|wel|dan|zo)?\W*$")

# --- what makes a message a report of something that went wrong ----------------------
_MISSED = re.compile(
    r"\b(?:niet|nie|ni) (?:\w+ ){0,3}?(?:geleegd|geledigd|opgehaald|leeg ?gemaakt|meegenomen|"
    r"langs ?geweest|langs ?gekomen|geweest|gekomen|gepasseerd|gebeurd)\b"
    r"|\b(?:not|never|wasn ?t|weren ?t|hasn ?t|haven ?t) (?:\w+ ){0,2}?(?:emptied|collected|"
    r"picked up)\b|\b(?:missed|skipped|forgot)\b")
_PAST = re.compile(r"\b(?:is|zijn|was|waren|werd|werden|heeft|hebben|hebt)\b")
_FUTURE = re.compile(r"\b(?:wordt|worden|komt|komen|gaat|gaan|zal|zullen)\b")
_COMPLAINT = re.compile(
    r"\b(?:weer niet|alweer|weer eens|nog steeds|nog altijd|eindelijk|overgeslagen|"
    r"laten staan|blijven staan|blijven liggen|staat er nog|staan er nog|ligt er nog|"
    r"liggen er nog|al (?:dagen|weken|een week|twee|drie|\d+)|waarom (?:\w+ ){0,6}?niet|"
    r"klacht\w*|doen niks|doen niets|ontevreden)\b")
_FORGOTTEN_BY_US = re.compile(r"\bvergeten\b")
_FORGOTTEN_BY_RESIDENT = re.compile(
    r"\b(?:ik|wij|we)\s(?:\w+\s){0,6}?vergeten\b"
    r"|\bvergeten (?:\w+ ){0,5}?(?:buiten|aan de straat|aan de weg|aan te bieden)")
_BROKEN = re.compile(
    r"\b(?:kapot\w*|stuk|defect\w*|gebroken|onleesbaar|afgebroken|gescheurd|scheur|lek|lekt|lekken|"
    r"klemt|zit vast|verzakt|omgevallen|overvol|propvol|vol|zit vol|loopt over|puilt uit|"
    r"uitpuilen\w*|verbrand\w*|afgebrand|gaat niet (?:open|dicht)|opent niet|doet het niet|"
    r"werkt niet|accepteert|brandt niet|"
    r"gestolen|verdwenen|is weg|los|losse|scheef|gat|gaten|kuil|kuilen|zwerfafval|"
    r"gedumpt|dumpt|dumping|achtergelaten|niet van mij|niet van ons|overlast|gevaarlijk|"
    r"niet (?:meer )?(?:gebruiken|openen|open)|"
    # "graffiti gespoten op de schoolmuur, 't is echt nie proper meer" (round 82)
    r"graffiti|beklad\w*|bekrast|vernield|vernielingen|vandal\w*|smerig|troep|rommel|bende|"
    r"zooi|smeerboel|puinhoop|"
    r"nie(?:t)? proper|"
    # "een tak hangt zo laag dat vrachtwagens ertegenaan rijden", "de heg groeit over de stoep"
    r"(?:hangt|hangen|hing|hingen) (?:zo |te |veel te |erg |heel )?laag|overwoekerd|overgroeid|"
    r"groeit over|groeien over|ertegenaan|tegenaan (?:rijden|rijdt|lopen|loopt|botsen)|"
    r"blokkeert|verspert|versperd|"
    # "er is een grote tak uit de boom gewaaid … Mag ik die tak zelf aan de kant slepen?"
    # (round r275: the question alone, no report)
    r"(?:om|af|eraf|uit|eruit|af ge)?gewaaid|omgewaaid|afgewaaid|afgeknapt|neergestort|"
    r"(?:ligt|liggen|lag|lagen) (?:\w+ ){0,2}?(?:over|op|midden op|dwars over) (?:de|het)|"
    # in English: "the swing at the playground is broken, the chain is hanging loose" (round 83)
    r"broken|damaged|loose|overflowing|dumped|fallen|not working|(?:does|is)\s?n.?t working)\b")

# --- topics ---------------------------------------------------------------------------
_WASTE = re.compile(
    r"(?:afval|vuil|kliko|container|gft|pmd|papier(?!en)|karton|plastic|glas|textiel|"
    r"snoei(?:afval|hout|sel)|"
    r"groenbak|kerstbo\w+|\bbak\b|\bbakken\b|\w+bak\b|\w+bakken\b|\bzakken\b|\bvuilniszak|ophaaldienst|"
    r"\bgarbage\b|\brubbish\b|\btrash\b|\bwaste\b|\bbins?\b|\brecycling\b|\bpaper\b|"
    r"\bcardboard\b)")
_CALENDAR_ALONE = re.compile(
    r"(?:afvalkalender|afvalwijzer|afvalapp|ophaalkalender|ophalingskalender|ophaaldag|"
    r"ophaaldata|ophaalschema|ophaalrooster|ophaaldatum|ophaalmoment|waste calendar|"
    r"collection (?:day|days|calendar|schedule)|(?:bin|garbage|trash|rubbish|pick ?up) days?\b"
    r"|\b(?:which|what) days? (?:is|are) (?:the )?pick ?ups?\b)")
_CALENDAR_HINT = re.compile(
    r"\b(?:kalender|rooster|schema|welke dag|welke dagen|welke datum|hoe laat|"
    # "wanneer moet ik de grijze bak buiten zet?" in broken Dutch (round r160 of session 51)
    r"aan de beurt|buiten (?:zetten|zet)|buitenzetten|aan de straat (?:zetten|zet)|"
    r"aan de weg zetten|"
    r"feestdag\w*|kerst\w*|pasen|paasdag|paasmaandag|pinkster\w*|hemelvaart\w*|"
    r"koningsdag|nieuwjaar\w*|oud en nieuw|oudjaar\w*|morgen|overmorgen|volgende week|"
    r"which day|what day|which days|normally|usually|goes? out|put out|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|"
    r"deze week|elke week|om de week|om de twee weken|"
    r"(?:maan|dins|woens|donder|vrij|zater|zon)dag(?:ochtend|morgen|middag|avond|nacht|s)?|"
    r"20\d\d)\b")
_COLLECTING = re.compile(
    r"\b(?:geleegd|geledigd|legen|ledigen|leegt|opgehaald|ophalen|haalt|halen|komt|komen|"
    r"langs|langskomen|rijdt|rijden|opgehaalt|passeert|passeren|ophaling\w*|collected|"
    r"collection|collect|collects|emptied|picked up|pick up|pickup)\b")
_PASS = re.compile(
    r"(?:(?:afval|milieu|container|milieustraat) ?pas(?:je|sen|s)?\b|brengpas|afval ?kaart|"
    r"milieukaart|toegangspas|afvalsleutel|containersleutel|"
    # English: "I lost my waste card", "my bin pass does not work" (round 76)
    r"\b(?:waste|garbage|trash|rubbish|bin|container|recycling) (?:access )?(?:card|pass|key)s?\b)")
_LOOSE_PASS = re.compile(
    r"\bpasje\b|\b(?:mijn|mn|de|een|nieuwe?|onze|die|deze|het|uw) "
    r"(?:pas|passen|kaart|kaartje|sleutel)\b"
    # "ik ben pas kwijt van container" (round r114: a report about the waste)
    r"|\bpas (?:kwijt|weg|verloren|gestolen)\b|\bpas (?:van|voor) (?:de |het )?(?:container|afval)"
    # "I lost my card for the underground bins" (round r266 of session 63)
    r"|\b(?:my|our|the|a|new) (?:card|pass|key)\b")
_NEW_PASS = re.compile(
    r"\b(?:kwijt\w*|verloren|verlopen|gestolen|zoek|weg|nieuwe?|aanvragen|aanvraag|vervangen|"
    r"extra|tweede|opzeggen|kopen|krijgen|krijg|kost|kosten|halen|ophalen|aanmelden|"
    r"lost|new|stolen|replace\w*|another)\b")
_NEW_CONTAINER = re.compile(r"\bnieuwe? (?:\w+ )?(?:container|kliko|bak)"
                            r"|\bvervang\w*|\bomruil\w*"
                            # "kan daar niet eens een poepbak komen?": a wish for a new bin
                            r"|\b(?:een|meer|extra|nog een) (?:\w+ )?\w*(?:bak|bakken|container|"
                            r"containers)(?: \w+){0,3}? (?:komen|bijkomen|bij komen|geplaatst|"
                            r"plaatsen|neerzetten|neergezet|ophangen|opgehangen)\b")
# "nee geen grofvuil, ik bedoel de gewone vuilniszakken" (round 78)
_NOT_BULKY = re.compile(
    r"\b(?:geen|niet|gene|no|not)\s+(?:over\s+|het\s+|de\s+)?grof ?(?:vuil|afval)")
_BULKY = re.compile(r"(?:grof ?vuil|grof ?afval|grof huisvuil|grove? (?:\w+ )?afval)")
# "hoe kom ik van mn oude bank af, die past niet in de container": getting rid of
# something big is the bulky waste question, not a report about the container.
_RID_OF = re.compile(r"\b(?:hoe (?:kom|raak) (?:ik|je|we) (?:\w+ ){0,6}?(?:af|kwijt)"
                     r"|waar (?:kan|moet|mag) (?:ik|je|we) (?:\w+ ){0,6}?"
                     r"(?:kwijt|heen|naartoe|naar toe|laten)|weg ?gooien|weg ?doen|afvoeren"
                     r"|laten ophalen|get rid of|throw away"
                     # "kan de gemeente dat bij mij thuis komen ophalen" (round r162)
                     r"|(?:komen|komt|kom) (?:\w+ )?op ?halen|bij (?:mij|ons) (?:thuis )?"
                     r"(?:\w+ ){0,2}op ?halen|come and (?:pick|collect)|pick (?:it |them )?up)\b")
# a cupboard, not the cabinet of the power or phone company (round r149 of session 51: the
# bulky waste answer to graffiti on "de Stedin-kast")
_FURNITURE_KAST = ("(?<!stedin)(?<!stedin-)(?<!stroom)(?<!verdeel)(?<!meter)(?<!kpn)(?<!kpn-)"
                   "(?<!schakel)(?<!elektriciteits)(?<!telecom)(?<!glasvezel)kast")
_BIG_THINGS = re.compile(rf"\b(?:bank|bankstel|sofa|fauteuil|matras\w*|{_FURNITURE_KAST}\w*|"
                         r"bed|bedden|koelkast\w*|vriezer\w*|diepvries\w*|wasmachine\w*|droger|meubel\w*|"
                         r"stoel\w*|tafel\w*|tapijt\w*|vloerkleed\w*|couch|mattress|fridge|"
                         r"furniture)\b")


def _gets_rid_of_something_big(plain: str, _text: str) -> bool:
    return bool(_RID_OF.search(plain) and _BIG_THINGS.search(plain))


_CONTAINER = re.compile(r"(?:container|kliko|zuil|klep|trommel|\bbak\b|milieustraat)")

_FINES = re.compile(
    r"(?:boete|bekeuring|naheffing|parkeerbon|\bbon gekregen|\bprent\b|gas-?boete|"
    r"\bparking (?:fine|ticket)|\bgot a (?:\w+ )?(?:fine|ticket)\b)")
# A fine for someone else ("kunnen jullie mijn buurman een boete geven?", "bekeuren jullie
# die auto's?"): a report of what they do, not a question about one's own fine.
_FINE_FOR_OTHERS = re.compile(
    r"\b(?:hem|haar|buurman|buurvrouw|buren|eigenaar|bestuurder|chauffeur|hij|zij|die|dader)"
    r"\b(?: \w+){0,3} (?:een )?(?:boete|bekeuring|prent)\b(?! (?:gekregen|gehad))|"
    r"\b(?:bekeuren|beboeten|op de bon slingeren)\b|"
    r"(?:boete|bekeuring) (?:\w+ ){0,2}(?:geven|uitdelen|uitschrijven|opleggen)\b")
_TAXES = re.compile(
    r"(?:belasting|\bwoz\b|woz-|afvalstoffenheffing|rioolheffing|heffing|"
    # "de aanslag", not the grime on a sign ("onleesbaar door groene aanslag")
    r"(?<!door )(?<!groene )(?<!vuile )(?<!zwarte )\baanslag(?! op\b)|"
    r"\bozb\b|kwijtschelding|aanslagbiljet|"
    # "How do I file my income tax return?" (round r130 of session 49: the moving answer)
    r"\bincome tax|\btax return|\btaxes\b|\bmunicipal tax|\bproperty tax|\bwaste levy)")
_PARKING = re.compile(
    r"(?:parkeervergunning|bewonersvergunning|bezoekersvergunning|\bparkeerkaart|"
    r"parkeer vergunning|vergunning (?:\w+ ){0,4}parkeren|parkeren (?:\w+ ){0,3}vergunning|"
    r"vergunning\w* parkeren|kenteken (?:wijzig|doorgeven|verander|aanpass)\w*|"
    r"(?:nieuw|ander)e? kenteken)")
_PERMITS = re.compile(
    r"(?:vergunning|dakkapel|schutting|uitbouw|aanbouw|verbouw|bouwtekening|"
    r"\bbouwen\b|\bkappen\b|\bkap\b|evenement|straatfeest|buurtfeest|bestemmingsplan|"
    r"omgevingsplan|omgevingsloket)")
# Someone else builds or fells, and the resident asks whether that is allowed: no question
# about the resident's own permit ("ze zijn de bomen aan het kappen, mag dat zomaar?").
_SOMEONE_ELSE_DOES = re.compile(
    r"\bmag dat (?:zomaar|eigenlijk|gewoon)\b"
    r"|\biemand anders\b|\b(?:ze|zij|men) (?:zijn|waren) (?:\w+ ){0,4}?aan het\b"
    r"|\b(?:buurman|buurvrouw|buren|aannemer|bouwer) (?:\w+ ){0,2}?(?:kapt|zaagt|kappen|"
    r"zagen|bouwt|bouwen)\b|\bworden (?:\w+ ){0,2}?gekapt\b")
_WEDDING = re.compile(
    r"(?:\btrouw(?!ens\b)|huwelijk|\bgetrouwd|partnerschap|ondertrouw|ja-?woord|\bbabs\b"
    r"|\bmarr(?:y|ied|iage|ying)\b|\bwedding\b|\bcivil partnership\b)")
_WEDDING_BANTER = re.compile(r"\bmet (?:me|mij) (?:\w+ )?trouwen\b")
_SUBSIDIES = re.compile(r"(?:subsidie|subsidies)")
# Care at home for oneself or a relative ("mijn moeder kan niet meer zelf douchen en de trap
# op, kan ze hulp krijgen?"): a question for the Wmo, never a report for the street.
_CARE = re.compile(r"\b(?:wmo|thuiszorg|mantelzorg\w*|huishoudelijke hulp|"
                   r"hulp (?:\w+ )?(?:in|bij) (?:het |de )?(?:huis|huishoud\w*)|"
                   r"hulp (?:\w+ )?thuis|"
                   # "ze kan niet meer goed koken en boodschappen doen" (round r72 of session 41)
                   r"(?:kan|kunnen|lukt|gaat) (?:\w+ ){0,3}?niet (?:meer|zo goed) (?:\w+ ){0,2}?"
                   r"(?:koken|boodschappen|huishouden|schoonmaken|poetsen|douchen|wassen)|"
                   # "redt het niet meer met boodschappen en schoonmaken" (round r183 of
                   # session 53: the money-worries answer)
                   r"(?:redt|red|redden|redde) (?:het|zich) (?:\w+ ){0,2}?niet meer (?:\w+ ){0,2}?"
                   r"(?:koken|boodschappen|huishouden|schoonmaken|poetsen|douchen|wassen|"
                   r"alleen|thuis|in huis)|"
                   r"hulp (?:\w+ )?(?:met|bij) (?:het )?(?:koken|boodschappen|douchen|wassen)|"
                   r"thuishulp|het huishouden (?:te )?doen|douchen|"
                   r"wassen en aankleden|aankleden|traplift\w*|"
                   r"trap (?:niet )?(?:meer )?op|scootmobiel\w*|woningaanpassing\w*|"
                   # "ze kan niet meer goed lopen en de trap is een probleem" (round r171)
                   r"(?:de )?trap (?:is|wordt) (?:een )?(?:probleem|te zwaar|te moeilijk|lastig)|"
                   r"(?:kan|kunnen) (?:\w+ ){0,2}?niet (?:meer|zo) (?:goed )?(?:lopen|traplopen)|"
                   r"slecht ter been)\b")
# "kan niet meer goed lopen, kan hij een gehandicaptenparkeerkaart krijgen?": the card's
_PARKING_CARD = re.compile(r"parkeerkaart|parkeervergunning|gehandicaptenparkeer|invalidenkaart")
# Someone close has died: "mijn moeder is vannacht overleden in het verpleeghuis aan de
# parkweg" (round r74 of session 41: taken for a street report at the Parkweg)
_DEATH = re.compile(
    r"\b(?:mijn|mijne|mijnen|m'?n|mn|onze|ons|zijn|haar|my|our)\s+(?:\w+\s+)?(?:moeder|vader|ma|pa|mama|papa|"
    r"man|vrouw|partner|vriend|vriendin|oma|opa|zoon|dochter|broer|zus|zuster|kind|baby|"
    r"schoonmoeder|schoonvader|tante|oom|echtgeno(?:ot|te)|mother|father|mum|mom|dad|husband|"
    r"wife|son|daughter|brother|sister|grandmother|grandfather)\s+(?:\w+\s+){0,6}?"
    r"(?:overleden|gestorven|(?:is|was)\s+dood|doodgegaan|heengegaan|ingeslapen|died|passed\s+away)\b"
    r"|\b(?:overlijden|overleden)\s+(?:van|aangeven|melden|doorgeven)\b")
# "mijn man is vorig jaar gestorven en nu moet de zetel weg" (round r115: what to do after a
# death at home): told as the reason, not a death to arrange now
_LONG_AGO = re.compile(r"\b(?:vorig|vorige|afgelopen|een|twee|drie|\d+) (?:jaar|jaren|maanden)\b"
                       r"(?: geleden)?|\blast year\b|\byears? ago\b|\bjaar geleden\b")
# "mijn man is onlangs overleden en ik ga de zolder opruimen ... de bank ophalen?" (round
# r162 of session 52: the text on a death at home): clearing out is the question
_CLEARING_OUT = re.compile(r"\b(?:opruimen|leeghalen|leegruimen|ontruimen|uitruimen|grofvuil|"
                           r"matras|wasmachine|bankstel|zolder|inboedel|clear out|clearing out|"
                           r"bulky waste|mattress)\b")
_BENEFITS = re.compile(
    r"(?:bijstand|uitkering|\bwmo\b|toeslag|participatiewet|huishoudelijke hulp|"
    r"hulp in (?:het|de) huishouden|scootmobiel|rolstoel|minimaregeling|stadspas|"
    r"meedoenregeling|leefgeld|jeugdhulp|mantelzorg)")


# "Mag de container zondagavond al buiten?", "hoe vaak wordt het gras gemaaid?", "wanneer
# gaat de gemeente snoeien?", "wanneer zijn de werkzaamheden klaar?": how the municipality
# does its work, asked at the start of a clause.
_SERVICE_QUESTION = re.compile(
    r"^(?:mag|mogen|moet|moeten|hoef|hoeft|hoeven) (?:ik|we|wij|je|jij|u|men|de|het|mijn|"
    r"mn|onze|ons|er|een|die|dat|deze|dit|zo ?n)\b"
    # "plastiek, waar moet dat?", "wat moet ik met oude verf?", "wat moet ik doen?"
    r"|^waar (?:moet|mag|kan|kun|laat|gooi|breng|doe) (?:ik|je|u|dat|het|die|dit|ik dat|ik het)\b"
    r"|^wat (?:moet|kan|mag|doe) ik (?:\w+ ){0,3}?(?:doen|met)\b"
    # "waarom betaald parkeren in onze straat?" (not "waarom wordt mijn bak niet geleegd")
    r"|^waarom (?:moet|moeten|betaal\w*|kost\w*|mag|mogen)\b"
    r"|^(?:hoe ?vaak|om de hoeveel|hoe laat|op welke dag|welke dag|in welke maand)\b"
    # "wie maakt de stoep sneeuwvrij?": whose job it is (not "wie ruimt dat op?": act on it)
    r"|^wie (?:maakt|moet|doet|veegt|strooit|schept|onderhoudt|is verantwoordelijk)\b"
    r"|^wanneer (?:\w+ ){0,2}?(?:wordt|worden|gaat|gaan|komt|komen|zal|zullen)\b"
    r"|^wanneer (?:is|zijn|begint|beginnen|start|starten) (?:\w+ ){0,8}?"
    r"(?:klaar|begonnen|beginnen|gestart|starten|af)\b"
    r"|^wanneer (?:\w+ ){0,6}?(?:beginnen|begint|starten|start)\b"
    r"|^(?:komen|komt|gaan|gaat|wordt|worden) er (?:\w+ ){0,3}?(?:werkzaamheden|werk|"
    r"wegwerkzaamheden|nieuwe|bomen|bankjes|drempels|verlichting|bestrating)\b"
    r"|^(?:graag )?(?:ik )?(?:wil|wilde|wou|zou) (?:ik )?(?:\w+ ){0,2}?weten (?:of|wanneer|"
    r"hoe ?vaak|hoe laat)\b")


# A problem told beside the question: "er ligt overal glas", "wanneer gaat de lamp weer
# aan?", "dat al 2 weken op straat ligt".
_THERE_IS = re.compile(r"\ber (?:ligt|liggen|lag|lagen|staat|staan|stond|stonden|hangt|hangen|"
                       r"zit|zitten|lekt|lekken|stroomt|groeit|groeien|drijft|drijven|loopt|"
                       r"lopen)\b")
_BACK_ON = re.compile(r"\bweer (?:aan|aangezet|gemaakt|gerepareerd|hersteld|werkt|brandt|"
                      r"opgehaald|geleegd|open)\b")
_LASTS = re.compile(r"\bal (?:dagen|weken|een week|twee|drie|vier|\d+)\b")
# "wanneer gaat de gemeente hier eens wat aan doen??": a call to act on it, not how we work
_CALL_TO_ACT = re.compile(r"\b(?:gemeente|jullie|u|ze|iemand|ge)(?: \w+){0,4}? (?:iets|wat) aan "
                          r"(?:doen|gedaan)\b")
_NOTHING_WRONG = re.compile(r"\b(?:niks|niets|nergens|geen) (?:\w+ )?(?:kapot|stuk|mis)\b")
# "(wanneer gaat u snoeien?) vorig jaar is dit niet gebeurd": last time, not a miss to report
_LAST_TIME_NOT_DONE = re.compile(r"\b(?:vorig jaar|vorige keer|vorige zomer|vorig seizoen) "
                                 r"(?:\w+ ){0,3}?(?:niet|nooit) (?:\w+ ){0,2}?gebeurd\b")


# "kunnen jullie de stoep voor mijn deur sneeuwvrij maken?": residents clear their own
# doorstep; the answer says so (and who may help), no report.
_OWN_DOORSTEP = re.compile(r"\bvoor (?:mijn|m n|mn|ons|onze) (?:huis|deur|voordeur|woning)\b")
_SNOW_CLEARED = re.compile(r"\b(?:sneeuwvrij|ijsvrij|sneeuw (?:\w+ ){0,4}?(?:ruimen|scheppen|"
                           r"vegen|weghalen|weg))\b")


def asks_about_the_service(text: str) -> bool:
    """A question about how or when the municipality does its work ("hoe vaak wordt er
    gemaaid?"), not a report of something broken or missed that ends in a question."""
    plain = _LAST_TIME_NOT_DONE.sub(" ", _NOTHING_WRONG.sub(" ", _normalise(text)))
    if _OWN_DOORSTEP.search(plain) and _SNOW_CLEARED.search(plain):
        return True
    if any(p.search(plain) for p in (_BROKEN, _MISSED, _THERE_IS, _BACK_ON, _LASTS, _CALL_TO_ACT)):
        return False
    return any(_SERVICE_QUESTION.match(clause) for clause in _clauses(plain))


_ANNOUNCED = re.compile(r"^(?:\w+ ){0,3}?(?:ik |wij |we )?(?:heb|hebben|had) "
                        r"(?:een |nog een |even een )?(?:vraag|vraagje|vragen)\b")


# "kan ik hier ook een vraag stellen?": whether asking is possible, no question yet
_ASKS_TO_ASK = re.compile(r"\b(?:kan|mag|kun) (?:ik|je|u) (?:hier |ook |u |jullie |via deze chat |"
                          r"in deze chat )*(?:een |iets |wat )?(?:vraag|vraagje|vragen) "
                          r"(?:stellen|vragen)\W*$"
                          r"|\bcan i ask (?:you )?(?:a |some )?questions?\W*$")


# "Kan ik NU nog bellen of niet?", "is de telefoon nu open?": open right now, not the hours.
_OPEN_NOW = re.compile(
    r"\b(?:kan|kun|mag) (?:ik|je|u) (?:\w+ ){0,2}?(?:nu|nou|op dit moment|vanavond) (?:\w+ ){0,2}?"
    r"(?:bellen|langskomen|langs komen|binnenlopen)\b"
    r"|\b(?:zijn|is) (?:jullie|de telefoon|het gemeentehuis|het loket|er iemand) (?:\w+ ){0,2}?"
    r"(?:nu|nou|op dit moment) (?:\w+ ){0,2}?(?:open|bereikbaar|aan de telefoon)\b"
    r"|\b(?:are you|is the (?:phone|office)) (?:\w+ )?open (?:right )?now\b", re.IGNORECASE)


def asks_if_open_now(text: str) -> bool:
    """Whether the municipality can be called or visited right now."""
    return bool(_OPEN_NOW.search(text or ""))


def announces_a_question(text: str) -> bool:
    """"Hallo, ik heb een vraag over iets bij ons in de straat": a question to come, not yet
    asked (no question mark, no question word after the announcement)."""
    plain = _normalise(text)
    clauses = _clauses(plain)
    if _ASKS_TO_ASK.search(plain) and not _is_report(plain):
        return True  # "ik ben doof, kan ik hier ook een vraag stellen?" (round r87)
    announced = [n for n, clause in enumerate(clauses) if _ANNOUNCED.match(clause)]
    return bool(announced) and "?" not in text and not _is_report(plain) and not any(
        _CLAUSE_QUESTION.match(clause) for clause in clauses[announced[0] + 1:])


def tells_something_wrong(text: str) -> bool:
    """Something broken, missed, forgotten by us or complained about ("nee er is niks
    kapot" is not)."""
    return _is_report(_NOTHING_WRONG.sub(" ", _normalise(text)))


def names_a_tax(text: str) -> bool:
    """The message names a municipal tax or its bill ("de aanslag", "afvalstoffenheffing")."""
    return bool(_TAXES.search(_normalise(text)))


# The resident says in so many words that they ask: "mijn vraag was of snoeiafval in de gft
# bak mag", "ik wil alleen weten of …" (a report intent then misheard the subject).
_ASKS_IN_WORDS = re.compile(
    r"\b(?:mijn|onze|de|die|m n|mn) vraag (?:is|was) (?:dus |juist |eigenlijk |alleen |gewoon )?"
    r"(?:of|wat|hoe|waar|wanneer|welke|wie|waarom|hoeveel|hoelang)\b"
    r"|\b(?:ik|wij|we) (?:wil|wilde|willen|wou) (?:\w+ ){0,2}weten (?:of|wat|hoe|waar|wanneer|"
    r"welke|hoeveel|hoelang)\b|\b(?:vraag|vroeg) (?:me|mij|ons) af (?:of|wat|hoe|waar|wanneer)\b"
    # "nee er is niks kapot. ik vroeg wanneer het oud papier wordt opgehaald" (round 85)
    r"|\bik (?:vroeg|vraag) (?:alleen |gewoon |juist |net )?(?:of|wat|hoe|waar|wanneer|welke|"
    r"hoeveel|hoelang)\b")


def asks_in_so_many_words(text: str) -> bool:
    """"Mijn vraag was of …", "ik wil alleen weten of …": a question, said to be one, that
    tells nothing wrong."""
    return bool(_ASKS_IN_WORDS.search(_normalise(text))) and not tells_something_wrong(text)


def is_question(text: str) -> bool:
    """True when the message asks something: a question mark, a question word or an
    inverted verb at the start of a clause ("kan ik", "wordt het"), or a phrase such
    as "is het mogelijk" or "ik vroeg me af" (Flemish forms too)."""
    if "?" in (text or ""):
        return True
    plain = _normalise(text)
    return bool(_QUESTION_PHRASE.search(plain)) or any(
        _CLAUSE_QUESTION.match(clause) for clause in _clauses(plain))


# "wat bedoelt u?", "waarom wilt u dat weten?": a question about the bot's own question.
_ABOUT_THE_QUESTION = re.compile(
    r"\b(?:wat|hoe|welke?) (?:\w+ )?bedoel\w*\b|\bbedoel(?:t|en) (?:u|je|jij|jullie)\b"
    r"|\bwaarom (?:wil|wilt|willen|moet|moeten|vraag|vraagt|hebben|heeft)\b"
    r"|\b(?:snap|begrijp) (?:ik )?(?:het|de vraag|uw vraag|dat) niet\b|\bwhat do you mean\b"
    r"|\b(?:moet|kan|mag) (?:ik )?(?:dat|dit|het) (?:ook )?(?:leeg )?(?:laten|overslaan)\b",
    re.IGNORECASE)


def asks_about_the_question(text: str) -> bool:
    """True when the resident asks what the bot's question means or why it asks it."""
    return bool(_ABOUT_THE_QUESTION.search(text or ""))


# Words around a question that say it was asked before, not what it asks.
_ASKED_BEFORE = re.compile(
    # "ja maar mijn vraag was eigenlijk of ik takken …": what follows "of" is the question
    r"^\W*(?:(?:ja|nee|oke|ok)\W+)?(?:maar )?(?:mijn|onze) vraag (?:is|was)\W+"
    r"(?:dus |juist |eigenlijk |alleen |gewoon )?(?:of )?"
    r"|^\W*(?:(?:u|je|jij|jullie) (?:gaf|gaven|geeft|geven|heeft|hebt|hebben) (?:\w+ ){0,2}?"
    r"(?:geen )?antwoord (?:\w+ ){0,2}?op (?:mijn|m'n|mn|de) vraag|(?:ik )?vroeg (?:\w+ ){0,2}?"
    r"(?:al|net)|(?:nog )?(?:een|mijn) vraag(?: nog)?|(?:en )?trouwens|(?:en )?nog iets)\W*",
    re.IGNORECASE)


# "WACHTEN JULLIE TOT ER EEN DOOD KIND LIGT???" (round r113: the dead-animal article): anger,
# not a question to answer with an article
_RHETORICAL = re.compile(
    r"\b(?:wachten|wacht) (?:jullie|u|de gemeente|ze|men) (?:\w+ ){0,3}?(?:tot|totdat|op)\b"
    r"|\bmoet(?:en)? (?:er )?(?:eerst|pas) (?:\w+ ){0,4}?(?:iemand|een kind|een ongeluk|doden|"
    r"gewonden|dood|gebeuren|vallen|verongelukken)\b"
    # "wat denk je zelf? natuurlijk wil ik weten wanneer jullie komen" (round r163)
    r"|\bwat (?:denk|dacht|denkt) (?:je|jij|u|jullie) (?:zelf|nou|nu)\b|\bwhat do you think\b"
    r"|\b(?:hoe vaak|hoeveel keer) (?:moet|moeten) (?:ik|we|wij) (?:\w+ ){0,3}?(?:nog )?(?:bellen|"
    r"melden|mailen|klagen)\b|\bwaar betaal ik (?:\w+ )?belasting voor\b"
    r"|\b(?:waiting|wait) (?:for|until) (?:someone|somebody|a child|a kid) (?:\w+ ){0,2}?(?:dies|"
    r"gets hurt|is killed|gets killed)\b", re.IGNORECASE)


def is_rhetorical(text: str) -> bool:
    """A question that voices anger ("moet er eerst een kind onder een auto komen?")."""
    return bool(_RHETORICAL.search(text or ""))


def what_it_tells(asked: str) -> str:
    """The clauses of a question sentence that tell rather than ask ("er ligt weer glas bij
    de glasbak, kan ik dat ook melden?"); "" when it only asks."""
    clauses = re.split(r",\s+", asked.strip())
    told = [clause for clause in clauses if not is_question(clause)]
    return ", ".join(told) if len(told) < len(clauses) else ""


def question_beside_an_answer(text: str) -> str | None:
    """The question sentence after an answer ("nee hoeft niet. gaan de lampen 's nachts
    uit?" → the lamps), or None when the message is one sentence or asks nothing."""
    sentences = [s for s in split_sentences(text) if s.strip() and not is_rhetorical(s)]
    # ("ja dat klopt. maar ik bedoelde wat de verklaring kost", round r237: a remark added)
    asked = [s for s in sentences[1:] if s.rstrip().endswith("?") and is_question(s)
             or wants_to_know(s) or _ASKED_WITHOUT_A_MARK.match(s)]
    return asked[-1] if asked else None


# "nee hoeft niet. wanneer halen jullie de kerstbomen op trouwens" (round r262 of session 62:
# dropped): a question word and a verb right after it ask, also without a question mark
_ASKED_WITHOUT_A_MARK = re.compile(
    r"^(?!.*\b(?:toch|gedoe|zonde|jammer|raar|vreemd|belachelijk)\b)"
    r"\W*(?:(?:en|o|oh|btw|trouwens|ook|nog)\W+)*(?:wanneer|hoe ?laat|hoe ?lang|hoeveel|"
    r"welke dag|waar|wat|hoe)\s+(?:kan|kun|kunnen|moet|moeten|mag|mogen|is|zijn|gaat|gaan|"
    r"komt|komen|halen|haalt|wordt|worden|kost|kosten|duurt|doe|doen|krijg|krijgen)\b",
    re.IGNORECASE)


# "trouwens", "nog een vraagske:", "btw quick question": a question of its own is coming
_ANOTHER_QUESTION = re.compile(
    r"^\W*(?:(?:en|o|oh|ah|ook)\W+)?(?:trouwens|btw|by the way|overigens|tevens|verder|daarnaast|"
    r"bovendien|ook|also|"
    # "Daarnaast zou ik graag weten of …" (round r54: the letter was turned away)
    r"(?:ik )?(?:zou|wil|wilde) (?:ik )?(?:graag |ook |nog )*weten|"
    r"(?:nog |ook |en )?(?:een |één )?(?:andere |tweede |kleine )?(?:vraag|vraagje|vraagske)|"
    r"(?:quick |other |another |one more )?question)\b", re.IGNORECASE)


def questions_beside_a_report(text: str) -> str | None:
    """The questions told after a report in the same message ("auto op de stoep bij
    Beukenlaan 5. trouwens hoe duur is een parkeervergunning"), or None: the first sentence
    tells, and a later one asks (a question mark, or "trouwens" before a question)."""
    sentences = [s for s in split_sentences(text) if s.strip()]
    if len(sentences) < 2:
        return None
    if is_question(sentences[0]):
        return _questions_before_a_report(sentences)
    # ("kunnen jullie dat opruimen?", "is dat iets voor jullie?": the report answers it)
    asked = [index for index, s in enumerate(sentences) if index and not is_rhetorical(s) and (
        ("?" in s or _OPENS_WITH_A_QUESTION.match(s)) and is_question(s)
        or _announced_question(s) or wants_to_know(s))
        and not asks_to_act_on_it(s)]
    return " ".join(_with_its_subject(sentences, index) for index in asked) or None




# "… al n week donker. en hoe krijg ik een parkeervergunning": a question without its mark
# ("… en waarom betalen wij eigenlijk hondenbelasting" grumbles: "waarom" needs its mark)
_OPENS_WITH_A_QUESTION = re.compile(
    rf"^\W*(?:(?:en|maar|o|oh|oja|trouwens|btw)\W+)*(?!waarom\b){_QUESTION_WORD}\s+(?:\w+\s+)?"
    rf"(?:{_SUBJECT}|{_VERB_FIRST})\b", re.IGNORECASE)


def _with_its_subject(sentences: list[str], index: int) -> str:
    """"We need a parking permit for our car. How do I apply?": a question that names no
    product, with the sentence before it that does (round r66 of session 40)."""
    asked, before = sentences[index], sentences[index - 1]
    if _names_a_product(asked) or not _names_a_product(before) or "?" in before or category_of(
            before) or says_damage(before) or category_of(asked):
        # (not "bij het bankje … zijn tegels opgewipt": a problem, own try s46; not "ik kwam
        # er langs met de auto. Mag ik die tak zelf aan de kant slepen?": the question's own
        # thing, round r275: the parking permit)
        return asked
    return f"{before} {asked}"


def _names_a_product(text: str) -> bool:
    return any(words.search(text) for words in PRODUCT_WORDS.values())


def _questions_before_a_report(sentences: list[str]) -> str | None:
    """"Wanneer is het milieupark open? En trouwens de lantaarnpaal bij ons doet het niet":
    questions that name no problem, then a problem told (round r66 of session 40: the
    question was lost in the report)."""
    # asked in the words of a question, not only with a question mark ("postcode weet ik
    # niet precies, 3582?")
    asked = [s for s in sentences if "?" in s and is_question(s.replace("?", " "))]
    told = " ".join(s for s in sentences if s not in asked)
    # (a question of an information topic stays one beside damage: "wanneer wordt het gft
    # opgehaald? En mijn groene container is kapot"; not "wie haalt het bedrijfsafval op? de
    # container zit propvol", which asks about what it tells)
    if (not asked or not told or category_of(told) is None
            or any(category_of(s) and (read_question(s) is None or not says_damage(told))
                   for s in asked)):
        return None  # "is het normaal dat de lantaarnpaal al een week uit is? …": the report
    return " ".join(asked)


def _announced_question(sentence: str) -> bool:
    cue = _ANOTHER_QUESTION.match(sentence)
    return bool(cue) and is_question(sentence[cue.end():].lstrip(" ,:;-"))


# "… en waar kan ik mijn oude verf kwijt?": "en" that begins another question.
_AND_ASKS = re.compile(rf"\s+(?:en|and)\s+(?=(?:{_PREPOSITION}\s)?{_QUESTION_WORD}\b"
                       rf"|{_VERB_FIRST}\s{_SUBJECT}\b)", re.IGNORECASE)


def question_parts(text: str) -> list[str]:
    """The separate questions of a message ("hoeveel kost een paspoort en waar kan ik mijn
    oude verf kwijt?" → two), each a question of its own words; one part or none when the
    message asks one thing or nothing."""
    # (not "niemand is overleden??": a death denied asks nothing, round r276: condolences)
    sentences = re.split(r"(?<=[?!])\s*|(?<=\.)\s+", without_a_death_denied(text or ""))
    parts = [part.strip() for sentence in sentences for part in _AND_ASKS.split(sentence)]
    return [part for part in parts if len(part.split()) >= 3 and is_question(part)]


# The words that name each product, for telling a product asked about from one the model
# only guessed ("die troep achter de kerk opruimen" is no parking permit).
PRODUCT_WORDS = {
    "parking_permit": re.compile(
        # (not "ze kan geen auto meer rijden, is er een taxi voor ouderen?", round r179)
        # ("automatisch een bsn" is no car, round r232 of session 58)
        # (not "wanneer komt de strooiwagen?", round r265: a car, not a gritter)
        r"parke|vergunning|kenteken|(?<!geen )\bauto(?!mat)|\bwagen|\bbezoek|\bpark(?:ing)?\b|"
        r"permit|"
        r"\bcar\b|"
        # (not "betalen": "is het gratis of moet ik betalen?" after the birth answer, r147)
        # (a ticket, not a voucher: "geld of een bon?" for carers, round r179 of session 52)
        # (a fine alone names no parking: "verhuisd vorige maand, krijg ik nu boete?" after
        # the moving answer, round r200 of session 54: the parking permit's fine)
        r"laadpa|camper|\bbus(?:je)?\b|parkeerbon|\bbon (?:gekregen|gehad|op|onder)\b",
        re.IGNORECASE),
    "passport_id_appointment": re.compile(
        r"pas+p|reispas|pasfoto|\bid\b|id-?kaart|identiteit|reisdoc|passport|\bid card",
        re.IGNORECASE),
    "driving_licence": re.compile(r"rijbewijs|rijbew|licen[cs]e|\bcbr\b", re.IGNORECASE),
    "moving_address_change": re.compile(
        # not "can i move it off the road?" about a hurt cat (round r128 of session 49)
        r"verhui|adres|inschrijv|uitschrijv|\bmov(?:e|es|ed|ing)\b(?!\s+(?:it|him|her|them|this|"
        r"that)\b)|address|wonen", re.IGNORECASE),
    "permit_question": re.compile(
        r"vergunning|ontheffing|bouw|dakkapel|schutting|kappen|evenement|permit",
        re.IGNORECASE),
    "bulky_waste_pickup": re.compile(
        # not "kan mijn zoon het ophalen?" after the licence answer, nor "kan ik dat bij het
        # gemeentehuis gewoon ophalen?" after the death certificate (round r135): collecting that
        rf"grof|bank|matras|{_FURNITURE_KAST}|koelkast|wasmachine|meubel|milieustraat|"
        r"opgehaald|bulky|"
        r"\A(?!.*\b(?:het|hem|die|dat|deze|ze)\b(?:\s+\w+){0,5}?\s+ophal)(?=.*ophal)|"
        r"furniture|sofa|mattress", re.IGNORECASE | re.DOTALL),
}


# "Nee geen paspoort, u had het al beantwoord", "ik vroeg NIET naar een paspoort" (round 81):
# the few words after the negation name the product the model heard.
_RULED_OUT = re.compile(
    r"(?:^\W*(?:nee+n?|no)\W+(?:\w+\W+)?(?:geen|niet|not|no)\s+"
    r"|\b(?:vroeg|vraag|bedoel\w*|gaat|ging|ga|asked|mean|am)\b(?:\s+\S+){0,3}?\s+(?:niet|geen|not)\s+)"
    r"([^\s.!?,;]+(?:[ \t]+[^\s.!?,;]+){0,2})", re.IGNORECASE)  # within its sentence


def product_asked(question: str, besides: str | None = None) -> str | None:
    """The one product (other than `besides`) a question names by its words ("hoeveel kost
    een paspoort?" → passport_id_appointment), or None when it names none or several."""
    named = [intent for intent, words in PRODUCT_WORDS.items()
             if intent != besides and words.search(question or "")]
    if len(named) > 1:  # "parkeervergunning": the word's head, not the "vergunning" in it;
        # "mijn paspoort ophalen": the passport, not a bare "ophalen" (round r263)
        named = [intent for intent in named if any(
            found.end() > found.start()
            and (not found.start() or not question[found.start() - 1].isalpha())
            for found in PRODUCT_WORDS[intent].finditer(question))]
    return named[0] if len(named) == 1 else None


# "TE LANG. gewoon link", "stuur me de link maar", "just the link please" (round r200 of
# session 54: "Kan ik u nog ergens mee helpen?" without a link)
_ONLY_THE_LINK = re.compile(
    r"\b(?:gewoon|alleen|alleen maar|enkel|stuur|geef|just|only|send)\s+(?:me\s+|mij\s+)?"
    r"(?:de\s+|die\s+|een\s+|the\s+|a\s+)?(?:link|url|linkje)\b"
    r"|\b(?:link|linkje|url)\s+(?:graag|aub|pls|please|svp)\b"
    r"|^\W*(?:de\s+|the\s+)?(?:link|linkje)\W*$",
    re.IGNORECASE)


def asks_only_the_link(text: str) -> bool:
    """The resident wants the answer's link instead of its text."""
    return bool(_ONLY_THE_LINK.search(text or ""))


def rules_out_the_product(text: str, intent: str) -> bool:
    """The resident says the product the model heard is not what they ask about."""
    words = PRODUCT_WORDS.get(intent)
    return words is not None and any(words.search(found.group(1))
                                     for found in _RULED_OUT.finditer(text or ""))


# A household bin asked for: an extra one, another size, one that was stolen (requested
# online, not reported): "een extra groene container aanvragen", "kliko gestolen".
_HOUSEHOLD_BIN = r"(?:\w*container|kliko|vuilbak|vuilnisbak|rolemmer|bin)"
_CONTAINER_REQUEST = re.compile(
    r"\b(?:extra|tweede|grotere|kleinere|andere) (?:\w+ )?(?:container|kliko|minicontainer|bak)"
    r"|\b(?:wil|willen|wilt|graag|nodig|krijgen|krijg) (?:\w+ ){0,3}?nieuwe? (?:\w+ )?"
    r"(?:container|kliko|minicontainer)"
    r"|\bnieuwe? (?:\w+ )?(?:container|kliko|minicontainer) nodig\b"
    r"|\b(?:container|kliko|minicontainer|bak)\w* (?:\w+ ){0,5}?(?:aanvragen|aan te vragen|"
    r"bestellen|omruilen|ruilen|gestolen|gejat|verdwenen|kwijt)\b"
    r"|\b(?:gestolen|verdwenen) (?:\w+ ){0,2}?(?:container|kliko|minicontainer|bak)\b"
    r"|\b(?:my|our|the) (?:\w+ )?(?:bin|container) (?:\w+ ){0,2}?(?:stolen|missing)\b"
    # "ik heb geen vuilbak, hoe krijg ik er een?" (round r270 of session 63: "container niet
    # geleegd"): no bin yet, and asks how to get one
    r"|\b(?:geen|no|don t have an?|do not have an?|haven t got an?) (?:\w+ )?"
    rf"{_HOUSEHOLD_BIN}\w*(?: \S+){{0,8}}? (?:hoe|waar|kan|kunnen|mag|how|where|can)"
    r" (?:\w+ ){0,4}?(?:krijg\w*|kom|aan|aanvragen|bestellen|regel\w*|get|order)\b"
    rf"|\b(?:hoe|waar) (?:krijg|vraag|bestel|kom) (?:ik|we|wij|je) (?:aan )?(?:een|eentje|zo n)"
    rf"(?: \w+)?? {_HOUSEHOLD_BIN}"
    # the pass that opens the containers (round r150 of session 51: a report form)
    r"|\b(?:afval|milieu|container)pas\w* (?:\w+ ){0,3}?(?:aanvragen|krijgen|nodig|gekregen)\b"
    r"|\b(?:get|apply for|need|never (?:got|had|have)) (?:a |the |my |one )?(?:\w+ )?(?:pass|card) "
    r"(?:for|of) (?:the )?(?:garbage|waste|rubbish|trash|bin|container)")
_COLLECTION_PROBLEM = re.compile(r"\b(?:vol|overvol|geleegd|geledigd|opgehaald|stinkt|"
                                 r"ligt|liggen|naast|emptied|kapot|stuk|broken|damaged|full|"
                                 r"stolen|missing)\b")


# "de grijze container zit elke week propvol met luiers.. kan ik een grotere krijgen?"
# (round r275: a report of the collection): a bigger or extra one asked, the bin named before
_BIGGER_ONE = re.compile(r"\b(?:een |eentje |n |a )?(?:grotere|groter|extra|tweede|bigger|larger|"
                         r"second)(?: \w+)?? (?:krijgen|aanvragen|bestellen|hebben|nodig|"
                         r"ruilen|omruilen|get|order|have|need)\b"
                         r"|\b(?:wil|willen|wilt|wou|graag|krijg|krijgen|get|want|need|order)\b"
                         r"(?: \w+){0,3}? (?:een|eentje|n|a) (?:grotere|bigger|larger)\b")
_NOT_COLLECTED = re.compile(r"\b(?:geleegd|geledigd|opgehaald|emptied|kapot|stuk|broken|damaged|"
                            r"gestolen|stolen|missing)\b")


def asks_for_a_container(text: str) -> bool:
    """The resident wants a (new, extra, other) household bin, which is requested online,
    not a problem with the collection to report."""
    plain = _normalise(text)
    if (_BIGGER_ONE.search(plain) and re.search(rf"\b{_HOUSEHOLD_BIN}", plain)
            and not _NOT_COLLECTED.search(plain)):
        return True  # (a full bin is why a bigger one is asked)
    return bool(_CONTAINER_REQUEST.search(plain)) and not _COLLECTION_PROBLEM.search(plain)


# Which bin a kind of waste goes in: "plastic afval welke bak", "plastik mag in grijze bak
# of niet", "waar moet piepschuim heen" (sorting is answered, not reported; round 80).
_WASTE_KIND = (r"(?:plastic|plastiek|plastik|pmd|blik\w*|drinkpak\w*|glas|papier|karton|"
               r"piepschuim|verf|batterij\w*|frituurvet|textiel|kleding|luiers?|gft|"
               r"etensresten|\w*afval|\w*pak(?:ken|jes)|flessen|potjes|grond|puin|hout|"
               r"elektro\w*)")
_WHICH_BIN = re.compile(
    rf"\b{_WASTE_KIND}\b(?: \w+){{0,3}} (?:welke|wat voor) (?:\w+ )?(?:bak|container|kliko)\b"
    rf"|\b(?:welke|wat voor) (?:\w+ )?(?:bak|container|kliko)\b(?: \w+){{0,3}} {_WASTE_KIND}\b"
    rf"|\b{_WASTE_KIND}\b(?: \w+){{0,2}} (?:mag|moet|kan) (?:\w+ ){{0,2}}(?:in|bij) (?:de |het )?"
    r"(?:\w+ )?(?:bak|container|kliko|restafval|gft|pmd)\b(?: \w+){0,2} (?:of niet|ja of nee)\b"
    rf"|\b(?:waar|where) (?:moet|mag|kan|laat|gooi|doe|do|does|should) (?:ik |je |i )?"
    rf"(?:\w+ ){{0,2}}{_WASTE_KIND}\b"
    # in English: "and the glass? grey bin or not", "where do i throw away empty wine bottles"
    # (round r153 of session 51: a report was started twice)
    r"|\b(?:glass|bottles?|jars?|plastic|paper|cardboard|cans?|batter(?:y|ies)|nappies|diapers|"
    r"garden waste|food waste|oil|clothes)\b(?: \S+){0,3}? (?:grey|gray|green|blue|black|"
    r"orange) (?:bin|container)\b(?: or not)?"
    r"|\bwhere (?:do|can|should|must) (?:i|we|you) (?:\w+ ){0,3}?(?:throw|put|bring|leave|"
    r"dump)\b|\b(?:which|what) (?:bin|container)\b"
    # "en afval, welke bak voor wat?" from a newcomer (round r177 of session 52)
    r"|\b(?:welke|wat voor) (?:bak|container|kliko)\w* (?:is )?(?:voor wat|waarvoor)\b")


def asks_which_bin(text: str) -> bool:
    """The resident asks where a kind of waste goes, and says nothing is wrong with a bin."""
    plain = _normalise(text)
    return bool(_WHICH_BIN.search(plain)) and not _COLLECTION_PROBLEM.search(plain)


def the_question(text: str) -> str:
    """What a question asks, without words that only say it was asked before ("u gaf
    geen antwoord op mijn vraag, gaan de lampen 's nachts uit?" → the lamps)."""
    return _ASKED_BEFORE.sub("", text or "").strip() or (text or "")


def read_question(text: str) -> str | None:
    """The topic key of a question the bot can answer with a link, `question` for any
    other question, or None (no question, or a report of something that went wrong)."""
    plain = _normalise(text)
    if not plain:
        return None
    for topic, reads in _TOPICS:
        if reads(plain, text):
            return topic
    if is_question(text) and (not _is_report(plain) or _INDOORS.search(plain)
                              or a_stray_alive(text) or _puts_own_things(plain)):
        # a leak in one's own home is no report for the street, nor a stray cat in the
        # garden ("al een week een zwerfkat, mag ik die houden?", round r130 of session 49)
        return QUESTION
    return None


# Whether the resident may put their own things somewhere: "kan ik ondertussen mn zak gewoon
# naast de container zetten" (round r223 of session 57: a report of dumped waste)
_MAY_I_PUT = re.compile(r"\b(?:mag|mogen|kan|kun|kunnen|moet|moeten) (?:ik|we|wij) (?:\w+ ){0,10}"
                        r"(?:zetten|neerzetten|leggen|neerleggen|plaatsen|laten staan|"
                        r"achterlaten)\b"
                        # "can I put my garbage bag next to the container?" (round r266)
                        r"|\b(?:can|may|could|should) (?:i|we) (?:\w+ ){0,2}?(?:put|leave|place|"
                        r"drop|set) (?:\w+ ){0,8}?(?:next to|beside|by|near|on|in front of)\b")


# "container … is niet geleegd, moet ik hem laten staan?" (round r230 of session 58): what to
# do with the thing reported, a report beside a question
_LEAVE_THE_REPORTED = re.compile(r"\b(?:mag|moet|kan) (?:ik|we|wij) (?:hem|het|die|ze|deze|de "
                                 r"(?:\w+ )?(?:container|bak|kliko|\w+bak))(?: \w+){0,3} "
                                 r"(?:laten staan|buiten laten staan)\b")


def _puts_own_things(plain: str) -> bool:
    leave = _LEAVE_THE_REPORTED.search(plain)
    return bool(_MAY_I_PUT.search(plain)) and not (
        leave and _is_report(f"{plain[:leave.start()]} {plain[leave.end():]}"))


# "er ligt een omgevallen fiets op de stoep, mag ik hem opzij zetten?": moving the thing
# reported out of the way, a report beside a question (own try, session 65)
_OUT_OF_THE_WAY = re.compile(r"\b(?:opzij|aan de kant|aan de zijkant|uit de weg|to the side|"
                             r"out of the way|aside)\b")


def asks_to_put_something(text: str) -> bool:
    """The resident asks whether they may put their own things somewhere."""
    plain = _normalise(text)
    return is_question(text) and bool(_MAY_I_PUT.search(plain)) and not (
        _OUT_OF_THE_WAY.search(plain))


# Inside one's home, or about the landlord: nothing for the municipality's outdoor crew.
_INDOORS = re.compile(r"\b(?:(?:in|binnen in) (?:mijn|m n|mn|ons|onze|het) (?:huis|woning|"
                      r"huurhuis|huurwoning|appartement|badkamer|keuken|slaapkamer|kamer)|"
                      r"verhuurder|huisbaas|huurbaas|woningcorporatie|woonstichting|"
                      r"huurcommissie|landlord|"
                      # the heating at home (round r133 of session 49: money worries, a report)
                      r"cv ?ketel|cv-ketel|chauffage|verwarming|boiler|heating|woningbouw\w*)\b")


# Something of the resident's own that is lost or stolen ("I lost my card for the bins"): no
# problem outside (round r266 of session 63: "I have noted: Stationsplein").
_OWN_LOSS = re.compile(
    r"\b(?:ik ben|we zijn|wij zijn|ben) (?:mijn|m'?n|mn|onze|ons) (?:\w+ ){0,2}?kwijt\b"
    r"|\b(?:mijn|m'?n|mn|onze|ons) (?:\w+ ){0,2}?(?:is|zijn|raakte|raakten) (?:\w+ )?"
    r"(?:kwijt|gestolen|verloren)\b"
    r"|\b(?:i|we) (?:have |'ve )?(?:lost|can'?t find|cannot find) (?:my|our)\b"
    r"|\b(?:my|our) (?:\w+ ){0,2}?(?:is|was|got) (?:lost|stolen)\b", re.IGNORECASE)


def tells_an_own_loss(text: str) -> bool:
    """The resident tells something of their own is lost or stolen."""
    return bool(_OWN_LOSS.search(text or ""))


def inside_the_home(text: str) -> bool:
    """The problem is inside the resident's home or the landlord's to fix ("schimmel in mijn
    badkamer, de huisbaas doet niks"): nothing for the municipality's outdoor crew."""
    return bool(_INDOORS.search(_normalise(text)))


# --- the topics, most specific first ---------------------------------------------------

# Paying that fails at a machine is a report about the machine, not money worries.
_MACHINE = re.compile(r"(?:automaat|meter|\bpin|\bapp\b|zuil|terminal)")


def _money_worries(plain: str, text: str) -> bool:
    return money_trouble(plain) and not _MACHINE.search(plain)


# A live animal in need: stuck, hurt or ill ("de kat zit al 2 dagen in de boom", "gewonde
# zwaan op de weg"). A dead animal is a report for the municipality; this is for 144.
_ANIMAL_WORDS = (r"(?:zwerf|straat)?(?:kat|katje|kitten|poes|poesje|kater|hond|hondje|puppy|dier|"
                 r"diertje|beest|beestje|vogel|vogeltje|eend|eendje|eenden|zwaan|duif|egel|konijn|vos|ree|reiger|meeuw|uil|"
                 r"cat|dog|bird|duck|swan|hedgehog|animal)s?")
_IN_NEED = re.compile(
    rf"\b{_ANIMAL_WORDS}\b(?: \w+| ,){{0,12}} (?:vast|klem|in (?:de|een) (?:\w+ )?boom|op het dak|"
    r"in (?:de|een) (?:put|sloot|gat|schoorsteen|goot)|in nood|gewond|aangereden|verdrinkt|"
    r"(?:erg |heel )?ziek|mank|bloedt|broodmager|uitgehongerd|sick|limping|bleeding|"
    # neglect is for 144 too: "een magere hond aan de ketting in de vorst" (round r123)
    r"verwaarloos\w*|mishandel\w*|vastgeketend|aan (?:de|een) ketting|chained|neglected|"
    r"mistreated|abused|starving|"
    r"kan niet (?:meer )?(?:naar beneden|eruit|weg|los|vliegen|lopen)|durft niet (?:meer )?"
    r"(?:naar beneden|eruit)|stuck|injured|trapped|up a tree|hit by a (?:car|bike|bus)|"
    r"run over)\b"
    rf"|\b(?:gewonde|aangereden|zieke|verwaarloosde|mishandelde|uitgehongerde|injured|hurt|"
    rf"sick|neglected|starving) {_ANIMAL_WORDS}\b")
_DEAD = re.compile(r"\b(?:dood|dode|dooie|kadaver|overleden|gestorven|dead)\b")


# "112 voor een kat? is er geen dierenambulance?" (round r123 of session 49: "Bel eerst 112")
_ANIMAL_HELP = re.compile(r"\b(?:dierenambulance|dieren ?ambulance|dierenpolitie|red een dier|"
                          r"animal ambulance|animal rescue|rspca)\b|\b144\b")


_A_STRAY_ALIVE = re.compile(r"\bzwerf(?:kat|katten|hond|honden|dier|dieren|poes)\b|\bgevonden "
                            r"(?:kat|hond|poes|dier)\b|\b(?:kat|hond|poes|dier) gevonden\b"
                            r"|\bstray (?:cat|dog|animal)s?\b|\bfound a (?:cat|dog)\b")


def a_stray_alive(text: str) -> bool:
    """A living stray or found animal ("er loopt een zwerfkat in mijn tuin"): no report."""
    plain = _normalise(text)
    return bool(_A_STRAY_ALIVE.search(plain)) and not _DEAD.search(plain)


def _animal_in_need(plain: str, text: str) -> bool:
    if _DEAD.search(plain):
        return False
    return bool(_IN_NEED.search(plain)) or bool(_ANIMAL_HELP.search(plain)
                                                and "?" in plain)


def animal_in_need(text: str) -> bool:
    """A live animal hurt, ill or stuck ("gewonde zwaan op de weg"): for 144."""
    return _animal_in_need(_normalise(text), text)


def _waste_pass(plain: str, text: str) -> bool:
    named = _PASS.search(plain) or (_LOOSE_PASS.search(plain) and _WASTE.search(plain))
    if not named:
        return False
    if _NEW_PASS.search(plain):
        return True
    return not (_CONTAINER.search(plain) and _BROKEN.search(plain))


# "niet meer op dinsdag geleegd … Kunt u mij zeggen welke dag dat nu is?": the new day asked
# for, not a report of a bin left full (round 88)
_WHICH_DAY_NOW = re.compile(r"\b(?:welke dag|welke dagen|op welke dag|"
                            r"wat is de nieuwe (?:ophaal)?dag|which day)\b(?: \w+){0,4} "
                            r"(?:nu|dan|voortaan|tegenwoordig|now)\b")


_DAY_CHANGED = re.compile(r"\b(?:niet meer op|sinds kort|veranderd|gewijzigd|nieuwe (?:ophaal)?dag|"
                          r"andere dag|verschoven|voortaan|changed)\b")


def _waste_help(plain: str, text: str) -> bool:
    """"Ik ben 79 en kan mijn container niet meer naar de straat brengen": help with the bin."""
    return bool(_CANNOT_PUT_OUT.search(plain) and (_CONTAINER.search(plain)
                                                   or _WASTE.search(plain)))


def _waste_calendar(plain: str, text: str) -> bool:
    if (_WASTE.search(plain) and _WHICH_DAY_NOW.search(plain) and _DAY_CHANGED.search(plain)
            and is_question(text)):
        return True
    # "de afvalkalender app werkt niet bij mij, welke dag is papier?": the app is no report;
    # "waar kan ik mijn kerstboom kwijt?" has an article of its own (session 36)
    if (_is_report(_APP_BROKEN.sub(" ", plain)) or _NEW_CONTAINER.search(plain)
            or _CHRISTMAS_TREE.search(plain) or _CANNOT_PUT_OUT.search(plain)):
        return False
    if _CALENDAR_ALONE.search(plain):
        return True
    if not _WASTE.search(plain):
        return False
    # A statement that names a day ("elke week ligt er weer afval …") is no calendar
    # question; a short query ("ophaaldagen gft 2027") is.
    asks = is_question(text) or len(plain.split()) <= 6 or bool(_DONT_KNOW_WHICH.search(plain))
    return bool(asks and (_CALENDAR_HINT.search(plain) or _COLLECTING.search(plain)))


# "ik weet niet meer welke bak er maandag aan de straat moet" asks without a question mark
# (round r125 of session 49: "Vervelend dat er iets mis is met het afval")
_DONT_KNOW_WHICH = re.compile(
    r"\b(?:weet|wist) (?:ik |je )?(?:\w+ )?(?:niet|nie)(?: meer)? (?:welke|wanneer|wat voor|"
    r"hoe laat)\b|\bben (?:\w+ )?vergeten (?:welke|wanneer)\b"
    r"|\b(?:don t|dont|do not) (?:know|remember) (?:which|when)\b")


_CHRISTMAS_TREE = re.compile(r"\bkerstbo\w+")
# "kunnen er drempels komen?", "wij willen graag een extra prullenbak": a wish, no report
_STREET_THINGS = (r"(?:verkeers)?drempel\w*|bankje\w*|zitbank\w*|prullenbak\w*|afvalbak\w*|"
                  r"fietsenrek\w*|(?:honden)?poepbak\w*|speeltoestel\w*|bloembak\w*|zebrapad\w*|"
                  r"oversteekplaats\w*")
_WISH = re.compile(
    rf"\b(?:{_STREET_THINGS})\b(?: \w+){{0,6}} (?:komen|bijkomen|erbij|plaatsen|neerzetten|"
    r"aanleggen|geplaatst|aangelegd|aanvragen)\b"
    rf"|\b(?:willen|wil|wilt|graag|wens\w*|verzoek|aanvragen|extra|meer)\b(?: \w+){{0,3}} "
    rf"(?:{_STREET_THINGS})\b")
# "ik kan mijn container niet meer naar de straat brengen": help asked, not the calendar
_CANNOT_PUT_OUT = re.compile(
    r"\b(?:niet|nie)\b(?: \w+){0,6} (?:naar|aan) de (?:straat|weg|stoep)\b(?: \w+){0,2}? "
    r"(?:brengen|zetten|krijgen|rijden|sjouwen|trekken)\b|\bte zwaar\b"
    # "kan niet meer zelf haar vuilniszakken naar de container brengen" (own try, session 46:
    # a report form)
    r"|\b(?:kan|kunnen|kun|lukt)\b(?: \w+){0,3} (?:niet|nie)\b(?: \w+){0,6} naar de "
    r"(?:\w+)?(?:container|bak|kliko)\b(?: \w+){0,2}? (?:brengen|krijgen|sjouwen|tillen|"
    r"lopen)\b")
_APP_BROKEN = re.compile(
    r"\b(?:afvalapp|afval ?app|app|afvalkalender|afvalwijzer|kalender|website|site|"
    r"milieuapp)\b(?: \w+){0,4} (?:werkt|doet|laadt) (?:\w+ )?(?:niet|nie|het niet)\b(?: meer)?"
    r"(?: \w+){0,2}")


def rules_out_bulky_waste(text: str) -> bool:
    """"nee geen grofvuil, ik bedoel de gewone vuilniszakken": not the bulky-waste pick-up."""
    return bool(_NOT_BULKY.search(_normalise(text)))


def _plain_topic(pattern: re.Pattern[str], *unless: re.Pattern[str]) -> Callable:
    """A topic read from its words alone, when the message is not a report."""

    def reads(plain: str, text: str) -> bool:
        return (bool(pattern.search(plain)) and not any(p.search(plain) for p in unless)
                and not _is_report(plain))

    return reads


# No or bad water from the tap: the drinking-water company's, not a report for the street
# ("er is bij ons al 3 dagen geen water uit de kraan", own try, session 46).
_NO_TAP_WATER = re.compile(
    r"\b(?:geen|nauwelijks|weinig|bruin|vies|troebel)\w* (?:\w+ ){0,2}water\b(?: \w+){0,4} "
    r"(?:uit de kraan|uit (?:onze|mijn|de) kranen)\b|"
    r"\b(?:kraan|kranen)\b(?: \w+){0,5} (?:geen|niks|niets|nauwelijks|bruin|vies) (?:\w+ )?"
    r"water\b|\bgeen (?:drink|kraan|leiding)water\b|"
    r"\b(?:kraanwater|drinkwater|leidingwater) (?:\w+ ){0,3}(?:bruin|vies|troebel|stinkt|weg)\b|"
    r"\b(?:geen|lage|weinig) waterdruk\b|\bwaterdruk (?:\w+ ){0,3}(?:weg|laag|slecht)\b|"
    r"\bno (?:tap |running |drinking )?water\b(?: \w+){0,4} (?:from|in|out of) (?:the |our |my )?"
    r"taps?\b|\b(?:tap|taps) (?:\w+ ){0,3}no water\b")


# Heavy fireworks kept or sold by someone: the police or Meld Misdaad Anoniem, not a report
# for the street crew, nor a permit (round r143 of session 50: the driving-licence answer).
_FIREWORKS_KEPT = re.compile(
    r"\b(?:vuurwerk\w*|cobra\w*|fireworks?)\b(?: \w+){0,8}? (?:schuur\w*|garage|kelder|zolder|"
    r"opgeslagen|opslaan|opslag|bewaart|bewaard|verkoopt|verkocht|shed|stored|storage|sells|sold)\b"
    r"|\b(?:schuur\w*|garage|kelder|zolder|opslag|slaat|bewaart|verkoopt|shed|stores|keeps|sells)"
    r"\b(?: \w+){0,8}? (?:vuurwerk\w*|cobra\w*|fireworks?)\b"
    r"|\b(?:illegaal|illegale|zwaar|zware|illegal|heavy) (?:\w+ )?(?:vuurwerk|fireworks?)\b")


_TOPICS: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("water_outage", lambda plain, text: bool(_NO_TAP_WATER.search(plain))),
    ("money_worries", _money_worries),  # "mijn man is overleden en nu heb ik geen inkomen"
    ("death", lambda plain, text: bool(_DEATH.search(plain)) and not _LONG_AGO.search(plain)
     and not _CLEARING_OUT.search(plain)),
    ("animal_in_need", _animal_in_need),
    ("fireworks_kept", lambda plain, text: bool(_FIREWORKS_KEPT.search(plain))),
    ("waste_pass", _waste_pass),
    ("bulky_waste_pickup", _plain_topic(_BULKY, _NOT_BULKY)),
    ("bulky_waste_pickup", _gets_rid_of_something_big),
    ("street_wish", _plain_topic(_WISH)),
    ("waste_help", _waste_help),
    ("waste_calendar", _waste_calendar),
    ("subsidies", _plain_topic(_SUBSIDIES)),
    ("care_at_home", _plain_topic(_CARE, _PARKING_CARD)),
    ("fines", _plain_topic(_FINES, _FINE_FOR_OTHERS)),
    ("taxes", _plain_topic(_TAXES)),
    ("parking_permit", _plain_topic(_PARKING)),
    ("permit_question", _plain_topic(_PERMITS, _PARKING, _SOMEONE_ELSE_DOES)),
    ("wedding", _plain_topic(_WEDDING, _WEDDING_BANTER)),
    ("benefits", _plain_topic(_BENEFITS)),
)
TOPICS = tuple(topic for topic, _ in _TOPICS) + (QUESTION,)


# --- reports ---------------------------------------------------------------------------

# The municipality asked to act on what was told: "kan de gemeente daar wat aan doen?",
# "kunnen jullie dat laten wegkuisen?" (round 91: both got "Daar heb ik geen antwoord op").
_ACT_ON_IT = re.compile(
    r"\b(?:kan|kunnen|kunt|wil|willen|zou|zouden) (?:de gemeente|jullie|u|iemand|je|ge) "
    r"(?:daar|er|hier) (?:\w+ )?(?:iets|wat) (?:\w+ )?aan doen\b|"
    # "doen jullie daar wat aan??" (own try, session 42)
    r"\bdoe[nt]? (?:de gemeente|jullie|u|iemand|je|ge) (?:daar|er|hier|dat) (?:\w+ )?(?:iets|wat|"
    r"niks|niets) aan\b|"
    r"\b(?:kan|kunnen|kunt|wil|willen|zou|zouden) (?:de gemeente|jullie|u|iemand|je|ge) "
    r"(?:nou |nu |even |dan )?(?:dat|dit|het|die|ze|dat ding|die troep) (?:\w+ )?"
    r"(?:laten |komen )?(?:wegkuisen|kuisen|opkuisen|weghalen|verwijderen|schoonmaken|opruimen|"
    r"wegpoetsen|overschilderen|ophalen|maken|repareren|afzetten|vastzetten|vervangen)\b|"
    # "kunt ge dat komen opkuisen?", "kan iemand komen opruimen" (round r85 of session 43)
    r"\b(?:kan|kunnen|kunt|kunde|wil|willen) (?:de gemeente |jullie |u |iemand |je |ge )?"
    r"(?:dat |da |dit |het |die |ze )?(?:nou |nu |even |dan )?komen (?:\w+ )?(?:wegkuisen|kuisen|"
    r"opkuisen|weghalen|opruimen|ophalen|repareren|maken|vervangen|afzetten)\b|"
    # "dood kat op straat in de Tulpenhof. wie haalt weg?": who comes to act on it
    r"\bwie (?:komt|gaat|moet|kan|zal) (?:(?:het|dat|dit|die|ze|hem) )?(?:weghalen|weg halen|"
    r"opruimen|opvegen)\b|"
    r"\bwie (?:haalt|ruimt|veegt) (?:(?:het|dat|dit|die|ze|hem) )?(?:weg|op)\b|"
    r"\bwordt (?:het|dat|dit|die|ze|hij) (?:nog |ook )?(?:weggehaald|opgeruimd|verwijderd)\b|"
    # "is dat ook iets voor jullie?" after an overgrown corner (round r182 of session 53:
    # the parking article answered it)
    r"\b(?:is|zijn) (?:dat|dit|het|die|zoiets|zo iets) (?:ook |nou |nu )?(?:iets )?(?:voor|van) "
    r"(?:jullie|u|de gemeente|gemeente)\b|\bhoort (?:dat|dit|het|die) (?:ook )?bij (?:jullie|de "
    r"gemeente)\b|\bis (?:this|that) (?:something )?for (?:you|the municipality)\b")


def asks_to_act_on_it(text: str) -> bool:
    """"Kunnen jullie dat laten wegkuisen?": the municipality asked to act on what was told."""
    return bool(_ACT_ON_IT.search(_normalise(text)))


def _is_report(plain: str) -> bool:
    """Something went wrong: missed, broken, full, forgotten by us, or a complaint; or the
    municipality is asked to act on it."""
    if _COMPLAINT.search(plain) or _BROKEN.search(plain) or _ACT_ON_IT.search(plain):
        return True
    if _FORGOTTEN_BY_US.search(plain) and not _FORGOTTEN_BY_RESIDENT.search(plain):
        return True
    return bool(_MISSED.search(plain)) and not (_FUTURE.search(plain)
                                                and not _PAST.search(plain))


# --- text ------------------------------------------------------------------------------

@lru_cache(maxsize=512)  # the policy asks several readers about the same message
def _normalise(text: str) -> str:
    """Lower case, no accents, words and '?' separated by single spaces, typos mended."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`´]", " ", text)
    text = re.sub(r"[^\w?.,;:!()\n-]+", " ", text)
    text = re.sub(r"([?.,;:!()])", r" \1 ", text)
    lines = [" ".join(_mended(line.split())) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


# English negations whose "t" stays one ("don't", not "don het")
_ENGLISH_NOT = frozenset("don can didn doesn isn won wasn aren haven hasn couldn wouldn "
                         "shouldn weren ain".split())


def _mended(words: list[str]) -> list[str]:
    """"t" is "het" ("lantaarnpaal doet t niet", round r266 of session 63), other words
    mended by `_mend`."""
    return ["het" if word == "t" and (i == 0 or words[i - 1] not in _ENGLISH_NOT)
            else _mend(word) for i, word in enumerate(words)]


def _clauses(plain: str) -> list[str]:
    clauses = (_LEADING_NOISE.sub("", part.strip()) for part in _CLAUSE_END.split(plain))
    return [clause for clause in clauses if clause]


def _mend(word: str) -> str:
    """A misspelt known word (one letter off, or two swapped) becomes the known word."""
    if len(word) < 5 or word in _VOCABULARY or is_established_word(word):
        return word  # "trouwens" is a word of its own, not "trouwen" misspelt
    for known in _VOCABULARY:
        if abs(len(known) - len(word)) <= 1 and _one_edit(word, known):
            return known
    return word


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def names_its_thing(question: str, about: str) -> bool:
    """The question names a thing the report is about ("de kliko laten staan?" beside "grijze
    kliko niet geleegd", round 82)."""
    words = {word for word in re.findall(r"\w{4,}", about.lower())}
    return any(word in words for word in re.findall(r"\w{4,}", question.lower()))


def asks_a_topic_of_its_own(text: str, about: str) -> bool:
    """"Nee hoor. Mag ik u nog iets anders vragen: wanneer wordt het oud papier opgehaald?"
    beside a report about a sign, "o en nog iets anders, mijn paspoort verloopt, moet ik een
    afspraak maken?": a topic of its own, not about the report (`about`, its description)
    and its handling (round 86-87)."""
    question = question_beside_an_answer(text) or next(
        (part for part in split_sentences(text) if part.rstrip().endswith("?")),
        text if is_question(text) else None)  # "wanneer komen ze oud papier ophalen? …"
    if not question or names_its_thing(question, about):
        return False
    topic = read_question(question)
    return topic not in (None, QUESTION) or any(
        PRODUCT_WORDS[document].search(question) for document in _DOCUMENTS) or bool(
        _OWN_AFFAIRS.search(question))


# Products that are never a report's own subject.
_DOCUMENTS = ("passport_id_appointment", "driving_licence")
# ... nor one's registration, income or care: "ik kom uit belgie, moet ik dan zelf een
# afspraak maken om mij in te schrijven?" beside a broken swing (round r231 of session 58:
# the hazard's safety advice)
_OWN_AFFAIRS = re.compile(r"inschrijv|uitschrijv|(?:in|uit) te schrijven|verhui[sz]|\bbsn\b|digid|"
                          r"\btrouwen\b|geboorte|"
                          r"uitkering|bijstand|\bwmo\b|toeslag", re.IGNORECASE)


# "ik woon in belgie en sta niet ingeschreven, hoe moet dat dan?" after the VOG answer (round
# r104 of session 45: the registration answer): what the resident tells, then a question
# that leans on the answer given ("hoe moet dat dan", "wat moet ik dan doen").
_THEN_QUESTION = re.compile(r"(?:^|[,.;:!?]\s*|\s(?:en|maar)\s)((?:hoe|wat|kan|mag|moet|waar|"
                            r"wanneer)\s+(?:\w+\s+){0,3}?(?:dan|dus)\b[^,.;:!?]*)\??\W*$",
                            re.IGNORECASE)


def then_question(text: str) -> str | None:
    """The closing "then"-question of a message that first tells the resident's situation
    ("…, hoe moet dat dan?"), or None."""
    found = _THEN_QUESTION.search(text or "")
    return found.group(1) if found and found.start(1) > 0 else None
