"""`make eval`: NLU quality on the held-out test set plus cross-validation on the training data.

Runs Rasa's own `rasa test nlu`, then prints per-intent precision/recall/F1, the
confusion matrix and the most frequent confusions, and writes results/EVAL.md.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

from bot.model import ensure_model
from bot.settings import CONFIG_FILE, DATA_DIR, DOMAIN_DIR, ROOT

RESULTS = ROOT / "results"
TEST_SET = ROOT / "tests" / "nlu"  # test_set*.yml, one file per topic
KNOWLEDGE_TEST_SET = ROOT / "tests" / "knowledge" / "questions.yml"


def rasa_test_nlu(*arguments: str) -> None:
    command = [sys.executable, "-m", "rasa", "test", "nlu", *arguments]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def load_predictions(out: Path) -> List[Tuple[str, str]]:
    """(expected, predicted) for every test message, from Rasa's success and error files."""
    pairs = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = out / name
        if path.exists():
            for item in json.loads(path.read_text()):
                pairs.append((item["intent"], item["intent_prediction"]["name"] or "None"))
    return pairs


def report_table(report: Dict[str, Dict]) -> List[str]:
    rows = ["| intent | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    intents = sorted(k for k in report if isinstance(report[k], dict) and "support" in report[k]
                     and k not in {"macro avg", "weighted avg", "micro avg"})
    for intent in intents:
        r = report[intent]
        rows.append(f"| {intent} | {r['precision']:.2f} | {r['recall']:.2f} | "
                    f"{r['f1-score']:.2f} | {r['support']} |")
    return rows


def confusion_table(pairs: List[Tuple[str, str]]) -> List[str]:
    labels = sorted({label for pair in pairs for label in pair})
    counts = Counter(pairs)
    short = {label: f"{i:02d}" for i, label in enumerate(labels)}
    rows = ["| expected \\ predicted | " + " | ".join(short[label] for label in labels) + " |",
            "|---|" + "---:|" * len(labels)]
    for expected in labels:
        cells = [str(counts.get((expected, p), "")) for p in labels]
        rows.append(f"| {short[expected]} {expected} | " + " | ".join(cells) + " |")
    return rows


def summary(report: Dict[str, Dict], pairs: List[Tuple[str, str]]) -> List[str]:
    accuracy = sum(e == p for e, p in pairs) / len(pairs)
    per_intent = {k: v for k, v in report.items() if isinstance(v, dict) and "support" in v
                  and k not in {"macro avg", "weighted avg", "micro avg"}}
    worst = sorted(per_intent.items(), key=lambda kv: kv[1]["f1-score"])[:5]
    confusions = Counter((e, p) for e, p in pairs if e != p).most_common(8)
    lines = [f"- messages: {len(pairs)}", f"- accuracy: {accuracy:.3f}",
             f"- macro F1: {report['macro avg']['f1-score']:.3f}",
             f"- weighted F1: {report['weighted avg']['f1-score']:.3f}",
             "- worst intents (F1): " + ", ".join(f"{k} {v['f1-score']:.2f}" for k, v in worst),
             "- most frequent confusions: " + (", ".join(
                 f"{e} → {p} ({n})" for (e, p), n in confusions) or "none")]
    return lines


def section(title: str, out: Path) -> List[str]:
    report = json.loads((out / "intent_report.json").read_text())
    pairs = load_predictions(out)
    return ([f"## {title}", ""] + summary(report, pairs) + ["", "### Per intent", ""]
            + report_table(report) + ["", "### Confusion matrix", ""]
            + confusion_table(pairs) + [""])


def knowledge_section() -> List[str]:
    """Retrieval over the knowledge base on questions written apart from its articles."""
    from bot.knowledge.evaluate import evaluate

    result = evaluate(KNOWLEDGE_TEST_SET)
    rows = [("top-1 article accuracy (goal 0.90)", result["top1_accuracy"]),
            ("answered with the right article", result["answered_right"]),
            ("answered with a wrong article", result["answered_wrong"]),
            ("'Bedoelt u …?' (the right one among the buttons: "
             f"{result['choose_has_right']:.2f})", result["choose_rate"]),
            ("questions without an article that got 'none' (goal 0.90)",
             result["unanswerable_none"]),
            ("questions without an article that got a wrong answer",
             result["unanswerable_answered"])]
    return ["", f"## Knowledge base ({KNOWLEDGE_TEST_SET.relative_to(ROOT)}: "
            f"{result['questions']} questions, {result['unanswerable']} without an article)",
            "", "| measure | share |", "|---|---:|",
            *[f"| {name} | {value:.3f} |" for name, value in rows],
            f"| retrieval time per question, mean / p95 | {result['mean_ms']:.1f} / "
            f"{result['p95_ms']:.1f} ms |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3,
                        help="cross-validation folds on the training data (0 to skip)")
    args = parser.parse_args()

    model = ensure_model()
    test_out = RESULTS / "nlu-test-set"
    rasa_test_nlu("--model", str(model), "--nlu", str(TEST_SET), "--out", str(test_out),
                  "--successes", "--no-plot")
    lines = ["# NLU evaluation", "", f"Model: `{model.name}`", ""]
    lines += section(f"Held-out test set ({TEST_SET.relative_to(ROOT)})", test_out)

    if args.folds:
        cv_out = RESULTS / "cross-validation"
        rasa_test_nlu("--nlu", str(DATA_DIR / "nlu"), "--config", str(CONFIG_FILE),
                      "--domain", str(DOMAIN_DIR),
                      "--cross-validation", "--folds", str(args.folds), "--out", str(cv_out),
                      "--successes", "--no-plot")
        lines += section(f"Cross-validation on the training data ({args.folds} folds)", cv_out)

    lines += knowledge_section()
    text = "\n".join(lines)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "EVAL.md").write_text(text + "\n")
    print(text)
    print(f"\nWritten to {RESULTS / 'EVAL.md'}")


if __name__ == "__main__":
    main()
