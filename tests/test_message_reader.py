"""bot.nlu.reader.MessageReader: the reading as entities, and answers the model misread."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import FALLBACK_THRESHOLD
from bot.nlu.reader import MessageReader
from bot.reading.message import read_message
from bot.reading.result import Reading
from bot.text import undictated


CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")


def processed(text: str, intent: str = "inform", confidence: float = 0.7) -> Message:
    """The message as MessageReader gets it: with the case number the pipeline's
    RegexEntityExtractor found (here only the canonical M-YYYY-NNNNNN form)."""
    found = [{"entity": "case_number", "value": m.group(), "start": m.start(), "end": m.end()}
             for m in CASE_NUMBER.finditer(text)]
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": confidence},
                            ENTITIES: found})
    MessageReader().process([message])
    return message


def test_the_reading_is_stored_as_entities():
    message = processed("de lantaarnpaal voor Kerkstraat 14 is al een week kapot")
    reading = Reading.from_entities(message.get(ENTITIES))
    assert reading.location.label == "Kerkstraat 14"
    assert reading.category == "report_street_lighting"


@pytest.mark.parametrize("text, intent, expected", [
    ("l.vermeulen@ziggo.nl", "stop", "inform"),
    ("ja, bel me maar op 06-12345678", "ask_report_status", "inform"),
    ("ja graag, en bel me dan even op 06-12345678 als het klaar is", "ask_human", "affirm"),
    ("nee hoor, als hij maar gemaakt wordt", "stop", "deny"),
    ("JA VERSTUUR MAAR", "stop", "affirm"),
    ("laat maar, ik meld het later wel", "stop", "stop"),
    ("stop", "stop", "stop"),
    ("laat maar, bel me gewoon op 0612345678", "stop", "inform"),
    ("laat maar mailen, bel me gewoon op 0612345678", "complaint", "inform"),
    ("ik wil een klacht indienen, bel me op 0612345678", "complaint", "complaint"),
    ("hou maar op met mailen, sms naar 06 1234 5678", "stop", "inform"),
    ("stop de melding maar, bel me niet op 0612345678", "stop", "stop"),
    ("de lamp is kapot", "report_street_lighting", "report_street_lighting"),
    ("near the bus stop, I said", "stop", "inform"),
    ("lantaarnpaal kapot bij Kerkstraat 12, 1234 AB", "inform", "report_street_lighting"),
    ("Kerkstraat 14", "inform", "inform"),
    ("bij de lantaarnpaal op de Dorpsstraat", "inform", "inform"),
    ("het stopbord is omgewaaid", "stop", "inform"),
    ("stop, the bus stop is not the problem", "stop", "stop"),
    # farewell words alone are a goodbye, whatever the model read in their letters
    ("doeidoei", "report_public_space_other", "goodbye"),
    ("Tot ziens!", "greeting", "goodbye"),
    ("doei, de lamp is kapot", "report_street_lighting", "report_street_lighting"),
    ("dag", "greeting", "greeting"),
    ("9, zei ik al", "stop", "inform"),
    ("Kerkstraat 9, laat maar", "stop", "stop"),
    # wanting a person is asking for one, not asking whether the bot is one
    ("ik wil een echte persoon", "bot_challenge", "ask_human"),
    ("ben ik nu met een echt persoon aan het praten?", "bot_challenge", "bot_challenge"),
    ("ik wil weten of ik met een mens praat", "bot_challenge", "bot_challenge"),
    ("ge moogt eens komen kijken, de gevel is vol gekalkt met graffiti", "ask_report_status",
     "report_public_space_other"),
    ("hoe staat het met mijn melding over de graffiti?", "ask_report_status",
     "ask_report_status"),
    ("graffiti M-2026-000123", "ask_report_status", "ask_report_status"),
    # to notify of a wedding is no report to look up (round r59)
    ("we gaan in mei trouwen, hoe ver van tevoren moeten we dat melden?", "ask_report_status",
     "municipal_question"),
    ("is mijn melding over de lamp al opgepakt?", "ask_report_status", "ask_report_status"),
    # a remark and a goodbye is no status question (round r53)
    ("ok dus 4 weken ervoor. had je ook gewoon kunnen zeggen haha. doei", "ask_report_status",
     "goodbye"),
    ("hoe staat het met mijn melding? doei", "ask_report_status", "ask_report_status"),
    ("nou, daar heb ik niet veel aan. ik schrijf wel een brief. goedendag",
     "report_public_space_other", "goodbye"),  # round r57: a waste report started
    ("ja verstuur maar. doei", "affirm", "affirm"),
    ("Dan bel ik morgen wel even. Bedankt voor de moeite en een prettige avond gewenst. "
     "Hoogachtend, mevr. Bakker", "thanks", "goodbye"),  # round r57
    ("bedankt!", "thanks", "thanks"),
    ("de lamp bij Kerkstraat 4 is kapot. doei", "report_street_lighting",
     "report_street_lighting"),
    ("hou maar op, de lamp in de Kerkstraat doet het weer", "stop", "stop"),
    # a yes the model took for wanting a person, with no word for one
    ("ja verstuur maar, jullie vinden m wel", "ask_human", "affirm"),
    ("ja, maar ik wil liever een medewerker spreken", "ask_human", "ask_human"),
    ("Graag zou ik willen weten wanneer de gemeente de bomen in onze straat gaat snoeien",
     "ask_human", "municipal_question"),
    # money worries without a word about money is the model's guess
    ("mijn man is vannacht overleden in het ziekenhuis. ik weet niet goed wat ik nu allemaal "
     "moet doen bij de gemeente", "money_worries", "municipal_question"),
    ("ik kan de huur niet meer betalen", "money_worries", "money_worries"),
    # a plain question about a tax, with no trouble in it
    ("mijn zoon wordt 18 in januari, moet hij ook gemeentebelasting gaan betalen? hij woont "
     "nog thuis", "money_worries", "municipal_question"),
    ("ik heb moeite met de belastingaanslag betalen", "money_worries", "money_worries"),
    ("JULLIE ZIJN ECHT EEN STELLETJE INCOMPETENTE AMBTENAREN, 3 keer gemeld, waar betaal ik "
     "belasting voor", "money_worries", "complaint"),
    ("ik heb geen geldzorgen, ik heb een KLACHT", "money_worries", "complaint"),
    ("belachelijk, ik heb schulden en niemand helpt", "money_worries", "money_worries"),
    ("Belachelijk, ik heb geen geld meer voor boodschappen voor de kinderen", "money_worries",
     "money_worries"),
    ("Mijn man is vannacht overleden, ik wil weten wat ik moet regelen", "money_worries",
     "municipal_question"),
    ("Is er een mogelijkheid om dit telefonisch te bespreken?", "ask_human", "ask_human"),
    ("huurachterstand van 3 maanden en de woningcorporatie dreigt ons eruit te zetten",
     "money_worries", "money_worries"),
    # "I don't know" said again is an answer to the question, not a stop
    ("weet ik niet zei ik toch", "stop", "inform"),
    # a no said again is a no
    ("ik zei toch al dat dat niet hoeft", "stop", "deny"),
    ("nee laat maar, stop de melding", "stop", "stop"),
    ("geen idee, stop de melding maar", "stop", "stop"),
    # not wanting a person, or talking to the neighbours oneself, is no request for one
    ("ik hoef geen collega. gewoon geen berichten", "ask_human", "deny"),
    ("hmm toch maar niet, ik geef liever geen gegevens", "ask_human", "deny"),
    ("laat maar, ik ga wel met ze praten", "ask_human", "stop"),
    ("ik wil toch liever even met een medewerker praten", "ask_human", "ask_human"),
    # a plain question the model took for a complaint
    ("wat voor weer wordt het morgen? moet mn kliko buiten als het gaat stormen?", "complaint",
     "municipal_question"),
    ("waarom wordt mijn kliko weer niet geleegd?", "complaint", "complaint"),
    # a person asked for, whatever the subject
    ("ik ben doof en kan niet bellen. ik wil graag met een medewerker chatten over mijn WMO "
     "aanvraag", "municipal_question", "ask_human"),
    ("kan een medewerker mijn paspoort aan huis brengen?", "municipal_question",
     "municipal_question"),
    ("Kan ik iemand van de gemeente aan de lijn krijgen over mijn WMO aanvraag?",
     "municipal_question", "ask_human"),
    ("ik bel al weken. mag ik hier een bericht achterlaten?", "report_public_space_other",
     "ask_human"),
    # a stop beside "I don't know", and a person wanted after all
    ("weet ik niet, laat maar zitten", "stop", "stop"),
    ("geen idee. stop", "stop", "stop"),
    # a choice of what to report is no stop
    ("nee, en doe alleen dat glas maar, die fiets laat maar zitten", "stop", "inform"),
    ("Is er geen mens die dit leest?? ik wil een mens", "ask_human", "ask_human"),
    ("waarom krijg ik geen medewerker te spreken?!", "ask_human", "ask_human"),
    ("tot hoe laat kan ik een medewerker bellen?", "municipal_question", "municipal_question"),
    ("hoe kan het dat mijn bak 3 keer is overgeslagen?", "complaint", "complaint"),
    # a yes the model read as a report, and a message that begins with stop
    ("ja daar gaat het over", "report_public_space_other", "affirm"),
    ("ja, ik wil iets melden", "report_public_space_other", "report_public_space_other"),
    ("ja de lamp is kapot", "report_street_lighting", "report_street_lighting"),
    ("stop. kwijtschelding gemeentelijke belastingen", "taxes", "stop"),
    ("stopbord is omgereden bij de school", "report_public_space_other",
     "report_public_space_other"),
    # "taxes" without a word about taxes
    ("plastiek, waar moet dat?", "taxes", "municipal_question"),
    ("wanneer moet ik de afvalstoffenheffing betalen?", "taxes", "taxes"),
    ("when will the waste levy be charged this year", "taxes", "taxes"),
    # where the town hall is, not when it is open or a move
    ("adres gemeentehuis", "moving_address_change", "municipal_question"),
    ("waar staat het gemeentehuis eigenlijk", "opening_hours", "municipal_question"),
    ("waar is het gemeentehuis en tot hoe laat open?", "opening_hours", "opening_hours"),
    ("ik verhuis naar het adres naast het gemeentehuis", "moving_address_change",
     "moving_address_change"),
    # "geen klacht" is no complaint
    ("nee hoeft niet, ik wil geen klacht. meld die lamp maar gewoon", "complaint", "deny"),
    ("ik klaag niet hoor, de lamp is gewoon kapot", "complaint", "inform"),
    ("ik ben niet ontevreden hoor, ik vroeg alleen iets", "complaint", "inform"),
    # "ben je echt?" is a bot challenge; "die straat bestaat echt" is an answer
    ("jawel, die straat bestaat echt", "bot_challenge", "affirm"),
    ("ben je echt", "bot_challenge", "bot_challenge"),
    ("ik wil een klacht indienen", "complaint", "complaint"),
    # round 76: a number corrected, and a yes beside "no colleague"
    ("wacht het is 33 niet 3. en nee hoeft niet", "complaint", "inform"),
    ("oh wacht ik zie het verkeerd, het is nummer 38, voor het huis met de blauwe deur. en nee "
     "hoeft niet", "complaint", "inform"),
    ("het is 33 niet 3, belachelijk dat dit zo lang duurt", "complaint", "complaint"),
    ("Ik wil geen collega, ik wil alleen dat u het verstuurt. Ja, verstuur maar.", "ask_human",
     "affirm"),
    # round 78: bulky waste ruled out, the collection day asked
    ("nee geen grofvuil, ik bedoel de gewone vuilniszakken en de gft, welke dag wordt dat "
     "opgehaald op de Kerkweg?", "bulky_waste_pickup", "report_waste_collection"),
    ("hoe laat ik grofvuil ophalen", "bulky_waste_pickup", "bulky_waste_pickup"),
    # round 79: an answer, then a question about something else
    ("Ja dat klopt, graag versturen. Dus zaterdag is het gemeentehuis dicht?", "opening_hours",
     "affirm"),
    ("Berichten hoeft niet, ik zie het vanzelf wel. Moet ik nu nog iets doen?",
     "municipal_question", "municipal_question"),
    ("is het gemeentehuis zaterdag open?", "opening_hours", "opening_hours"),
    # round 80: a yes to the summary first, a grumble or question beside it
    ("JA STUUR MAAR. MAAR JE GEEFT GEEN ANTWOORD OP MIJN VRAAG OVER DE CAMERA", "complaint",
     "affirm"),
    ("ja versturen. maar ik vroeg iets over schade aan haar jas, daar zegt u niks over",
     "complaint", "affirm"),
    ("Ja dat klopt wel. Maar het is een vaste telefoon hoor, dus berichtjes kan ik niet lezen. "
     "Belt u mij dan op?", "complaint", "affirm"),
    ("ja, ik heb een klacht over de medewerker aan de balie", "complaint", "complaint"),
    ("ja klopt, maar ik wil wel een klacht indienen", "complaint", "complaint"),
    # round 84: starting over
    ("laat maar. opnieuw beginnen", "opening_hours", "stop"),
    # round 84: a no to the updates beside what the resident will do
    ("Er is niemand gewond. Ik bel straks wel even de politie op dat 0900 nummer. Geen "
     "berichten graag.", "complaint", "deny"),
    # round 82: sending first, the colleague may call
    ("Verstuur het dan maar, de medewerker mag mij bellen om het uit te leggen.", "ask_human",
     "affirm"),
    ("ik wil een medewerker spreken", "ask_human", "ask_human"),
    # round 81: furniture to be collected after a move
    ("Hi, I just moved to Lindendal last month. I have an old sofa and a mattress. Can the "
     "municipality pick them up?", "moving_address_change", "bulky_waste_pickup"),
    ("I just moved here, how do I register my address?", "moving_address_change",
     "moving_address_change"),
    # round 82: a pick-up question in a letter the model could not place
    ("Mijn kleinzoon heeft een nieuwe bank voor mij gekocht en nu staat de oude bank nog in de "
     "gang. Kan de gemeente die komen ophalen en wat moet ik daarvoor betalen?", "nlu_fallback",
     "bulky_waste_pickup"),
    ("er is een oude bank gedumpt bij de container, kunnen jullie die ophalen?", "nlu_fallback",
     "nlu_fallback"),
    # round 81: the product the model heard is ruled out
    ("Nee geen paspoort, dat had u al gezegd. Moeten we de buren informeren over de "
     "verbouwing?", "passport_id_appointment", "municipal_question"),
    ("ik heb geen paspoort meer, hoe vraag ik een nieuwe aan", "passport_id_appointment",
     "passport_id_appointment"),
    # round 79: a lost waste card heard as a lost ID card
    ("tamam. ik kaart kwijt voor container afval. nieuwe kaart hoe?", "passport_id_appointment",
     "report_waste_collection"),
    ("mijn id kaart is kwijt, hoe krijg ik een nieuwe?", "passport_id_appointment",
     "passport_id_appointment"),
])
def test_answers_are_answers_whatever_the_model_read(text, intent, expected):
    assert processed(text, intent).get(INTENT)["name"] == expected


@pytest.mark.parametrize("text, expected", [
    ("er ligt een losse tegel komma ik ben bijna gevallen punt",
     "er ligt een losse tegel, ik ben bijna gevallen."),
    ("wat kost een paspoort vraagteken", "wat kost een paspoort?"),
    ("de punt van de stoeprand is afgebroken komma gevaarlijk",
     "de punt van de stoeprand is afgebroken, gevaarlijk"),
    ("het punt is dat de lamp kapot is", "het punt is dat de lamp kapot is"),
])
def test_dictated_punctuation_is_read_as_punctuation(text: str, expected: str) -> None:
    assert undictated(text) == expected


def test_a_dictated_report_keeps_no_spoken_punctuation() -> None:
    reading = read_message("de straatlamp brandt niet komma het is heel donker punt "
                           "het is bij de Kerkstraat 14 punt")
    assert "komma" not in reading.description and "punt" not in reading.description
    assert reading.place["house_number"] == "14"


@pytest.mark.parametrize("text, injured", [
    ("mijn moeder is over de losse tegel gestruikeld en heeft haar pols gebroken", True),
    ("mijn zoontje heeft een snee in zijn been door de kapotte glijbaan", True),
    ("ik ben er bijna over gestruikeld", False),
    ("er ligt een gebroken tegel voor de deur", False),
    ("ik ben echt boos, de lamp is weer kapot", False),
    ("er is een grote tak op het fietspad gevallen", False),
    ("de lamp is kapot en mijn hoofd doet pijn van het gezoem", False),
    ("er is gisteren een fietser in het gat gevallen", True),
    ("ben van mijn fiets gegaan door dat gat, mijn pols is dik en doet zeer", True),
    ("ik ben door dat gat van mijn fiets gevallen, mijn pols is dik", True),
    # Flemish "bijkans" is "bijna" (round r164 of session 52: "Moet een dokter ernaar kijken?")
    ("Mijn vrouw is er gisteren bijkans in gestruikeld.", False),
])
def test_someone_hurt_is_read_apart_from_feelings(text: str, injured: bool) -> None:
    assert read_message(text).injured is injured


@pytest.mark.parametrize("text", [
    "heb vorige week het gedumpte afval gemeld maar het staat er nog steeds, gebeurt er nog wat?",
    "ik heb 3 weken geleden een kapotte lantaarnpaal gemeld en er is nog steeds niks gebeurd",
    "ik meldde een gat in de weg, wanneer wordt dat gerepareerd",
])
def test_a_report_made_earlier_is_a_status_question(text):
    assert processed(text, "report_public_space_other").get(INTENT)["name"] == "ask_report_status"


@pytest.mark.parametrize("text", [
    "er ligt een tegel los, ik heb het al gemeld bij de buren",
    "ik heb net een foto gemaakt van de tegel, hij ligt nog steeds los",
])
def test_a_new_report_stays_a_report(text):
    assert processed(text, "report_pavement_road").get(INTENT)["name"] == "report_pavement_road"


@pytest.mark.parametrize("text, intent, expected", [
    ("we zitten al maanden zonder inkomen", "report_public_space_other", "money_worries"),
    ("wanneer komt de vuilnisauto in mijn wijk", "report_public_space_other",
     "report_waste_collection"),
    ("de lantaarnpaal is kapot", "report_street_lighting", "report_street_lighting"),
    ("mijn container is niet geleegd", "report_public_space_other", "report_public_space_other"),
    ("hoe kom ik van mn oude bank af die past niet in de container", "report_waste_collection",
     "bulky_waste_pickup"),
    ("waar kan ik mijn oude matras kwijt?", "report_public_space_other", "bulky_waste_pickup"),
    ("de container is vol, er staat een matras naast", "report_waste_collection",
     "report_waste_collection"),
])
def test_a_topic_the_reader_is_sure_of_is_the_intent_instead_of_a_guessed_report(
        text, intent, expected):
    assert processed(text, intent).get(INTENT)["name"] == expected


def test_a_document_in_other_words_is_its_product_when_the_model_guessed():
    # Flemish "reispas" (round r76 of session 41: read as a move, then "niet helpen")
    text = "mijn reispas is binnenkort vervallen, hoe moet ik dat doen?"
    assert processed(text, "moving_address_change", 0.3).get(INTENT)["name"] == (
        "passport_id_appointment")
    assert processed(text, "moving_address_change", 0.9).get(INTENT)["name"] == (
        "moving_address_change")


def test_a_place_the_model_hardly_took_for_a_complaint_is_an_answer():
    # own try, session 42: "Wat vervelend dat u niet tevreden bent" in the middle of a report
    text = "weet ik niet precies, bij het hek van het schoolplein"
    assert processed(text, "complaint", 0.41).get(INTENT)["name"] == "inform"
    assert processed(text, "complaint", 0.9).get(INTENT)["name"] == "complaint"
    assert processed("belachelijk, bij het hek van de school al weken", "complaint",
                     0.41).get(INTENT)["name"] == "complaint"


def test_a_question_about_business_waste_is_a_question_not_a_report():
    # round r81: "Waar is het?" to a shop owner asking who collects the shop's waste
    text = "wanneer wordt het bedrijfsafval hier opgehaald, mijn container puilt uit"
    assert processed(text, "report_waste_collection", 0.9).get(INTENT)["name"] == (
        "municipal_question")


def test_the_fallback_threshold_is_the_one_the_pipeline_uses():
    pipeline = yaml.safe_load(Path("config.yml").read_text())["pipeline"]
    fallback = next(part for part in pipeline if part["name"] == "FallbackClassifier")
    assert fallback["threshold"] == FALLBACK_THRESHOLD


def test_a_message_for_a_named_colleague_is_a_person_asked_for_whatever_the_subject():
    text = ("mevrouw Jansen van vergunningen zou mij deze week terugbellen maar dat is niet "
            "gebeurd. kan ik een bericht voor haar achterlaten?")
    assert processed(text, "permit_question").get(INTENT)["name"] == "ask_human"
    assert processed("heb ik een vergunning nodig voor een schutting?",
                     "permit_question").get(INTENT)["name"] == "permit_question"


@pytest.mark.parametrize("text, expected", [
    ("laat maar, verstuur maar zo", "affirm"), ("laat maar, niet versturen", "stop"),
    ("laat maar", "stop")])
def test_send_it_as_it_is_is_a_yes_even_after_laat_maar(text, expected):
    assert processed(text, "stop").get(INTENT)["name"] == expected


def test_alarm_words_are_not_read_in_a_language_the_bot_does_not_speak():
    from bot.reading.message import read_message

    turkish = read_message("merhaba, çöp ne zaman toplanıyor? plastik çöp hangi gün")
    assert turkish.language == "tr" and turkish.danger is None and not turkish.alarm
    assert read_message("er is brand").danger == "emergency"


def test_no_thanks_at_the_updates_question_is_a_no_not_a_stop():
    text = "nee hoeft niet maar kijken jullie of hij gechipt is"
    assert processed(text, "stop").get(INTENT)["name"] == "deny"


def test_care_at_home_the_model_took_for_a_report_is_a_question():
    text = ("Mijn moeder (84) kan niet meer goed zelf douchen en de trap op. Kan ze hulp krijgen "
            "via de gemeente? Ze woont in Lindendal, ik zelf in Zwolle.")
    assert processed(text, "report_waste_collection").get(INTENT)["name"] == "municipal_question"
    assert processed("de kliko is niet geleegd in de Kerkstraat",
                     "report_waste_collection").get(INTENT)["name"] == "report_waste_collection"


@pytest.mark.parametrize("text, repeated", [
    ("de container is weer niet geleegd", True),
    ("voor de derde keer kapot", True),
    ("onze gft container is niet geleegd, stinkt behoorlijk met dit weer", False),
    ("Weet u of die stoep binnenkort opnieuw gelegd wordt?", False),
    # round 91: the routine asked about beside a first-time report
    ("De lantaarnpaal bij de school doet het al een week niet. En wanneer komen ze het papier "
     "weer ophalen?", False),
    ("wanneer komen jullie nou eindelijk? de bak is alweer niet geleegd", True),
])
def test_again_is_heard_but_not_in_the_weather_or_a_repair_asked_about(text, repeated):
    """Round 80: "Vervelend dat het weer gebeurt" for a first-time problem."""
    assert read_message(text).repeated is repeated


@pytest.mark.parametrize("text, long_standing", [
    ("Beste gemeente, al twee weken staat er een kapotte koelkast op de stoep", True),
    ("de lamp bij de school is al maanden stuk", True),
    ("sinds vorige week ligt er een tegel los", True),
    ("the street light has been broken for weeks", True),
    ("ik woon al 30 jaar in de kerkstraat en nog nooit zoveel rommel gezien", False),
    ("ik heb het al lang geleden gemeld", False),
    ("Hallo, ik woon in de Vondelstraat. Al een week ligt er een dode kat voor mijn deur.", True),
    ("er ligt een tegel los", False),
])
def test_a_problem_that_lasts_long_is_heard(text, long_standing):
    """Session 37: "al twee weken … een schandaal" got only "Dank u dat u dit laat weten."."""
    assert read_message(text).long_standing is long_standing


@pytest.mark.parametrize("text, category", [
    ("veel ratten gezien bij de containers achter de flat op de vondelstraat",
     "report_public_space_other"),
    ("ik zie ratten bij de containers", "report_public_space_other"),
    ("de container is vol en trekt ratten aan", "report_waste_collection"),
])
def test_rats_seen_are_pests_and_rats_drawn_by_a_full_bin_are_waste(text, category):
    """Session 37: "veel ratten gezien bij de containers" got "iets mis met het afval"."""
    assert read_message(text).category == category


def test_a_question_about_another_topic_is_neither_the_problem_nor_its_description():
    """Round 93 (own try): a broken lamp told with "En wanneer wordt het oud papier weer
    opgehaald?" was filed as waste, with the question in the description."""
    reading = read_message("De lantaarnpaal bij Kerkstraat 5 is kapot. En wanneer wordt het "
                           "oud papier weer opgehaald?")
    assert reading.category == "report_street_lighting"
    assert "papier" not in reading.description and reading.report_question is None
    alone = read_message("wanneer wordt het oud papier opgehaald?")
    assert alone.question == "waste_calendar" and "papier" in alone.description


def test_a_question_about_the_town_hall_beside_a_report_stays_out_of_the_description():
    """Round 95: "… matrassen enzo. en is het gemeentehuis vrijdagmiddag open?" reached the
    crew's description."""
    from bot.nlu.reader import read_message

    reading = read_message("er staan 2 matrassen en een kast bij de glasbak aan de molenweg. "
                           "en tot hoe laat is de balie op donderdag open?")
    assert "balie" not in reading.description
    assert "matrassen" in reading.description


@pytest.mark.parametrize("intent", ["money_worries", "taxes"])
def test_a_problem_told_with_its_place_the_model_took_for_money_is_a_report(intent):
    """Round 97: an overgrown hedge in broken Dutch got "Daar heb ik zelf geen antwoord op"."""
    text = ("hallo. heg van huis Beukenlaan is te groot, ik kan niet lopen op stoep met "
            "kinderwagen. ik heb al 3 keer gemeld, niemand komt")
    assert processed(text, intent).get(INTENT)["name"] == "report_public_space_other"
    money = "ik kan de huur van mijn huis in de Kerkstraat niet meer betalen"
    assert processed(money, "money_worries").get(INTENT)["name"] == "money_worries"


@pytest.mark.parametrize("text, intent, expected", [
    ("Geachte heer, mevrouw, Vorige week was ik aan de balie voor een nieuw rijbewijs. De "
     "medewerker die mij hielp was bijzonder onvriendelijk en liet mij lang wachten zonder "
     "uitleg. Ik zou dit graag officieel onder de aandacht willen brengen. Kunt u mij "
     "vertellen hoe ik dit het beste kan doen?", "opening_hours", "complaint"),
    ("ik ben afgesnauwd door een ambtenaar aan de telefoon, waar kan ik dat kwijt",
     "municipal_question", "complaint"),
    ("hoe word ik medewerker bij de gemeente?", "municipal_question", "municipal_question"),
    ("gisteren werd ik aan de telefoon onbeschoft te woord gestaan door een medewerker. Waar "
     "kan ik dit kwijt?", "complaint", "complaint"),
])
def test_how_staff_treated_the_resident_is_a_complaint(text, intent, expected):
    """Round 95: a polite letter about an unfriendly employee got a bare refusal."""
    assert processed(text, intent).get(INTENT)["name"] == expected


def test_who_pays_after_a_fall_is_a_question_not_the_description():
    """Session 37: "… MIJN POLS IS GEBROKEN, WIE BETAALT DIT" went to the crew as the
    description, and the question about the damage was never answered."""
    reading = read_message("IK BEN GEVALLEN OVER EEN LOSSE TEGEL EN MIJN POLS IS GEBROKEN, "
                           "WIE BETAALT DIT")
    assert reading.report_question == "damage"
    assert "betaalt" not in reading.description.lower() and "tegel" in reading.description


@pytest.mark.parametrize("text, noise_now", [
    ("de buren hebben een feest en de muziek staat keihard, het is 2 uur s nachts", True),
    ("er is al de hele avond enorm lawaai van een scooter op de parkweg", True),
    ("the neighbours are playing loud music right now", True),
    ("elk weekend geluidsoverlast van de kroeg", False),
    # it comes back every evening: the police can come when it does (session 49)
    ("de jongens op het plein steken elke avond vuurwerk af en het is pas december", True),
    ("de lantaarnpaal is nu al een week kapot", False),
])
def test_noise_going_on_now_is_heard(text, noise_now):
    """Rounds r43/r44: noise at night got 10 working days and no police number."""
    assert read_message(text).noise_now is noise_now


@pytest.mark.parametrize("text", [
    "brommers racen rondjes bij de speeltuin, het is middernacht",
    "er gaat al een uur een autoalarm af op het marktplein",
])
def test_other_noise_now_is_heard(text):
    """Round r49: mopeds at midnight were a broken road, a car alarm a waste problem."""
    assert read_message(text).noise_now


def test_ones_own_lost_licence_is_no_street_report():
    """Round r61: "mijn rijbewijs is weg, … bij de bakker laten vallen" became a pavement
    report at the baker's."""
    from bot.reading.message import read_message

    text = ("ik schrok me kapot, mijn rijbewijs is weg. denk dat ik hem bij de slager op de "
            "kerkweg heb laten vallen. is er een plek voor gevonden voorwerpen?")
    assert read_message(text).category is None
    assert read_message("de stoep is kapot, mijn telefoon viel bijna").category is not None


def test_a_bare_number_of_a_second_problem_is_on_the_street_named():
    """Round r64: "Waar: (2) 3" without the street."""
    from bot.reading.message import read_message

    reading = read_message("de kerkweg ligt vol zwerfvuil en de lantaarnpaal bij nr 9 is stuk")
    places = [problem.get("place", {}).get("text") for problem in reading.problems]
    assert "Kerkweg 9" in places


@pytest.mark.parametrize("text, injured", [
    # round r89 of session 43: "niemand is gewond" got advice to see a doctor
    ("ik heb geen 112 gebeld, niemand is gewond. ik wil de omgereden lantaarnpaal melden",
     False),
    ("hij is niet gewond, maar de paal ligt op de stoep", False),
    ("ik kon niet opstaan, ik ben gevallen over een losse tegel", True),
    # round r142 of session 50: a sign that fell over got "hope you get better"
    ("hallo ik wil melden verkeerbord is om gevallen nieuwstraat. ligt op fietspad", False),
    ("er liggen tegels los op de stoep, mn moeder struikelde er bijna over", False),
])
def test_nobody_hurt_is_no_injury(text, injured):
    assert read_message(text).injured is injured


@pytest.mark.parametrize("text, language", [
    ("bij de albert heijn op de stationsweg", None),
    ("its at the stationsweg near the albert heijn", None),
    ("de lantaarnpaal op de kerkstraat 5 is kapot", "nl"),
])
def test_a_place_alone_says_nothing_of_the_residents_language(text, language):
    """Round r168 of session 52: an English resident's "bij de albert heijn" turned the chat
    into Dutch."""
    assert read_message(text).language == language
