"""A console user for the API tests: keeps the session cookie and the CSRF token."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from typing import Dict, Optional, Tuple
from urllib.parse import quote, urlencode


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: Optional[Dict[str, str]] = None, cookie: str = "",
          headers: Optional[Dict[str, str]] = None) -> Tuple[int, Dict[str, str], str]:
    body = urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={
        **({"Cookie": f"console_session={cookie}"} if cookie else {}),
        **({"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}),
        **(headers or {})})
    try:
        with _opener.open(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class ConsoleUser:
    """Logged in as `username`; `address` is sent as X-Forwarded-For (a console behind a
    proxy, SANIC_PROXIES_COUNT=1, takes it as the colleague's address)."""

    def __init__(self, base: str, username: str, password: str, address: str = "") -> None:
        self.base = base
        self.headers = {"X-Forwarded-For": address} if address else {}
        status, headers, _ = fetch(f"{base}/console/login",
                                   {"username": username, "password": password},
                                   headers=self.headers)
        assert status == 303, f"login failed for {username}: {status}"
        self.cookie = re.search(r"console_session=([^;]+)", headers["Set-Cookie"]).group(1)
        self.csrf = re.search(r'data-csrf="([^"]+)"', self.get("/console/password")[1]).group(1)

    def get(self, path: str) -> Tuple[int, str]:
        status, _, body = fetch(self.base + path, cookie=self.cookie, headers=self.headers)
        return status, body

    def post(self, path: str, csrf: Optional[str] = None, **fields: str) -> Tuple[int, str]:
        token = self.csrf if csrf is None else csrf
        status, _, body = fetch(self.base + path, {"csrf_token": token, **fields},
                                cookie=self.cookie, headers=self.headers)
        return status, body


def conversation_path(sender: str, action: str = "") -> str:
    path = f"/console/conversations/{quote(sender, safe=':+@')}"
    return f"{path}/{action}" if action else path
