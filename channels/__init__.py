"""Rasa custom connectors, one module per medium, and what they share.

Rasa loads this package after it has set up logging and before it serves, so the
log masking and the action-server patches are installed here.
"""
from bot import logmask, rasa_patches

logmask.install()
rasa_patches.apply()
