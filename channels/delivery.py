"""Hands one rendered message to Twilio, Telegram or Messenger (called from the outbox).

WhatsApp takes free text only within 24 hours of the resident's last message. Outside
that window the message is held in the outbox and an approved template
(whatsapp_templates.yml) asks the resident to reply; their reply releases the held
messages as free text (channels.twilio_common). Every Twilio send asks for a status
callback, recorded in `channel_deliveries`.

Telegram: one `telegram.Bot` per process, initialised once on an event loop of its own
and shut down when the process ends.

Messenger: Meta's Send API (Graph API v25.0, `POST /me/messages` with the Page access
token), with Meta's 24-hour standard messaging window: inside it `RESPONSE`; outside it
a report's status update goes with `MESSAGE_TAG` (`MESSENGER_STATUS_TAG`, default
`ACCOUNT_UPDATE`), a colleague's reply within 7 days with the `HUMAN_AGENT` tag when
the Page has that permission (`MESSENGER_HUMAN_AGENT=1`); anything else is held until
the resident writes again (see `send_messenger`).
"""
from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import logging
import os
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Coroutine, Dict, List, Optional

import requests
import telegram
import yaml
from sqlalchemy.exc import SQLAlchemyError
from telegram.error import BadRequest, Forbidden, InvalidToken, TelegramError
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from bot.integrations import DeliveryError
from bot.reports.models import utcnow
from bot.settings import (CHANNEL_TIMEOUT, ROOT, TELEGRAM_API_URL, TELEGRAM_BOT_TOKEN,
                          TWILIO_ACCOUNT_SID, TWILIO_API_URL, TWILIO_AUTH_TOKEN,
                          TWILIO_PUBLIC_URL, TWILIO_SMS_FROM, TWILIO_WHATSAPP_FROM)
from bot import channel_store as store
from channels.fallback import after_failure
from channels.templates import TemplateError, purpose_of, template_for

logger = logging.getLogger(__name__)
# Twilio's client logs every request's headers at INFO; our own line says enough.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

# Telegram limits callback data to 64 bytes.
MAX_CALLBACK_DATA = 64
# The Bot API's error_code per python-telegram-bot exception (telegram/request/_baserequest.py).
TELEGRAM_CODES = {BadRequest: 400, Forbidden: 403, InvalidToken: 401}
# Twilio error codes (https://www.twilio.com/docs/api/errors/<code>).
OUTSIDE_WINDOW = 63016  # free text outside WhatsApp's 24-hour window: send a template
INVALID_TO = 21211  # not a valid phone number
UNSUBSCRIBED = 21610  # the recipient replied STOP to this sender
NOT_MOBILE = 21614  # not a mobile number (SMS)
PERMANENT = {INVALID_TO, UNSUBSCRIBED, NOT_MOBILE}
CREDENTIALS_FILE = Path(os.environ.get("GA_CREDENTIALS", ROOT / "credentials.yml"))


class ProviderRefused(DeliveryError):
    """Twilio, Telegram or Meta refused the message, with the provider's error code."""

    def __init__(self, message: str, retry: bool, code: Optional[int]) -> None:
        super().__init__(message, retry)
        self.code = code


def send(channel: str, recipient: str, message: Dict[str, Any]) -> None:
    """Deliver or raise DeliveryError; `retry` says whether trying again can help.

    A refusal for good is kept as a failed delivery (for the console) and the configured
    fallback applies (channels.fallback)."""
    try:
        _send(channel, recipient, message)
    except ProviderRefused as error:
        if not error.retry:
            _refused(channel, recipient, message, error)
        raise


def _refused(channel: str, recipient: str, message: Dict[str, Any],
             error: ProviderRefused) -> None:
    try:
        sid = store.record_refusal(channel, recipient, message.get("outbox_id"), error.code,
                                   str(error))
    except SQLAlchemyError:
        logger.exception("Could not record the refused %s message", channel)
        return
    after_failure(sid)


def _send(channel: str, recipient: str, message: Dict[str, Any]) -> None:
    if channel in ("whatsapp", "sms"):
        return send_twilio(channel, recipient, message)
    if channel == "messenger":
        return send_messenger(recipient, message)
    if channel == "telegram":
        client = telegram_client()
        try:
            return client.run(send_telegram(client, recipient, message))
        except FutureTimeout:
            raise DeliveryError("Telegram did not answer in time", retry=True)
    raise DeliveryError(f"no delivery for channel {channel}", retry=False)


# Twilio --------------------------------------------------------------------------------

def twilio_client() -> Client:
    client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
                    http_client=TwilioHttpClient(timeout=CHANNEL_TIMEOUT))
    client.api.base_url = TWILIO_API_URL  # only tests point elsewhere
    return client


def status_callback_url(channel: str) -> Optional[str]:
    """Where Twilio reports the message's status: the channel's /status route."""
    if not TWILIO_PUBLIC_URL:
        return None
    return f"{TWILIO_PUBLIC_URL}/webhooks/{channel}/status"


def _origin(channel: str) -> Dict[str, str]:
    sender = TWILIO_WHATSAPP_FROM if channel == "whatsapp" else TWILIO_SMS_FROM
    if not TWILIO_ACCOUNT_SID or not sender:
        raise DeliveryError(f"Twilio {channel} is not configured", retry=True)
    return ({"messaging_service_sid": sender} if sender.startswith("MG")
            else {"from_": sender})


def _create(channel: str, recipient: str, **fields: Any) -> Any:
    """messages.create with the status callback; Twilio's refusals as DeliveryError."""
    callback = status_callback_url(channel)
    if callback:
        fields["status_callback"] = callback
    try:
        return twilio_client().messages.create(to=recipient, **_origin(channel), **fields)
    except TwilioRestException as error:
        if error.code == UNSUBSCRIBED and channel == "sms":  # STOP sent to Twilio itself
            store.set_opted_out(channel, recipient, True)
        retry = (error.status >= 500 or error.status == 429) and error.code not in PERMANENT
        raise TwilioRefused(f"Twilio answered {error.status} (code {error.code})",
                            retry=retry, code=error.code)
    except requests.RequestException as error:
        raise DeliveryError(f"Twilio unreachable: {type(error).__name__}", retry=True)


class TwilioRefused(ProviderRefused):
    """Twilio's answer to messages.create was an error (its code: Twilio's error list)."""


def send_twilio(channel: str, recipient: str, message: Dict[str, Any]) -> None:
    outbox_id = message.get("outbox_id")
    if channel == "whatsapp" and not _window_open(recipient):
        return hold_with_template(recipient, message)
    try:
        created = _create(channel, recipient, body=message["text"])
    except TwilioRefused as error:
        if error.code != OUTSIDE_WINDOW or channel != "whatsapp":
            raise
        store.close_window(channel, recipient)
        return hold_with_template(recipient, message)
    early = store.record_delivery(created.sid, channel, outbox_id,
                                  status=created.status or "queued", recipient=recipient)
    if early == OUTSIDE_WINDOW and channel == "whatsapp":  # the callback came first
        store.close_window(channel, recipient)
        return hold_with_template(recipient, message)
    if early is not None:  # a failure callback came first: the fallback was not applied
        after_failure(created.sid)
    logger.info("Twilio took %s message %s (%s segment(s))", channel, created.sid,
                message.get("segments") or created.num_segments or "?")


def _window_open(recipient: str) -> bool:
    """Our record of WhatsApp's window; without the database, try free text (Twilio's
    63016 brings the message back behind a template)."""
    try:
        return store.window_open("whatsapp", recipient)
    except SQLAlchemyError:
        logger.exception("WhatsApp window unknown (database); sending free text")
        return True


def hold_with_template(recipient: str, message: Dict[str, Any]) -> None:
    """Outside the window: ask the resident to reply with a template (once) and keep the
    message in the outbox until they do. Always raises DeliveryError(retry=True)."""
    sent_at = store.template_sent("whatsapp", recipient)
    if sent_at is not None:
        raise DeliveryError(f"{store.HELD} outside WhatsApp's 24-hour window, template "
                            f"sent at {sent_at:%Y-%m-%d %H:%M} UTC; waiting for the resident",
                            retry=True)
    try:
        template, variables = template_for(message)
    except TemplateError as error:
        logger.error("WhatsApp message held, no template can be sent: %s", error)
        raise DeliveryError(f"{store.HELD} outside WhatsApp's 24-hour window; {error}",
                            retry=True)
    try:
        created = _create("whatsapp", recipient, content_sid=template.content_sid,
                          content_variables=variables)
    except TwilioRefused as error:
        if error.code in PERMANENT:
            raise
        # A template Twilio does not take (21655 unknown SID, 21656 variables, 63013 …)
        # is a configuration error: the message waits for the fix or for the resident.
        logger.error("WhatsApp template %s refused by Twilio (code %s); message held",
                     template.name, error.code)
        raise DeliveryError(f"{store.HELD} template {template.name} refused: {error}",
                            retry=True)
    store.mark_template_sent("whatsapp", recipient)
    store.record_delivery(created.sid, "whatsapp", message.get("outbox_id"), kind="template",
                          template=template.name, status=created.status or "queued",
                          recipient=recipient)
    logger.info("WhatsApp window closed: template %s sent as %s; message held",
                template.name, created.sid)
    raise DeliveryError(f"{store.HELD} outside WhatsApp's 24-hour window, template "
                        f"{template.name} sent; waiting for the resident", retry=True)


# Telegram ------------------------------------------------------------------------------

def telegram_token() -> str:
    """TELEGRAM_BOT_TOKEN, else the access_token in credentials.yml (${VAR} expanded)."""
    if TELEGRAM_BOT_TOKEN:
        return TELEGRAM_BOT_TOKEN
    try:
        credentials = yaml.safe_load(CREDENTIALS_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    section = credentials.get("channels.telegram.TelegramInput") or {}
    token = os.path.expandvars(str(section.get("access_token") or "")).strip()
    return "" if "$" in token else token  # an unset ${VARIABLE} is no token


class TelegramClient:
    """One initialised telegram.Bot on an event loop of its own, for the whole process.

    Callers in threads use `run`; callers on another event loop `await call(...)`.
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.pid = os.getpid()  # a forked worker makes its own (threads do not fork)
        self.bot = telegram.Bot(token, base_url=f"{TELEGRAM_API_URL}/bot",
                                base_file_url=f"{TELEGRAM_API_URL}/file/bot")
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                        name="telegram-bot")
        self._thread.start()
        self._ready = asyncio.Lock()
        self.initialised = False

    async def _initialised(self) -> telegram.Bot:
        async with self._ready:
            if not self.initialised:
                await self.bot.initialize()  # checks the token with getMe
                self.initialised = True
        return self.bot

    def submit(self, coroutine: Coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def run(self, coroutine: Coroutine) -> Any:
        return self.submit(coroutine).result(timeout=3 * CHANNEL_TIMEOUT + 5)

    async def call(self, coroutine: Coroutine) -> Any:
        return await asyncio.wrap_future(self.submit(coroutine))

    def close(self) -> None:
        if self.loop.is_closed():
            return
        try:
            if self.initialised:
                self.submit(self.bot.shutdown()).result(timeout=10)
                self.initialised = False
        except Exception:  # closing at exit: nothing left to tell
            logger.debug("Telegram bot shutdown failed", exc_info=True)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)
        self.loop.close()


_telegram: Optional[TelegramClient] = None
_telegram_lock = threading.Lock()
_connector_token = ""  # the token the Telegram connector was given (credentials.yml)


def use_telegram_token(token: str) -> None:
    """The connector's token, for replies; the client itself is made on first use, in
    the process (Sanic worker) that sends."""
    global _connector_token
    _connector_token = token


def telegram_client(token: str = "") -> TelegramClient:
    """The process's Telegram client (made on first use, closed at exit); DeliveryError
    when no token is set anywhere."""
    global _telegram
    token = token or _connector_token
    with _telegram_lock:
        if _telegram is not None and _telegram.pid != os.getpid():
            _telegram = None  # inherited from the parent: its loop thread is not here
        if token and _telegram is not None and _telegram.token != token:
            _telegram.close()
            _telegram = None
        if _telegram is None:
            token = token or telegram_token()
            if not token:
                raise DeliveryError("Telegram is not configured", retry=True)
            _telegram = TelegramClient(token)
        return _telegram


@atexit.register
def close_telegram() -> None:
    global _telegram
    with _telegram_lock:
        if _telegram is not None and _telegram.pid == os.getpid():
            _telegram.close()
        _telegram = None


def telegram_bot() -> telegram.Bot:
    """A new Bot for a one-off command (set-webhook); use it as `async with`."""
    return telegram.Bot(telegram_token(), base_url=f"{TELEGRAM_API_URL}/bot",
                        base_file_url=f"{TELEGRAM_API_URL}/file/bot")


def inline_keyboard(buttons: List[Dict[str, str]]) -> telegram.InlineKeyboardMarkup:
    """One button per row; the payload travels as callback data."""
    return telegram.InlineKeyboardMarkup([
        [telegram.InlineKeyboardButton(b["title"], callback_data=_callback_data(b))]
        for b in buttons])


def _callback_data(button: Dict[str, str]) -> str:
    data = button.get("payload") or button["title"]
    return data if len(data.encode()) <= MAX_CALLBACK_DATA else button["title"][:32]


async def send_telegram(client: "TelegramClient", chat_id: str,
                        message: Dict[str, Any]) -> None:
    """Runs on the Telegram client's loop (see `send`)."""
    markup = inline_keyboard(message["buttons"]) if message.get("buttons") else None
    try:
        bot = await client._initialised()
        sent = await bot.send_message(chat_id, message["text"],
                                      parse_mode=message.get("parse_mode"),
                                      reply_markup=markup, read_timeout=CHANNEL_TIMEOUT,
                                      write_timeout=CHANNEL_TIMEOUT)
    except (BadRequest, Forbidden, InvalidToken) as error:
        # The Bot API's error_code is the HTTP status, which the library turned into the type.
        raise ProviderRefused(f"Telegram refused: {error.message}", retry=False,
                              code=TELEGRAM_CODES[type(error)])
    except TelegramError as error:  # network errors, timeouts, RetryAfter
        raise DeliveryError(f"Telegram unreachable: {type(error).__name__}", retry=True)
    logger.info("Telegram took message %s", sent.message_id)


async def answer_callback_query(query_id: str) -> None:
    """Stop the spinner on a pressed button (awaited from the Rasa server's loop)."""
    client = telegram_client()

    async def answer() -> None:
        bot = await client._initialised()
        await bot.answer_callback_query(query_id)

    await client.call(answer())


# Messenger -------------------------------------------------------------------------
#
# Written from Meta's Messenger Platform documentation (Graph API v25.0): the Send API
# reference (`recipient.id`, `messaging_type` RESPONSE | UPDATE | MESSAGE_TAG, `tag`,
# `message.text` at most 2000 characters, answer `{recipient_id, message_id}`), "Quick
# replies" (at most 13, `content_type` text, `title` at most 20 characters, `payload` at
# most 1000), "Message tags" (ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE,
# POST_PURCHASE_UPDATE; HUMAN_AGENT up to 7 days after the person's last message, with
# the Human Agent permission) and "Common error codes" (`{"error": {message, type, code,
# error_subcode, fbtrace_id}}`).

MESSENGER_API_VERSION = "v25.0"
MESSENGER_MAX_TEXT = 2000
MESSENGER_MAX_QUICK_REPLIES = 13
MESSENGER_MAX_TITLE = 20
MESSENGER_MAX_PAYLOAD = 1000
MESSENGER_WINDOW = dt.timedelta(hours=24)
HUMAN_AGENT_WINDOW = dt.timedelta(days=7)
MESSENGER_TAGS = {"ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE",
                  "HUMAN_AGENT"}
OUTSIDE_MESSENGER_WINDOW = 2018278  # code 10: "This message is sent outside of allowed window"
# Codes worth trying again: unknown/temporary (1, 2, 1200) and rate limits (4, 17, 32, 613).
MESSENGER_RETRY_CODES = {1, 2, 4, 17, 32, 613, 1200}
# Refusals that cannot get better by waiting (the token, the recipient, the request).
MESSENGER_PERMANENT_CODES = {10, 100, 102, 190, 200, 230, 551}
MESSENGER_ERRORS = {
    10: "not allowed (outside the 24-hour window without a valid tag, or no permission)",
    100: "invalid parameter (or no matching user)", 190: "invalid Page access token",
    200: "permission missing", 230: "pages_messaging permission missing",
    551: "this person isn't available right now (blocked the Page)",
    4: "rate limit", 613: "rate limit", 2: "temporary error", 1200: "temporary send failure",
}


class MetaRefused(ProviderRefused):
    def __init__(self, message: str, retry: bool, code: Optional[int],
                 subcode: Optional[int] = None) -> None:
        super().__init__(message, retry, code)
        self.subcode = subcode


def messenger_settings() -> Dict[str, str]:
    """Read at every send, so the outbox worker and tests see the environment as it is."""
    return {
        "url": os.environ.get("MESSENGER_API_URL", "https://graph.facebook.com").rstrip("/"),
        "version": os.environ.get("MESSENGER_API_VERSION", MESSENGER_API_VERSION),
        "token": os.environ.get("MESSENGER_PAGE_ACCESS_TOKEN", ""),
        "status_tag": os.environ.get("MESSENGER_STATUS_TAG", "ACCOUNT_UPDATE").strip(),
        "human_agent": os.environ.get("MESSENGER_HUMAN_AGENT", "").strip().lower(),
    }


def quick_replies(buttons: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    """Buttons as Meta's quick replies, within its limits (13, title 20, payload 1000)."""
    if len(buttons) > MESSENGER_MAX_QUICK_REPLIES:
        logger.warning("Messenger shows at most %s quick replies; %s left out",
                       MESSENGER_MAX_QUICK_REPLIES, len(buttons) - MESSENGER_MAX_QUICK_REPLIES)
    replies = []
    for button in buttons[:MESSENGER_MAX_QUICK_REPLIES]:
        title = str(button.get("title") or "").strip()
        if not title:
            continue
        payload = str(button.get("payload") or "") or title
        if len(payload) > MESSENGER_MAX_PAYLOAD:
            payload = title
        if len(title) > MESSENGER_MAX_TITLE:
            title = title[:MESSENGER_MAX_TITLE - 1].rstrip() + "…"
        replies.append({"content_type": "text", "title": title, "payload": payload[:1000]})
    return replies


def _messenger_contact(recipient: str) -> tuple:
    """(last_inbound_at, window_closed_at) of a Messenger resident; (None, None) unknown."""
    from bot.reports.db import ensure_schema, session
    from bot.settings import DATABASE_URL
    from bot.channel_models import ChannelContact

    ensure_schema(DATABASE_URL)
    with session(DATABASE_URL) as db:
        contact = db.query(ChannelContact).filter_by(channel="messenger",
                                                     recipient=recipient).first()
        return (contact.last_inbound_at, contact.window_closed_at) if contact else (None, None)


def messaging_for(recipient: str, message: Dict[str, Any],
                  now: Optional[dt.datetime] = None) -> Dict[str, str]:
    """`messaging_type` (and `tag`) Meta allows for this message now; DeliveryError
    (held, retry) when nothing allows it until the resident writes again."""
    now = now or utcnow()
    settings = messenger_settings()
    try:
        last, closed = _messenger_contact(recipient)
    except SQLAlchemyError:
        logger.exception("Messenger window unknown (database); sending as a response")
        return {"messaging_type": "RESPONSE"}
    if last is not None and now - last < MESSENGER_WINDOW and not (closed and closed >= last):
        return {"messaging_type": "RESPONSE"}
    purpose = purpose_of(message)
    if purpose == "status_update" and settings["status_tag"] in MESSENGER_TAGS - {"HUMAN_AGENT"}:
        return {"messaging_type": "MESSAGE_TAG", "tag": settings["status_tag"]}
    if (purpose == "staff_reply" and settings["human_agent"] in ("1", "true", "yes")
            and last is not None and now - last < HUMAN_AGENT_WINDOW):
        return {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
    raise DeliveryError(f"{store.HELD} outside Messenger's 24-hour window and no message "
                        f"tag fits ({purpose}); waiting for the resident", retry=True)


def _graph_post(settings: Dict[str, str], body: Dict[str, Any]) -> str:
    """One Send API call; the message_id, or MetaRefused / DeliveryError. The token
    travels in the query string as Meta documents it and never reaches a log line."""
    url = f"{settings['url']}/{settings['version']}/me/messages"
    try:
        answer = requests.post(url, params={"access_token": settings["token"]}, json=body,
                               timeout=CHANNEL_TIMEOUT)
    except requests.RequestException as error:
        raise DeliveryError(f"Messenger unreachable: {type(error).__name__}", retry=True)
    try:
        data = answer.json()
    except ValueError:
        data = None
    if answer.status_code == 200 and isinstance(data, dict) and data.get("message_id"):
        return str(data["message_id"])
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        raise DeliveryError(f"Messenger answered {answer.status_code}",
                            retry=answer.status_code >= 500 or answer.status_code == 429)
    code, subcode = error.get("code"), error.get("error_subcode")
    retry = code in MESSENGER_RETRY_CODES or (answer.status_code >= 500
                                              and code not in MESSENGER_PERMANENT_CODES)
    meaning = MESSENGER_ERRORS.get(code, str(error.get("message") or "")[:200])
    if subcode == OUTSIDE_MESSENGER_WINDOW:
        meaning = "outside Messenger's 24-hour window"
    raise MetaRefused(f"Meta answered {answer.status_code} (code {code}"
                      f"{f'/{subcode}' if subcode else ''}: {meaning}; fbtrace_id "
                      f"{error.get('fbtrace_id')})", retry=retry, code=code, subcode=subcode)


def _after_refusal(recipient: str, error: MetaRefused) -> None:
    """What Meta's refusal says about the resident (the failure itself is recorded by
    `send`, with the other failed deliveries)."""
    try:
        if error.subcode == OUTSIDE_MESSENGER_WINDOW:
            store.close_window("messenger", recipient)
        if error.code == 551:  # blocked the Page: nothing more until they write again
            store.set_opted_out("messenger", recipient, True)
    except SQLAlchemyError:
        logger.exception("Could not record what Meta's refusal means for the resident")


def send_messenger(recipient: str, message: Dict[str, Any]) -> None:
    """Send one rendered message (text split at 2000 characters, buttons as quick replies
    on the last part) to `messenger:<PSID>`."""
    from bot.tone.render import split_text

    settings = messenger_settings()
    if not settings["token"]:
        raise DeliveryError("Messenger is not configured (MESSENGER_PAGE_ACCESS_TOKEN)",
                            retry=True)
    psid = recipient.split(":", 1)[1] if recipient.startswith("messenger:") else recipient
    messaging = messaging_for(recipient, message)
    chunks = split_text(str(message.get("text") or ""), MESSENGER_MAX_TEXT)
    replies = quick_replies(message.get("buttons") or [])
    outbox_id = message.get("outbox_id")
    for index, chunk in enumerate(chunks):
        content: Dict[str, Any] = {"text": chunk}
        if replies and index == len(chunks) - 1:
            content["quick_replies"] = replies
        body = {"recipient": {"id": psid}, **messaging, "message": content}
        try:
            message_id = _graph_post(settings, body)
        except MetaRefused as error:
            if not error.retry:
                log = logger.error
                if error.code == 190:
                    log("Messenger: the Page access token was refused; check "
                        "MESSENGER_PAGE_ACCESS_TOKEN")
                log("Messenger message refused for good: %s", error)
                _after_refusal(recipient, error)
            raise
        store.record_delivery(message_id, "messenger", outbox_id, status="sent",
                              recipient=recipient)
        logger.info("Meta took Messenger message %s (%s%s)", message_id,
                    messaging["messaging_type"],
                    f" {messaging['tag']}" if messaging.get("tag") else "")
