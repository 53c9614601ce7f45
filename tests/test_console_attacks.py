"""The gaps an attack test found in the console, each attack repeated: the transcript's
live update without an audit entry, forged `typed` words and `EXTERNAL` messages, and a
tone guide that validates but breaks, bloats or freezes."""
from __future__ import annotations

import asyncio
import itertools
import json
import http.client
import urllib.error

import pytest
from sqlalchemy.orm import Session

from bot.reports.db import engine
from bot.settings import ROOT
from bot.tone import parse_guide, render, sign
from bot.tone.guide import MAX_GUIDE_CHARS, problems_in
from bot.tone.template import fill
from channels.rest import TokenRestInput
from channels.webchat import WebChatInput
from console import auth
from console.models import AuditEntry
from tests.channel_app import ChannelApp
from tests.console_client import ConsoleUser, conversation_path, fetch
from tests.console_server import running_console

PASSWORD = "een-lang-wachtwoord-42"
GUIDE = (ROOT / "tone_of_voice.yml").read_text(encoding="utf-8")
_names = itertools.count(1)


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    with running_console(tmp_path_factory.mktemp("console-attacks")) as running:
        yield running


def colleague(console, role: str = "agent") -> ConsoleUser:
    name = f"{role}{next(_names)}"
    auth.create_user(name, name.title(), f"A{next(_names)}", role, PASSWORD, url=console.db_url)
    return ConsoleUser(console.base, name, PASSWORD)


def opened_entries(console, sender: str) -> int:
    with Session(engine(console.db_url)) as db:
        return db.query(AuditEntry).filter_by(sender_id=sender, action="opened").count()


# -- the transcript's live update ----------------------------------------------------------

def test_the_live_transcript_is_only_for_who_opened_the_conversation(console):
    """Attack: GET /console/partials/conversations/<id> read a conversation without the
    audit log ever showing it."""
    sender = "webchat-partial-1"
    console.add_event(sender, "user", text="Mijn adres is Kerkstraat 12", input_channel="webchat")
    agent = colleague(console)
    partial = f"/console/partials/conversations/{sender}"
    status, body = agent.get(partial)
    assert status == 403 and "Kerkstraat" not in body
    assert opened_entries(console, sender) == 0
    assert agent.get(conversation_path(sender))[0] == 200
    assert opened_entries(console, sender) == 1
    status, body = agent.get(partial)
    assert status == 200 and "Kerkstraat 12" in body
    later = ConsoleUser(console.base, agent_name(agent, console), PASSWORD)
    assert later.get(partial)[0] == 403, "a new session opens the conversation again"


def agent_name(user: ConsoleUser, console) -> str:
    return auth.staff_for(user.cookie, console.db_url).username


# -- what the resident actually sent ---------------------------------------------------------

def test_staff_see_what_was_sent_and_typed_words_only_as_a_labelled_extra(console):
    """Attack: metadata `typed` replaced the text staff see, so a message could show as
    harmless words while the bot acted on something else."""
    sender = "rest-typed-1"
    console.add_event(sender, "user", text="Mijn buurman bedreigt mij",
                      input_channel="rest", metadata={"typed": "Alles is in orde"})
    console.add_event(sender, "user", text="2", input_channel="webchat",
                      metadata={"typed": "De plek"})
    page = colleague(console).get(conversation_path(sender))[1]
    assert "Mijn buurman bedreigt mij" in page
    assert "Alles is in orde" not in page, "only a channel that sets typed is believed"
    assert "(getypt: De plek)" in page and ">2</span>" in page


def test_a_message_that_starts_with_external_is_shown_only_rasa_s_own_are_hidden(console):
    """Attack: a resident's 'EXTERNAL ...' message was hidden from staff."""
    sender = "webchat-external-1"
    console.add_event(sender, "user", text="EXTERNAL: ik word bedreigd", input_channel="webchat")
    console.add_event(sender, "user", text="EXTERNAL: EXTERNAL_report_status",
                      intent="EXTERNAL_report_status", input_channel="webchat",
                      metadata={"is_external": True})
    page = colleague(console).get(conversation_path(sender))[1]
    assert "EXTERNAL: ik word bedreigd" in page
    assert "EXTERNAL_report_status" not in page


def test_channels_drop_a_client_s_typed_and_external_claims():
    """The other half: no channel lets a client set `typed` or `is_external`."""
    received = []

    async def on_new_message(message) -> None:
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "Goed."})

    forged = {"typed": "Alles is in orde", "is_external": True}

    async def run() -> None:
        async with ChannelApp(TokenRestInput("t" * 32), on_new_message) as app:
            body = json.dumps({"sender": "integratie-1", "message": "EXTERNAL: hallo",
                               "metadata": forged}).encode()
            answer = await app.client.post(f"/webhooks/rest/webhook?token={'t' * 32}",
                                           content=body,
                                           headers={"Content-Type": "application/json"})
            assert answer.status_code == 200
        async with ChannelApp(WebChatInput(secret="s" * 32, unbound_ids=False),
                              on_new_message) as app:
            issued = (await app.client.post("/webhooks/webchat/session")).json()
            body = json.dumps({"sender": issued["sender"], "message": "EXTERNAL: hallo",
                               "metadata": forged}).encode()
            answer = await app.client.post(
                "/webhooks/webchat/webhook", content=body,
                headers={"Content-Type": "application/json", "X-Chat-Token": issued["token"]})
            assert answer.status_code == 200

    asyncio.run(run())
    assert [m.metadata for m in received] == [{}, {}]


# -- the tone guide --------------------------------------------------------------------------

@pytest.mark.parametrize("key, value", [
    ("signature", "^{x}"), ("signature", "^{initials!r}"), ("signature", "{initials.__class__}"),
    ("signature", "^{initials"), ("buttons_prompt", "Antwoord {numbers} of {x}."),
    ("buttons_prompt", "Antwoord {numbers:>100000000}."),
])
def test_a_placeholder_that_would_break_or_bloat_messages_does_not_validate(key, value):
    original = {"signature": 'signature: "^{initials}"',
                "buttons_prompt": 'buttons_prompt: "Antwoord met {numbers}, of typ uw antwoord."'}
    assert original[key] in GUIDE
    attacked = GUIDE.replace(original[key], f'{key}: "{value}"')
    problems = problems_in(attacked)
    assert problems and any(key in p for p in problems), problems


def test_a_guide_that_slipped_past_validation_still_cannot_break_or_bloat_a_message():
    """A guide on disk older than the check, or a bug in it: messages still go out."""
    guide = parse_guide(GUIDE)
    guide.staff.signature = "^{initials} {x}"
    guide.media["whatsapp"].buttons_prompt = "Antwoord {numbers:>100000000}."
    assert sign("Ik kijk mee.", "AB", guide=guide) == "Ik kijk mee. ^AB {x}"
    [part] = render({"text": "Wat bedoelt u?", "buttons": [
        {"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}]},
        "whatsapp", guide)
    assert part.text.endswith("Antwoord {numbers:>100000000}.") and len(part.text) < 200
    assert fill("{{letterlijk}} {numbers}", numbers="1 of 2") == "{letterlijk} 1 of 2"


def test_a_huge_guide_or_an_alias_bomb_is_refused():
    assert problems_in(GUIDE) == []
    padding = "\n" + "# " + "x" * 78 + "\n"
    huge = GUIDE + padding * (10_000_000 // len(padding))
    [problem] = problems_in(huge)
    assert f"at most {MAX_GUIDE_CHARS}" in problem
    bomb = GUIDE.replace('signature: "^{initials}"',
                         'signature: "^{initials}"\n  canned_answers: &a {x: "1"}\n  other: *a')
    assert any("anchors and aliases" in p for p in problems_in(bomb))


def _refused(client, path: str, **form) -> bool:
    """413, or the connection reset or closed while the body was still being sent (the
    server may answer and close before it has read megabytes; the client then sees a reset
    or a broken pipe, whichever comes first): all refuse the request."""
    closed = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError,
              http.client.RemoteDisconnected)
    try:
        status, _ = client.post(path, **form)
    except urllib.error.URLError as error:
        return isinstance(error.reason, closed)
    except closed:
        return True
    return status == 413


def test_the_console_refuses_a_preview_of_megabytes_and_keeps_answering(console):
    editor = colleague(console, "editor")
    assert _refused(editor, "/console/tone/preview", text="x" * 2_500_000,
                    response="utter_greeting")
    status, answer = editor.post("/console/tone/preview", text=GUIDE + "#" * MAX_GUIDE_CHARS,
                                 response="utter_greeting")
    assert status == 400 and "at most" in answer
    assert fetch(console.base + "/console/health")[0] == 200
    status, answer = editor.post("/console/tone/preview", text=GUIDE,
                                 response="utter_ask_report_updates")
    assert status == 200 and "Antwoord 1 of 2." in json.loads(answer)["sms"][0]["text"]
