"""WhatsApp templates for messages outside the 24-hour window (whatsapp_templates.yml).

A held message chooses a template by what it is (a status update, a colleague's reply,
anything else); the template's variables are filled from the profile and the held
message. A template without a content SID is a clear error, not a silent drop.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

from bot.profile import profile
from bot.settings import WHATSAPP_TEMPLATES_FILE

PURPOSES = ("status_update", "staff_reply", "reply_waiting")
VARIABLES = ("municipality", "case_number")
CASE_NUMBER = re.compile(r"\bM-\d{4}-\d{6}\b")
STATUS_PREFIX = "utter_report_status_"
# Other news about a report that a status update brings: the municipality's question
# ("reactie gevraagd", asked instead of the status message).
REPORT_NEWS = ("utter_report_reaction_question",)


class TemplateError(ValueError):
    """whatsapp_templates.yml is wrong or a template is not configured; names the key."""


@dataclass(frozen=True)
class Template:
    name: str
    content_sid: str
    variables: Dict[str, str]  # placeholder → source
    used_for: str


def load_templates(path: Path = WHATSAPP_TEMPLATES_FILE) -> Dict[str, Template]:
    """The templates by purpose; raises TemplateError naming the wrong key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise TemplateError(f"{path}: {error}") from error
    by_purpose: Dict[str, Template] = {}
    for name, entry in (data.get("templates") or {}).items():
        if not isinstance(entry, dict):
            raise TemplateError(f"{path}: templates.{name} must be a mapping")
        purpose = entry.get("used_for", name)
        if purpose not in PURPOSES:
            raise TemplateError(f"{path}: templates.{name}.used_for must be one of {PURPOSES}")
        variables = {str(k): str(v) for k, v in (entry.get("variables") or {}).items()}
        unknown = set(variables.values()) - set(VARIABLES)
        if unknown:
            raise TemplateError(f"{path}: templates.{name}.variables: unknown "
                                f"{sorted(unknown)}, use {VARIABLES}")
        sid = os.environ.get(f"TWILIO_TEMPLATE_{name.upper()}") or entry.get("content_sid") or ""
        by_purpose[purpose] = Template(name, str(sid), variables, purpose)
    return by_purpose


def purpose_of(message: Dict[str, Any]) -> str:
    """What a held message is: status_update, staff_reply or reply_waiting."""
    about = str(message.get("about") or "")
    if about.startswith(STATUS_PREFIX) or about in REPORT_NEWS:
        return "status_update"
    if about == "staff_reply":
        return "staff_reply"
    return "reply_waiting"


def _values(message: Dict[str, Any]) -> Dict[str, Optional[str]]:
    case = CASE_NUMBER.search(str(message.get("text", "")))
    return {"municipality": profile().name, "case_number": case.group(0) if case else None}


def template_for(message: Dict[str, Any],
                 templates: Optional[Dict[str, Template]] = None) -> tuple:
    """(Template, ContentVariables JSON) for a held message.

    A template whose variables the message cannot fill gives way to reply_waiting;
    TemplateError when the one chosen has no content SID.
    """
    templates = templates if templates is not None else load_templates()
    values = _values(message)
    purpose = purpose_of(message)
    template = templates.get(purpose)
    if template is None or any(values[s] is None for s in template.variables.values()):
        template = templates.get("reply_waiting")
    if template is None:
        raise TemplateError(f"{WHATSAPP_TEMPLATES_FILE}: no template for {purpose} and "
                            "no reply_waiting template")
    if not template.content_sid:
        raise TemplateError(f"WhatsApp template {template.name} has no content_sid: set it in "
                            f"{WHATSAPP_TEMPLATES_FILE.name} or TWILIO_TEMPLATE_"
                            f"{template.name.upper()}")
    variables = {key: values[source] for key, source in template.variables.items()}
    return template, json.dumps(variables, ensure_ascii=False)
