"""Small text helpers shared by the NLU component and the actions (no Rasa imports)."""
from __future__ import annotations

import re
from typing import Iterable, List, Optional, Tuple

_WORD_CHARACTER = re.compile(r"\w")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: Optional[str]) -> List[str]:
    """The sentences of a text, split after . ! or ? (empty parts left out)."""
    return [part for part in _SENTENCE_END.split(text or "") if part]


def first_sentence(text: Optional[str]) -> Tuple[str, str]:
    """The first sentence of a text and the rest after it ("" when there is none)."""
    first, *rest = _SENTENCE_END.split((text or "").strip(), maxsplit=1)
    return first, rest[0] if rest else ""


def without_words(text: str, words: Iterable[Optional[str]]) -> str:
    """The text with each of these words or phrases (whole, any case) replaced by a space."""
    for word in words:
        if word:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def has_words(text: Optional[str]) -> bool:
    """True when the text has at least one letter or digit, in any script."""
    return bool(_WORD_CHARACTER.search(text or ""))


# Voice-to-text writes the punctuation it was told: "er ligt een tegel los komma ik ben
# gevallen punt". Only read as punctuation when the message shows it was dictated.
_SPOKEN = {"komma": ",", "punt": ".", "vraagteken": "?", "uitroepteken": "!",
           "dubbele punt": ":", "nieuwe regel": ".", "comma": ",", "full stop": ".",
           "period": ".", "question mark": "?", "new line": "."}
_SPOKEN_WORD = re.compile(r"(\w*)(\s*)\b(" + "|".join(sorted(_SPOKEN, key=len, reverse=True))
                          + r")\b", re.IGNORECASE)
# "de punt van de stoeprand", "op dit punt": after a determiner it is a word.
_DETERMINERS = frozenset("de het een dit dat die geen elk ieder".split())
_DICTATED = re.compile(r"\b(?:komma|vraagteken|uitroepteken|nieuwe regel|comma|full stop|"
                       r"question mark|new line)\b|\bpunt\W*$", re.IGNORECASE)


def undictated(text: str) -> str:
    """Spoken punctuation as punctuation, when the text was dictated; else unchanged."""
    if not _DICTATED.search(text):
        return text
    def punctuation(found: re.Match) -> str:
        before, space, word = found.groups()
        if before.lower() in _DETERMINERS:
            return found.group()
        return before + _SPOKEN[word.lower()]

    return _SPOKEN_WORD.sub(punctuation, text).strip()
