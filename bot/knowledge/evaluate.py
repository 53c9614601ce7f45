"""Measure retrieval on a test set: python -m bot.knowledge.evaluate FILE [--folder DIR]
(without FILE: each article's first question variant, --leave-out to take it out first).

The test set is YAML: `{questions: [{text, article}], unanswerable: [text]}`. The articles
are the published ones of the knowledge folder (or of a database with --url).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot.knowledge import KNOWLEDGE_DIR
from bot.knowledge.articles import Article, load_folder
from bot.knowledge.retrieval import Index


def load_test_set(test_file: Path) -> Tuple[List[Tuple[str, str]], List[str]]:
    """The (question, article id) pairs and the unanswerable questions of a test file."""
    raw = yaml.safe_load(Path(test_file).read_text(encoding="utf-8")) or {}
    questions = [(str(q["text"]), str(q["article"])) for q in raw.get("questions") or []]
    return questions, [str(t) for t in raw.get("unanswerable") or []]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] \
        if ordered else 0.0


def run(index: Index, questions: Sequence[Tuple[str, str]], unanswerable: Sequence[str]
        ) -> Dict[str, Any]:
    """The measures of one index on one test set (fractions 0..1, times in ms)."""
    known = {a.id for a in index.articles}
    unknown = sorted({article for _, article in questions if article not in known})
    times: List[float] = []
    top1 = answered_right = answered_wrong = chosen = chosen_right = missed = 0
    mistakes: List[Dict[str, Any]] = []
    for text, expected in questions:
        started = time.perf_counter()
        matches = index.search(text, top=3)
        decision = index.answer_for(text)
        times.append((time.perf_counter() - started) * 1000)
        ids = [a.id for a in decision.articles]
        top1 += bool(matches) and matches[0].article.id == expected
        if decision.kind == "answer":
            answered_right += ids[0] == expected
            answered_wrong += ids[0] != expected
        elif decision.kind == "choose":
            chosen += 1
            chosen_right += expected in ids
        else:
            missed += 1
        if decision.kind == "none" or expected not in ids or decision.kind == "choose":
            mistakes.append({"text": text, "expected": expected, "kind": decision.kind,
                             "got": [f"{m.article.id} {m.score:.2f}" for m in matches]})
    none = answered_out = 0
    for text in unanswerable:
        started = time.perf_counter()
        decision = index.answer_for(text)
        times.append((time.perf_counter() - started) * 1000)
        none += decision.kind == "none"
        answered_out += decision.kind == "answer"
        if decision.kind != "none":
            mistakes.append({"text": text, "expected": None, "kind": decision.kind,
                             "got": [a.id for a in decision.articles]})
    n, u = max(len(questions), 1), max(len(unanswerable), 1)
    return {
        "questions": len(questions), "unanswerable": len(unanswerable),
        "top1_accuracy": top1 / n,
        "answered_right": answered_right / n, "answered_wrong": answered_wrong / n,
        "choose_rate": chosen / n, "choose_has_right": chosen_right / max(chosen, 1),
        "missed": missed / n,
        "unanswerable_none": none / u, "unanswerable_answered": answered_out / u,
        "mean_ms": statistics.fmean(times) if times else 0.0,
        "p95_ms": _percentile(times, 0.95),
        "unknown_articles": unknown, "mistakes": mistakes,
    }


def evaluate(test_file: Path, folder: Path = KNOWLEDGE_DIR, url: Optional[str] = None,
             articles: Optional[Sequence[Article]] = None) -> Dict[str, Any]:
    """Top-1 accuracy, how often unanswerable questions get "none", the "choose" rate and
    the mean/p95 time per question, for the published articles of `folder` (or `url`)."""
    if articles is None:
        if url:
            from bot.knowledge import store

            articles = store.published_articles(url)
        else:
            articles = [a for a in load_folder(folder) if a.status == "published"]
    index = Index(articles)
    questions, unanswerable = load_test_set(test_file)
    for text, _ in questions[:5]:   # warm the caches so the times are steady-state
        index.answer_for(text)
    return run(index, questions, unanswerable)


def self_check(articles: Sequence[Article], leave_out: bool = False) -> Dict[str, Any]:
    """Ask each article's first question variant. With `leave_out`, that variant is first
    taken out of the article (a fresh index per article), so it is a question never seen."""
    articles = list(articles)
    questions = [(a.questions[0], a.id) for a in articles]
    if not leave_out:
        return run(Index(articles), questions, [])
    results = []
    for number, article in enumerate(articles):
        rest = article.questions[1:] or article.questions
        without = [dataclasses.replace(a, questions=rest) if n == number else a
                   for n, a in enumerate(articles)]
        results.append(run(Index(without), [questions[number]], []))
    keys = ("top1_accuracy", "answered_right", "answered_wrong", "choose_rate", "missed")
    merged: Dict[str, Any] = {k: statistics.fmean(r[k] for r in results) for k in keys}
    chosen = [r for r in results if r["choose_rate"]]
    merged["choose_has_right"] = (statistics.fmean(r["choose_has_right"] for r in chosen)
                                  if chosen else 0.0)
    merged["questions"] = len(results)
    merged["mistakes"] = [m for r in results for m in r["mistakes"]]
    return merged


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge.evaluate",
                                     description=__doc__)
    parser.add_argument("test_file", type=Path, nargs="?",
                        help="without it: each article's first question (--leave-out: unseen)")
    parser.add_argument("--folder", type=Path, default=KNOWLEDGE_DIR)
    parser.add_argument("--url", default=None, help="use the published articles of a database")
    parser.add_argument("--mistakes", action="store_true", help="list what went wrong")
    parser.add_argument("--leave-out", action="store_true",
                        help="without a test file: leave the asked variant out of the index")
    args = parser.parse_args(argv)
    if args.test_file:
        result = evaluate(args.test_file, args.folder, args.url)
    else:
        result = self_check([a for a in load_folder(args.folder) if a.status == "published"],
                            args.leave_out)
    mistakes = result.pop("mistakes")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v
                      for k, v in result.items()}, indent=2, ensure_ascii=False))
    if args.mistakes:
        for mistake in mistakes:
            print(json.dumps(mistake, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
