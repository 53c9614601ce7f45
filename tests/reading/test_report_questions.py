"""Questions about the report being made: how long, faster, cost, anonymous, what next."""
from __future__ import annotations

import pytest

from bot.reading.report_questions import (asks_about_an_earlier_report, mentions_a_report,
                                          read_report_question, reported_by_someone_else,
                                          says_it_is_no_report,
                                          says_not_known, says_number_unknown)

ASKED = {
    # round 98: "Waar kan ik u mee helpen?" after a status answer
    "time_of_day": ["ok. en weet u ook hoe laat ze ongeveer komen? dan kan ik thuis blijven",
                    "hoe laat komt de monteur?", "what time will they come?"],
    "duration": ["glas wanneer weg? vandaag?",  # round r173 of session 52: the food bank
                 "nee. HOE LANG??", "en hoelang",  # round r185 of session 53
                 "hoeveel dagen?", "gat repareren, hoe lang wachten?",  # round r191
                 "is this going to be fixed today? its rush hour soon",
                 "hoe lang duurt dat eigenlijk?", "HOELANG GAAT DAT DUREN",
                 "How long will it take?",
                 "wanneer wordt het gerepareerd?", "binnen hoeveel dagen komen jullie?",
                 "en wanneer komt er iemand?", "Wordt er vandaag nog gestrooid?",
                 "wordt het pad nog geveegd?", "strooien jullie nou wel of niet?",
                 "duurt het lang voor er iemand komt? het is best donker hier",
                 # round r256 of session 61: the WOZ objection answered it
                 "ja. 0687654321. wanneer maken ze?", "hoe snel repareren jullie het?"],
    "faster": ["binnen 24 uur, ook vannacht? het is pikdonker", "komt er vannacht nog iemand?",
               "maar kan er snel iemand komen? straks valt er een kind in",
               "kan het vanavond nog afgezet worden?",
               "kan het niet wat sneller?", "het is dringend, kan het vandaag nog?",
               "kunnen jullie met spoed komen?", "could you do it faster?",
               "a kid could get hurt, is it possible to do it today?", "kan iemand NU komen??",
               "gaat ge da rap weghalen? morgen is 't schoolfeest",
               "10 werkdagen is te laat. kan het niet voor zondag? er kan echt iemand vallen"],
    "cost": ["wat kost dat?", "is dat gratis?", "moet ik daarvoor betalen?",
             "zijn er kosten aan verbonden?", "do I have to pay?",
             # broken Dutch (round r149 of session 51)
             "wat betekent bericht? ik moet betalen?", "kost geld?"],
    "anonymous": ["blijf ik anoniem?", "do you need my name?", "moet ik mijn naam opgeven?",
                  "Krijgt de buurman te horen dat ik het gemeld heb?",
                  "wat doen jullie met mijn mailadres?", "is this anonymous?",
                  "will my neighbours know it was me?"],
    "two_reports": ["wat bedoelt u met 2 dingen?", "waarom twee meldingen?",
                    "worden het 2 meldingen?", "krijg ik nu twee nummers?",
                    "is het 1 melding of 2?", "is that one report or two?",
                    "Maar wordt dit nu een aparte melding?",
                    "Zou u dat ook bij de melding kunnen voegen, of moet dat apart?",
                    "is dit nu bij die eerste melding of een nieuwe?",
                    "is dit nou een nieuwe melding of die oude?",
                    "same report or new one?"],
    "move_it": ["mag ik die matras zelf naar de kant schuiven?", "can i move it myself?",
                "Maar mag mijn kleinzoon hem nu wegzagen of niet?",
                "MAG IK HET BORD ZELF VAN DE WEG HALEN?"],
    "how_updates": ["belt ge mij dan of hoe gaat da?", "krijg ik dan een mail?",
                    "bellen jullie mij dan terug?", "how will you contact me?",
                    "Moet ik dan mijn telefoonnummer geven?", "word ik dan gebeld?",
                    "gaan jullie mij daarover bellen?",
                    # round r197 of session 53: "Op die vraag heb ik geen antwoord"
                    "hoezo, moet ik dan mn nummer geven?", "moet ik m'n 06 doorgeven"],
    "why_questions": ["moet ik dat echt allemaal invullen? kan da nie gewoon zo?",
                      "why so many questions?"],
    "next_steps": ["wat gebeurt er nu mee?", "komt er iemand kijken?",
                   "hoe weet ik of het gemaakt is?", "what happens next?",
                   "wordt de schommel dan meteen afgezet of zo?",
                   "gaan ze die put dan dichtmaken of wordt hij alleen afgezet?",
                   "wat gaan jullie eraan doen?", "Gaan jullie er ook wat aan doen?"],
    "enforcement": ["wordt daar eigenlijk op gehandhaafd?", "boetes of zo?",
                    "komen er dan boa's langs?", "mag dat zomaar, om 6 uur s ochtends heien??",
                    "is dat wel toegestaan?", "will they be fined?",
                    "wordt de eigenaar ingelicht?", "spreken jullie de bewoners aan?",
                    "wordt hij dan weggesleept?", "gaan jullie die auto laten wegslepen?"],
    # round 87: reported already by someone else?
    "reported_already": ["Heeft iemand anders dit misschien al gemeld?",
                         "is het al eerder gemeld? Dan hoef ik niet dubbel te melden.",
                         "has someone already reported this?"],
    # round 87: a police report about a swastika
    "police_report": ["Moet ik hier ook aangifte van doen bij de politie?",
                      "Ik bedoel aangifte van die hakenkruis, bij de politie?",
                      "should I report it to the police?"],
    "photo": ["foto kan?", "En de foto? Kan ik die mailen naar de gemeente?",
              "what about the photo??",
              "mag ik er een foto van sturen?", "ik heb een fotootje, zal ik die opsturen?",
              "can I send a picture?"],
    "damage": ["kan ik de gemeente laten betalen voor mijn jas?",
               "zoon heeft pijn arm en fiets kapot. wie betaal fiets?",  # round r185
               "my son fell and his bike is broken, who pays?",
               "krijg ik de schade aan mijn band vergoed?", "wie betaalt mijn kapotte velg?",
               "moet ik de reparatie van mijn fiets zelf betalen?",
               "kan ik jullie aansprakelijk stellen?", "who pays for the damage?",
               "kan ik de doktersrekening bij jullie declareren?", "EN MIJN SCHADE??",
               "Geldt dat ook voor letsel? Hij heeft zijn pols gebroken",
               "IK BEN GEVALLEN OVER EEN LOSSE TEGEL EN MIJN POLS IS GEBROKEN, WIE BETAALT DIT",
               # session 52 (rounds r166, r171)
               "wie betaalt de huisarts eigenlijk", "ja maar ik vroeg waar ik schade kan claimen"],
    "stay": ["moet ik erbij blijven?", "moet ik thuis zijn als ze komen?",
             "hoef ik niet te wachten?", "do I have to stay there?"],
    "clean_up": ["moet ik die zakken zelf weghalen of doen jullie dat?",
                 "ja. maar u geeft geen antwoord, moet ik het zelf opruimen?",
                 "ruimen jullie het op?", "should I clean it up myself?",
                 "er ligt een dode egel bij de schoolstraat, wie haalt die weg?",
                 "wie komt die troep nou eens opruimen?"],
    "safety": ["mag ik vragen of da gevaarlijk is met die ratten? want ik heb er gisteren "
               "eentje zien lopen",
               "er komt water uit de grond, veel water op straat. is gevaarlijk?",
               "is da gevaarlijk of ni?", "kan het gevaarlijk zijn, ja of nee?",
               "moet ik de kinderen daar weghalen?"],
    "remove_data": ["kunnen jullie mijn nummer weghalen?", "verwijder mijn gegevens aub?",
                    "can you delete my number?"],
    "phone": ["moet ik nog iemand anders bellen? het vonkt nu wat vaker", "wie moet ik bellen?",
              "kan ik niet gewoon iemand bellen?", "wat is jullie telefoonnummer?",
              "could I call someone instead?"],
}


@pytest.mark.parametrize("kind, text", [(k, t) for k, texts in ASKED.items() for t in texts])
def test_the_kind_of_question_about_the_report_is_read(kind, text):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text", [
    "hoe laat zijn jullie open?",
    "nee", "ja graag", "Kerkstraat 5", "de tegel ligt al weken los",
    "het duurt al veel te lang", "graag wel berichten", "mijn naam is Piet",
    "bel me maar op 0612345678", "de foto stuur ik morgen",
    "moet ik de container buiten laten staan?", "kan ik het ook terug krijgen?",
    "de rekening is betaald?",
    # the price of another product, asked during a report
    "wat kost het om grofvuil op te laten halen? ik heb een oude bank",
    "hoe lang duurt het voordat mijn parkeervergunning er is?",
    "Ja dat zou ik fijn vinden. Ik heb geen email, kunt u mij bellen? Mijn nummer is 0345-612345.",
    # one's own waste, not the thing reported (round r149 of session 51: "Laat het liggen,
    # wij ruimen het op")
    "ik heb zelf ook snoeiafval in de tuin liggen, mag dat in de groene bak of moet ik dat "
    "wegbrengen?",
    "moet ik de takken uit mijn tuin zelf wegbrengen?",
    # another problem to be reported apart, not this report
    "o ja, en een stuk verderop is de stoep verzakt. wilt u daar een aparte melding van maken",
    "het paspoort kost geld?",
])
def test_answers_and_statements_are_no_questions_about_the_report(text):
    assert read_report_question(text) is None


@pytest.mark.parametrize("text, expected", [
    ("BEDRIJFSafval. van mijn winkel. wie haalt dat op, jullie of moet ik zelf iets regelen?",
     None),
    ("moet ik het afval van mijn kapsalon zelf wegbrengen?", None),
    ("wie haalt die troep op?", "clean_up")])
def test_a_question_about_ones_business_waste_is_no_report_question(text, expected):
    """Round r81: "laat het liggen, wij ruimen het op" to a shop owner's waste question."""
    assert read_report_question(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ik heb een vraag, ik wil niets melden.", True), ("gewoon een vraag", True),
    ("het is maar een vraag hoor", True), ("ik wil niks melden", True),
    ("I just have a question", True), ("ik wil alleen iets weten", True),
    ("vraagje: wanneer wordt het gemaakt?", False), ("ik wil een melding doen", False),
    ("een vraag over de afvalpas", False), ("Kerkstraat 5", False), ("nee", False),
    ("er is niks mis. het is een vraag. blijft de container bij het oude huis?", True),
    ("het is een vraag van mijn buurman: de lamp is kapot", False),
    ("de lamp is kapot, er is niks aan gedaan", False),
    ("er is niks kapot. er staat een auto fout geparkeerd", False),
    # round 89
    ("Ik wil geen formulier en geen nieuwe melding, ik wil gewoon een mens spreken", True),
    # round r76 of session 41
    ("WAT? ik meld niks, ik wil weten of ik naar de dokter moet", True),
    ("ik heb niks te melden hoor", True), ("ik meld niks meer, er gebeurt toch niks", False),
])
def test_saying_it_is_no_report(text, expected):
    assert says_it_is_no_report(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("nummer weet ik niet meer", True), ("da nummer heb ik nie meer", True),
    ("ik heb geen meldingsnummer", True), ("ik ben het nummer kwijt", True),
    ("I don't have the number", True), ("het nummer is M-2026-000012", False),
    ("de status van mijn oude melding zonder nummer", True),
    ("bij nummer 14 ligt afval op de weg", False), ("welk nummer moet ik bellen", False),
    # round 81: looked for by the place instead
    ("kunt u niet zoeken op mijn adres kerkweg 8?", True), ("zoek maar op de straat", True),
    ("ik zoek het adres van het gemeentehuis", False),
    ("geen idee, heb ik niet meer. kunt u niet gewoon op adres zoeken?", True),  # round r156
    ("kan ik mijn nieuwe adres online doorgeven?", False),
])
def test_saying_the_report_number_is_unknown(text, expected):
    assert says_number_unknown(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("hoe zit het me mijn meldig", True), ("is de lamp in de kerkstraat al gerepareerd?", True),
    ("de ratten die ik vorige maand doorgaf, gaan jullie daar nog wat aan doen?", True),
    ("hoe staat het ermee?", True), ("ligt die tegel er nog steeds?", True),
    ("wanneer gaat de gemeente de bomen in onze straat snoeien?", False),
    ("wanneer zijn de werkzaamheden op de molenweg klaar?", False),
])
def test_a_status_question_names_a_report(text, expected):
    assert mentions_a_report(text) is expected


@pytest.mark.parametrize("text, kind", [
    ("Dus als ik zonder naam meld, ziet niemand wie ik ben?", "anonymous"),
    ("ziet de buurman ooit wie dit meldde?", "anonymous"),
    ("Wordt de bank en het matras ook opgehaald?", "next_steps"),  # round 86
    ("Krijg ik ook bericht als het gat gerepareerd is?", "next_steps"),
    ("krijg ik een mail als het klaar is?", "next_steps"),
    ("will I get a message when it is fixed?", "next_steps"),
    ("hallo?? is het nu gemeld of niet", "filed"),
    ("is mijn melding al verstuurd?", "filed"),
    ("has it been reported?", "filed"),
    ("so is it really reported now? the hole is dangerous", "filed"),  # round r159, session 51
    ("hallo?? kunt u er niet gewoon een melding van maken", "filed"),  # round r149, session 51
])
def test_anonymity_and_news_afterwards_are_questions_about_the_report(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, known", [("DAT WEET IK DUS NIET MEER, dat zei ik al", False),
                                         ("geen idee", False), ("ben ik kwijt", False),
                                         ("ja hoor", True), ("M-2026-000123", True)])
def test_an_answer_that_the_number_is_not_known(text, known):
    assert says_not_known(text) is not known


@pytest.mark.parametrize("text", [
    "ik ben vergeten mijn paspoort te verlengen, kan ik nog een afspraak maken?",
    "weet ik niet, laat maar. ik wil grofvuil laten ophalen volgende week",
])
def test_a_longer_message_is_about_something_else(text):
    assert not says_not_known(text)


@pytest.mark.parametrize("text", ["Wat doen jullie met wat ik hier typ?",
                                  "is dit een AI? wordt dit gebruikt om te trainen?",
                                  "wordt dit gesprek opgeslagen?"])
def test_a_question_about_this_chat_is_about_its_privacy(text):
    assert read_report_question(text) == "chat_privacy"


def test_the_chat_privacy_answer_names_the_registers_retention():
    from pathlib import Path

    import yaml

    from bot.register import load_register

    days = load_register().personal["tracker.events"].retention_days
    domain = yaml.safe_load(Path("bot/domain/reading.yml").read_text(encoding="utf-8"))
    for variant in domain["responses"]["utter_report_question_chat_privacy"]:
        assert f"{days} " in variant["text"]


@pytest.mark.parametrize("text", ["Wordt hij morgen alsnog opgehaald?",
                                  "komen jullie hem nog legen?",
                                  "gaat de gemeente de boom nog weghalen?"])
def test_asking_whether_it_is_still_done_is_about_the_time(text):
    assert read_report_question(text) == "duration"


def test_an_earlier_report_whose_number_is_lost_is_a_status_question():
    assert asks_about_an_earlier_report(
        "ik heb vorige maand een melding gedaan over hondenpoep in het park en er is NIKS "
        "gebeurd. nummer weet ik niet meer")
    assert not asks_about_an_earlier_report("er ligt hondenpoep in het park")


@pytest.mark.parametrize("text", [
    "nee, maar kan de politie niet gewoon langskomen?", "moet ik de politie bellen?",
    "kunnen jullie de politie sturen?", "komt de wijkagent ook langs?",
])
def test_asking_for_the_police_is_a_question_about_the_report(text):
    assert read_report_question(text) == "police"


@pytest.mark.parametrize("text", [
    "de politie heeft het lint weggehaald, kan het nu opgeruimd worden?",
    "is de politie al geweest?",
    "kan de boa ook bekeuren?",  # the municipality's own enforcers
])
def test_mentioning_the_police_is_not_asking_for_them(text):
    assert read_report_question(text) != "police"


@pytest.mark.parametrize("text", ["ik heb een boete gekregen, kan ik bezwaar maken?",
                                  "Mijn parkeerboete klopt niet, wat nu?",
                                  "Krijg je een boete als je grofvuil buiten zet?",
                                  "Mag het wel anoniem?",
                                  "Is het toegestaan om een foto te sturen?",
                                  "Fine, can you send it?"])
def test_the_residents_own_fine_is_no_question_about_enforcement(text):
    assert read_report_question(text) != "enforcement"


@pytest.mark.parametrize("text", [
    "moet ik nu zelf iets doen? staat daar stroom op?",
    "is het gevaarlijk om aan te raken ja of nee",
    "maar zeg nou of ik de kinderen weg moet halen daar",
    "What should I do in the meantime?",
])
def test_what_to_do_meanwhile_is_a_safety_question(text):
    assert read_report_question(text) == "safety"


@pytest.mark.parametrize("text", ["hoe lang duurt het?", "moet ik erbij blijven?",
                                  "de kinderen spelen er altijd"])
def test_other_questions_and_statements_are_no_safety_question(text):
    assert read_report_question(text) != "safety"


def test_it_is_no_place_means_no_report():
    assert says_it_is_no_report("het is geen plek!! ik heb gewoon geen geld om de belasting "
                                "te betalen. kan ik uitstel krijgen?")
    assert not says_it_is_no_report("het is op de plek waar vroeger de kiosk stond")


def test_wanting_to_know_why_is_no_withdrawal_of_the_report():
    assert not says_it_is_no_report("ja. en ik wil weten waarom er na 3 weken nog niks gedaan is")
    assert says_it_is_no_report("ik wil alleen iets weten")


@pytest.mark.parametrize("text, kind", [
    ("kan ik iets doen om er een foto bij te sturen?", "photo"),
    ("wat moet ik doen om anoniem te melden?", "anonymous"),
])
def test_other_kinds_win_over_safety(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("moet ik het waterbedrijf bellen?", "other_party"),
    ("moet ik niet eigenlijk de glasvezelfirma bellen ipv jullie?", "other_party"),
    # round 82: the outage number, or does the municipality pass it on
    ("Moet ik nu ook nog dat 0800-nummer bellen, of geeft u het door?", "other_party"),
    ("moet ik het pad afzetten?", "safety"),
    ("kan ik jullie bellen?", "phone"),
])
def test_who_else_to_call_and_closing_off_the_path(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, kind", [
    # round r211 of session 55 and r216 of session 56: read as the place
    ("zijn stickers op een lantaarnpaal eigenlijk wel iets voor de gemeente?", "ours"),
    ("ben ik hier wel aan het juiste adres hiervoor?", "ours"),
    ("is that even something for the council?", "ours"),
    ("moet ik dan bij die bank blijven wachten?", "stay"),
    ("moet ik blijven staan tot ze er zijn?", "stay"),
    # round r219 of session 56
    ("is the municipality coming tonight??", "faster"),
    ("is kruispunt bij school. is gevaarlijk ja?", "safety"),
    ("wordt het nou vannacht nog afgezet of niet", "faster"),
    ("pas over 10 werkdagen?? waarom zo laat", "faster"),
    ("zijn jullie gek. en je zegt niks over mijn schade", "damage"),
    ("Kunt u mij een brief sturen? Ik heb geen e-mail.", "how_updates"),
    ("moet ik mn naam ook geven? wil niet dat die gasten weten dat ik t gemeld heb",
     "anonymous"),
    ("is dat nu gevaarlijk?", "safety"),
])
def test_whether_it_is_ours_and_whether_to_stay(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("kunnen jullie mijn buurman een boete geven? die zet z'n busje elke dag op de stoep",
     "enforcement"),
    ("krijg ik een boete als mijn kliko te vroeg buiten staat", None),
])
def test_a_fine_for_the_neighbour_is_about_enforcement_not_ones_own_fine(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text", ["24 uur?? dan gebeuren er ongelukken. is er geen spoednummer?",
                                  "is there an emergency number for this?",
                                  # session 55 (round r205): whether to phone after all
                                  "is er dan geen storingsdienst die vanavond kan komen?",
                                  "moet ik nou zelf nog bellen of niet?",
                                  "do we have to ring anyone, or does this chat do?",
                                  "wordt dit dan pas maandag gelezen?"])
def test_a_question_for_an_urgent_number_is_its_own_kind(text):
    assert read_report_question(text) == "urgent_number"


@pytest.mark.parametrize("text", [
    "ja graag. maar wat doe ik met dat kenteken? het begon met VT",
    "ik weet wie het gedumpt heeft, wat moet ik daarmee?",
])
def test_what_a_witness_saw_is_a_question_about_the_report(text):
    assert read_report_question(text) == "witness"


def test_not_wanting_the_neighbours_to_know_is_a_question_about_anonymity():
    text = "moet ik de buren hun adres geven dan? ik wil niet dat ze weten dat ik het ben"
    assert read_report_question(text) == "anonymous"


@pytest.mark.parametrize("text, number", [
    ("802", 802), ("m-802", 802), ("oh sorry dan is het misschien 1887, ik kan mijn eigen "
                                   "handschrift niet lezen haha", 1887),
    ("het was op 12 maart bij nummer 14", None), ("de lamp bij Kerkstraat 12 is kapot", None),
])
def test_a_short_case_number_in_a_short_message(text, number):
    from bot.reading.report_questions import short_number

    assert short_number(text) == number


@pytest.mark.parametrize("text", [
    "wat moet ik doen nu mijn paspoort KWIJT is?",
    "mijn rijbewijs is zoek, moet ik dat bij de politie of bij jullie melden?",
])
def test_a_question_about_ones_own_document_is_no_report_question(text):
    """Round r61: after a report, "wat moet ik doen nu mijn paspoort kwijt is?" got the
    report's safety text twice."""
    assert read_report_question(text) is None


@pytest.mark.parametrize("text, theirs", [
    ("ik vraag het namens mijn buurman, nummer M-2026-000004", True),
    ("mijn buren hebben al eens gemeld dat er rommel ligt", True),
    ("my neighbour reported it last week, any news?", True),
    ("ik heb gemeld dat mijn buurman overlast geeft", False),
    ("hoe staat het met mijn melding", False),
])
def test_a_report_someone_else_made(text, theirs):
    assert reported_by_someone_else(text) is theirs


@pytest.mark.parametrize("text, solved", [
    ("de hekken zijn weg, bedankt", True),
    ("nee je snapt me niet. hij is al gerepareerd. die melding kan weg", True),
    ("ze zijn vanmorgen weggehaald, ge moogt dat dossier afsluiten. merci!", True),
    ("ja maar het is dus al opgelost he. er moet niemand meer komen", True),
    ("the bin was emptied this morning, you can close my report", True),
    ("de lamp doet het weer", True),
    ("is het al opgelost?", False),
    ("is het al opgelost", False),
    ("de lamp is nog steeds niet gemaakt", False),
    ("er is al een melding gemaakt over de lamp", False),
    ("hoe lang duurt het voordat de lamp is gemaakt", False),
    ("laat het weten als het weg is", False),
    ("ik wil weten of het al gemaakt is", False),
    ("mijn paspoort is weg", False),
    ("de lamp doet het weer niet", False),
    # round r152 of session 51: the resident's mail is gone, not the problem
    ("weet het nummer niet meer, mail is weg. kunt u niet zoeken op julianastraat?", False),
    # round r176 of session 52: one's own bike taken away, not the report's wrecks
    ("mijn fiets is vorig jaar ook weggehaald bij het station, waar kan ik die ophalen", False),
    ("de fietswrakken zijn weggehaald, bedankt", True),
])
def test_the_problem_of_a_report_is_over(text, solved):
    """Round r96: "hij is al gerepareerd, die melding kan weg" started a new report."""
    from bot.reading.report_questions import says_it_is_solved

    assert says_it_is_solved(text) is solved


@pytest.mark.parametrize("text, beside", [
    ("de hekken zijn weg, bedankt", ""),
    ("melding M-2026-000003 mag dicht, gat is gemaakt. wel staan de hekken er nog",
     "wel staan de hekken er nog"),
    ("de boom is weggehaald, maar er zit nu een grote kuil", "er zit nu een grote kuil"),
    ("Ik heb melding M-2026-500463 gedaan over de boom. Die is weggehaald. Nu zit er een gat.",
     "Nu zit er een gat."),
])
def test_what_is_told_beside_the_problem_that_is_over(text, beside):
    from bot.reading.report_questions import told_beside_the_solved

    assert told_beside_the_solved(text) == beside


@pytest.mark.parametrize("text", [
    "ik heb vorige week gemeld dat mijn grofvuil niet is opgehaald, nummer M-2026-000001. "
    "Het ligt er vandaag nog steeds.",
    "mijn melding M-2026-000001 is per ongeluk op klaar gezet maar het grofvuil ligt er nog",
])
def test_still_there_is_not_solved(text):
    """Round r107 (session 47): "Fijn dat het is opgelost!" to a report still not done."""
    from bot.reading.report_questions import says_it_is_solved
    assert not says_it_is_solved(text)


@pytest.mark.parametrize("text, kind", [
    ("mag de container weer naar binnen?", "bin_inside"),
    ("de kliko is niet geleegd, mag ik hem weer binnenhalen?", "bin_inside"),
    ("can i take the bin back in?", "bin_inside"),
    # round r230 of session 58: whether to leave the bin out
    ("container bij de kerkweg 8 is niet geleegd, moet ik hem laten staan?", "bin_inside"),
    ("the bin was not emptied. should i leave it out?", "bin_inside"),
    ("mag ik de zakken ernaast laten staan?", None),
    ("mag ik mijn fiets daar laten staan?", None),
])
def test_whether_the_bin_may_go_back_inside(text, kind):
    """Round r106 (session 47): it got the moving answer about containers."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("moet ik het opnieuw melden als hij over een week nog kapot is?", "report_again"),
    ("moet ik dan nog een keer een melding maken?", "report_again"),
    ("hoef ik het niet nog eens door te geven?", "report_again"),
    ("should I report it again next week?", "report_again"),
    ("ik heb het vorige week ook al gemeld", None),
])
def test_whether_to_report_it_again(text, kind):
    """Round r106 (session 47): "moet ik opnieuw melden?" beside an answer was dropped."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text", ["wie moet weg halen?", "wie gaat dat opruimen?",
                                  "who will clean this up?"])
def test_who_clears_it_is_the_clean_up_question(text):
    """Round r109: "wie moet weg halen?" beside dumped bags was dropped."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == "clean_up"


@pytest.mark.parametrize("text", ["kan dat via whatsapp?", "kunt u het ook per sms?",
                                  "can you do that via whatsapp?",
                                  "hoe bedoel je bericht? via whatsapp ofzo?"])
def test_updates_on_another_channel_is_the_how_updates_question(text):
    """Round r109: "kan dat via whatsapp?" at the updates question had no answer."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == "how_updates"


@pytest.mark.parametrize("text", ["24 uur?? dat is te lang de draden liggen echt op het fietspad",
                                  "10 werkdagen? dat duurt veel te lang!"])
def test_too_long_is_a_question_about_speed(text):
    """Round r111: "dat is te lang … op het fietspad" moved the report to the cycle path."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == "faster"


@pytest.mark.parametrize("text", ["is dat nou doorgestuurd?", "is het nu echt verstuurd?"])
def test_whether_it_was_sent_is_the_filed_question(text):
    """Round r113: "Is dat nou doorgestuurd?" got "Daar kan ik u helaas niet mee helpen"."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == "filed"


@pytest.mark.parametrize("text", ["je geeft geen antwoord. HEBBEN JULLIE MIJN VORIGE MELDINGEN?",
                                  "zijn mijn eerdere meldingen wel aangekomen?",
                                  # round r154 of session 51, at the contact question
                                  "wat is er met mijn vorige melding gebeurd dan? nummer heb ik "
                                  "niet, was telefonisch",
                                  "what happened to my previous report?"])
def test_whether_earlier_reports_arrived_is_asked(text):
    """Round r117: "HEBBEN JULLIE MIJN VORIGE MELDINGEN?" at the summary got "Wat moet er
    anders?"."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question(text) == "earlier_reports"


def test_what_a_child_should_do_if_it_falls_is_the_safety_question():
    """Round r117: "en als die tak valt voor ze komen, wat moet mijn dochter dan doen?" got
    "Daar kan ik u helaas niet mee helpen"."""
    from bot.reading.report_questions import read_report_question
    assert read_report_question("en als die tak valt voor ze komen, wat moet mijn dochter dan "
                                "doen?") == "safety"


@pytest.mark.parametrize("text, kind", [
    ("moet ik bellen om een afspraak te maken?", None),
    ("moet ik het waterbedrijf bellen?", "other_party"),
    ("kan ik u bellen?", "phone"),
])
def test_phoning_for_something_else_is_no_urgent_number_question(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text", ["wat is berichten? sms?", "Een brief kan dus niet?",
                                  "kunt u mij dat per post sturen?"])
def test_what_news_is_and_news_by_post_are_asked_about_the_updates(text):
    assert read_report_question(text) == "how_updates"


@pytest.mark.parametrize("text, kind", [
    # round r226 of session 57: sawing a branch off, putting a drain cover back, water damage
    ("mag ik die putdeksel zelf terugleggen?", "move_it"),
    ("mag ik de tak zelf afzagen?", "move_it"),
    ("wie betaalt de waterschade als het binnenkomt?", "damage"),
    ("mag ik mijn kliko op straat zetten?", None),
])
def test_doing_something_oneself_and_damage(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text", [
    "en moet ik eerst bij mijn eigen verzekering aankloppen of bij jullie?",
    "my own insurance or you first?",
])
def test_own_insurance_or_the_municipality_is_a_damage_question(text):
    """Round r247 of session 60: the question whether to go to one's own insurer first."""
    assert read_report_question(text) == "damage"


@pytest.mark.parametrize("text", [
    "Moet ik dat zelf proper maken of is da voor de gemeente?",
    "moet ik die kolk zelf kuisen?",
])
def test_whether_to_clean_it_oneself_is_a_clean_up_question(text):
    """Round r248 of session 60: a Flemish "moet ik da zelf kuisen?" beside a blocked drain
    got a text about decision deadlines."""
    assert read_report_question(text) == "clean_up"


@pytest.mark.parametrize("text, beside", [
    # round r259 of session 61: only the old report's number was asked
    ("Ten eerste brandt de lantaarnpaal op de hoek Molenweg en Kerkstraat al een week niet. In "
     "september heb ik al gemeld dat de tegels omhoog staan. Er is nooit iets mee gedaan.", True),
    ("ik heb vorige week al gemeld dat de lamp in de Kerkstraat kapot is. is er al iets mee "
     "gedaan?", False),
    ("Ik heb 3 weken geleden een gat in de Molenweg gemeld. Hoe staat het daarmee?", False),
    ("ik had een paar weken geleden een omgewaaide boom in het park aan de parkweg doorgegeven. "
     "weet u hoe het daarmee staat? het mailtje met het nummer heb ik niet meer", False),
])
def test_a_new_problem_beside_an_earlier_report(text, beside):
    from bot.reading.report_questions import tells_a_new_problem_beside
    assert tells_a_new_problem_beside(text) is beside


def test_the_price_of_bulky_waste_is_no_question_about_the_report():
    """Round r264 of session 62: "Een melding doen is gratis" to a sofa and a cupboard."""
    assert read_report_question(
        "ja ik heb oude bank (sofa) en kast, hoe kan ik die weg doen? kost geld?") is None
    assert read_report_question(
        "de kast staat al een week op de stoep. kost het geld om te melden?") == "cost"


@pytest.mark.parametrize("text, kind", [
    # round r277: "mag ik hem zelf wegslepen?" about a dumped fridge got the dumping fine
    ("mag ik hem zelf wegslepen naar de container?", "move_it"),
    ("wordt die auto weggesleept?", "enforcement"),
])
def test_moving_it_oneself_is_no_towing(text, kind):
    assert read_report_question(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("wanneer wordt dat opgehaald?", "duration"),  # round r278: beside dumped furniture
    ("wanneer wordt het oud papier opgehaald?", "next_steps"),  # the calendar, read apart
])
def test_when_it_is_picked_up(text, kind):
    assert read_report_question(text) == kind


def test_danger_said_beside_another_question_asks_no_safety_advice():
    """Round r278: "DAT IS GEVAARLIJK!! … WAAROM IS DE CONTAINER NIET GELEEGD?" about a swing
    got the gas and power advice."""
    assert read_report_question("DE SCHOMMEL IS KAPOT. DAT IS GEVAARLIJK!! EN WAAROM IS DE "
                                "GROENE CONTAINER NOG STEEDS NIET GELEEGD?") != "safety"
