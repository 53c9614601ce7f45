"""Rasa's RulePolicy and TEDPolicy, with TED left out when a rule decides.

Rasa runs every policy for every prediction and then keeps the most confident one,
with the rule policy's priority breaking ties. When a rule applies, the rule policy is
certain (confidence 1.0), so TED's answer is computed and thrown away. Most turns of
this assistant are rule turns (forms, questions and answers), and TED's TensorFlow call
was a quarter of the CPU time per turn.

So TED first asks the rule policy of its own model (whichever of the two Rasa runs
first, the rule prediction is made once per tracker state and kept on the tracker) and
returns an empty prediction when the rule is certain. TED trained on user text
(end-to-end) can override rules, so then TED always predicts.
"""
from __future__ import annotations

import weakref
from typing import Any, Optional, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy as RasaRulePolicy
from rasa.core.policies.ted_policy import TEDPolicy as RasaTEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecutionRejected
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT

RULE_PREDICTION = "_rule_prediction"
# The rule policy of each loaded model, found through the model storage both share.
_RULE_POLICIES: "weakref.WeakKeyDictionary[Any, weakref.ref]" = weakref.WeakKeyDictionary()


def _state_of(tracker: DialogueStateTracker) -> Tuple[int, int]:
    """Identifies the tracker's state between two predictions."""
    return len(tracker.events), id(tracker.events[-1]) if tracker.events else 0


def _rule_decides(prediction: PolicyPrediction, tracker: DialogueStateTracker) -> bool:
    # Rasa zeroes a just-rejected action in every prediction; let TED have its say.
    rejected = bool(tracker.events) and isinstance(tracker.events[-1], ActionExecutionRejected)
    return (prediction.max_confidence >= 1.0 and not prediction.is_end_to_end_prediction
            and not rejected)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class RulePolicy(RasaRulePolicy):
    """Rasa's RulePolicy, predicting once per tracker state for itself and TED."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _RULE_POLICIES[self._model_storage] = weakref.ref(self)

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     **kwargs: Any) -> PolicyPrediction:
        state, prediction = getattr(tracker, RULE_PREDICTION, (None, None))
        if state != _state_of(tracker):
            prediction = super().predict_action_probabilities(tracker, domain, **kwargs)
            setattr(tracker, RULE_PREDICTION, (_state_of(tracker), prediction))
        return prediction


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True)
class TEDPolicy(RasaTEDPolicy):
    """Rasa's TEDPolicy that does not predict when a rule has decided."""

    def _rule_prediction(self, tracker: DialogueStateTracker, domain: Domain,
                         rule_only_data: Optional[dict]) -> Optional[PolicyPrediction]:
        reference = _RULE_POLICIES.get(self._model_storage)
        rule_policy = reference() if reference else None
        if rule_policy is None or TEXT in self.fake_features:
            return None
        return rule_policy.predict_action_probabilities(tracker, domain,
                                                        rule_only_data=rule_only_data)

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[dict] = None,
                                     precomputations: Any = None,
                                     **kwargs: Any) -> PolicyPrediction:
        rule = self._rule_prediction(tracker, domain, rule_only_data)
        if rule is not None and _rule_decides(rule, tracker):
            return self._prediction(self._default_predictions(domain))
        return super().predict_action_probabilities(
            tracker, domain, rule_only_data=rule_only_data, precomputations=precomputations,
            **kwargs)
