"""A local stand-in for the Telegram Bot API, checking requests the way Telegram does.

Methods under /bot<token>/ (401 for another token): getMe, sendMessage (chat_id and
text required, text at most 4096 characters, parse_mode HTML must parse with only
Telegram's tags, inline keyboards with callback data of at most 64 bytes),
answerCallbackQuery, setWebhook (https URL, secret token of allowed characters) and
getFile; files under /file/bot<token>/. `fail_with` makes sendMessage fail.

Errors are the Bot API's JSON (https://core.telegram.org/bots/api#making-requests):
`{"ok": false, "error_code": <HTTP status>, "description": …}`, with the HTTP status of
`error_code` (python-telegram-bot 22 turns 403 into Forbidden, 400 into BadRequest,
401/404 into InvalidToken: telegram/request/_baserequest.py). A chat in `blocked`
answers sendMessage with 403 "Forbidden: bot was blocked by the user" (the resident
stopped the bot), a chat in `missing_chats` with 400 "Bad Request: chat not found".
"""
from __future__ import annotations

import cgi
import json
import re
from html.parser import HTMLParser
from typing import Any, Dict, List, Optional, Set
from urllib.parse import parse_qs, urlparse

from tests.standins.base import StandIn, StandInHandler

PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code",
                "pre", "tg-spoiler", "blockquote", "span"}
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class TelegramHtml(HTMLParser):
    """Fails the way Telegram does on unknown or unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: List[str] = []
        self.problem: Optional[str] = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in ALLOWED_TAGS:
            self.problem = f"Unsupported start tag \"{tag}\""
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problem = f"Unexpected end tag \"{tag}\""


def html_problem(text: str) -> Optional[str]:
    if re.search(r"<(?![/a-z])|&(?!(?:amp|lt|gt|quot|#\d+);)", text):
        return "Can't parse entities: unescaped < or &"
    parser = TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.problem:
        return f"Can't parse entities: {parser.problem}"
    return "Can't parse entities: unclosed tag" if parser.open else None


def keyboard_problem(markup: Any) -> Optional[str]:
    rows = (markup or {}).get("inline_keyboard")
    if not isinstance(rows, list):
        return "reply markup must have inline_keyboard"
    for row in rows:
        for button in row:
            if not button.get("text"):
                return "text buttons are unallowed in the inline keyboard"
            if len(str(button.get("callback_data", "")).encode()) > 64:
                return "BUTTON_DATA_INVALID"
    return None


class TelegramHandler(StandInHandler):
    def _method(self) -> Optional[str]:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", urlparse(self.path).path)
        if not match:
            return None
        if match.group(1) != self.standin.token:
            self.send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return ""
        return match.group(2)

    def _params(self) -> Dict[str, Any]:
        kind = self.headers.get("Content-Type", "").split(";")[0]
        params: Dict[str, Any] = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        if kind == "application/json":
            params.update(json.loads(self.body() or b"{}"))
        elif kind == "application/x-www-form-urlencoded":
            params.update({k: v[0] for k, v in parse_qs(self.body().decode()).items()})
        elif kind == "multipart/form-data":
            form = cgi.FieldStorage(fp=self.rfile, headers=self.headers,
                                    environ={"REQUEST_METHOD": "POST"})
            params.update({key: form.getfirst(key) for key in form.keys()})
        return params

    def _ok(self, result: Any) -> None:
        self.send(200, {"ok": True, "result": result})

    def _bad(self, description: str, code: int = 400) -> None:
        self.send(code, {"ok": False, "error_code": code,
                         "description": f"Bad Request: {description}"})

    def do_GET(self) -> None:
        if self.path.startswith(f"/file/bot{self.standin.token}/"):
            return self.send(200, PHOTO, "image/jpeg")
        self.do_POST()

    def do_POST(self) -> None:
        method = self._method()
        if method == "":
            return
        if method:
            self.standin.calls.append(method)
        handler = getattr(self, f"_{method}", None) if method else None
        if handler is None:
            return self.send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        handler(self._params())

    def _getMe(self, params: Dict[str, Any]) -> None:
        self._ok({"id": 4242, "is_bot": True, "first_name": "Gemeente",
                  "username": "gemeente_test_bot"})

    def _sendMessage(self, params: Dict[str, Any]) -> None:
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, {
                "ok": False, "error_code": self.standin.fail_with,
                "description": "Internal Server Error"})
        text, chat_id = params.get("text") or "", params.get("chat_id")
        if not chat_id:
            return self._bad("chat_id is empty")
        if str(chat_id) in self.standin.blocked:
            return self.send(403, {"ok": False, "error_code": 403,
                                   "description": "Forbidden: bot was blocked by the user"})
        if str(chat_id) in self.standin.missing_chats:
            return self._bad("chat not found")
        if not text.strip():
            return self._bad("message text is empty")
        if len(text) > 4096:
            return self._bad("message is too long")
        if params.get("parse_mode") == "HTML" and html_problem(text):
            return self._bad(html_problem(text))
        markup = params.get("reply_markup")
        if markup is not None:
            markup = json.loads(markup) if isinstance(markup, str) else markup
            if keyboard_problem(markup):
                return self._bad(keyboard_problem(markup))
        self.standin.sent.append({"chat_id": str(chat_id), "text": text,
                                  "parse_mode": params.get("parse_mode"),
                                  "reply_markup": markup})
        self._ok({"message_id": len(self.standin.sent), "date": 1700000000, "text": text,
                  "chat": {"id": int(chat_id), "type": "private"}})

    def _answerCallbackQuery(self, params: Dict[str, Any]) -> None:
        self.standin.answered.append(params.get("callback_query_id"))
        self._ok(True)

    def _setWebhook(self, params: Dict[str, Any]) -> None:
        if not str(params.get("url", "")).startswith("https://"):
            return self._bad("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("secret_token") and not SECRET_TOKEN.match(params["secret_token"]):
            return self._bad("secret token contains unallowed characters")
        self.standin.webhook = params
        self._ok(True)

    def _getFile(self, params: Dict[str, Any]) -> None:
        if not params.get("file_id"):
            return self._bad("file_id is empty")
        self._ok({"file_id": params["file_id"], "file_unique_id": "u1", "file_size": len(PHOTO),
                  "file_path": "photos/file_1.jpg"})


class TelegramStandIn(StandIn):
    handler = TelegramHandler

    def __init__(self, token: str) -> None:
        self.token = token
        self.sent: List[Dict[str, Any]] = []
        self.answered: List[str] = []
        self.calls: List[str] = []  # Bot API methods called, in order
        self.webhook: Dict[str, Any] = {}
        self.blocked: Set[str] = set()  # chat ids whose resident blocked the bot
        self.missing_chats: Set[str] = set()  # chat ids Telegram does not know
        super().__init__()

    def texts_to(self, chat_id: str) -> List[str]:
        return [m["text"] for m in self.sent if m["chat_id"] == str(chat_id)]
