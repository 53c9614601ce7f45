"""A connector's blueprint in a bare Sanic app, driven in-process over ASGI, with the
report store on a temporary SQLite file and Twilio's settings pointing at the stand-in.
For the fast channel tests (no model, no running stack)."""
from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any, Dict, Optional

import httpx
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sanic import Sanic
from sanic.touchup import TouchUp
from twilio.request_validator import RequestValidator
from urllib.parse import urlencode

from bot.reports import db
from tests.conftest import TWILIO_SID, TWILIO_SMS_FROM, TWILIO_TOKEN, TWILIO_WHATSAPP_FROM

_apps = itertools.count()
_touched_up = []  # Sanic rewrites its request methods once per process, not per app
BASE = "http://testserver"


def use_database(monkeypatch, url: str) -> None:
    """Every session, whatever URL its caller names, goes to `url`."""
    real = db.engine
    monkeypatch.setattr(db, "engine", lambda _=None: real(url))
    monkeypatch.setattr(db, "_MIGRATED", set())
    db.migrate(url)


def use_twilio(monkeypatch, standin, public_url: str = "") -> None:
    """Point the Twilio client, the webhook check and status callbacks at the stand-in."""
    from channels import delivery, twilio_common

    for module in (delivery, twilio_common):
        monkeypatch.setattr(module, "TWILIO_ACCOUNT_SID", TWILIO_SID)
        monkeypatch.setattr(module, "TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
        monkeypatch.setattr(module, "TWILIO_PUBLIC_URL", public_url)
    monkeypatch.setattr(delivery, "TWILIO_API_URL", standin.url)
    monkeypatch.setattr(delivery, "TWILIO_WHATSAPP_FROM", TWILIO_WHATSAPP_FROM)
    monkeypatch.setattr(delivery, "TWILIO_SMS_FROM", TWILIO_SMS_FROM)
    monkeypatch.setattr(delivery, "CHANNEL_TIMEOUT", 2.0)


class ChannelApp:
    """One input channel's routes under /webhooks/<name>/ in an in-process Sanic app."""

    def __init__(self, channel: Any, on_new_message: Any) -> None:
        self.channel = channel
        self.app = Sanic(f"channel_test_{next(_apps)}")
        self.app.ctx.agent = SimpleNamespace(tracker_store=InMemoryTrackerStore(Domain.empty()))
        self.app.blueprint(channel.blueprint(on_new_message),
                           url_prefix=f"/webhooks/{channel.name()}")
        self.client: Optional[httpx.AsyncClient] = None

    async def __aenter__(self) -> "ChannelApp":
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app),
                                        base_url=BASE, timeout=30)
        if _touched_up:
            run, TouchUp.run = TouchUp.run, staticmethod(lambda app: None)
            try:
                await self.app._startup()
            finally:
                TouchUp.run = run
        else:
            await self.app._startup()
            _touched_up.append(True)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.client.aclose()
        inbox = getattr(self.channel, "_inbox", None)
        if inbox is not None:  # a durable connector: its worker finishes the stored turns
            await inbox.drain(timeout=30)
            await inbox.stop()

    async def processed(self, timeout: float = 30) -> bool:
        """Wait until the connector's worker has taken every stored message."""
        inbox = getattr(self.channel, "_inbox", None)
        return True if inbox is None else await inbox.drain(timeout)

    async def post_twilio(self, path: str, params: Dict[str, str], url_base: str = "",
                          signature: Optional[str] = None) -> httpx.Response:
        """POST a form signed the way Twilio signs it (for the URL it called: the public
        address when one is set)."""
        from channels import twilio_common

        url_base = url_base or twilio_common.TWILIO_PUBLIC_URL or BASE
        if signature is None:
            signature = RequestValidator(TWILIO_TOKEN).compute_signature(url_base + path,
                                                                         params)
        return await self.client.post(path, content=urlencode(params).encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature})
