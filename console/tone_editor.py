"""Editing the tone guide from the browser: preview, validate, save with history, undo.

tone_of_voice.yml stays the file that is read; each save writes it whole (atomically)
and keeps the text in the history, so any earlier version can be brought back.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List, Optional

from bot.reports.db import session
from bot.settings import DATABASE_URL
from bot.tone import parse_guide, render
from bot.tone.guide import MEDIA, TONE_FILE, ToneGuideError, problems_in
from bot.tone.responses import filled, find_response, variations_for
from console.models import AuditEntry, ToneVersion


def current_text(path: Path = TONE_FILE) -> str:
    return Path(path).read_text(encoding="utf-8")


def preview(text: str, response: str) -> Dict[str, List[Dict]]:
    """What each medium would send for `response` under the (unsaved) guide `text`."""
    guide = parse_guide(text)
    name = find_response(response)
    return {medium: [part.as_dict() for variation in variations_for(name, medium)
                     for part in render(filled(variation, name), medium, guide)]
            for medium in MEDIA}


def save(text: str, user_id: int, comment: str = "", path: Path = TONE_FILE,
         url: str = DATABASE_URL) -> List[str]:
    """Write the guide when it is valid; return the problems otherwise (nothing saved)."""
    problems = problems_in(text)
    if problems:
        return problems
    with session(url) as db:
        if db.query(ToneVersion).count() == 0:  # keep what was there before the first edit
            db.add(ToneVersion(user_id=None, text=current_text(path),
                               comment="versie voor de eerste wijziging"))
        db.add(ToneVersion(user_id=user_id, text=text, comment=comment[:200] or None))
        db.add(AuditEntry(user_id=user_id, action="tone_saved", detail=comment[:200]))
    _write(Path(path), text)
    return []


def revert(version_id: int, user_id: int, path: Path = TONE_FILE,
           url: str = DATABASE_URL) -> Optional[List[str]]:
    """Bring back an earlier version (as a new save); None when it does not exist."""
    with session(url) as db:
        version = db.get(ToneVersion, version_id)
        text = version.text if version else None
    if text is None:
        return None
    return save(text, user_id, f"terug naar versie {version_id}", path, url)


def history(url: str = DATABASE_URL, limit: int = 20) -> List[ToneVersion]:
    with session(url) as db:
        versions = (db.query(ToneVersion).order_by(ToneVersion.id.desc()).limit(limit).all())
        for version in versions:
            _ = version.user  # load before the session closes
        return versions


def _write(path: Path, text: str) -> None:
    temporary = path.with_suffix(".yml.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


__all__ = ["ToneGuideError", "current_text", "history", "preview", "revert", "save"]
