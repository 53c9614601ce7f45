"""A follow-up names another article only by words of its own (round r263 of session 62:
"stopt automatisch?" after "Uw oude vergunning stopt dan" got the direct debit)."""
from __future__ import annotations

import datetime as dt

from actions.knowledge import names_beyond_the_answer
from bot.knowledge.articles import Article


def article(title: str, questions: tuple, answer: str) -> Article:
    return Article(id=title, department="d", department_name="D", title=title, upl="u",
                   upl_uri="http://x", questions=questions, answer=answer, link="http://l",
                   review_by=dt.date(2030, 1, 1))


DEBIT = article("Automatische incasso regelen", ("Kan ik de incasso stoppen?",),
                "Met automatische incasso betaalt u de belastingen.")
PERMIT = article("Parkeervergunning", ("Hoe vraag ik een parkeervergunning aan?",),
                 "Vraag een nieuwe vergunning aan. Uw oude vergunning stopt dan.")


def test_words_taken_from_the_answer_and_a_bare_adjective_name_nothing_else() -> None:
    assert not names_beyond_the_answer(DEBIT, PERMIT, "stopt automatisch opzeggen")


def test_the_noun_of_the_title_names_it() -> None:
    assert names_beyond_the_answer(DEBIT, PERMIT, "incasso stopzetten")


def test_the_words_of_the_turn_before_count_as_the_answer() -> None:
    assert not names_beyond_the_answer(DEBIT, None, "stopt", said="De vergunning stopt dan.")
    assert names_beyond_the_answer(DEBIT, None, "stopt")
