"""python -m bot.knowledge seed|export|check [--folder DIR] [--url URL] [--force]."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import List, Optional

from bot.knowledge import KNOWLEDGE_DIR
from bot.knowledge.articles import ArticleError, load_folder, warnings_for
from bot.settings import DATABASE_URL


def check(folder: Path) -> int:
    """Validate the YAML folder: errors make it fail, guideline warnings are printed."""
    try:
        articles = load_folder(folder)
    except ArticleError as error:
        print(f"FOUT: {error}")
        return 1
    for article in articles:
        for warning in warnings_for(article):
            print(f"let op: {article.department}.yml: {warning}")
    published = sum(1 for a in articles if a.status == "published")
    departments = len({a.department for a in articles})
    print(f"{len(articles)} articles ({published} published) in {departments} departments: ok")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge", description=__doc__)
    parser.add_argument("command", choices=("seed", "export", "check"))
    parser.add_argument("--folder", type=Path, default=KNOWLEDGE_DIR)
    parser.add_argument("--url", default=DATABASE_URL)
    parser.add_argument("--force", action="store_true",
                        help="seed: save changed articles as a new version")
    parser.add_argument("--published-only", action="store_true",
                        help="export: only the versions residents get")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "check":
        return check(args.folder)
    from bot.knowledge import store   # the database only when needed

    try:
        if args.command == "seed":
            result = store.seed_from_yaml(args.folder, args.url, force=args.force)
            print(f"added {len(result.added)}, updated {len(result.updated)}, "
                  f"unchanged {len(result.unchanged)}")
        else:
            paths = store.export_yaml(args.folder, args.url, args.published_only)
            print(f"wrote {len(paths)} files to {args.folder}")
    except ArticleError as error:
        print(f"FOUT: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
