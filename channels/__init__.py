"""Rasa custom connectors, one module per medium, and what they share.

Rasa loads this package after it has set up logging and before it serves, so the
log masking and, in the Rasa server, the patches to Rasa are installed here. The
action server, the outbox worker and the console import parts of this package too
(the outbox, delivery); they do not load Rasa and TensorFlow for that.
"""
import sys

from bot import logmask

logmask.install()
if "rasa.core.run" in sys.modules:  # the Rasa server, loading its connectors
    from bot import rasa_patches

    rasa_patches.apply()
