"""English questions searched in the Dutch knowledge base.

The articles are Dutch. An English question ("my son is born yesterday, how to register
birth?") is searched with the Dutch words for the English ones residents use most, and
the Dutch article is given as such ("I only have this in Dutch: …").
"""
from __future__ import annotations

import re
from typing import List, Tuple

from bot.text import sentences

MOVING = "verhuizing doorgeven"
CHILD_DOCUMENT = "paspoort of ID-kaart kind"
BIRTH = "aangifte geboorte"

_GLOSSARY: Tuple[Tuple[str, str], ...] = (
    # a certificate before the event it proves: "an apostille on my birth certificate" is no
    # birth to register
    (r"birth certificates?|certificates? of birth", "geboorteakte opvragen burgerlijke stand"),
    (r"marriage certificates?|certificates? of marriage",
     "huwelijksakte opvragen burgerlijke stand"),
    (r"death certificates?|certificates? of death", "akte van overlijden opvragen"),
    (r"apostille|legali[sz]\w*", "apostille"),
    # round r102: "I need a VOG for my new job at a daycare" had no answer
    (r"\bvog\b|certificates? of (?:good )?conduct|good conduct|criminal record (?:check|"
     r"certificate)|background check", "verklaring omtrent het gedrag vog"),
    (r"birth|born|newborn", BIRTH),
    # a short stay: the RNI, not the registration as a resident (round r151 of session 51)
    (r"\brni\b|non-?residents?|(?:stay\w*|here|work\w*|living) (?:\w+ ){0,2}?(?:for )?"
     r"(?:only |just )?(?:[1-3]|one|two|three|a few|a couple of) months|less than (?:4|four) "
     r"months|short stay", "korter dan 4 maanden RNI niet-ingezetene"),
    # an animal first: "a dead cat, do you scan it for a chip?" is no funeral (round 75)
    (r"dead (?:\w+ )?(?:cat|dog|bird|pigeon|fox|hedgehog|rabbit|deer|duck|swan|animal|pet)s?|"
     r"(?:cat|dog|pet)s? (?:\w+ ){0,3}(?:chip|microchip)|(?:chip|microchip) (?:\w+ ){0,3}(?:cat|"
     r"dog|pet)", "dood dier chip"),
    (r"death|died|dead|passed away|funeral", "overlijden"),
    (r"marry|married|marriage|wedding|registered partnership", "trouwen"),
    (r"\bdogs? (?:\w+ ){0,3}?(?:bit|bites|bitten|attacked|attacks)|bitten by (?:a |the |\w+ )?dog|"
     r"dog bites?|(?:dangerous|aggressive|vicious) dogs?",
     "gebeten door een hond gevaarlijke hond"),
    # one's own number looked for, not a first registration (session 43)
    (r"(?:where|find|lost|forgot|forgotten|don'?t know|what is|what'?s)(?: [\w']+){0,4}? "
     r"(?:bsn|citizen service number|burgerservicenummer)", "waar vind ik mijn bsn"),
    # (not "i come from Rotterdam": a move within the country, round r66 of session 40)
    # "we are coming to live in Lindendal from Poland" (own try, session 64: the move within
    # the country)
    (r"(?:moved|moving|came|come|coming) (?:\w+ ){0,4}?(?:from|to the netherlands|here from)"
     r"(?! (?:rotterdam|amsterdam|utrecht|den haag|the hague|eindhoven|groningen|tilburg|"
     r"almere|breda|nijmegen|arnhem|haarlem|enschede|apeldoorn|amersfoort|zwolle|leiden|"
     r"maastricht|dordrecht|zoetermeer|delft|another (?:dutch )?(?:city|town|municipality)|"
     r"(?:a|an) (?:\w+ )?(?:city|town|village) in|"
     # a street or a home in town: "we moved from the Kerkstraat to …" (round r151 of
     # session 51: the arrival from abroad)
     r"(?:the )?\w*(?:straat|weg|laan|plein|singel|dijk|kade|hof|street|road|avenue)|"
     r"(?:our|my|the|an?) (?:old |other |previous )?(?:house|home|flat|apartment|address))\b)|"
     r"from abroad|first registration|register (?:as a )?(?:new )?resident|bsn",
     "inschrijven uit het buitenland"),
    # DigiD itself asked for ("how do I get a DigiD?"), not a move done with it (round 90)
    (r"(?:get|apply for|request|obtain|make|create|activate|lost|forgot|reset)(?: \w+){0,3}? "
     r"digid|digid(?: \w+){0,3}? (?:password|activation|code|not working|doesn'?t work|"
     r"blocked|expired)", "DigiD aanvragen"),
    # not "can i move it off the road?" about a hurt cat (round r128 of session 49)
    (r"moving|move(?!\s+(?:it|him|her|them|this|that)\b)|moved|new address|relocat\w*",
     MOVING),
    # "my son lost his ID card", "the card is LOST" (round r70 of session 40: the travel text)
    (r"(?:lost|stolen|missing|gone|can'?t find|cannot find)(?: \w+){0,4}? (?:passports?|id cards?|"
     r"identity cards?)|(?:passports?|id cards?|identity cards?|card)(?: \w+){0,3}? (?:is |was |"
     r"got |has been )?(?:lost|stolen|missing|gone)", "paspoort of ID-kaart kwijt of gestolen"),
    # a child's own document, not the birth: "passport for my 5 month old baby" (round r84)
    (r"(?:passports?|id cards?)(?: [\w'-]+){0,5}? (?:baby|babies|child|children|kids?|son|"
     r"daughter|newborn|infant|toddler)s?\b|\b(?:baby|child|children|kids?|son|daughter|newborn|"
     r"infant)(?:'s|s')?(?: [\w'-]+){0,3}? (?:passports?|id cards?)"
     # "my daughter is 6 and we need an ID card for her" (round r151 of session 51)
     r"|\b(?:baby|child|kids?|son|daughter|newborn|infant)\b(?: [\w'-]+){0,8}? (?:passports?|"
     r"id cards?) for (?:her|him|them)\b"
     # "my daughter is 4, she has never had a passport" (round r277: the adults' validity)
     r"|\b(?:child|kids?|son|daughter)\b (?:is|of|aged) (?:only |just )?\d{1,2}\b[^.?!]{0,40}"
     r"\b(?:passports?|id cards?)\b", CHILD_DOCUMENT),
    # "I need an emergency passport, my flight is on friday" (round r104 of session 45: the
    # ordinary application, after "Call 112 now")
    (r"(?:emergency|urgent\w*|quick\w*|fast|express|rush)(?: [\w'-]+){0,3}? (?:passports?|"
     r"id cards?|identity cards?|travel documents?)|(?:passports?|id cards?|identity cards?)"
     r"(?: [\w'-]+){0,4}? (?:urgent\w*|quick\w*|fast|in a hurry|asap|in time|before (?:my|our|"
     r"the) (?:flight|trip))", "paspoort spoed"),
    # "can I travel to Turkey with my ID card?": the travel article, not emigration
    (r"(?:travel\w*|trip|holiday|vacation|fly|flight)(?: [\w'-]+){0,5}? (?:with|on) "
     r"(?:my |an? |the |our )?(?:id cards?|identity cards?)|(?:id cards?|identity cards?)"
     r"(?: [\w'-]+){0,4}? (?:enough|valid|travel\w*|trip|holiday)", "reizen met ID-kaart"),
    # "travelling in Thailand … my passport expires on 20 july", "embassy yes or no?" (round
    # r255 of session 61: "You must come to the town hall" three times)
    (r"(?=[\s\S]*\b(?:abroad|travel\w*|holiday|vacation|trip|overseas|fly|flight)\b)[\s\S]*?"
     r"(?:passports?|id cards?)(?: [\w'-]+){0,4}? (?:expir\w*|runs? out|ran out)|"
     r"(?:passports?|id cards?|renew\w*)(?: [\w'-]+){0,6}? (?:embass\w*|consulat\w*)|"
     r"(?:embass\w*|consulat\w*)(?: [\w'-]+){0,6}? (?:passports?|id cards?)",
     "paspoort kwijt of verlopen op reis noodpaspoort"),
    (r"passports?", "paspoort"),
    (r"id cards?|identity cards?", "ID-kaart"),
    # "i have polish rijbewijs, must i change to dutch?" (round r89 of session 43)
    (r"(?:polish|spanish|german|belgian|romanian|bulgarian|italian|portuguese|french|foreign|eu)"
     r" (?:\w+ ){0,2}?rijbewijs|rijbewijs (?:\w+ ){0,4}?(?:change|swap|exchange|convert)",
     "buitenlands rijbewijs omwisselen"),
    (r"(?:exchange|swap|convert|foreign|polish|spanish|german|belgian) (?:\w+ ){0,2}?"
     r"driv(?:ing|er'?s) licen[cs]e|driv(?:ing|er'?s) licen[cs]e (?:\w+ ){0,3}?(?:from abroad|"
     r"from another country|exchange)|(?:exchange|swap) (?:\w+ ){0,2}?licen[cs]e",
     "buitenlands rijbewijs omwisselen"),
    # "do i need a medical check because of my age?" (round r110: the urgent fee)
    (r"medical (?:check|exam\w*|examination|test|certificate|declaration)|health "
     r"(?:check|declaration|certificate)|\bcbr\b|(?:over|above|aged?|turn\w*) 7\d\b",
     "rijbewijs gezondheidsverklaring keuring 75 jaar"),
    (r"driv(?:ing|er'?s) licen[cs]e", "rijbewijs"),
    # "Can she get a disabled parking card?" (round r90 of session 43: "I cannot help")
    (r"(?:disabled|disability|handicapped|blue) (?:\w+ )?(?:parking )?(?:card|permit|badge)s?|"
     r"parking (?:card|permit|badge)s? for (?:the )?(?:disabled|handicapped)",
     "gehandicaptenparkeerkaart"),
    # a skip before the permit: "a skip permit for in front of my house" is no parking permit
    # (round r259 of session 61)
    (r"(?:an?|the|builder'?s?|my|our) skips?|skip (?:permit|bin|container|hire)s?|dumpsters?|"
     r"(?:building|construction|rubble|renovation) (?:waste )?containers?",
     "container op straat vergunning bouwcontainer"),
    # "Can they get a visitor parking permit?" (round r262 of session 62: "I do not have the
    # answer", then the resident's permit price)
    (r"visitors?'? (?:parking )?(?:permits?|passes|pass|tickets?|cards?)|(?:permits?|parking) "
     r"for (?:my |our |the )?(?:visitors|guests|parents|family)|guest parking",
     "bezoekersvergunning parkeren bezoek"),
    (r"parking permits?", "parkeervergunning"),
    # "where can I bring an old fridge? Is there a recycling place?" (round r75 of session 41)
    (r"recycling (?:place|centre|center|park|station|yard)|environment(?:al)? park|"
     r"milieupark|milieustraat|waste (?:park|depot|station|yard)|dump site",
     "milieustraat"),
    (r"bulky waste|furniture|sofa|couch|mattress|fridge|freezer|washing machine|appliances?",
     "grofvuil"),
    # "which bin for nappies?" (round r89 of session 43)
    (r"(?:which|what) (?:\w+ )?bin|nappies|diapers|cat litter|residual waste|grey bin|"
     r"(?:sort|separate|separating|sorting) (?:\w+ ){0,2}?(?:waste|rubbish|garbage|trash)",
     "welk afval in welke bak restafval"),
    # "can I put my garbage bag next to the container?" (round r266 of session 63: "I do not
    # have an answer to that")
    (r"(?:bags?|rubbish|garbage|trash|waste) (?:\w+ ){0,2}?(?:next to|beside|by|outside|near) "
     r"(?:it\b|(?:the |a )?(?:\w+ )?(?:container|bin)s?)", "vuilniszak naast de container zetten"),
    # "we have no bin, how do I get one?" (round r270 of session 63, in Flemish: the missed
    # collection): a household bin asked for
    (r"(?:no|don'?t have an?|do not have an?|never (?:got|had|received) an?) (?:\w+ )?(?:wheelie )?"
     r"(?:bin|container)s?\b|(?:get|order|request|apply for) (?:an? |one |another |an extra )?"
     r"(?:new |extra |bigger |smaller |wheelie )?(?:bin|container)s?\b|(?:bin|container) "
     r"(?:\w+ ){0,2}?(?:stolen|broken|missing)", "container kapot gestolen of nieuw nodig"),
    # "i lost my card for the waste containers" (round r112: only the calendar was answered)
    (r"(?:waste|rubbish|container|bin|garbage) (?:pass|card)|(?:card|pass) (?:\w+ ){0,2}?for "
     r"(?:the )?(?:\w+ )?(?:containers?|bins?)", "afvalpas kwijt"),
    (r"waste calendar|bin day|collection day|(?:paper|cardboard|plastic|glass|pmd|gft|garden "
     r"waste|green bin) (?:\w+ ){0,2}?(?:collected|collection|picked up|pick ?up)|when (?:\w+ )"
     r"{0,3}(?:paper|cardboard|plastic|green bin) (?:\w+ )?collected|(?:pick\w* ?up|collect\w*) "
     r"(?:the )?(?:paper|cardboard|plastic|glass|green bin|gft|pmd)", "afvalkalender"),
    # remission before taxes: "how does kwijtschelding work, do I qualify?" (round 86)
    (r"kwijtschelding|remission|tax relief|(?:can'?t|cannot|unable to) (?:\w+ ){0,2}?pay "
     r"(?:\w+ ){0,3}?tax\w*|(?:exempt\w*|waive\w*) (?:\w+ ){0,3}?tax\w*",
     "kwijtschelding"),
    (r"parking (?:\w+ ){0,3}?(?:home care|carers?|caregivers?|nurses?)|(?:home care|carers?|"
     r"caregivers?|nurses?) (?:\w+ ){0,3}?park\w*", "parkeren thuiszorg mantelzorg"),
    # "the neighbours play loud music every night" (round r87 of session 43)
    (r"neighbou?rs?(?: [\w']+){0,5}? (?:noise|noisy|loud|music|part(?:y|ies)|shout\w*|"
     r"fight\w*|barking|weed|drill\w*|hammer\w*|renovat\w*)|(?:noise|noisy|loud music|"
     r"barking)(?: [\w']+){0,5}? neighbou?rs?|\bmediat(?:or|ion)\b",
     "burenoverlast buurtbemiddeling"),
    # "the tree of my neighbour hangs over my garden" (round r137 of session 50: a report)
    (r"(?:tree|hedge|branches|bush)\w*(?: [\w']+){0,3}? (?:of|from) (?:my|our|the) neighbou?rs?|"
     r"neighbou?r'?s'? (?:tree|hedge|branches|bush)",
     "boom heg van de buren takken over mijn tuin"),
    # "a car is parked in front of my driveway" (round r137 of session 50: the permit answer)
    (r"(?:park\w*|car|van)(?: [\w']+){0,6}? (?:in front of|blocking|blocks) (?:my|our|the) "
     r"(?:driveway|garage|gate|exit)|(?:driveway|garage door)(?: [\w']+){0,4}? block\w*",
     "auto voor mijn uitrit foutparkeren wegslepen"),
    # fireworks kept or sold by someone (session 50), before the rules for the turn of the year
    (r"(?:illegal|heavy|boxes of|store\w*|stor(?:ing|es)|keeps?|kept|sell\w*|sold)(?: [\w']+){0,5}?"
     r" fireworks|fireworks(?: [\w']+){0,5}? (?:shed|garage|stored|storage|illegal|sold|selling)",
     "zwaar illegaal vuurwerk opgeslagen schuur"),
    (r"fireworks?|new year'?s eve", "vuurwerk"),
    # "black mould in my rented flat, the landlord ignores me" (round r87 of session 43)
    (r"mou?ld\w*|damp (?:walls?|flat|house|home|apartment)|leak\w* (?:\w+ ){0,3}?(?:flat|house|"
     r"home|apartment|roof|ceiling)|landlord|huurcommissie|rent tribunal",
     "schimmel gebreken huurwoning verhuurder"),
    # "Support for caregivers" (round r83 of session 43: the passport answer)
    (r"(?:informal |family )?(?:carers?|caregivers?|caregiving)|respite(?: care)?|"
     r"(?:care|caring|look) (?:\w+ ){0,2}?(?:for|after) (?:my|our) (?:\w+ ){0,2}?(?:father|mother|"
     r"dad|mum|mom|parents?|husband|wife|partner|son|daughter|child)", "mantelzorg ondersteuning"),
    (r"(?:objection|object|appeal)\w* (?:\w+ ){0,4}?(?:woz|valuation|property value)",
     "bezwaar maken tegen de woz waarde"),
    (r"woz(?: value)?|property value|valuation", "woz waarde"),
    # "can I pay it in monthly parts?" (round r160 of session 51: no detail)
    (r"payment plan|pay (?:\w+ ){0,4}?in (?:\w+ )?(?:instal+ments|parts|terms)|instal+ments",
     "betalingsregeling"),
    (r"(?:object|objection|appeal)\b(?! to (?:the )?(?:woz|property|valuation))",
     "bezwaar maken"),
    (r"(?:municipal|council|local|property) tax\w*|tax (?:bill|assessment)", "aanslag "
     "gemeentelijke belastingen ozb"),
    (r"(?:market )?stall|(?:weekly )?market pitch|food ?truck|"
     r"street vendor", "standplaats marktkraam"),
    (r"(?:desk|counter|office|someone|contact) for (?:entrepreneurs|business(?:es| owners)?)|"
     r"entrepreneurs?|business owners?|start(?:ing)? a business", "ondernemersloket"),
    (r"(?:business|trade|commercial|shop|restaurant) waste|waste (?:of|from) my "
     r"(?:shop|business|restaurant|salon)", "bedrijfsafval"),
    (r"terrace", "terras"),
    (r"taxes|tax", "belasting"),
    (r"benefits?|welfare|social assistance", "bijstand uitkering"),
    (r"debts?|can'?t pay|cannot pay", "schulden geldzorgen"),
    (r"home care|help at home|household help|cleaning help|care at home", "hulp huishouden wmo"),
    (r"building permit|dormer|extension|build", "omgevingsvergunning bouwen"),
    (r"complaint|complain", "klacht indienen"),
    (r"opening hours|open", "openingstijden"),
    (r"certificate|extract", "uittreksel"),
    (r"naturali[sz]ation|citizenship|nationality", "naturalisatie"),
    (r"dog tax|dog", "hondenbelasting"),
    (r"subsid\w*|grant", "subsidie"),
)
# Topics inside a product whose English answer does not cover them: the Dutch article is
# better than the product's English answer ("exchange my Polish licence" is no renewal).
_BEYOND_THE_ENGLISH_ANSWERS = ("buitenlands rijbewijs omwisselen", "kwijtschelding",
                               "parkeren thuiszorg mantelzorg",
                               "paspoort of ID-kaart kwijt of gestolen", "paspoort spoed",
                               "reizen met ID-kaart",
                               # "we just moved here from Toronto, how do we register?" (r84)
                               "inschrijven uit het buitenland", "waar vind ik mijn bsn",
                               "paspoort of ID-kaart kind", "mantelzorg ondersteuning",
                               "schimmel gebreken huurwoning verhuurder",
                               "burenoverlast buurtbemiddeling", "gehandicaptenparkeerkaart",
                               "container op straat vergunning bouwcontainer",
                               "bezoekersvergunning parkeren bezoek")
_PATTERNS: List[Tuple["re.Pattern[str]", str]] = [
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), dutch) for words, dutch in _GLOSSARY]


# "no not abroad, i come from Rotterdam" (round r66 of session 40: the abroad answer twice)
_NOT_SO = re.compile(r"\b(?:not|no|never)\s+(?:from\s+)?(?:abroad|foreign|outside\s+the\s+"
                     r"netherlands)\b"
                     # "no?? not naturalisation. ID CARD for my 4 year old kid" (round r153)
                     r"|\b(?:not|no)\W+(?:a\s+|the\s+)?(?:naturali[sz]ation|citizenship|"
                     r"nationality|emigration|moving|parking|birth)\b", re.IGNORECASE)
_REGISTER = re.compile(r"\b(?:regist\w*|declar\w*|report\w*|certificate)\b", re.IGNORECASE)


def dutch_search_words(text: str) -> str:
    """The Dutch words for what an English question is about, or "" when it names nothing
    the glossary knows."""
    found = _glossary_words(text)
    asked = " ".join(part for part in sentences(text or "") if "?" in part)
    if MOVING in found and asked and asked != text:
        in_the_question = _glossary_words(asked)
        if in_the_question and MOVING not in in_the_question:
            # "i move to lindendal 2 week ago. how i get the pass for the garbage container?"
            # (round r150 of session 51: the moving text): the move only says why
            found.remove(MOVING)
    if CHILD_DOCUMENT in found and BIRTH in found and not _REGISTER.search(text or ""):
        found.remove(BIRTH)  # "Does the baby need a passport? She was born here." (round r155)
    return " ".join(found)


def _glossary_words(text: str) -> List[str]:
    found, rest = [], _NOT_SO.sub(" ", text or "")
    for pattern, dutch in _PATTERNS:
        if pattern.search(rest):
            found.append(dutch)
            rest = pattern.sub(" ", rest)  # "dead cat" is not read again as "dead"
    return list(dict.fromkeys(found))


def beyond_the_english_answers(text: str) -> bool:
    """The question names a topic the product's English answer leaves out."""
    words = dutch_search_words(text)
    return any(topic in words for topic in _BEYOND_THE_ENGLISH_ANSWERS)
