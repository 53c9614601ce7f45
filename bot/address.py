"""Dutch locations from free text: street + number (+ addition), postcode + number, or a description."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Dutch postcodes: four digits (no leading zero) and two letters; SA, SD and SS are not issued.
_POSTCODE = re.compile(r"\b([1-9][0-9]{3})\s?(?!(?i:sa|sd|ss)\b)([a-zA-Z]{2})\b")
STREET_SUFFIX = (r"straat|weg|laan|plein|gracht|kade|dijk|singel|hof|pad|dreef|steeg|markt|"
                  r"baan|wal|allee|plantsoen|ring|dam|haven|park|veld|erf|werf|brink|hoeve|lei")
# Capitalised words before the street name, with lower-case connectors between them
# ("Burgemeester de Withlaan", "Van Goghstraat"); "bij de Molenweg" keeps only "Molenweg".
_STREET_WORDS = r"(?:(?-i:[A-Z])[\w'.-]*\s(?:(?:van|de|der|den|het|'t)\s){0,2}){0,2}"
_STREET = re.compile(
    rf"(?P<street>{_STREET_WORDS}[\w'.-]+(?:{STREET_SUFFIX}))\b"
    r"(?:\s+(?P<number>[1-9][0-9]{0,4})(?:\s?-\s?(?P<addition_dash>[a-zA-Z0-9]{1,4})\b"
    r"|(?P<addition>[a-zA-Z])\b|\s(?P<addition_cap>[A-Z])\b)?)?",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\b(?:nummer|nr\.?|huisnummer)?\s*([1-9][0-9]{0,4})\s?([a-zA-Z])?\b")
_NOT_STREETS = {"fietspad", "voetpad", "rijbaan", "snelweg", "zijkant", "oprit", "wandelpad",
                "parkeerplaats", "speeltuin"}


@dataclass(frozen=True)
class Location:
    """Where something is: a normalised address when one was found, else a description."""

    text: str
    street: Optional[str] = None
    house_number: Optional[str] = None
    postcode: Optional[str] = None

    @property
    def is_address(self) -> bool:
        return bool(self.street and self.house_number) or bool(self.postcode and self.house_number)


def normalise_postcode(text: str) -> Optional[str]:
    """'1234ab' → '1234 AB'; None when the text holds no valid Dutch postcode."""
    match = _POSTCODE.search(text or "")
    return f"{match.group(1)} {match.group(2).upper()}" if match else None


def _street(text: str) -> Optional[re.Match]:
    """The street in the text; one with a house number wins over one without."""
    matches = [m for m in _STREET.finditer(text)
               if m.group("street").strip().split()[-1].lower() not in _NOT_STREETS]
    with_number = [m for m in matches if m.group("number")]
    return (with_number or matches or [None])[0]


def _title(street: str) -> str:
    words = street.strip().split()
    return " ".join(w if w.lower() in {"van", "de", "der", "den", "het", "'t"} and i
                    else w[:1].upper() + w[1:].lower() for i, w in enumerate(words))


def parse_location(text: str) -> Location:
    """Find an address in `text`; the whole text is kept as the description."""
    text = " ".join((text or "").split())
    postcode = normalise_postcode(text)
    street_match = _street(text)
    street = number = None
    if street_match:
        street = _title(street_match.group("street"))
        if street_match.group("number"):
            addition = (street_match.group("addition_dash") or street_match.group("addition")
                        or street_match.group("addition_cap") or "")
            number = street_match.group("number") + (f"-{addition.upper()}" if
                                                      street_match.group("addition_dash")
                                                      else addition.upper())
    if postcode and not number:
        rest = _POSTCODE.sub(" ", text)
        found = _NUMBER.search(rest)
        if found:
            number = found.group(1) + (found.group(2) or "").upper()
    return Location(text=text, street=street, house_number=number, postcode=postcode)
