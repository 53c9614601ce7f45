"""The knowledge base that departments fill: articles in YAML, versions in the database,
retrieval for the bot (issue 16)."""
from __future__ import annotations

import os
from pathlib import Path

from bot.settings import ROOT

# knowledge/<department>.yml: the articles as the departments write them.
KNOWLEDGE_DIR = Path(os.environ.get("GA_KNOWLEDGE_DIR", ROOT / "knowledge"))
