"""A JSON schema turned into one Python function that says whether a value is valid.

`jsonschema` walks a schema anew for every value it checks, through a generic dispatch
per keyword; for the few keywords of Rasa's action-response schema, a function built
once from the schema gives the same yes or no in a tenth of the time. It only answers
yes or no: the error a value has is still found by `jsonschema` (bot/rasa_speedups.py).
Each keyword is judged as `jsonschema`'s validator class for the schema judges it, with
that class's own type checks and equality.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from jsonschema._utils import equal
from jsonschema.validators import validator_for

Check = Callable[[Any], bool]
KEYWORDS = frozenset({"type", "properties", "patternProperties", "required", "items",
                      "const", "oneOf"})


def compile_check(schema: Dict[str, Any]) -> Optional[Check]:
    """Whether a value is valid under `schema`, or None for a schema with a keyword (or
    a type name) this module does not know."""
    checker = validator_for(schema).TYPE_CHECKER
    types = {name: (lambda value, check=check: check(checker, value))
             for name, check in checker._type_checkers.items()}
    try:
        return _compile(schema, types)
    except _Unknown:
        return None


class _Unknown(Exception):
    pass


def _compile(schema: Any, types: Dict[str, Check]) -> Check:
    if schema is True or schema == {}:
        return lambda value: True
    if not isinstance(schema, dict) or not set(schema) <= KEYWORDS:
        raise _Unknown(schema)
    checks = [_keyword(keyword, argument, types) for keyword, argument in schema.items()]
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _one_of(branches: List[Any], types: Dict[str, Check]) -> Check:
    """`oneOf`; when every branch fixes a string `const` of one property (Rasa's event
    schemas fix `event`), a value that has the property is judged by its branch alone:
    the others fail on that property."""
    checks = [_compile(branch, types) for branch in branches]

    def count(value: Any) -> bool:
        return sum(1 for check in checks if check(value)) == 1

    key, consts = _fixed_property(branches)
    if key is None:
        return count
    by_const = dict(zip(consts, checks))
    is_object = types["object"]

    def one(value: Any) -> bool:
        if not (is_object(value) and key in value):
            return count(value)
        fixed = value[key]
        check = by_const.get(fixed) if type(fixed) is str else None
        return check is not None and check(value)

    return one


def _fixed_property(branches: List[Any]) -> Tuple[Optional[str], List[str]]:
    """The property every branch fixes to a string of its own, with the branches'
    strings; (None, []) when there is none."""
    keys = None
    for branch in branches:
        properties = branch.get("properties", {}) if isinstance(branch, dict) else {}
        fixed = {name for name, sub in properties.items()
                 if isinstance(sub, dict) and isinstance(sub.get("const"), str)}
        keys = fixed if keys is None else keys & fixed
    for key in sorted(keys or ()):
        consts = [branch["properties"][key]["const"] for branch in branches]
        if len(set(consts)) == len(consts):
            return key, consts
    return None, []


def _keyword(keyword: str, argument: Any, types: Dict[str, Check]) -> Check:
    is_object, is_array = types["object"], types["array"]
    if keyword == "type":
        names = argument if isinstance(argument, list) else [argument]
        if not all(name in types for name in names):
            raise _Unknown(argument)
        kinds = [types[name] for name in names]
        return lambda value: any(kind(value) for kind in kinds)
    if keyword == "const":
        return lambda value: equal(value, argument)
    if keyword == "required":
        return lambda value: not is_object(value) or all(key in value for key in argument)
    if keyword == "items":
        item = _compile(argument, types)
        return lambda value: not is_array(value) or all(item(part) for part in value)
    if keyword == "oneOf":
        return _one_of(argument, types)
    if keyword == "properties":
        named = [(key, _compile(sub, types)) for key, sub in argument.items()]
        return lambda value: not is_object(value) or all(
            check(value[key]) for key, check in named if key in value)
    # patternProperties, the last of KEYWORDS
    patterns = [(re.compile(pattern), _compile(sub, types)) for pattern, sub in argument.items()]
    return lambda value: not is_object(value) or all(
        check(item) for pattern, check in patterns
        for key, item in value.items() if pattern.search(key))
