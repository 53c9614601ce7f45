"""Choose the retrieval weights and thresholds on a test set (a grid search):
python -m bot.knowledge.tune DEV_FILE [CHECK_FILE] --folder DIR.

With --leave-out the questions are the folder's own variants, each asked of an index
without it; --leave-article-out adds, as questions without an article, every variant asked
of an index without its whole article (the near misses a resident asks about a subject
nobody wrote about yet).

The utility counts per answerable question: answered right +1, a choice that holds the right
article +0.6, a choice without it -0.5, answered wrong -2, nothing -0.3; per unanswerable
question: a choice -0.5, an answer -2. Both halves are averaged and added.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from bot.knowledge import KNOWLEDGE_DIR, retrieval
from bot.knowledge.articles import Article, load_folder
from bot.knowledge.evaluate import load_test_set
from bot.knowledge.retrieval import Index, Match, decide

WEIGHTS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
MIN_SCORES = tuple(np.round(np.arange(0.15, 0.56, 0.025), 3))
ANSWER_SCORES = tuple(np.round(np.arange(0.3, 0.81, 0.05), 3))
MARGINS = (0.06, 0.08, 0.1, 0.12, 0.15, 0.18)
SPECIFIC_MINS = (0.0, 0.01, 0.4, 0.5, 0.6, 0.7, 0.8)


Parts = List[Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def _components(index: Index, texts: Sequence[str]) -> Parts:
    """Per question: the articles' n-gram, word and specific-word scores, whether it names
    another kind of a thing each article is about, and whether its subject is unaddressed
    by each article."""
    empty = np.zeros(len(index.articles))
    everyone = range(len(index.articles))
    return [(index.char_scores(t), index.word_scores(t), index.specific_overlap(t),
             np.array(index.other_kinds(t, everyone), dtype=bool),
             np.array(index.unaddressed(t, everyone), dtype=bool))
            if retrieval.tokens(t) else (empty, empty, empty, empty.astype(bool),
                                         empty.astype(bool))
            for t in texts]


def utility(index: Index, parts: Parts, expected: Sequence[Optional[str]], weight: float,
            min_score: float, answer_score: float, margin: float,
            specific_min: float = 0.0) -> float:
    """The utility (see the module text) of one setting."""
    good: List[float] = []
    bad: List[float] = []
    for (char, word, specific, kind, away), want in zip(parts, expected):
        scores = retrieval.combine(char, word, weight)
        order = np.argsort(-scores, kind="stable")[:retrieval.CHOOSE_MAX]
        matches = [Match(index.articles[n], float(scores[n]), float(specific[n]),
                         bool(kind[n]), bool(away[n])) for n in order]
        decision = decide(matches, min_score, answer_score, margin, specific_min)
        ids = [a.id for a in decision.articles]
        if want is None:
            bad.append({"none": 0.0, "choose": -0.5, "answer": -2.0}[decision.kind])
        elif decision.kind == "answer":
            good.append(1.0 if ids[0] == want else -2.0)
        elif decision.kind == "choose":
            good.append(0.6 if want in ids else -0.5)
        else:
            good.append(-0.3)
    return float(np.mean(good or [0]) + np.mean(bad or [0]))


def leave_out_parts(articles: Sequence[Article], unanswerable: Sequence[str]):
    """Scores for every question variant asked of an index without that variant (so each
    is a question never seen), and for the unanswerable questions; with the expected ids."""
    articles = list(articles)
    parts, expected = [], []
    for number, article in enumerate(articles):
        if len(article.questions) < 2:
            continue
        for asked in range(len(article.questions)):
            rest = article.questions[:asked] + article.questions[asked + 1:]
            index = Index([dataclasses.replace(a, questions=rest) if n == number else a
                           for n, a in enumerate(articles)])
            parts += _components(index, [article.questions[asked]])
            expected.append(article.id)
    parts += _components(Index(articles), list(unanswerable))
    return parts, expected + [None] * len(unanswerable)


def leave_article_out_parts(articles: Sequence[Article]):
    """Every variant asked of an index without its whole article: a question the knowledge
    base has no article for (the article's scores are kept at 0 so positions line up)."""
    articles = list(articles)
    parts: Parts = []
    for number, article in enumerate(articles):
        index = Index(articles[:number] + articles[number + 1:])
        parts += [(*(np.insert(score, number, 0.0) for score in found[:3]),
                   *(np.insert(flags, number, False) for flags in found[3:]))
                  for found in _components(index, article.questions)]
    return parts, [None] * len(parts)


def grid(index: Index, test_file: Optional[Path] = None, parts=None, expected=None,
         weights: Sequence[float] = WEIGHTS) -> List[Tuple[float, Dict[str, float]]]:
    """Every setting with its utility on a test file (or given scores), best first."""
    if test_file is not None:
        questions, unanswerable = load_test_set(test_file)
        texts = [q for q, _ in questions] + list(unanswerable)
        expected = [a for _, a in questions] + [None] * len(unanswerable)
        parts = _components(index, texts)
    results = []
    for weight, low, high, margin, specific in itertools.product(
            weights, MIN_SCORES, ANSWER_SCORES, MARGINS, SPECIFIC_MINS):
        if high < low:
            continue
        value = utility(index, parts, expected, weight, low, high, margin, specific)
        results.append((value, {"char_weight": weight, "min_score": low,
                                "answer_score": high, "margin": margin,
                                "specific_min": specific}))
    results.sort(key=lambda r: -r[0])
    return results


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge.tune", description=__doc__)
    parser.add_argument("dev_file", type=Path)
    parser.add_argument("check_file", type=Path, nargs="?")
    parser.add_argument("--folder", type=Path, default=KNOWLEDGE_DIR)
    parser.add_argument("--leave-out", action="store_true",
                        help="questions: the folder's own variants, each left out in turn; "
                             "only the unanswerable ones of DEV_FILE are used")
    parser.add_argument("--leave-article-out", action="store_true",
                        help="with --leave-out: also each article's variants asked without "
                             "the article, as questions without an article")
    parser.add_argument("--weight", type=float, action="append",
                        help="only these char weights (default: the whole grid)")
    args = parser.parse_args(argv)
    articles = [a for a in load_folder(args.folder) if a.status == "published"]
    index = Index(articles)
    weights = tuple(args.weight or WEIGHTS)
    if args.leave_out:
        parts, expected = leave_out_parts(articles, load_test_set(args.dev_file)[1])
        if args.leave_article_out:
            more, none = leave_article_out_parts(articles)
            parts, expected = parts + more, expected + none
        results = grid(index, parts=parts, expected=expected, weights=weights)
    else:
        results = grid(index, args.dev_file, weights=weights)
    for value, setting in results[:10]:
        print(f"{value:.3f} {setting}")
    current = {"char_weight": retrieval.CHAR_WEIGHT, "min_score": retrieval.MIN_SCORE,
               "answer_score": retrieval.ANSWER_SCORE, "margin": retrieval.MARGIN,
               "specific_min": retrieval.SPECIFIC_MIN}
    print("current", [round(v, 3) for v, s in results if s == current] or "not in grid",
          current)
    if args.check_file:
        questions, unanswerable = load_test_set(args.check_file)
        texts = [q for q, _ in questions] + list(unanswerable)
        expected = [a for _, a in questions] + [None] * len(unanswerable)
        parts = _components(index, texts)
        for label, setting in (("best", results[0][1]), ("current", current)):
            value = utility(index, parts, expected, setting["char_weight"],
                            setting["min_score"], setting["answer_score"], setting["margin"],
                            setting["specific_min"])
            print(f"{label} on {args.check_file.name}: {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
