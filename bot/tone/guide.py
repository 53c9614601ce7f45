"""The tone-of-voice guide: schema, validation with line numbers, and hot reload.

The content team owns tone_of_voice.yml. A mistake gives an error that names the key
and the line; a running server keeps the last valid guide until the file is fixed.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple

import yaml
from pydantic import BaseModel, Extra, ValidationError, conint, root_validator, validator

from bot.settings import ROOT
from bot.tone.template import template_problem

logger = logging.getLogger(__name__)

TONE_FILE = Path(os.environ.get("GA_TONE_FILE", ROOT / "tone_of_voice.yml"))
MEDIA = ("webchat", "whatsapp", "sms", "telegram", "messenger")
# What one message may hold at the provider: Twilio's body (1600), Telegram's text (4096),
# Meta's Send API text (2000).
PROVIDER_MAX_LENGTH = {"whatsapp": 1600, "sms": 1600, "telegram": 4096, "messenger": 2000}
# Messenger's quick replies: a title of at most 20 characters (Meta's "Quick replies").
QUICK_REPLY_TITLE = 20
# The guide is a page of settings (about 3 kB): a bigger text is a mistake or an attack,
# and every preview and every reload parses it whole.
MAX_GUIDE_CHARS = 64_000


class ToneGuideError(ValueError):
    """The guide cannot be used; the message names the file, line and key."""


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid


class MediumTone(Strict):
    """How the bot and staff write on one medium."""

    address_form: Literal["u", "je"]
    max_length: conint(ge=70, le=4096)  # characters per message
    max_messages: conint(ge=1, le=10) = 3  # messages one answer may take
    emoji: bool
    formatting: Literal["plain", "whatsapp", "telegram_html"]
    charset: Literal["unicode", "gsm7"] = "unicode"
    buttons: Literal["buttons", "numbered_list", "inline_keyboard", "quick_replies"]
    buttons_prompt: str = "Antwoord {numbers}."
    greeting: str = ""
    sign_off: str = ""

    @validator("buttons_prompt")
    def prompt_names_numbers(cls, value: str) -> str:
        problem = template_problem(value, {"numbers"})
        if problem:
            raise ValueError(problem)
        if "{numbers}" not in value:
            raise ValueError("must contain {numbers}")
        return value


class StaffVoice(Strict):
    """Webcare staff write in the resident's medium, signed with their initials."""

    address_form: Literal["u", "je"]
    signature: str
    canned_answers: Dict[str, str] = {}

    @validator("signature")
    def signature_names_agent(cls, value: str) -> str:
        problem = template_problem(value, {"initials", "name"})
        if problem:
            raise ValueError(problem)
        if "{initials}" not in value and "{name}" not in value:
            raise ValueError("must contain {initials} or {name}")
        return value


class ToneGuide(Strict):
    version: Literal[1]
    media: Dict[Literal["webchat", "whatsapp", "sms", "telegram", "messenger"], MediumTone]
    staff: StaffVoice

    @root_validator(skip_on_failure=True)
    def every_medium(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        missing = [m for m in MEDIA if m not in values.get("media", {})]
        if missing:
            raise ValueError(f"media: missing {', '.join(missing)}")
        for medium, limit in PROVIDER_MAX_LENGTH.items():
            if values["media"][medium].max_length > limit:
                raise ValueError(f"media.{medium}.max_length: at most {limit}, the limit "
                                 f"of one {medium} message")
        return values

    def medium(self, channel: str) -> MediumTone:
        return self.media[medium_of(channel)]


def medium_of(channel: str) -> str:
    """The tone medium for a Rasa input channel name (REST clients get the web chat's)."""
    return channel if channel in MEDIA else "webchat"


def _line_of(node: yaml.Node, path: Sequence[Any]) -> int:
    """The 1-based line of the deepest node along `path` that exists."""
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            break
        child = next((v for k, v in node.value if k.value == str(key)), None)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def parse_guide(text: str, source: str = "tone_of_voice.yml") -> ToneGuide:
    """Validate the YAML text of a guide; errors name the line and the key."""
    if len(text) > MAX_GUIDE_CHARS:
        raise ToneGuideError(f"{source}: {len(text)} characters, at most {MAX_GUIDE_CHARS}")
    try:
        _refuse_aliases(text, source)
        root = yaml.compose(text)
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise ToneGuideError(f"{source}{line}: not valid YAML ({error})") from error
    if not isinstance(raw, dict) or root is None:
        raise ToneGuideError(f"{source} line 1: expected a mapping with version, media, staff")
    try:
        return ToneGuide(**raw)
    except ValidationError as error:
        problems = [f"{source} line {_line_of(root, e['loc'])}: "
                    f"{'.'.join(str(p) for p in e['loc'] if p != '__root__') or 'top level'}: "
                    f"{e['msg']}" for e in error.errors()]
        raise ToneGuideError("\n".join(problems)) from error


def _refuse_aliases(text: str, source: str) -> None:
    """Anchors and aliases let a small text expand into a huge one; a guide needs none."""
    for token in yaml.scan(text):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            raise ToneGuideError(f"{source} line {token.start_mark.line + 1}: anchors and "
                                 f"aliases (& and *) are not allowed")


class GuideFile:
    """The guide on disk, re-read when it changes; the last valid one is kept on errors."""

    def __init__(self, path: Path = TONE_FILE) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._guide: Optional[ToneGuide] = None
        self._stamp: Optional[Tuple[int, int]] = None
        self.last_error: Optional[str] = None

    def current(self) -> ToneGuide:
        """The newest valid guide; raises only when there never was a valid one."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError as error:
            stamp, text_error = None, f"{self.path}: {error.strerror}"
        else:
            text_error = None
        with self._lock:
            if stamp is not None and stamp == self._stamp and self._guide is not None:
                return self._guide
            try:
                if text_error:
                    raise ToneGuideError(text_error)
                guide = parse_guide(self.path.read_text(encoding="utf-8"), str(self.path))
            except (ToneGuideError, OSError) as error:
                if self._guide is None:
                    raise ToneGuideError(str(error)) from error
                if str(error) != self.last_error:
                    logger.error("Tone guide not reloaded, keeping the last valid one:\n%s",
                                 error)
                self.last_error, self._stamp = str(error), stamp
                return self._guide
            if self._guide is not None:
                logger.info("Tone guide reloaded from %s", self.path)
            self._guide, self._stamp, self.last_error = guide, stamp, None
            return guide


_default = GuideFile()


def tone_guide() -> ToneGuide:
    """The guide of this installation, picked up again whenever the file changes."""
    return _default.current()


def problems_in(text: str) -> List[str]:
    """Validation problems of a guide text; empty when it is valid (for editors)."""
    try:
        parse_guide(text)
    except ToneGuideError as error:
        return str(error).splitlines()
    return []
