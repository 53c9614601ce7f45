"""NLU quality gate on the held-out test set (the full report is `make eval`)."""
from __future__ import annotations

from collections import Counter, defaultdict

from rasa.shared.nlu.training_data.loading import load_data

from bot.settings import ROOT
from tests.conftest import post_json

TEST_SET = ROOT / "tests" / "nlu"  # test_set*.yml, one file per topic
REQUIRED_INTENTS = {
    "report_pavement_road", "report_waste_collection", "report_street_lighting",
    "report_public_space_other", "bulky_waste_pickup", "passport_id_appointment",
    "driving_licence", "moving_address_change", "parking_permit", "opening_hours",
    "ask_human", "complaint", "greeting", "thanks", "goodbye", "out_of_scope",
    "municipal_question", "taxes", "permit_question", "money_worries", "ask_report_status",
}


def test_test_set_covers_every_required_intent_and_is_not_training_data():
    test_examples = load_data(str(TEST_SET)).intent_examples
    assert {m.get("intent") for m in test_examples} >= REQUIRED_INTENTS
    training = {m.get("text").lower()
                for m in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    overlap = [m.get("text") for m in test_examples if m.get("text").lower() in training]
    assert not overlap, f"test messages copied from training data: {overlap}"


def test_held_out_accuracy(stack):
    predicted, per_intent = Counter(), defaultdict(Counter)
    for message in load_data(str(TEST_SET)).intent_examples:
        status, parsed = post_json(f"{stack.url}/model/parse?token={stack.token}",
                                   {"text": message.get("text")})
        assert status == 200
        expected = message.get("intent")
        hit = parsed["intent"]["name"] == expected or (
            # gibberish: asking back (the fallback) is as right as "I can't help"
            expected == "out_of_scope" and parsed["intent"]["name"] == "nlu_fallback")
        predicted[hit] += 1
        per_intent[expected][hit] += 1
    accuracy = predicted[True] / sum(predicted.values())
    # Recall per intent with at least 5 test lines (a handful of lines is noise).
    recall = {intent: c[True] / sum(c.values()) for intent, c in per_intent.items()
              if sum(c.values()) >= 5}
    print(f"held-out accuracy {accuracy:.3f}; lowest recall "
          f"{sorted(recall.items(), key=lambda kv: kv[1])[:3]}")
    assert accuracy >= 0.90
    assert min(recall.values()) >= 0.70, recall
