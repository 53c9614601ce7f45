"""One rendering step for every outgoing message, bot or staff, per medium.

Responses are written once in plain Dutch, with **bold** where it helps; the medium's
tone decides formatting, emoji, greeting and sign-off, how buttons look and how long
one message may be.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from bot.tone.gsm import EMOJI, is_gsm7, segments, strip_emoji, to_gsm7
from bot.tone.guide import QUICK_REPLY_TITLE, MediumTone, ToneGuide, tone_guide
from bot.tone.template import fill

GREETING_RESPONSES = {"utter_greeting"}
SIGN_OFF_RESPONSES = {"utter_goodbye", "utter_glad_to_help", "utter_closing_helped",
                      "utter_closing_not_helped"}
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?])[ ]+|(?<=\n)")
JE_WORDS = {"je", "jij", "jou", "jouw", "jezelf", "jullie"}
U_WORDS = {"u", "uw", "uzelf"}
QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|https?://\S+")


@dataclass
class Part:
    """One message as the medium will send it."""

    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)
    parse_mode: Optional[str] = None
    segments: Optional[int] = None

    def as_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"text": self.text}
        if self.buttons:
            out["buttons"] = self.buttons
        if self.parse_mode:
            out["parse_mode"] = self.parse_mode
        if self.segments is not None:
            out["segments"] = self.segments
        return out


def render(message: Dict[str, Any], channel: str, guide: Optional[ToneGuide] = None,
           ) -> List[Part]:
    """The parts `channel` sends for one Rasa message (text, buttons, utter_action)."""
    guide = guide or tone_guide()
    tone = guide.medium(channel)
    text = _compose(message, tone)
    buttons = [b for b in message.get("buttons") or [] if b.get("title")]
    if tone.charset == "gsm7":
        text = to_gsm7(text)
    elif not tone.emoji:
        text = strip_emoji(text)
    numbered = tone.buttons == "numbered_list" or _titles_too_long(buttons, tone)
    menu = _numbered_menu(buttons, tone) if numbered else ""
    if menu and tone.charset == "gsm7":
        menu = to_gsm7(menu)
    chunks = split_text(text, tone.max_length) if text else []
    if menu:
        if chunks and len(chunks[-1]) + 2 + len(menu) <= tone.max_length:
            chunks[-1] = f"{chunks[-1]}\n\n{menu}"
        else:
            chunks += split_text(menu, tone.max_length)
    parts = [Part(_format(chunk, tone)) for chunk in chunks]
    if parts and buttons and tone.buttons != "numbered_list":
        parts[-1].buttons = [_button(b, number if numbered else None, tone)
                             for number, b in enumerate(buttons, start=1)]
    for part in parts:
        if tone.formatting == "telegram_html":
            part.parse_mode = "HTML"
        if tone.charset == "gsm7":
            part.segments = segments(part.text)
    return parts


def _button(button: Dict[str, Any], number: Optional[int], tone: MediumTone) -> Dict[str, str]:
    """A button as the medium shows it: its title, or its number in the text's list."""
    if number is None:
        return {"title": _plain(button["title"], tone), "payload": button.get("payload", "")}
    return {"title": str(number), "payload": button.get("payload") or button["title"]}


def _titles_too_long(buttons: List[Dict[str, Any]], tone: MediumTone) -> bool:
    """Messenger cuts a quick reply's title at 20 characters: longer titles go in the text
    as a numbered list, and the quick replies are their numbers."""
    return tone.buttons == "quick_replies" and any(
        len(_plain(b["title"], tone)) > QUICK_REPLY_TITLE for b in buttons)


def _compose(message: Dict[str, Any], tone: MediumTone) -> str:
    text = (message.get("text") or "").strip()
    action = message.get("utter_action")
    if action in GREETING_RESPONSES and tone.greeting:
        text = f"{tone.greeting} {text}".strip()
    if action in SIGN_OFF_RESPONSES and tone.sign_off:
        text = f"{text}\n{tone.sign_off}".strip()
    return text


def _numbered_menu(buttons: List[Dict[str, Any]], tone: MediumTone) -> str:
    if not buttons:
        return ""
    lines = [f"{i}. {_plain(b['title'], tone)}" for i, b in enumerate(buttons, start=1)]
    numbers = [str(i) for i in range(1, len(buttons) + 1)]
    joined = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} of {numbers[-1]}"
    return "\n".join(lines + [fill(tone.buttons_prompt, numbers=joined)])


def _plain(text: str, tone: MediumTone) -> str:
    text = BOLD.sub(r"\1", text)
    return text if tone.emoji else strip_emoji(text)


def _format(text: str, tone: MediumTone) -> str:
    if tone.formatting == "whatsapp":
        return BOLD.sub(r"*\1*", text)
    if tone.formatting == "telegram_html":
        return BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False))
    return BOLD.sub(r"\1", text)


WHATSAPP_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
HTML_BOLD = re.compile(r"<b>(.+?)</b>", re.S)


def unformat(text: str, channel: str, guide: Optional[ToneGuide] = None) -> str:
    """A text rendered for `channel` back in the renderer's own markup (**bold**), so it
    can be rendered for another medium (a fallback SMS)."""
    formatting = (guide or tone_guide()).medium(channel).formatting
    if formatting == "whatsapp":
        return WHATSAPP_BOLD.sub(r"**\1**", text)
    if formatting == "telegram_html":
        return html.unescape(re.sub(r"<[^>]+>", "", HTML_BOLD.sub(r"**\1**", text)))
    return text


def split_text(text: str, limit: int) -> List[str]:
    """Split on sentence and line boundaries so each chunk fits `limit` characters."""
    pieces = _with_their_lead_in([p for p in SENTENCE_END.split(text) if p])
    chunks: List[str] = []
    current = ""
    for piece in pieces:
        for word_chunk in _fit(piece.rstrip("\n") if len(piece) > limit else piece, limit):
            glue = "" if not current or current.endswith("\n") else " "
            if len(current) + len(glue) + len(word_chunk) <= limit:
                current += glue + word_chunk
            else:
                chunks.append(current.rstrip())
                current = word_chunk
    if current.strip():
        chunks.append(current.rstrip())
    return [c for c in chunks if c]


LEAD_IN_WORDS = 4  # "Verhuist u?", "Geen DigiD?": a short question opens the next sentence


def _with_their_lead_in(pieces: List[str]) -> List[str]:
    """A short question joined to the sentence it leads into, so no chunk ends with it
    ("… Verhuist u?" | "Uw vergunning hoort bij uw adres …")."""
    joined: List[str] = []
    for piece in pieces:
        last = joined[-1] if joined else ""
        if last.endswith("?") and len(last.split()) <= LEAD_IN_WORDS:
            joined[-1] = f"{last} {piece}"
        else:
            joined.append(piece)
    return joined


def _fit(piece: str, limit: int) -> List[str]:
    """A piece as is, or cut between words (or hard, for one endless word)."""
    if len(piece) <= limit:
        return [piece]
    out, current = [], ""
    for word in piece.split(" "):
        while len(word) > limit:
            if current:
                out.append(current)
                current = ""
            out.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return out + ([current] if current else [])


def visible_text(part: Part) -> str:
    """What the resident sees (without Telegram's HTML tags)."""
    if part.parse_mode == "HTML":
        return html.unescape(re.sub(r"<[^>]+>", "", part.text))
    return part.text


def address_forms(text: str) -> set:
    """Which forms of address ('u', 'je') a text uses, ignoring quoted examples and links."""
    words = set(re.findall(r"[a-zà-ÿ]+", QUOTED.sub(" ", text.lower())))
    found = set()
    if words & JE_WORDS:
        found.add("je")
    if words & U_WORDS:
        found.add("u")
    return found


def tone_problems(parts: List[Part], channel: str, guide: Optional[ToneGuide] = None,
                  address_form: Optional[str] = None, dutch: bool = True) -> List[str]:
    """What in the rendered parts breaks the medium's tone (empty when all is well).

    Text in another language (`dutch=False`) is held to length and count only: the form
    of address is Dutch, and a script like Arabic needs a Unicode SMS.
    """
    guide = guide or tone_guide()
    tone = guide.medium(channel)
    expected = address_form or tone.address_form
    problems = []
    if len(parts) > tone.max_messages:
        problems.append(f"{len(parts)} messages, the limit is {tone.max_messages}")
    for number, part in enumerate(parts, start=1):
        seen = visible_text(part)
        if len(seen) > tone.max_length:
            problems.append(f"message {number} has {len(seen)} characters, "
                            f"the limit is {tone.max_length}")
        if not tone.emoji and EMOJI.search(seen + "".join(b["title"] for b in part.buttons)):
            problems.append(f"message {number} has emoji")
        if tone.buttons == "quick_replies":
            problems += [f"button '{b['title']}' is longer than {QUICK_REPLY_TITLE} "
                         "characters (a quick reply is cut off)"
                         for b in part.buttons if len(b["title"]) > QUICK_REPLY_TITLE]
        if not dutch:
            continue
        if tone.charset == "gsm7" and not is_gsm7(seen):
            problems.append(f"message {number} is not GSM-7")
        other = address_forms(seen) - {expected}
        if other:
            problems.append(f"message {number} says '{other.pop()}' where the medium "
                            f"says '{expected}'")
    return problems


def render_staff(text: str, channel: str, initials: str, name: str = "") -> List[Part]:
    """A webcare agent's reply in the resident's medium, signed the way the guide says."""
    return render({"text": sign(text, initials, name)}, channel)


def sign(text: str, initials: str, name: str = "", guide: Optional[ToneGuide] = None) -> str:
    """A colleague's text with the staff signature of the guide (for example "^AB")."""
    signature = fill((guide or tone_guide()).staff.signature, initials=initials, name=name)
    return f"{text.strip()} {signature}".strip()


__all__ = ["Part", "render", "render_staff", "sign", "split_text", "tone_problems", "unformat"]
