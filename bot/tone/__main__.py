"""`python -m bot.tone preview NAME [--channel sms]` and `python -m bot.tone check`."""
from __future__ import annotations

import argparse
import sys
import textwrap
from typing import List

from bot.tone.guide import MEDIA, ToneGuideError
from bot.tone.render import Part, render, tone_problems
from bot.tone.responses import domain_responses, filled, find_response, variations_for

COLUMN = 36


def describe(parts: List[Part]) -> List[str]:
    """Lines that show exactly what is sent: text, buttons, parse mode and SMS segments."""
    lines: List[str] = []
    for number, part in enumerate(parts, start=1):
        facts = [f"{len(part.text)} chars"]
        if part.segments is not None:
            facts.append(f"{part.segments} SMS segment{'s' if part.segments > 1 else ''}")
        if part.parse_mode:
            facts.append(f"parse_mode {part.parse_mode}")
        lines += [f"--- message {number}", f"({', '.join(facts)})"]
        lines += part.text.splitlines() or [""]
        lines += [f"[ {b['title']} ]" for b in part.buttons]
    return lines


def preview(name: str, channels: List[str]) -> str:
    name = find_response(name)
    blocks = []
    for channel in channels:
        variations = variations_for(name, channel)
        lines: List[str] = []
        for index, variation in enumerate(variations, start=1):
            if len(variations) > 1:
                lines.append(f"=== variation {index}" + (
                    " (with a condition)" if variation.get("condition") else ""))
            lines += describe(render(filled(variation, name), channel))
        blocks.append((channel, lines))
    if len(blocks) == 1:
        channel, lines = blocks[0]
        return "\n".join([f"{name} on {channel}"] + lines)
    return side_by_side(name, blocks)


def side_by_side(name: str, blocks) -> str:
    columns = []
    for channel, lines in blocks:
        wrapped = [channel.upper(), "=" * COLUMN]
        for line in lines:
            wrapped += textwrap.wrap(line, COLUMN, replace_whitespace=False) or [""]
        columns.append(wrapped)
    height = max(len(c) for c in columns)
    rows = [" | ".join((c[i] if i < len(c) else "").ljust(COLUMN) for c in columns).rstrip()
            for i in range(height)]
    return "\n".join([name, ""] + rows)


def check() -> List[str]:
    """Every response on every medium, rendered and checked against the guide."""
    problems = []
    for name in domain_responses():
        for channel in MEDIA:
            for variation in variations_for(name, channel):
                dutch = not any(condition.get("name") == "language"
                                for condition in variation.get("condition") or [])
                for problem in tone_problems(render(filled(variation, name), channel), channel,
                                             dutch=dutch):
                    problems.append(f"{name} on {channel}: {problem}")
    return problems


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tone",
                                     description="Preview and check the tone of voice.")
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("preview", help="what each medium sends for one response")
    show.add_argument("response", help="for example utter_ask_report_location")
    show.add_argument("--channel", choices=[*MEDIA, "all"], default="all")
    sub.add_parser("check", help="render every response on every medium and check limits")
    args = parser.parse_args(argv)
    try:
        if args.command == "preview":
            channels = list(MEDIA) if args.channel == "all" else [args.channel]
            print(preview(args.response, channels))
            return 0
        problems = check()
    except (ToneGuideError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(problems) or f"All {len(domain_responses())} responses fit the tone "
          f"guide on {', '.join(MEDIA)}.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
