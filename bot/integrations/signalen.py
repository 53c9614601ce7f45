"""Thin typed client for Signalen (the municipality's report back office).

Written from upstream's own source, Amsterdam/signals at commit
adbe8fc77af20db807dff5322096e15d6a5b26de (v2.50.12, 2026-07-07):

- `app/signals/apps/api/urls.py`: `public/signals/` (POST create, GET `{uuid}`),
  `public/signals/{uuid}/attachments/`, `public/terms/categories/` with
  `{slug}/sub_categories/{sub_slug}`; private `private/signals/`.
- `app/signals/apps/api/serializers/signal.py`: `PublicSignalCreateSerializer` (the
  request) and `PublicSignalSerializerDetail` (the answer: `id`, `id_display`,
  `signal_id`, `status`, dates); `PrivateSignalSerializerList` (`signal_id`, `text`,
  `status.state`).
- `app/signals/apps/api/serializers/nested/status.py` and `api/app_settings.py`: the
  public answer's state is only `OPEN` or `CLOSED` (closed = o, a, s).
- `app/signals/throttling.py` and `app/signals/settings.py`: public POSTs are throttled
  per client address (`PUBLIC_THROTTLE_RATE`, default 60/hour); DRF answers 429 with
  `Retry-After`. `API_MAX_UPLOAD_SIZE` 20 MB; public attachments only
  `IMAGE_MIME_TYPES` (jpeg, png, gif; `signals/models/attachment.py`).
- `app/signals/apps/api/filters/signal.py`: the private list filters
  `created_after`/`created_before`/`updated_after` (used with a service account).
- `PrivateSignalSerializerDetail` (`PATCH private/signals/{id}`): a nested `status`
  (`serializers/nested/status.py`; needs `sia_signal_change_status`, text ≤ 10000, the
  transition allowed by `signals/workflow.py`) and `notes` (`serializers/nested/note.py`;
  needs `sia_signal_create_note`, text ≤ 3000). The resident's answer to "reactie gevraagd"
  is sent as upstream's own questionnaire does (`questionnaires/services/reaction_request.py`:
  state `reaction received`, the answer as text); an unhappy KTO answer as upstream's
  feedback form does (`feedback/rest_framework/serializers.py`: `reopen requested`).
- `private/signals/{id}/reporters/` (`views/signals/private/signal_reporters.py`,
  `serializers/signal_reporter.py`, `signals/models/reporter.py`, ADR
  `docs/adr/0004-reporter_updates.md`): a contact added after filing. POST `email`,
  `phone` (≤ 17) and the required `sharing_allowed` make a new reporter that replaces the
  current one as a whole; a new e-mail address waits (`verification_email_sent`) until the
  resident follows the link Signalen mails to it (`EMAIL_VERIFICATION_TOKEN_HOURS_VALID`,
  24 h by default), a changed phone number with the same or no e-mail is `approved` at
  once, no change is `cancelled`; an earlier request still waiting is cancelled. GET lists
  the signal's reporters, oldest first. Both need `sia_can_view_contact_details` and
  `sia_can_view_all_categories` (or a department that sees the signal's category),
  `generics/permissions.py` `ReporterPermission`; not `sia_write`.

CLI: `python -m bot.integrations.signalen check` (`make check-signalen`) compares the
profile's `reports.signalen_categories` with the live categories endpoint, and says
whether `SIGNALEN_REPLY_ADDRESS` is set, valid by Signalen's e-mail rules, what it gives
for an example case number, whether `SIGNALEN_TOKEN` opens the private API it relies on,
and warns when chat residents who want updates cannot be asked "reactie gevraagd".
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Set

import requests
from urllib3.exceptions import NewConnectionError

from bot import settings
from bot.integrations import DeliveryError

logger = logging.getLogger(__name__)

PUBLIC_SIGNALS = "/signals/v1/public/signals/"
PUBLIC_CATEGORIES = "/signals/v1/public/terms/categories/"
PRIVATE_SIGNALS = "/signals/v1/private/signals/"
# Workflow states the bot sets itself (with a service account), `signals/workflow.py`.
REACTION_RECEIVED = "reaction received"
REOPEN_REQUESTED = "reopen requested"
MAX_STATUS_TEXT = 10000  # Status.text
MAX_NOTE_TEXT = 3000     # Note.text
MAX_PHONE = 17           # Reporter.phone
REPORTERS = "reporters/"  # under private/signals/{id}/
# A reporter's states (`signals/models/reporter.py`, a django-fsm state machine).
REPORTER_APPROVED = "approved"
REPORTER_VERIFYING = "verification_email_sent"
REPORTER_CANCELLED = "cancelled"
IMAGE_MIME_TYPES = ("image/jpeg", "image/png", "image/gif")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DEFAULT_RETRY_AFTER = 60.0


class SignalenError(DeliveryError):
    """Signalen did not take the request."""


class SignalenRefused(SignalenError):
    """A 4xx: the request is wrong and sending it again will not help; `reason` is Signalen's."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"Signalen refused the request ({status}): {reason}", retry=False)
        self.status = status
        self.reason = reason


class SignalenThrottled(SignalenError):
    """A 429: try again after `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"Signalen throttled the request, retry after {retry_after:.0f} s",
                         retry=True)
        self.retry_after = retry_after


class SignalenUnavailable(SignalenError):
    """A 5xx, a timeout or no connection. `uncertain`: the request may have been processed."""

    def __init__(self, message: str, uncertain: bool = False) -> None:
        super().__init__(message, retry=True)
        self.uncertain = uncertain


class UnknownCategory(SignalenError):
    """A configured category slug that Signalen's public categories endpoint does not list."""

    def __init__(self, slug: str, known: Set[str]) -> None:
        main = slug.split("/")[0]
        near = sorted(s for s in known if s.startswith(main + "/"))[:8]
        hint = f"; known under '{main}': {', '.join(near)}" if near else ""
        super().__init__(f"Signalen has no active category '{slug}'{hint}", retry=False)
        self.slug = slug


@dataclass(frozen=True)
class CreatedSignal:
    """What PublicSignalSerializerDetail answers that we keep."""

    signal_id: str
    id: Optional[int]
    id_display: str


@dataclass(frozen=True)
class SignalState:
    """A state: `OPEN`/`CLOSED` (public API) or a workflow state (private API)."""

    state: str
    state_display: str
    private: bool
    text: str = ""                # the status text (private API): "reactie gevraagd"'s question
    number: Optional[int] = None  # Signalen's `id` (private API), for PATCHing the signal


@dataclass(frozen=True)
class SignalReporter:
    """One reporter of a signal (`SignalReporterSerializer`); the signal's current one is
    the newest `approved`, a new e-mail address waits until `expires`."""

    id: int
    email: Optional[str]
    phone: Optional[str]
    state: str
    expires: Optional[dt.datetime] = None

    def holds(self, email: Optional[str], phone: Optional[str]) -> bool:
        """Whether this reporter has exactly this e-mail address and phone number."""
        return (self.email or None, self.phone or None) == (email or None, phone or None)

    def waiting(self, now: dt.datetime) -> bool:
        """A new e-mail address whose link the resident can still follow (`now` in UTC)."""
        return (self.state == REPORTER_VERIFYING and self.expires is not None
                and self.expires > now.replace(tzinfo=dt.timezone.utc))


class SignalenClient:
    """Signalen's public API, and with `token` (a service account) the private signal list."""

    def __init__(self, base_url: str, timeout: Optional[float] = None, token: str = "",
                 categories_ttl: float = 3600.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = settings.SIGNALEN_TIMEOUT if timeout is None else timeout
        self.token = token
        self.categories_ttl = categories_ttl
        self._categories: Optional[Set[str]] = None
        self._categories_at = 0.0
        self._lock = threading.Lock()

    # Categories -------------------------------------------------------------------
    def categories(self, refresh: bool = False) -> Set[str]:
        """Active public sub-categories as 'main/sub' slugs, cached for `categories_ttl`."""
        with self._lock:
            fresh = time.monotonic() - self._categories_at < self.categories_ttl
            if self._categories is None or refresh or not fresh:
                self._categories = set(self._fetch_categories())
                self._categories_at = time.monotonic()
            return self._categories

    def _fetch_categories(self) -> Iterator[str]:
        url: Optional[str] = self.base_url + PUBLIC_CATEGORIES
        while url:
            body = self._request("GET", url)
            for main in body.get("results") or []:
                for sub in main.get("sub_categories") or []:
                    if sub.get("is_active", True):
                        yield f"{main['slug']}/{sub['slug']}"
            url = ((body.get("_links") or {}).get("next") or {}).get("href")

    def category_url(self, slug: str) -> str:
        """The `category.sub_category` URL for 'main/sub'; UnknownCategory names a wrong slug."""
        known = self.categories()
        if slug not in known:
            known = self.categories(refresh=True)
        if slug not in known:
            raise UnknownCategory(slug, known)
        main, sub = slug.split("/")
        return f"{self.base_url}{PUBLIC_CATEGORIES}{main}/sub_categories/{sub}"

    # Public signals ---------------------------------------------------------------
    def create_signal(self, payload: Dict[str, Any]) -> CreatedSignal:
        """POST a PublicSignalCreateSerializer body; return the new signal's ids."""
        body = self._request("POST", self.base_url + PUBLIC_SIGNALS, json=payload)
        try:
            return CreatedSignal(signal_id=str(body["signal_id"]), id=body.get("id"),
                                 id_display=str(body.get("id_display") or ""))
        except (KeyError, TypeError):
            # Created, but the answer cannot be read: the same as a lost answer.
            raise SignalenUnavailable("Signalen's answer has no signal_id", uncertain=True)

    def add_attachment(self, signal_id: str, filename: str, content: bytes,
                       content_type: str) -> None:
        """Add a photo; what the public endpoint would refuse is refused here already."""
        if content_type not in IMAGE_MIME_TYPES:
            raise SignalenRefused(400, f"Files of type '{content_type}' are not allowed!")
        if len(content) > MAX_UPLOAD_BYTES:
            raise SignalenRefused(400, "File too large (more than 20 MB)")
        self._request("POST", f"{self.base_url}{PUBLIC_SIGNALS}{signal_id}/attachments/",
                      files={"file": (filename, content, content_type)})

    def signal_status(self, signal_id: str) -> SignalState:
        """The public state (OPEN or CLOSED) of a signal by its signal_id."""
        body = self._request("GET", f"{self.base_url}{PUBLIC_SIGNALS}{signal_id}")
        status = body.get("status") or {}
        return SignalState(str(status.get("state", "")), str(status.get("state_display", "")),
                           private=False)

    # Private signals (service account) -------------------------------------------
    def changed_since(self, since: dt.datetime) -> Dict[str, SignalState]:
        """Workflow state per signal_id of every signal updated since `since`."""
        return {row["signal_id"]: _private_state(row)
                for row in self._private_list(updated_after=since)}

    def find_by_marker(self, marker: str, created_after: dt.datetime,
                       created_before: dt.datetime) -> Optional[CreatedSignal]:
        """The signal created in the window whose text contains `marker` (our case number)."""
        pattern = re.compile(re.escape(marker) + r"(?!\d)")
        for row in self._private_list(created_after=created_after, created_before=created_before):
            if pattern.search(str(row.get("text") or "")):
                return CreatedSignal(str(row["signal_id"]), row.get("id"), _id_display(row))
        return None

    def private_state(self, number: int) -> SignalState:
        """The workflow state and its text of one signal (GET private/signals/{id})."""
        self._need_service_account()
        return _private_state(self._request("GET", f"{self.base_url}{PRIVATE_SIGNALS}{number}"))

    def set_state(self, number: int, state: str, text: str, note: Optional[str] = None) -> None:
        """A status change (PATCH private/signals/{id}), with a note in the same request
        (Signalen applies both or neither); refused (400) when the workflow does not allow
        the change from the signal's present state."""
        body: Dict[str, Any] = {"status": {"state": state, "text": text[:MAX_STATUS_TEXT]}}
        if note:
            body["notes"] = [{"text": note[:MAX_NOTE_TEXT]}]
        self._patch(number, body)

    def add_note(self, number: int, text: str) -> None:
        """A note on the signal, for staff (PATCH private/signals/{id})."""
        self._patch(number, {"notes": [{"text": text[:MAX_NOTE_TEXT]}]})

    def reporters(self, number: int) -> List[SignalReporter]:
        """Every reporter the signal had, oldest first (GET private/signals/{id}/reporters/)."""
        self._need_service_account()
        url: Optional[str] = f"{self.base_url}{PRIVATE_SIGNALS}{number}/{REPORTERS}"
        found: List[SignalReporter] = []
        while url:
            body = self._request("GET", url)
            found += [_signal_reporter(row) for row in body.get("results") or []]
            url = ((body.get("_links") or {}).get("next") or {}).get("href")
        return sorted(found, key=lambda reporter: reporter.id)

    def add_reporter(self, number: int, email: Optional[str], phone: Optional[str],
                     sharing_allowed: bool = False) -> SignalReporter:
        """A new reporter for the signal (POST private/signals/{id}/reporters/), the whole
        contact; the answer's state says whether Signalen took it (`approved`), mailed a
        link to confirm the e-mail address first, or saw no change (`cancelled`)."""
        self._need_service_account()
        if email and not valid_email(email):
            raise SignalenRefused(400, "email: not an address Signalen accepts")
        if phone and len(phone) > MAX_PHONE:
            raise SignalenRefused(400, f"phone: longer than {MAX_PHONE} characters")
        body = {"email": email or None, "phone": phone or None,
                "sharing_allowed": sharing_allowed}
        return _signal_reporter(self._request(
            "POST", f"{self.base_url}{PRIVATE_SIGNALS}{number}/{REPORTERS}", json=body))

    def _patch(self, number: int, body: Dict[str, Any]) -> None:
        self._need_service_account()
        self._request("PATCH", f"{self.base_url}{PRIVATE_SIGNALS}{number}", json=body)

    def _need_service_account(self) -> None:
        if not self.token:
            raise SignalenRefused(401, "no service account configured (SIGNALEN_TOKEN)")

    def _private_list(self, **filters: dt.datetime) -> Iterator[Dict[str, Any]]:
        self._need_service_account()
        params: Optional[Dict[str, str]] = {
            key: value.replace(tzinfo=dt.timezone.utc).isoformat()
            for key, value in filters.items()}
        params["page_size"] = "100"
        url: Optional[str] = self.base_url + PRIVATE_SIGNALS
        while url:
            body = self._request("GET", url, params=params)
            yield from body.get("results") or []
            url, params = ((body.get("_links") or {}).get("next") or {}).get("href"), None

    # Transport --------------------------------------------------------------------
    def _request(self, method: str, url: str, **kwargs: Any) -> Dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = requests.request(method, url, timeout=self.timeout, headers=headers,
                                        **kwargs)
        except requests.RequestException as error:
            raise SignalenUnavailable(f"Signalen unreachable: {type(error).__name__}",
                                      uncertain=method == "POST" and _maybe_sent(error))
        return _answer(response)


def _answer(response: requests.Response) -> Dict[str, Any]:
    status = response.status_code
    if status == 429:
        raise SignalenThrottled(_retry_after(response.headers.get("Retry-After")))
    if status >= 500:
        # A gateway timeout may come after Signalen created the signal; only a POST creates.
        raise SignalenUnavailable(f"Signalen answered {status}",
                                  uncertain=status == 504 and _method(response) == "POST")
    body = _json(response)
    if status >= 400:
        raise SignalenRefused(status, drf_reason(body, response.text))
    return body if isinstance(body, dict) else {}


def _method(response: requests.Response) -> str:
    request = getattr(response, "request", None)
    return str(getattr(request, "method", "") or "").upper()


def _maybe_sent(error: requests.RequestException) -> bool:
    """False only when the connection was never made, so nothing reached Signalen."""
    if isinstance(error, requests.ConnectTimeout):
        return False
    if isinstance(error, requests.ConnectionError):
        reason = getattr(error.args[0], "reason", None) if error.args else None
        return not isinstance(reason, NewConnectionError)
    return True


def _retry_after(value: Optional[str]) -> float:
    try:
        return max(float(value or ""), 1.0)
    except ValueError:
        return DEFAULT_RETRY_AFTER


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def drf_reason(body: Any, text: str = "") -> str:
    """One line from a DRF error body: {"detail": …}, {"field": ["…"]}, ["…"] or nested."""
    parts: List[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, key if key in ("detail", "non_field_errors") and not path
                     else f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, path)
        else:
            parts.append(f"{path}: {value}" if path and path != "detail" else str(value))

    walk(body, "")
    return "; ".join(parts)[:500] or text[:500] or "no reason given"


def _id_display(row: Dict[str, Any]) -> str:
    """'SIG-<id>' as staff know it (the private list row has `id`, not `id_display`)."""
    return str(row.get("id_display") or (f"SIG-{row['id']}" if row.get("id") else ""))


def _private_state(row: Dict[str, Any]) -> SignalState:
    status = row.get("status") or {}
    return SignalState(str(status.get("state", "")), str(status.get("state_display", "")),
                       private=True, text=str(status.get("text") or ""),
                       number=row.get("id"))


def _signal_reporter(row: Dict[str, Any]) -> SignalReporter:
    """A `SignalReporterSerializer` answer; one without `id` or `state` is unreadable."""
    try:
        expires = row.get("email_verification_token_expires")
        return SignalReporter(int(row["id"]), row.get("email") or None,
                              row.get("phone") or None, str(row["state"]),
                              _moment(expires) if expires else None)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise SignalenUnavailable("Signalen's reporter answer cannot be read")


def _moment(value: str) -> dt.datetime:
    """An ISO 8601 time from DRF, aware (a naive one is taken as UTC)."""
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


# The reporter's e-mail is a Django `EmailField` (`signals/models/reporter.py`, Django
# 4.2.30 per `requirements/requirements.txt`): at most 254 characters, and
# `django.core.validators.EmailValidator`'s dot-atom user part and domain (IDN domains as
# punycode). Quoted user parts and IP literals, which Django also takes, are refused here.
MAX_EMAIL = 254
EMAIL_USER = re.compile(r"^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\Z",
                        re.IGNORECASE)
EMAIL_DOMAIN = re.compile(r"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)"
                          r"(?:[A-Z0-9-]{2,63}(?<!-))\Z", re.IGNORECASE)


def valid_email(address: str) -> bool:
    """Whether Signalen takes `address` as a reporter's e-mail."""
    if not address or "@" not in address or len(address) > MAX_EMAIL:
        return False
    user, domain = address.rsplit("@", 1)
    if not EMAIL_USER.match(user):
        return False
    if domain == "localhost" or EMAIL_DOMAIN.match(domain):
        return True
    try:
        return bool(EMAIL_DOMAIN.match(domain.encode("idna").decode("ascii")))
    except UnicodeError:
        return False


def check_categories(client: SignalenClient, configured: Dict[str, str]) -> List[str]:
    """Problems with the configured intent → category slugs; empty when all exist."""
    known = client.categories(refresh=True)
    return [f"{intent}: {UnknownCategory(slug, known)}"
            for intent, slug in sorted(configured.items()) if slug not in known]


def check_service_account(client: SignalenClient) -> Optional[str]:
    """Why the service account cannot read the private API (what the status poll and
    the answers to "reactie gevraagd" need); None when it can."""
    try:
        client.changed_since(dt.datetime.utcnow())
    except SignalenError as error:
        return str(error)
    return None


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Try the Signalen configuration.")
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--url", default=settings.SIGNALEN_URL,
                        help="Signalen base URL (SIGNALEN_URL)")
    parser.add_argument("--reply-address", default=settings.SIGNALEN_REPLY_ADDRESS,
                        help="the reply address to try (SIGNALEN_REPLY_ADDRESS)")
    args = parser.parse_args(argv)
    token = settings.SIGNALEN_TOKEN
    reply_code = _report_reply_address(args.reply_address, bool(token))
    if not args.url:
        print("SIGNALEN_URL is not set: reports stay local.")
        return 2
    client = SignalenClient(args.url, settings.SIGNALEN_TIMEOUT, token)
    account_code = _report_service_account(client) if token else 0
    return max(reply_code, account_code, _report_categories(client, args.url))


def _report_reply_address(template: str, service_account: bool) -> int:
    """Print what the reply address gives; 1 when Signalen would refuse it."""
    from bot.reports.reply_address import ERROR, findings

    found = findings(template, service_account)
    for finding in found:
        print(f"{finding.level.upper()}: {finding.text}")
    return 1 if any(finding.level == ERROR for finding in found) else 0


def _report_service_account(client: SignalenClient) -> int:
    """Print whether SIGNALEN_TOKEN opens the private API (the status poll, staff's
    questions, the answers, the reply address); 1 when it does not."""
    refused = check_service_account(client)
    if refused:
        print(f"ERROR: SIGNALEN_TOKEN cannot read Signalen's private signals ({refused}): "
              "the bot cannot read staff's questions or pass residents' answers back.")
        return 1
    print("OK: SIGNALEN_TOKEN reads Signalen's private signals: staff's questions reach "
          "residents in their chat and their answers reach Signalen.")
    return 0


def _report_categories(client: SignalenClient, url: str) -> int:
    """Print the profile's categories that Signalen does not know; 1 for any, 2 when
    Signalen cannot be read."""
    from bot.profile import profile

    configured = profile().reports.signalen_categories
    try:
        problems = check_categories(client, configured)
    except SignalenError as error:
        print(f"Cannot read Signalen's categories: {error}")
        return 2
    for problem in problems:
        print(problem)
    if not problems:
        print(f"All {len(configured)} configured categories exist in {url}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
