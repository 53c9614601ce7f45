"""A question about the report the resident is making: how long, can it be faster, what
does it cost, am I anonymous, what happens next; or the resident saying it was never a
report ("ik heb een vraag, ik wil niets melden").

Read from the words alone; the policy only acts on it while a report is being made, so
"hoe lang duurt het?" there is about the report, while elsewhere it is someone else's
question (a passport, a permit). Keys match responses: `utter_report_question_<key>`.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Optional

from bot.reading.description import DOCUMENT_WORDS, category_of
from bot.reading.places import read_place
from bot.reading.questions import QUESTION, is_question, read_question
from bot.text import sentences

_IT = r"(?:het|t|dat|dit|die|deze|zoiets|zo ?n melding|een melding|de melding|mijn melding|" \
      r"zo ?n reparatie|de reparatie)"
# What the team does about a report, as residents ask after it ("wordt er nog gestrooid?").
_DONE = (r"(?:opgehaald|geleegd|gemaakt|gerepareerd|opgeruimd|weggehaald|vervangen|gestrooid|"
         r"geveegd|schoongemaakt|gesnoeid|gemaaid|afgezet|afgesloten|dichtgemaakt|opgelost|"
         r"verwijderd|afgevoerd)")
_DURATION = re.compile(
    r"\bhoe ?lang (?:\w+ ){0,3}?(?:duurt|duren|gaat|moet|zal|kan)\b"
    # "hoeveel tijd gaat da pakken?" (round 81)
    r"|\bhoeveel tijd (?:\w+ ){0,3}?(?:duurt|gaat|pakt|pakken|kost|nodig|neemt|nemen)\b"
    r"|\bhoe ?snel (?:\w+ ){0,3}?(?:wordt|worden|komt|komen|gaat|gaan|is|zijn|kunnen|kan|pakken)\b"
    r"|\bwanneer (?:\w+ ){0,4}?(?:gemaakt|opgelost|gerepareerd|hersteld|vervangen|"
    r"opgeruimd|weggehaald|geleegd|opgepakt|gedaan|klaar|gefikst|verholpen)\b"
    # "wanneer wordt dat opgehaald?" about the dumped sofa (round r278: skipped); not "wanneer
    # wordt het oud papier opgehaald?", the calendar
    r"|\bwanneer (?:wordt|worden|komen ze|komt men) (?:dat|dit|die|deze|hij|ze|het)"
    r"(?: (?:dan|nu|eens|nou))? (?:opgehaald|ophalen|weggebracht|afgevoerd)\b"
    # "glas wanneer weg? vandaag?" (round r173 of session 52: the food bank)
    r"|\bwanneer (?:is |zijn |wordt |worden )?(?:(?!(?:gaan|gaat|ga|ben|bent|zijn)\b)\w+ ){0,2}?"
    r"weg\b"
    r"|\bwanneer (?:precies |ongeveer |dan |nou )?(?:komt|komen|gaat|gaan) (?:er )?"
    r"(?:dan |nou |nu |eindelijk |eens |precies )*"
    r"(?:iemand|jullie|ze|de gemeente|de buitendienst)\b"
    r"|\bbinnen hoeveel (?:dagen|tijd|weken)\b|\bhoeveel (?:dagen|weken|tijd) (?:duurt|kost)\b"
    # "duurt het lang voor er iemand komt?" (round 95)
    r"|(?<!waarom )\bduurt (?:het|dat|dit) (?:nog )?(?:lang|even)\b"
    r"|\buiterlijk wanneer\b|\bwanneer (?:dan |dus )?(?:precies|uiterlijk)\b"
    r"|\bop welke (?:dag|datum)\b|\bby when\b|\bwhat date\b"
    # "wordt hij morgen alsnog opgehaald?", "komen jullie hem nog legen?"
    rf"|\b(?:wordt|worden|komt|komen|gaat|gaan|zal|zullen) (?:\w+ ){{0,4}}?(?:alsnog|nog) "
    rf"(?:\w+ ){{0,2}}?(?:{_DONE}|legen|ophalen|halen|maken|repareren|opruimen|weghalen|"
    r"strooien|vegen|snoeien|maaien)\b"
    # "wanneer maken ze?", "hoe snel repareren jullie het?" (round r256 of session 61: WOZ)
    r"|\b(?:wanneer|hoe ?snel) (?:\w+ )?(?:maken|repareren|herstellen|fiksen|maakt|repareert) "
    r"(?:ze|jullie|u|de gemeente|de buitendienst|ge)(?: (?:het|hem|dat|die|dit|em|nou|dan))*"
    r"\s*(?:[?.!,]|$)"
    r"|\bhow long\b|\bwhen will (?:it|you|someone)\b"
    # "hoeveel dagen?", "gat repareren, hoe lang wachten?" (round r191 of session 53)
    r"|^\W*(?:en |dus )?hoeveel (?:dagen|weken|werkdagen|tijd)\s*\W*$"
    r"|\bhoe ?lang (?:\w+ )?wachten\b"
    # "nee. HOE LANG??" (round r185 of session 53: "Op uw vraag heb ik geen antwoord")
    r"|\bhoe ?lang(?: (?:nog|dan|nou|ongeveer|wel|eigenlijk))?\s*\W*$"
    r"|\b(?:going to be|will it be|be) (?:fixed|repaired|sorted|cleared|done) "
    r"(?:today|tonight|tomorrow|soon|this week)\b"
    # "strooien jullie nou wel of niet?": whether and when the team comes
    r"|\b(?:strooien|strooit|vegen|veegt|maaien|maait|snoeien|snoeit|legen|leegt) "
    r"(?:jullie|ze|de gemeente)\b(?=.*\?)")
_FASTER = re.compile(
    r"\b(?:kan|kunnen|kunt|kun|gaat|gaan|moet) (?:\w+ ){0,4}?(?:sneller|rap|rapper|vlug|eerder|"
    r"voor (?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|het weekend)|vandaag|"
    r"morgen|vanavond|vannacht|"
    r"meteen|direct|nu meteen|zo snel mogelijk|met spoed|voorrang)\b"
    r"|\b(?:sneller|spoed|voorrang|urgent)\b(?=.*\?)"
    # "pas over 10 werkdagen?? waarom zo laat" (round r219 of session 56: no answer)
    r"|\bwaarom (?:\w+ )?(?:zo|pas|zolang) (?:laat|lang)\b"
    # "24 uur?? dat is te lang, de draden liggen op het fietspad" (round r111: a new place)
    r"|\b(?:is|duurt|duren)\s+(?:\w+\s+)?(?:veel |echt |wel |veels |veul )?te lang\b|\btoo long\b"
    # "ik wil alleen weten of het sneller kan" (round r71 of session 41)
    r"|\bof (?:het|dat|dit|dat niet|het niet) (?:\w+ )?(?:sneller|eerder) "
    r"(?:kan|gaat|mogelijk is)\b"
    r"|\bgraag (?:\w+ ){0,2}?(?:snel|vandaag|meteen)\b(?!.*\bniet\b)"
    r"|\b(?:can|could) (?:it|you) (?:\w+ ){0,3}?(?:faster|sooner|today)\b"
    # "kan iemand NU komen??" (round r56: the answer about calling instead)
    r"|\b(?:kan|kunnen|kunt) (?:er )?(?:iemand|jullie|u|een ploeg|de gemeente) (?:\w+ ){0,2}?"
    r"(?:nu|meteen|direct|snel|zsm|vandaag|vanavond) (?:\w+ )?(?:komen|langskomen|kijken)\b"
    # "is it possible to do it today?", "could someone come today please" (round r54)
    r"|\b(?:is it possible|any chance|(?:can|could) (?:someone|somebody|anyone|a crew)) "
    r"(?:\w+ ){0,5}?(?:faster|sooner|today|tonight|tomorrow|right away|asap)\b"
    r"|\bhow (?:fast|soon|quickly) (?:will|can|does|do) (?:someone|somebody|you|they|anyone)\b"
    # "is the municipality coming tonight??", "wordt het vannacht nog afgezet?" (round r219 of
    # session 56: "call 14 0571 from Monday")
    r"|\b(?:is|are) (?:someone|somebody|anyone|the municipality|the council|you|they|a team|"
    r"a crew) (?:\w+ )?coming (?:\w+ )?(?:tonight|today|now|soon|tomorrow)\b"
    r"|\b(?:wordt|worden) (?:het|dat|die|ze|hij) (?:\w+ )?(?:vannacht|vanavond|vandaag) (?:nog )?"
    r"(?:afgezet|gemaakt|opgeruimd|weggehaald|gerepareerd|dichtgemaakt|opgelost)\b"
    r"|\b(?:komt|komen) (?:er )?(?:vandaag|vanavond|vannacht|morgen|meteen|direct) (?:nog )?"
    r"iemand\b|\b(?:ook|nog) (?:vanavond|vannacht|vandaag)\s*\?"
    r"|\b(?:vanavond|vannacht) (?:nog )?iemand\b"
    r"|\b(?:jullie|ze|de gemeente|iemand) (?:\w+ ){0,3}?(?:vandaag|morgen|meteen|direct)\b"
    r"(?: \w+){0,2} ?(?:\?|$)"
    # "kan er snel iemand komen?", "stuur snel een ploeg", "ik wil dat er iemand komt"
    r"|\bwil (?:dat )?er (?:nu |snel |meteen |vandaag )*iemand (?:\w+ )?komt\b"
    # "KOMEN JULLIE VANNACHT NOG?", "kunnen jullie iemand sturen?"
    r"|\b(?:komt|komen) (?:jullie|ze|u|er iemand) (?:\w+ )?(?:vandaag|vanavond|vannacht|"
    r"meteen|direct|nu)\b|\b(?:kunnen|kunt|kan) (?:jullie|u|de gemeente) (?:nu |snel |meteen )*"
    r"(?:iemand|een ploeg|een handhaver|een boa) (?:\w+ )?(?:sturen|langs\w*)\b"
    r"|\bstuur (?:nu |snel |meteen )*(?:iemand|een ploeg)\b"
    r"|\b(?:snel|vlug|gauw|rap|dringend) (?:iemand|een ploeg|een monteur|mensen)\b"
    r"|\b(?:iemand|een ploeg|jullie) (?:\w+ )?(?:snel|vlug|gauw|dringend) (?:komen|langs|"
    r"kijken|sturen)\b")
_COST = re.compile(
    rf"\bwat kost {_IT}\b|\bkost {_IT} (?:\w+ ){{0,2}}?(?:geld|iets|wat)\b"
    r"|\b(?:moet|moeten) (?:ik|we|wij) (?:\w+ ){0,3}?(?:betalen|voor betalen)\b"
    r"|\bis (?:het|dat|melden|een melding) (?:\w+ ){0,1}?gratis\b|\bkosten (?:aan )?verbonden\b"
    # broken Dutch: "ik moet betalen?", "kost geld?" (round r149 of session 51)
    r"|\bik moet (?:\w+ )?betalen\s*\?|(?:^|[.,!?]\s*)(?:dat |het )?kost (?:geld|iets)\s*\?"
    r"|\bwhat does it cost\b|\bdo i (?:have to )?pay\b|\bis it free\b")
_ANONYMOUS = re.compile(
    r"\banoniem\w*\b"
    r"|\b(?:krijgt|krijgen|ziet|zien|weet|weten|hoort|horen) (?:\w+ ){0,4}?(?:mijn naam|"
    r"dat ik (?:het )?(?:heb )?gemeld|wie (?:het )?(?:heeft )?gemeld|wie het meldt)\b"
    r"|\b(?:mijn naam|mijn gegevens) (?:\w+ ){0,3}?(?:doorgegeven|gedeeld|bekend|gebruikt|zien)\b"
    r"|\bzonder (?:mijn )?naam\b"
    # "do you need my name?", "moet ik mijn naam opgeven?" (round r52: no answer)
    r"|\b(?:need|want|have) my (?:name|details)\b"
    r"|\b(?:mijn|mn|m n|me) (?:naam|gegevens) (?:\w+ )?(?:nodig|opgeven|geven|doorgeven|noemen)\b"
    # "wil niet dat die gasten weten dat ik t gemeld heb" (round r217 of session 56)
    r"|\b(?:weten|merken|horen|zien) dat ik (?:t|het|dit|dat) (?:gemeld|doorgegeven) (?:heb|had)\b"
    r"|\b(?:ziet|zien|weet|weten|hoort|horen|krijgt|krijgen)\b(?: \w+){0,5}? "
    r"(?:wie ik ben|wie (?:dit|het|dat) (?:\w+ )?(?:meldde|meldt|gemeld|was|heeft gedaan)|"
    r"dat ik (?:het|dit|dat) (?:was|meldde|heb gemeld|gemeld heb|heb gedaan|ben))\b"
    # "moet ik de buren hun adres geven? ik wil niet dat ze weten dat ik het ben"
    r"|\b(?:wil|wilt) niet dat (?:ze|hij|zij|die \w+|de buren|de buurman|de buurvrouw) "
    r"(?:\w+ ){0,3}?(?:weten|merken|zien|horen)\b"
    r"|\bwat (?:doen|doet) (?:jullie|u|de gemeente) (?:\w+ ){0,2}?(?:met )?mijn "
    r"(?:gegevens|e-?mail\w*|mailadres|nummer|telefoonnummer)\b|\banonymous\b"
    # "Will the neighbours see that it was me who reported this?" (round r58: no answer)
    r"|\b(?:will|would|do|does|can) (?:the|my|our|they|he|she) (?:\w+ )?(?:see|know|find out|"
    r"hear|learn)\b(?: \w+){0,4}? (?:it was me|i (?:reported|made|called)|who (?:reported|made|"
    r"called))\b|\b(?:my name|my details) (?:\w+ ){0,3}?(?:shared|passed on|given|shown)\b")
_NEXT_STEPS = re.compile(
    r"\bwat (?:gebeurt|gebeuren|doen|doet|gaat) (?:\w+ ){0,3}?(?:er )?(?:nu|daarna|hierna|mee|"
    r"ermee|met (?:mijn|de|deze) melding)\b"
    r"|\b(?:komt|komen) (?:er )?(?:iemand|jullie|ze) (?:\w+ ){0,2}?(?:kijken|langs)\b"
    r"|\bhoe (?:weet|hoor) ik (?:\w+ ){0,3}?(?:of|wanneer|dat)\b"
    r"|\bwhat happens (?:now|next)\b"
    rf"|\b(?:wordt|worden|gaat|gaan) (?:\w+ ){{0,6}}?{_DONE}\b"
    r"|\b(?:doen|doet|gaan|gaat) (?:jullie|de gemeente|ze|u) (?:er|daar|hier)? ?(?:nog |ook )?"
    r"(?:iets|wat) (?:aan|mee|tegen)\b|\bwat (?:gaan|gaat|doen|doet) (?:jullie|de gemeente|ze) "
    r"(?:er|daar)(?:aan| aan| tegen|tegen)\b"
    r"|\b(?:krijg|krijgen|hoor|horen) (?:ik|we|wij) (?:\w+ ){0,2}?(?:bericht\w*|(?:een )?mail\w*|"
    r"(?:een )?sms\w*|(?:een )?updates?|iets|nieuws|te horen)(?: \w+){0,3}? (?:als|wanneer|zodra|"
    r"of)\b|\bwill (?:i|we) (?:get|hear|be told)\b(?: \w+){0,4}? (?:when|if|once)\b")
# "is het nu gemeld of niet?", "is mijn melding al verstuurd?"
_FILED = re.compile(
    r"\bis (?:het|die|dat|deze|mijn melding|de melding|hij) (?:nu |nou |al |dan |wel |eigenlijk |"
    r"echt |ook )*(?:gemeld|doorgegeven|doorgestuurd|opgestuurd|ingediend|verstuurd|verzonden|"
    r"aangekomen|ontvangen|binnen)\b"
    r"|\b(?:has|is) (?:it|my report|the report|that|this) (?:really |now |already |actually )*"
    r"(?:been )?(?:reported|sent|filed|received)\b"
    # "kunt u er niet gewoon een melding van maken" while the report is being made (round
    # r149 of session 51: the article about primary schools)
    # (not "wilt u daar een aparte melding van maken": another problem, a report of its own)
    r"|\b(?:kunt|kun|kan|kunnen) (?:u|je|jij|jullie) er (?:niet )?(?:gewoon |even |nou )*"
    r"(?:een )?melding van maken\b|\bcan you (?:just )?(?:make|file) a report\b")
_PHOTO = re.compile(
    r"\b(?:kan|mag|moet|kun|kunt|wil|zal) (?:ik|je|u|we) (?:\w+ ){0,3}?(?:foto|fotos|foto s|"
    r"fotootje|plaatje|afbeelding|beeld|filmpje)\b(?: \w+){0,3}? ?(?:sturen|opsturen|meesturen|"
    r"toevoegen|doorsturen|uploaden|versturen|bijvoegen|sturen\?|\?)"
    r"|\bfoto\w*\b(?: \w+){0,4} (?:sturen|opsturen|meesturen|doorsturen|versturen)\b(?=.*\?)"
    r"|\b(?:can|may|should) i (?:\w+ ){0,2}?(?:send|add|upload) (?:a |the )?(?:photo|picture)"
    # "foto kan?", "en de foto?", "waar kan ik die naartoe sturen?" about a photo, "what about
    # the photo??" (rounds r134 and r146 of session 50: no answer three times)
    r"|^\W*(?:en |and )?(?:de |een |the |a )?(?:foto|fotos|photo|picture)\W*"
    r"(?:kan|dan|ook)?\W*\?"
    r"|\b(?:foto|fotos|photo|picture)\b(?=.*\b(?:waar|hoe|mailen|sturen|send|where)\b)"
    r"(?=.*\?)"
    r"|\bwhat about the (?:photo|picture)\b"
    r"|\b(?:send|sturen) (?:\w+ )?(?:the |de )?(?:photo|foto)\b(?=.*\b(?:where|waar)\b)")
# "belt ge mij dan of hoe gaat da?", "krijg ik dan een mail?", "how will you let me know?":
# how the news about the report reaches the resident
_HOW_UPDATES = re.compile(
    r"\b(?:belt|bellen|mailt|mailen|sms't|smst|appt|appen) "
    r"(?:ge|gij|u|jullie|je|men|ze|de gemeente) (?:mij|me|ons)(?: \w+)? ?"
    r"(?:dan|op|terug|daarover)\b(?=[^.!]*\?)"
    r"|\bkrijg (?:ik|ge|gij|je) (?:dan |daar |daarover |er )*(?:een |nog )?(?:e-?mail|mail|"
    r"mailtje|sms|smsje|bericht|berichtje|telefoontje|brief)\b"
    r"(?![^?]*\b(?:als|wanneer|zodra)\b)(?=[^.!]*\?)"
    r"|\bhoe (?:hoor|krijg|weet) (?:ik|ge|je) (?:\w+ ){0,3}?(?:berichten|bericht|updates?|dat)\b"
    r"(?=[^.!]*\?)"
    r"|\b(?:how|will) (?:will )?you (?:contact|reach|call|email|e-mail|text|let) me\b"
    # "word ik dan gebeld?" at the updates question (round r129 of session 49: the handover)
    r"|\b(?:word|wordt|worden) (?:ik|we|wij) (?:dan |nog |ook |straks |daarover |wel |"
    r"eigenlijk )*(?:terug ?)?gebeld\b(?=[^.!]*\?)"
    r"|\b(?:gaan|gaat) (?:jullie|u|iemand|de gemeente) (?:mij|me|ons) (?:dan |ook |nog |"
    r"daarover )*(?:terug)?bellen\b(?=[^.!]*\?)"
    r"|\b(?:will|do|would) (?:you|they|someone) (?:\w+ )?call me\b(?=[^.!]*\?)"
    # "Moet ik dan mijn telefoonnummer geven?" (round r51: the opening hours)
    r"|\bmoet ik (?:\w+ )?(?:(?:mijn|mn|m'n|m n|me|een|ons|uw) )?"
    r"(?:telefoonnummer|nummer|06|e-?mail\w*|mailadres|adres) "
    r"(?:\w+ )?(?:geven|opgeven|doorgeven)\b"
    # "hoe bedoel je bericht? via whatsapp ofzo?" (round r119 of session 49: asked again)
    r"|\bwat (?:voor|bedoel\w*) (?:\w+ )?(?:een )?(?:bericht|berichten|berichtje)\b"
    r"|\bhoe bedoel\w* (?:\w+ )?(?:bericht|berichten|berichtje|updates?)\b"
    # "wat is berichten? sms?", "kan het per brief?" (round r208 of session 55: no answer)
    r"|\bwat (?:is|zijn|betekent) (?:een )?(?:bericht|berichten|berichtje|updates?)\b"
    r"|\b(?:kan|mag|kunt|kunnen) (?:het|dat|dit|u|jullie|ik) (?:\w+ ){0,2}(?:per|via|met een) "
    r"(?:brief|post)\b(?=[^.!]*\?)|\b(?:per|via|met de) (?:brief|post)\b(?=[^.!]*\?)"
    r"|\b(?:een |per )?brief (?:kan|mag) (?:dus |ook |echt )?(?:niet|ook|wel)\b(?=[^.!]*\?)"
    # "Kunt u mij een brief sturen?", "dus ik hoor helemaal niets?" (round r217 of session
    # 56: the complaints procedure)
    r"|\b(?:kunt|kan|kunnen|wilt|willen) (?:er )?(?:niet )?(?:u|jullie|iemand|de gemeente) "
    r"(?:mij |me |ons )?(?:dan |niet |ook |even |toch |gewoon )*(?:een )?(?:brief|briefje|kaartje|"
    r"kaart) "
    r"(?:\w+ )?(?:sturen|schrijven|versturen)\b"
    r"|\b(?:(?:hoor|krijg|weet) ik|ik (?:hoor|krijg|weet)) (?:dan |dus |straks )*(?:helemaal |"
    r"eigenlijk |verder )*(?:niets|niks)\b(?=[^.!]*\?)"
    r"|\bvia (?:whatsapp|de app|app|sms|mail|e-?mail|telegram|messenger) (?:of ?zo|ofzo|of zo iets|"
    r"or something)\b|\bwhat (?:kind of )?(?:message|messages|updates?) do you mean\b"
    # "kan dat via whatsapp?" at the updates question (round r109: no answer)
    r"|\b(?:kan|kun|kunt|mag|gaat) (?:dat|het|dit|die|ik|u|je|jullie) (?:\w+ )?(?:ook )?(?:via|per|"
    r"met|over) (?:whatsapp|de app|app|sms|telegram|messenger)\b(?=[^.!]*\?)"
    r"|\b(?:can|could) (?:you|i|it|that|this) (?:\w+ ){0,2}(?:be )?(?:via|by|on|through|over) "
    r"(?:whatsapp|sms|text message|telegram|messenger)\b")
# "wat bedoelt u met 2 dingen?" after "U noemt 2 dingen" (round r51: no answer)
_TWO_REPORTS = re.compile(
    r"\b(?:wat|hoe) bedoel\w* (?:u|je|jij|jullie) (?:\w+ )?(?:met )?(?:2|twee|drie|3|aparte?) "
    r"(?:dingen|meldingen|zaken|problemen)\b|\bwhy (?:two|2|separate) reports\b"
    r"|\bwaarom (?:2|twee|aparte) meldingen\b"
    # "worden het 2 meldingen?", "krijg ik twee nummers?" (session 53: the question was
    # asked again without an answer)
    r"|\b(?:worden|wordt|zijn|is|krijg|krijgen)\b(?: \w+){0,3} (?:2|twee|drie|3|aparte|losse|"
    r"meerdere) (?:aparte |losse )?(?:meldingen|meldingsnummers|nummers)\b"
    r"|\b(?:1|een|één) (?:melding|nummer) of (?:2|twee|meer)\b"
    # "wordt dit nu een aparte melding?", "of moet dat apart?" (round r182 of session 53)
    r"|\b(?:worden|wordt|is|krijg|krijgt)\b(?: \w+){0,3} (?:een )?(?:aparte|losse|nieuwe|"
    r"tweede|eigen) (?:melding|meldingsnummer|nummer)\b|\bmoet (?:dat|dit|die|het) apart\b"
    # "is dit nu bij die eerste melding of een nieuwe?", "een nieuwe melding of die oude?"
    r"|\b(?:nieuwe|aparte|andere) melding of (?:bij )?(?:die|de) (?:oude|eerste|vorige)\b"
    r"|\bbij (?:die|de) (?:eerste|vorige|oude|andere) melding of (?:een )?(?:nieuwe|aparte)\b"
    r"|\bsame report or (?:a )?(?:new|separate|another) (?:one|report)\b"
    r"|\b(?:a )?(?:new|separate) report or (?:the )?same (?:one)?\b"
    r"|\b(?:one|1) report or (?:two|2)\b|\b(?:is|will) (?:that|this|it) (?:be )?(?:two|2|"
    r"separate) reports\b")
_PHONE = re.compile(
    # "kunt u mij bellen?" is a wish to be called, not a question which number to call
    r"\b(?:kan|mag|kun|kunt) (?:ik|je|u) (?!(?:mij|me|ons|m)\b)(?:\w+ ){0,3}?"
    r"(?:iemand |jullie |u |de gemeente )?(?:bellen|opbellen|telefonisch)\b"
    r"|\b(?:wat|welk) is (?:\w+ ){0,2}?(?:telefoonnummer|nummer om te bellen)\b"
    r"|\btelefoonnummer van (?:jullie|de gemeente|u)\b"
    r"|\b(?:can i|could i) (?:\w+ ){0,2}?(?:call|phone)\b"
    # "moet ik nog iemand anders bellen?", "wie moet ik bellen"
    r"|\bmoet ik (?:nog |dan |nu |ook |niet |toch )*(?:iemand|wie|een ander|instantie)\b(?: \w+)? "
    r"bellen\b"
    r"|\bwie (?:moet|kan|mag) ik (?:\w+ )?bellen\b")
# "Wat doe ik met dat kenteken?", "ik weet wie het gedumpt heeft": what a witness saw of
# whoever caused it.
_WITNESS = re.compile(
    r"\b(?:wat (?:doe|moet) ik (?:\w+ ){0,2}(?:met|aan) (?:dat|het|die|zijn|het) "
    r"(?:kenteken|nummerbord)|kenteken (?:\w+ ){0,3}(?:doorgeven|melden|noteren|erbij)|"
    r"(?:heb|weet) (?:\w+ ){0,2}(?:het )?(?:kenteken|nummerbord)|"
    r"(?:ik )?weet (?:\w+ )?wie (?:het|dit|dat) (?:\w+ )?(?:gedaan|gedumpt|gestort|was)|"
    r"licen[cs]e plate)\b")
# "Is er geen spoednummer?": a number for something urgent that is no 112 case.
_URGENT_NUMBER = re.compile(
    r"\b(?:spoed|nood|storings|calamiteiten|alarm)(?:nummer|lijn)s?\b"
    r"|\b(?:nummer|lijn) (?:voor|bij) (?:spoed|noodgevallen|storingen)\b"
    r"|\b(?:emergency|urgent|out of hours) (?:number|line)\b"
    # "is there nobody I can call now?", "is er niemand die ik nu kan bellen?" (round r51)
    r"|\b(?:is er|is there) (?:dan |then |really )?(?:niemand|nobody|no one|iemand|someone|"
    r"anyone)\b"
    r"(?: \w+){0,4} (?:bellen|call)\b|\bwho (?:else )?(?:can|should|do) i call\b"
    # "should i call that number now or is this chat enough?", "er is toch wel een nooddienst
    # of zo?", "moet ik die storingsdienst nou bellen of niet?" (round r205 of session 55:
    # "a colleague reads this from Monday" three times about sewage at a playground)
    r"|\b(?:nooddienst|storingsdienst|piketdienst|wachtdienst|on[ -]?call)\w*\b"
    # "is er geen nummer dat ik nu kan bellen dan?" after a hazard report (round r248 of
    # session 60: the queue for a colleague, till 17:00)
    r"|\b(?:geen|(?:is er|is there) (?:een|any|a|ander)) (?:ander )?"
    r"(?:nummer|telefoonnummer|number)\b(?: \w+){0,3} (?:ik|je|we|i) (?:\w+ )?"
    r"(?:nu|meteen|direct|now|right now) (?:\w+ )?(?:kan |kun |can )?(?:bellen|call)\b"
    # "Is er ook een nummer dat ik vanavond kan bellen als het erger wordt?" (round r210)
    r"|\b(?:nummer|telefoonnummer|number)\b(?: \w+){0,5} (?:vanavond|vannacht|s avonds|s nachts|"
    r"in het weekend|buiten kantoortijd|tonight|at night|this weekend)\b(?=[^.!]*\?)"
    r"|\b(?:is|isn.?t) (?:this|the) chat (?:not )?enough\b|\b(?:is )?(?:deze|dit|de) chat "
    r"(?:niet )?(?:genoeg|voldoende)\b"
    r"|\b(?:waarom|why) (?:moet|should|do|must) (?:ik|i) (?:\w+ ){0,2}(?:bellen|call)\b"
    r"|\b(?:pas|only|not until) (?:op |on )?(?:maandag|dinsdag|morgen|monday|tomorrow) "
    r"(?:\w+ )?(?:gelezen|read)\b")
# "moet ik nou bellen of niet?", "do i need to call?": after the other party is asked about
_SHOULD_CALL = re.compile(
    r"(?<!wie )\b(?:moet|moeten|hoef|hoeft|zal|zou) (?:ik|we|wij) (?!(?:\w+ ){0,3}?iemand\b)"
    r"(?:\w+ ){0,3}?(?:nu |dan |nou |toch |echt |zelf )*(?:bellen|opbellen)\b(?! om\b)(?=.*\?)"
    r"|\b(?:should|do|must|shall) (?:i|we) (?:\w+ ){0,2}(?:call|phone|ring)\b"
    r"|\bneed to (?:call|phone|ring)\b")
# "Moet ik niet het waterbedrijf bellen?", "moet ik de glasvezelfirma bellen ipv jullie?"
_OTHER_PARTY = re.compile(
    r"\b(?:moet|kan|zal|moeten) (?:ik|we) (?:\w+ ){0,2}?(?:het|de|die|een) (?:\w+ )?(?:\w*bedrijf|"
    r"\w*firma|netbeheerder|aannemer|verhuurder|woningcorporatie|corporatie|eigenaar|"
    r"storingsdienst|energieleverancier) (?:\w+ )?(?:bellen|inschakelen|mailen|waarschuwen)\b"
    # "Moet ik nu ook nog dat 0800-nummer bellen, of geeft u het door?" (round 82)
    r"|\b(?:moet|moeten|zal) (?:ik|we) (?:\w+ ){0,3}?(?:dat |het |de )?(?:0800\w*|storingsnummer)"
    r"(?: nummer)? (?:\w+ )?bellen\b"
    r"|\bof (?:geeft|geven|regelt|regelen) (?:u|jullie|de gemeente) (?:het|dat|dit)(?: \w+)? "
    r"door\b"
    # "Kunt u het dan doorgeven aan de netbeheerder?" (round r205 of session 55: "a colleague
    # can tell you, call 14 0571 from Monday")
    r"|\b(?:kunt|kan|kunnen|wilt|willen|will|can|could) (?:u|jullie|je|de gemeente|you) "
    r"(?:\w+ ){0,3}(?:doorgeven|melden|waarschuwen|inlichten|bellen|pass|tell|call|inform)"
    r"(?: \w+)? (?:aan |on to |to )?(?:de |het |the )?(?:\w*bedrijf|netbeheerder|"
    r"storingsdienst|energieleverancier|politie|brandweer|waterbedrijf|grid operator|"
    r"police|utility)\b")
# "DUS MOET IK NOU VITENS BELLEN OF DOEN JULLIE DAT?", "so who do I call first, vitens or
# the on-call number?" (rounds r219 and r222 of session 56: the list of three numbers)
_A_COMPANY = (r"(?:vitens|evides|dunea|waternet|pwn|oasen|wml|wmd|brabant water|het waterbedrijf|"
              r"the water company|liander|enexis|stedin)")
_THE_COMPANY_OR_US = re.compile(
    rf"\b(?:bellen|bel|call|phone|ring)\b(?: \w+){{0,4}} {_A_COMPANY}\b(?=[^.!]*\?)"
    rf"|\b{_A_COMPANY} (?:\w+ )?(?:bellen|call)\b(?=[^.!]*\?)", re.IGNORECASE)
# "Krijg ik mijn band vergoed?", "wie betaalt de schade aan mijn auto?"
_DAMAGE = re.compile(
    r"\b(?:schadevergoeding|schadeclaim|aansprakelijk\w*|compensation|compensate|liable)\b"
    # "moet ik eerst bij mijn eigen verzekering aankloppen of bij jullie?" (round r247)
    r"|\b(?:mijn|m'?n|onze|eigen|my|own) (?:eigen )?(?:verzekering|verzekeraar|insurance|"
    r"insurer)\b(?=[^.!]*(?:\?|\bof\b|\bor\b))"
    # "en je zegt niks over mijn schade" (round r219 of session 56: no answer)
    r"|\b(?:niks|niets|nothing) (?:\w+ ){0,2}(?:over|about) (?:mijn|de|my|the) (?:schade|damage)\b"
    # "kan ik de gemeente laten betalen voor mijn jas?" (round r144 of session 50: money
    # worries), "wie betaalt mijn gescheurde jas?"
    r"|\b(?:laten|laat) (?:betalen|vergoeden)\b|\bwie betaalt (?:nu |dan )?(?:mijn|onze) \w+"
    # "wie betaalt de huisarts eigenlijk" after a child was hurt on a slide (round r166)
    r"|\bwie betaalt (?:nu |dan )?(?:de|het) (?:huisarts|dokter|ziekenhuis|eerste hulp|"
    r"tandarts|fysio\w*|\w*schade|reparatie)\b"
    r"|\b(?:krijg|krijgen|kan|kun|kunt|wordt|worden) (?:\w+ ){0,5}?(?:vergoed|verhalen|"
    r"claimen)\b"
    r"|\b(?:betaalt|betalen|vergoedt|vergoeden) (?:\w+ ){0,3}?(?:de |mijn |die )?(?:\w*schade|"
    r"reparatie|fiets|auto|band|velg|bril|telefoon|rekening)\b"
    r"|\b(?:schade|reparatie|fiets|auto|band|velg|bril|telefoon)\b(?: \w+){0,3} (?:zelf )?"
    r"(?:betalen|vergoed|verhalen|claimen|betaald)\b"
    r"|\bdeclar(?:eren|eer)\b|\b(?:dokters|ziekenhuis|tandarts|reparatie)rekening\b"
    r"|^\W*(?:en |maar )?(?:die|de|mijn|m'n|mn) schade\b"
    r"|\bwho (?:will )?pays? for (?:the |my )?(?:damage|repair)\b"
    r"|\b(?:broke|broken|damaged|fell|crashed)\b.*\bwho (?:will )?pays?\b"
    # "IK BEN GEVALLEN … MIJN POLS IS GEBROKEN, WIE BETAALT DIT" (session 37)
    # ("zoon heeft pijn arm en fiets kapot. wie betaal fiets?", round r185 of session 53)
    r"|\b(?:gevallen|gestruikeld|gebroken|gewond|letsel|schade|kapot)\b.*\bwie (?:betaalt|betaal|"
    r"vergoedt|"
    r"is (?:hier |daar )?(?:nu )?aansprakelijk)\b"
    # "geldt dat ook voor letsel?" (round 88)
    r"|\b(?:geldt|telt|kan|mag) (?:\w+ ){0,3}?(?:ook )?(?:voor|bij) (?:\w+ )?(?:letsel|blessure\w*|"
    r"verwonding\w*|een gebroken \w+)\b|\bletselschade\b")
# "weet u ook hoe laat ze ongeveer komen? dan kan ik thuis blijven" (round 98)
_TIME_OF_DAY = re.compile(
    r"\bhoe ?laat (?:\w+ ){0,4}?(?:komt|komen|gaat|gaan|zal|zullen)\b(?! (?:\w+ )?open\b)"
    r"|\b(?:welk|op welk|om welk) tijdstip\b|\bwelke (?:tijd|dag) (?:\w+ ){0,2}?(?:komt|komen)\b"
    r"|\bwhat time (?:\w+ ){0,3}?(?:come|comes|arrive|arrives)\b", re.IGNORECASE)
# "Moet ik erbij blijven?", "moet ik thuis zijn als ze komen?"
_STAY = re.compile(
    r"\b(?:moet|moeten|hoef|hoeven|hoeft) (?:ik|we|wij|u|je) (?:\w+ ){0,3}?"
    r"(?:(?:erbij|er bij|er|daar|hier|thuis|ter plekke|bij (?:de|die|dat|het) \w+) (?:te )?"
    r"(?:blijven|zijn|wachten|staan)|(?:te )?wachten|aanwezig|blijven (?:staan|wachten))\b"
    r"|\bdo i (?:have|need) to (?:stay|wait|be (?:at )?(?:home|there))\b")
# "Is graffiti eigenlijk wel iets voor de gemeente?", "doen jullie dat wel?": whether the
# resident is at the right address (round r211 of session 55: read as the place).
_OURS = re.compile(
    # "moet ik da hier melden of bij de politie?", "en da met de politie, moet da nog?"
    # (round r269 of session 63: the lost ID card): here is the right place
    r"\b(?:hier|bij jullie|bij de gemeente) (?:\w+ ){0,2}?(?:melden |doorgeven )?of (?:\w+ )?"
    r"(?:bij|aan|naar) (?:de )?(?:politie|police)\b"
    r"|\b(?:met|and) (?:de |the )?(?:politie|police)\W+(?:\w+ ){0,2}(?:moet|moeten|need|should)\b"
    r"|\b(?:is|zijn) (?:\w+ ){1,5}?(?:eigenlijk |wel |nou |ook |echt )*iets (?:voor|van) "
    r"(?:de gemeente|jullie|u)\b"
    r"|\b(?:is|zijn) (?:dit|dat|het|da|t) (?:eigenlijk |wel |nou |ook |echt )*(?:jullie|uw|"
    r"van de gemeente|de gemeente haar) (?:taak|werk|afdeling|zaak|pakkie an)\b"
    r"|\b(?:ben|zit) ik (?:hier |bij jullie |bij u )?(?:wel )?(?:aan het |op het )?"
    r"(?:goede|juiste) (?:adres|plek|loket)\b"
    r"|\b(?:doen|regelen|ruimen|maken) (?:jullie|julle|u|de gemeente) (?:dat|dit|zoiets|da) "
    r"(?:eigenlijk |wel |ook |nou )*(?:\w+ )?\?"
    r"|\bis (?:this|that|it|graffiti) (?:\w+ ){0,2}(?:something )?for (?:the|you|your)"
    r"(?: municipality| council| city)?\b|\bis (?:this|that) your job\b"
    r"|\b(?:am i|i am) (?:at |in )?the right (?:place|address)\b", re.IGNORECASE)
# "Moet ik zelf iets doen? Staat daar stroom op?", "moet ik de kinderen weghalen?": what to do
# meanwhile, to be safe.
_SAFETY = re.compile(
    # "is da gevaarlijk of ni?", "kan het gevaarlijk zijn?" (round r145 of session 50: the
    # dog-bite article for "gevaarlijk")
    r"\b(?:is|zijn) (?:da|dat|het|dit|t|die|ze|deze) (?:nou |nu |echt |wel |niet )?gevaarlijk\b"
    # "mag ik vragen of da gevaarlijk is met die ratten?", "… veel water op straat. is
    # gevaarlijk?" (round r159 of session 51: the dog-bite text, twice)
    r"|\bof (?:da|dat|het|dit|t|die|ze|deze) (?:\w+ )?gevaarlijk (?:is|zijn|kan zijn)\b"
    r"|\b(?:is |zijn )?gevaarlijk \?"
    # "is gevaarlijk ja?" in broken Dutch (round r222 of session 56: no answer)
    # (not "DAT IS GEVAARLIJK!! … waarom is de container niet geleegd?", round r278: the gas
    # and power advice for a swing; _plain drops the "!!")
    r"|\bis (?:dit |dat |het )?gevaarlijk\b(?=(?: \w+){0,3} \?)"
    r"|\bkan (?:da|dat|het|dit|die) (?:\w+ )?gevaarlijk (?:zijn|worden)\b"
    r"|\b(?:is|are) (?:it|that|this|they) (?:\w+ )?dangerous\b|"
    r"\b(?:moet|moeten|kan|kunnen) (?:ik|we|wij) (?:nu |zelf |nog |verder |ondertussen |intussen |"
    r"zolang |dan )*(?:iets|wat) doen\b(?! om\b)"
    r"|\bwat (?:moet|kan|moeten|kunnen) (?:ik|we|wij) (?:nu |zelf |nog |ondertussen |intussen |"
    r"zolang |dan )*doen\b"
    # "en als die tak valt voor ze komen, wat moet mijn dochter dan doen?" (round r117)
    r"|\bwat (?:moet|kan|moeten|kunnen) (?:mijn|onze|de) (?:\w+ )?(?:dochter|zoon|kinderen|kind|"
    r"man|vrouw|buren|buurman|buurvrouw|moeder|vader) (?:nu |dan |zolang )*doen\b"
    r"|\b(?:als|wanneer) (?:die|de|het|dat|hij) (?:\w+ )?(?:valt|omvalt|afbreekt|breekt|"
    r"instort|naar beneden komt)\b(?: \w+){0,5} wat (?:moet|moeten|doe|doen)\b"
    r"|\bis (?:het|dat|dit|die|t) (?:\w+ ){0,2}?(?:gevaarlijk|veilig)\b"
    r"|\b(?:staat|zit) (?:er|daar|die|het|dat|t) (?:\w+ ){0,2}?stroom op\b"
    r"|\baan (?:te )?raken\b|\baanraken\b"
    r"|\b(?:kinderen|kids|mensen|iedereen) (?:\w+ ){0,3}?weg (?:\w+ )?(?:halen|houden|sturen)\b"
    r"|\b(?:kinderen|kids|mensen|iedereen) (?:\w+ ){0,3}?weg(?:halen|houden|sturen)\b"
    r"|\b(?:moet|kan|zal) (?:ik|we) (?:het|de|dat|die) (?:\w+ )?(?:afzetten|afsluiten|afschermen)\b"
    # "moet ik er nou een lint omheen zetten of zo?" (round r102: "bij uw bericht gezet")
    r"|\b(?:moet|kan|zal|mag) (?:ik|we) (?:er |daar )?(?:nou |nu |zelf |dan |even )*"
    r"(?:een |iets |wat )?"
    r"(?:lint|linten|hek|hekje|pion|pionnen|paaltje|bord|bordje|iets|wat|tape)\b(?: \w+){0,2} "
    r"(?:omheen|bij|neer|voor|om|op) ?(?:zetten|leggen|plaatsen|hangen|spannen)\b"
    r"|\bis it (?:safe|dangerous)\b|\bwhat (?:should|can|do) (?:i|we) do\b"
    # "moet ik 112 bellen??" about something the danger reader found no danger in
    r"|\b(?:moet|moeten|moest|should|must|do) (?:ik|we|wij|i) (?:\w+ )?112\b")
# "Moet ik die zakken zelf weghalen of doen jullie dat?": whether to clear it up oneself;
# after `_SAFETY`, which takes "moet ik de kinderen daar weghalen?".
# "mag ik die matras zelf naar de kant schuiven?", "mag mijn kleinzoon hem wegzagen?" (round
# r139 of session 50: "Op die vraag heb ik geen antwoord" four times)
_MOVE_IT = re.compile(
    r"\b(?:mag|moet|kan|kun|mogen|moeten|kunnen)\s(?:ik|we|wij|je|mijn\s\w+|onze\s\w+)\s"
    r"(?:\w+\s){0,4}?(?:(?:naar\s|aan\s)?(?:de\s)?(?:kant|opzij|berm)\s(?:\w+\s)?"
    r"(?:schuiven|leggen|zetten|slepen|trekken|halen|duwen)|van\s(?:de\s)?(?:weg|straat|stoep|"
    r"fietspad|rijbaan)\s(?:\w+\s)?(?:halen|slepen|trekken|schuiven|tillen|afhalen)"
    r"|wegzagen|weg\szagen|zagen|afzagen|af\szagen|zelf\s(?:\w+\s){0,2}?verplaatsen|rechtzetten|"
    r"zelf\s(?:weg\s?slepen|weg\s?sjouwen|weg\s?dragen|weg\s?brengen|wegzetten)|"
    # "mag ik die putdeksel zelf terugleggen?" (round r228 of session 57: asked four times)
    r"terugleggen|terug\sleggen|terugzetten|terug\szetten|terugschuiven|terug\sschuiven|"
    r"recht\szetten"
    r"|opzij\s\w+)\b"
    r"|\b(?:can|may|should)\s(?:i|we)\s(?:\w+\s)?(?:move|drag|push|saw|shift)\s(?:it|this|"
    r"that|them|the\s\w+)\b",
    re.IGNORECASE)
_CLEAN_UP = re.compile(
    r"\b(?:moet|moeten|mag|kan|kun|hoef|hoeven|zal)\s(?:ik|we|wij|je)\s(?:\w+\s){0,3}?"
    r"(?:weghalen|weg halen|opruimen|wegbrengen|opvegen|opscheppen|schoonmaken|wegslepen)\b"
    # "moet ik die kolk zelf kuisen?", "moet ik da zelf doen?" (round r248 of session 60: a
    # text about decision deadlines)
    r"|\b(?:moet|moeten|mag|hoef|hoeven)\s(?:ik|we|wij|je)\s(?:\w+\s){0,3}?zelf\s(?:\w+\s)?"
    r"(?:proper maken|kuisen|schoon maken|schoonmaken|vrijmaken|leeghalen|ontstoppen)\b"
    # (not "wanneer halen jullie de kerstbomen op": a day asked, round r262 of session 62)
    r"|(?<!wanneer )(?<!wanner )(?<!wnnr )(?<!wnr )(?<!welke dag )\b(?:ruimen|halen) jullie "
    r"(?:\w+ ){0,2}?(?:op|weg)\b"
    r"|\bwie (?:haalt|ruimt|veegt|komt)\b(?:\s+\w+){0,4}?\s+(?:weg|op|ophalen|opruimen|"
    r"weghalen)\b"
    r"|\bwie (?:moet|gaat|zal|mag)\b(?:\s+\w+){0,3}?\s+(?:weg ?halen|opruimen|ophalen|opvegen)\b"
    r"|\bshould (?:i|we) (?:\w+ )?(?:clean|clear|remove)\b|\bwho (?:will|should|must|has to) "
    r"(?:\w+ )?(?:clean|clear|remove|pick)\b", re.IGNORECASE)
# About this chat itself: what is kept of it, who reads it, is it used to train an AI.
_CHAT_PRIVACY = re.compile(
    r"\bwat (?:doen|doet|gebeurt) (?:jullie|u|er|de gemeente) (?:\w+ ){0,2}?met "
    r"(?:wat ik (?:hier )?(?:typ|schrijf|zeg|vertel)|dit gesprek|deze chat|mijn berichten|"
    r"wat ik hier)\b"
    r"|\b(?:wordt|worden) (?:dit|mijn berichten|dit gesprek|deze chat|wat ik typ) "
    r"(?:\w+ ){0,2}?(?:opgeslagen|bewaard|gebruikt|gelezen|meegelezen)\b"
    r"|\b(?:om|voor) (?:\w+ )?(?:te )?trainen\b|\btraining (?:van|voor) (?:ai|de ai|een ai)\b"
    r"|\b(?:is|are) (?:this|my) (?:chat|conversation|data) (?:\w+ )?(?:stored|saved|used)\b")
# "Kunnen jullie mijn nummer weghalen?": the resident's own contact details out again.
_REMOVE_DATA = re.compile(
    r"\b(?:mijn |m n |mn )?(?:nummer|telefoonnummer|06 nummer|e ?mail\w*|mailadres|gegevens|"
    r"adres|naam)\b(?: \w+){0,3} (?:weghalen|weg halen|verwijderen|wissen|schrappen|eruit halen|"
    r"uit de melding halen)\b"
    r"|\b(?:verwijder|wis|haal)\b(?: \w+){0,2} (?:mijn |m n |mn )(?:nummer|telefoonnummer|"
    r"e ?mail\w*|mailadres|gegevens)\b|\b(?:delete|remove) my (?:number|phone|email|data)\b")
# Whether the police can come or should be called about it ("kan de politie niet gewoon
# langskomen?"): not an emergency by itself; the answer gives 0900-8844 and 112.
_POLICE_WORD = r"(?:de |een )?(?:politie|wijkagent|agent|agenten|police)"  # boa's are ours
_POLICE = re.compile(
    rf"\b(?:kan|kunnen|moet|moeten|mag|zal|zullen|stuur|sturen|stuurt|bel|bellen|belt|"
    rf"waarschuwen|inschakelen|call|send|can|should)\b(?: \w+){{0,3}} {_POLICE_WORD}\b"
    rf"|\b{_POLICE_WORD}\b(?: \w+){{0,3}} (?:langs\w*|komen|komt|sturen|bellen|inschakelen|"
    r"waarschuwen|come|send)\b")
# "Moet ik hier ook aangifte van doen bij de politie?" about a swastika or vandalism: where
# and why (round 87: it got the lost-passport article twice).
_POLICE_REPORT = re.compile(
    rf"\baangifte\w*\b(?: \w+){{0,6}} {_POLICE_WORD}\b|\b{_POLICE_WORD}\b(?: \w+){{0,4}} "
    r"aangifte\b|\baangifte (?:\w+ ){0,3}?(?:van|tegen) (?:\w+ ){0,2}?(?:hakenkruis\w*|"
    r"graffiti|vernieling\w*|vandalisme|bekladding|beschadiging)\b"
    r"|\breport (?:it |this |that )?to the police\b|\bfile a police report\b")
# "Heeft iemand anders dit al gemeld?", "is het al eerder gemeld?": the bot cannot see
# others' reports; a second one does no harm (round 87: it got the decision-deadline article).
_REPORTED_ALREADY = re.compile(
    r"\b(?:heeft|hebben) (?:iemand|een ander|anderen|de buren|er iemand)(?: anders)? (?:\w+ ){0,2}?"
    r"(?:al |eerder |reeds )+(?:\w+ )?(?:gemeld|doorgegeven)\b"
    r"|\b(?:is|was|werd) (?:het|dit|dat|die|deze|hij|ze)(?: \w+){0,2}? (?:al |eerder |reeds |"
    r"eens )+(?:door iemand (?:anders )?)?(?:gemeld|doorgegeven)\b"
    # "is dat al bekend?", "weten jullie dit al?", "is het bij jullie bekend?"
    r"|\b(?:is|was) (?:het|dit|dat|die|deze|hij|ze)(?: \w+){0,3}? (?:al |ook al |reeds )?"
    r"bekend\b(?! (?:terrein|persoon|gezicht|probleem)\b)"
    r"|\b(?:weten|weet) (?:jullie|de gemeente|u|julle)(?: dit| dat| het)? "
    r"(?:al|ook al|eigenlijk al)\b(?! \w)"  # not "weten jullie al wanneer ze komen?"
    r"|\b(?:is|are) (?:it|this|that) (?:already )?known\b"
    r"|\b(?:has|have) (?:someone|anyone|somebody)(?: else)? (?:already )?reported\b"
    r"|\b(?:is|was|has) (?:it|this|that) (?:already )?(?:been )?reported (?:already|before)\b")
# "Wordt daar op gehandhaafd?", "boetes of zo?", "mag dat zomaar, om 6 uur heien?": what the
# municipality does against what is reported; not the resident's own fine.
_ENFORCEMENT = re.compile(
    r"\b(?:handhav\w*|gehandhaafd|boa s?|boas|toezichthouders?|beboet|bekeuren|enforce\w*|"
    # (not "mag ik hem zelf wegslepen naar de container?", round r277: the dumping fine)
    r"fined|weggesleept|(?<!zelf )wegslepen|wegsleept|sleept \w+ weg|afgesleept|getakeld|"
    r"takelen|towed|"
    r"tow \w+ away)\b"
    r"|\b(?:boete|boetes|bekeuring\w*)\b"
    # "wordt de eigenaar ingelicht?", "spreken jullie de bewoners aan?"
    r"|\b(?:wordt|worden) (?:de eigenaar|de eigenaren|de bewoner|de bewoners|de buren|"
    r"de bestuurder|de eigenaar van \w+|hij|ze) (?:\w+ )?(?:ingelicht|aangesproken|gewaarschuwd|"
    r"op de hoogte gebracht|aangeschreven)\b"
    r"|\b(?:spreken|spreekt|waarschuwen|waarschuwt) (?:jullie|de gemeente|u) (?:\w+ )?"
    r"(?:de eigenaar|de bewoners?|de buren|hem|haar|ze)\b"
    r"|\b(?:mag|mogen) (?:dat|dit|het|ze|hij|zij|die) (?:\w+ ){0,3}?(?:zomaar|zo maar|"
    r"zo vroeg|zo laat)\b"
    r"|\bis (?:dat|dit|het) (?:wel |eigenlijk |zomaar )?(?:toegestaan|legaal|verboden|"
    r"allowed|legal)\b(?! (?:om|to)\b)")
# "Mijn buurman een boete geven" is no fine of one's own.
_OWN_FINE = re.compile(r"\b(?:ik|mijn|mn|m n|me|my|i|je|jij|u)\b"
                       r"(?: (?!buurman|buurvrouw|buren|buurjongen|neighbour)\w+){0,4} "
                       r"(?:boete|bekeuring)")
# "mag de container weer naar binnen?", "mag ik hem binnenhalen?" beside a bin not emptied
# (round r106: the moving answer about containers).
_BIN_INSIDE = re.compile(
    r"\b(?:mag|moet|kan|kun|kunnen|mogen|moeten)\b(?: \w+){0,3}? (?:de |mijn |onze |die )?"
    r"(?:container|kliko|bak|afvalbak|minicontainer|hem|hij|ie)(?: \w+)? (?:weer |terug |alvast )?"
    r"(?:naar binnen|binnen (?:zetten|halen|nemen)|binnen(?=\s*[?.!]|\s*$)|binnenzetten|"
    r"binnenhalen)\b"
    # "moet ik hem laten staan?" after a bin not emptied (round r230 of session 58)
    # (the bin told before; "moet ik de container buiten laten staan?" alone is a question)
    r"|\b(?:mag|moet|kan|kun|kunnen|mogen|moeten) (?:ik|we|wij) (?:hem|ze)(?: \w+){0,2}? "
    r"(?:laten staan|buiten laten staan|laten buiten staan)\b"
    r"|\b(?:can|should|may) i (?:take|bring|put) (?:it|the bin|my bin) (?:back )?(?:in|inside)\b"
    r"|\b(?:can|should|may) i leave it (?:out|outside|on the street)\b")
# "moet ik het opnieuw melden als hij over een week nog kapot is?"
_REPORT_AGAIN = re.compile(
    r"\b(?:moet|moeten|kan|kun|mag|hoef|hoeven)\s+(?:ik|we|wij|je)\s+(?:\w+ ){0,3}?"
    r"(?:opnieuw|nog een ?keer|nog eens|nogmaals|weer)\s+(?:\w+ ){0,2}?(?:(?:te )?melden|doorgeven|"
    r"door te geven|een melding (?:maken|doen|indienen)|bellen)\b"
    r"|\b(?:should|do|must|have to) (?:i|we) (?:\w+ )?report (?:it|this|that) again\b")
# "HEBBEN JULLIE MIJN VORIGE MELDINGEN?" while a new report is made (round r117: "Wat moet er
# anders?")
_EARLIER_REPORTS = re.compile(
    r"\b(?:hebben|heeft|hebt|zien|ziet|kennen) (?:jullie|u|je|de gemeente) (?:\w+ )?"
    r"(?:mijn|onze|die) (?:vorige|eerdere|andere|oude) meldingen?\b"
    r"|\b(?:zijn|is) (?:mijn|onze|die) (?:vorige|eerdere|andere) meldingen? (?:\w+ ){0,2}?"
    r"(?:aangekomen|ontvangen|binnen|gezien)\b"
    r"|\bdid you (?:get|receive|see) my (?:earlier|previous|other) reports?\b"
    # "wat is er met mijn vorige melding gebeurd?" in the middle of a new one (round r154 of
    # session 51: "Dat is geen e-mailadres" three times)
    r"|\b(?:met|van|over) (?:mijn|onze|die|de) (?:vorige|eerdere|oude|eerste|andere) melding\b"
    r"|\b(?:to|with|of) my (?:earlier|previous|last|other|first) report\b")
# Ordered: "wanneer komt er iemand, kan het vandaag nog?" is about being faster;
# "moet ik de reparatie van mijn fiets zelf betalen?" is about damage, not the report's cost.
# "moet ik dat echt allemaal invullen? kan da nie gewoon zo?" (round r124 of session 49: the
# divorce article): why the questions, and how many are still to come.
_WHY_QUESTIONS = re.compile(
    r"\bmoet ik (?:dat|dit|het|die|alles) (?:\w+ ){0,2}?(?:invullen|beantwoorden)\b"
    r"|\bkan (?:da|dat|het|dit) (?:nie|niet) (?:gewoon )?zo\b"
    r"|\bwaarom (?:al )?(?:die|deze|zoveel|zo veel) vragen\b|\bhoeveel vragen (?:nog|komen)\b"
    r"|\bwhy (?:all )?(?:these|those|so many) questions\b"
    r"|\bdo i (?:really )?have to (?:answer|fill)")
_KINDS = (("bin_inside", _BIN_INSIDE), ("reported_already", _REPORTED_ALREADY),
          ("report_again", _REPORT_AGAIN), ("earlier_reports", _EARLIER_REPORTS),
          ("police_report", _POLICE_REPORT),
          ("police", _POLICE),
          ("other_party", _THE_COMPANY_OR_US),
          ("urgent_number", _URGENT_NUMBER), ("witness", _WITNESS),
          ("faster", _FASTER), ("filed", _FILED),
          ("damage", _DAMAGE), ("stay", _STAY),
          ("time_of_day", _TIME_OF_DAY), ("duration", _DURATION),
          ("cost", _COST),
          ("chat_privacy", _CHAT_PRIVACY), ("remove_data", _REMOVE_DATA),
          ("anonymous", _ANONYMOUS), ("photo", _PHOTO), ("enforcement", _ENFORCEMENT),
          ("move_it", _MOVE_IT), ("safety", _SAFETY), ("clean_up", _CLEAN_UP),
          ("other_party", _OTHER_PARTY), ("urgent_number", _SHOULD_CALL), ("ours", _OURS),
          ("how_updates", _HOW_UPDATES), ("two_reports", _TWO_REPORTS),
          ("next_steps", _NEXT_STEPS), ("why_questions", _WHY_QUESTIONS),
          ("phone", _PHONE))
KINDS = tuple(dict.fromkeys(kind for kind, _ in _KINDS))
_NO_REPORT = re.compile(
    r"\b(?:ik )?(?:wil|wilde|hoef|hoeft) (?:\w+ ){0,2}?(?:niets|niks|geen|helemaal niets|"
    r"helemaal niks) (?:\w+ ){0,2}?(?:melden|melding\w*|doorgeven)\b"
    r"|\b(?:dit|dat|het) is (?:\w+ ){0,2}?geen melding\b"
    r"|\bgeen (?:nieuwe |extra |tweede |andere )?melding\b"  # "geen nieuwe melding" (round 89)
    # "nee dus niet versturen, de container is niet kapot. het is mijn pas" (round 98)
    r"|(?<!\bnog )(?<!\bnu )\b(?:niet|niks|niets) (?:\w+ )?(?:versturen|verzenden|insturen|"
    r"doorsturen)\b(?! (?:naar|via|per|op)\b)"
    r"|\b(?:de|het|die|dat) \w+ is (?:helemaal |eigenlijk |gewoon )?(?:niet|nie|ni) kapot\b"
    r"(?!\s*,?\s*(?:maar|but)\b)"
    r"|\b(?:het|t|dit|dat) is geen (?:plek|plaats|locatie|adres)\b"
    r"|\bgaat niet over een (?:plek|straat)\b"
    r"|^(?:\w+ ){0,2}?(?:(?:het is|t is|is|was) )?(?:maar |gewoon |alleen |enkel |slechts )?"
    r"(?:een |n )?vraag(?:je)?(?: hoor| eigenlijk)?$"
    r"|\bik (?:heb|had) (?:alleen |maar |gewoon |enkel )?(?:een |n )?vraag(?:je)?(?: hoor)?$"
    # "er is niks mis. het is een vraag. blijft de container …?"
    r"|\b(?:het|t|dit) is (?:maar |gewoon |alleen |enkel |slechts )?(?:een |n )?vraag(?:je)?"
    r"(?: hoor)?\b(?! (?:van|voor|uit)\b)"
    # "er is niks mis ik wil weten wanneer de gft bak geleegd wordt"
    r"|\ber is (?:niks|niets) (?:mis|aan de hand|kapot)\b(?: \w+){0,3}? (?:ik (?:wil|wilde) "
    r"(?:alleen |gewoon |graag )?weten|ik (?:heb|had) (?:een |n )?vraag|ik (?:vroeg|vraag))\b"
    # "ik wil alleen iets weten", not "ja. en ik wil weten waarom er niks gedaan is"
    # ("ik wil gewoon weten of ik die kolk zelf moet kuisen" asks beside the report, round
    # r248 of session 60: the report was dropped)
    r"|\bik (?:wil|wilde) (?:(?:(?:alleen|enkel) (?:iets )?|(?:maar|gewoon) iets )"
    r"(?:vragen|weten)|(?:maar |gewoon )?(?:vragen|iets vragen))\b"
    # "WAT? ik meld niks, ik wil weten of …" (round r76 of session 41)
    r"|\bik (?:meld|meldde) (?:\w+ )?(?:niks|niets)\b(?! (?:meer|anders)\b)"
    r"|\bik (?:heb|had) (?:\w+ )?(?:niks|niets) (?:te )?melden\b"
    r"|\b(?:not a report|no report|i (?:just |only )?(?:have|had) a question|"
    r"i (?:do not|don t|dont) want to report)\b")


_DEMANDS_SOMEONE = re.compile(
    r"\bwil (?:dat )?er (?:nu |nou |snel |meteen |vandaag |vannacht |direct )+iemand "
    r"(?:\w+ )?komt\b|\bstuur (?:nu |nou |snel |meteen |direct )+(?:iemand|een ploeg)\b"
    r"|\bsend (?:someone|somebody) (?:now|right now|immediately)\b")


def read_report_question(text: str) -> Optional[str]:
    """The kind of question about a report in `text`, or None."""
    plain = _plain(text)
    if _DEMANDS_SOMEONE.search(plain):
        return "faster"  # "nee ik wil dat er NU iemand komt": asked, without a question mark
    if (not is_question(text) and not re.search(r"\banoniem", text or "", re.IGNORECASE)
            and not _DAMAGE.search(plain)):  # "ik vroeg waar ik schade kan claimen" (r171)
        return None
    if _A_DOCUMENT.search(plain) or _BUSINESS_WASTE.search(plain):
        # "wat moet ik doen nu mijn paspoort kwijt is?" (round r61: the safety text); "wie
        # haalt mijn bedrijfsafval op?" (round r81: "laat het liggen, wij ruimen het op")
        return None
    for kind, pattern in _KINDS:
        if kind in _ABOUT_THE_THING and _OWN_WASTE.search(plain):
            return None  # "ik heb zelf ook snoeiafval in de tuin, mag dat in de groene bak?"
        if pattern.search(plain) and not (kind == "enforcement" and _OWN_FINE.search(plain)):
            # the question's own sentence: "het is de grijze container. wanneer komen ze?" asks
            # when the report is dealt with, not the waste calendar
            asked = next((part for part in reversed(sentences(text)) if "?" in part), text)
            every_question = " ".join(part for part in sentences(text) if "?" in part)
            return None if kind in _ABOUT_IT_ONLY and (
                _names_a_topic(asked) or _names_a_topic(every_question)) else kind
    return None


# Whether to move or clean up the thing reported; not what to do with one's own waste
# (round r149 of session 51: "Laat het liggen, wij ruimen het op" to garden cuttings).
_ABOUT_THE_THING = ("move_it", "clean_up")
_OWN_WASTE = re.compile(
    r"\b(?:ik|wij|we) (?:heb|hebben) zelf\b|\b(?:mijn|onze|ons) eigen\b"
    r"|\b(?:in|uit|van) (?:mijn|onze|ons) (?:\w+ )?(?:tuin|achtertuin|voortuin|schuur|huis)\b"
    r"|\bin de (?:groene|grijze|blauwe|gft|eigen) ?(?:bak|container|kliko)\b")


# The waste of one's own business: a company collects it, no report about the street.
_BUSINESS_WASTE = re.compile(
    r"\bbedrijfsafval\b|\bafval van (?:mijn|onze|ons|de) (?:winkel|zaak|bedrijf|restaurant|"
    r"kapsalon|kantoor|praktijk)\b|\bvuilniszakken van (?:mijn|onze|de) (?:winkel|zaak)\b"
    r"|\btrade waste\b|\bbusiness waste\b")


def about_business_waste(text: str) -> bool:
    """"wanneer wordt het bedrijfsafval opgehaald?": one's own business waste."""
    return bool(_BUSINESS_WASTE.search(_plain(text)))


# A question about one's own documents is no question about a report in the street.
_A_DOCUMENT = re.compile(rf"\b{DOCUMENT_WORDS}\b", re.IGNORECASE)


# "Wat kost het om grofvuil op te laten halen?" asks the price of another product.
_ABOUT_IT_ONLY = ("cost", "duration")


def _names_a_topic(text: str) -> bool:
    """"Wat kost een nieuwe afvalpas?", "what does the parking permit cost?": a product's
    price, not the report's (round r66 of session 40: "Making a report is free")."""
    return read_question(text) not in (None, QUESTION) or bool(_PRODUCT_NAMED.search(text))


# Products and fees a price question names (not "ophalen" or "betalen", said of reports too).
_PRODUCT_NAMED = re.compile(
    rf"\b(?:{DOCUMENT_WORDS}|parkeer\w*|\w*vergunning\w*|permit|parking|\w*pas|pasje|"
    r"\w*belasting\w*|tax|leges|uittreksel\w*|akte\w*|huwelijk\w*|trouwen|partnerschap\w*|"
    r"hond|honden|"
    # "ik heb oude bank (sofa) en kast, hoe kan ik die weg doen? kost geld?" (round r264 of
    # session 62: "Een melding doen is gratis")
    r"grofvuil|sofa|bankstel|matras\w*|koelkast|wasmachine|meubel\w*|kast|kasten|oude bank)\b",
    re.IGNORECASE)


def says_it_is_no_report(text: str) -> bool:
    """"Gewoon een vraag", "ik wil niets melden": the resident is not making a report."""
    return bool(_NO_REPORT.search(_plain(text).replace(" ?", "").strip()))


_NUMBER = r"(?:meldings|zaak|referentie)?(?:nummer|nr|nummertje)"
_NUMBER_UNKNOWN = re.compile(
    rf"\b{_NUMBER}\b(?: \w+){{0,5}}? (?:niet meer|nie meer|kwijt|vergeten|onbekend|"
    r"weet ik niet|weet ik nie|heb ik niet|heb ik nie|geen idee)\b"
    rf"|\b(?:weet|heb|ken|vind) (?:ik )?(?:\w+ ){{0,3}}?{_NUMBER} (?:\w+ )?(?:niet|nie|niet meer)\b"
    rf"|\bgeen (?:\w+ )?{_NUMBER}\b|\b{_NUMBER} (?:is|ben ik) kwijt\b|\bzonder (?:\w+ )?{_NUMBER}\b"
    r"|\b(?:don t|dont|do not) (?:have|know|remember) (?:the |my )?(?:report |case )?number\b"
    r"|\b(?:lost|forgot) (?:the |my )?(?:report |case )?number\b"
    # "kunt u niet zoeken op mijn adres kerkweg 8?" (round 81): by place, not by that number
    r"|\b(?:zoek|zoeken|opzoeken|kijken|search|look) (?:\w+ ){0,2}?(?:op|bij|by|for) "
    r"(?:mijn |het |de |my |the )?(?:adres|straat|straatnaam|plek|address|street)\b"
    # "kunt u niet gewoon op adres zoeken?" (round r156 of session 51: the moving answer)
    r"|\b(?:op|via|met) (?:mijn |het |de )?(?:adres|straat|straatnaam|postcode) (?:\w+ )?"
    r"(?:zoeken|opzoeken|vinden|terugvinden|nakijken)\b")


# "stop. ik wil GEEN nieuwe melding, de lantaarnpaal tegenover 14, wat is de status": the
# refusal counts even beside a place.
_NO_NEW_REPORT = re.compile(r"^\W*stop\b|\bgeen (?:\w+ )?nieuwe melding\b"
                            r"|\b(?:wil|wilde|hoef) (?:dus |echt |helemaal )?geen melding\b"
                            r"|\bniet (?:nog )?een (?:nieuwe |tweede )?melding\b")


def refuses_a_new_report(text: str) -> bool:
    """The resident says firmly that this is not to become a (new) report."""
    return says_it_is_no_report(text) and bool(_NO_NEW_REPORT.search(_plain(text)))


def says_number_unknown(text: str) -> bool:
    """"Het nummer weet ik niet meer": the resident has no case number for the report."""
    return bool(_NUMBER_UNKNOWN.search(_plain(text)))


# The answer to "Welk meldingsnummer heeft u?" that it is not known ("DAT WEET IK DUS NIET").
_NOT_KNOWN = re.compile(
    r"\b(?:weet|wist|ken|heb) (?:ik|k) (?:\w+ ){0,2}?(?:niet|nie|geen)\b"
    r"|\bgeen (?:idee|flauw idee)\b"
    r"|\b(?:ben|is) (?:\w+ )?(?:kwijt|vergeten)\b|\bvergeten\b"
    r"|\b(?:dont|do not|don t) (?:know|remember|have it)\b|\bno idea\b")


# "Weet u in welke straat dat is?" "geen idee, het is het winkelcentrum": what follows.
_NOT_KNOWN_FIRST = re.compile(
    r"^\W*(?:(?:nee|neen|helaas|sorry)\W+)*(?:geen (?:flauw )?idee|weet ik (?:het )?niet"
    r"(?: precies| zeker)?|ik weet (?:het )?niet(?: precies| zeker)?|"
    r"no idea|i don'?t know|not sure)\b(?:\W+(?:maar|but)\b)?\W*"
    r"(?:(?:het|dat|die|hij|ze|it)\s+(?:is|zit|ligt|staat|'s)\s+)?", re.IGNORECASE)


def told_after_not_knowing(text: str) -> str:
    """The words after "geen idee, …" at the start of an answer ("" without them)."""
    found = _NOT_KNOWN_FIRST.match(text)
    return text[found.end():].strip() if found else ""


NOT_KNOWN_MAX_WORDS = 10  # longer, it is about something else ("weet ik niet, ik wil ...")


def says_not_known(text: str) -> bool:
    """A short answer to the question for the number: "weet ik niet (meer)", "kwijt"."""
    plain = _plain(text)
    return len(plain.split()) <= NOT_KNOWN_MAX_WORDS and bool(_NOT_KNOWN.search(plain))


_REPORT_WORDS = re.compile(
    r"\b(?:meld\w*|gemeld\w*|gemaild|doorga\w*|doorgegeven|aangegeven|klacht\w*|zaak\w*|"
    r"al (?:iets )?(?:gebeurd|gedaan|gemaakt|gerepareerd|opgelost|opgeruimd|weggehaald)|"
    r"nog steeds|nog (?:niks|niets|altijd)|opgelost|hoe staat het|stand van zaken|status|"
    r"ermee|reported|report|complaint|case|"
    # "is ie nu echt verstuurd?" right after filing (round r119 of session 49: no answer)
    r"(?:is|zijn) (?:\w+ ){0,3}(?:verstuurd|verzonden|gestuurd|doorgestuurd|aangekomen|"
    r"ontvangen)|(?:was|is) it (?:\w+ )?(?:sent|received))\b")


# After a message or a callback was passed on, about a problem told: "is het nou gemeld of
# niet", "moet ik dat apart doorgeven?", "wilt u de lamp ook als melding doorgeven", "meld
# gewoon die tak" (round r131 of session 49: each was added to the message for Monday).
_WANTS_IT_REPORTED = re.compile(
    r"\b(?:is|wordt|werd) (?:\w+ ){0,4}?gemeld (?:\?|of niet\b)"
    r"|\b(?:apart|aparte?|zelf|los) (?:\w+ )?(?:doorgeven|melden|melding)\b"
    r"|\bals (?:een )?melding (?:\w+ )?(?:doorgeven|doorsturen|doen|maken|sturen|indienen)\b"
    r"|\bmeld (?!ik\b|we\b|wij\b)(?:\w+ ){0,2}?(?:die|de|het|dat|dit|deze|hem)\b(?! al\b)"
    r"|\bmaak (?:er )?(?:\w+ ){0,2}?melding van\b"
    r"|\bkrijg ik (?:er )?(?:een |geen )?(?:meldings|zaak)?nummer\b"
    # "kunt u er niet gewoon een melding van maken", "kan ik het niet opnieuw melden dan?",
    # "can i report it again?", "i want to make a new report" (round r149 of session 51)
    r"|\bmelding van maken\b|\b(?:opnieuw|nog een keer|nog eens|weer) (?:\w+ )?melden\b"
    r"|\breport (?:it|this|that) (?:again|now)\b|\b(?:make|file|do) a (?:new )?report\b"
    r"|\b(?:is|was) (?:\w+ ){0,3}?reported\b|\bjust report\b")


def asks_to_have_it_reported(text: str) -> bool:
    """The resident asks that what they told be a report, or whether it is one yet."""
    return bool(_WANTS_IT_REPORTED.search(_plain(text)))


def mentions_a_report(text: str) -> bool:
    """"Hoe staat het met mijn melding?" names a report; "wanneer gaan jullie snoeien?"
    does not, whatever the classifier thinks."""
    return bool(_REPORT_WORDS.search(_plain(text)))


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", (text or "").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w?-]+", " ", text.replace("?", " ? ")).split())


_EARLIER_REPORT = re.compile(
    # (also someone else's: "ze heeft vanochtend een melding gedaan over de lantaarnpaal",
    # round r190 of session 53: a grandson telling it works again got a new report)
    r"\b(?:(?:ik|wij|we) meldden?|(?:(?:(?:ik|wij|we) )?(?:heb|hebben|had|hadden)|(?:ze|zij|hij|"
    r"oma|opa|mijn (?:oma|opa|moeder|vader|buurman|buurvrouw)) heeft) (?:\w+ ){0,10}?"
    r"(?:gemeld|doorgegeven|(?:een |de |die |mijn )?melding (?:[\w-]+ ){0,2}?(?:gedaan|gemaakt|"
    r"ingediend))|(?:geleden|terug|"
    r"al \w+ keer) (?:al )?(?:gemeld|doorgegeven)|mijn (?:vorige |eerdere |oude |laatste )?melding|"
    r"i (?:already )?reported)\b")
_HOW_FAR = re.compile(
    r"\b(?:is (?:er|daar|hier) al (?:iets |wat )?(?:mee )?(?:gedaan|gebeurd)|al (?:iets |wat )?"
    r"(?:mee )?(?:gedaan|gebeurd|opgelost|"
    r"gemaakt|gerepareerd|opgeruimd)|hoe staat het|hoe het (?:\w+ )?staat|hoe ver|"
    r"wanneer (?:wordt|komt|komen|gaat)|"
    r"nog (?:niks|niets) (?:gehoord|gebeurd)|(?:er )?is (?:nog )?(?:niks|niets) (?:mee )?"
    r"(?:gebeurd|gedaan)|(?:wordt|gebeurt) er (?:nog )?(?:iets|wat|niks|"
    r"niets)|nog steeds (?:niks|niets|niet|hetzelfde)|staat (?:er|het) nog steeds|"
    r"any news|anything happened|still (?:not|nothing|there))\b")


# "die van de glijbaan die ik net deed, wanneer komen ze?": the report made in this chat.
_JUST_MADE = re.compile(r"\bdie (?:ik|we|wij) (?:net|zojuist|daarnet|net nog|vanmorgen|"
                        r"vanochtend) (?:deed|gedaan heb|meldde|gemeld heb|doorgaf|maakte)\b")
_WHEN_THEY_COME = re.compile(r"\bwanneer (?:\w+ ){0,2}(?:komen|komt|langskomen|gemaakt|"
                             r"opgelost|gerepareerd|opgeruimd)\b")


def asks_about_the_report_just_made(text: str) -> bool:
    """A question how far the report just made in this chat is."""
    plain = _plain(text)
    return bool(_JUST_MADE.search(plain)
                and (_HOW_FAR.search(plain) or _WHEN_THEY_COME.search(plain)))


# Asked outright how far it is, not only told it is still there ("nog steeds niks").
_ASKS_HOW_FAR = re.compile(
    r"\b(?:is (?:er|daar|hier) al (?:iets |wat )?(?:mee )?(?:gedaan|gebeurd)|hoe staat het|"
    r"hoe het (?:\w+ )?staat|"
    r"hoe ?ver (?:\w+ )?(?:is|zijn|staat)|"
    r"is (?:er|daar) al iemand (?:geweest|naar (?:gaan )?kijken)|"
    r"al (?:iets|wat) (?:over )?bekend|any news|has anything been done)\b")


# "wat is de status?", "kunt u niet gewoon zeggen of het al gemaakt is?" (round r86)
_ASKS_THE_STATUS = re.compile(
    r"\b(?:wat is de |de )?status\b|\bof (?:het|die|hij|ze|dat) al (?:\w+ )?(?:gemaakt|gedaan|"
    r"opgelost|gerepareerd|opgeruimd|weggehaald|geleegd) (?:is|zijn|wordt)\b|\bstand van zaken\b"
    r"|\bwhat(?: i|')s the status\b")


def asks_how_far(text: str) -> bool:
    """The resident asks outright how far a report is ("is er al iemand geweest?")."""
    plain = _plain(text)
    return bool(_ASKS_HOW_FAR.search(plain) or _ASKS_THE_STATUS.search(plain))


def asks_status_of_an_earlier_report(text: str) -> bool:
    """"ik heb vorige week al gemeld dat … is daar al iets mee gedaan?": whatever the
    problem's words make the classifier think, the resident asks how far it is."""
    plain = _plain(text)
    return bool(_EARLIER_REPORT.search(plain) and _ASKS_HOW_FAR.search(plain))


def mentions_an_earlier_report(text: str) -> bool:
    """"ik heb vorige week al gemeld dat …", "mijn eerdere melding"."""
    return bool(_EARLIER_REPORT.search(_plain(text)))


def tells_a_new_problem(text: str) -> bool:
    """"… een stoeptegel staat omhoog. Zou u daar iemand naar willen laten kijken?": a problem
    told without an earlier report, a number or a question how far it is (round r67 of
    session 40: a letter read as a status question)."""
    plain = _plain(text)
    return not (_EARLIER_REPORT.search(plain) or _HOW_FAR.search(plain)
                or _ASKS_HOW_FAR.search(plain) or _NUMBER_UNKNOWN.search(plain)
                or re.search(r"\b(?:meldings|zaak|referentie)(?:nummer|nr)\b"
                             r"|\b(?:mijn|onze|die|de|deze) meldingen?\b", plain))


def tells_a_new_problem_beside(text: str) -> bool:
    """A problem and its place told in sentences of their own beside an earlier report ("Ten
    eerste brandt de lantaarnpaal op de hoek Molenweg en Kerkstraat niet. … In september heb
    ik al gemeld dat …", round r259 of session 61: only the old report's number was asked)."""
    plain = _plain(text)
    if _HOW_FAR.search(plain) or _ASKS_HOW_FAR.search(plain) or _NUMBER_UNKNOWN.search(plain):
        return False  # "… doorgegeven. weet u hoe het daarmee staat?": the status asked
    parts = sentences(text or "")
    own = [part for part in parts if tells_a_new_problem(part)]
    if not own or len(own) == len(parts):
        return False
    told = " ".join(own)
    place = read_place(told)
    return category_of(told) is not None and place is not None and bool(place.streets)


def asks_about_an_earlier_report(text: str) -> bool:
    """"Ik heb vorige week iets gemeld, is er al iets mee gedaan?": a status question,
    however unsure the classifier is."""
    plain = _plain(text)
    return bool(_EARLIER_REPORT.search(plain)
                and (_HOW_FAR.search(plain) or _NUMBER_UNKNOWN.search(plain)))


# "Dat klopt niet, het gaat over een stoeptegel", "dat is niet mijn melding": the report
# told is the wrong one.
_WRONG_REPORT = re.compile(
    r"\b(?:klopt (?:niet|niks|helemaal niet|van geen kant)|niet (?:mijn|de juiste|die|het goede|"
    r"de goede|onze) melding|(?:is|was) niet van (?:mij|ons)|(?:een )?andere melding|"
    r"verkeerde (?:melding|meldingsnummer|nummer)|(?:het )?verkeerde? nummer|"
    r"nee,? (?:het|mijn melding|die) (?:ging|gaat|was) over\b|"
    r"(?:het|mijn melding|die|de melding) ging (?:\w+ )?(?:over|om) (?:een|de|het|mijn)\b|"
    r"niet (?:een|de|het|over (?:een|de|het)) \w+ (?:maar|klopt)|klopt (?:dat|dit|het) nummer"
    r"(?: wel)?|"
    r"gaat (?:helemaal )?niet over|dat (?:heb|had) ik niet gemeld|"
    r"dat is (?:hem|het|die) niet|not my report|wrong report|that is not (?:it|right)|"
    r"that s not (?:it|right|mine))\b", re.IGNORECASE)


# "Klopt niet, het gat zit er nog": the status is doubted, not the report (a complaint).
_STILL_THERE = re.compile(
    r"\b(?:nog steeds|nog altijd|zit er nog|ligt er nog|staat er nog|hangt er nog|is er nog|"
    r"niemand geweest|niks gebeurd|niets gebeurd|nog (?:steeds )?kapot|doet het nog|"
    r"nog niet (?:gemaakt|opgelost|opgeruimd|gerepareerd))\b")


def disputes_the_report(text: str) -> bool:
    """The resident says the report just told is not theirs or not what they reported."""
    plain = " ".join(re.sub(r"[^\w\s]", " ", text or "").lower().split())
    return bool(_WRONG_REPORT.search(plain)) and not _STILL_THERE.search(plain)


_NUMBER_WORDS = {"een": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
                 "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "a": 1, "one": 1, "two": 2,
                 "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30, "maanden": 30,
              "day": 1, "days": 1, "weeks": 7, "month": 30, "months": 30}
_AGO = re.compile(r"\b(\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|a|one|two|three|"
                  r"four|five|six) (dag|dagen|week|weken|maand|maanden|days?|weeks|months?) "
                  r"(?:geleden|terug|ago)\b")
_LAST = re.compile(r"\b(?:vorige|last) (week|maand|month)\b|\b(?:vorig|last) (?:jaar|year)\b")
_MONTHS = ("januari|jan|january", "februari|feb|february", "maart|mrt|march|mar",
           "april|apr", "mei|may", "juni|jun|june", "juli|jul|july", "augustus|aug|august",
           "september|sept|sep", "oktober|okt|october|oct", "november|nov", "december|dec")
_MONTH = "(" + "|".join(_MONTHS) + ")"
_ON_DATE = re.compile(r"\b(\d{1,2}) " + _MONTH + r"\b")
# "begin november", "half oktober", "in november", "early november": a day in that month.
_PART_OF_MONTH = re.compile(r"\b(begin|early|half|midden|mid|eind|end of|late|in) " + _MONTH
                            + r"\b")
_DAY_OF_PART = {"begin": 5, "early": 5, "half": 15, "midden": 15, "mid": 15, "in": 15,
                "eind": 25, "end of": 25, "late": 25}


def _days_since(day: int, month_word: str, today: dt.date) -> Optional[int]:
    """Days since "3 november" (this year, or last year when that is still to come)."""
    month = next(index for index, names in enumerate(_MONTHS, 1)
                 if month_word in names.split("|"))
    try:
        said = dt.date(today.year, month, day)
    except ValueError:
        return None
    if said > today:
        said = said.replace(year=today.year - 1)
    return (today - said).days


def said_age_days(text: str, today: Optional[dt.date] = None) -> Optional[int]:
    """How long ago the resident says they reported it ("3 weken geleden": 21, "begin
    november": since the 5th), if said."""
    plain = " ".join((text or "").lower().split())
    today = today or dt.date.today()
    found = _AGO.search(plain)
    if found:
        count = int(found.group(1)) if found.group(1).isdigit() else _NUMBER_WORDS[found.group(1)]
        return count * _UNIT_DAYS[found.group(2)]
    on = _ON_DATE.search(plain)
    if on:  # "op 3 november gemeld"
        return _days_since(int(on.group(1)), on.group(2), today)
    part = _PART_OF_MONTH.search(plain)
    if part:
        return _days_since(_DAY_OF_PART[part.group(1)], part.group(2), today)
    last = _LAST.search(plain)
    if last:
        return {"week": 7, "maand": 30, "month": 30}.get(last.group(1) or "", 365)
    return None


# Reported before and still not solved: "al drie keer gemeld", not the mere "weer" of
# Reading.repeated (which also means weather).
_REPORTED_BEFORE = re.compile(
    r"\b(?:al (?:\w+ )?(?:keer|maal|x|\d+\s?x) (?:gemeld|gebeld|doorgegeven|gemaild|geklaagd)|"
    r"(?:eerder|vaker|al vaak|meerdere keren|zo vaak) (?:\w+ )?(?:gemeld|gebeld|doorgegeven)|"
    r"zoveelste (?:keer|melding)|ook al (?:eens )?(?:gemeld|gebeld|doorgegeven)|"
    r"(?:reported|called) (?:\w+ ){0,3}(?:times|before|already))\b",
    re.IGNORECASE)
# Asking again about a report already made: "dit is de DERDE keer dat ik contact opneem".
_ASKED_BEFORE = re.compile(
    r"\b(?:(?:tweede|derde|vierde|vijfde|zoveelste|\d+e) keer|al (?:\w+ )?(?:twee|drie|vier|vijf|"
    r"\d+|meerdere|zo ?veel|vaak) keer|(?:weer|opnieuw|nog een keer|steeds) (?:\w+ )?contact)\b",
    re.IGNORECASE)


def asks_again(text: str) -> bool:
    """A status question asked again and again, or about a report made again and again."""
    return says_reported_before(text) or bool(_ASKED_BEFORE.search(text or ""))


def says_reported_before(text: str) -> bool:
    """"AL DRIE KEER GEMELD", "al vaker doorgegeven": a colleague is offered after filing."""
    return bool(_REPORTED_BEFORE.search(text or ""))


# "802" or "m-802" as the answer to "Welk meldingsnummer heeft u?"; or one number in a short
# message about it ("oh sorry dan is het misschien 1887").
_SHORT_NUMBER = re.compile(r"^\W*(?:m\s?[-.]?\s?|(?:meldings?)?nummer:?\s|nr\.?\s?)?(\d{1,6})\W*$",
                           re.IGNORECASE)
_ONE_NUMBER = re.compile(r"(?<![\d-])\d{3,6}(?![\d-])")
MAX_NUMBER_MESSAGE_WORDS = 15


def short_number(text: str) -> Optional[int]:
    """The short case number a message gives, or None."""
    match = _SHORT_NUMBER.match(text or "")
    if match:
        return int(match.group(1)) or None
    numbers = _ONE_NUMBER.findall(text or "")
    if (len(numbers) == 1 and len((text or "").split()) <= MAX_NUMBER_MESSAGE_WORDS
            and len(re.findall(r"\d+", text or "")) == 1):
        return int(numbers[0]) or None
    return None


# "… ik wil een klacht indienen": about how the municipality handled it, beside the report.
_WANTS_TO_COMPLAIN = re.compile(
    r"\bklacht\w*\s+(?:\w+\s+){0,2}?(?:indienen|in te dienen|doen|over jullie)\b"
    r"|\bofficiële klacht\b|\bfile a complaint\b|\bmake a complaint\b", re.IGNORECASE)


# "a complaint about fireworks noise from teenagers": about others, not about us (round r70)
_ABOUT_OTHERS = re.compile(
    r"\b(?:complaint|klacht\w*)\s+(?:\w+\s+){0,3}?(?:about|over)\s+(?:the\s+|de\s+|het\s+|mijn\s+|"
    r"my\s+|onze?\s+|our\s+)?(?:\w+\s+)?(?:noise|fireworks?|neighbou?rs?|teenagers?|youths?|kids|"
    r"party|music|dogs?|lawaai|geluid|herrie|vuurwerk|buren|buurman|buurvrouw|jongeren|jeugd|"
    r"hangjongeren|muziek|feest|honden?|overlast)\b", re.IGNORECASE)


def wants_to_complain(text: str) -> bool:
    """The resident wants to file a complaint about the municipality ("en ik wil een klacht
    indienen"), not one about a nuisance by others."""
    return bool(_WANTS_TO_COMPLAIN.search(text or "")) and not _ABOUT_OTHERS.search(text or "")


# "namens mijn buurman", "mijn buren hebben gemeld", "my neighbour reported it"
_SOMEONE_ELSES = re.compile(
    r"\bnamens\b|\bvoor (?:mijn|m'?n|onze) (?:\w+ )?(?:buurman|buurvrouw|buren|moeder|vader|oma|"
    r"opa|vriend\w*)\b|\b(?:mijn|m'?n|onze|de) (?:\w+ )?(?:buurman|buurvrouw|buren|moeder|vader|"
    r"oma|opa|man|vrouw|vriend\w*|neighbou?rs?)\b(?: \w+){0,4} (?:heeft|hebben|had|hadden|has|"
    r"have) (?:\w+ ){0,6}?(?:gemeld|melding|reported)"
    r"|\b(?:my|our) (?:\w+ )?(?:neighbou?rs?|mother|father|husband|wife) (?:\w+ )?reported\b",
    re.IGNORECASE)


def reported_by_someone_else(text: str) -> bool:
    """The resident asks about a report someone else made ("namens mijn buurman")."""
    return bool(_SOMEONE_ELSES.search(text or ""))



# "hij is al gerepareerd", "de hekken zijn weg", "melding M-… mag dicht": the problem of a
# report is over. Not "is nog steeds niet gemaakt", "er is een melding gemaakt", nor "voordat
# het gemaakt is" (a wait, not news).
_OVER = (r"(?:opgelost|gerepareerd|gemaakt|hersteld|weggehaald|opgeruimd|opgehaald|geleegd|"
         r"gemaaid|gesnoeid|verwijderd|vervangen|dichtgemaakt|dichtgegooid|gedicht|gefikst|"
         r"schoongemaakt|rechtgezet|teruggezet|weggesleept|verdwenen|weg|klaar|in orde)")
_NOT_IN_THE_GAP = (r"(?!(?:niet|nie|ni|nog|geen|niets|niks|nooit|steeds|melding\w*|klacht\w*|"
                   r"afspraak|foto|nummer|fout|kapot|stuk|los)\b)")
_SOLVED = re.compile(
    rf"(?<!niet )(?<!nie )(?<!nog )\b(?:is|zijn|werd|werden|was|waren)\b"
    rf"(?: {_NOT_IN_THE_GAP}\w+){{0,5}}? {_OVER}\b"
    rf"|\b(?:hebben|heeft|hebt)\b (?:ze |jullie |ze het |het |hem |die |m )?(?:al |inmiddels |"
    rf"intussen |ondertussen |gisteren |vandaag |eindelijk )*{_OVER}\b"
    r"|(?:\b(?:melding|dossier|zaak|ticket)\b|\bm-?\d{4}-?\d{3,6}\b)(?: \w+){0,3} "
    r"(?:mag|kan|mogen|kunnen|moogt|kunt|moet)"
    r"(?: \w+){0,2} (?:dicht|weg|gesloten|afgesloten|sluiten|afsluiten|vervallen|ingetrokken|"
    r"intrekken|verwijderd|verwijderen|worden gesloten|worden afgesloten)\b"
    r"|\b(?:mag|moogt|kunt|kan|mogen|kunnen) (?:\w+ )?(?:dat|die|de|het|mijn|deze) "
    r"(?:dossier|melding|zaak) (?:\w+ )?(?:afsluiten|sluiten|intrekken|verwijderen|dichtdoen)\b"
    r"|\b(?:kunt|kan|kunnen|wilt|wil) (?:u|je|jullie) (?:hem|die|het|deze|dat|m|de melding) "
    r"(?:\w+ )?(?:afsluiten|sluiten|dichtzetten|dichtdoen|intrekken)\b"
    r"|\b(?:hoeft|hoeven) (?:\w+ )?niet meer\b|\b(?:hoeft|moet) (?:er )?niemand meer (?:te )?"
    r"(?:komen|langs)\b|\bniet meer nodig\b"
    r"|\b(?:doet|doen|werkt|werken|brandt|branden|brand) (?:het |ie |hij |ze )?(?:\w+ )?weer\b"
    r"(?! (?:niet|nie|ni|kapot|stuk|uit)\b)"
    r"|\bis (?:\w+ )?weer (?:heel|goed|gemaakt|in orde|schoon|leeg|normaal)\b"
    r"|\b(?:has|have|had|was|were|is|are|got) (?:been )?(?:already |now |finally )?"
    r"(?:fixed|repaired|removed|cleaned up|cleared|solved|resolved|emptied|taken away|sorted|"
    r"gone)\b|\b(?:already|now) (?:fixed|repaired|gone|solved|sorted)\b"
    r"|\bcan be closed\b|\bclose (?:the|my) (?:report|ticket|case)\b|\bno longer needed\b"
    r"|\b(?:works|working) again\b")
# "wanneer is het gemaakt", "laat het weten als het weg is": a wait, not news
_WAITING_FOR_IT = re.compile(r"\b(?:voordat|voor|totdat|tot|wanneer|zodra|als|of|hoe ?lang|"
                             r"when|until|before|if|whether)\b(?: \w+){0,4} (?:is|zijn|wordt|"
                             r"worden|was|has|have|is)\b")


# "KAN IK DIE MELDING INTREKKEN???", "het was een vergissing" (round r187 of session 53:
# "Fijn dat het is opgelost!" about a mural reported as graffiti)
_WITHDRAWS = re.compile(r"\bintrek\w*|\btrek (?:ik |hem |die |de |mijn |m n )?(?:melding )?"
                        r"(?:\w+ )?in\b"
                        r"|\bvergissing\b|\bannuleer\w*|\bannuleren\b|\bcancel\w*|\bwithdraw\w*"
                        r"|\bby mistake\b|\bper ongeluk gemeld\b")


def withdraws_a_report(text: str) -> bool:
    """The resident takes a report back rather than telling it is solved."""
    return bool(_WITHDRAWS.search(_plain(text or "")))


# "DUS ER KOMT NIEMAND? ZEKER WETEN?", "is die nu ingetrokken of niet" after the report was
# taken back or told solved: asked whether it is closed
_ASKS_IT_IS_CLOSED = re.compile(
    r"\b(?:komt|komen) (?:er )?(?:dan |nu |dus |echt )?niemand\b|\bzeker weten\b"
    r"|\b(?:is|wordt) (?:die|hij|het|ie|de melding|mijn melding) (?:nu |dan |echt |wel )?"
    r"(?:ingetrokken|gesloten|afgesloten|geannuleerd|dicht|weg)\b"
    r"|\b(?:ingetrokken|afgesloten|gesloten|geannuleerd) of niet\b"
    r"|\bnobody (?:will )?come|\bis it (?:closed|cancelled|withdrawn)\b")


def asks_it_is_closed(text: str) -> bool:
    return bool(_ASKS_IT_IS_CLOSED.search(_plain(text or "")))


def says_it_is_solved(text: str) -> bool:
    """The resident tells that the problem of a report is over ("hij is al gerepareerd, die
    melding kan weg", "de hekken zijn weg, bedankt", "already fixed"); a question whether
    it is ("is het al opgelost?") is not, nor a message that says it is still there ("…
    niet is opgehaald. Het ligt er vandaag nog steeds", round r107: "Fijn dat het is
    opgelost!")."""
    whole = _plain(text or "")
    if _STILL_THERE.search(whole) or _WORSE.search(whole):
        return False
    for part in sentences(text or ""):
        plain = _plain(part)
        found = _SOLVED.search(plain)
        if found is None or "?" in plain and not _CLOSE_ASKED.search(plain):
            continue
        if (_WAITING_FOR_IT.search(plain[:found.end()]) or _CLAUSE_ASKS.match(plain)
                or _OWN_THING_GONE.search(plain)):
            continue
        return True
    return False


# "nu is de deksel helemaal weg en er zit een open gat in de weg!" (round r111: "Fijn dat
# het is opgelost!"): worse, or a part of the street gone, is no solution
_WORSE = re.compile(
    r"\b(?:erger|slechter|gevaarlijk\w*|levensgevaarlijk|open (?:gat|put|riool)|gat in|"
    r"nu (?:ook|zelfs)|helemaal kapot|dangerous|worse|open hole)\b"
    r"|\b(?:deksel|putdeksel|rooster|afdekking|afdekplaat|bord|verkeersbord|"
    r"reling|leuning|cover|sign|railing)\w*(?: \w+){0,2} (?:is|zijn|was|waren)(?: \w+){0,2} "
    r"(?:weg|verdwenen|gestolen|gone|missing|stolen)\b")
# "kunt u hem afsluiten?", "mag die melding dicht?": a question that asks to close it
_CLOSE_ASKED = re.compile(r"\b(?:melding|dossier|zaak|afsluiten|sluiten|dichtzetten|"
                          r"intrekken)\b")
# "mijn paspoort is weg": lost, not solved; nor "weet het nummer niet meer, mail is weg"
# (round r152 of session 51: "Fijn dat het is opgelost!", and the report was to be closed)
_OWN_THING_GONE = re.compile(r"\b(?:mijn|mn|m n|onze|ons|my|our) \w+ (?:is|zijn|was|is now) "
                             r"(?:\w+ )?(?:weg|verdwenen|gone)\b"
                             # "mijn fiets is vorig jaar ook weggehaald bij het station"
                             # (round r176: the report just filed was closed)
                             r"|\b(?:mijn|mn|m n|onze|ons|my|our) \w+ (?:is|zijn|was|werd) "
                             r"(?:\w+ ){0,4}(?:weggehaald|opgehaald|meegenomen|weggesleept|"
                             r"verwijderd|removed|taken away|towed)\b"
                             r"|\b(?:e-?mail|mail|mailtje|brief|nummer|meldingsnummer|sms|"
                             r"bericht|berichtje|bevestiging|papiertje|briefje|email)\w* "
                             r"(?:is|zijn|was|ben ik) (?:\w+ )?(?:weg|verdwenen|kwijt|gone)\b")
# "is het al opgelost", "zijn ze al geweest": a question without its question mark
_CLAUSE_ASKS = re.compile(r"^(?:is|zijn|wordt|worden|heeft|hebben|hebt|komt|komen) "
                          r"(?:het|hij|ie|die|ze|er|de|dat|jullie|u)\b")


# "…is weggehaald, maar er zit nu een kuil": what comes after the turn is something else
_TURN = re.compile(r"\b(?:maar|wel|alleen|echter|but|however)\b", re.IGNORECASE)


def told_beside_the_solved(text: str) -> str:
    """What the message tells besides the problem that is over: its other sentences (not
    those about the earlier report itself), and what follows "maar" or "wel" in the
    sentence that says it is over."""
    told = []
    for part in sentences(text or ""):
        if not says_it_is_solved(part):
            if not mentions_an_earlier_report(part):
                told.append(part)
            continue
        turn = _TURN.search(part)
        if turn and not says_it_is_solved(part[turn.end():]):
            told.append(part[turn.end():])
    return " ".join(piece.strip() for piece in told if piece.strip())


# Damage to the resident's own things told with the report ("mijn band is lek gereden in dat
# gat", "my bike tire burst"): the damage claim is theirs to know about (own try, session 46).
_OWN_DAMAGE = re.compile(
    r"\b(?:mijn|mn|m'n|onze|ons|zijn|zn|haar|my|our|his|her)\s+(?:\w+\s+){0,2}?(?:band|banden|"
    r"velg|velgen|fiets|auto|wagen|scooter|brommer|bumper|wiel|voorwiel|achterwiel|spatbord|"
    r"spiegel|zijspiegel|autospiegel|lak|"
    r"tire|tyre|tires|tyres|wheel|rim|bike|car)\b(?:\s+\w+){0,4}?\s+(?:lek|kapot|stuk|"
    r"beschadigd|gebroken|verbogen|krom|burst|punctured|flat|damaged|broken|bent)\b"
    r"|\b(?:lekke band|band (?:is )?lek|schade aan (?:mijn|mn|m'n|onze|de) (?:\w+ )?(?:fiets|auto|"
    r"wagen|scooter|band|velg)|damage to (?:my|our|the) (?:bike|car|tyre|tire|scooter)|"
    r"(?:tire|tyre) (?:\w+ )?(?:burst|punctured|went flat))\b", re.IGNORECASE)


def tells_own_damage(text: str) -> bool:
    """The resident tells that their bike, car or tyre was damaged by the problem."""
    return bool(_OWN_DAMAGE.search(text or ""))
