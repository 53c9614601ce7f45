"""Danger in residents' messages: the set in danger_messages.yml and a few single cases."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest
import yaml

import re

from bot.reading.danger import Danger, _alternation, fold, read_danger, sounds_alarming
from bot.reading.message import read_message

MESSAGES: Dict[str, List[str]] = yaml.safe_load(
    (Path(__file__).with_name("danger_messages.yml")).read_text(encoding="utf-8"))
# Which kinds count as a hit for each group of the test set.
ACCEPTED = {
    "emergency": {"emergency", "gas"},
    "gas": {"gas", "emergency"},
    "power": {"power", "emergency"},
    "hazard": {"hazard"},
}


def _misses(group: str) -> List[Tuple[str, Optional[Danger]]]:
    """Messages of a danger group that were not read as that group, with what was read."""
    found = [(text, read_danger(text)) for text in MESSAGES[group]]
    return [(text, danger) for text, danger in found
            if danger is None or danger.kind not in ACCEPTED[group]]


def _report(group: str, misses: List[Tuple[str, Optional[Danger]]]) -> None:
    total = len(MESSAGES[group])
    print(f"\n{group}: recall {total - len(misses)}/{total}")
    for text, danger in misses:
        print(f"  missed: {text!r} -> {danger}")


def test_the_set_is_big_enough() -> None:
    urgent = sum(len(MESSAGES[g]) for g in ("emergency", "gas", "power"))
    assert urgent >= 40
    assert len(MESSAGES["emergency"]) + len(MESSAGES["gas"]) >= 30
    assert len(MESSAGES["hazard"]) >= 15
    assert len(MESSAGES["ordinary"]) >= 40


@pytest.mark.parametrize("group", ["emergency", "gas", "power"])
def test_every_urgent_message_is_caught(group: str) -> None:
    misses = _misses(group)
    _report(group, misses)
    assert not misses


def test_hazards_are_read_as_hazards() -> None:
    misses = _misses("hazard")
    _report("hazard", misses)
    assert len(misses) <= len(MESSAGES["hazard"]) * 0.1


def test_ordinary_messages_are_not_danger() -> None:
    flagged = [(text, read_danger(text)) for text in MESSAGES["ordinary"]]
    flagged = [(text, danger) for text, danger in flagged if danger is not None]
    flagged_by_kind: Dict[str, int] = {}
    for _, danger in flagged:
        flagged_by_kind[danger.kind] = flagged_by_kind.get(danger.kind, 0) + 1
    print(f"\nordinary: {len(flagged)}/{len(MESSAGES['ordinary'])} wrongly flagged")
    for text, danger in flagged:
        print(f"  flagged: {text!r} -> {danger}")
    for kind in ("emergency", "gas", "power", "hazard"):
        caught = len(MESSAGES[kind]) - len(_misses(kind))
        wrong = flagged_by_kind.get(kind, 0)
        print(f"{kind}: precision {caught}/{caught + wrong}")
    assert len(flagged) <= 1


@pytest.mark.parametrize("text, kind, reason", [
    ("er is brand en ik ruik ook gas", "emergency", "fire"),
    ("ik ruik gas in de keuken", "gas", "gas"),
    ("moet ik 112 bellen?", "emergency", "asks_112"),
    ("er ligt een stroomkabel op straat", "emergency", "live_cable"),
    ("Er hangt na de storm een kabel los van een paal langs het fietspad, hij ligt half op "
     "het pad. lijkt een stroomkabel", "emergency", "live_cable"),
    ("er is gelukkig niemand gewond, wel ligt er een boom over de weg", "hazard", "tree"),
    ("er is een ongeluk gebeurd maar niemand is gewond, er ligt wel glas op het fietspad",
     "hazard", "glass"),
    ("someone is injured", "emergency", "injured"),
    ("mijn buurman is bewusteloos", "emergency", "unconscious"),
    ("mijn buurman is bewustloos", "emergency", "unconscious"),
    ("iemand is bekneld", "emergency", "trapped"),
    ("gaslucth", "gas", "gas"),
    # families of wording that a trial with residents found missing
    ("zijn hand zit klem tussen de deur van de bus", "emergency", "trapped"),
    ("HELP mijn zoon zit met zijn vinger vast in het fietsenrek", "emergency", "trapped"),
    ("er is een tak op een auto gevallen en er zit nog iemand in", "emergency", "trapped"),
    ("mijn oma krijgt moeilijk adem", "emergency", "breathing"),
    ("de grootvader van de buren reageert niet meer", "emergency", "unconscious"),
    ("er wordt volgens mij nu bij de bakker op de hoek ingebroken", "emergency", "crime"),
    ("my son swallowed a magnet", "emergency", "medical"),
    # a short key word with two letters swapped or one letter doubled
    ("brnad in de schuur!", "emergency", "fire"),
    ("ik ruik gass", "gas", "gas"),
    # round 36: someone outside a railing, a fall with a head wound and drowsiness
    ("er staat een meisje aan de verkeerde kant van de reling op de spoorbrug, ze huilt",
     "emergency", "jump_risk"),
    ("er klom net een jongen over de leuning van het viaduct", "emergency", "jump_risk"),
    ("mijn buurman van 80 is net gevallen, hij heeft bloed aan zijn hoofd en is een beetje suf",
     "emergency", "injured"),
    ("onze zoon is van het klimrek gevallen en is nu heel duizelig", "emergency", "injured"),
    ("de geiser sist", "gas", "gas"),
    # round 39: someone else's despair, told by a neighbour
    ("mijn buurman appte dat het voor iedereen beter is als hij er niet meer is", "emergency",
     "suicide"),
    # round 65: despair with little words inside, a stroke beside a request for a wheelchair,
    # a neighbour not seen for days
    ("ik zie het eerlijk gezegd allemaal niet meer zitten", "emergency", "suicide"),
    ("soms denk ik dat het beter is als ik er gewoon niet meer ben", "emergency", "suicide"),
    ("nee. ik wil gewoon dood", "emergency", "suicide"),
    ("ik heb zoveel schulden, ik wil eigenlijk niet meer leven", "emergency", "suicide"),
    ("kan de gemeente een rolstoel regelen voor mijn vader? hij praat sinds vanmiddag ineens "
     "heel raar en zijn mond hangt scheef", "emergency", "medical"),
    ("mijn buurvrouw van nummer 14 heeft al vier dagen haar gordijnen niet opengedaan en de "
     "kranten stapelen zich op in de bus", "emergency", "welfare"),
    ("ik heb bij haar aangebeld maar er wordt niet open gedaan en ik hoorde geklop binnen",
     "emergency", "welfare"),
    ("Ik maak me echt zorgen. Misschien is ze gevallen.", "emergency", "welfare"),
    # round 66: the dog she walks is no reason to think of an animal only
    ("de buurvrouw op nummer 14 in de Lindelaan heb ik al 4 dagen niet gezien, haar post puilt "
     "uit de brievenbus en de gordijnen zijn dicht. ze is normaal elke ochtend met de hond buiten",
     "emergency", "welfare"),
    ("in het speeltuintje bij het marktplein hangt de schommel nog maar aan 1 ketting",
     "hazard", "play_equipment"),
    # round 66: bare wires with children around them, power on the post, a needle in rubbish
    ("die lantaarnpaal is omver gereden, het luikje is eraf en je ziet de draden, er staan nu "
     "kleuters omheen", "emergency", "live_cable"),
    ("die draden liggen open en de kinderen zitten er met hun handen aan", "emergency",
     "live_cable"),
    ("er staat stroom op die paal!!! levensgevaarlijk", "emergency", "live_cable"),
    ("bij de lantaarnpaal is het luikje open en je ziet de draden", "hazard", "exposed_wires"),
    ("in die vuilzakken zitten ook glasscherven en een spuit", "hazard", "needles"),
    # a toddler at a railing is a fall (112), not despair (113)
    ("de kleuter van de buren staat op het balkon op de 4e verdieping en klimt over de reling",
     "emergency", "fall_risk"),
    ("er zit een klein kind van een jaar of 4 op de balkonrand op driehoog", "emergency",
     "fall_risk"),
    # round 67: carbon monoxide as symptoms, stroke signs beside a stair-lift question, an ex
    # at the door, farewell signs
    ("het ruikt al de hele dag raar in de badkamer waar de ketel hangt en ik en mn vriendin "
     "hebben allebei hoofdpijn en zijn zo suf", "emergency", "co"),
    ("mijn vader is gisteravond gevallen. hij kan zijn linkerarm niet goed optillen en zijn mond "
     "hangt een beetje scheef als hij praat. kan de gemeente een traplift regelen?", "emergency",
     "medical"),
    ("kan mijn ex een straatverbod krijgen. hij staat al 3 avonden voor mn deur en zegt dat hij "
     "vanavond terugkomt", "emergency", "home_violence"),
    ("nee de lamp is niet kapot. ik ben bang voor hem. hij heeft vorige week mijn ruit ingeslagen",
     "emergency", "home_violence"),
    ("kan de gemeente mijn kat ophalen als ik er straks niet meer ben. ik heb alles al opgeruimd "
     "en geregeld", "emergency", "suicide"),
    ("stoplicht op de kruising staat op alle kanten op groen?!", "hazard", "traffic_light"),
    # round r234 of session 58: the verb first, after a place
    ("Op de kruising bij de kerk doet het verkeerslicht voor voetgangers het niet meer sinds "
     "vanmiddag.", "hazard", "traffic_light"),
    ("Daarnaast hangt er bij de bushalte een tak half los uit de boom boven het fietspad.",
     "hazard", "tree"),
    ("het water staat tot aan de knie en er staan autos vast", "hazard", "flooding"),
    # round 68: sparks after "straks", power on the street, a man in the cold, a child hit
    ("na de storm hangt er een draad van de lantaarnpaal naar beneden. er komen straks "
     "kinderen langs en er komen vonkjes af", "emergency", "live_cable"),
    ("JA HET IS GEVAARLIJK ZEG IK TOCH. stroom op straat", "emergency", "live_cable"),
    ("bij het bankje op het marktplein ligt al een uur een oudere man, het vriest. hij mompelt "
     "alleen wat", "emergency", "unconscious"),
    ("ik heb geen klacht!! die man ligt hier te bevriezen wat moet ik doen", "emergency",
     "medical"),
    ("bij de buren is het elke avond geschreeuw en net hoorde ik de kleine weer huilen en een "
     "harde klap tegen de muur", "emergency", "home_violence"),
    # round 69: a fall on the ice, smoke called "walm", rotten eggs far from the smell, a leaning
    # tree, a burst main, an open drain, a partner who hit and threatens
    ("waarom is er niet gestrooid? mevrouw van hiernaast is er net op haar heup gevallen en zit "
     "nog op de stoep, ze krijgt haar been niet meer goed en begint te rillen", "emergency",
     "injured"),
    ("er kringelt zwarte walm uit de klep van de papierbak en het deksel is gloeiend heet",
     "emergency", "fire"),
    ("bij de buren ruikt het bij de voordeur al de hele ochtend heel sterk naar rotte eieren",
     "gas", "gas"),
    ("moet ik me zorgen maken over die eierenlucht?", "gas", "gas"),
    ("sinds de storm staat die grote populier scheef, de kluit komt aan 1 kant omhoog en hij "
     "kraakt als het waait", "hazard", "tree"),
    ("de stoep zakt in en sinds een uur borrelt er helder water tussen de tegels omhoog",
     "hazard", "water_main"),
    ("tegenover de school is het deksel van de put weg, net stapte een kleuter er bijna in",
     "hazard", "manhole"),
    ("hij heeft me gisteren weer geslagen en zegt dat hij me iets aandoet als ik wegga. hoe "
     "regel ik dat adres?", "emergency", "home_violence"),
    # round 70: pills ready, "ik wil gewoon niet meer", seen lying on the floor, gas smelled this
    # morning, a lamp post lying on the pavement
    ("ik heb alles opgeruimd en de pillen liggen klaar, na vanavond hoeft niemand zich meer "
     "druk om mij te maken", "emergency", "suicide"),
    ("nee. ik wil gewoon niet meer", "emergency", "suicide"),
    ("ik zie haar door het raam al sinds vanochtend op de keukenvloer liggen en ze doet niet "
     "open als ik klop", "emergency", "injured"),
    ("trouwens de buurman heeft vanochtend de hele tijd gas geroken in het trappenhuis", "gas",
     "gas"),
    ("er ligt al twee weken een kapotte lantaarnpaal op de stoep, kinderen spelen er", "hazard",
     "pole"),
    ("er ligt volgens mij iemand in die slaapzak. het heeft vannacht gevroren en hij reageert "
     "niet als ik roep", "emergency", "unconscious"),
    ("ze heeft onder die bomen gespeeld. en nu krijgt ze het ook benauwd", "emergency",
     "breathing"),
    ("ZE PIEPT BIJ HET ADEMEN", "emergency", "breathing"),
    # round 86: dumped sheets that may be asbestos; a fridge children can climb into
    ("er liggen kapotte golfplaten bij het speelveld, volgens mij asbest, de kinderen spelen "
     "ermee", "hazard", "asbestos"),
    ("10 werkdagen?? er ligt een koelkast naast de schommels, daar kunnen kinderen in kruipen!",
     "hazard", "fridge"),
    ("there is an old freezer in the park and the kids climb into it", "hazard", "fridge"),
    ("het verkeersbord voorrang verlenen op de kruising van de Hoofdstraat met de Kerkweg hangt "
     "scheef, automobilisten kunnen het niet goed meer zien", "hazard", "sign"),
    ("het stopbord is gedraaid, je ziet het niet meer als je aankomt", "hazard", "sign"),
    # round 90: a neighbour who does not open, beside a question about the town hall's hours
    ("wanneer is het gemeentehuis open op zaterdag? btw mijn buurvrouw van 89 doet al sinds "
     "gisteren niet open en haar gordijnen zijn dicht", "emergency", "welfare"),
    # round 90: suicidal thoughts told in passing beside a money question
    ("ik slaap er niet meer van en soms denk ik dat het allemaal niet meer hoeft. kan ik "
     "kwijtschelding krijgen?", "emergency", "suicide"),
    # round 89: an old mother confused, not eating or drinking; an old neighbour unseen
    ("ik was er net, ze was best verward en had volgens mij al 2 dagen niks gegeten en "
     "gedronken, maar goed dat is een ander verhaal", "emergency", "medical"),
    ("bak van buurman nr 24 staat al week buiten, hij is oud man, post komt uit brievenbus, ik "
     "zie hem niet meer", "emergency", "welfare"),
    # round 88: a scaffold swaying beside a school; a swing chain come loose; a man on a bench
    # who does not respond
    ("daar staat een steiger tegen de gevel die echt heen en weer zwiept in de wind, de kinderen "
     "gaan zo naar buiten voor de pauze", "hazard", "coming_down"),
    ("de schommel is kapot, een van de kettingen is losgeschoten en het zitje hangt scheef",
     "hazard", "play_equipment"),
    ("ligt ook al de hele ochtend een man op het bankje daar die niet reageert als je wat zegt, "
     "zal wel dronken zijn lol", "emergency", "unconscious"),
    ("hey! het klimrek in het speeltuintje aan de rozenlaan (die bij de vijver) wiebelt echt "
     "super erg, one of the poles is loose from the ground", "hazard", "play_equipment"),
    # round 87: a neighbour not seen, told in English beside another question
    ("and btw the guy in the flat below me hasn't opened his door in days and there's a "
     "weird smell in the stairwell, not sure who to tell", "emergency", "welfare"),
    ("my neighbour hasnt been seen for days and it smells bad in the hallway. who do I call??",
     "emergency", "welfare"),
    ("er is net een jongen met zijn fiets in gereden, zijn enkel ziet er niet goed uit",
     "emergency", "injured"),
    ("het water komt onder de voordeur door en de meterkast zit op de grond, zit daar al een "
     "laagje water in", "power", "water_and_power"),
    ("het luikje is eraf en er steken koperdraden uit, de kinderen zitten er steeds aan te "
     "pielen", "emergency", "live_cable"),
    # round 71: a toddler drowsy and vomiting after a sip, hardly waking up; a fall on the stairs
    # with a hip that cannot bear weight; "heeft hij me weer geslagen"; smoke from a bin with
    # fireworks in it, an orange glow; children on thin ice; a cable among the branches
    ("mijn zoontje van 2 heeft er een slok van gedronken en hij is nu wat suf en heeft "
     "overgegeven", "emergency", "medical"),
    ("ik krijg hem trouwens bijna niet wakker nu", "emergency", "unconscious"),
    ("ik ben gisteren gevallen op de trap, mijn heup doet nu erg pijn en ik kan er bijna niet "
     "op staan", "emergency", "injured"),
    ("gisteren heeft hij me weer geslagen waar de kinderen bij waren", "emergency",
     "home_violence"),
    ("de buren hebben vuurwerk in de container gegooid en nu komt er rook uit de container",
     "emergency", "fire"),
    ("die rook wordt wel meer, en ik zie een beetje oranje gloed", "emergency", "fire"),
    ("twee kleine jongetjes zonder ouders op het ijs, het ijs is nog heel dun en het kraakt",
     "emergency", "water"),
    ("tussen de takken ligt ook een zwarte kabel, de kinderen spelen er omheen", "emergency",
     "live_cable"),
    # round 72: a fall at home and not getting up, still on the floor; a scream to be let
    # go through the wall; sparks told with "er"; a flooded tunnel cars still drive into, a
    # woman in a car standing in the water
    ("vanochtend uitgegleden in de keuken en ik kom nu niet meer goed overeind", "emergency",
     "injured"),
    ("ik lig hier nog op de grond, maar het gaat wel", "emergency", "injured"),
    ("mijn moeder is vanochtend gestruikeld in de tuin en komt niet meer omhoog", "emergency",
     "injured"),
    ("mijn bovenbuurvrouw schreeuwde net dat hij haar moest loslaten", "emergency",
     "home_violence"),
    ("er hangt een kabel uit de paal en er vonkt iets", "emergency", "live_cable"),
    ("de onderdoorgang loopt vol water tot de portieren en er rijden nog steeds auto's door",
     "emergency", "water"),
    ("er staat een busje met een man erin stil in het water bij de sluis", "emergency",
     "water"),
    # round 73: chest pressure beside a care question; a beating by a boyfriend told with a
    # question about money, his coming to fetch her; despair in a money question; plugs in a
    # flooded cellar; a tree leaning against a house; glass a child cut his hand on
    ("ik vraag naar de regiotaxi, maar ik heb sinds een uur een beklemd gevoel op mijn borst",
     "emergency", "medical"),
    ("mijn partner heeft me vorige week geslagen, kan ik een urgentie voor een woning krijgen",
     "emergency", "home_violence"),
    ("hij zei dat hij me vannacht komt halen en ik ben doodsbang", "emergency", "home_violence"),
    ("ik slaap bij mijn zus omdat mijn man me gisteren weer heeft geslagen", "emergency",
     "home_violence"),
    # round 74: despair beside a question about money
    ("sinds mijn vrouw weg is heeft niks meer zin eigenlijk, waar kan ik terecht met mijn "
     "schulden", "emergency", "suicide"),
    ("ik kan de rekeningen niet meer betalen en zie het eigenlijk niet meer zitten",
     "emergency", "suicide"),
    ("de kelder is ondergelopen en de vriezer en een verlengsnoer liggen in het water",
     "emergency", "flooded_with_power"),
    ("de wilg in onze tuin, die leunt sinds de storm tegen het dak van de schuur", "hazard",
     "tree"),
    ("op het voetbalveldje liggen scherven, mijn dochter heeft haar knie gesneden", "hazard",
     "glass"),
    # round 80: a smell at a gas appliance; carbon monoxide felt since yesterday
    ("in de keuken hangt een vreemd luchtje rond de cv ketel", "gas", "gas"),
    ("onze gaskachel stinkt vandaag echt raar", "gas", "gas"),
    ("sinds gisteren ben ik duizelig en het ruikt vreemd bij de geiser", "emergency", "co"),
    ("they keep shooting at people near the station, ze schieten op voorbijgangers",
     "emergency", "violence"),
    # round 81: an open manhole told calmly, a neighbour unseen (in English), a housemate's
    # despair
    ("bij de bushalte ligt het deksel van de put ernaast, het is gewoon open", "hazard",
     "manhole"),
    ("best een diep gat daar, ik zag de bodem niet eens. er lopen veel kinderen langs",
     "hazard", "hole"),
    ("we have not seen the lady next door for five days and her newspapers are piling up",
     "emergency", "welfare"),
    ("mijn broer is zo somber, hij zei dat hij het liefst wil verdwijnen", "emergency",
     "suicide"),
    # round 83: a pole leaning after a truck hit it, and the fear that it falls
    ("de straatlamp voor nummer 12 doet het niet en hangt ook een beetje scheef sinds die "
     "vrachtwagen ertegen reed", "hazard", "pole"),
    ("kan die paal niet omvallen? er lopen hier elke dag kinderen langs", "hazard", "pole"),
    # round 85: the signs of a stroke after a fall, told beside a question about care
    ("Ik heb een vraag over hulp in huis. Mijn man is vanmorgen gevallen en sindsdien praat hij "
     "een beetje vreemd en hangt zijn mondhoek wat, maar hij zegt dat het wel meevalt.",
     "emergency", "medical"),
    ("my mother's face is drooping on one side and her speech is slurred", "emergency",
     "medical"),
    # round 84: a tree leaning over the swings after the storm, told in passing
    ("die grote boom bij de speeltuin hangt sinds de storm helemaal scheef over de schommels",
     "hazard", "tree"),
    # round 83: a wobbling scaffold over the pavement
    ("de steiger van de buren wiebelt flink als het waait en er liggen planken los boven de "
     "stoep", "hazard", "coming_down"),
    # round 82: a gutter hanging loose over the pavement
    ("bij nummer 16 hangt na de storm een stuk van de dakgoot half los boven de stoep",
     "hazard", "coming_down"),
    # round 91: the fall told first, the odd speech after it; a crooked mouth "een beetje"
    ("Mijn man is vanochtend gevallen in de badkamer en hij ligt nu op bed, hij praat een "
     "beetje raar sinds dien. Hoe kan ik hulp in huis aanvragen?", "emergency", "medical"),
    ("ik moet even bij mijn man kijken want hij wil niet goed uit bed komen en zijn mond hangt "
     "een beetje scheef", "emergency", "medical"),
    ("opa viel van de stoep en sindsdien spreekt hij onduidelijk", "emergency", "medical"),
    ("putdeksel weg stationsstraat", "hazard", "manhole"),
    # own try, round 93: the water in one clause, the child in the next
    ("het water in de vaart bij de brug, er drijft een kind", "emergency", "water"),
    # round 95: a toddler alone at the water beside a broken fence got only the fence report
    ("staat nu trouwens een klein jochie van een jaar of 3 in z'n eentje bij het water, zie "
     "nergens ouders", "emergency", "child_alone"),
    ("er zit een klein meisje bij de sloot, geen ouders te bekennen", "emergency",
     "child_alone"),
    ("a little boy is alone by the canal, no parents around", "emergency", "child_alone"),
    # round 96: harm told instead of named got 10 working days
    ("KUIL IN HET FIETSPAD BIJ DE SCHOOL, ER ZIJN AL 2 FIETSERS ONDERUIT GEGAAN", "hazard",
     "harm_told"),
    ("dat verkeersbord hangt nu scheef over de stoep, vanochtend liep er bijna een kind tegenaan",
     "hazard", "harm_told"),
    ("die tak boven het fietspad hangt op hoofdhoogte", "hazard", "harm_told"),
    # round 95: a corner named with a slash put the words too far apart
    ("het stoplicht bij de molenweg/kerkstraat staat sinds vanmorgen op oranje te knipperen",
     "hazard", "traffic_light"),
    ("de verkeerslichten bij de school werken al de hele ochtend niet", "hazard",
     "traffic_light"),
    ("dat paaltje staat zo raar, dat kan iemand in het donker raken", "hazard", "harm_told"),
    ("mijn buurman ligt al uren in zn tuin en doet niks", "emergency", "unconscious"),
    ("een oudere man zit in de war op de stoep en weet niet waar hij woont", "emergency",
     "lost_person"),
    ("the old man cant find his way home", "emergency", "lost_person"),
    ("er loopt een mevrouw in haar nachtjapon over straat, ze weet niet meer wie ze is",
     "emergency", "lost_person"),
    ("daar staat een boom op omvallen over de weg, het waait heel hard", "hazard", "tree"),
    ("er zijn jongeren met vuurwerk aan het gooien naar auto's op de parkweg", "emergency",
     "crime"),
    ("bij de school staat een man kinderen aan te spreken en ze mee te lokken naar zijn auto",
     "emergency", "crime"),
    ("er is een stuk van de gevel van de flat op de stoep gevallen", "hazard", "coming_down"),
    ("het ijs op de vijver is gebroken en er is een hond doorheen gezakt, de eigenaar gaat er "
     "achteraan", "emergency", "water"),
    # round r145 of session 50: bare wires at a school got 10 working days; a smell asked
    # about as gas got "Is er nu gevaar? Bel 112" in a loop
    ("bij de basisschool steekt een kapotte kabel uit de grond met blote koperdraden",
     "emergency", "live_cable"),
    ("het stinkt naar rotte eieren bij de putten in de kerkstraat, is het gas?", "gas", "gas"),
    # round r223 of session 57: pain now after a fall at home, the doctor closed ("from Monday")
    ("mijn man is vanochtend in de keuken uitgegleden en nu doet zijn knie zo'n pijn, de "
     "huisartsenpraktijk is gesloten", "emergency", "hurt_at_home"),
    ("my mum slipped on the stairs at home and her wrist hurts a lot", "emergency",
     "hurt_at_home"),
])
def test_single_cases(text: str, kind: str, reason: str) -> None:
    assert read_danger(text) == Danger(kind, reason)


@pytest.mark.parametrize("text", [
    "geen gevaar hoor, gewoon een losse tegel",
    "het brandt niet meer, de brandweer is al weg en alles is geblust",
    "de container brandt van de hitte in de zon?",
    "voordat er een ongeluk gebeurt moet hier een drempel komen",
    # round r140 of session 50: an idiom, 112 first for a letter about fireworks
    "mijn vrouw schrikt zich elke keer een ongeluk en ons hondje is doodsbang",
    # round r137 of session 50: "Call 112 now" for a car in front of a driveway
    "no danger. a car is parked in front of my driveway, i cannot get out. Stationsweg 22",
    "er staat een auto voor mijn uitrit, ik kan er niet uit",
    # round 95: who tows a wreck is no alarm
    "wordt dat wrak nou echt weggesleept? en wie doet dat, gemeente of politie?",
    "ik ruik geen gas meer, dank u",
    "",
    "   ",
    "112",
    "Dorpsstraat 112",
    # look-alikes of the families above
    "de slagboom bij de parkeergarage zit weer klem",
    "mijn sleutel zit vast in het slot van de fietsenstalling",
    "er wordt in onze wijk veel ingebroken, komt er meer politie?",
    "iemand heeft vannacht mijn scooter gestolen",
    "ik kom er niet uit met de aanvraag voor de parkeervergunning",
    "de buren maken weer ruzie, ze schreeuwen heel hard",
    # a leaking boiler leaks water; climbing at a playground; feeling dizzy oneself
    "weet jij een goeie loodgieter? mijn cv ketel lekt",
    "de kinderen klimmen steeds over het hek van de speeltuin",
    "ik ben gevallen met de fiets en voel me wat duizelig, kan ik de gemeente aansprakelijk "
    "stellen",
    # look-alikes of round 65's rules
    "ik wil dood hout laten ophalen",
    "de gordijnen van het gemeentehuis zijn dicht",
    "de folders liggen al dagen in de brievenbus van het lege huis",
    "misschien is hij gevallen door de storm, de lantaarnpaal bij ons",
    "mijn buurvrouw is op vakantie, de gordijnen zijn al dagen dicht en de post stapelt zich op",
    "mijn kat heb ik al 4 dagen niet gezien, ik maak me zorgen",
    "waar kan ik mijn insuline naalden inleveren", "de naalden van de kerstboom liggen overal",
    "ik heb hoofdpijn van het lawaai van de ketel van de buren",
    "mijn vader heeft sinds zijn beroerte een scheve mond en een slappe arm, kan hij een "
    "scootmobiel krijgen",
    "ik ben bang voor hem, de hond van de buren",
    "ik ben moe van alles, die verbouwing duurt eeuwig",
    "wie regelt mijn graf als ik er niet meer ben? ik heb een uitvaartverzekering",
    "de pakketbezorger staat elke dag voor mijn deur, komt hij terug?",
    "de waterleiding in de schuur gaat bevriezen, wat moet ik doen",
    # look-alikes of round 69's rules
    "de boom voor mijn huis staat een beetje scheef, kan die gesnoeid worden?",
    "het bankje in het park kraakt en wiebelt",
    "de kraan in de keuken lekt, er komt steeds water uit",
    "het regent hard en er komt water omhoog uit de put",
    "het deksel van de container is gloeiend heet in de zon",
    "mijn opa begon te rillen van de kou bij de bushalte, komt er een bushokje?",
    "mijn dochter viel bijna in slaap bij de put van de buren",
    "ik ben vorig jaar op mijn heup gevallen, kan ik een gehandicaptenparkeerkaart krijgen?",
    # look-alikes of round 70's rules
    "nee ik wil niet meer", "ik wil gewoon niet meer wachten op die vergunning",
    "de dierenarts zegt dat de pillen voor de hond klaar liggen",
    "de kinderen liggen op de grond te spelen",
    "ik krijg het benauwd van al die regels",
    "de watermeter zit in de meterkast, hoe lees ik die af",
    "mijn knie ziet er niet goed uit sinds de val vorig jaar, kan ik een parkeerkaart krijgen",
    # look-alikes of round 71's rules
    "ik krijg mijn puber s ochtends niet wakker", "de lucht kleurt oranje, een mooie rode gloed",
    "mag ik op het ijs van de vijver schaatsen met de kinderen? is het dik genoeg",
    # look-alikes of round 72's rules
    "vorige week ben ik gevallen en kon ik niet meer overeind komen, nu gaat het beter",
    "ik lig op de grond van het lachen", "ik lig op de vloer yoga te doen",
    "als ik val kom ik niet meer overeind, kan ik een alarmknop krijgen?",
    "de kinderen schreeuwen op het schoolplein dat de bal los moet",
    "de tunnel bij het station staat vaak onder water als het hard regent",
    "de fietstunnel is smerig en er ligt water",
    "mijn auto staat in de garage met een lekke band",
    # look-alikes of round 73's rules
    "mijn vader heeft al jaren pijn op de borst, kan hij een traplift krijgen?",
    "hij komt me morgen ophalen met de auto voor de afspraak",
    "ik weet niet of ik het volhoud om elke dag te sporten",
    "ik hou het niet meer vol met die herrie van de buren",
    "mijn wasmachine lekt, er staat water in de keuken",
    "de ladder leunt tegen het huis van de buren",
    "ik heb me gesneden aan het papier van de gemeentebrief",
    "het heeft niks meer zin om bezwaar te maken tegen die boete",
    # round 80: a past fall and a hole that fills with rain
    "mijn vader is er vorige maand over gestruikeld met zijn fiets. enkel gekneusd",
    "bij regen loopt die kuil vol water en zie je hem niet meer liggen",
    "het luchtje bij de geiser komt van de afvoer, het ruikt naar riool",
    "ik heb geen zin meer in dat gedoe met de parkeervergunning",
    "die lelijke graffiti moet echt verdwijnen",
    "I have not seen the bin men for two weeks",
    # round 85: a stroke long ago, told as the reason for a request
    "sinds zijn beroerte van jaren geleden praat hij wat onduidelijk, kan hij hulp krijgen?",
    # round 82: the animal was hit, told in a sentence of its own
    "er ligt een dode kat voor mijn huis op de stoep. Ik denk dat hij is aangereden.",
    # round 86: asbestos asked about, a fridge with children playing elsewhere
    "krijg ik subsidie voor het verwijderen van mijn asbest dak?",
    "de koelkast staat in de keuken en de kinderen spelen in de tuin",
    "het bord bij de school staat een beetje scheef",
    "the shop has not opened its door for days",
    "de gemeente die niet reageert op mijn mails",
    "ik zie haar niet meer sinds ze verhuisd is", "mijn opa is soms een beetje in de war",
    "het hoeft niet meer, de lamp is al gemaakt",
    "het gemeentehuis doet al dagen niet open, wat een gedoe",
    "my neighbour did not answer the door yesterday, he was at work",
    "er staat een koelkast op de stoep bij nummer 4, kan die opgehaald worden?",
    "mijn buurman praat raar tegen mij, ik voel me niet prettig",
    "onze papegaai praat ineens heel raar",
    "de brievenbus hangt een beetje scheef sinds de storm",
    "de putdeksel weg gehaald voor werkzaamheden, er staan hekken omheen",
    "er drijft een dode vis in de vijver, het stinkt",
    "er drijft een winkelwagen in de gracht bij de brug",
    "de buurman ligt in zijn tuin te zonnen",
    "ik weet niet waar hij woont, maar zijn auto staat al weken voor mijn deur",
    "mijn oma weet niet meer waar ze woont, ze is net verhuisd en ik wil haar adres doorgeven",
    "vorig jaar gooiden ze vuurwerk naar auto's, kan de gemeente camera's ophangen?",
    "de kinderen gooien stenen in de sloot",
    "mijn hond is erachteraan gegaan in het park",
    # session 36: housebound by the snow, not trapped
    "kunnen jullie de stoep sneeuwvrij maken? ik ben 82 en kan niet naar buiten",
])
def test_not_danger(text: str) -> None:
    assert read_danger(text) is None


def test_danger_knows_which_kinds_are_urgent() -> None:
    assert Danger("gas", "gas").urgent and Danger("power", "power_outage").urgent
    assert not Danger("hazard", "tree").urgent


def test_fold_removes_accents_case_and_stretched_letters() -> None:
    assert fold("BRAAAND bij Café ’t Hoekje, can't") == "brand bij cafe ’t hoekje, cant"


def test_word_lists_match_exactly_their_words() -> None:
    """The letter tree that keeps long word lists fast matches the words and nothing more."""
    words = ["man", "mannen", "mens", "meneer", "ma", "vrouw", "de hele dag", "power ?lines?"]
    pattern = re.compile(_alternation(words))
    for text in ["man", "mannen", "mens", "meneer", "ma", "vrouw", "de hele dag", "powerlines",
                 "power line"]:
        assert pattern.fullmatch(text), text
    for text in ["m", "mann", "menee", "mannetje", "vrouwen", "de hele", "powe"]:
        assert not pattern.fullmatch(text), text


UNSEEN: Dict[str, List[str]] = yaml.safe_load(
    (Path(__file__).with_name("danger_unseen.yml")).read_text(encoding="utf-8"))


def test_unseen_danger_gets_112_from_the_rules_or_the_alarm_words() -> None:
    """What residents see: an urgent reading, or the 112 question of the alarm-word net."""
    from bot.reading.message import read_message

    urgent = [text for group in ("emergency", "gas", "power") for text in UNSEEN[group]]
    missed = [text for text in urgent
              if read_message(text).danger not in ("emergency", "gas", "power", "unsure")]
    print(f"\nunseen urgent: {len(urgent) - len(missed)}/{len(urgent)}; missed: {missed}")
    assert len(missed) <= 0.05 * len(urgent)


def test_unseen_ordinary_messages_with_alarming_words_are_no_emergency() -> None:
    """No alarm; a resident who asks whether to call 112 gets that question answered (112 when
    people are in danger, else the report), which is no alarm either."""
    wrong = [(text, found) for text in UNSEEN["none"]
             for found in [read_danger(text) or Danger("none", "")]
             if found.urgent and not (found.reason == "asks_112" and "112" in text)]
    assert not wrong


def test_unseen_street_hazards_are_reported_first_and_send_no_one_to_112() -> None:
    """An open manhole or a tree across the cycle path: high priority, not "Bel nu 112"."""
    readings = [read_danger(text) for text in UNSEEN["hazard"]]
    assert not [text for text, found in zip(UNSEEN["hazard"], readings) if found and found.urgent]
    assert sum(1 for found in readings if found and found.kind == "hazard") >= 0.7 * len(readings)


@pytest.mark.parametrize("text, alarming", [
    ("er ligt een boom over de weg, niemand gewond gelukkig", False),
    # session 58, batch 3: anger and a slipping wheel are no explosion or shooting
    ("ALS IK NOG 1 KEER EEN PARKEERBON KRIJG DAN ONTPLOF IK ECHT", False),
    ("rooster van de goot ligt los, je fietswiel schiet er zo in", False),
    ("ik hoorde net een harde knal en nu is de gasfles ontploft", True),
    ("geen gewonden, wel veel glas op straat", False),
    ("niet iets voor 112 hoor, maar de reling zit los", False),
    ("er is iemand gewond geraakt door een tak", True),
    ("mijn buurman bloedt", True),
    ("Mijn moeder (87) redt het niet meer met het huishouden en de douche. Zij heeft hulp "
     "nodig. Waar kan ik dat aanvragen?", False),
    ("Mijn moeder is gevallen. Zij heeft hulp nodig.", True),
    ("Nee dank u, dat hoeft niet. Mijn kleinzoon kijkt wel of hij weer brandt.", False),
    ("er brandt iets bij de buren", True),
    ("dus ik moet de politie bellen? komen die echt voor muziek", False),
    ("Mijn man is sinds zijn herseninfarct erg achteruit gegaan en ik kan de zorg en het "
     "huishouden niet meer alleen aan.", False),
    ("dat vroeg ik niet. SPOED aanvraag, kan dat?", False),
    ("en hoeveel moet ik betalen voor die spoed?", False),
    ("het noodgeval is voorbij. ik wil de kapotte trap melden", False),
    ("SPOED!! mijn buurman ligt op de grond", True),
    # round 82: a dead cat that was hit
    ("er ligt een dode kat op de stoep, ik denk dat hij is aangereden", False),
    # round 83: a cut-off for unpaid energy bills
    ("de afsluiting van gas en stroom is volgende week, met een baby. wat moet ik doen", False),
    # round 80: haste, not shooting
    ("kunnen jullie een beetje opschieten? schiet nou maar op", False),
    ("dat schiet niet op zo, al twee weken", False),
    # session 50: fireworks kept in a shed, feared to explode: the police, not 112
    ("mijn buurman heeft een schuur vol zwaar vuurwerk, ik ben bang dat het ontploft", False),
    ("er is net iets ontploft in de schuur van de buren", True),
])
def test_danger_ruled_out_in_words_is_no_alarm(text, alarming):
    assert sounds_alarming(text) is alarming


def test_a_carer_who_cannot_go_on_is_no_confused_person_at_a_lake():
    """"ik kan niet meer" holds "meer", which is a lake only as "het meer"."""
    text = ("mijn moeder blijft alleen achter in het huis, ze is dement aan het worden. "
            "ik zorg al maanden voor allebei en ik kan niet meer. is er hulp voor mij?")
    assert read_message(text).danger is None
    assert read_danger("een verwarde oude man in zijn pyjama loopt bij het meer").kind == \
        "emergency"


def test_a_street_lamp_that_does_not_burn_is_no_alarm():
    text = ("Goedemiddag, ik wil graag melden dat de lantaarnpaal voor mijn deur al een week "
            "niet brandt. Ik woon op de Wilhelminastraat 22.")
    assert read_message(text).danger is None
    assert read_message("er brandt een auto in de Kerkstraat").danger == "emergency"


@pytest.mark.parametrize("text", [
    "de lantaarnpaal op de hoek Kerkstraat/Molenweg brand al weken niet, ik durf s avonds niet "
    "meer naar buiten",
    "straatlamp brand nog steeds niet",
])
def test_brand_for_brandt_said_of_a_light_is_no_fire(text):
    assert read_message(text).danger is None
    assert read_danger("het licht ging uit en toen brand in de meterkast").kind == "emergency"


@pytest.mark.parametrize("text", [
    "Op de Kerkstraat ligt een putdeksel naast de put, het gat is gewoon open.",
    "het voorrangsbord op de kruising beukenlaan schoolstraat is omgewaaid en ligt in de berm",
    "het verkeersbord ligt op de grond",
    "wordt het wel snel opgepakt? het gat is open, er kan iemand in vallen",
    "Er zit een gat in het fietspad langs de molenweg. Wel 30 cm diep, fietsers zien het niet",
    "kuil in de weg bij de school, in het donker zie je hem echt niet",
    "de schoorsteen van de buren hangt scheef en er vallen al stenen op de stoep, daar lopen "
    "kinderen naar school",
])
def test_open_holes_and_fallen_signs_are_hazards(text):
    assert read_danger(text).kind == "hazard"


def test_going_to_the_police_is_no_alarm_but_calling_them_is():
    assert read_message("moet ik eerst naar de politie?").danger is None
    assert read_message("bel de politie!").danger is not None


@pytest.mark.parametrize("text, alarming", [
    # round r274: beside a correction of the place, the danger question swallowed it
    ("nee het is niet de eikenlaan maar de beatrixlaan bij de lidl, de politie heeft het al "
     "afgezet", False),
    ("de brandweer staat er al bij, ze zagen de tak door", False),
    ("police is already there, they closed the road", False),
    ("stationsplein, tegenover de frituur. de politie zei trouwens dat ik da bij jullie moest "
     "melden", False),
    ("de politie is er nog niet en er ligt iemand onder de boom", True),
    # round r275: 113 for a traffic light that never turns green, near a bridge
    ("1) bij de brug zit een diep gat 2) het fietsstoplicht bij het kruispunt staat altijd op "
     "rood, hij springt nooit op groen", False),
    ("er staat een man op de brug, hij springt bijna", True),
    ("er is een vechtpartij, de politie moet komen", True),
])
def test_help_there_or_a_light_that_springs_is_no_call_for_it(text, alarming):
    assert (read_message(text).danger not in (None, "hazard")) is alarming


@pytest.mark.parametrize("text, said", [
    ("nou dit IS gevaarlijk, uitstekende spijkers. nee berichten hoeven niet", True),
    ("Het is gevaarlijk!", True),
    ("levensgevaarlijk voor de kinderen die daar spelen", True),
    ("is het gevaarlijk om aan te raken ja of nee", False),
    ("is dat gevaarlijk?", False),
    ("het is niet gevaarlijk hoor, alleen lelijk", False),
    # round 81: a request for priority with its reason
    ("kan er iets met voorrang gebeuren want over de weg rijden is niet echt veilig", True),
    ("is het niet veilig?", False),
    # session 47: someone will get hurt
    ("er zit een gat van 20 cm, daar breekt nog iemand zijn nek", True),
    ("someone is going to get hurt there", True),
    ("breekt er een kind zijn been?", False),
    # round r162 of session 52: said with "toch" and question marks
    ("ja versturen. maar dit IS toch gevaarlijk?? 10 dagen is veel te lang", True),
    ("dat is toch niet veilig voor die kinderen?!", True),
    ("is het toch gevaarlijk?", False),
    ("het is toch niet gevaarlijk?", False),
    ("U schreef 10 werkdagen. Dat is wel erg lang, ik kan vallen. Kan het niet eerder?", True),
    ("kan ik vallen als ik erover loop?", False),
    ("best diep hoor, zo 15 cm. als je daar in het donker in rijdt lig je op je bek", True),
    # round r182 of session 53: said in broken Dutch, then asked
    ("10 dagen voor glas?? kinderen kan snijden. kan sneller?", True),
    ("nee ik heb al gemeld! nummer 8. glas is gevaarlijk, kan voorrang?", True),
    ("is het gevaarlijk, kan ik er langs?", False),
    ("kan een kind zich snijden aan dat glas?", False),
    # round r187 of session 53
    ("10 dagen?? gat is groot, fietser kan vallen, vandaag bijna ongeluk", True),
    ("kan een fietser daar vallen?", False),
    # round r194 of session 53
    ("ja dat zeg ik toch, ik viel er bijna in. het is zeker 10 cm diep", True),
    ("viel je er bijna in?", False),
    # round r219 of session 56: a question, then what can happen
    ("pas over 10 werkdagen?? waarom zo laat, er kan een kind in vallen", True),
    ("10 WERKDAGEN?? er kan iemand op de fiets in vallen en zijn nek breken", True),
    ("kan er iemand in vallen?", False),
])
def test_the_resident_saying_it_is_dangerous(text, said):
    from bot.reading.danger import says_it_is_dangerous
    assert says_it_is_dangerous(text) is said


@pytest.mark.parametrize("text, hazard", [
    ("op het marktplein is een bankje kapot en er steken spijkers uit", True),
    ("er steken schroeven uit het hek bij de school", True),
    ("ik zoek een schroevendraaier voor mijn bank", False),
])
def test_sharp_things_sticking_out_of_street_furniture_are_a_hazard(text, hazard):
    danger = read_danger(text)
    assert (danger is not None and danger.kind == "hazard") is hazard


@pytest.mark.parametrize("text, alarming", [
    ("mijn buren stoken elke avond hun houtkachel en de rook komt mijn slaapkamer in", False),
    ("112?? nee joh het is geen brand, ik wil alleen weten of het mag", False),
    ("er komt rook onder de deur van de buren vandaan", True),
])
def test_stove_smoke_and_a_ruled_out_fire_sound_no_alarm(text, alarming):
    assert sounds_alarming(text) is alarming


@pytest.mark.parametrize("text", [
    "soms denk ik dat iedereen beter af is zonder mij",
    "ik wil gewoon niet meer wakker worden",
])
def test_despair_told_indirectly_is_a_crisis(text):
    assert read_danger(text) == Danger("emergency", "suicide")


@pytest.mark.parametrize("text, alarming", [
    ("nee er is niemand gestoken hoor", False),
    ("mijn rookmelder piept om de minuut, er is geen rook of brand", False),
])
def test_harm_and_fire_ruled_out_in_words_sound_no_alarm(text, alarming):
    assert sounds_alarming(text) is alarming


def test_asking_whether_it_is_dangerous_is_not_saying_so():
    from bot.reading.danger import says_it_is_dangerous
    assert not says_it_is_dangerous("het is in mijn huis, ik vraag alleen of het gevaarlijk is")


def test_someone_who_may_be_inside():
    from bot.reading.danger import someone_may_be_inside
    assert someone_may_be_inside("mijn buurvrouw doet niet open en ze is al oud")
    assert not someone_may_be_inside("welk nummer moet ik bellen?")


@pytest.mark.parametrize("text, urgent", [
    ("hallo?? hij drijft nog steeds", True),
    ("HIJ DRIJFT NOG IN DE VIJVER WAT MOET IK DOEN", True),
    ("de eend drijft in de vijver", False),
    ("er drijft een fiets in de sloot", False),
])
def test_someone_floating_is_an_emergency(text, urgent):
    danger = read_danger(text)
    assert (danger is not None and danger.kind == "emergency") is urgent


def test_a_rush_application_is_no_alarm():
    assert not sounds_alarming("kan het ook met spoed? voor de zekerheid")
    assert sounds_alarming("spoed! er ligt iemand op straat")


def test_not_daring_to_call_said_verb_first():
    from bot.reading.danger import says_cannot_call
    assert says_cannot_call("113 bellen durf ik niet. kan de gemeente mij helpen met die schulden?")
    assert not says_cannot_call("ik ga zo bellen")


@pytest.mark.parametrize("text, called", [
    ("politie en ambulance zijn er nu", True),
    ("ok de politie heeft haar naar binnen gebracht", True),
    ("de politie is hier nog niet", False),
    ("de brandweer komt niet", False),
    ("ik heb 112 nog niet gebeld", False),
    ("kan er hulp komen?", False),
])
def test_help_called_or_there(text, called):
    from bot.reading.danger import help_called
    assert help_called(text) is called


@pytest.mark.parametrize("text", [
    "er komt rook uit de schoorsteen en het dak vat vlam",
    "vuurkorf omgevallen, het vuur slaat over naar de schuur",
    "de buren stoken in de open haard en nu komt er rook onder onze deur door, alarm gaat af",
])
def test_a_fire_that_spreads_from_a_stove_still_sounds_the_alarm(text):
    assert sounds_alarming(text)


@pytest.mark.parametrize("text", [
    "Ik wil niet meer wakker worden van die vuilniswagen om 5 uur 's ochtends!",
    "ik trek het niet meer met die hangjongeren",
])
def test_nuisance_complaints_are_no_crisis(text):
    assert read_danger(text) is None


@pytest.mark.parametrize("text", ["ik zie niks, het is pikdonker, wat moet ik doen?",
                                  "we zijn allemaal buiten, niemand is nog binnen",
                                  "de storingsdienst reageert niet"])
def test_nobody_said_to_be_inside(text):
    from bot.reading.danger import someone_may_be_inside
    assert not someone_may_be_inside(text)


def test_deaf_is_no_way_to_call_but_not_when_negated():
    from bot.reading.danger import cannot_use_the_phone, says_cannot_call
    assert cannot_use_the_phone("ik ben doof en kan niet bellen")
    assert cannot_use_the_phone("ik ben slechthorend")
    assert not cannot_use_the_phone("ja ik ben toch niet doof")
    assert not says_cannot_call("ik ben doof")


def test_dangerous_said_first_and_denied():
    from bot.reading.danger import says_it_is_dangerous
    assert not says_it_is_dangerous("Gevaarlijk is het niet, alleen lelijk")


@pytest.mark.parametrize("text, reason", [
    ("mijn ex staat beneden voor de deur te schreeuwen dat hij me wat aandoet", "threat"),
    ("er staat een man op de brug over de reling te kijken, hij ziet er heel verdrietig uit",
     "jump_risk"),
])
def test_a_threat_at_the_door_and_someone_sad_on_a_bridge(text, reason):
    assert read_danger(text) == Danger("emergency", reason)


@pytest.mark.parametrize("text", [
    "ik ben 79, kan ik iemand aan de telefoon krijgen over de WMO, ik heb hulp nodig in het "
    "huishouden",
    "de buren maken elke nacht herrie en de politie doet niks",
    # round 87: help with money
    "and is there any help for the kids, like school costs or sports club? money is really "
    "tight",
    # round 89: what the resident did or will do
    "Ik heb de schommel nu over de bovenste stang geslagen zodat niemand erop kan.",
    "Goed, dan bel ik de politie wel even. Dank u.",
])
def test_help_at_home_and_police_that_do_nothing_sound_no_alarm(text):
    assert not sounds_alarming(text)


@pytest.mark.parametrize("text", [
    # round r183 of session 53: "in huis" was read as the place and left out, and with it
    # the words that make "hulp nodig" care at home
    "geld? nee daar gaat het niet om. ze heeft hulp nodig in huis",
    # round r184: a request for priority, a branch moved aside
    "kunt u het niet spoed maken of iemand bellen die het kan afzetten?",
    # round r185: a polite request for haste in a letter
    "Op de hoek liggen tegels scheef omhoog. Zou u hier met enige spoed naar willen laten "
    "kijken? Met vriendelijke groet",
    # round r186: a stroke that was, and care at home asked for
    "hallo. mijn man hij heeft beroerte gehad. nu rolstoel. onze huis trap heel moeilijk, "
    "douche boven. kan gemeente helpen voor traplift of iets?",
    # round r192: the same in English (112 four times, then first aid)
    "my father in law had a stroke and after the stroke he is in a wheelchair now. can the "
    "municipality pay for a stairlift??",
    "ow wacht ik zie net door het raam dat de buurman hem al aan de kant heeft gesleept. "
    "hoeft dus niet meer eigenlijk, sorry!",
])
def test_care_at_home_priority_and_a_branch_moved_aside_are_no_alarm(text):
    reading = read_message(text)
    assert reading.danger is None and not reading.alarm


def test_someone_dragged_inside_still_sounds_an_alarm():
    assert read_message("hij heeft haar aan haar haren naar binnen gesleept").alarm


@pytest.mark.parametrize("text, called", [
    ("ambulance is coming. he is out, breathing but very cold", True),
    ("the police are on their way", True), ("i need help", False), ("help! fire", False)])
def test_help_on_its_way_in_english(text, called):
    from bot.reading.danger import help_called

    assert help_called(text) is called


@pytest.mark.parametrize("text", [
    "in de speeltuin aan de Merelstraat is de schommel kapot (ketting gebroken)",
    "de kettingen van de schommel hangen los",
])
def test_a_broken_swing_chain_is_a_hazard(text):
    assert read_danger(text) == Danger("hazard", "play_equipment")


def test_a_tree_on_the_path_in_learners_english_is_a_hazard():
    text = "ok english. tree fall on bike path behind the school. cannot pass with bike"
    assert read_danger(text) == Danger("hazard", "tree")


def test_an_illness_of_before_told_with_a_care_request_is_no_emergency():
    text = ("Goedemiddag. Mijn man is sinds zijn herseninfarct erg achteruit gegaan en ik kan "
            "de zorg en het huishouden niet meer alleen aan. Ik ben zelf ook 79.")
    assert read_danger(text) is None
    assert read_danger("mijn vader heeft een herseninfarct, hij praat raar") == \
        Danger("emergency", "medical")


@pytest.mark.parametrize("text, urgent", [
    ("het glas van het bushokje is kapot. zit trouwens een oude man al een uur op het bankje "
     "die niet echt reageert als je wat zegt, beetje verward. waar meld ik die scherven?", True),
    ("maar moet ik iets met die man? hij lijkt het koud te hebben en zegt niks terug", True),
    ("mijn buurman zegt niks terug als ik hem groet, zo onbeleefd", False),
    ("mijn zoon reageert niet echt als ik iets zeg, hij zit de hele dag te gamen", False),
    ("mijn vader ligt al de hele dag op de bank en reageert niet meer", True),
])
def test_a_stranger_who_hardly_responds_is_an_emergency(text, urgent):
    """Round 76: a confused old man on a bench who did not respond got a glass report."""
    found = read_danger(text)
    assert (found is not None and found.kind == "emergency") is urgent, found


@pytest.mark.parametrize("text, urgent", [
    ("Door de storm is er een tak op de Beukenlaan gevallen. Er hangt ook een kabel mee naar "
     "beneden, ik denk van de straatverlichting, die ligt nu op de natte stoep. Verder niks aan "
     "de hand hoor.", True),
    ("Goed, dan leg ik die kabel even met mijn handschoenen aan de kant en zet er een stoel bij.",
     True),
    ("Moet ik met die kabel nog iets doen? Ik wilde hem eigenlijk zelf even aan de kant leggen.",
     True),
    ("de tak ligt op de stoep, ik leg hem wel even aan de kant", False),
    ("ik leg de tuinslang wel even aan de kant", False),
])
def test_a_cable_down_or_about_to_be_handled_is_an_emergency(text, urgent):
    """Round 78: a street-light cable on a wet pavement got no warning, and the resident who
    said he would move it by hand was told to mark it."""
    found = read_danger(text)
    assert (found is not None and found.reason == "live_cable") is urgent, found


@pytest.mark.parametrize("text, reason", [
    ("10 werkdagen?? Dan gebeurt er echt een ongeluk. Er gaat hier elke dag een schoolklas langs",
     None),
    ("het voorrangsbord (die rode driehoek) op de kruising Wilhelminastraat - Beukenlaan is "
     "omvergereden. Vanochtend ging het al bijna mis met een fietser.", "sign"),
    ("er is net een ongeluk gebeurd op de kruising, een fietser ligt op de grond", "injured"),
])
def test_an_accident_feared_is_no_crash_and_a_sign_knocked_down_is_a_hazard(text, reason):
    """Round 79: "dan gebeurt er echt een ongeluk" got "Bel nu 112"; a give-way sign told with
    its colour in brackets got no priority."""
    found = read_danger(text)
    assert (found.reason if found else None) == reason


@pytest.mark.parametrize("text, blocked", [
    ("boom is gevallen op de molenweg, hele weg dicht. bij de molen", True),
    ("er ligt een tak over de hele weg", True),
    ("auto's kunnen er niet door", True),
    ("a tree is blocking the road", True),
    ("er hangt een tak boven het fietspad", False),
    ("ik kan niet door de deur", False),
])
def test_a_blocked_way_is_read(text, blocked):
    from bot.reading.danger import blocks_the_way

    assert blocks_the_way(text) is blocked


@pytest.mark.parametrize("text, alarming", [
    # round r84 of session 43: a small bite already seen to, and English "doesn't help"
    ("niet heel erg bloed, klein wond. ik ga naar huisarts. maar ik wil die hond melden", False),
    ("geen 112 nodig. ik wil de loslopende hond melden", False),
    ("sorry that doesnt help. can i just book the appointment here?", False),
    ("can you help me with a question about my passport", False),
    ("hij bloedt heel erg", True),
    ("please help, my neighbour is bleeding", True),
])
def test_a_small_wound_or_an_unhelpful_answer_is_no_alarm(text, alarming):
    assert sounds_alarming(text) is alarming


@pytest.mark.parametrize("text, reason", [
    ("er liggen nog resten vuurwerk bij het speelpleintje waar de kinderen mee spelen",
     "fireworks"),
    ("er ligt een niet afgegane vuurwerkbom voor ons huis", "fireworks"),
    ("the whole street is flooded after the rain, water almost at my door", "flooding"),
    ("water is coming into our house from the street", "flooding"),
])
def test_leftover_fireworks_and_water_at_the_door_are_hazards(text, reason):
    assert read_danger(text) == Danger("hazard", reason)


def test_fireworks_asked_about_or_swept_up_are_no_hazard():
    assert read_danger("mag ik vuurwerk afsteken op oudejaarsavond") is None
    assert read_danger("er ligt nog veel vuurwerkafval op straat") is None


@pytest.mark.parametrize("text, cannot", [
    ("ik kan niet belle ik ben doof", True),
    ("iedereen zegt bel 14 0571 en dat kan ik niet . hoe dan", True),
    ("ik ben slechthorend", True),
    ("ik bel morgen wel, dat kan ik niet nu", False),
    ("bel me maar", False),
])
def test_who_cannot_use_the_phone(text, cannot):
    from bot.reading.danger import cannot_use_the_phone
    assert cannot_use_the_phone(text) is cannot


@pytest.mark.parametrize("text, cannot", [
    ("bellen gaat lastig zei ik toch", True),
    ("ik hoor slecht aan de telefoon", True),
    ("ik hoor niks meer van mijn melding", False),
])
def test_hearing_badly_on_the_phone_is_no_way_to_call(text, cannot):
    from bot.reading.danger import cannot_use_the_phone
    assert cannot_use_the_phone(text) is cannot


@pytest.mark.parametrize("text, found", [
    ("gevonden!! hij stond bij de kaasboer", True),
    ("found him, thank god", True),
    ("we hebben hem nog niet gevonden", False),
])
def test_a_missing_person_found(text, found):
    from bot.reading.danger import says_found
    assert says_found(text) is found


@pytest.mark.parametrize("text, reason", [
    # round r88 of session 43: both missed mid-conversation or in Flemish
    ("hij ligt op een auto. er zit volgens mij nog iemand in, ik hoor roepen", "trapped"),
    ("er ligt een zatte mens in een portiek, t vriest dat het kraakt. hij reageert nog wel een "
     "beetje", "medical"),
])
def test_someone_calling_under_a_tree_or_barely_reacting_in_the_cold(text, reason):
    assert read_danger(text) == Danger("emergency", reason)


@pytest.mark.parametrize("text, alarming", [
    # round r93 of session 43: a house number 112 got "Is er nu gevaar? Bel 112"
    ("dorpsstraat ter hoogte van nr 112. hij heeft een halsbandje om, rood", False),
    ("er ligt een dode kat voor Kerkweg 112a", False),
    ("help, bel 112", True),
])
def test_house_number_112_is_no_alarm(text, alarming):
    assert sounds_alarming(text) is alarming


def test_falling_into_water_is_the_water_edge_not_a_hole():
    """Round r100: a wobbly fence along the pond got the advice about a hole in the road."""
    found = read_danger("is het hek langs het water he, kleine kinderen kunnen er zo in vallen")
    assert (found.kind, found.reason) == ("hazard", "water_edge")
    assert read_danger("er zit een gat in de stoep, er kan zo iemand in vallen").reason == \
        "manhole"


@pytest.mark.parametrize("text, injured", [
    ("a big tree just fell over on the road near the train station", False),
    ("my son fell off his bike because of the hole", True),
    ("mijn moeder is over die tegel gestruikeld", True),
])
def test_a_tree_that_fell_over_hurt_nobody(text, injured):
    """Round r106 (session 47): "I hope it heals soon" for a fallen tree."""
    assert read_message(text).injured is injured


def test_by_mistake_is_no_accident_and_a_wire_hanging_down_is_live():
    """Rounds r107 and r108 (session 47): "per ongeluk" asked about danger; "er hangt een
    draad naar beneden" by a fallen tree was never addressed."""
    assert read_message("mijn melding is per ongeluk op klaar gezet").danger is None
    reading = read_message("er is een boom op de weg gevallen en er hangt een draad naar beneden")
    assert (reading.danger, reading.danger_reason) == ("emergency", "live_cable")


@pytest.mark.parametrize("text, hazard", [
    ("het stoplicht op de kruising nieuweweg rijksstraatweg doet het al 3 dagen niet", True),
    ("het stoplicht staat al drie dagen op rood, mensen rijden er gewoon door", True),
    ("HET STOPLICHT STAAT VEEL TE LANG OP ROOD VOOR FIETSERS", False),
])
def test_a_traffic_light_out_for_days_is_a_hazard(text, hazard):
    """Round r109: a dead traffic light with near-accidents got "binnen 10 werkdagen"."""
    assert (read_danger(text) is not None and read_danger(text).kind == "hazard") is hazard


@pytest.mark.parametrize("text", [
    "er zit een wespennest bij de glijbaan, de kinderen worden gestoken",  # stung, not stabbed
    "there is a wasps nest under the slide in the playground",
])
def test_a_wasps_nest_where_children_play_is_a_hazard_not_an_emergency(text):
    """Round r111: a wasps' nest under the slide got "binnen 10 werkdagen"."""
    assert (read_danger(text).kind, read_danger(text).reason) == ("hazard", "wasps")


@pytest.mark.parametrize("text", [
    "the footbridge over the canal near the town hall is full of ice, I slipped and fell",
    "de voetgangersbrug bij het gemeentehuis is spiegelglad",
])
def test_ice_on_a_bridge_is_a_slippery_hazard(text):
    """Round r111: ice on a footbridge got "Do you mean waste collection?"."""
    assert read_danger(text).reason == "slippery"


def test_a_loose_dog_attacking_now_is_an_emergency_and_a_bite_told_after_is_not():
    """Round r116: a dog that had just bitten a boy and growled at everyone got "Is er nu
    gevaar voor mensen?" with the street question."""
    now = read_danger("HELP er loopt een grote hond los in het speeltuintje, hij heeft net een "
                      "jongetje gebeten en gromt naar iedereen!!")
    assert (now.kind, now.reason) == ("emergency", "dog_attack")
    assert read_danger("een hond heeft mijn dochter gebeten in het park, wat moet ik doen") is None


@pytest.mark.parametrize("text, unreached", [
    ("IK HEB DE STORINGSDIENST AL GEBELD MAAR DIE NEEMT NIET OP", True),  # round r239
    ("ik krijg geen gehoor op dat nummer", True),
    ("I called but nobody answers", True),
    ("de storingsdienst komt er zo aan", False),
    ("neem ik het op met de buren?", False),
])
def test_an_on_call_line_that_does_not_answer_is_heard(text, unreached):
    from bot.reading.danger import on_call_unreached
    assert on_call_unreached(text) is unreached


@pytest.mark.parametrize("text, alarming", [
    ("allez, 112 zei ik toch. Dorpsstraat 112, rijhuis tegenover de frituur", False),
    ("euh nee, geen noodgeval hé, 112 is ons huisnummer.", False),
    ("Kerkstraat 112, er ligt iemand bewusteloos, bel 112", True),
    ("112 zei ik toch", True),  # alone it is read with the report's number (policies)
])
def test_112_beside_the_house_number_112_is_that_number(text, alarming):
    """Round r245 of session 60: the house number told again got "Bel 112"."""
    assert sounds_alarming(text) is alarming


def test_the_weather_is_no_repeat_and_a_remark_to_the_bot_no_addition():
    """Round r245 of session 60: "nu met dat donkere weer" got "Vervelend dat het weer
    gebeurt"; "U geeft geen antwoord op mijn vraag" was added to the report."""
    assert not read_message("de lantaren doet t niet meer, nu met dat donkere weer zie je de "
                            "fietsers bijna niet").repeated
    assert read_message("de lamp is alweer kapot, met dat gure weer").repeated
    told = read_message("ja verstuur. U geeft geen antwoord op mijn vraag. Betaalt de gemeente?")
    assert told.answer is True and told.addition is None


@pytest.mark.parametrize("text, kind", [
    ("Gisteren ben ik op weg naar de apotheek uitgegleden op het trottoir van de Stationsweg. "
     "Het was daar erg glad, er was niet gestrooid. Ik heb mijn pols gebroken en zit nu in het "
     "gips. Moet de gemeente de kosten vergoeden?", "hazard"),
    ("The footpath to the bike parking is a sheet of ice, nobody has gritted it.", "hazard"),
    ("HET FIETSPAD LIGT ER AL 3 DAGEN ONDER 10 CM SNEEUW", "hazard"),
    ("mijn buurman is net gevallen op het ijs en zijn been is gebroken", "emergency"),
    ("de vloer in de hal is zo glad gepoetst", None),
])
def test_ice_and_snow_on_a_path_are_hazards_and_a_treated_fall_no_emergency(text, kind):
    """Round r246 of session 60: "Bel nu 112" for a fall of yesterday (in plaster now); ice
    in English and snow on a cycle path got ten working days."""
    found = read_message(text).danger
    assert found == kind


def test_fireworks_damage_of_last_night_is_no_noise_now():
    """Round r246 of session 60: a container blown up last night got "Is het lawaai er nu?
    Bel dan de politie"."""
    told = read_message("vannacht hebben ze de ondergrondse container bij de Jumbo opgeblazen "
                        "met vuurwerk, helemaal zwart en gesmolten")
    assert not told.noise_now
    assert read_message("ze steken nu al de hele avond vuurwerk af, keiharde knallen").noise_now


@pytest.mark.parametrize("text, urgent", [
    # round r257 of session 61: a broken street lamp got "Bel nu 112" twice
    ("ik vind het werkelijk een noodsituatie. de straatlantaarn is uit. er wordt in de buurt "
     "ingebroken, las ik in het huis-aan-huisblad", False),
    ("Moet ik 112 bellen voor een lantaarnpaal? Er is geen inbraak gebeurd hoor", False),
    ("er wordt nu ingebroken bij de buren", True),
    # round r256: burnt out last night
    ("bij de school staat een prullenbak in de fik geweest, helemaal gesmolten", False),
    ("de prullenbak bij de school staat in de fik", True),
])
def test_fear_opinion_and_a_fire_that_is_over_are_no_emergency(text, urgent):
    assert (read_danger(text) or Danger("none", "")).urgent is urgent


@pytest.mark.parametrize("text, kind", [
    # round r277: "Bel nu 112" for a neighbour's fall told to be added to the report
    ("Nee, ik bedoel melding M-2026-000008. Graag erbij zetten: buurvrouw is daar gevallen en "
     "heeft haar pols gebroken.", "hazard"),
    ("mijn buurman is net gevallen en bloedt, kunt u dat erbij zetten?", "emergency"),
])
def test_harm_told_for_the_report_is_no_emergency_unless_now(text, kind):
    assert read_message(text).danger == kind
