"""`python -m console serve` starts the console; `create-admin` and `add-user` make
staff accounts (the password is asked, or read from standard input)."""
from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path
from typing import List, Optional

from bot import logmask
from bot.reports.db import migrate
from bot.reports.retention import tracker_store_url
from bot.settings import DATABASE_URL, ENDPOINTS_FILE
from console.auth import AccountError, create_user
from console.models import ROLES


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Wachtwoord (minstens 12 tekens): ")
    if getpass.getpass("Nog een keer: ") != first:
        raise AccountError("the passwords differ")
    return first


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m console")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="start the console")
    serve.add_argument("--host", default=os.environ.get("GA_CONSOLE_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("GA_CONSOLE_PORT", 5010)))
    serve.add_argument("--endpoints", type=Path, default=ENDPOINTS_FILE)
    for name, role in (("create-admin", "admin"), ("add-user", None)):
        account = sub.add_parser(name, help=f"create a staff account ({role or 'any role'})")
        account.add_argument("username")
        account.add_argument("--name", default="")
        account.add_argument("--initials", required=True, help="signature, for example AB")
        if role is None:
            account.add_argument("--role", choices=ROLES, required=True)
            account.add_argument("--department", default=None,
                                 help="knowledge-base department of an editor (burgerzaken)")
        account.add_argument("--password-stdin", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logmask.install()
    migrate()
    if args.command == "serve":
        from console.app import app

        tracker_url = tracker_store_url(args.endpoints)
        if tracker_url is None:
            print("error: the console needs Rasa's SQL tracker store (endpoints.yml)",
                  file=sys.stderr)
            return 2
        app.ctx.tracker_url, app.ctx.db_url = tracker_url, DATABASE_URL
        app.run(host=args.host, port=args.port, access_log=False, workers=1)
        return 0
    try:
        create_user(args.username, args.name, args.initials,
                    getattr(args, "role", None) or "admin", _password(args.password_stdin),
                    department=getattr(args, "department", None))
    except AccountError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Account {args.username} created. Log in at /console/login.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
