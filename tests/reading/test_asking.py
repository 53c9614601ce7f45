"""A question asked in other words (bot/reading/asking.py)."""
import pytest

from bot.reading.asking import wants_to_know


@pytest.mark.parametrize("text, asks", [
    ("Tevens zou ik graag willen weten of ik een vergunning nodig heb", True),
    ("BOVENDIEN WIL IK WETEN WANNEER HET GROFVUIL WEER WORDT OPGEHAALD", True),
    ("maar ik bedoelde wat de gezondheidsverklaring kost", True),
    ("ik vroeg me af hoe laat jullie open zijn", True),
    ("I would like to know when the bin is emptied", True),
    ("ik wil dat de lamp gemaakt wordt", False),
    ("ik weet niet wat ik moet doen", False),
])
def test_a_question_in_other_words_is_read(text, asks):
    assert wants_to_know(text) is asks
