"""The linear second opinion on the intent (bot/nlu/linear_intents.py), trained on a small
set of messages in Rasa's own model storage."""
from __future__ import annotations

from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.linear_intents import LinearIntentClassifier

_TRAINING = {
    "report_street_lighting": ["lantaarnpaal kapot", "de straatlamp brandt niet",
                               "lamp op de hoek doet het niet", "straatverlichting uit"],
    "report_pavement_road": ["stoeptegel los", "gat in de weg", "losse tegels op de stoep",
                             "kuil in het fietspad"],
    "taxes": ["vraag over mijn aanslag", "woz waarde te hoog", "kwijtschelding aanvragen",
              "hondenbelasting betalen"],
}


def _trained(tmp_path, **config):
    tmp_path.mkdir(parents=True, exist_ok=True)
    storage = LocalModelStorage(tmp_path)
    resource = Resource("linear_intents")
    context = ExecutionContext(None, "test")
    component = LinearIntentClassifier.create(config, storage, resource, context)
    component.train(TrainingData([Message({"text": text, "intent": intent})
                                  for intent, texts in _TRAINING.items() for text in texts]))
    return LinearIntentClassifier.load(config, storage, resource, context)


def _message(text, diet):
    message = Message({"text": text})
    message.set("intent", {"name": diet[0][0], "confidence": diet[0][1]})
    message.set("intent_ranking", [{"name": name, "confidence": score} for name, score in diet])
    return message


def test_a_confident_linear_model_outvotes_a_wavering_diet(tmp_path):
    message = _message("de lantaarnpaal brand niet", [("taxes", 0.55),
                                                       ("report_street_lighting", 0.45)])
    _trained(tmp_path).process([message])
    assert message.get("intent")["name"] == "report_street_lighting"
    ranking = message.get("intent_ranking")
    assert [entry["confidence"] for entry in ranking] == sorted(
        (entry["confidence"] for entry in ranking), reverse=True)
    assert abs(sum(entry["confidence"] for entry in ranking) - 1.0) < 1e-6


def test_the_weight_decides_how_much_diet_counts(tmp_path):
    diet = [("taxes", 1.0)]
    only_diet = _message("losse stoeptegel", diet)
    _trained(tmp_path / "a", diet_weight=1.0).process([only_diet])
    assert only_diet.get("intent") == {"name": "taxes", "confidence": 1.0}
    blended = _message("losse stoeptegel", diet)
    _trained(tmp_path / "b", diet_weight=0.3).process([blended])
    assert blended.get("intent")["name"] == "report_pavement_road"


def test_a_message_without_text_keeps_its_intent(tmp_path):
    message = _message("", [("greeting", 0.9)])
    _trained(tmp_path).process([message])
    assert message.get("intent") == {"name": "greeting", "confidence": 0.9}


def test_sharpening_keeps_the_order_and_raises_the_top(tmp_path):
    diet = [("taxes", 0.6), ("report_pavement_road", 0.4)]
    plain, sharp = _message("aanslag", diet), _message("aanslag", diet)
    _trained(tmp_path / "a", sharpness=1.0).process([plain])
    _trained(tmp_path / "b", sharpness=2.0).process([sharp])
    assert [e["name"] for e in sharp.get("intent_ranking")] == [
        e["name"] for e in plain.get("intent_ranking")]
    assert sharp.get("intent")["confidence"] > plain.get("intent")["confidence"]
