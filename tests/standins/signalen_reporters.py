"""The Signalen stand-in's reporters: changing a signal's reporter after filing.

Mirrors Amsterdam/signals at commit adbe8fc77af20db807dff5322096e15d6a5b26de (v2.50.12):

- `app/signals/apps/api/serializers/signal_reporter.py` (`SignalReporterSerializer`):
  writable `email` (Django `EmailField`, null and blank allowed, ≤ 254, trimmed), `phone`
  (≤ 17, null and blank allowed, no format), `sharing_allowed` (a required DRF
  `BooleanField`); read-only and unknown fields are ignored. Its `create` cancels every
  reporter still `new` or `verification_email_sent`, makes a new one, and then: an e-mail
  address other than the current reporter's → `verification_email_sent` (mails
  `notify_current_reporter` to the current address, if any, and `verify_email_reporter`
  with `{FRONTEND_URL}/verify_email/{token}` to the new one, token valid
  `EMAIL_VERIFICATION_TOKEN_HOURS_VALID` = 24 h); else a changed phone number with no or the
  same e-mail address → `approved` (the signal's reporter now; `confirm_reporter_updated`
  to its address, if any); else → `cancelled`. The answer (201) is the serializer's shape.
- `app/signals/apps/signals/models/reporter.py`: the states and transition conditions
  above (`verify_email`, `approve`, `cancel`, which clears the token); the original
  reporter of a public create is `approved` at once (`signals/managers.py`).
- `app/signals/apps/api/views/signals/private/signal_reporters.py` and
  `generics/permissions.py` (`ReporterPermission`): POST and GET (HAL list, oldest first,
  `?state=` filter from `filters/signal_reporter.py`) need `sia_can_view_contact_details`
  (else 403, checked before the signal is looked up: 404 only with it) and
  `sia_can_view_all_categories` (departments that see a category are not modelled: without
  it the account is refused as one without such a department); not `sia_write`.
- `app/signals/apps/api/views/email_verification.py` and `serializers/email_verification.py`:
  `POST public/reporter/verify-email` with `token` (what Signalen's frontend sends when the
  resident follows the link): "Token not found!", "Token already verified!", "Invalid
  token!", "Token expired!", else the reporter is approved and the answer echoes the token.
- the history lines of `signal_reporter.py` and `email_verification.py` in `log`.

A template missing from Signalen's e-mail templates (`missing_templates`) makes the mailing
fail and the whole request answer 500 with nothing kept, as `EmailTemplateRenderer` raises
inside the transaction. The cancel endpoint (`reporters/{id}/cancel`) is not modelled.
DRF's messages are its 3.15.2 Dutch ones (`LANGUAGE_CODE` nl-NL).
"""
from __future__ import annotations

import datetime as dt
import itertools
import secrets
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

NEW, VERIFYING, APPROVED, CANCELLED = "new", "verification_email_sent", "approved", "cancelled"
STATES = (NEW, VERIFYING, CANCELLED, APPROVED)
CONTACT_DETAILS = "sia_can_view_contact_details"
ALL_CATEGORIES = "sia_can_view_all_categories"
NOTIFY_CURRENT = "notify_current_reporter"
VERIFY_EMAIL = "verify_email_reporter"
CONFIRM_UPDATED = "confirm_reporter_updated"
TEMPLATES = frozenset({NOTIFY_CURRENT, VERIFY_EMAIL, CONFIRM_UPDATED})
# DRF 3.15.2's field messages in Dutch (some have no Dutch translation there).
REQUIRED = "Dit veld is vereist."
NOT_NULL = "Dit veld mag niet leeg zijn."
NOT_A_STRING = "Not a valid string."
NOT_A_BOOLEAN = '"{input}" is not a valid boolean.'
NOT_A_DICT = "Ongeldige data. Verwacht een dictionary, kreeg een {datatype}."
MAX_LENGTH = "Zorg ervoor dat dit veld niet meer dan {n} karakters bevat."
BAD_CHOICE = "Selecteer een geldige keuze. {value} is geen beschikbare keuze."
# DRF BooleanField's TRUE_VALUES and FALSE_VALUES.
TRUE_VALUES = {"t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On",
               "ON", "1", 1, True}
FALSE_VALUES = {"f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
                "OFF", "0", 0, 0.0, False}
Errors = Dict[str, Any]


class Mail(NamedTuple):
    """A mail Signalen sent: to whom, which template, the template's own context."""

    to: str
    template: str
    context: Dict[str, str]


class TemplateMissing(Exception):
    """Signalen has no e-mail template with this key: the request fails (500)."""


def reporter_errors(body: Any, email_errors) -> Tuple[Errors, Dict[str, Any]]:
    """SignalReporterSerializer's validation: (errors, the validated fields)."""
    if not isinstance(body, dict):
        return {"non_field_errors": [NOT_A_DICT.format(datatype=type(body).__name__)]}, {}
    errors: Errors = {}
    data: Dict[str, Any] = {}
    for name, limit in (("email", 254), ("phone", 17)):
        if name in body:
            problems, data[name] = _char_field(body[name], limit)
            if not problems and name == "email" and data[name]:
                problems = email_errors(data[name]) or []
            if problems:
                errors[name] = problems
    problem, data["sharing_allowed"] = _boolean_field(body, "sharing_allowed")
    if problem:
        errors["sharing_allowed"] = problem
    return errors, data


def _char_field(value: Any, limit: int) -> Tuple[List[str], Optional[str]]:
    """A CharField with allow_null and allow_blank, trimmed, with its max_length."""
    if value is None:
        return [], None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return [NOT_A_STRING], None
    text = str(value).strip()
    return ([MAX_LENGTH.format(n=limit)] if len(text) > limit else []), text


def _boolean_field(body: Dict[str, Any], name: str) -> Tuple[Optional[List[str]], Any]:
    if name not in body:
        return [REQUIRED], None
    value = body[name]
    if value is None:
        return [NOT_NULL], None
    try:
        if value in TRUE_VALUES:
            return None, True
        if value in FALSE_VALUES:
            return None, False
    except TypeError:  # a list or an object
        pass
    return [NOT_A_BOOLEAN.format(input=value)], None


def _token_field(body: Any) -> Optional[str]:
    """EmailVerificationSerializer's `token`, a required CharField: its problem, if any."""
    if not isinstance(body, dict):
        return NOT_A_DICT.format(datatype=type(body).__name__)
    if "token" not in body:
        return REQUIRED
    value = body["token"]
    if value is not None and (isinstance(value, bool)
                              or not isinstance(value, (str, int, float))):
        return NOT_A_STRING
    return None if value is not None and str(value).strip() else NOT_NULL


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Reporters:
    """Every signal's reporters, their state machine, and the mails and history it makes."""

    def __init__(self, frontend_url: str, hours_valid: float = 24.0) -> None:
        self.frontend_url = frontend_url
        self.hours_valid = hours_valid
        self.missing_templates: frozenset = frozenset()
        self.by_signal: Dict[str, List[Dict[str, Any]]] = {}
        self.mails: List[Mail] = []
        self.log: Dict[str, List[str]] = {}  # signal_id → history descriptions
        self._ids = itertools.count(1)

    # The state machine ------------------------------------------------------------
    def original(self, signal_id: str, given: Dict[str, Any]) -> None:
        """The reporter of a public create ('' as None, as the nested serializer does)."""
        reporter = self._new(given.get("email") or None, given.get("phone") or None,
                             bool(given.get("sharing_allowed")))
        reporter["state"] = APPROVED
        self.by_signal[signal_id] = [reporter]

    def current(self, signal_id: str) -> Dict[str, Any]:
        """The signal's reporter: the newest approved one."""
        return [r for r in self.by_signal[signal_id] if r["state"] == APPROVED][-1]

    def add(self, signal_id: str, data: Dict[str, Any]) -> Dict[str, Any]:
        """SignalReporterSerializer.create; TemplateMissing leaves everything as it was."""
        reporters = self.by_signal[signal_id]
        saved = [dict(r) for r in reporters], len(self.mails), list(self.log.get(signal_id, []))
        try:
            return self._add(signal_id, reporters, data)
        except TemplateMissing:
            self.by_signal[signal_id] = saved[0]
            del self.mails[saved[1]:]
            self.log[signal_id] = saved[2]
            raise

    def _add(self, signal_id: str, reporters: List[Dict[str, Any]],
             data: Dict[str, Any]) -> Dict[str, Any]:
        old = self.current(signal_id)
        for earlier in reporters:
            if earlier["state"] in (NEW, VERIFYING):
                earlier.update(state=CANCELLED, token=None, updated_at=now().isoformat())
        new = self._new(data.get("email"), data.get("phone"), data["sharing_allowed"])
        reporters.append(new)
        if new["email"] and new["email"] != old["email"]:
            self._send_verification(signal_id, new, old)
        elif old["phone"] != new["phone"] and new["email"] in (None, old["email"]):
            self._approve(signal_id, new)
            self._log_changes(signal_id, old, new)
        else:
            new.update(state=CANCELLED, token=None)
            self._log(signal_id, "Verzoek tot wijzigen contactgegevens geannuleerd.")
        return new

    def _new(self, email: Optional[str], phone: Optional[str], sharing: bool) -> Dict[str, Any]:
        moment = now().isoformat()
        return {"id": next(self._ids), "email": email, "phone": phone,
                "sharing_allowed": sharing, "state": NEW, "token": None, "expires": None,
                "email_verified": False, "created_at": moment, "updated_at": moment}

    def _send_verification(self, signal_id: str, new: Dict[str, Any],
                           old: Dict[str, Any]) -> None:
        if old["email"]:
            self._mail(old["email"], NOTIFY_CURRENT, {})
        token = secrets.token_urlsafe()
        new.update(state=VERIFYING, token=token, email_verified=False,
                   expires=now() + dt.timedelta(hours=self.hours_valid))
        self._mail(new["email"], VERIFY_EMAIL,
                   {"verification_url": f"{self.frontend_url}/verify_email/{token}"})
        self._log(signal_id, "E-mail verificatie verzonden.")

    def _approve(self, signal_id: str, reporter: Dict[str, Any]) -> None:
        if reporter["email"]:
            self._mail(reporter["email"], CONFIRM_UPDATED, {})
        reporter.update(state=APPROVED, updated_at=now().isoformat())

    def _log_changes(self, signal_id: str, old: Dict[str, Any], new: Dict[str, Any]) -> None:
        if old["phone"] != new["phone"]:
            self._log(signal_id, "Telefoonnummer is gewijzigd.")
        if old["email"] != new["email"]:
            self._log(signal_id, "E-mailadres is gewijzigd.")

    def _mail(self, to: str, template: str, context: Dict[str, str]) -> None:
        if template in self.missing_templates:
            raise TemplateMissing(template)
        self.mails.append(Mail(to, template, context))

    def _log(self, signal_id: str, description: str) -> None:
        self.log.setdefault(signal_id, []).append(description)

    # Verification (the resident follows the link) ----------------------------------
    def verify(self, body: Any) -> Tuple[int, Any, Optional[str]]:
        """POST public/reporter/verify-email: (HTTP status, answer, the signal changed)."""
        problem = _token_field(body)
        if problem:
            return 400, {"token" if isinstance(body, dict) else "non_field_errors": [problem]}, \
                None
        token = str(body["token"]).strip()
        found = self._by_token(token)
        problem = self._token_problem(found)
        if problem:
            return 400, {"token": [problem]}, None
        signal_id, reporter = found
        old = self.current(signal_id)
        reporter["email_verified"] = True
        self._approve(signal_id, reporter)
        self._log(signal_id, "E-mailadres is geverifieerd door de melder.")
        self._log(signal_id, "E-mailadres is gewijzigd.")
        if old["phone"] != reporter["phone"]:
            self._log(signal_id, "Telefoonnummer is gewijzigd.")
        return 200, {"token": token}, signal_id

    def _by_token(self, token: str) -> Optional[Tuple[str, Dict[str, Any]]]:
        return next(((signal_id, r) for signal_id, reporters in self.by_signal.items()
                     for r in reporters if r["token"] == token), None)

    @staticmethod
    def _token_problem(found: Optional[Tuple[str, Dict[str, Any]]]) -> Optional[str]:
        if found is None:
            return "Token not found!"
        reporter = found[1]
        if reporter["email_verified"]:
            return "Token already verified!"
        if reporter["expires"] is None:
            return "Invalid token!"
        if reporter["expires"] < now():
            return "Token expired!"
        return None

    def token_for(self, email: str) -> Optional[str]:
        """The token in the newest verification mail to `email` (what the resident clicks)."""
        urls = [m.context["verification_url"] for m in self.mails
                if m.to == email and m.template == VERIFY_EMAIL]
        return urls[-1].rsplit("/", 1)[-1] if urls else None

    # Answers ------------------------------------------------------------------------
    @staticmethod
    def detail(reporter: Dict[str, Any]) -> Dict[str, Any]:
        """SignalReporterSerializer's answer (the caller may see contact details)."""
        expires = reporter["expires"]
        return {"id": reporter["id"], "email": reporter["email"], "phone": reporter["phone"],
                "allows_contact": True, "sharing_allowed": reporter["sharing_allowed"],
                "state": reporter["state"],
                "email_verification_token_expires": expires.isoformat() if expires else None,
                "created_at": reporter["created_at"], "updated_at": reporter["updated_at"]}

    def listing(self, signal_id: str, state: Optional[str], href: str) -> Tuple[int, Any]:
        """The HAL list, oldest first, filtered by `state`."""
        if state is not None and state not in STATES:
            return 400, {"state": [BAD_CHOICE.format(value=state)]}
        rows = [self.detail(r) for r in self.by_signal[signal_id]
                if state is None or r["state"] == state]
        return 200, {"_links": {"self": {"href": href}, "next": {"href": None},
                                "previous": {"href": None}},
                     "count": len(rows), "results": rows}
