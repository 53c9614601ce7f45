"""Finding the article for a resident's question.

The score is TF-IDF cosine on character n-grams (char_wb 3-5) of the normalised text (the
article's best single text and all its texts together), which copes with inflection and
most typos. A word-level pass adds the parts of compounds of known words to the question
("grofvuilafspraak" -> "grofvuil afspraak") and gives a word score (the IDF-weighted share
of the question's words an article has, by stem, compound part or rapidfuzz typo match);
an article sharing no word with the question counts less, and the word score's own share
(1 - CHAR_WEIGHT) is a tuned constant. The index is built in memory from the published
articles and rebuilt when `store.knowledge_version` changes (checked at most every
`REFRESH_SECONDS`).
"""
from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.knowledge import general
from bot.knowledge.articles import Article
from bot.knowledge.text import (STOPWORDS, in_dutch_words, normalise, stem, tokens, with_abroad,
                                 without_ages, without_days)
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

# Weights and thresholds, chosen with bot.knowledge.tune (a grid search of a utility that
# counts a wrong answer -2, a right one +1, a choice holding the right article +0.6) on two
# sources, averaged: (1) the 114 articles of knowledge/, each question variant asked of an
# index without it (604 questions, leave-one-out), with out-of-scope and small-talk NLU
# examples as unanswerable (267); (2) NLU examples written by others for the product
# intents, mapped to the 26 articles of tests/knowledge/data/dev_articles, two halves.
# With the whole-article n-grams (WHOLE_WEIGHT) the best CHAR_WEIGHT was 1.0 (0.402; 0.9:
# 0.378, 0.8: 0.342): the word score now acts only through NO_WORD_FACTOR and the compound
# parts it adds to the n-gram text. Numbers in bot/knowledge/README.md.
CHAR_WEIGHT = 1.0          # share of the character n-gram score; the word score has the rest
MIN_SCORE = 0.275          # below this nothing fits: "none"
ANSWER_SCORE = 0.45        # the best article answers alone from this score ...
MARGIN = 0.18              # ... when no other article is within this distance ("choose")
SPECIFIC_BEHIND = 0.05     # a specific article this close behind a vaguer best is offered
SPECIFIC_MIN = 0.8         # an article is offered only when it has a question word this
#                            specific (share of the question's most specific word's weight).
# Chosen with tune.py --leave-out --leave-article-out (each variant asked of an index without
# its whole article: a near miss nobody wrote an article for yet). On those 1557 questions the
# best settings all had 0.8; (0.275, 0.45, 0.18, 0.8) scored 0.001, the very best
# (0.325, 0.55, 0.18, 0.8) 0.002 and the old (…, 0.0) -0.044. The tie was broken for the
# thresholds source (2) supports; source (2) itself (26 articles, only far-off unanswerables)
# prefers no check (0.563 against 0.394). Numbers in bot/knowledge/README.md.
# A title word this rare (in at most one other article) names the article when asked.
TITLE_WORD_IDF = 4.9
TITLE_ANSWER_SCORE = 0.3    # ... and the article fits well enough beside that word
CHOOSE_MAX = 3             # at most this many buttons after "Bedoelt u …?"
WHOLE_WEIGHT = 0.7         # n-grams: share of all the article's texts together (top-1 on (1)
#                            0.53 -> 0.59 for 0 -> 0.7), the rest is its best single text
NO_WORD_FACTOR = 0.75      # an article none of whose words the question has: char score x this
UNKNOWN_WEIGHT = 1.0       # a word no article knows counts this many times the rarest word
FUZZY_MIN = 82             # rapidfuzz ratio for a typo of a known word (words of 5+ letters)
NEAR_ANSWER = 0.05         # below ANSWER_SCORE still an answer when this far ahead ...
LEAD = 0.2                 # ... of every other article (0.18 answered an unanswerable)
HEAD_SURE = 0.8            # how sure a compound's known head stands for it ("achtertuin")
PART_MIN = 3               # shortest part of a compound
REFRESH_SECONDS = 2.0      # how often a running bot asks whether the knowledge changed
# General Dutch (bot/knowledge/general.py, wordfreq's frequencies): a question word no
# article has is either an established Dutch word, then most likely the question's subject
# that nobody wrote about ("bibliotheek", "kringloopwinkel"), or not (a typo, a name, the
# resident's own compound), which says little. Measured in bot/knowledge/README.md.
WORD_ZIPF = 2.0            # an established Dutch word: Zipf frequency at least this
RARE_ZIPF = 5.0            # an unknown word this rare in Dutch weighs as the rarest article
COMMON_ZIPF = 6.0          # word, one this common ("haar", "echt") nothing; linear between
# Street and place names are established words too ("stationsstraat", "molenweg"), but a
# question about the works in a street is about the works.
PLACE_SUFFIXES = ("straat", "weg", "laan", "plein", "dijk", "kade", "singel", "gracht",
                  "steeg", "dreef", "hof")
# An unaddressed subject (Index.unaddressed): the question holds an established Dutch word
# that no article has and that weighs as the rarest article word (Zipf <= RARE_ZIPF), and
# the best article meets the question in one word only, a word other articles have too.
# "openingstijden kringloopwinkel" is not about the town hall's hours. Measured in
# bot/knowledge/README.md.
SUBJECT_SHARE = 0.99       # an unknown word this heavy (share of the rarest) is the subject


@dataclass(frozen=True)
class Match:
    """An article and how well it fits the question (0..1)."""

    article: Article
    score: float
    specific: float = 1.0   # how specific the shared words are (Index.specific_overlap)
    other_kind: bool = False  # the question names another kind of a thing the article has
    unaddressed: bool = False  # the question's subject is in no article, and this one
    #                            shares only one common word with it (Index.unaddressed)


@dataclass(frozen=True)
class Decision:
    """What the bot does: answer with one article, let the resident choose, or neither."""

    kind: str                       # "answer" | "choose" | "none"
    articles: Tuple[Article, ...] = ()
    scores: Tuple[float, ...] = ()


def _texts(article: Article) -> List[str]:
    return [article.title, *article.questions, article.upl]


class Index:
    """The in-memory search index over a fixed list of articles."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles: List[Article] = list(articles)
        docs, owner = [], []
        for number, article in enumerate(self.articles):
            for text in _texts(article):
                docs.append(in_dutch_words(normalise(text)))
                owner.append(number)
        self._owner = np.array(owner, dtype=np.int64)
        self._starts = (np.flatnonzero(np.r_[True, self._owner[1:] != self._owner[:-1]])
                        if owner else np.array([], dtype=np.int64))
        self._vectorizer: Optional[TfidfVectorizer] = None
        if docs:
            self._vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
                                               sublinear_tf=True, dtype=np.float32)
            self._matrix = self._vectorizer.fit_transform(docs).T.tocsr()
            whole = [normalise(" ".join(_texts(a))) for a in self.articles]
            self._whole = self._vectorizer.transform(whole).T.tocsr()
        self._build_words()

    def _build_words(self) -> None:
        """Stems per article, their IDF, and compound parts of long words."""
        per_article: List[set] = []
        for article in self.articles:
            per_article.append({stem(t) for text in _texts(article) for t in tokens(text)})
        self._stems: FrozenSet[str] = frozenset().union(*per_article) if per_article \
            else frozenset()
        # A long article word also stands for its parts: "parkeervergunning" answers
        # "vergunning voor parkeren".
        # The heads of an article's compounds ("hondenbelasting" -> "belast"): the kinds of
        # things it is about.
        self._heads: List[set] = []
        for terms in per_article:
            heads = set()
            for term in list(terms):
                split = self._split(term)
                terms.update(part for part, _ in split)
                if split:
                    heads.add(split[-1][0])
            self._heads.append(heads)
        self._terms: List[set] = per_article
        self._answer_stems: List[FrozenSet[str]] = [_answer_stems(a) for a in self.articles]
        count = max(len(self.articles), 1)
        frequency: Dict[str, int] = {}
        for terms in per_article:
            for term in terms:
                frequency[term] = frequency.get(term, 0) + 1
        self._idf = {t: math.log((1 + count) / (1 + f)) + 1 for t, f in frequency.items()}
        self._unknown_idf = (math.log(1 + count) + 1) * UNKNOWN_WEIGHT
        self._postings: Dict[str, np.ndarray] = {}
        for term in frequency:
            self._postings[term] = np.array(
                [n for n, terms in enumerate(per_article) if term in terms], dtype=np.int64)
        self._stem_list = sorted(self._stems)
        self._general = general.available()
        self._expand = lru_cache(maxsize=4096)(self._expand_uncached)
        self._unknown = lru_cache(maxsize=4096)(self._unknown_uncached)
        self._kind_cached = lru_cache(maxsize=4096)(self._kind_of)
        self._split_cached = lru_cache(maxsize=4096)(self._split)

    def _parts(self, word: str) -> List[str]:
        """Known stems a compound is made of (two parts, a linking s or e allowed)."""
        return [stem_ for stem_, _ in self._split(word)]

    def _split(self, word: str) -> List[Tuple[str, str]]:
        """A compound's parts as (known stem, the letters as written), longest parts first."""
        best: List[Tuple[str, str]] = []
        for i in range(PART_MIN, len(word) - PART_MIN + 1):
            left, right = word[:i], word[i:]
            left_stems = {stem(left), stem(left.rstrip("se"))} if len(left) > PART_MIN \
                else {stem(left)}
            right_stem = stem(right)
            found_left = [s for s in left_stems if s in self._stems and s != word]
            if found_left and right_stem in self._stems and right_stem != word:
                if len(found_left[0]) + len(right_stem) > sum(len(s) for s, _ in best):
                    best = [(found_left[0], left), (right_stem, right)]
        return best

    def _head(self, word: str) -> Optional[str]:
        """The known last part of a compound whose first part is a common Dutch word no
        article has ("achter" + "tuin"), the longest such part; None without one."""
        for i in range(PART_MIN, len(word) - PART_MIN + 1):
            left, right = word[:i], stem(word[i:])
            if right in self._stems and right != word and self.established(left):
                return right
        return None

    def _expand_uncached(self, word: str) -> Tuple[Tuple[str, float], ...]:
        """Index terms a question word stands for, with how sure (1 = the same word): the
        word itself, else the parts of a compound, else a known word it is a typo of."""
        root = stem(word)
        if root in self._idf:
            return ((root, 1.0),)
        parts = self._parts(root) if len(root) >= 2 * PART_MIN else []
        if parts:
            return tuple((p, 0.9) for p in parts)
        head = self._head(root) if len(root) >= 2 * PART_MIN else None
        if head:  # "achtertuin": a "tuin" of some kind (round r224 of session 57)
            return ((head, HEAD_SURE),)
        if len(word) >= 5 and self._stem_list:
            found = process.extractOne(root, self._stem_list, scorer=fuzz.ratio,
                                       score_cutoff=FUZZY_MIN)
            # An established Dutch word is no typo ("diesel" is not "deksel"), but it may be
            # a form the crude stem did not bring together ("inwoners" / "inwoner") or a part
            # of an article's compound ("werkzaamheden" / "wegwerkzaamheden").
            if found and (not self.established(word)
                          or root in found[0] or found[0] in root):
                return ((found[0], found[1] / 100.0),)
        return ()

    def established(self, word: str) -> bool:
        """Whether a normalised word is an established word of general Dutch (False
        without the frequencies: then every unknown word counts the same)."""
        if not self._general or word.isdigit():
            return False
        return (general.zipf(word) or 0.0) >= WORD_ZIPF

    def _unknown_uncached(self, word: str) -> float:
        """The weight of a question word no article has. Without the articles to tell, an
        established Dutch word weighs by how rare it is in Dutch at large: "haar" or
        "volgens" say nothing of the subject, "bibliotheek" does; a number, a typo or a name
        weighs as the rarest article word (an age is left out before: `without_ages`)."""
        if word.isdigit() or not self.established(word):
            return self._unknown_idf
        frequency = general.zipf(word) or 0.0
        return self._unknown_idf * min(1.0, max(0.0, (COMMON_ZIPF - frequency)
                                                / (COMMON_ZIPF - RARE_ZIPF)))

    def _kind_of(self, word: str) -> Optional[Tuple[str, str]]:
        """For an established Dutch compound no article has: its modifier and its head, when
        the head is an article word ("inkomstenbelasting" -> "inkomst", "belast"). Dutch
        compounds name a kind of their last part: income tax is a tax, but not the dog tax."""
        root = stem(word)
        if root in self._idf or not self.established(word) or word.endswith(PLACE_SUFFIXES):
            return None
        for i in range(PART_MIN, len(word) - PART_MIN + 1):   # the longest head first
            left, head = word[:i], stem(word[i:])
            if head not in self._idf or len(head) < PART_MIN:
                continue
            for modifier in dict.fromkeys((left, left.rstrip("s"))):
                if len(modifier) >= PART_MIN and (stem(modifier) in self._idf
                                                  or self.established(modifier)):
                    return stem(modifier), head
        return None

    def other_kinds(self, question: str, numbers: Sequence[int]) -> List[bool]:
        """Per article number: whether the question names another kind of a thing the
        article is about: an established compound no article has ("inkomstenbelasting")
        whose head the article has in a compound of its own ("hondenbelasting"), without the
        question's modifier. An article about "vereniging" itself covers every kind."""
        kinds = [k for k in (self._kind_cached(w) for w in dict.fromkeys(tokens(question)))
                 if k]
        return [any(head in self._heads[n] and modifier not in self._terms[n]
                    for modifier, head in kinds) for n in numbers]

    def _subjects_without_article(self, question: str) -> List[str]:
        """The question's established Dutch words that no article has and that weigh as
        the rarest article word: most likely what the question is about."""
        return [word for word in dict.fromkeys(tokens(question))
                if word not in _NEVER_THE_SUBJECT and not self._expand(word)
                and self.established(word)
                and self._unknown(word) >= SUBJECT_SHARE * self._unknown_idf]

    def _shared_terms(self, question: str, number: int) -> List[Tuple[str, ...]]:
        """Per question word the article has (by stem, compound part or typo): the index
        terms through which it has it."""
        shared = []
        for word in dict.fromkeys(tokens(question)):
            terms = tuple(t for t, _ in self._expand(word) if t in self._terms[number])
            if terms:
                shared.append(terms)
        return shared

    def unaddressed(self, question: str, numbers: Sequence[int]) -> List[bool]:
        """Per article number: whether the question's subject is a Dutch word no article
        has (not even in its answer text) while the article meets the question in a single
        word that other articles have too ("openingstijden kringloopwinkel" and the town
        hall's hours share only "openingstijden", which the recycling centre has as well).
        A word that only this article has still makes it a candidate."""
        subjects = self._subjects_without_article(question)
        if not subjects:
            return [False] * len(numbers)
        flags = []
        for number in numbers:
            shared = self._shared_terms(question, number)
            in_answer = any(stem(word) in self._answer_stems[number] for word in subjects)
            flags.append(len(shared) == 1 and not in_answer
                         and min(len(self._postings[t]) for t in shared[0]) > 1)
        return flags

    def word_scores(self, question: str) -> np.ndarray:
        """Per article: the IDF-weighted share of the question's words it contains."""
        scores = np.zeros(len(self.articles), dtype=np.float64)
        words = tokens(question)
        total = 0.0
        for word in dict.fromkeys(words):
            expansions = self._expand(word)
            if not expansions:
                total += self._unknown(word)
                continue
            weight = max(self._idf[t] for t, _ in expansions)
            total += weight
            share = 1.0 / len(expansions)
            for term, sure in expansions:
                hits = self._postings.get(term)
                if hits is not None:
                    scores[hits] += weight * sure * share
        return scores / total if total else scores

    def specific_overlap(self, question: str) -> np.ndarray:
        """Per article: the weight of the most specific question word it has, as a share of
        the most specific word the question has (1: the question's rarest word is in the
        article; low: it shares only common words such as "aanvragen" or "kwijt")."""
        scores = np.zeros(len(self.articles), dtype=np.float64)
        most = 0.0
        for word in dict.fromkeys(tokens(question)):
            expansions = self._expand(word)
            if not expansions:
                most = max(most, self._unknown(word))
                continue
            most = max(most, max(self._idf[t] for t, _ in expansions))
            # Each part of a compound counts with its own weight: "inkomstenbelasting"
            # is not as specific for an article that only has "belasting".
            for term, sure in expansions:
                hits = self._postings.get(term)
                if hits is not None:
                    scores[hits] = np.maximum(scores[hits], self._idf[term] * sure)
        return scores / most if most else scores

    def _char_text(self, question: str) -> str:
        """The normalised question with the parts of unknown compounds added
        ("grofvuilafspraak" -> "grofvuilafspraak grofvuil afspraak")."""
        words = in_dutch_words(normalise(question)).split()
        extra = [part for word in words if len(word) >= 2 * PART_MIN
                 and word not in STOPWORDS and stem(word) not in self._idf
                 for _, part in self._split_cached(word)]
        return " ".join(words + extra)

    def char_scores(self, question: str) -> np.ndarray:
        """Per article: the best cosine between the question and one of its texts."""
        if self._vectorizer is None:
            return np.zeros(0)
        vector = self._vectorizer.transform([self._char_text(question)])
        cosines = (vector @ self._matrix).toarray().ravel()
        best = np.maximum.reduceat(cosines, self._starts)
        if not WHOLE_WEIGHT:
            return best
        whole = (vector @ self._whole).toarray().ravel()
        return (1 - WHOLE_WEIGHT) * best + WHOLE_WEIGHT * whole

    def scores(self, question: str) -> np.ndarray:
        """The combined score of every article."""
        if not self.articles or not tokens(question):
            return np.zeros(len(self.articles))
        return combine(self.char_scores(question), self.word_scores(question))

    def search(self, question: str, top: int = 3) -> List[Match]:
        """The best `top` articles, best first."""
        question = self.rejoined(without_days(without_ages(with_abroad(question))))
        scores = self.scores(question)
        if not len(scores):
            return []
        best = [n for n in np.argsort(-scores, kind="stable")[:top] if scores[n] > 0]
        specific = self.specific_overlap(question) if best else scores
        other = self.other_kinds(question, best)
        unaddressed = self.unaddressed(question, best)
        return [Match(self.articles[n], float(scores[n]), float(specific[n]), kind, away)
                for n, kind, away in zip(best, other, unaddressed)]

    def rejoined(self, question: str) -> str:
        """A compound written as two words made one again when only together they are an
        article word ("betallings regelling" -> "betallingsregelling", a typo of it)."""
        words = normalise(question).split()
        out: List[str] = []
        for word in words:
            if out and self._joins(out[-1], word):
                out[-1] += word
            else:
                out.append(word)
        return " ".join(out)

    def _joins(self, left: str, right: str) -> bool:
        if min(len(left), len(right)) < PART_MIN or left in STOPWORDS or right in STOPWORDS:
            return False
        if stem(left) in self._idf and stem(right) in self._idf:
            return False  # two words the articles have: "paspoort kwijt"
        return stem(left + right) in self._idf

    def answer_for(self, question: str) -> Decision:
        """Answer, let the resident choose among close articles, or say nothing fits."""
        decision = decide(self.search(question, top=CHOOSE_MAX))
        if (decision.kind == "choose" and len(decision.articles) == 1
                and decision.scores[0] >= TITLE_ANSWER_SCORE
                and self.named_in_the_title(question, decision.articles[0])):
            # "ze heeft een traplift nodig" and the one article is "Woning aanpassen
            # (traplift, douche)": no "Gaat uw vraag over dit onderwerp?"
            return Decision("answer", decision.articles, decision.scores)
        return decision

    def named_in_the_title(self, question: str, article: Article) -> bool:
        """The question has a rare word of the article's title in it."""
        title = {stem(word) for word in tokens(article.title)}
        words = tokens(question)
        asked = {stem(word) for word in words if word not in _NEVER_THE_SUBJECT}
        told = {stem(_TITLE_FORM[word]) for word in words if word in _TITLE_FORM}
        return bool(title & told) or any(self._idf.get(term, 0.0) >= TITLE_WORD_IDF
                                         for term in title & asked)


# The event as residents tell it, and the noun a title names it by: "onze zoon is gisteren
# geboren" names "Geboorte aangeven" (round r232 of session 58: "Gaat uw vraag over dit
# onderwerp?" with the one article)
_TITLE_FORM = {"geboren": "geboorte", "bevallen": "geboorte", "overleden": "overlijden",
               "gestorven": "overlijden", "verhuisd": "verhuizing", "verhuizen": "verhuizing",
               "getrouwd": "trouwen", "gescheiden": "scheiding"}


# Who a question is about, or what to do with it, never what it is about ("mijn oma is
# overleden", "parkeervergunning opzeggen", "rijbewijs vernieuwen").
_NEVER_THE_SUBJECT = frozenset("""oma opa moeder vader mama papa man vrouw zoon dochter kind
kinderen baby broer zus buurman buurvrouw buren vriend vriendin partner echtgenoot echtgenote
schoonmoeder schoonvader kleinzoon kleindochter neef nicht oom tante aanvragen vernieuwen
verlengen opzeggen stopzetten wijzigen aanpassen veranderen regelen doorgeven ophalen
betalen annuleren intrekken omzetten overschrijven terugkrijgen vervangen
noemt noemen noemde heet heten zegt zeggen zei zeiden vertelde vertelt gehoord las lezen
""".split())  # naming words: "mijn buurvrouw noemt het kwijtschelding" (round 87)


def _answer_stems(article: Article) -> FrozenSet[str]:
    """The stems of an article's answer texts: what it speaks of beyond its questions."""
    return frozenset(stem(t) for text in (article.answer, article.answer_sms or "")
                     for t in tokens(text))


def combine(char: np.ndarray, word: np.ndarray, char_weight: float = CHAR_WEIGHT
            ) -> np.ndarray:
    """The combined score; letters alike without a single word in common count less."""
    char = np.where(word > 0, char, char * NO_WORD_FACTOR)
    return char_weight * char + (1 - char_weight) * word


def decide(matches: Sequence[Match], min_score: float = MIN_SCORE,
           answer_score: float = ANSWER_SCORE, margin: float = MARGIN,
           specific_min: float = SPECIFIC_MIN) -> Decision:
    """The decision for ranked matches (thresholds as parameters for tuning). The second
    stage: the best article must share a specific word with the question ("openingstijden
    bibliotheek" shares only "openingstijden" with the town hall's hours), and only such
    articles are offered to choose from. A clear fit (from `answer_score`) without that word
    is offered, not answered: its rarest word is often a typo or the resident's own word
    ("vernieuwen"), but it may also be the subject nobody wrote about ("bibliotheek").
    A best article that leaves the question's subject unaddressed (`Match.unaddressed`)
    gives "none" whatever its score."""
    if not matches or matches[0].score < min_score or matches[0].unaddressed:
        return Decision("none")
    best = matches[0].score
    if best < answer_score and matches[0].specific < specific_min:
        # "wanneer wordt onze straat gestrooid?": the sweeping article leads on "wanneer
        # wordt onze straat", the gritting one close behind has the word that matters
        close = [m for m in matches[:CHOOSE_MAX] if m.specific >= specific_min
                 and m.score >= max(best - SPECIFIC_BEHIND, min_score) and not m.unaddressed]
        if close:
            return Decision("choose", tuple(m.article for m in close),
                            tuple(m.score for m in close))
    if best >= answer_score and matches[0].specific < specific_min:
        if matches[0].other_kind:
            return Decision("none")  # "inkomstenbelasting" is no dog tax
        return Decision("choose", (matches[0].article,), (best,))
    if matches[0].specific < specific_min:
        return Decision("none")
    close = [m for m in matches[:CHOOSE_MAX] if m.score >= max(best - margin, min_score)
             and m.specific >= specific_min]
    # nearly a clear fit, and far ahead of every other article ("onze dochter is zaterdag
    # geboren, hoe geef ik haar aan bij de gemeente" at 0.435, the next at 0.24): its answer,
    # not "Gaat uw vraag over dit onderwerp?" (own try, session 57)
    alone = len(close) == 1 and best >= answer_score - NEAR_ANSWER and all(
        m.score <= best - LEAD for m in matches[1:CHOOSE_MAX])
    kind = "answer" if len(close) == 1 and best >= answer_score or alone else "choose"
    return Decision(kind, tuple(m.article for m in close), tuple(m.score for m in close))


class LiveIndex:
    """The index over the published articles of a database, rebuilt after a change."""

    def __init__(self, url: str = DATABASE_URL, refresh_seconds: float = REFRESH_SECONDS
                 ) -> None:
        self.url = url
        self.refresh_seconds = refresh_seconds
        self._index = Index([])
        self._version: Optional[int] = None
        self._checked = -math.inf
        self._lock = threading.Lock()

    def current(self) -> Index:
        """The index, rebuilt first when the knowledge base changed since the last check."""
        now = time.monotonic()
        if now - self._checked < self.refresh_seconds:
            return self._index
        with self._lock:
            if now - self._checked < self.refresh_seconds:
                return self._index
            from bot.knowledge import store   # the database only for a live index

            try:
                version = store.knowledge_version(self.url)
                if version != self._version:
                    articles = store.published_articles(self.url)
                    started = time.perf_counter()
                    self._index = Index(articles)
                    self._version = version
                    logger.info("Knowledge index: %s articles (version %s) in %.0f ms",
                                len(articles), version, (time.perf_counter() - started) * 1000)
            except Exception:   # a database hiccup keeps the index the bot already has
                logger.exception("Knowledge index not refreshed")
            self._checked = time.monotonic()
        return self._index

    def search(self, question: str, top: int = 3) -> List[Match]:
        return self.current().search(question, top)

    def answer_for(self, question: str) -> Decision:
        return self.current().answer_for(question)


_LIVE: Dict[str, LiveIndex] = {}
_LIVE_LOCK = threading.Lock()


def live_index(url: str = DATABASE_URL) -> LiveIndex:
    """One live index per database in this process."""
    with _LIVE_LOCK:
        if url not in _LIVE:
            _LIVE[url] = LiveIndex(url)
        return _LIVE[url]


def search(question: str, top: int = 3, url: str = DATABASE_URL) -> List[Match]:
    """The best published articles for a question, best first."""
    return live_index(url).search(question, top)


def answer_for(question: str, url: str = DATABASE_URL) -> Decision:
    """What the bot should do with a question: answer, choose or none."""
    return live_index(url).answer_for(question)
