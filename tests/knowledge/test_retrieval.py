"""Finding the article for a question: answer, choose or none; typos, compounds, and a
running index that picks up a published edit."""
from __future__ import annotations

import dataclasses
import time

import pytest

from bot.knowledge import retrieval, store
from bot.knowledge.articles import load_folder
from bot.knowledge.evaluate import evaluate
from bot.knowledge.retrieval import Index, LiveIndex
from bot.knowledge.text import normalise, stem


@pytest.fixture
def index(knowledge_folder) -> Index:
    return Index(load_folder(knowledge_folder))


def ids(decision):
    return [a.id for a in decision.articles]


def test_normalise_and_stem():
    assert normalise("Wáár is het Gemeentehuis?!  (vandaag)") == "waar is het gemeentehuis vandaag"
    assert stem("parkeren") == stem("parkeer")
    assert stem("vergunningen") == stem("vergunning")
    assert stem("pasport") == stem("paspoort")


@pytest.mark.parametrize("question, article", [
    ("Hoe vraag ik een paspoort aan?", "paspoort-aanvragen"),       # a variant itself
    ("identiteitskaart", "paspoort-aanvragen"),
    ("paspoort gestolen", "paspoort-kwijt"),
    ("wanneer komt de vuilniswagen", "afvalkalender"),
    ("oude matras", "grofvuil"),
    ("nieuw adres", "verhuizing-doorgeven"),
])
def test_a_clear_question_gets_its_article(index, question, article):
    decision = index.answer_for(question)
    assert (decision.kind, ids(decision)) == ("answer", [article])


@pytest.mark.parametrize("question, article", [
    ("mijn pasport is verlopen", "paspoort-aanvragen"),
    ("bewonersvergunnig", "parkeervergunning"),
    ("wat kost een parkeervergunnig", "parkeervergunning"),
    ("verhuizng doorgeven", "verhuizing-doorgeven"),
    ("grofvuul laten ophalen", "grofvuil"),
])
def test_typos(index, question, article):
    decision = index.answer_for(question)
    assert (decision.kind, ids(decision)) == ("answer", [article])


def test_a_compound_found_as_its_parts(index):
    decision = index.answer_for("vergunning om te parkeren")
    assert ids(decision) == ["parkeervergunning", "bezoekersvergunning"]   # both fit


@pytest.mark.parametrize("question, article", [
    ("ik wil een grofvuilafspraak", "grofvuil"),               # a compound of known words
    ("paspoortafspraak", "paspoort-aanvragen"),
    ("bezoekersparkeerkaart", "bezoekersvergunning"),
])
def test_compounds(index, question, article):
    decision = index.answer_for(question)
    assert (decision.kind, ids(decision)) == ("answer", [article])


@pytest.mark.parametrize("question, article", [
    ("grof vuil", "grofvuil"),
    ("parkeer vergunnig aanvragen", "parkeervergunning"),  # split and misspelt
])
def test_a_compound_written_as_two_words(index, question, article):
    assert ids(index.answer_for(question))[:1] == [article]


def test_only_words_that_are_one_article_word_together_are_joined(index):
    assert index.rejoined("Paspoort kwijt!") == "paspoort kwijt"
    assert index.rejoined("grof vuil laten ophalen") == "grofvuil laten ophalen"


def test_compound_parts_are_found_for_words_no_article_has(index):
    assert index._char_text("ik wil een grofvuilafspraak") == (
        "ik wil een grofvuilafspraak grofvuil afspraak")
    assert [term for term, _ in index._expand("grofvuilafspraak")] == [
        stem("grofvuil"), stem("afspraak")]


@pytest.mark.parametrize("question", ["ID-kaart", "mijn ID-kaart", "paspoort of ID-kaart"])
def test_an_ambiguous_question_offers_a_choice(index, question):
    decision = index.answer_for(question)
    assert decision.kind == "choose"
    assert set(ids(decision)) == {"paspoort-aanvragen", "paspoort-kwijt"}
    assert list(decision.scores) == sorted(decision.scores, reverse=True)


@pytest.mark.parametrize("question", [
    "hoe laat is het", "heb je een recept voor pannenkoeken", "de lantaarnpaal is kapot",
    "wie wint het WK voetbal", "hallo", "", "!!!", "🙂",
])
def test_an_unrelated_question_gets_none(index, question):
    assert index.answer_for(question).kind == "none"


def test_search_ranks_and_limits(index):
    matches = index.search("parkeervergunning aanvragen", top=2)
    assert [m.article.id for m in matches] == ["parkeervergunning", "bezoekersvergunning"]
    assert matches[0].score > matches[1].score
    assert Index([]).search("paspoort") == []
    assert Index([]).answer_for("paspoort").kind == "none"


def test_retrieval_is_fast(index):
    questions = ["mijn pasport is verlopen", "vergunning om te parkeren", "oude matras",
                 "wat voor weer wordt het morgen", "ik wil een grofvuilafspraak"]
    for question in questions:
        index.answer_for(question)
    started = time.perf_counter()
    for _ in range(20):
        for question in questions:
            index.answer_for(question)
    mean_ms = (time.perf_counter() - started) * 1000 / (20 * len(questions))
    assert mean_ms < 10, f"{mean_ms:.1f} ms per question"


def test_drafts_are_not_served_and_a_published_edit_is_picked_up(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    live = LiveIndex(db_url, refresh_seconds=0)
    assert ids(live.answer_for("hondenpenning")) == []

    fields = {"title": "Hondenbelasting en hondenpenning",
              "questions": ["hondenbelasting", "hondenpenning",
                            "hond aanmelden", "hond afmelden"]}
    draft = store.save_draft("afvalkalender", fields, author=7, url=db_url)
    assert ids(live.answer_for("hondenpenning")) == [], "a draft is not served"
    assert ids(live.answer_for("wanneer komt de vuilniswagen")) == ["afvalkalender"]

    store.publish("afvalkalender", draft, by=7, url=db_url)
    assert ids(live.answer_for("hondenpenning")) == ["afvalkalender"]
    assert live.answer_for("wanneer komt de vuilniswagen").kind == "none"


def test_the_live_index_asks_the_database_at_most_every_refresh(knowledge_folder, db_url,
                                                                 monkeypatch):
    store.seed_from_yaml(knowledge_folder, db_url)
    live = LiveIndex(db_url, refresh_seconds=2.0)
    clock = [1000.0]
    monkeypatch.setattr(retrieval.time, "monotonic", lambda: clock[0])
    asked = []
    real = store.knowledge_version
    monkeypatch.setattr(store, "knowledge_version", lambda url: asked.append(url) or real(url))
    first = live.current()
    assert len(first.articles) == 7 and len(asked) == 1
    store.unpublish("grofvuil", by=7, url=db_url)
    clock[0] += 1.0
    assert live.current() is first and len(asked) == 1, "not asked again within 2 s"
    clock[0] += 1.5
    assert len(live.current().articles) == 6 and len(asked) == 2
    clock[0] += 2.5
    second = live.current()
    assert len(asked) == 3 and live.current() is second, "unchanged: not rebuilt"


def test_module_functions_use_one_live_index_per_database(knowledge_folder, db_url):
    store.seed_from_yaml(knowledge_folder, db_url)
    assert [m.article.id for m in retrieval.search("oude matras", url=db_url)][0] == "grofvuil"
    assert retrieval.answer_for("oude matras", url=db_url).kind == "answer"
    assert retrieval.live_index(db_url) is retrieval.live_index(db_url)


def test_evaluate_reports_accuracy_none_choose_and_time(knowledge_folder, tmp_path):
    test_file = tmp_path / "test_set.yml"
    test_file.write_text("""
questions:
  - {text: "mijn pasport is verlopen", article: paspoort-aanvragen}
  - {text: "oude matras", article: grofvuil}
  - {text: "paspoort of ID-kaart", article: paspoort-aanvragen}
  - {text: "wanneer komt de vuilniswagen", article: grofvuil}
unanswerable:
  - "hoe laat is het"
  - "heb je een recept voor pannenkoeken"
""", encoding="utf-8")
    result = evaluate(test_file, folder=knowledge_folder)
    assert result["questions"] == 4 and result["unanswerable"] == 2
    assert result["top1_accuracy"] == 0.75   # the waste calendar is labelled wrong on purpose
    assert result["answered_right"] == 0.5 and result["answered_wrong"] == 0.25
    assert result["choose_rate"] == 0.25 and result["choose_has_right"] == 1.0
    assert result["unanswerable_none"] == 1.0
    assert 0 < result["mean_ms"] <= result["p95_ms"] < 50
    assert result["unknown_articles"] == []


# -- the second stage: a question whose own subject no article has gets "none" --------------

@pytest.fixture
def hours_index(knowledge_folder) -> Index:
    from tests.knowledge.conftest import article, write_department

    write_department(knowledge_folder, "publiekszaken", "Publiekszaken", [
        article("openingstijden-gemeentehuis", "Openingstijden van het gemeentehuis",
                ["Wanneer is het gemeentehuis open?", "Openingstijden gemeentehuis",
                 "Hoe laat gaat de balie dicht?", "Is het stadhuis op zaterdag open?"],
                "Openingstijden")])
    return Index(load_folder(knowledge_folder))


def test_the_articles_must_share_the_questions_most_specific_word(hours_index):
    number = [a.id for a in hours_index.articles].index("openingstijden-gemeentehuis")
    assert hours_index.specific_overlap("openingstijden gemeentehuis")[number] == 1.0
    assert hours_index.specific_overlap("openingstijden bibliotheek")[number] \
        < retrieval.SPECIFIC_MIN


def test_a_question_about_a_subject_without_an_article_is_answered_honestly(hours_index):
    question = "wat zijn de openingstijden van de bibliotheek"
    matches = hours_index.search(question, top=retrieval.CHOOSE_MAX)
    assert retrieval.decide(matches, specific_min=0.0).kind != "none", \
        "the letters alone would offer the town hall's hours"
    # not answered with the town hall's hours: at most offered ("Bedoelt u …?")
    assert hours_index.answer_for(question).kind != "answer"
    assert ids(hours_index.answer_for("wat zijn de openingstijden van het gemeentehuis")) == \
        ["openingstijden-gemeentehuis"]


def test_leave_article_out_asks_each_variant_without_its_article(knowledge_folder):
    from bot.knowledge.tune import leave_article_out_parts

    articles = load_folder(knowledge_folder)
    parts, expected = leave_article_out_parts(articles)
    assert len(parts) == sum(len(a.questions) for a in articles) and set(expected) == {None}
    first = parts[0]   # the first article's first variant: its own scores are zero
    assert all(len(scores) == len(articles) and scores[0] == 0.0 for scores in first[:3])


def test_a_clear_fit_without_the_questions_rarest_word_is_offered_not_answered_or_dropped():
    from bot.knowledge.retrieval import Match

    article = type("A", (), {"id": "rijbewijs"})()
    strong = [Match(article, 0.6, 0.1)]
    assert retrieval.decide(strong).kind == "choose"
    assert retrieval.decide([Match(article, 0.3, 0.1)]).kind == "none"


def test_an_article_with_only_a_common_part_of_a_compound_is_not_specific(tmp_path):
    from tests.knowledge.conftest import article, write_department

    write_department(tmp_path, "belastingen", "Belastingen", [
        article("hondenbelasting", "Hondenbelasting", ["Belasting voor mijn hond"],
                "Hondenbelasting"),
        article("afvalstoffenheffing", "Afvalstoffenheffing", ["Belasting voor het afval"],
                "Afvalstoffenheffing"),
        article("inkomsten-gedaald", "Minder inkomsten", ["Mijn inkomsten zijn gedaald"],
                "Bijstand")])
    index = Index(load_folder(tmp_path))
    specific = dict(zip([a.id for a in index.articles],
                        index.specific_overlap("inkomstenbelasting")))
    # "belasting" is in two of the three articles, "inkomsten" in one: the compound's
    # specific part is what the dog tax lacks.
    assert specific["hondenbelasting"] < retrieval.SPECIFIC_MIN <= specific["inkomsten-gedaald"]


# -- general Dutch (wordfreq): a word no article has is weighed by how Dutch uses it ---------

def test_general_dutch_tells_words_from_typos_and_names():
    from bot.knowledge import general

    assert general.available(), "wordfreq is in requirements.lock: make install"
    assert general.zipf("bibliotheek") > 4 and general.zipf("haar") > 6
    assert general.zipf("kapvergunnig") == 0.0 and general.zipf("lindendal") == 0.0


@pytest.fixture
def tax_index(tmp_path) -> Index:
    from tests.knowledge.conftest import article, write_department

    write_department(tmp_path, "belastingen", "Belastingen", [
        article("hondenbelasting", "Hondenbelasting",
                ["Moet ik hondenbelasting betalen?", "Hond aanmelden voor de belasting",
                 "Hoeveel kost de hondenbelasting?"], "Hondenbelasting"),
        article("subsidie-vereniging", "Subsidie voor een vereniging",
                ["Subsidie aanvragen voor onze vereniging", "Krijgt een vereniging subsidie?"],
                "Subsidie"),
        article("afvalkalender", "Afvalkalender",
                ["Wanneer wordt mijn container geleegd?", "Wanneer komt de vuilniswagen?"],
                "Afvalkalender"),
        article("werk-aan-de-weg", "Werkzaamheden aan de weg",
                ["Wanneer zijn de werkzaamheden klaar?", "Hoe lang is de weg afgesloten?"],
                "Wegwerkzaamheden"),
        article("deksel-kapot", "Deksel van de container kapot",
                ["Het deksel van mijn container is kapot"], "Afvalcontainer")])
    return Index(load_folder(tmp_path))


def test_another_kind_of_the_articles_thing_gets_none(tax_index):
    # The dog tax is a tax, but no answer to the motor vehicle or income tax.
    for question in ("hoeveel motorrijtuigenbelasting betaal ik voor mijn auto",
                     "hoe doe ik mijn aangifte inkomstenbelasting"):
        assert tax_index.answer_for(question).kind == "none", question
    assert ids(tax_index.answer_for("hoeveel hondenbelasting betaal ik")) == ["hondenbelasting"]
    # An article about the thing itself covers every kind of it.
    assert "subsidie-vereniging" in ids(tax_index.answer_for("subsidie muziekvereniging"))


def test_an_established_word_is_no_typo_of_another_article_word(tax_index):
    expanded = [term for term, _ in tax_index._expand("diesel")]
    assert expanded == [], "diesel is a Dutch word, not a typo of deksel"
    assert [term for term, _ in tax_index._expand("dekesl")] == [stem("deksel")]


def test_common_words_no_article_has_do_not_block_the_answer(tax_index):
    # "haar" and "volgens" are in no article; as the question's "rarest" word they would
    # make every article too unspecific. General Dutch says they carry nothing.
    number = [a.id for a in tax_index.articles].index("hondenbelasting")
    assert tax_index.specific_overlap("moet ik voor haar hond volgens jullie hondenbelasting "
                                      "betalen")[number] >= retrieval.SPECIFIC_MIN
    assert ids(tax_index.answer_for("moet ik voor haar hond volgens jullie hondenbelasting "
                                    "betalen")) == ["hondenbelasting"]


def test_a_street_name_is_no_other_kind_of_road_but_a_dutch_word_is_a_subject(tax_index):
    question = "wanneer zijn de werkzaamheden in de molenweg klaar"
    number = [a.id for a in tax_index.articles].index("werk-aan-de-weg")
    assert tax_index.other_kinds(question, [number]) == [False]
    assert "werk-aan-de-weg" in ids(tax_index.answer_for(question))
    assert tax_index.answer_for("wanneer gaat de bibliotheek open").kind == "none"


# -- an unaddressed subject: the question's own Dutch word is in no article, and the best ----
# -- article meets it in one word only, a word other articles have too ----------------------

@pytest.fixture
def opening_hours_index(tmp_path) -> Index:
    from tests.knowledge.conftest import article, write_department

    write_department(tmp_path, "publiekszaken", "Publiekszaken", [
        article("openingstijden-gemeentehuis", "Openingstijden gemeentehuis",
                ["Wat zijn de openingstijden van het gemeentehuis?",
                 "Wanneer is het gemeentehuis open?"], "Openingstijden"),
        article("milieustraat", "Milieustraat",
                ["Wat zijn de openingstijden van de milieustraat?",
                 "Waar breng ik mijn oude verf heen?"], "Milieustraat",
                answer="Breng het naar de milieustraat; een bruikbare stoel kunt u ook op de "
                       "rommelmarkt verkopen. https://www.lindendal.nl/milieustraat"),
        article("sporthal-huren", "Sporthal huren",
                ["Kan ik de sporthal huren voor een toernooi?"], "Sportaccommodatie"),
        article("hondenbelasting", "Hondenbelasting",
                ["Moet ik hondenbelasting betalen?"], "Hondenbelasting")])
    return Index(load_folder(tmp_path))


def numbered(index: Index, article_id: str) -> int:
    return [a.id for a in index.articles].index(article_id)


def test_a_subject_no_article_has_beside_one_shared_common_word_gets_none(opening_hours_index):
    question = "wat zijn de openingstijden van het zwembad"
    town_hall = numbered(opening_hours_index, "openingstijden-gemeentehuis")
    assert opening_hours_index.unaddressed(question, [town_hall]) == [True]
    matches = opening_hours_index.search(question, top=retrieval.CHOOSE_MAX)
    assert matches and matches[0].unaddressed
    assert retrieval.decide([dataclasses.replace(m, unaddressed=False) for m in matches]
                            ).kind != "none", "without the check the town hall's hours fit"
    assert opening_hours_index.answer_for(question).kind == "none"


def test_the_named_subject_still_gets_its_article(opening_hours_index):
    assert ids(opening_hours_index.answer_for("openingstijden van het gemeentehuis")) == \
        ["openingstijden-gemeentehuis"]


def test_a_subject_the_articles_answer_speaks_of_is_addressed(opening_hours_index):
    question = "openingstijden rommelmarkt"
    assert opening_hours_index.unaddressed(question, [
        numbered(opening_hours_index, "milieustraat"),
        numbered(opening_hours_index, "openingstijden-gemeentehuis")]) == [False, True]


def test_a_word_only_one_article_has_keeps_it_a_candidate(opening_hours_index):
    # "hondenbelasting" is this article's own word: a puppy is the resident's word for it.
    number = numbered(opening_hours_index, "hondenbelasting")
    assert opening_hours_index.unaddressed("hondenbelasting voor een puppy", [number]) == \
        [False]
    assert "hondenbelasting" in ids(opening_hours_index.answer_for(
        "hondenbelasting voor een puppy"))


def test_ordinary_words_and_names_are_no_unaddressed_subject(opening_hours_index):
    # common Dutch ("volgens") and a word not in Dutch at large (a typo, a name) say little
    town_hall = numbered(opening_hours_index, "openingstijden-gemeentehuis")
    for question in ("openingstijden volgens mij", "openingstijden lindendal",
                     "openingstijdn gemeentehuiss"):
        assert opening_hours_index.unaddressed(question, [town_hall]) == [False], question


def test_an_unaddressed_best_match_is_never_answered_or_offered():
    from bot.knowledge.retrieval import Match

    article = type("A", (), {"id": "openingstijden-gemeentehuis"})()
    assert retrieval.decide([Match(article, 0.7, 0.9)]).kind == "answer"
    assert retrieval.decide([Match(article, 0.7, 0.9, unaddressed=True)]).kind == "none"


def test_chat_forms_of_small_words_carry_no_subject():
    from bot.knowledge.text import tokens

    assert tokens("mn paspoort is weg") == ["paspoort", "weg"]
    assert tokens("m'n rijbewijs, k weet het niet") == ["rijbewijs", "weet"]
    assert tokens("bus 12") == ["bus", "12"], "a number is kept"


@pytest.mark.parametrize("question, article", [
    ("mijn rijbewijs vernieuwen", "rijbewijs"),
    ("parkeervergunning opzeggen", "parkeervergunning"),
    ("mijn oma is overleden", "overlijden"),
])
def test_who_or_what_to_do_is_never_the_unaddressed_subject(question, article):
    from bot.settings import ROOT

    index = Index([a for a in load_folder(ROOT / "knowledge") if a.status == "published"])
    decision = index.answer_for(question)
    assert decision.kind != "none"
    assert any(article in found.id for found in decision.articles)


@pytest.fixture(scope="module")
def real_index() -> Index:
    from bot.knowledge.evaluate import KNOWLEDGE_DIR

    return Index([a for a in load_folder(KNOWLEDGE_DIR) if a.status == "published"])


def test_one_close_article_whose_title_word_was_asked_is_answered(real_index):
    """Own try: "ze heeft een traplift nodig denk ik. Waar moet ik beginnen?" got "Gaat uw
    vraag over dit onderwerp?" with "Woning aanpassen (traplift, douche)" as the only button."""
    decision = real_index.answer_for("Dag, mijn opa is 88 en komt zijn trap niet meer op. Hij "
                                     "wil thuis blijven wonen. Kan hij een traplift krijgen of "
                                     "moet hij die zelf betalen?")
    assert decision.kind == "answer"
    assert decision.articles[0].id == "woningaanpassing"


@pytest.mark.parametrize("question", [
    "onze dochter is zaterdag geboren, hoe geef ik haar aan bij de gemeente",
    "Onze zoon is gisteren geboren in het ziekenhuis in Deventer. Waar moeten we hem aangeven, "
    "hier of in Deventer?",
])
def test_the_event_told_names_the_title(real_index, question):
    """Session 58 (round r232): "… is gisteren geboren" got "Gaat uw vraag over dit onderwerp?"
    with "Geboorte aangeven" as the only button."""
    decision = real_index.answer_for(question)
    assert decision.kind == "answer" and decision.articles[0].id == "geboorteaangifte"


def test_a_title_word_in_another_sense_does_not_answer(real_index):
    decision = real_index.answer_for("ik heb een papier nodig dat ik hier woon voor mijn "
                                     "werkgever")
    assert decision.kind != "answer" or decision.articles[0].id != "oud-papier"


def test_a_compound_unknown_to_the_articles_stands_for_its_last_part():
    """Session 57: "achtertuin" (no article has it) is a "tuin", not the question's rarest
    word; a made-up first part is no Dutch word."""
    from pathlib import Path
    real = Index(load_folder(Path(__file__).resolve().parents[2] / "knowledge"))
    assert [term for term, _ in real._expand("achtertuin")] == [stem("tuin")]
    assert not real._expand("xqzvtuin")
