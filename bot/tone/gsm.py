"""SMS cost: keep text in the GSM-7 alphabet and count segments."""
from __future__ import annotations

import math
import re
import unicodedata

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Characters of the extension table cost two septets.
GSM7_EXTENSION = set("^{}\\[~]|€\f")
REPLACEMENTS = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‑": "-", "‒": "-", "−": "-", "•": "-", "·": "-",
    "…": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    "→": "->", "×": "x",
}
EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2300-\u23FF\u2B00-\u2BFF\uFE0F\u200D\u20E3]+")


def strip_emoji(text: str) -> str:
    """Text without emoji, and without the double spaces they leave behind."""
    text = EMOJI.sub("", text)
    return re.sub(r"[ ]{2,}", " ", re.sub(r" +([.,!?:;])", r"\1", text)).strip()


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def to_gsm7(text: str) -> str:
    """Replace curly quotes, long dashes, accents and emoji by GSM-7 equivalents."""
    text = strip_emoji("".join(REPLACEMENTS.get(ch, ch) for ch in text))
    out = []
    for ch in text:
        if ch in GSM7_BASIC or ch in GSM7_EXTENSION:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base if base and is_gsm7(base) else ch)
    return "".join(out)


def segments(text: str) -> int:
    """How many SMS segments the text costs (GSM-7 160/153, else UCS-2 70/67)."""
    if is_gsm7(text):
        septets = sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)
