"""Knowledge articles: the frozen `Article`, loading and checking `knowledge/<department>.yml`
and writing articles back in the same layout."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

logger = logging.getLogger(__name__)

STATUSES = ("draft", "published")
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
SMS_MAX = 300
# A button of "Bedoelt u …?" names the article chosen in this entity; "allebei" chooses
# every article offered, joined with the separator (a slug never holds it).
ARTICLE_ENTITY = "kb_article"
ARTICLE_SEPARATOR = "+"
CHOICE_INTENT = "municipal_question"


def choice_payload(*article_ids: str) -> str:
    """The payload of a button that chooses these articles."""
    return "/%s{\"%s\":\"%s\"}" % (CHOICE_INTENT, ARTICLE_ENTITY,
                                     ARTICLE_SEPARATOR.join(article_ids))
# The content guideline: 4-8 ways a resident asks it (fewer or more is a warning, not an error).
QUESTIONS_MIN, QUESTIONS_MAX = 4, 8

# The order of an article's keys in the YAML files; department keys are per file.
ARTICLE_KEYS = ("id", "title", "upl", "upl_uri", "intent", "questions", "answer", "answer_sms",
                "cost", "answer_en", "cost_en", "link", "sensitive", "review_by", "status")
REQUIRED = ("id", "title", "upl", "upl_uri", "questions", "answer", "link", "review_by",
            "status")
# The answer and cost in English, for residents who write English (B1 too); without them
# an English resident gets the Dutch text, said to be Dutch.
OPTIONAL = ("intent", "answer_sms", "cost", "answer_en", "cost_en")


class ArticleError(ValueError):
    """An article or knowledge file that cannot be used; the message names file and id."""


@dataclass(frozen=True)
class Article:
    """One answer of the knowledge base, as one version of it."""

    id: str
    department: str
    department_name: str
    title: str
    upl: str
    upl_uri: str
    questions: Tuple[str, ...]
    answer: str
    link: str
    review_by: dt.date
    status: str = "draft"
    intent: Optional[str] = None
    answer_sms: Optional[str] = None
    cost: Optional[str] = None
    answer_en: Optional[str] = None
    cost_en: Optional[str] = None
    sensitive: bool = False
    version: int = field(default=0, compare=False)

    def content(self) -> Dict[str, Any]:
        """The article's fields as JSON-friendly values (without the version)."""
        out: Dict[str, Any] = {}
        for f in fields(self):
            if f.name == "version":
                continue
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            out[f.name] = value
        return out

    def in_english(self) -> Optional["Article"]:
        """This article with its English answer and cost, or None when it has none."""
        if not self.answer_en:
            return None
        return replace(self, answer=self.answer_en, cost=self.cost_en, answer_sms=None)

    def with_changes(self, **changes: Any) -> "Article":
        """A checked copy with some fields changed."""
        version = changes.pop("version", self.version)
        return article_from_dict({**self.content(), **changes}, version=version)


def _where(source: str, article_id: Any) -> str:
    return f"{source}, article {article_id!r}" if article_id else source


def _text(raw: Mapping[str, Any], key: str, where: str, required: bool) -> Optional[str]:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ArticleError(f"{where}: '{key}' is missing")
        return None
    if not isinstance(value, str):
        raise ArticleError(f"{where}: '{key}' must be text, not {type(value).__name__}")
    return value.strip()


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ArticleError(f"{where}: 'review_by' must be a date like 2027-06-01, "
                           f"not {value!r}") from None


def article_from_dict(raw: Mapping[str, Any], department: Optional[str] = None,
                      department_name: Optional[str] = None, source: str = "article",
                      version: int = 0) -> Article:
    """Check one article's fields and make an `Article`; raises `ArticleError`."""
    if not isinstance(raw, Mapping):
        raise ArticleError(f"{source}: an article must be a mapping of fields")
    article_id = raw.get("id")
    where = _where(source, article_id)
    known = set(ARTICLE_KEYS) | {"department", "department_name"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ArticleError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}")
    department = department or raw.get("department")
    department_name = department_name or raw.get("department_name")
    if not department or not isinstance(department, str) or not SLUG.match(department):
        raise ArticleError(f"{where}: 'department' must be a slug, not {department!r}")
    if not department_name or not isinstance(department_name, str):
        raise ArticleError(f"{where}: 'department_name' is missing")
    text = {key: _text(raw, key, where, key in REQUIRED)
            for key in ("id", "title", "upl", "upl_uri", "answer", "link", "status", *OPTIONAL)}
    if not SLUG.match(text["id"]):
        raise ArticleError(f"{where}: 'id' must be a slug (a-z, 0-9, -), not {text['id']!r}")
    if text["status"] not in STATUSES:
        raise ArticleError(f"{where}: 'status' must be draft or published, "
                           f"not {text['status']!r}")
    if not text["link"].startswith("https://"):
        raise ArticleError(f"{where}: 'link' must start with https://")
    if text["answer_sms"] and len(text["answer_sms"]) > SMS_MAX:
        raise ArticleError(f"{where}: 'answer_sms' is {len(text['answer_sms'])} characters, "
                           f"at most {SMS_MAX}")
    questions = raw.get("questions")
    if (not isinstance(questions, (list, tuple)) or not questions
            or not all(isinstance(q, str) and q.strip() for q in questions)):
        raise ArticleError(f"{where}: 'questions' must be a list of questions")
    if "review_by" not in raw or raw["review_by"] in (None, ""):
        raise ArticleError(f"{where}: 'review_by' is missing")
    sensitive = raw.get("sensitive", False)
    if not isinstance(sensitive, bool):
        raise ArticleError(f"{where}: 'sensitive' must be true or false")
    return Article(
        id=text["id"], department=department, department_name=department_name.strip(),
        title=text["title"], upl=text["upl"], upl_uri=text["upl_uri"],
        questions=tuple(q.strip() for q in questions), answer=text["answer"],
        link=text["link"], review_by=_date(raw["review_by"], where), status=text["status"],
        intent=text["intent"], answer_sms=text["answer_sms"], cost=text["cost"],
        answer_en=text["answer_en"], cost_en=text["cost_en"], sensitive=sensitive,
        version=version)


def warnings_for(article: Article) -> List[str]:
    """Content guidelines an article does not follow (not errors: it can still be served)."""
    where = f"article {article.id!r}"
    found = []
    if not QUESTIONS_MIN <= len(article.questions) <= QUESTIONS_MAX:
        found.append(f"{where}: {len(article.questions)} questions, "
                     f"write {QUESTIONS_MIN}-{QUESTIONS_MAX}")
    if article.link not in article.answer:
        found.append(f"{where}: the answer does not end with its link")
    if article.cost_en and not article.answer_en:
        found.append(f"{where}: an English cost without an English answer")
    if len({q.lower() for q in article.questions}) < len(article.questions):
        found.append(f"{where}: a question is repeated")
    return found


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_file(path: Path) -> List[Article]:
    """The articles of one department file; raises `ArticleError` naming the file."""
    path = Path(path)
    try:
        # libyaml's parser: a tenth of the time of the pure Python one, the same result
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ArticleError(f"{path.name}: not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise ArticleError(f"{path.name}: expected department, department_name and articles")
    department = raw.get("department")
    if not isinstance(department, str) or not SLUG.match(department):
        raise ArticleError(f"{path.name}: 'department' must be a slug, not {department!r}")
    if path.stem != department:
        raise ArticleError(f"{path.name}: department {department!r} must match the file "
                           f"name ({department}.yml)")
    name = raw.get("department_name")
    if not isinstance(name, str) or not name.strip():
        raise ArticleError(f"{path.name}: 'department_name' is missing")
    items = raw.get("articles")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ArticleError(f"{path.name}: 'articles' must be a list")
    return [article_from_dict(item, department, name, source=path.name) for item in items]


def load_folder(folder: Path) -> List[Article]:
    """All articles of `folder/*.yml`, checked; ids are unique across the files."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ArticleError(f"{folder}: no such folder")
    articles: List[Article] = []
    seen: Dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        for article in load_file(path):
            if article.id in seen:
                raise ArticleError(f"{path.name}, article {article.id!r}: the id is also "
                                   f"used in {seen[article.id]}")
            seen[article.id] = path.name
            articles.append(article)
    logger.debug("Loaded %s knowledge articles from %s", len(articles), folder)
    return articles


def article_to_yaml_dict(article: Article) -> Dict[str, Any]:
    """One article as it is written in its department's file (optional fields left out)."""
    content = article.content()
    out: Dict[str, Any] = {}
    for key in ARTICLE_KEYS:
        value = content[key]
        if key in OPTIONAL and value is None:
            continue
        out[key] = article.review_by if key == "review_by" else value
    return out


def dump_folder(articles: Iterable[Article], folder: Path) -> List[Path]:
    """Write the articles as `folder/<department>.yml`, one file per department."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_department: Dict[str, List[Article]] = {}
    for article in articles:
        by_department.setdefault(article.department, []).append(article)
    written = []
    for department, items in sorted(by_department.items()):
        names = {a.department_name for a in items}
        if len(names) > 1:
            raise ArticleError(f"{department}.yml: more than one department_name: "
                               f"{sorted(names)}")
        document = {"department": department, "department_name": items[0].department_name,
                    "articles": [article_to_yaml_dict(a) for a in items]}
        path = folder / f"{department}.yml"
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True,
                                       width=100), encoding="utf-8")
        written.append(path)
    return written


def as_published(article: Article, version: int) -> Article:
    """The article as served: status published, with its version number."""
    return replace(article, status="published", version=version)
