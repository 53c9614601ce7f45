"""What a question asks about a product: its cost or how long it takes.

"En wat kost het?" right after the passport answer is about the passport; the answer is
the article's own `cost` or the sentences of its answer that speak of money or time, or
an honest "that is not in my information" with the article's link.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.articles import Article

COST, DURATION = "cost", "duration"
_ASPECTS = (
    (COST, re.compile(
        r"\b(?:wat|hoeveel) (?:\w+ ){0,2}?kost\w*|\bkost (?:het|dat|dit|die|zo ?n|een)\b"
        r"|\bkosten\b|\bprijs\w*|\btarie\w+|\bhoe ?duur\b|\bbetal\w*|\bgratis\b"
        r"|\bhow much\b|\bcosts?\b|\bprice\b|\bfree\b", re.IGNORECASE)),
    (DURATION, re.compile(
        r"\bhoe ?lang\b|\bduurt\b|\bhoe ?snel\b|\bwanneer (?:\w+ ){0,3}?(?:klaar|ophalen|"
        r"krijg|heb|binnen)\b|\bhoeveel (?:dagen|weken|tijd)\b|\bhow long\b", re.IGNORECASE)),
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_ABOUT = {
    COST: re.compile(r"€|\beuro\b|\bgratis\b|\bkost\w*|\bbetaal\w*|\btarie\w+|\bprijs",
                     re.IGNORECASE),
    DURATION: re.compile(r"\b(?:werk)?dag\w*|\bweken\b|\bweek\b|\bmaand\w*|\bduurt\b"
                         r"|\bbinnen \d|\bdirect\b|\bmeteen\b|\bdezelfde dag\b", re.IGNORECASE),
}
# A follow-up is short: a longer message names its own subject.
MAX_FOLLOW_UP_WORDS = 9


def read_aspect(text: str) -> Optional[str]:
    """`cost` or `duration` when the question asks for it, else None."""
    for aspect, pattern in _ASPECTS:
        if pattern.search(text or ""):
            return aspect
    return None


def is_follow_up(text: str) -> bool:
    """A short question about an aspect, that leans on what was said before."""
    return read_aspect(text) is not None and len((text or "").split()) <= MAX_FOLLOW_UP_WORDS


def article_detail(article: Article, aspect: str) -> Optional[str]:
    """What the article says about the aspect: its cost field, or its sentences about it."""
    if aspect == COST and article.cost:
        return article.cost.strip()
    pattern = _ABOUT.get(aspect)
    if pattern is None:
        return None
    sentences = [s for s in _SENTENCE.split(" ".join(article.answer.split()))
                 if pattern.search(s) and "http" not in s]
    return " ".join(sentences) or None
