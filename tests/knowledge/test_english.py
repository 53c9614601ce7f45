"""English questions are searched with the Dutch words for what they are about."""
import pytest

from bot.knowledge.english import dutch_search_words


@pytest.mark.parametrize("question, words", [
    ("Does the municipality scan a dead cat for a chip and tell the owner?", "dood dier chip"),
    ("my grandmother died last night, what do I need to do?", "overlijden"),
    ("how do I register my newborn baby", "aangifte geboorte"),
    ("a sofa was left on the street", "grofvuil"),
    ("how do I get a DigiD?", "DigiD aanvragen"),
    ("I forgot my digid password", "DigiD aanvragen"),
    ("can I register my move without digid?", "verhuizing doorgeven"),
    ("can i move it off the road meanwhile?", ""),  # a hurt cat (round r128 of session 49)
    ("the embassy wants a legalised copy of my birth certificate",
     "geboorteakte opvragen burgerlijke stand apostille"),
    ("where can I find my BSN number? I need it for my new job", "waar vind ik mijn bsn"),
    ("how do I get a BSN, I just arrived from Spain", "inschrijven uit het buitenland"),
    ("we need a passport for our 5 month old baby, does she have to come?",
     "paspoort of ID-kaart kind"),
    ("there is black mould everywhere in my flat and the landlord ignores me",
     "schimmel gebreken huurwoning verhuurder"),
    ("Support for caregivers", "mantelzorg ondersteuning"),
    ("a dog bit my daughter in the park, what should I do",
     "gebeten door een hond gevaarlijke hond"),
    # round r102: "I do not have an answer to that" to a VOG for a new job
    ("I need a certificate of conduct for my new job at a daycare",
     "verklaring omtrent het gedrag vog"),
    # round r110: the urgent fee to a 72-year-old asking about the medical check
    ("do i need a medical check because of my age?",
     "rijbewijs gezondheidsverklaring keuring 75 jaar"),
    # round r112: the waste pass beside the paper collection was not answered
    ("i lost my card for the waste containers, how do i get a new one?", "afvalpas kwijt"),
    ("and when is the paper collected?", "afvalkalender"),
    # a skip is no parking permit (round r258 of session 61)
    ("do I need a skip permit for a container in front of my house?",
     "container op straat vergunning bouwcontainer"),
    ("I have a parking permit for my street", "parkeervergunning"),
    # round r262 of session 62: the resident's permit price for the parents' visit
    ("my parents visit for 3 weeks. Can they get a visitor parking permit?",
     "bezoekersvergunning parkeren bezoek"),
    # a move told only as why (round r150 of session 51: the moving text to a new resident)
    ("hello. i move to lindendal 2 week ago. how i get the pass for the garbage container?",
     "afvalpas kwijt"),
    ("we moved last week. how do i register?", "verhuizing doorgeven"),
    # own try of session 64: "coming to live … from Poland" got the move within the country
    ("hi, we are coming to live in Lindendal from Poland in March. how does registering work?",
     "inschrijven uit het buitenland"),
    ("Hello, my daughter is 6 and we need an ID card for her, we are going to Belgium in "
     "January", "paspoort of ID-kaart kind"),
    ("hi, we moved from the Kerkstraat to the Wilhelminastraat last week, do I need to tell you "
     "or does it go automatically?", "verhuizing doorgeven"),
    # a stay of a few months: the RNI (round r151 of session 51: "register within 5 days")
    ("i only stay 3 months, do i need to register?", "korter dan 4 maanden RNI niet-ingezetene"),
    # rounds r153 and r155 of session 51: naturalisation and the birth instead of the ID card
    ("no?? not naturalisation. ID CARD for my 4 year old kid", "paspoort of ID-kaart kind"),
    ("Does the baby need a passport? She was born here.", "paspoort of ID-kaart kind"),
    # round r160 of session 51: "I do not have that detail" to the tax bill's follow-ups
    ("can I pay it in monthly parts?", "betalingsregeling"),
    ("what is the deadline for that objection?", "bezwaar maken"),
    # round r255 of session 61: "You must come to the town hall" to a resident abroad
    ("I am on a trip in Peru and my passport expires next month, what now?",
     "paspoort kwijt of verlopen op reis noodpaspoort"),
    ("can I renew my passport at the consulate in Sydney?",
     "paspoort kwijt of verlopen op reis noodpaspoort"),
    # a household bin asked for (own try of session 64: a report of the missed collection)
    ("hi, we don't have a wheelie bin yet, where can I order one?",
     "container kapot gestolen of nieuw nodig"),
])
def test_an_english_question_is_searched_with_the_dutch_words_for_its_subject(question, words):
    """Round 75: a dead cat's chip was searched as a death ("overlijden") and answered with
    the article about a person who died."""
    assert dutch_search_words(question) == words


def test_a_question_naming_nothing_the_glossary_knows_has_no_words():
    assert dutch_search_words("what is the meaning of life") == ""
