"""General Dutch: how often a word is used in Dutch at large (not in our articles).

The frequencies come from the `wordfreq` package (its data ships inside the wheel: Dutch
subtitles, Wikipedia, web text, news), on the Zipf scale: log10 of uses per billion words
("de" 7.4, "paspoort" 4.3, "kringloopwinkel" 3.0, "zwembadje" 2.4; 0 = not in the list:
a typo, a name like "lindendal", an ad-hoc compound like "grofvuilafspraak").

Retrieval asks two things of it (bot/knowledge/retrieval.py):

- is a word an established Dutch word? Then it is not a typo of a different article word
  ("diesel" is not "deksel", "volgen" is not "vog"), and when no article has it, it is very
  likely the subject of the question that nobody wrote about ("bibliotheek");
- is it not? Then it is a typo, a name or the resident's own compound, which says little
  about whether an article fits.

The list is loaded once per process, on first use: see MIN_ZIPF and the README for the
time and memory it takes. Without the
package `zipf` returns None and retrieval behaves as before it was added.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Dict, Optional

from bot.knowledge.text import normalise

logger = logging.getLogger(__name__)

MIN_ZIPF = 2.0   # rarer words are left out of the table (a quarter of the list, 20 MB less)

_LOCK = threading.Lock()
_TABLE: Optional[Dict[str, int]] = None
_MISSING = False
_PLAIN = re.compile(r"[a-z0-9]+\Z")


def _load() -> Optional[Dict[str, int]]:
    """The folded word -> Zipf x 100 table of wordfreq's large Dutch list (None without it)."""
    global _TABLE, _MISSING
    if _TABLE is not None or _MISSING:
        return _TABLE
    with _LOCK:
        if _TABLE is not None or _MISSING:
            return _TABLE
        try:
            import wordfreq
        except ImportError:
            logger.warning("wordfreq is not installed: the knowledge base cannot tell a "
                           "Dutch word from a typo or a name (pip install from requirements.lock)")
            _MISSING = True
            return None
        # read_cBpack, not get_frequency_list: that one keeps all 311,000 words cached.
        buckets = wordfreq.read_cBpack(str(wordfreq.DATA_PATH / "large_nl.msgpack.gz"))
        table: Dict[str, int] = {}
        # Bucket i holds the words used 10^(-i/100) of the time: Zipf 9 - i/100.
        for bucket, words in enumerate(buckets):
            value = 900 - bucket
            if value < MIN_ZIPF * 100:
                break
            for word in words:
                key = word if _PLAIN.match(word) else normalise(word)
                if key and " " not in key and key not in table:   # folded: the most used
                    table[key] = value
        _TABLE = table
        return _TABLE


def available() -> bool:
    """Whether the general Dutch frequencies are installed."""
    return _load() is not None


ESTABLISHED_ZIPF = 3.0  # general Dutch words this frequent are no typos of another word


def is_established_word(word: str) -> bool:
    """Whether a normalised word is an established Dutch word ("vervallen", not a typo of
    "overvallen"); False without wordfreq."""
    return (zipf(word) or 0.0) >= ESTABLISHED_ZIPF


def zipf(word: str) -> Optional[float]:
    """The Zipf frequency of a normalised word in general Dutch (0: rarer than MIN_ZIPF or
    not a word at all), or None when wordfreq is not installed."""
    table = _load()
    if table is None:
        return None
    return table.get(word, 0) / 100.0
