"""Questions that sound like reports: answered, not filed."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.emergency import forget_unanswered_question
from actions.reading import reading_of


class ActionAnswerQuestion(Action):
    """A question that sounds like a report ("when is the bin emptied?"): the answer,
    not a report form. The intent keeps its name; the reader found the question."""

    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        response = f"utter_answer_{reading_of(tracker).question}"
        if response not in domain.get("responses", {}):
            response = "utter_out_of_scope"
        utter(dispatcher, response)
        return forget_unanswered_question(tracker)
