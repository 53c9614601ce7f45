"""Stops the classifier from guessing on messages it cannot have understood.

- No words at all (empty, only emoji or punctuation): intent `no_text`.
- A short message none of whose words resembles any word of the training data
  ("plof zwiep knars"): `nlu_fallback`, so the bot asks to rephrase instead of
  answering a topic with false confidence. A word counts as known when it is close to
  a training word (typos) or contains or is part of one (Dutch compounds:
  "klachtenformulier", "lantaarn"). Words of three letters or fewer are left to the
  model.
"""
from __future__ import annotations

import difflib
import json
import re
from typing import Any, Dict, Iterable, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.text import has_words

NO_TEXT_INTENT = "no_text"
FALLBACK_INTENT = "nlu_fallback"
_WORD = re.compile(r"[^\W\d_]{2,}")
# E-mail addresses, numbers and links are answers, not gibberish.
_ADDRESS_LIKE = re.compile(r"[@\d/]")
MAX_WORDS_CHECKED = 6
SIMILARITY = 0.8
# A short word is close only with one letter off at most ("kapt" ~ "kapot", not "frotz" ~ "front").
SHORT_WORD, SHORT_SIMILARITY = 5, 0.85
MIN_PART = 4  # letters a word part needs to count for compounds


def words_of(text: Optional[Text]) -> List[Text]:
    return _WORD.findall((text or "").lower())


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class InputGuard(GraphComponent):
    """Placed after the intent classifier and entity extractors, before the FallbackClassifier."""

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: Optional[Set[Text]] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary or set()
        self._sorted = sorted(self.vocabulary)
        self._parts = [word for word in self._sorted if len(word) >= MIN_PART]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "InputGuard":
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "InputGuard":
        try:
            with model_storage.read_from(resource) as directory:
                words = json.loads((directory / "vocabulary.json").read_text())
        except (ValueError, FileNotFoundError):
            words = []
        return cls(model_storage, resource, set(words))

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary: Set[Text] = set()
        for example in training_data.training_examples:
            vocabulary.update(words_of(example.get(TEXT)))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "vocabulary.json").write_text(json.dumps(sorted(vocabulary)))
        return self._resource

    def is_known(self, word: Text) -> bool:
        if word in self.vocabulary or len(word) < MIN_PART:
            return True
        if any(part in word or word in part for part in self._parts):
            return True
        cutoff = SHORT_SIMILARITY if len(word) <= SHORT_WORD else SIMILARITY
        return bool(difflib.get_close_matches(word, self._parts, n=1, cutoff=cutoff))

    def understood_nothing(self, words: Iterable[Text]) -> bool:
        words = list(words)
        return (0 < len(words) <= MAX_WORDS_CHECKED and bool(self.vocabulary)
                and not any(self.is_known(word) for word in words))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not has_words(text):
                _set_intent(message, NO_TEXT_INTENT)
            elif (not message.get(ENTITIES) and not _ADDRESS_LIKE.search(text)
                  and self.understood_nothing(words_of(text))):
                _set_intent(message, FALLBACK_INTENT)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _set_intent(message: Message, name: Text) -> None:
    intent = {"name": name, "confidence": 1.0}
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
