"""`rasa shell` with the project's changes to Rasa (`make shell`).

    python -m bot.shell --model MODEL --endpoints endpoints.yml

`rasa shell` serves only its command-line channel, so it never loads the connectors in
channels/, which apply bot/rasa_patches.py in the Rasa server; this applies them first.
With endpoints.yml's `url: "inprocess:"` that runs the custom actions in this process.
"""
from __future__ import annotations

import sys

import rasa.core.run  # noqa: F401  (channels applies the patches when this is loaded)

import channels  # noqa: F401,E402
from rasa.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.argv = ["rasa", "shell", *sys.argv[1:]]
    main()
