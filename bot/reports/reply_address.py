"""The reply address: a mailbox of the municipality as the e-mail of a chat-only reporter.

Signalen lets staff ask the reporter a question ("reactie gevraagd") only when the reporter
has an e-mail address (`serializers/nested/status.py`: "No email address known for signal
with ID …"). A resident on WhatsApp, SMS, Telegram or the web chat who asked for updates
often left none. With `SIGNALEN_REPLY_ADDRESS` (`{case}` becomes the case number, for
plus-addressing: `chat-meldingen+{case}@gemeente.nl`) and a service account
(`SIGNALEN_TOKEN`: without one the bot cannot pass an answer back), such a reporter is sent
with that address as `email`. Staff can then ask; the status poll reads the question, the
bot asks it in the resident's own channel, and the answer goes back as `reaction received`
(`bot/reports/answers.py`). A resident's own e-mail always goes first.

What else Signalen does with the address: it e-mails the reporter itself (the thanks for a
new signal, status news staff choose to e-mail, the question with a link to its own form,
the "afgehandeld" mail with the satisfaction (KTO) form, a reopening). Those mails, with the
signal's text and place, land in the municipality's mailbox, never with the resident, who
hears the same news from the bot in their channel (with the service account also the
question and the KTO). Nobody at the mailbox should answer Signalen's forms: an answer given
there first turns the resident's later answer into a note. Staff who see the address in
Signalen reach the mailbox, not the resident. The address holds no personal data: the
municipality's mailbox and at most the case number.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import List, Optional

from bot.integrations.signalen import valid_email

logger = logging.getLogger(__name__)

SETTING = "SIGNALEN_REPLY_ADDRESS"
CASE = "{case}"
# A case number as bot.reports.service makes them, to check the setting before any report.
EXAMPLE_CASE = "M-2026-000001"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def fill(template: str, case_number: str) -> str:
    """The address for one report: `{case}` replaced by its case number."""
    return template.replace(CASE, case_number)


def problem(template: str) -> Optional[str]:
    """Why Signalen would refuse the setting as a reporter's e-mail; None when it is fine
    (or empty: not used)."""
    if not template:
        return None
    unknown = [name for name in PLACEHOLDER.findall(template) if name != CASE]
    if unknown:
        return (f"{SETTING}={template!r}: only {CASE} is filled in (the case number), "
                f"not {', '.join(unknown)}")
    example = fill(template, EXAMPLE_CASE)
    if not valid_email(example):
        return (f"{SETTING}={template!r} is no e-mail address Signalen accepts (filled in: "
                f"{example!r}); for example chat-meldingen+{CASE}@gemeente.nl")
    return None


OK, WARNING, ERROR = "ok", "warning", "error"
# What a chat resident who wants updates loses when the reply address cannot be used.
NO_QUESTIONS = ("WhatsApp, SMS and Telegram residents (and web-chat residents who left no "
                "e-mail) who want updates reach Signalen without an e-mail address, so staff "
                "cannot set \"reactie gevraagd\" for their reports (Signalen refuses it)")


@dataclass(frozen=True)
class Finding:
    """One line of `make check-signalen` about the reply address: `level` OK, WARNING or
    ERROR (Signalen would refuse the setting: every such report would be refused)."""

    level: str
    text: str


def findings(template: str, service_account: bool,
             case_number: str = EXAMPLE_CASE) -> List[Finding]:
    """What `make check-signalen` says about the setting: whether it is set, valid by
    Signalen's e-mail rules, what it gives for `case_number`, and whether chat residents
    can be asked "reactie gevraagd"."""
    if not template:
        return [Finding(WARNING, f"{SETTING} is not set: {NO_QUESTIONS}.")]
    reason = problem(template)
    if reason:
        return [Finding(ERROR, reason)]
    result = [Finding(OK, f"{SETTING}={template!r} is an e-mail address Signalen accepts; "
                          f"for case {case_number} the reporter's e-mail would be "
                          f"{fill(template, case_number)}")]
    if CASE not in template:
        result.append(Finding(OK, f"{SETTING} has no {CASE}: every chat report has the same "
                                  "address (Signalen's mails cannot be told apart by case)"))
    if not service_account:
        result.append(Finding(WARNING, f"{SETTING} is set but SIGNALEN_TOKEN is not: the "
                                       "address is not sent (the bot could not pass the "
                                       f"answer back), so {NO_QUESTIONS}."))
    return result


def check(template: str, service_account: bool) -> None:
    """At start: raise ValueError for a setting Signalen would refuse; warn when it is set
    but unused for want of a service account."""
    reason = problem(template)
    if reason:
        raise ValueError(reason)
    if template and not service_account:
        logger.warning("%s is not used without SIGNALEN_TOKEN: the bot could not pass the "
                       "resident's answer back to Signalen", SETTING)


def reply_address(case_number: str, service_account: bool,
                  template: Optional[str] = None) -> Optional[str]:
    """The reporter's e-mail for a resident who wants updates and left none; None without
    the setting, without a service account, or when the setting is invalid (checked at
    start; never sent, Signalen would refuse the whole report)."""
    if template is None:
        from bot import settings

        template = settings.SIGNALEN_REPLY_ADDRESS
    if not template or not service_account:
        return None
    address = fill(template, case_number)
    if problem(template) or not valid_email(address):
        logger.error("%s gives no valid e-mail address for %s; reporter sent without it",
                     SETTING, case_number)
        return None
    return address
