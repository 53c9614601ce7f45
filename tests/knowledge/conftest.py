"""Small knowledge folders written by the tests, and a fresh database per test."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml


def article(id: str, title: str, questions: List[str], upl: str, **extra: Any
            ) -> Dict[str, Any]:
    """One article in the YAML layout, published unless told otherwise."""
    link = f"https://www.lindendal.nl/{id}"
    return {"id": id, "title": title, "upl": upl,
            "upl_uri": f"http://standaarden.overheid.nl/owms/terms/{upl.replace(' ', '_')}",
            "questions": questions, "answer": f"{title}: zo werkt het. {link}",
            "link": link, "sensitive": False, "review_by": "2027-06-01",
            "status": "published", **extra}


BURGERZAKEN = [
    article("paspoort-aanvragen", "Paspoort of ID-kaart aanvragen",
            ["Hoe vraag ik een paspoort aan?", "Ik wil een nieuwe identiteitskaart",
             "Afspraak maken voor een paspoort", "Mijn ID-kaart is verlopen"], "Paspoort",
            intent="passport_id_appointment", cost="€ 84,20"),
    article("paspoort-kwijt", "Paspoort of ID-kaart kwijt of gestolen",
            ["Ik ben mijn paspoort kwijt", "Mijn ID-kaart is gestolen",
             "Paspoort verloren op vakantie", "Identiteitsbewijs weg"],
            "Vermissing reisdocument"),
    article("verhuizing-doorgeven", "Verhuizing doorgeven",
            ["Ik ga verhuizen", "Nieuw adres doorgeven", "Hoe geef ik mijn verhuizing door?",
             "Adreswijziging"], "Verhuizing", intent="moving_address_change",
            answer_sms="Geef uw verhuizing door met DigiD: https://www.lindendal.nl/v"),
]
PARKEREN = [
    article("parkeervergunning", "Parkeervergunning voor bewoners",
            ["Hoe vraag ik een parkeervergunning aan?", "Bewonersvergunning aanvragen",
             "Wat kost een parkeervergunning?", "Kenteken wijzigen op mijn vergunning"],
            "Parkeervergunning", intent="parking_permit"),
    article("bezoekersvergunning", "Parkeren voor bezoek",
            ["Waar kan mijn bezoek parkeren?", "Bezoekerspas aanvragen",
             "Parkeerkaart voor visite", "Hoe meld ik mijn bezoek aan voor parkeren?"],
            "Bezoekersparkeervergunning"),
]
AFVAL = [
    article("grofvuil", "Grofvuil laten ophalen",
            ["Grofvuil laten ophalen", "Ik wil een oude bank laten ophalen",
             "Afspraak voor grof afval", "Oude matras weggooien"], "Grofvuil",
            intent="bulky_waste_pickup"),
    article("afvalkalender", "Afvalkalender",
            ["Wanneer wordt mijn container geleegd?", "Afvalkalender",
             "Welke dag komt de vuilniswagen?", "Wanneer wordt het papier opgehaald?"],
            "Afvalinzameling", review_by="2025-01-01"),
]


def write_department(folder: Path, department: str, name: str,
                     articles: List[Dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{department}.yml"
    path.write_text(yaml.safe_dump({"department": department, "department_name": name,
                                    "articles": articles}, allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def knowledge_folder(tmp_path: Path) -> Path:
    """Three departments, seven articles."""
    folder = tmp_path / "knowledge"
    write_department(folder, "burgerzaken", "Burgerzaken", BURGERZAKEN)
    write_department(folder, "parkeren", "Parkeren", PARKEREN)
    write_department(folder, "afval", "Afval", AFVAL)
    return folder


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/kb.db"
