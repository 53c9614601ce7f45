"""The personal-data register (bot/personal_data.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet

import yaml

from bot.settings import REGISTER_FILE


@dataclass(frozen=True)
class Entry:
    what: str
    purpose: str
    legal_ground: str
    retention_days: int
    after_retention: str


@dataclass(frozen=True)
class Register:
    personal: Dict[str, Entry]
    not_personal: FrozenSet[str]

    def classified(self) -> FrozenSet[str]:
        return frozenset(self.personal) | self.not_personal


@lru_cache(maxsize=None)
def load_register(path: Path = REGISTER_FILE) -> Register:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Register(
        personal={name: Entry(**entry) for name, entry in raw["personal_data"].items()},
        not_personal=frozenset(raw["not_personal"]),
    )
