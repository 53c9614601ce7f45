"""bot.reading.callback: a request to be called back, told from other talk of phoning."""
import pytest

from bot.reading.callback import preferred_time, wants_callback


@pytest.mark.parametrize("text", [
    "kunnen jullie mij terugbellen over mijn aanslag? 0612345678",
    "Bel mij even terug aub", "kan iemand van burgerzaken me morgen bellen",
    "ik wil graag gebeld worden over de kapvergunning", "BEL ME TERUG", "terug bellen graag",
    "can someone call me back please", "give me a call on 0612345678", "belt u mij terug?",
    "kan iemand van de gemeente me even bellen",
    # a request asked as "can't you …?" (round r119 of session 49)
    "Kunt u mij niet gewoon even terugbellen als het gemaakt wordt? mijn nummer is 06-12345678",
    "Ik heb al drie keer gebeld en niemand belt terug. Ik wil nu echt dat iemand mij belt.",
    "Ik wil graag teruggebeld worden morgenochtend tussen 9 en 10 op 0346 - 27 18 90",
    "u kunt me bellen op 0687654321, liefst na 3 uur smiddags",
    "kan iemand van de gemeente mij opbellen over huishoudelijke hulp via de wmo?",
    "Could someone phone me instead? 0612345678", "please ring me, I can't type well",
    "ik heb geen email, kunnen jullie bellen? 0571-234567",
])
def test_a_callback_request_is_read(text):
    assert wants_callback(text)


@pytest.mark.parametrize("text", [
    "bel 112", "moet ik de politie bellen?", "ik heb gisteren al gebeld",
    "ik ben nog steeds niet teruggebeld!", "ze hebben beloofd terug te bellen maar niks",
    "wat is jullie telefoonnummer", "i called yesterday", "ik wil niet gebeld worden",
    "ik word liever niet gebeld", "bel me niet terug",
    "u zou mij terugbellen, dat is nooit gebeurd",
    "jullie zouden me terugbellen maar dat is niet gebeurd", "please don't call me",
    "call me Jan", "kunt u bellen naar de politie?", "could you call the police?",
    # round 86: a complaint about callbacks promised and never made
    "2x gebeld over de lantaarnpaal, 2x beloofd dat ze terugbellen, nooit gebeurd",
    "ze hebben beloofd dat ze mij zouden terugbellen",
])
def test_other_talk_of_phoning_is_no_callback_request(text):
    assert not wants_callback(text)


@pytest.mark.parametrize("text, when", [
    ("kunt u mij morgen tussen 10 en 12 terugbellen op 030-1234567", "morgen tussen 10 en 12"),
    ("graag na 14:00 bellen", "na 14:00"),
    ("maandagochtend om 9 uur", "maandagochtend om 9 uur"),
    ("call me back tomorrow afternoon on 0612345678", "tomorrow afternoon"),
    ("bel me terug op 0612345678", None),
    ("bel me op 030 1234567", None),
    ("de lamp is al sinds zondag kapot, bel me terug", None),
    ("mijn kliko is vorige week dinsdag niet geleegd, bel me terug", None),
    ("het gat ligt om 3 meter van de hoek", None),
    ("ik ben morgen vanaf 9 uur thuis, bel me dan", "morgen vanaf 9 uur"),
])
def test_the_time_a_resident_wants_to_be_called(text, when):
    assert preferred_time(text) == when


def test_a_part_of_the_day_written_together_with_the_day():
    assert preferred_time("Kunt u mij morgenmiddag na 14.00 uur terugbellen") == \
        "morgenmiddag na 14.00 uur"


@pytest.mark.parametrize("text, expected", [
    ("klacht over de baliemedewerker bij rijbewijzen vanochtend. Graag terugbellen op "
     "0571-223344, mevrouw Jansen.", None),
    ("ik was vanochtend aan de balie, bel me morgen", "morgen"),
    ("bel me vanmiddag terug", "vanmiddag"),
    ("Bel me terug, liefst vanmiddag", "vanmiddag"),
    ("Bel me, vanmiddag na 3 uur", "vanmiddag na 3 uur"),
])
def test_a_part_of_today_that_is_over_is_no_time_to_call(text, expected):
    assert preferred_time(text) == expected


@pytest.mark.parametrize("text", [
    "maar ik zit morgen niet achter de computer. kan die collega mij bellen? 0687654321",
    "kan mevrouw Jansen mij even bellen?", "zou de medewerker me kunnen bellen",
    "kan er iemand van de gemeente mij bellen over de aanslag?"])
def test_a_named_or_pointed_at_colleague_calling_is_a_callback(text):
    assert wants_callback(text)


def test_a_time_said_twice_is_told_once():
    assert preferred_time("kan iemand mij morgen bellen? het liefst morgen") == "morgen"


@pytest.mark.parametrize("text, when", [
    ("hier? ik zit maandag niet achter de computer hoor. kunnen ze niet bellen?", None),
    ("ik zei niet s avonds, overdag is prima", "overdag"),
    ("bel me liefst s avonds", "s avonds"),
])
def test_a_time_said_with_not_is_no_wish(text, when):
    """Round r106 (session 47): "ik zit maandag niet achter de computer" became the time."""
    from bot.reading.callback import preferred_time
    assert preferred_time(text) == when


@pytest.mark.parametrize("text, no_calls", [
    # round r215 of session 56: never kept, so a colleague might phone a deaf man
    ("ja graag maar niet bellen want ik ben doof. alleen mail of sms aub", True),
    ("06-12345678 maar dan alleen sms he, bellen heeft geen zin", True),
    ("bellen is lastig voor mij, liever whatsapp", True),
    ("text only please", True),
    ("hmm nee laat dat bellen maar, mijn telefoon ligt overdag in een kluisje", True),
    ("ja graag, bel me maar", False),
    ("de lamp is niet kapot, hij knippert", False),
])
def test_no_calls_wished(text, no_calls):
    from bot.reading.callback import says_no_calls
    assert says_no_calls(text) is no_calls


@pytest.mark.parametrize("text, when", [
    ("en weten ze dat het na 6 uur moet? overdag neem ik niet op", "na 6 uur"),
    ("bel me terug, liefst na 18u", "na 18u"),
    ("de lamp gaat pas na 6 uur aan", None),  # no call spoken of
    # round r233 of session 58: the call wished without "me"
    ("0571-233419, dat is een vast nummer. Liefst na 10 uur 's ochtends bellen.",
     "na 10 uur 's ochtends"),
    ("Wilt u erbij zetten: graag bellen na 10 uur 's ochtends", "na 10 uur 's ochtends"),
    ("ik moet straks nog bellen met de huisarts", None),
])
def test_a_time_to_be_called_only_beside_a_call(text, when):
    from bot.reading.callback import call_time_wished
    assert call_time_wished(text) == when


@pytest.mark.parametrize("text, when", [
    # round r219 of session 56: "I have put with your report that you prefer to be called
    # around 30" (a house number, and the resident's own call)
    ("its not 30I, just around 30. so who do I call FIRST, vitens or you?", None),
    # the part of the day the resident is away is no time to call
    ("wanneer bellen ze dan? overdag werk ik, na 17 uur ben ik thuis", "na 17 uur"),
])
def test_only_a_call_to_the_resident_names_a_time(text, when):
    from bot.reading.callback import call_time_wished
    assert call_time_wished(text) == when
