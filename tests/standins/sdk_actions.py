"""Custom actions for the tests of bot/inprocess_actions.py: one of each kind of answer an
action gives (events and messages, a rejection, an exception, a slow one, a meddler)."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict


class ActionEcho(Action):
    """Says back what it got: the latest text, a slot, whether the domain came along."""

    def name(self) -> Text:
        return "action_probe_echo"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text")
        dispatcher.utter_message(response="utter_probe", name=text)
        dispatcher.utter_message(text=f"slot {tracker.get_slot('probe')!r}",
                                 buttons=[{"title": "ja", "payload": "/affirm"}],
                                 json_message={"k": (1, 2)})
        return [SlotSet("probe", {"said": text, "pair": (1, 2), 3: "drie"}),
                ActiveLoop(None), FollowupAction("action_listen"),
                SlotSet("has_domain", "responses" in domain)]


class ActionReject(Action):
    def name(self) -> Text:
        return "action_probe_reject"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> List[Dict[Text, Any]]:
        raise ActionExecutionRejection(self.name(), "niet nu")


class ActionFail(Action):
    def name(self) -> Text:
        return "action_probe_fail"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> List[Dict[Text, Any]]:
        raise RuntimeError("stuk")


class ActionSlow(Action):
    def name(self) -> Text:
        return "action_probe_slow"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        await asyncio.sleep(5)
        return []


class ActionMeddle(Action):
    """Changes what it was given, which must not change Rasa's tracker or domain."""

    def name(self) -> Text:
        return "action_probe_meddle"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> List[Dict[Text, Any]]:
        tracker.latest_message["intent"]["name"] = "meddled"
        tracker.events[-1]["text"] = "meddled"
        domain["responses"]["utter_probe"] = []
        return []


class ValidateProbeForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_probe_form"

    def validate_probe(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> Dict[Text, Any]:
        if value == "fout":
            dispatcher.utter_message(response="utter_probe", name="fout")
            return {"probe": None}
        return {"probe": str(value).upper()}
