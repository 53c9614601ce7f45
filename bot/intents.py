"""Intent and response names the reader, the policies and the actions agree on."""

REPORT_INTENTS = ("report_pavement_road", "report_waste_collection", "report_street_lighting",
                  "report_public_space_other", "report_bulky_missed")
# Intents that say the model did not recognise the message.
UNSURE_INTENTS = ("nlu_fallback", "out_of_scope")
# Below this the FallbackClassifier (config.yml) makes any intent nlu_fallback.
FALLBACK_THRESHOLD = 0.4
ANSWER_INTENT = "inform"  # an answer to a question nobody asked: "Schoolstraat 3"
STATUS_INTENT = "ask_report_status"
STOP_INTENT = "stop"
COMPLAINT_INTENT = "complaint"
MONEY_WORRIES_INTENT = "money_worries"
ASK_HUMAN_INTENT = "ask_human"
OPENING_HOURS_INTENT = "opening_hours"
QUESTION_INTENT = "municipal_question"  # a question for the knowledge base
SURE_INTENT = 0.85  # below this the model's intent is a guess the words may overrule
# The answers to despair (113); the second is also said when it comes up again.
CRISIS_ANSWERS = ("utter_emergency_suicide", "utter_emergency_followup_suicide")
CRISIS_AGAIN = "utter_emergency_followup_suicide"
