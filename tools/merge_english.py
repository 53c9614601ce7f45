"""Merge the English response variations (tools/english_responses.yml) into the domain.

    python tools/merge_english.py                 # merge into every bot/domain/*.yml
    python tools/merge_english.py --diff          # show what would change, write nothing
    python tools/merge_english.py --check         # list responses without English
    python tools/merge_english.py /tmp/x/core.yml # only these files

Each English variation gets the slot condition `language: en` and is inserted as text
right after the `  utter_x:` line, so comments and formatting of the domain files stay as
they are (a YAML dump would lose them). Rasa picks a matching variation with a condition
before one without, so the Dutch variation stays the default.

Idempotent: a response that already has a variation with `language: en` is left alone.
Every changed file is parsed again before it is written: apart from the new variations,
the YAML must be exactly what it was, or the file is not written.

Exit status: 0 when all is well; 1 when an English variation does not fit its Dutch
response (placeholders, button payloads) or, with --check, when a response lacks English.
"""
from __future__ import annotations

import argparse
import copy
import difflib
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_DIR = ROOT / "bot" / "domain"
ENGLISH_FILE = Path(__file__).resolve().parent / "english_responses.yml"

LANGUAGE_CONDITION = {"type": "slot", "name": "language", "value": "en"}

# Responses that actions read as `domain["responses"][key][0]["text"]`, as part of another
# answer (actions/topics.py {wish}, actions/fallback.py {topic}, actions/status.py
# {subject}). Their English goes AFTER the Dutch, or Dutch residents would get the English
# part. Once those actions choose the variation with actions.reading.response_text (which
# honours the language condition), run with --fragments-first, or leave them last: the
# order does not matter to response_text or to Rasa.
FRAGMENTS = re.compile(r"^utter_(wish_|topic_|status_category_|status_subject_with_place$)")

# Responses that need no English variation, so --check does not list them.
NOT_NEEDED = re.compile(
    r"^utter_(report_status_\w+"          # status push messages: stay Dutch for now
    r"|other_language"                    # already in Dutch, English and the resident's language
    r"|status_subject_with_place)$")      # "{category} ({place})": no words

PLACEHOLDER = re.compile(r"\{(\w+)\}")
RESPONSES_LINE = re.compile(r"^responses:\s*(#.*)?$")
TOP_LEVEL = re.compile(r"^[^\s#]")
ITEM = re.compile(r"^(?P<indent>\s*)-\s")


@dataclass
class Block:
    key: str
    line: int          # index of the `  utter_x:` line
    end: int           # index of the first line after the block
    key_indent: int
    item_indent: Optional[int]


@dataclass
class FileReport:
    path: Path
    added: List[str] = field(default_factory=list)
    already: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)      # no English, none in the file
    mergeable: List[str] = field(default_factory=list)    # no English yet, English file has it


# --- reading ----------------------------------------------------------------------------

def load_english(path: Path) -> Dict[str, List[Dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping of response key -> variations")
    for key, variations in data.items():
        if not isinstance(variations, list) or not variations:
            raise SystemExit(f"{path}: {key}: expected a list of variations")
        for variation in variations:
            if not isinstance(variation, dict) or not isinstance(variation.get("text"), str):
                raise SystemExit(f"{path}: {key}: every variation needs a text")
            unknown = set(variation) - {"text", "buttons", "channel", "condition"}
            if unknown:
                raise SystemExit(f"{path}: {key}: unknown field(s) {sorted(unknown)}")
    return data


def find_blocks(lines: List[str]) -> List[Block]:
    """The response keys of the top-level `responses:` section, with their line ranges."""
    start = next((i for i, line in enumerate(lines) if RESPONSES_LINE.match(line.rstrip("\r\n"))),
                 None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(lines)) if TOP_LEVEL.match(lines[i])), len(lines))
    keys: List[Tuple[int, str, int, bool]] = []
    key_indent: Optional[int] = None
    for i in range(start + 1, end):
        text = lines[i].rstrip("\r\n")
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        if key_indent is None:
            key_indent = indent
        if indent == key_indent:
            match = re.match(r"^([A-Za-z_][\w\-]*):(\s+(?P<rest>[^#\s].*))?\s*(#.*)?$",
                             stripped)
            if not match:
                raise ValueError(f"line {i + 1}: expected a response key: {text!r}")
            keys.append((i, match.group(1), indent, bool(match.group("rest"))))
    blocks = []
    for number, (line, key, indent, inline) in enumerate(keys):
        block_end = keys[number + 1][0] if number + 1 < len(keys) else end
        item_indent = None
        for j in range(line + 1, block_end if not inline else line + 1):
            match = ITEM.match(lines[j])
            if match and not lines[j].lstrip().startswith("#"):
                item_indent = len(match.group("indent"))
                break
        blocks.append(Block(key, line, block_end, indent, item_indent))
    return blocks


def has_english(variations: List[Dict[str, Any]]) -> bool:
    return any(c.get("name") == "language" and str(c.get("value")).lower() == "en"
               for v in variations or [] for c in v.get("condition") or [])


def own_conditions(variation: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The conditions of a variation other than the language."""
    return [c for c in variation.get("condition") or [] if c.get("name") != "language"]


# --- checking one English variation against the Dutch -----------------------------------

def counterpart(dutch: List[Dict[str, Any]], english: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The Dutch variation this English one stands for: same channel and conditions,
    else the Dutch default."""
    non_english = [v for v in dutch if not has_english([v])]
    for variation in non_english:
        if (variation.get("channel") == english.get("channel")
                and own_conditions(variation) == (english.get("condition") or [])):
            return variation
    return next((v for v in non_english if not v.get("channel") and not own_conditions(v)),
                non_english[0] if non_english else None)


def problems(key: str, dutch: List[Dict[str, Any]], english: List[Dict[str, Any]]
             ) -> Tuple[List[str], List[str]]:
    """(errors, warnings) of the English variations of one response."""
    errors, warnings = [], []
    for variation in english:
        other = counterpart(dutch, variation)
        if other is None:
            errors.append(f"{key}: no Dutch variation to compare with")
            continue
        want = sorted(set(PLACEHOLDER.findall(other.get("text", ""))))
        got = sorted(set(PLACEHOLDER.findall(variation["text"])))
        if want != got:
            errors.append(f"{key}: placeholders {got} in English, {want} in Dutch")
        want_payloads = [b.get("payload") for b in other.get("buttons") or []]
        got_payloads = [b.get("payload") for b in variation.get("buttons") or []]
        if sorted(map(str, want_payloads)) != sorted(map(str, got_payloads)):
            errors.append(f"{key}: button payloads {got_payloads} in English, "
                          f"{want_payloads} in Dutch")
        if any(not b.get("title") for b in variation.get("buttons") or []):
            errors.append(f"{key}: a button without a title")
    english_channels = {v.get("channel") for v in english}
    for channel in sorted({v.get("channel") for v in dutch if v.get("channel")} - english_channels):
        warnings.append(f"{key}: the Dutch variation for channel '{channel}' has no English "
                        f"one, so on {channel} English residents get the Dutch text")
    if any(own_conditions(v) for v in dutch if not has_english([v])):
        warnings.append(f"{key}: a Dutch variation has a slot condition; Rasa picks at random "
                        f"among all matching conditional variations, so English residents may "
                        f"get that Dutch one (give it a language condition too)")
    return errors, warnings


# --- writing ----------------------------------------------------------------------------

def quoted(text: str) -> str:
    """A double-quoted YAML string, with \\n escapes like the domain files."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r"))
    return f'"{escaped}"'


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z][\w\-]*", text) and yaml.safe_load(text) == text
    return text if plain else quoted(text)


def render(variation: Dict[str, Any], indent: int, newline: str) -> List[str]:
    pad, sub = " " * indent, " " * (indent + 2)
    lines = [f"{pad}- condition:"]
    for condition in [LANGUAGE_CONDITION] + list(variation.get("condition") or []):
        lines.append(f"{pad}    - type: {scalar(condition.get('type', 'slot'))}")
        lines.append(f"{pad}      name: {scalar(condition['name'])}")
        lines.append(f"{pad}      value: {scalar(condition['value'])}")
    if variation.get("channel"):
        lines.append(f"{sub}channel: {scalar(variation['channel'])}")
    lines.append(f"{sub}text: {quoted(variation['text'])}")
    if variation.get("buttons"):
        lines.append(f"{sub}buttons:")
        for button in variation["buttons"]:
            lines.append(f"{sub}  - title: {quoted(str(button['title']))}")
            lines.append(f"{sub}    payload: {quoted(str(button['payload']))}")
    return [line + newline for line in lines]


def as_domain(variation: Dict[str, Any]) -> Dict[str, Any]:
    """What the rendered variation reads back as."""
    result: Dict[str, Any] = {
        "condition": [dict(LANGUAGE_CONDITION)] + [
            {"type": c.get("type", "slot"), "name": c["name"], "value": c["value"]}
            for c in variation.get("condition") or []]}
    if variation.get("channel"):
        result["channel"] = variation["channel"]
    result["text"] = variation["text"]
    if variation.get("buttons"):
        result["buttons"] = [{"title": str(b["title"]), "payload": str(b["payload"])}
                             for b in variation["buttons"]]
    return result


def last_line(lines: List[str], block: Block) -> int:
    """Index of the last line that belongs to the block's variations."""
    for i in range(block.end - 1, block.line, -1):
        text = lines[i].rstrip("\r\n")
        stripped = text.lstrip(" ")
        deeper = len(text) - len(stripped) > block.key_indent
        if stripped and not stripped.startswith("#") and deeper:
            return i
    return block.line


def merge_file(path: Path, english: Dict[str, List[Dict[str, Any]]], check: bool,
               fragments_first: bool) -> Tuple[FileReport, Optional[str], str]:
    """The report, the new text (None when nothing changes) and the old text."""
    report = FileReport(path)
    with open(path, encoding="utf-8", newline="") as handle:
        old = handle.read()
    document = yaml.safe_load(old) or {}
    responses: Dict[str, Any] = document.get("responses") or {}
    newline = "\r\n" if "\r\n" in old else "\n"
    lines = old.splitlines(keepends=True)
    try:
        blocks = {block.key: block for block in find_blocks(lines)}
    except ValueError as error:
        report.errors.append(str(error))
        return report, None, old
    missing_blocks = set(responses) - set(blocks)
    if missing_blocks:
        report.errors.append(f"responses not found as `key:` lines: {sorted(missing_blocks)}")
        return report, None, old

    insertions: List[Tuple[int, List[str]]] = []
    expected = copy.deepcopy(document)
    for key, variations in responses.items():
        variations = variations or []
        if has_english(variations):
            report.already.append(key)
            continue
        if key not in english:
            if not NOT_NEEDED.match(key):
                report.missing.append(key)
            continue
        errors, warnings = problems(key, variations, english[key])
        report.errors += errors
        report.warnings += warnings
        if errors:
            continue
        if check:
            report.mergeable.append(key)
            continue
        block = blocks[key]
        if block.item_indent is None:
            report.errors.append(f"{key}: not a block list of variations; add English by hand")
            continue
        rendered = [line for v in english[key] for line in render(v, block.item_indent, newline)]
        new_variations = [as_domain(v) for v in english[key]]
        if FRAGMENTS.match(key) and not fragments_first:
            at = last_line(lines, block) + 1
            expected["responses"][key] = list(variations) + new_variations
        else:
            at = block.line + 1
            expected["responses"][key] = new_variations + list(variations)
        insertions.append((at, rendered))
        report.added.append(key)

    if check or not insertions:
        return report, None, old
    new_lines = list(lines)
    at_end = any(at == len(lines) for at, _ in insertions)
    if at_end and new_lines and not new_lines[-1].endswith(("\n", "\r")):
        new_lines[-1] += newline
    for at, rendered in sorted(insertions, key=lambda item: item[0], reverse=True):
        new_lines[at:at] = rendered
    new = "".join(new_lines)
    if yaml.safe_load(new) != expected:
        report.errors.append("the merged file does not read back as expected; not written")
        report.added.clear()
        return report, None, old
    return report, new, old


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, os.stat(path).st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


# --- command line -----------------------------------------------------------------------

def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="domain files (default: every bot/domain/*.yml)")
    parser.add_argument("--english", type=Path, default=ENGLISH_FILE,
                        help="the English variations (default: tools/english_responses.yml)")
    parser.add_argument("--check", action="store_true",
                        help="only report which responses lack an English variation")
    parser.add_argument("--diff", action="store_true", help="show the changes, write nothing")
    parser.add_argument("--fragments-first", action="store_true",
                        help="put the English of FRAGMENTS first too (see the source)")
    args = parser.parse_args(argv)

    english = load_english(args.english)
    files = args.files or sorted(DOMAIN_DIR.glob("*.yml"))
    failed = False
    seen: set = set()
    for path in files:
        report, new, old = merge_file(path, english, args.check, args.fragments_first)
        seen.update(report.added + report.already + report.mergeable + report.missing)
        with open(path, encoding="utf-8") as handle:
            seen.update((yaml.safe_load(handle) or {}).get("responses") or {})
        for message in report.errors:
            print(f"ERROR {path}: {message}")
        for message in report.warnings:
            print(f"warning {path}: {message}")
        if args.check:
            print(f"{path}: {len(report.already)} with English, {len(report.mergeable)} "
                  f"ready to merge, {len(report.missing)} without English text")
            if report.mergeable:
                print(f"  lacks English, merge adds it: {', '.join(report.mergeable)}")
            for key in report.missing:
                print(f"  lacks English (no text yet): {key}")
            failed |= bool(report.mergeable or report.missing)
        elif new is not None:
            if args.diff:
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(keepends=True), new.splitlines(keepends=True),
                    str(path), f"{path} (merged)"))
            else:
                write_atomically(path, new)
            print(f"{path}: {'would add' if args.diff else 'added'} English to "
                  f"{len(report.added)} responses ({len(report.already)} had it already)")
        else:
            print(f"{path}: nothing to add ({len(report.already)} had English already)")
        if not args.check and report.missing:
            print(f"  still without English: {', '.join(report.missing)}")
        failed |= bool(report.errors)
    unused = sorted(set(english) - seen)
    if unused and not args.files:
        print(f"warning: in {args.english.name} but in no domain file: {', '.join(unused)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
