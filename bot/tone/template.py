"""Placeholders in the guide's texts ("Antwoord {numbers}.", "^{initials}"), filled
without str.format: only the named fields, no conversion, width or precision.

str.format on a text an editor wrote would raise on an unknown field ({x}), and run a
format spec of any size ({numbers:>100000000} is a gigabyte per message).
"""
from __future__ import annotations

from string import Formatter
from typing import Collection, List, Optional

_parser = Formatter()


def template_problem(text: str, allowed: Collection[str]) -> Optional[str]:
    """Why `text` is not a usable template with these fields; None when it is."""
    try:
        pieces = list(_parser.parse(text))
    except ValueError as error:
        return f"braces do not match ({error}); write {{{{ and }}}} for a brace itself"
    for _, field, spec, conversion in pieces:
        if field is None:
            continue
        if field not in allowed:
            names = ", ".join("{" + name + "}" for name in sorted(allowed))
            return f"unknown placeholder {{{field}}}; allowed: {names}"
        if spec or conversion:
            return f"placeholder {{{field}}} may not carry a format (:, !)"
    return None


def fill(text: str, **values: str) -> str:
    """`text` with its known placeholders filled; anything else is left as written, so a
    guide that slipped past validation still cannot break or bloat a message."""
    try:
        pieces = list(_parser.parse(text))
    except ValueError:
        return text
    out: List[str] = []
    for literal, field, spec, conversion in pieces:
        out.append(literal)
        if field is None:
            continue
        if field in values and not spec and not conversion:
            out.append(values[field])
        else:
            out.append("{" + field + (f"!{conversion}" if conversion else "")
                       + (f":{spec}" if spec else "") + "}")
    return "".join(out)
