"""One message never makes the Rasa server predict actions without end (bot/rasa_patches.py).

Round 74: a two-stage fallback that puts the reverted message back (with an action_listen)
reset Rasa's own circuit breaker; predicted again and again, it hung the server.
"""
from __future__ import annotations

import asyncio
import types
from typing import Any

import pytest

from rasa.core.processor import MessageProcessor

from bot import rasa_patches


_TRACKER = types.SimpleNamespace(sender_id="resident")


class _Fallback:
    def name(self) -> str:
        return "action_two_stage_fallback"


@pytest.fixture
def processor(monkeypatch) -> MessageProcessor:
    """Rasa's own prediction loop, with a policy that always predicts the fallback and an
    action that always asks for another prediction (as the reverting fallback does); its
    predictions are counted in `processor.predicted`."""
    processor = object.__new__(MessageProcessor)
    processor.on_circuit_break = None
    processor.nlg = None
    processor.predicted = []

    def predict(_self: Any, tracker: Any) -> Any:
        processor.predicted.append("action_two_stage_fallback")
        return _Fallback(), type("Prediction", (), {"is_end_to_end_prediction": False})()

    async def run_action(*args: Any, **kwargs: Any) -> bool:
        return True

    processor._should_handle_message = lambda tracker: True
    processor._run_action = run_action
    monkeypatch.setattr(rasa_patches, "_rasa_predict_next", predict)
    monkeypatch.setattr(MessageProcessor, "predict_next_with_tracker_if_should",
                        rasa_patches._predict_next_bounded)
    return processor


def test_a_message_that_keeps_predicting_stops_at_the_limit(processor) -> None:
    loop = rasa_patches._run_bounded_prediction_loop(processor, None, _TRACKER)
    asyncio.run(asyncio.wait_for(loop, timeout=30))
    assert len(processor.predicted) == rasa_patches.MAX_ACTIONS_PER_MESSAGE


def test_the_count_starts_again_for_every_message(processor) -> None:
    for _ in range(2):
        asyncio.run(rasa_patches._run_bounded_prediction_loop(processor, None, _TRACKER))
    assert len(processor.predicted) == 2 * rasa_patches.MAX_ACTIONS_PER_MESSAGE
