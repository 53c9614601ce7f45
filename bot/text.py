"""Small text helpers shared by the NLU component and the actions (no Rasa imports)."""
from __future__ import annotations

import re
from typing import Optional

_WORD_CHARACTER = re.compile(r"\w")


def has_words(text: Optional[str]) -> bool:
    """True when the text has at least one letter or digit, in any script."""
    return bool(_WORD_CHARACTER.search(text or ""))
