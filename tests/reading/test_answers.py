"""Answers in residents' own words: contact details, yes or no, remarks, thanks."""
from __future__ import annotations

import pytest

from bot.reading.answers import (
    is_about_being_reached,
    Contact,
    adds_to_a_report,
    only_tells_when,
    is_dutch_landline,
    is_thanks_or_goodbye,
    leaves_the_chat,
    normalise_phone,
    part_to_remove,
    read_addition,
    read_contact,
    read_yes_no,
    says_no_thanks,
    says_nothing_to_change,
    says_send_it,
    restated_problem,
    swapped_word,
    tells_news_since,
    ends_the_chat,
    wrong_part,
)


@pytest.mark.parametrize("text, email", [
    ("piet@hotmail.com", "piet@hotmail.com"),
    ("ja graag, mijn mail is Anja.de.Vries@Gmail.com", "anja.de.vries@gmail.com"),
    ("stuur maar naar kees1962@ziggo.nl.", "kees1962@ziggo.nl"),
    ("(j.jansen@kpnmail.nl)", "j.jansen@kpnmail.nl"),
    ("MAIL: FATIMA_ELAMRANI@LIVE.NL", "fatima_elamrani@live.nl"),
    ("reach me at john.smith+gemeente@outlook.com, thanks", "john.smith+gemeente@outlook.com"),
    ("a.b-c@sub.domain.nl is mijn werkadres", "a.b-c@sub.domain.nl"),
    ("mail naar <info@bewonersvereniging-oost.nl> aub", "info@bewonersvereniging-oost.nl"),
    # typed loosely or read out (round 65); the summary shows the address to check
    ("mijn mail is piet at hotmail punt com", "piet@hotmail.com"),
    ("ja graag, mijn mail is anja punt devries apenstaartje gmail punt com",
     "anja.devries@gmail.com"),
    ("dat zei ik toch? anja.devries@gmail .com", "anja.devries@gmail.com"),
    ("p.jansen(at)hotmail.nl", "p.jansen@hotmail.nl"),
    ("Ja, stuurt u maar een mailtje naar pietjanssen@@ziggo.nl", "pietjanssen@ziggo.nl"),
    ("mail maar naar p.smit@ziggo,nl", "p.smit@ziggo.nl"),
    ("evet. ahmet punt yilmaz at hotmail punt com", "ahmet.yilmaz@hotmail.com"),
    ("h . de . boer @ ziggo . nl", "h.de.boer@ziggo.nl"),
])
def test_any_valid_email_address_is_read_and_lower_cased(text: str, email: str) -> None:
    assert read_contact(text).email == email


@pytest.mark.parametrize("text", [
    "piet@hotmail", "piet at hotmail", "@gemeente", "de lamp is kapot",
    "ik woon op nummer 5. punt uit", "de lamp staat bij de kerk. com",
])
def test_no_email_without_a_real_address(text: str) -> None:
    assert read_contact(text).email is None


@pytest.mark.parametrize("text, phone", [
    ("06-12345678", "+31612345678"),
    ("bel me maar op 06 1234 5678 na vijf uur", "+31612345678"),
    ("mijn nummer is 0 6 - 12 34 56 78", "+31612345678"),
    ("+31 6 12345678", "+31612345678"),
    ("0031612345678", "+31612345678"),
    ("vast nummer 020-1234567", "+31201234567"),
    ("(010) 123 45 67", "+31101234567"),
    ("+31 (0)6 1234 5678", "+31612345678"),
    ("mijn gsm is +32 470 12 34 56", "+32470123456"),
    ("0612345678.", "+31612345678"),
    ("Tel: 06 - 12 34 56 78", "+31612345678"),
])
def test_dutch_numbers_are_normalised_and_belgian_ones_kept(text: str, phone: str) -> None:
    assert read_contact(text).phone == phone


@pytest.mark.parametrize("text", [
    "Kerkstraat 14", "het is al 3 weken zo, sinds 12-03-2024", "mijn IBAN is NL91ABNA0417164300",
    "postcode 1234 AB nummer 12", "06-123", "bsn 123456782", "tussen 08.00 en 17.00 uur",
])
def test_no_phone_number_in_other_numbers(text: str) -> None:
    assert read_contact(text).phone is None


def test_the_municipalitys_own_number_is_no_residents_number() -> None:
    from bot.profile import profile
    crisis = profile().crisis_phone
    assert read_contact(f"ik heb {crisis} al gebeld, niemand neemt op").phone is None
    assert read_contact(f"{crisis} werkt niet, bel mij op 0612345678").phone == "+31612345678"


@pytest.mark.parametrize("text, sends", [
    ("niemand gewond nee. gewoon versturen dan", True), ("nee joh, verstuur maar gewoon", True),
    ("nee, niet versturen", False), ("nee dan niet versturen", False)])
def test_send_it_beside_a_no_about_something_else(text: str, sends: bool) -> None:
    assert says_send_it(text) is sends
    assert read_yes_no(text) is sends


def test_both_contact_details_in_one_sentence() -> None:
    contact = read_contact("Bel me op 0612345678 of mail naar Piet@Ziggo.nl, wat u wilt")
    assert contact == Contact(email="piet@ziggo.nl", phone="+31612345678")


@pytest.mark.parametrize("phone, landline", [
    ("+31345612873", True), ("+31201234567", True), ("+31612345678", False),
    ("+31970123456789", False), ("+32471234567", False), (None, False)])
def test_a_dutch_landline_is_told_from_a_mobile(phone, landline) -> None:
    assert is_dutch_landline(phone) is landline


def test_a_belgian_mobile_written_the_belgian_way_stays_belgian() -> None:
    """Round 83: "0475 12 34 56, dat is ne Belgische gsm" became a Dutch landline."""
    text = "ge kunt mij een smske sturen op 0475 12 34 56, dat is ne Belgische gsm"
    assert read_contact(text).phone == "+32475123456"
    assert read_contact("bel me op 0475 123456").phone == "+31475123456"


@pytest.mark.parametrize("text, phone", [
    # round r215 of session 56: the Belgian notation was taken for a Dutch landline (Eersel)
    ("mijn nummer: 0497/55.66.77", "+32497556677"),
    ("0497-556677", "+31497556677"),  # a Dutch landline, written the Dutch way
])
def test_a_belgian_mobile_in_the_belgian_notation(text, phone):
    assert read_contact(text).phone == phone


def test_normalise_phone_rejects_numbers_of_the_wrong_length() -> None:
    assert normalise_phone("+31 6 1234567") is None
    assert normalise_phone("061234567") is None


@pytest.mark.parametrize("text", [
    "ja", "JA", "Ja.", "jawel", "jazeker", "ja hoor", "ja graag", "Jaaa!",
    "ja, graag via mail: piet@hotmail.com", "ja bel me maar op 06-12345678",
    "yes please", "yes, that is correct", "klopt", "dat klopt helemaal", "klopt, dank u wel",
    "correct", "prima", "is goed", "oké", "okee", "OK", "doe maar", "verstuur maar", "akkoord",
    "ja maar voeg ook toe dat het gat 30 cm diep is", "ja?", "👍", "geen probleem",
    "Ja hoor, dat is in orde", "ik wil graag updates ontvangen", "helemaal goed zo",
    "Ziet er goed uit, versturen maar", "ja, alles klopt. fijne dag nog!",
    "laat maar, verstuur maar", "laat het maar zo", "oké, geen probleem",
    "LAAT MAAR. VERSTUUR", "nee laat maar, stuur hem maar op",
    "Ach, laat maar. Verstuur het maar zo, ik begrijp het niet meer.",
    # the answer, then a question (round 65)
    "ok send. how long will it take?", "klopt. kan de schommel vandaag nog weggehaald worden?",
    # round r275: a word of relief before the answer, the question after it
    "finally. yes send it. how long until its fixed?", "hè hè. ja verstuur. duurt het lang?",
    # "laat maar weten" is a yes; the sentence that starts with "ja" answers (round 73)
    "laat maar weten", "ja hoor laat maar weten", "laat het me maar horen",
    "nou hij ligt op het fietspad, niet echt over de weg. ja hoor laat maar weten",
])
def test_yes(text: str) -> None:
    assert read_yes_no(text) is True


@pytest.mark.parametrize("text", [
    "nee", "NEE", "neen", "nee hoor", "nee dank je", "hoeft niet", "liever niet", "niet nodig",
    "no thanks", "nope", "klopt niet", "dat klopt niet, het is nummer 14",
    "nee, het is Kerkstraat 14", "niet helemaal", "Neeee", "nee?", "doe maar niet",
    "ik wil geen updates", "hoef geen berichten hoor", "het adres is verkeerd",
    "ja, maar het huisnummer klopt niet", "Klopt niet helemaal, het is de Kerkweg",
    "dat is fout", "not correct, the street is wrong", "Nee dank u, ik hoef geen mail",
    # an "oké" that acknowledges the bot's last message, then the answer
    "oke gebeld. nee geen berichten", "ok, nee hoor", "prima, hoeft niet", "ok dan niet",
    "laat maar, stuur maar niet", "nee laat maar", "laat maar zitten",
    "ik vind het prima. nee hoor, geen berichten",
    "neenee",  # Flemish (round r166 of session 52)
    "Het klopt bijna. De vuilnisbak staat op de hoek, niet midden in de straat.",  # r173
])
def test_no(text: str) -> None:
    assert read_yes_no(text) is False


@pytest.mark.parametrize("text", [
    "wat bedoelt u?", "kerkstraat 14", "hoe lang duurt het?", "weet ik niet", "dank u wel",
    "is het goed als ik een foto stuur?", "klopt het adres wel?", "misschien",
    "ge moet ne keer komen kijken", "", "   ", "de lamp is nog steeds kapot",
    "klopt dat?", "is dat correct?", "Nou ik ga maar. Dag", "Just yes or no please",
    "gewoon ja of nee graag",
    # "juist" and "precies" saying where (round r159 of session 51: the report was sent)
    "dat paaltje is niet op het marktplein maar in de kerkstraat, juist om de hoek",
    "precies op de hoek van de kerkstraat",
    # a question, then no answer (round r166 of session 52: the report was sent)
    "Krijg ik dan een telefoontje of een sms? Ik kan niet zo goed sms lezen",
])
def test_neither_yes_nor_no(text: str) -> None:
    assert read_yes_no(text) is None


@pytest.mark.parametrize("text, expected", [
    ("o ja, het stinkt ook heel erg", None), ("oh ja, graag", True), ("O ja klopt", True),
    ("oja nee toch niet", False),
])
def test_o_ja_is_remembering_unless_an_answer_follows(text: str, expected) -> None:
    assert read_yes_no(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("en er zitten ook ratten", "er zitten ook ratten"),
    ("trouwens, de klep is kapot", "de klep is kapot"),
    ("wacht is best diep trouwens, fietser bijna gevallen", "is best diep, fietser bijna gevallen"),
])
def test_more_about_the_same_thing_without_a_yes_is_a_remark(text: str, expected: str) -> None:
    assert read_addition(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ja, maar zet er ook bij dat het gat 30 cm diep is", "het gat is 30 cm diep"),
    ("Klopt. Zet er wel bij dat er ook glas ligt. Dank u wel!", "er ligt ook glas"),
    ("ja maar voeg ook toe dat het al maanden zo is", "het is al maanden zo"),
    ("Het ziet er goed uit, maar kunt u erbij zetten dat de tegel al 3 weken los ligt?",
     "de tegel ligt al 3 weken los"),
    ("yes, but please add that the hole is deep", "the hole is deep"),
    ("ja, de lamp knippert ook", "de lamp knippert ook"),
    ("Aanvulling: mijn buurvrouw is ook gevallen", "mijn buurvrouw is ook gevallen"),
    ("voeg nog toe dat de grote boom scheef staat", "de grote boom staat scheef"),
    ("Ja, het is goed zo. Kunt u ook doorgeven dat er een paaltje scheef staat?",
     "er staat een paaltje scheef"),
    ("Jazeker, maar het is nummer 14a", "het is nummer 14a"),
    ("ja, het moet snel want er vallen kinderen", "het moet snel want er vallen kinderen"),
    # the yes after the request (round 69)
    ("Ik zie dat er niet bij staat dat het gat 30 cm diep is, wilt u dat er nog bij zetten? "
     "Dan is het goed.", "het gat is 30 cm diep"),
    # "verder klopt het" after the remark (round r229 of session 58: "… verder.")
    ("zet erbij dat de paal scheef staat, verder is alles goed", "de paal staat scheef"),
    ("add that it is near the school, otherwise it is correct", "it is near the school"),
])
def test_a_remark_carried_by_a_yes_is_read_without_its_framing(text: str, expected: str) -> None:
    assert read_addition(text) == expected


@pytest.mark.parametrize("text", [
    "ja", "ja graag", "ja, graag via mail: piet@hotmail.com", "ja bel me maar op 06-12345678",
    "klopt, dank u wel", "yes please", "nee, het is Kerkstraat 14",
    "dat klopt niet, het is nummer 14", "Kerkstraat 14", "ja hoor, prima!", "hoe lang duurt het?",
    "Correct, verstuur maar!", "Ja hoor, mijn e-mailadres is anja@xs4all.nl", "Prima zo, dank u!",
    "en dat was het", "ook per mail graag",
    # what is said to the bot about sending it is no news for the field crew
    "Ja, dat klopt, verstuurt u het maar", "ja snel aub", "ja graag zo snel mogelijk",
    "Ja dat is correct, dank u wel voor uw hulp", "yes please send it",
    "JA DAT ZEI IK TOCH AL",
    # a question about the report is no news for the crew; its answer comes with the number
    "Ja dat klopt zo. Hoe lang duurt het voordat het gemaakt wordt?",
    "klopt. wanneer komen jullie?",
    # round 91: said back as "Ik heb bij uw melding gezet: u mag het versturen"
    "Dat is correct, u mag het versturen.", "ja dat is just", "ja whatever, versturen",
    "ja zo is ie goed",
    # session 36: said back as "Ik heb bij uw melding gezet: Hartelijk dank voor uw hulp …"
    "Ja, dat is juist. Hartelijk dank voor uw hulp en een fijne middag verder.",
    # round r81: "I added to your report: close enough, send it."
    "ok close enough, send it", "ok goed genoeg, verstuur maar",
    # rounds r272 and r273 of session 64: resignation said back as a remark for the crew
    "ja verstuur. boeiend", "ja verstuur dan maar, het staat er toch ergens in",
    "ja. pff eindelijk",
])
def test_no_remark_in_plain_answers_or_corrections(text: str) -> None:
    assert read_addition(text) is None


@pytest.mark.parametrize("text", [
    "dank u wel", "top, bedankt!", "thanks", "doei", "fijne dag nog", "Dankjewel!! 😊",
    "Bedankt voor de snelle reactie, fijne avond", "houdoe", "Oké, dank je wel. Tot ziens!",
    "Thank you so much", "Dag!", "Hartelijk dank voor uw hulp en een fijne middag verder.",
    "Alright. Thank you dear, goodbye.", "oke dank u wel, tot maandag dan",
])
def test_thanks_or_goodbye(text: str) -> None:
    assert is_thanks_or_goodbye(text) is True


@pytest.mark.parametrize("text", [
    "nee dank je", "no thanks", "dank u wel maar de lamp brandt nog steeds niet",
    "de lamp brandt de hele dag", "ja", "bedankt, wanneer komt er iemand kijken?", "",
    "dank u, de lamp is verder wel kapot", "tot morgen, de lamp is nog kapot",
])
def test_not_only_thanks(text: str) -> None:
    assert is_thanks_or_goodbye(text) is False


@pytest.mark.parametrize("text, one", [("'t is één gat hé", True), ("het is 1 stort hoor", True),
                                       ("het is een gat in de weg", False),
                                       ("er liggen 1 of 2 tegels los", False)])
def test_one_problem_in_the_residents_words(text, one):
    from bot.reading.answers import says_it_is_one_problem

    assert says_it_is_one_problem(text) is one


@pytest.mark.parametrize("text, part", [
    ("nee het adres klopt niet", "correct_location"),
    ("het huisnummer is fout", "correct_location"),
    ("mijn telefoonnummer is verkeerd", "correct_updates"),
    ("de omschrijving klopt niet helemaal", "correct_description"),
    ("het adres en de omschrijving zijn fout", None),  # two parts: not one choice
    ("het adres is goed", None),
    ("nee, de foto klopt niet, het adres wel", None),
    ("nee, de straat is goed maar de omschrijving is fout", "correct_description"),
])
def test_the_part_called_wrong_in_a_sentence(text, part):
    assert wrong_part(text) == part


@pytest.mark.parametrize("text, ends", [
    ("oh eigenlijk niks hoor, wilde alleen even kijken of dit werkt. doei", True),
    ("oeps verkeerde chat haha sorry", True),
    ("klacht? ik heb helemaal geen klacht haha. nou laat maar, fijne dag nog", True),
    ("De lamp in de Kerkstraat is kapot, laat maar weten. Groetjes", False),
    ("Mijn aanslag is verkeerd verstuurd", False),
    ("U heeft het naar de verkeerde persoon gestuurd", False),
])
def test_a_chat_ended_before_it_began(text, ends):
    assert ends_the_chat(text) is ends


RATS_AND_MOPEDS = ["Ik zie steeds ratten bij de ondergrondse containers",
                   "Ook 's avonds veel lawaai van brommers daar"]


@pytest.mark.parametrize("text, kept", [
    ("ja graag, mail naar k@ziggo.nl. Maar alleen de ratten melden hoor, die brommers niet", [0]),
    ("nee, haal die brommers eruit", [0]),
    ("de brommers niet.", [0]),
    ("nee, de ratten niet, alleen de herrie", [1]),
    ("alleen de tweede", [1]),
    ("only the rats please", [0]),
    ("ja graag want 's avonds zie je de brommers niet", None),  # a sentence, no choice
    ("ja klopt", None),
    ("alleen de lantaarnpaal", None),  # names neither
])
def test_the_problems_the_resident_still_wants_reported(text, kept):
    from bot.reading.answers import problems_to_keep

    assert problems_to_keep(text, RATS_AND_MOPEDS) == kept


def test_a_choice_between_problems_needs_two():
    from bot.reading.answers import problems_to_keep

    assert problems_to_keep("alleen de ratten", RATS_AND_MOPEDS[:1]) is None


@pytest.mark.parametrize("text, kept", [
    ("pff laat maar. stuur alleen de auto dan", [0]),  # a common noun names one (round r54)
    ("alleen het hek", [1]),
    ("alleen als het vandaag kan", None),
    ("de auto wil ik wel melden, alleen het hek niet", [0]),  # round r58: the other kept
    ("alleen het hek niet de auto", [1]),
])
def test_an_everyday_word_chooses_the_problem_it_names(text, kept):
    from bot.reading.answers import problems_to_keep

    assert problems_to_keep(text, ["Auto zonder kenteken in de Van Goghstraat",
                                   "Kapot hek bij het fietsenhok"]) == kept


@pytest.mark.parametrize("text, already", [
    ("nee, haal die brommers eruit, alleen de ratten", True),
    ("haal de ratten eruit", False),
    ("nee het adres klopt niet", False),  # no leaving out at all
    ("the bar is number 6, not 5. and it's every night until 3am", False),  # a number
])
def test_leaving_out_what_is_not_there_is_already_done(text, already):
    from bot.reading.answers import already_left_out

    assert already_left_out(text, RATS_AND_MOPEDS[0]) is already


@pytest.mark.parametrize("text, description", [
    ("NEE. Wat: ratten bij de ondergrondse containers. Verder niks.",
     "ratten bij de ondergrondse containers"),
    ("wat: lamp kapot waar: Kerkstraat 4", "lamp kapot"),
    ("Wat is er nou weer mis", None),
    ("what: broken light", "broken light"),
])
def test_the_description_after_the_summarys_own_label(text, description):
    from bot.reading.answers import labelled_description

    assert labelled_description(text) == description


def test_the_description_the_resident_dictates_is_taken_without_its_label():
    from bot.reading.answers import labelled_description
    assert labelled_description("nee! de omschrijving moet zijn: onveilige kruising, vaak "
                                "ongelukken") == "onveilige kruising, vaak ongelukken"
    assert labelled_description("the description is wrong, it should say a mattress and 6 "
                                "garbage bags") == "a mattress and 6 garbage bags"
    assert labelled_description("de omschrijving klopt niet, er moet staan: een matras") == \
        "een matras"
    assert labelled_description("de omschrijving klopt niet") is None
    # round r104 of session 45: "Wat: Er moet staan dat de tegel …"
    assert labelled_description("nee er moet staan dat de tegel omhoog steekt") == \
        "de tegel omhoog steekt"
    assert labelled_description("no, it should say that the bin is broken") == \
        "the bin is broken"
    assert labelled_description("er staat een tak op de weg") is None


@pytest.mark.parametrize("text, resumes", [
    ("hè? nee ik wil het wel melden!", True),
    ("ik bedoelde geen berichten, de melding moet er wel in!", True),
    ("nee toch maar niet", False),
    ("WAT?? IK ZEI VERSTUUR", True),
    ("toch wel, ik wil het toch zelf melden, dan weet ik zeker dat het gebeurt", True),
    ("ik wil het toch maar niet melden", False),
    # round r190 of session 53: the last word counts
    ("hmm nee toch niet, de conciërge is al een half jaar weg daar. dus toch wel melden dat "
     "wrak", True),
    ("ik wilde het toch wel melden, maar nee toch maar niet", False),
])
def test_wanting_the_stopped_report_after_all(text, resumes):
    from bot.reading.answers import wants_the_report_after_all
    assert wants_the_report_after_all(text) is resumes


def test_announcing_an_addition_is_no_yes_to_the_summary():
    assert read_yes_no("wat laat u weg? ik wil juist iets toevoegen") is None
    assert read_yes_no("ja, maar ik wil nog iets toevoegen: de lamp knippert") is True


def test_not_only_this_morning_leaves_nothing_out():
    from bot.reading.answers import already_left_out
    assert not already_left_out("Het gebeurt elke dag, niet alleen vanochtend.",
                                "Vanochtend lag er hondenpoep op de stoep")
    assert already_left_out("alleen de ratten", "ratten bij de containers")


def test_doubting_whether_to_report_does_not_resume_it():
    from bot.reading.answers import wants_the_report_after_all
    assert not wants_the_report_after_all("moet ik het wel melden?")


@pytest.mark.parametrize("text, when", [
    ("vanochtend om 7 uur", True), ("sinds gisteren al", True),
    ("hij stond om half 7 buiten", True), ("ja", False), ("Kerkstraat 5", False),
    ("gisteren heb ik gebeld", False), ("morgen graag", False)])
def test_a_message_that_only_says_when(text, when):
    assert only_tells_when(text) is when


@pytest.mark.parametrize("text, phone", [
    ("nul zes een twee drie vier vijf zes zeven acht", "+31612345678"),
    ("mijn nummer is nul zes, twaalf vierendertig zesenvijftig achtenzeventig", "+31612345678"),
    ("nul zes 12 34 56 78", "+31612345678"),
    ("een twee drie vier", None),
    ("ze komen om drie uur en om vier uur", None),
])
def test_a_number_read_out_in_words_is_a_phone_number(text, phone):
    from bot.reading.answers import read_contact

    assert read_contact(text).phone == phone


@pytest.mark.parametrize("text, expected", [
    ("u kunt mij bellen op 0612-345 678 of mailen naar jdevries@hotmail.com. Telefonisch heeft "
     "mijn voorkeur.", "+31612345678"),
    ("mail naar a@b.nl of sms naar 0612345678, liever een sms", "+31612345678"),
    ("a@b.nl of 0612345678", "a@b.nl"),
    ("0612345678", "+31612345678"),
])
def test_the_phone_when_the_resident_prefers_it(text, expected):
    from bot.reading.answers import preferred_contact, read_contact

    contact = read_contact(text)
    assert preferred_contact(text, contact.email, contact.phone) == expected


@pytest.mark.parametrize("text", [
    "Nou ik ga maar. Dag", "ik moet weg, doei", "sorry ik moet nu gaan", "I have to go, bye",
    "weet ik niet. doei", "laat ook maar, ik haak af",
])
def test_leaving_the_chat(text: str) -> None:
    assert leaves_the_chat(text)


@pytest.mark.parametrize("text", [
    "ga maar door", "ik ga maar even kijken welk nummer het is", "bedankt",
    "goedendag, de tegel ligt er nog", "ik ga maar bellen dan",
])
def test_not_leaving_the_chat(text: str) -> None:
    assert not leaves_the_chat(text)


@pytest.mark.parametrize("text", [
    "ja, verstuur. o en wanneer komt de groene bak weer hier?",
    "ja hoor prima. En hoe laat is de milieustraat open?",
    "ja goed. en de container, laten staan?",  # round r56
    "ja is goed. maar mijn vraag over het inschrijven?",
])
def test_a_question_put_to_the_bot_beside_a_yes_is_no_remark(text: str) -> None:
    """Round 95: "Ik heb bij uw melding gezet: o en wanneer komt de groene bak weer hier."."""
    assert read_addition(text) is None


@pytest.mark.parametrize("text, swap", [
    ("nee wacht, het is geen kat maar een vos. verder klopt het", ("kat", "vos")),
    ("het is een fietspad, geen stoep", ("stoep", "fietspad")),
    ("niet de schommel maar de wip is kapot", ("schommel", "wip")),
    ("it's not a cat but a fox", ("cat", "fox")),
    ("het is geen bank maar een matras en 2 stoelen, naast de glasbak",
     ("bank", "matras en 2 stoelen")),  # round r93 of session 43 kept only the mattress
    ("geen kat maar een vos en die ligt er al dagen", ("kat", "vos")),
    ("het is niet 8 maar 18", None),
    ("ja klopt", None),
])
def test_a_word_taken_back_and_its_replacement(text, swap):
    assert swapped_word(text) == swap


@pytest.mark.parametrize("text, told", [
    # round r216 of session 56: the whole message with its apology became the description
    ("sorry mijn fout, het is gene put, het is een losse stoeptegel die omhoog steekt",
     "een losse stoeptegel die omhoog steekt"),
    ("ik bedoelde niet de lamp maar het stoplicht. dat staat de hele tijd op oranje",
     "het stoplicht, dat staat de hele tijd op oranje"),
    ("het is geen kat maar een vos. verder klopt het", None),  # only the word
    ("niet de schommel maar de wip", None),
])
def test_the_problem_told_again_after_a_word_taken_back(text, told):
    assert restated_problem(text) == told


@pytest.mark.parametrize("text", ["Dat zou ik op prijs stellen.", "dat stel ik zeer op prijs",
                                  "I would appreciate that"])
def test_polite_yes(text):
    assert read_yes_no(text) is True


@pytest.mark.parametrize("text, nothing", [
    ("er hoeft niks anders. ik wil weten of iemand mijn eerdere meldingen heeft gelezen", True),
    ("nee hoor, verder niks", True),
    ("nee, niets toe te voegen", True),
    ("nothing else, thanks", True),
    ("De tekst zegt genoeg.", True),  # round 100: stored as a remark
    ("prima zo", True),
    ("de omschrijving is niet duidelijk genoeg", False),
    ("klopt niet, verder niks", False),
    ("de plek moet anders", False),
])
def test_nothing_to_change_at_the_summary(text, nothing):
    assert says_nothing_to_change(text) is nothing


@pytest.mark.parametrize("text, addition", [
    ("allez, verstuur dan maar, ze zullen het wel zien", None),
    ("ja niemand gewond hoor, ik heb de kinderen binnen geroepen. Graag melden ja",
     "niemand gewond hoor, ik heb de kinderen binnen geroepen"),
    ("ja. kees@hotmail.com. en zet erbij dat ik een poepbak wil", "ik wil een poepbak"),
    ("zo is het prima, het zegt genoeg", None),  # round 100: added after sending
    ("ja ist goed", None),  # Flemish "it is fine" (round r163 of session 52: a note)
])
def test_words_about_sending_it_are_no_addition(text, addition):
    """Round 98: "ze zullen het wel zien" and "melden ja" were added to the report."""
    assert read_addition(text) == addition


@pytest.mark.parametrize("text", [
    "bijna juist, maar dat stuk 'belt ge mij dan' moet er niet bij",
    "almost right but the number is 14",
    "klopt op één ding na: het is de Kerkweg",
])
def test_almost_right_is_no_yes(text):
    """Round r43: "bijna juist, maar …" sent the report as it was."""
    assert read_yes_no(text) is False


@pytest.mark.parametrize("text, words, quoted", [
    ("bijna juist, maar dat stuk 'belt ge mij dan' moet er niet bij", "belt ge mij dan", True),
    ("haal 'Tamam' eruit aub", "Tamam", True),
    ("bijna, maar haal die bakker eruit", "bakker", False),
    ("ok but please take the bin part out", "bin", False),
])
def test_a_part_to_leave_out_is_read(text, words, quoted):
    removal = part_to_remove(text)
    assert removal is not None and (removal.words, removal.quoted) == (words, quoted)


@pytest.mark.parametrize("text", ["laat maar weg", "doe maar weg", "het is 'de bakker' hoor",
                                  "verstuur het maar"])
def test_no_part_to_leave_out(text):
    assert part_to_remove(text) is None


@pytest.mark.parametrize("text, addition", [
    ("ja dat is goe. belt ge mij dan of hoe gaat da?", None),  # round r43: a question
    ("yes. dziękuję", None),
    ("ja dat klopt, dank u wel jongeman", None),  # round r44
    ("ja, en er ligt ook glas. kunt u dat erbij zetten?", "er ligt ook glas"),
])
def test_questions_and_thanks_are_no_remark(text, addition):
    assert read_addition(text) == addition


@pytest.mark.parametrize("text, expected", [
    ("nee dat was het", True), ("nee hoor, da was alles. dag!", True),
    ("no that was it", True), ("nee verder niet", True),
    ("nee, maar wanneer is het stadhuis open?", False), ("nee het is niet alles", False),
])
def test_nothing_more_without_thanks(text, expected):
    """Rounds r43/r45: "nee dat was het" got "Waar kan ik u mee helpen?"."""
    assert says_no_thanks(text) is expected


@pytest.mark.parametrize("text", ["welterusten", "merci en nog een schone dag",
                                  "ok teşekkürler, bedankt", "dziękuję bardzo", "top shukran"])
def test_thanks_and_goodnight_in_other_words(text):
    assert is_thanks_or_goodbye(text)


@pytest.mark.parametrize("text, expected", [
    ("laat maar. verstuur deze maar zo dan meld ik die andere wel apart", True),  # round r44
    ("laat maar. verstuur maar niet", False),
    ("laat maar", False),
])
def test_a_later_send_overrules_laat_maar(text, expected):
    assert read_yes_no(text) is expected


def test_a_guess_told_as_a_question_is_a_remark() -> None:
    assert read_addition("ja klopt. hij heeft een halsband, misschien zoekt de eigenaar hem?")


@pytest.mark.parametrize("text, said", [
    ("the place is fine now but the What still says Thanks. please change it to: street lamp "
     "flickering on and off all night", "street lamp flickering on and off all night"),
    ("no, the what is wrong. it should say the street lamp keeps flickering at night",
     "the street lamp keeps flickering at night"),
    ("change the text please: loud engines every night from the garage",  # round r61
     "loud engines every night from the garage"),
    ("verander de tekst aub: er staat een auto op de stoep", "er staat een auto op de stoep"),
])
def test_a_description_corrected_in_english_is_read(text, said) -> None:
    """Round r58: "the What still says Thanks. please change it to: …" was sent as a yes."""
    from bot.reading.answers import labelled_description

    assert labelled_description(text) == said


def test_a_no_that_corrects_the_place_is_not_the_answer() -> None:
    """Round r60: "oh wacht nee het is nummer 14 sorry. en ja stuur maar bericht" gave no
    messages."""
    assert read_yes_no("oh wacht nee het is nummer 14 sorry. en ja stuur maar bericht") is True
    assert read_yes_no("nee het is nummer 14") is False


def test_a_flemish_yes_is_no_remark() -> None:
    """Round r64: "ja, da klopt. merci!" gave "Ik heb bij uw melding gezet: da klopt."."""
    assert read_addition("ja, da klopt. merci!") is None


@pytest.mark.parametrize("text", [
    "zet die koelkast en de ratten er dan wel bij",
    "kunt u er nog bij zetten dat het de groene bak is",
    "noteer het matras er ook maar bij",
])
def test_asking_to_add_to_a_report(text):
    assert adds_to_a_report(text)


@pytest.mark.parametrize("text, news", [
    ("er liggen inmiddels ook ratten", True),
    ("het gat is een stuk erger geworden", True),
    ("is het inmiddels klaar?", False),  # a question about the status
    ("zet maar niks", False),
])
def test_news_since_the_status(text, news):
    assert tells_news_since(text) is news


@pytest.mark.parametrize("text, person", [
    ("laat maar. mag ik een medewerker", True), ("medewerker aub", True),
    ("mag ik een medewerker vragen of hij langs komt", False),
    # round r164 of session 52: asked within a longer sentence
    ("Mag ik nog vragen of ik ook iemand van de gemeente persoonlijk kan spreken?", True),
    ("kan ik morgen iemand van de gemeente aan de lijn krijgen?", True),
    ("ik heb al iemand van de gemeente gesproken", False)])
def test_a_person_asked_for_in_few_words(text, person):
    from bot.reading.answers import asks_for_a_person

    assert asks_for_a_person(text) is person


@pytest.mark.parametrize("text, call", [
    ("Berichten? Ik kan niet zo goed sms lezen, liefst even bellen.", True),
    ("berichten?? ik wil GEBELD worden.", True),  # round r175 of session 52
    ("ik wil niet gebeld worden, mail maar", False),
    ("ja graag per mail", False)])
def test_news_by_phone_preferred(text, call):
    from bot.reading.answers import prefers_a_call

    assert prefers_a_call(text) is call


@pytest.mark.parametrize("text, remark", [
    # round r224 of session 57: words about the e-mail address given are no remark
    ("ja dat is goed, mijn kleinzoon heeft mij een email gegeven: oma@example.nl", None),
    ("ja hoor, dit is mijn mailadres: a@example.nl. er liggen ook scherven",
     "er liggen ook scherven"),
])
def test_what_is_said_about_the_contact_is_no_remark(text, remark):
    assert read_addition(text) == remark


def test_a_sentence_about_something_is_no_problem_left_out():
    """Round r224 of session 57: "haal die zin over mijn kleinzoon weg" dropped a report."""
    from bot.reading.answers import problems_to_keep
    problems = ["de tegels liggen scheef. mijn kleinzoon helpt me", "de heg hangt over de stoep"]
    assert problems_to_keep("haal die zin over mijn kleinzoon weg", problems) is None
    assert problems_to_keep("haal de heg er maar uit", problems) == [0]


@pytest.mark.parametrize("text, answer", [
    # round r241: resignation is no yes
    ("Er is niks mis met het afval, ik wil alleen weten welke dag. Nou ja laat maar", False),
    ("ach ja, laat maar zitten", False),
    ("nou ja, doe maar ja", True),
])
def test_resignation_is_no_yes(text, answer):
    assert read_yes_no(text) is answer


@pytest.mark.parametrize("text, added", [
    ("Het telefoonnummer is goed, maar u heeft niet opgeschreven dat het om twee kolken gaat, "
     "aan weerszijden van het zebrapad.", "het gaat om twee kolken"),
    ("ja maar u bent vergeten dat het gat heel diep is", "het gat is heel diep"),
])
def test_a_detail_the_summary_left_out_is_added_and_no_yes(text, added):
    """Round r245 of session 60: "… is goed, maar u heeft niet opgeschreven dat …" was a yes
    (sent before the resident saw the change)."""
    assert read_yes_no(text) is None
    assert read_addition(text).startswith(added)


def test_laat_maar_then_send_sends():
    """Round r244 of session 60: "laat maar ja verstuur" stopped a priority report."""
    assert says_send_it("laat maar ja verstuur")
    assert not says_send_it("laat maar, verstuur het niet")


@pytest.mark.parametrize("text, reached", [
    ("En liever een sms", True),
    ("bel me maar na vijven", True),
    ("hoeft geen bericht", True),
    ("mijn nummer is veranderd", True),
    ("Het is belangrijk want er spelen kinderen", False),
    ("het water staat in de kelder van nummer 14", False),
    ("het appartement ernaast heeft het ook", False),
])
def test_being_reached_is_read_by_whole_words(text, reached):
    assert is_about_being_reached(text) is reached


@pytest.mark.parametrize("text, swap", [
    ("oh wacht sorry het is de blauwe, papier. groene was vorige week", ("Groene", "blauwe")),
    ("nee de grijze", ("Groene", "grijze")),
    ("ja graag, de blauwe ook", None),  # no correction: an addition
    ("nee, het was gisteren", None),
    # round r265 of session 62: a brown sofa told beside the yes made the bin brown
    ("ja verstuur. oja en er ligt al een week een kapotte bank (zo'n bruine leren) op de "
     "stoep bij nr 30, niet van mij", None),
])
def test_another_bin_colour_told_as_a_correction(text, swap):
    from bot.reading.answers import colour_swapped

    assert colour_swapped(text, "Groene bak is weer niet geleegd") == swap


# Round r266 of session 63: praise was read as a complaint, and "goedenavond" at the end
# of a message is a goodbye.
@pytest.mark.parametrize("text, thanks", [
    ("hartelijk dank jongeman of jongedame, u heeft mij goed geholpen", True),
    ("thanks, you were very helpful", True),
    ("ah zo, nou ik ben heel tevreden. goedenavond", True),
    ("dank u, maar u heeft mij niet geholpen", False),
    ("ik ben niet tevreden", False),
    ("goedenavond", False),  # a hello as much as a goodbye
])
def test_praise_is_thanks(text, thanks):
    assert is_thanks_or_goodbye(text) is thanks


def test_no_complaint_and_an_evening_goodbye_ends_the_chat():
    from bot.reading.answers import ends_the_chat
    assert ends_the_chat("nee hoor ik ben juist tevreden! geen klacht. goedenavond")
    assert not ends_the_chat("goedenavond, de lamp bij mijn huis is kapot")


@pytest.mark.parametrize("text, place, rest", [
    ("Nee, aanpassen. Wat: tak over het fietspad. Waar: fietspad van de watertoren naar het "
     "zwembad. Het is eigenlijk een halve boom.", "fietspad van de watertoren naar het zwembad",
     "Nee, aanpassen. Wat: tak over het fietspad. Het is eigenlijk een halve boom."),
    ("Bij waar graag: fietspad tussen watertoren en zwembad. En zet erbij dat het groot is.",
     "fietspad tussen watertoren en zwembad", "En zet erbij dat het groot is."),
    ("waar moet zijn: Kerkstraat 12", "Kerkstraat 12", ""),
    ("waar is de milieustraat?", None, "waar is de milieustraat?"),
])
def test_the_place_typed_after_the_summarys_label(text, place, rest):
    """Round r269 of session 63: "Waar: …" at the summary kept the old place."""
    from bot.reading.answers import labelled_place

    assert labelled_place(text) == (place, rest)


def test_a_spot_added_to_the_place_in_quotes():
    """Round r276: "bij waar moet nog 'bij de snackbar' erbij. dan versturen" was sent
    without the spot."""
    from bot.reading.answers import labelled_place, place_added
    assert place_added("bij waar moet nog 'bij de snackbar' erbij. dan versturen") == \
        "bij de snackbar"
    assert place_added("ja versturen, bij de snackbar") is None
    assert labelled_place("bij waar moet staan: rotonde, afslag snelweg. verder goed")[0] == \
        "rotonde, afslag snelweg"


@pytest.mark.parametrize("text, sends", [
    ("ZET ER NOG BIJ DAT HET DE GROTE EIK IS. DAN MAG HIJ VERSTUURD WORDEN", True),
    ("zet dat juist en verstuur dan maar", True),
    ("please change that and then send it", True),
    ("wat moet zijn: deksel afgebroken. zo versturen", True),
    ("verstuur maar", False),
    ("mag ik het zelf versturen?", False),
])
def test_a_change_that_ends_with_send_it(text, sends):
    """Round r277: the send words went into the description and nothing was sent."""
    from bot.reading.answers import sends_after_the_change, without_the_send
    assert sends_after_the_change(text) is sends
    if sends:
        assert "verstu" not in without_the_send(text).lower()
        assert "send" not in without_the_send(text).lower()


@pytest.mark.parametrize("text", ["de wat klopt nog steeds niet. de deksel is afgebroken",
                                  "het klopt nog altijd niet"])
def test_still_not_right_is_no_yes(text):
    assert read_yes_no(text) is False


@pytest.mark.parametrize("text, remark", [
    # round r276: "De bank is groen als dat uitmaakt" in the report
    ("ja. en de bank is groen als dat uitmaakt", "de bank is groen"),
    ("yes, it is a green sofa if that matters", "it is a green sofa"),
])
def test_a_hedge_is_no_part_of_the_remark(text, remark):
    from bot.reading.answers import read_addition
    assert read_addition(text) == remark
