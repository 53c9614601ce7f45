"""Loading, checking and writing back knowledge/<department>.yml."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import yaml

from bot.knowledge.__main__ import main as cli
from bot.knowledge.articles import (Article, ArticleError, dump_folder, load_folder,
                                    warnings_for)
from tests.knowledge.conftest import BURGERZAKEN, article, write_department


def test_loads_every_department_with_typed_fields(knowledge_folder):
    articles = {a.id: a for a in load_folder(knowledge_folder)}
    assert len(articles) == 7
    passport = articles["paspoort-aanvragen"]
    assert isinstance(passport, Article)
    assert (passport.department, passport.department_name) == ("burgerzaken", "Burgerzaken")
    assert passport.review_by == dt.date(2027, 6, 1)
    assert passport.questions[0] == "Hoe vraag ik een paspoort aan?"
    assert isinstance(passport.questions, tuple)
    assert (passport.intent, passport.cost, passport.answer_sms) == (
        "passport_id_appointment", "€ 84,20", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        passport.title = "x"


def test_round_trip_gives_the_same_articles_and_the_same_yaml(knowledge_folder, tmp_path):
    articles = load_folder(knowledge_folder)
    out = tmp_path / "export"
    written = dump_folder(articles, out)
    assert sorted(p.name for p in written) == ["afval.yml", "burgerzaken.yml", "parkeren.yml"]
    assert load_folder(out) == articles
    for path in written:
        original = yaml.safe_load((knowledge_folder / path.name).read_text(encoding="utf-8"))
        again = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in original["articles"]:    # the fixture writes dates as text
            item["review_by"] = dt.date.fromisoformat(item["review_by"])
        assert again == original


@pytest.mark.parametrize("change, message", [
    ({"title": None}, "'title' is missing"),
    ({"questions": []}, "'questions' must be a list"),
    ({"status": "live"}, "'status' must be draft or published"),
    ({"link": "http://www.lindendal.nl/x"}, "'link' must start with https://"),
    ({"review_by": "binnenkort"}, "'review_by' must be a date"),
    ({"answer_sms": "x" * 301}, "at most 300"),
    ({"colour": "blue"}, "unknown field(s) colour"),
    ({"sensitive": "nee"}, "'sensitive' must be true or false"),
])
def test_errors_name_the_file_and_the_article(tmp_path, change, message):
    broken = {**BURGERZAKEN[0], **change}
    write_department(tmp_path, "burgerzaken", "Burgerzaken", [broken])
    with pytest.raises(ArticleError) as error:
        load_folder(tmp_path)
    assert "burgerzaken.yml, article 'paspoort-aanvragen'" in str(error.value)
    assert message in str(error.value)


def test_ids_are_unique_across_files(knowledge_folder):
    write_department(knowledge_folder, "sport", "Sport",
                     [article("grofvuil", "Sporthal huren", ["sporthal"] * 4, "Sporthal")])
    with pytest.raises(ArticleError, match=r"sport.yml, article 'grofvuil': the id is also "
                                           r"used in afval.yml"):
        load_folder(knowledge_folder)


def test_the_department_must_match_the_file_name(tmp_path):
    path = write_department(tmp_path, "burgerzaken", "Burgerzaken", BURGERZAKEN)
    path.rename(tmp_path / "publiekszaken.yml")
    with pytest.raises(ArticleError, match="publiekszaken.yml: department 'burgerzaken'"):
        load_folder(tmp_path)


def test_broken_yaml_names_the_file(tmp_path):
    (tmp_path / "afval.yml").write_text("department: afval\narticles: [\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="afval.yml: not valid YAML"):
        load_folder(tmp_path)


def test_guideline_warnings_do_not_stop_loading(tmp_path):
    short = article("kort", "Kort", ["een vraag", "een vraag"], "Kort")
    short["answer"] = "Zonder link."
    write_department(tmp_path, "algemeen", "Algemeen", [short])
    warnings = warnings_for(load_folder(tmp_path)[0])
    assert any("2 questions, write 4-8" in w for w in warnings)
    assert any("does not end with its link" in w for w in warnings)
    assert any("repeated" in w for w in warnings)


def test_with_changes_checks_the_new_fields(knowledge_folder):
    passport = load_folder(knowledge_folder)[0]
    changed = passport.with_changes(cost="€ 90")
    assert changed.cost == "€ 90" and changed.title == passport.title
    with pytest.raises(ArticleError):
        passport.with_changes(status="weg")


def test_check_command(knowledge_folder, tmp_path, capsys):
    assert cli(["check", "--folder", str(knowledge_folder)]) == 0
    assert "7 articles (7 published) in 3 departments: ok" in capsys.readouterr().out
    write_department(tmp_path / "bad", "afval", "Afval", [{"id": "x"}])
    assert cli(["check", "--folder", str(tmp_path / "bad")]) == 1
    assert "FOUT: afval.yml, article 'x'" in capsys.readouterr().out


def test_every_title_reads_inside_a_sentence():
    """Titles stand in "Dat staat niet in mijn informatie over {title}.": no question."""
    from bot.settings import ROOT

    questions = [a.title for a in load_folder(ROOT / "knowledge") if "?" in a.title]
    assert questions == []


def test_an_english_answer_and_cost_load_and_replace_the_dutch_in_english(tmp_path):
    english = article("rijbewijs", "Rijbewijs", ["a", "b", "c", "d"], "Rijbewijs",
                      cost="Ongeveer €55.", answer_en="Renew it at the town hall. "
                      "https://www.lindendal.nl/rijbewijs", cost_en="About €55.")
    dutch_only = article("paspoort", "Paspoort", ["a", "b", "c", "d"], "Paspoort",
                         cost_en="About €85.")
    write_department(tmp_path, "burgerzaken", "Burgerzaken", [english, dutch_only])
    licence, passport = load_folder(tmp_path)
    assert licence.in_english().answer.startswith("Renew it")
    assert licence.in_english().cost == "About €55." and licence.cost == "Ongeveer €55."
    assert passport.in_english() is None, "no English answer: the Dutch text, said to be Dutch"
    assert any("English cost without an English answer" in w for w in warnings_for(passport))
