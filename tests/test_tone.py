"""The tone guide: schema with line numbers, hot reload, rendering per medium, and a
check of every response on every medium."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bot.settings import ROOT
from bot.tone import ToneGuideError, parse_guide, render, render_staff, tone_problems
from bot.tone.__main__ import check
from bot.tone.gsm import is_gsm7, segments, to_gsm7
from bot.tone.guide import GuideFile
from bot.tone.render import Part, split_text

GUIDE_TEXT = (ROOT / "tone_of_voice.yml").read_text(encoding="utf-8")
BUTTONS = [{"title": "Ja, graag", "payload": "/affirm"},
           {"title": "Nee, dat hoeft niet", "payload": "/deny"}]


def guide_with(old: str, new: str):
    assert old in GUIDE_TEXT
    return parse_guide(GUIDE_TEXT.replace(old, new, 1))


def test_every_response_fits_every_medium():
    assert check() == []


def test_the_check_fails_on_a_broken_limit():
    guide = guide_with("address_form: u\n    max_length: 459",
                       "address_form: je\n    max_length: 459")
    sms_u = render({"text": "Wilt u een update? 😀"}, "sms", guide)
    assert any("says 'u' where the medium says 'je'" in p
               for p in tone_problems(sms_u, "sms", guide))
    loud = [Part("Hallo 😀")]
    assert "message 1 has emoji" in tone_problems(loud, "sms", guide)
    assert "message 1 is not GSM-7" in tone_problems([Part("Ĳsbaan ✓")], "sms", guide)
    long = [Part("x" * 500)]
    assert "message 1 has 500 characters, the limit is 459" in tone_problems(long, "sms", guide)
    many = [Part("Kort.")] * 3
    assert "3 messages, the limit is 2" in tone_problems(many, "sms", guide)


def test_a_mistake_names_the_key_and_the_line():
    broken = GUIDE_TEXT.replace("max_length: 459", "max_length: lang", 1)
    line = broken.splitlines().index("    max_length: lang") + 1
    with pytest.raises(ToneGuideError) as error:
        parse_guide(broken)
    assert f"line {line}: media.sms.max_length" in str(error.value)
    with pytest.raises(ToneGuideError, match="media.sms.emoji"):
        parse_guide(GUIDE_TEXT.replace("emoji: false", "emoji: misschien", 2))
    with pytest.raises(ToneGuideError, match=r"media\.whatsapp\.colour.*not permitted"):
        parse_guide(GUIDE_TEXT.replace("  whatsapp:\n", "  whatsapp:\n    colour: blue\n", 1))
    with pytest.raises(ToneGuideError, match="missing telegram"):
        parse_guide(GUIDE_TEXT[:GUIDE_TEXT.index("  telegram:")] + GUIDE_TEXT[
            GUIDE_TEXT.index("staff:"):])
    with pytest.raises(ToneGuideError, match="not valid YAML"):
        parse_guide("media: [\n")


def test_changes_are_picked_up_and_a_broken_file_keeps_the_last_valid(tmp_path):
    path = tmp_path / "tone.yml"
    path.write_text(GUIDE_TEXT, encoding="utf-8")
    guides = GuideFile(path)
    assert guides.current().media["sms"].max_length == 459
    path.write_text(GUIDE_TEXT.replace("max_length: 459", "max_length: 306"), encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert guides.current().media["sms"].max_length == 306
    path.write_text(GUIDE_TEXT.replace("max_length: 459", "max_length: -1"), encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 2_000_000))
    assert guides.current().media["sms"].max_length == 306
    assert "media.sms.max_length" in guides.last_error
    with pytest.raises(ToneGuideError):
        GuideFile(tmp_path / "missing.yml").current()


def test_buttons_per_medium():
    message = {"text": "Wilt u updates?", "buttons": BUTTONS}
    sms = render(message, "sms")
    assert sms[0].text.endswith("1. Ja, graag\n2. Nee, dat hoeft niet\nAntwoord 1 of 2.")
    assert sms[0].buttons == []
    telegram, webchat = render(message, "telegram"), render(message, "webchat")
    assert [b["payload"] for b in telegram[-1].buttons] == ["/affirm", "/deny"]
    assert webchat[-1].buttons and "1." not in webchat[-1].text


def test_formatting_per_medium():
    message = {"text": "Let op: **morgen** is het <dicht> & stil 🙂"}
    assert render(message, "whatsapp")[0].text == "Let op: *morgen* is het <dicht> & stil 🙂"
    telegram = render(message, "telegram")[0]
    assert telegram.text == "Let op: <b>morgen</b> is het &lt;dicht&gt; &amp; stil 🙂"
    assert telegram.parse_mode == "HTML"
    assert render(message, "sms")[0].text == "Let op: morgen is het <dicht> & stil"
    assert render(message, "webchat")[0].text == "Let op: morgen is het <dicht> & stil"


def test_greeting_and_sign_off_come_from_the_guide():
    hello = render({"text": "Waar kan ik u mee helpen?", "utter_action": "utter_greeting"},
                   "whatsapp")
    assert hello[0].text.startswith("Hallo! 👋 Waar kan")
    bye = render({"text": "Tot ziens!", "utter_action": "utter_goodbye"}, "sms")
    assert bye[0].text == "Tot ziens!\nGemeente Lindendal"


def test_staff_replies_are_signed():
    parts = render_staff("Ik zoek het voor u uit.", "whatsapp", initials="AB")
    assert parts[0].text == "Ik zoek het voor u uit. ^AB"


def test_sms_stays_gsm7_and_counts_segments():
    assert to_gsm7("“Dat is ‘m’ — echt… ideeën 👍") == '"Dat is \'m\' - echt... ideeen'
    assert segments("a" * 160) == 1 and segments("a" * 161) == 2
    assert segments("€" * 80) == 1 and segments("€" * 81) == 2  # two septets each
    assert segments("Ĳ" * 70) == 1 and segments("Ĳ" * 71) == 2  # UCS-2
    long = " ".join(f"Dit is zin {n} van een lang antwoord." for n in range(40))
    parts = render({"text": long}, "sms")
    assert len(parts) > 1
    assert all(len(p.text) <= 459 and is_gsm7(p.text) and p.text.endswith(".") for p in parts)
    assert [p.segments for p in parts] == [segments(p.text) for p in parts]


def test_split_on_sentences_lines_and_words():
    assert split_text("Een. Twee. Drie.", 10) == ["Een. Twee.", "Drie."]
    assert split_text("regel een\nregel twee", 12) == ["regel een", "regel twee"]
    assert split_text("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]


def test_a_short_question_stays_with_the_sentence_it_leads_into():
    """Round 91: a chunk ended with "Verhuist u?", its answer came in the next bubble."""
    text = ("Een nieuw kenteken geeft u daar ook door. Verhuist u? Uw vergunning hoort bij uw "
            "adres.")
    assert split_text(text, 60) == ["Een nieuw kenteken geeft u daar ook door.",
                                    "Verhuist u? Uw vergunning hoort bij uw adres."]


def test_preview_shows_every_medium_side_by_side():
    run = subprocess.run([sys.executable, "-m", "bot.tone", "preview", "utter_ask_location"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    header = run.stdout.splitlines()[2]
    for medium in ("WEBCHAT", "WHATSAPP", "SMS", "TELEGRAM"):
        assert medium in header
    assert "SMS segment" in run.stdout and "parse_mode HTML" in run.stdout
    single = subprocess.run([sys.executable, "-m", "bot.tone", "preview",
                             "utter_ask_report_updates", "--channel", "sms"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert "Antwoord 1 of 2." in single.stdout and "WHATSAPP" not in single.stdout
    unknown = subprocess.run([sys.executable, "-m", "bot.tone", "preview", "utter_nope"],
                             cwd=ROOT, capture_output=True, text=True)
    assert unknown.returncode == 2 and "unknown response" in unknown.stderr


def test_messenger_has_its_own_medium_set_by_the_content_team():
    """Issue 15: Messenger's tone and limits come from tone_of_voice.yml, not the web chat's."""
    guide = guide_with("  messenger:\n    address_form: u\n    max_length: 1000",
                       "  messenger:\n    address_form: u\n    max_length: 80")
    long = "Dit is een zin die best lang is. " * 5
    assert all(len(p.text) <= 80 for p in render({"text": long}, "messenger", guide))
    assert all(len(p.text) <= 600 for p in render({"text": long * 5}, "webchat", guide))
    assert render({"text": "Hallo 🙂"}, "messenger")[0].text == "Hallo 🙂", "emoji allowed"
    greeting = render({"text": "Ik ben de assistent.", "utter_action": "utter_greeting"},
                      "messenger")
    assert greeting[0].text.startswith("Hallo! 👋")
    with pytest.raises(ToneGuideError, match="media.messenger.max_length: at most 2000"):
        parse_guide(GUIDE_TEXT.replace("  messenger:\n    address_form: u\n    max_length: 1000",
                                       "  messenger:\n    address_form: u\n    max_length: 3000"))
    with pytest.raises(ToneGuideError, match="missing messenger"):
        parse_guide(GUIDE_TEXT[:GUIDE_TEXT.index("  messenger:")] + GUIDE_TEXT[
            GUIDE_TEXT.index("staff:"):])


def test_messenger_buttons_are_quick_replies_and_long_titles_become_a_numbered_list():
    short = render({"text": "Wilt u updates?", "buttons": [
        {"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}]},
        "messenger")
    assert short[-1].buttons == [{"title": "Ja", "payload": "/affirm"},
                                 {"title": "Nee", "payload": "/deny"}]
    assert "1." not in short[-1].text
    long = render({"text": "Wilt u updates?", "buttons": BUTTONS + [
        {"title": "Een medewerker spreken", "payload": "/ask_human"}]}, "messenger")
    assert "3. Een medewerker spreken" in long[-1].text
    assert [b["title"] for b in long[-1].buttons] == ["1", "2", "3"]
    assert long[-1].buttons[2]["payload"] == "/ask_human"
    assert tone_problems(long, "messenger") == []
    cut = [Part("Kies.", buttons=[{"title": "Een medewerker spreken", "payload": "/x"}])]
    assert any("longer than 20" in p for p in tone_problems(cut, "messenger"))
