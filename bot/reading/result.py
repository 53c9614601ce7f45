"""What one message says, as the dialogue needs it: the result of `read_message`.

Kept apart from the readers so the action server and the policies can use a reading
without loading spaCy or the language models. Entities carry an `extractor` of
`MessageReader`, so they are never confused with the regex entities of the training data.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Dict, List, Optional, Tuple

from bot.intents import REPORT_INTENTS
from bot.reading.places import Place
from bot.reading.questions import is_question

EXTRACTOR = "MessageReader"
# Kinds of danger the bot answers with an emergency number before anything else.
URGENT = ("emergency", "gas", "power")


@dataclass(frozen=True)
class Reading:
    """What one message says, as far as the dialogue needs to know."""

    danger: Optional[str] = None
    danger_reason: Optional[str] = None
    alarm: bool = False  # words that may mean danger to people, outside the place named
    place: Optional[Dict[str, Any]] = None
    not_a_place: bool = False
    email: Optional[str] = None
    phone: Optional[str] = None
    answer: Optional[bool] = None
    thanks: bool = False
    addition: Optional[str] = None
    personal_data: Tuple[str, ...] = ()
    description: Optional[str] = None
    category: Optional[str] = None
    repeated: bool = False
    harm: bool = False
    noise_now: bool = False  # noise going on now: the police can send someone, we cannot
    blocked_in: bool = False  # a car blocks a driveway or door: the police can act now
    long_standing: bool = False  # "al twee weken": it has been like this a long time
    injured: bool = False  # someone got hurt by it: the report gets priority
    problems: Tuple[Dict[str, str], ...] = ()
    question: Optional[str] = None
    report_question: Optional[str] = None  # about the report being made (report_questions.py)
    no_report: bool = False  # "ik heb een vraag, ik wil niets melden"
    need: Optional[str] = None  # the article of an acute need (needs.py): no food, no bed
    language: Optional[str] = None

    @property
    def urgent(self) -> bool:
        return self.danger in URGENT

    @property
    def location(self) -> Optional[Place]:
        return Place.from_dict(self.place) if self.place else None

    def answers_where_all_the_same(self, text: str, intent: Optional[str]) -> bool:
        """The message answers "Waar is het?" although the model heard another topic ("no
        idea of the street name sorry, i just moved here. its the path from the bike parking
        to the platform" as a parking permit, round r276): it asks nothing and tells a place
        or a yes or no."""
        return (intent not in REPORT_INTENTS and not self.danger and self.question is None
                and not is_question(text)
                and (self.answer is not None or self.location is not None))

    def to_entities(self, text: str) -> List[Dict[str, Any]]:
        """The reading as Rasa entities: one per field that holds something."""
        entities = []
        for name, value in asdict(self).items():
            if value is None or value in ((), "") or (value is False and name != "answer"):
                continue
            entities.append({"entity": f"read_{name}", "value": _jsonable(value), "start": 0,
                             "end": len(text), "confidence_entity": 1.0,
                             "extractor": EXTRACTOR})
        return entities

    @classmethod
    def from_entities(cls, entities: Optional[List[Dict[str, Any]]]) -> "Reading":
        """The reading stored on a message (empty for a message the reader did not see)."""
        names = {f.name for f in fields(cls)}
        values: Dict[str, Any] = {}
        for entity in entities or []:
            name = str(entity.get("entity", ""))[len("read_"):]
            if entity.get("extractor") == EXTRACTOR and name in names:
                value = entity.get("value")
                values[name] = tuple(value) if isinstance(value, list) else value
        return cls(**values)


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
