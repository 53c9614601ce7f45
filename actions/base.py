"""Shared pieces for actions: profile values in every response."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.profile import profile


def utter(dispatcher: CollectingDispatcher, response: Text, **values: Any) -> None:
    """Utter a domain response with the municipality profile's placeholders filled in."""
    dispatcher.utter_message(response=response, **{**profile().template_vars(), **values})


class ProfileAction(Action, ABC):
    """Base for actions whose answer is one response chosen from the conversation.

    Abstract, so the SDK does not register it as an action.
    """

    @abstractmethod
    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        """The response key to utter."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        utter(dispatcher, self.response_for(tracker, domain))
        return []
