"""The action server parses the domain Rasa sends with every call once (DomainReuse):
each call still reads as Sanic would read it."""
from __future__ import annotations

import json
from typing import Any

import pytest
from sanic.request import json_loads

from bot.action_server import DomainReuse
from bot.rasa_speedups import json_body

DOMAIN = {"responses": {"utter_ask": [{"text": "Waar is het? \"Kerkstraat\" é"}]},
          "forms": {"report_form": {"required_slots": ["report_location"]}},
          "x": {"domain": {"a": 1}}}


def call(action: str, domain: Any = DOMAIN, **more: Any) -> dict:
    return {"next_action": action, "sender_id": "s", "tracker": {"slots": {"a": 1.25}},
            "version": "3.6.21", **more, "domain": domain}


def read(reuse: DomainReuse, body: bytes) -> Any:
    try:
        return reuse.parse(body)
    except ValueError:
        return ValueError


def sanic_reads(body: bytes) -> Any:
    try:
        return json_loads(body)
    except ValueError:
        return ValueError


BODIES = [
    json.dumps(call("a")).encode(),
    json_body(call("b")),
    json.dumps(call("c", tracker_extra={"domain": 1})).encode(),
    json.dumps(call("d", domain={"responses": {}})).encode(),  # another domain
    json.dumps(call("e")).encode(),  # back to the first
    json.dumps({"next_action": "f", "domain": DOMAIN, "version": "3"}).encode(),  # not last
    json.dumps({"next_action": "g"}).encode(),  # no domain
    b'{"domain": ' + json.dumps(DOMAIN).encode() + b"}",  # nothing but the domain
    b'{, "domain": ' + json.dumps(DOMAIN).encode() + b"}",  # broken head
    b'{"domain": 1, "domain": ' + json.dumps(DOMAIN).encode() + b"}",  # twice
    b'[1, "domain": ' + json.dumps(DOMAIN).encode() + b"}",
    json.dumps(call("h")).encode()[:-1],  # cut off
    b"null", b"[]", b"nonsense",
]


@pytest.mark.parametrize("order", [BODIES, BODIES[::-1], BODIES[1:] + BODIES[:1]])
def test_calls_read_as_sanic_reads_them(order: list) -> None:
    reuse = DomainReuse()
    for body in order + order:
        assert read(reuse, body) == sanic_reads(body), body[:60]


def test_the_same_domain_is_parsed_once() -> None:
    reuse = DomainReuse()
    first = reuse.parse(json_body(call("validate_report_form")))
    second = reuse.parse(json_body(call("action_submit_report")))
    third = reuse.parse(json_body(call("action_ask_report_location")))
    assert second["domain"] is third["domain"] is reuse.domain
    assert first["domain"] == second["domain"] == DOMAIN
    assert first["domain"] is not reuse.domain  # the first call's own copy
    assert list(second) == list(call("x"))  # keys in the order Rasa sent them
