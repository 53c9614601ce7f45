"""Console accounts: the accounts page (add, role, deactivate, one-time password link),
changing your own password, the login limit per account and address, constant-time
answers, and logout. A console of its own (no Rasa, no trained model) on loopback,
behind a pretend proxy: SANIC_PROXIES_COUNT=1 makes X-Forwarded-For the address."""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.reports.db import migrate
from bot.settings import ROOT
from console import auth
from console.models import AuditEntry, PasswordReset, StaffSession, StaffUser
from tests.console_client import ConsoleUser, fetch
from tests.services import free_port

PASSWORD = "een-lang-wachtwoord-42"
NEW_PASSWORD = "een-ander-wachtwoord-77"
_names = itertools.count(1)


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory):
    """(base URL, database URL) of a console started for this module."""
    folder = tmp_path_factory.mktemp("console-accounts")
    db_url = f"sqlite:///{folder / 'reports.db'}"
    migrate(db_url)
    auth.create_user("hoofdbeheer", "Hoofd Beheer", "HB", "admin", PASSWORD, url=db_url)
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n"
                         f"  db: {folder / 'tracker.db'}\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "GA_DATABASE_URL": db_url, "SANIC_PROXIES_COUNT": "1"}
    log = (folder / "console.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "console", "serve", "--host",
                                "127.0.0.1", "--port", str(port), "--endpoints",
                                str(endpoints)], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/console/health", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError((folder / "console.log").read_text())
            time.sleep(0.2)
    yield base, db_url
    process.terminate()
    process.wait(timeout=20)
    log.close()


def account(console, role: str = "agent", password: str = PASSWORD) -> str:
    """A fresh account (a fresh name: every test has its own login counters)."""
    name = f"{role}{next(_names)}"
    auth.create_user(name, name.title(), f"X{next(_names)}", role, password, url=console[1])
    return name


def admin(console, address: str = "10.0.0.1") -> ConsoleUser:
    return ConsoleUser(console[0], account(console, "admin"), PASSWORD, address)


def log_in(console, username: str, password: str, address: str) -> int:
    return fetch(f"{console[0]}/console/login", {"username": username, "password": password},
                 headers={"X-Forwarded-For": address})[0]


def user_id(console, username: str) -> int:
    return next(a.id for a in auth.accounts(console[1]) if a.username == username)


def audit_actions(console, detail_contains: str) -> list:
    from bot.reports.db import session

    with session(console[1]) as db:
        return [e.action for e in db.query(AuditEntry).order_by(AuditEntry.id)
                if detail_contains in (e.detail or "")]


def reset_token(page: str) -> str:
    return re.search(r'id="reset-link" value="[^"]*/console/reset/([^"]+)"', page).group(1)


# -- who may ------------------------------------------------------------------------------

def test_only_admins_reach_the_accounts_page(console):
    for role in ("agent", "editor"):
        colleague = ConsoleUser(console[0], account(console, role), PASSWORD, "10.0.1.1")
        assert colleague.get("/console/accounts")[0] == 403, role
        assert colleague.post("/console/accounts", username="sneaky", initials="SN",
                              role="admin")[0] == 403, role
        target = user_id(console, "hoofdbeheer")
        assert colleague.post(f"/console/accounts/{target}/reset")[0] == 403, role
        assert colleague.post(f"/console/accounts/{target}/deactivate")[0] == 403, role
        assert colleague.get("/console/password")[0] == 200, "everyone changes their own"
    assert "sneaky" not in [a.username for a in auth.accounts(console[1])]
    boss = admin(console)
    status, page = boss.get("/console/accounts")
    assert status == 200 and "<h1>Accounts</h1>" in page and "hoofdbeheer" in page
    assert 'href="/console/accounts"' in page


def test_the_account_forms_need_the_csrf_token(console):
    boss = admin(console)
    target = user_id(console, account(console))
    assert boss.post("/console/accounts", csrf="forged", username="viacsrf", initials="VC",
                     role="admin")[0] == 403
    assert boss.post(f"/console/accounts/{target}/deactivate", csrf="")[0] == 403
    assert boss.post(f"/console/accounts/{target}/role", csrf="forged", role="admin")[0] == 403
    assert boss.post("/console/password", csrf="forged", current_password=PASSWORD,
                     new_password=NEW_PASSWORD, new_password_again=NEW_PASSWORD)[0] == 403
    assert "viacsrf" not in [a.username for a in auth.accounts(console[1])]


# -- add, role, deactivate ------------------------------------------------------------------

def test_an_admin_adds_an_account_and_the_colleague_sets_a_password(console):
    boss = admin(console)
    status, page = boss.post("/console/accounts", username="pjansen2", name="Piet Jansen",
                             initials="PJ", role="agent")
    assert status == 200 and "Eenmalige link voor pjansen2" in page
    token = reset_token(page)
    assert token not in boss.get("/console/accounts")[1], "the link is shown once"
    assert log_in(console, "pjansen2", PASSWORD, "10.0.2.1") == 401, "no password yet"
    status, form = fetch(f"{console[0]}/console/reset/{token}")[:3:2]
    assert status == 200 and "pjansen2" in form and 'for="new-password"' in form
    status, _, answer = fetch(f"{console[0]}/console/reset/{token}",
                              {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD})
    assert status == 200 and "ingesteld" in answer
    assert log_in(console, "pjansen2", NEW_PASSWORD, "10.0.2.1") == 303
    assert fetch(f"{console[0]}/console/reset/{token}")[0] == 404, "used once"
    again = fetch(f"{console[0]}/console/reset/{token}",
                  {"new_password": "nog-een-wachtwoord-1", "new_password_again":
                   "nog-een-wachtwoord-1"})
    assert again[0] == 404 and log_in(console, "pjansen2", NEW_PASSWORD, "10.0.2.1") == 303
    assert audit_actions(console, "pjansen2") == ["account_created", "reset_link_created",
                                                  "password_reset"]
    assert boss.post("/console/accounts", username="pjansen2", initials="PJ",
                     role="agent")[0] == 400, "a name is taken once"


def test_a_new_role_holds_at_once_and_the_last_admin_stays(console):
    boss = admin(console)
    name = account(console, "agent")
    colleague = ConsoleUser(console[0], name, PASSWORD, "10.0.3.1")
    assert colleague.get("/console/tone")[0] == 403
    assert boss.post(f"/console/accounts/{user_id(console, name)}/role", role="editor")[0] == 200
    assert colleague.get("/console/tone")[0] == 200, "the same session, the new role"
    assert colleague.get("/console/accounts")[0] == 403
    assert audit_actions(console, name)[-1] == "role_changed"
    assert boss.post(f"/console/accounts/{user_id(console, name)}/role",
                     role="superuser")[0] == 400


def test_the_last_active_admin_cannot_be_demoted_or_switched_off(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'r.db'}"
    only = auth.create_user("enige", "Enige", "EN", "admin", PASSWORD, url=db_url)
    other = auth.create_user("tweede", "Tweede", "TW", "agent", PASSWORD, url=db_url)
    with pytest.raises(auth.AccountError):
        auth.change_role(only, only, "agent", db_url)
    with pytest.raises(auth.AccountError):
        auth.set_active(only, only, False, db_url)
    auth.change_role(only, other, "admin", db_url)
    auth.change_role(only, only, "agent", db_url)  # now another admin is left


def test_a_deactivated_colleague_is_logged_out_at_once_and_cannot_log_in(console):
    boss = admin(console)
    name = account(console, "agent")
    colleague = ConsoleUser(console[0], name, PASSWORD, "10.0.4.1")
    second_desk = ConsoleUser(console[0], name, PASSWORD, "10.0.4.2")
    assert colleague.get("/console/password")[0] == 200
    status, page = boss.post(f"/console/accounts/{user_id(console, name)}/deactivate")
    assert status == 200 and "staat uit" in page
    for session in (colleague, second_desk):
        status, headers, _ = fetch(console[0] + "/console/", cookie=session.cookie)
        assert (status, headers.get("Location")) == (303, "/console/login")
        assert session.post("/console/conversations/x/notes", text="nog even")[0] == 401
    from bot.reports.db import session as db_session

    with db_session(console[1]) as db:
        assert not db.query(StaffSession).filter_by(user_id=user_id(console, name)).count()
    assert log_in(console, name, PASSWORD, "10.0.4.1") == 401
    status, page = boss.post(f"/console/accounts/{user_id(console, name)}/reactivate")
    assert status == 200 and "weer aan" in page
    assert log_in(console, name, PASSWORD, "10.0.4.1") == 303
    assert audit_actions(console, name)[-2:] == ["account_deactivated", "account_reactivated"]


def test_an_admin_cannot_switch_themselves_off(console):
    name = account(console, "admin")
    boss, me = ConsoleUser(console[0], name, PASSWORD, "10.0.4.9"), user_id(console, name)
    status, page = boss.post(f"/console/accounts/{me}/deactivate")
    assert status == 400 and "eigen account" in page


# -- one-time links -------------------------------------------------------------------------

def test_a_reset_link_is_stored_hashed_works_once_and_expires_after_24_hours(console,
                                                                             monkeypatch):
    boss_id = user_id(console, "hoofdbeheer")
    name = account(console, "agent")
    token = auth.create_reset_link(boss_id, user_id(console, name), console[1])
    with create_engine(console[1]).connect() as connection:
        stored = connection.execute(text("SELECT token_hash, created_at, expires_at FROM "
                                         "password_resets ORDER BY id DESC LIMIT 1")).one()
        dump = "\n".join(connection.connection.iterdump())
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in dump, "only the hash is kept"
    real_now = auth.utcnow()
    monkeypatch.setattr(auth, "utcnow", lambda: real_now + dt.timedelta(hours=24, minutes=1))
    assert auth.reset_link_user(token, console[1]) is None
    assert auth.use_reset_link(token, NEW_PASSWORD, console[1]) is None, "expired"
    monkeypatch.setattr(auth, "utcnow", lambda: real_now + dt.timedelta(hours=23, minutes=59))
    assert auth.reset_link_user(token, console[1]) == name
    assert auth.use_reset_link(token, NEW_PASSWORD, console[1]) == name
    assert auth.use_reset_link(token, "een-derde-wachtwoord", console[1]) is None, "once"
    monkeypatch.undo()
    assert log_in(console, name, NEW_PASSWORD, "10.0.5.1") == 303


def test_a_new_link_replaces_the_old_one_and_setting_a_password_ends_sessions(console):
    boss_id = user_id(console, "hoofdbeheer")
    name = account(console, "agent")
    colleague = ConsoleUser(console[0], name, PASSWORD, "10.0.6.1")
    first = auth.create_reset_link(boss_id, user_id(console, name), console[1])
    second = auth.create_reset_link(boss_id, user_id(console, name), console[1])
    assert auth.reset_link_user(first, console[1]) is None
    short = fetch(f"{console[0]}/console/reset/{second}",
                  {"new_password": "kort", "new_password_again": "kort"})
    assert short[0] == 400 and "minstens 12" in short[2]
    assert auth.use_reset_link(second, NEW_PASSWORD, console[1]) == name
    assert colleague.get("/console/password")[0] == 303, "old sessions end"


def test_a_deactivated_account_has_no_working_link(console):
    boss = admin(console)
    name = account(console, "agent")
    token = reset_token(boss.post(f"/console/accounts/{user_id(console, name)}/reset")[1])
    boss.post(f"/console/accounts/{user_id(console, name)}/deactivate")
    assert fetch(f"{console[0]}/console/reset/{token}")[0] == 404
    assert auth.use_reset_link(token, NEW_PASSWORD, console[1]) is None


# -- your own password ----------------------------------------------------------------------

def test_everyone_changes_their_own_password(console):
    name = account(console, "editor")
    here = ConsoleUser(console[0], name, PASSWORD, "10.0.7.1")
    elsewhere = ConsoleUser(console[0], name, PASSWORD, "10.0.7.2")
    status, page = here.post("/console/password", current_password="fout-fout-fout",
                             new_password=NEW_PASSWORD, new_password_again=NEW_PASSWORD)
    assert status == 400 and "huidige wachtwoord klopt niet" in page
    status, page = here.post("/console/password", current_password=PASSWORD,
                             new_password=NEW_PASSWORD, new_password_again="iets-anders-123")
    assert status == 400 and "niet gelijk" in page
    status, page = here.post("/console/password", current_password=PASSWORD,
                             new_password="kort", new_password_again="kort")
    assert status == 400 and "minstens 12" in page
    status, page = here.post("/console/password", current_password=PASSWORD,
                             new_password=NEW_PASSWORD, new_password_again=NEW_PASSWORD)
    assert status == 200 and "gewijzigd" in page
    assert here.get("/console/password")[0] == 200, "this session goes on"
    assert elsewhere.get("/console/password")[0] == 303, "other sessions end"
    assert log_in(console, name, PASSWORD, "10.0.7.3") == 401
    assert log_in(console, name, NEW_PASSWORD, "10.0.7.3") == 303
    assert audit_actions(console, name)[-1] == "password_changed"


# -- the login limit ------------------------------------------------------------------------

def test_an_attacker_does_not_lock_out_a_colleague_at_another_address(console):
    name, neighbour = account(console), account(console)
    attacker = "203.0.113.9"
    for _ in range(auth.MAX_FAILURES):
        assert log_in(console, name, "raden", attacker) == 401
    status, _, page = fetch(f"{console[0]}/console/login",
                            {"username": name, "password": PASSWORD},
                            headers={"X-Forwarded-For": attacker})
    assert status == 429 and "Te veel" in page, "the attacker's address waits"
    assert log_in(console, name, PASSWORD, "10.0.8.1") == 303, "the colleague logs in"
    assert log_in(console, neighbour, PASSWORD, attacker) == 303, "others at that address too"
    for _ in range(auth.MAX_FAILURES):
        assert log_in(console, name, "raden", "10.0.8.2") == 401
    assert log_in(console, name, PASSWORD, "10.0.8.1") == 303, "pairs are counted apart"


def test_a_successful_login_clears_that_pairs_count(console):
    name = account(console)
    for _ in range(auth.MAX_FAILURES - 1):
        assert log_in(console, name, "raden", "10.0.9.1") == 401
    assert log_in(console, name, PASSWORD, "10.0.9.1") == 303
    for _ in range(auth.MAX_FAILURES - 1):
        assert log_in(console, name, "typfout", "10.0.9.1") == 401
    assert log_in(console, name, PASSWORD, "10.0.9.1") == 303


def test_parallel_guesses_over_http_are_counted_atomically(console):
    name = account(console)
    with ThreadPoolExecutor(max_workers=60) as pool:
        statuses = list(pool.map(lambda _: log_in(console, name, "raden", "198.51.100.7"),
                                 range(60)))
    assert statuses.count(401) == auth.MAX_FAILURES, statuses
    assert statuses.count(429) == 60 - auth.MAX_FAILURES


class CountingHasher:
    """Wraps the argon2 hasher and records which hashes were verified."""

    def __init__(self, real) -> None:
        self.real, self.verified = real, []

    def verify(self, stored: str, password: str) -> bool:
        self.verified.append(stored)
        return self.real.verify(stored, password)

    def hash(self, password: str) -> str:
        return self.real.hash(password)


def _hundred_parallel_guesses(db_url: str, monkeypatch) -> None:
    auth.create_user("doelwit", "Doelwit", "DW", "agent", PASSWORD, url=db_url)
    hasher = CountingHasher(auth._hasher)
    monkeypatch.setattr(auth, "_hasher", hasher)

    def guess(number: int) -> str:
        try:
            return "wrong" if auth.log_in("doelwit", f"gok-{number}", "192.0.2.1",
                                          db_url) is None else "in"
        except auth.LoginBlocked:
            return "blocked"

    with ThreadPoolExecutor(max_workers=100) as pool:
        outcomes = list(pool.map(guess, range(100)))
    assert len(hasher.verified) <= auth.MAX_FAILURES
    assert outcomes.count("wrong") == len(hasher.verified) == auth.MAX_FAILURES
    assert outcomes.count("blocked") == 100 - auth.MAX_FAILURES
    with create_engine(db_url).connect() as connection:
        assert connection.execute(text("SELECT failures FROM login_counters")).scalar() == 5


def test_parallel_guesses_check_at_most_the_limit(tmp_path, monkeypatch):
    _hundred_parallel_guesses(f"sqlite:///{tmp_path / 'r.db'}", monkeypatch)


@pytest.fixture(scope="module")
def services():
    """A PostgreSQL server of its own (the name marks the tests that use it `stack`)."""
    import shutil
    import tempfile

    from tests.services import PostgresServer

    folder = Path(tempfile.mkdtemp(prefix="ga-accounts-"))
    folder.chmod(0o755)  # the postgres user must reach its data folder inside
    postgres = PostgresServer(folder / "postgres").start(["reports"])
    yield postgres
    postgres.stop()
    shutil.rmtree(folder, ignore_errors=True)


def test_parallel_guesses_check_at_most_the_limit_on_postgresql(services, monkeypatch):
    db_url = services.url("reports")
    migrate(db_url)
    _hundred_parallel_guesses(db_url, monkeypatch)


def test_an_unknown_name_takes_the_same_path_as_a_wrong_password(tmp_path, monkeypatch):
    db_url = f"sqlite:///{tmp_path / 'r.db'}"
    auth.create_user("bestaat", "Bestaat", "BE", "agent", PASSWORD, url=db_url)
    hasher = CountingHasher(auth._hasher)
    monkeypatch.setattr(auth, "_hasher", hasher)
    assert auth.log_in("bestaat-niet", PASSWORD, "192.0.2.2", db_url) is None
    assert hasher.verified == [auth.DUMMY_HASH], "argon2 runs against the dummy hash"
    assert auth.log_in("bestaat", "verkeerd-wachtwoord", "192.0.2.2", db_url) is None
    assert len(hasher.verified) == 2 and hasher.verified[1].startswith("$argon2")
    assert hasher.verified[1] != auth.DUMMY_HASH
    assert auth.DUMMY_HASH.split("$")[:4] == hasher.verified[1].split("$")[:4], "same cost"
    for _ in range(auth.MAX_FAILURES - 1):
        auth.log_in("bestaat-niet", "x", "192.0.2.2", db_url)
    with pytest.raises(auth.LoginBlocked):  # unknown names are limited like real ones
        auth.log_in("bestaat-niet", "x", "192.0.2.2", db_url)


def test_a_window_passes(tmp_path, monkeypatch):
    db_url = f"sqlite:///{tmp_path / 'r.db'}"
    auth.create_user("geduld", "Geduld", "GE", "agent", PASSWORD, url=db_url)
    for _ in range(auth.MAX_FAILURES):
        assert auth.log_in("geduld", "fout", "192.0.2.3", db_url) is None
    with pytest.raises(auth.LoginBlocked):
        auth.log_in("geduld", PASSWORD, "192.0.2.3", db_url)
    later = auth.utcnow() + auth.FAILURE_WINDOW + dt.timedelta(seconds=1)
    monkeypatch.setattr(auth, "utcnow", lambda: later)
    assert auth.log_in("geduld", PASSWORD, "192.0.2.3", db_url)


# -- logout -----------------------------------------------------------------------------------

def test_logout_deletes_the_cookie_on_its_own_path_and_ends_the_session(console):
    name = account(console)
    status, headers, _ = fetch(f"{console[0]}/console/login",
                               {"username": name, "password": PASSWORD})
    set_cookie = headers["Set-Cookie"]
    assert status == 303 and "Path=/console" in set_cookie
    colleague = ConsoleUser(console[0], name, PASSWORD)
    status, headers, _ = fetch(f"{console[0]}/console/logout",
                               {"csrf_token": colleague.csrf}, cookie=colleague.cookie)
    assert (status, headers["Location"]) == (303, "/console/login")
    gone = headers["Set-Cookie"]
    assert gone.startswith("console_session=") and "Path=/console;" in gone + ";"
    assert "Max-Age=0" in gone and "Secure" in gone and "HttpOnly" in gone
    assert "Path=/;" not in gone + ";"
    assert colleague.get("/console/password")[0] == 303, "the server session is gone"


def test_the_new_pages_have_labels_and_one_heading(console):
    boss = admin(console)
    for path in ("/console/accounts", "/console/password"):
        page = boss.get(path)[1]
        assert page.count("<h1") == 1, path
        for field in re.findall(r'<(?:input|select)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"',
                                page):
            assert f'for="{field}"' in page, (path, field)


def test_the_cli_still_creates_accounts(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'r.db'}"
    auth.create_user("cli", "", "CL", "agent", PASSWORD, url=db_url)
    with pytest.raises(auth.AccountError):
        auth.create_user("cli", "", "CL", "agent", PASSWORD, url=db_url)
    with pytest.raises(auth.AccountError):
        auth.create_user("met spatie", "", "MS", "agent", PASSWORD, url=db_url)
    from bot.reports.db import session

    with session(db_url) as db:
        assert db.query(StaffUser).count() == 1
        assert not db.query(PasswordReset).count()



def test_an_account_of_the_identity_provider_gets_no_password_link(tmp_path):
    from bot.reports.db import migrate, session

    db_url = f"sqlite:///{tmp_path / 'accounts.db'}"
    migrate(db_url)
    with session(db_url) as db:
        admin = StaffUser(username="beheer", name="Beheer", role="admin", initials="BH",
                          password_hash="!")
        anna = StaffUser(username="anna", name="Anna", role="agent", initials="AN",
                         password_hash="!", oidc_subject="https://idp|anna")
        db.add_all([admin, anna])
        db.flush()
        admin_id, anna_id = admin.id, anna.id
    with pytest.raises(auth.AccountError, match="identity provider"):
        auth.create_reset_link(admin_id, anna_id, db_url)
    assert [a.via_provider for a in auth.accounts(db_url) if a.username == "anna"] == [True]
