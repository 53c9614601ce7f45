"""Login through the municipality's identity provider (OpenID Connect): a real provider
(the certified oidc-provider package from npm, tests/oidc/) started here, its own login
and consent pages in Chromium, the console's role from the provider's groups, an account
made on the first login and found again on the next; and the ID token checks (signature,
issuer, audience, expiry, nonce, algorithm) each with a token that fails one."""
from __future__ import annotations

import shutil
import subprocess
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from playwright.sync_api import expect

from bot.webcare import presence
from bot.integrations import oidc
from bot.reports.db import session
from bot.settings import ROOT
from console import auth
from console.models import StaffUser
from tests.console_client import fetch
from tests.console_server import running_console
from tests.services import free_port

PROVIDER_DIR = ROOT / "tests" / "oidc"
CLIENT_ID, CLIENT_SECRET = "webcare-console", "console-test-secret-0123456789"
NODE_MISSING = "Node.js is not installed here (`make oidc-provider` installs it, as root)"


def installed_provider() -> None:
    """tests/oidc's packages from its lock file, when `make oidc-provider` has not run."""
    if (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        return
    npm = shutil.which("npm")
    assert npm, "npm is missing: run `make oidc-provider` (Node.js 20 or newer)"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PROVIDER_DIR, check=True)


@pytest.fixture(scope="module")
def provider_and_console(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.skip(NODE_MISSING)
    installed_provider()
    folder = tmp_path_factory.mktemp("console-oidc")
    console_port, provider_port = free_port(), free_port()
    callback = f"http://localhost:{console_port}/console/oidc/callback"
    log = (folder / "provider.log").open("w")
    provider = subprocess.Popen(["node", "provider.mjs", str(provider_port), callback,
                                 CLIENT_ID, CLIENT_SECRET], cwd=PROVIDER_DIR,
                                stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        ready = provider.stdout.readline()
        assert ready.startswith("ready "), (folder / "provider.log").read_text()
        issuer = ready.split()[1]
        env = {"OIDC_ISSUER": issuer, "OIDC_CLIENT_ID": CLIENT_ID,
               "OIDC_CLIENT_SECRET": CLIENT_SECRET, "OIDC_ROLES_CLAIM": "groups",
               "OIDC_ROLE_MAP": "kcc-medewerker=agent,kcc-beheer=admin",
               "OIDC_SCOPES": "openid profile groups", "OIDC_REDIRECT_URL": callback}
        with running_console(folder, env, port=console_port) as console:
            yield issuer, console
    finally:
        provider.terminate()
        provider.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.test_console_browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()


def log_in_at_the_provider(browser, console, login: str):
    from tests.test_console_browser import assert_accessible

    page = browser.new_context().new_page()
    page.goto(console.base.replace("127.0.0.1", "localhost") + "/console/login")
    assert_accessible(page)
    page.click("text=Inloggen met uw gemeente-account")
    page.fill("input[name=login]", login)  # the provider's own login page
    page.fill("input[name=password]", "wat-dan-ook")
    page.click("button:has-text('Sign-in')")
    page.click("button:has-text('Continue')")  # and its consent page
    return page


def account(console, username: str) -> StaffUser:
    with session(console.db_url) as db:
        user = db.query(StaffUser).filter_by(username=username).one()
        db.expunge(user)
        return user


def test_an_admin_of_the_provider_logs_in_as_console_admin(provider_and_console, browser):
    from tests.test_console_browser import assert_accessible

    issuer, console = provider_and_console
    page = log_in_at_the_provider(browser, console, "anna")
    expect(page).to_have_url(console.base.replace("127.0.0.1", "localhost") + "/console/")
    expect(page.locator("header")).to_contain_text("Anna de Vries (admin)")
    assert_accessible(page)
    page.click("text=Accounts")
    expect(page.locator("h1")).to_contain_text("Accounts")
    expect(page.locator("table")).to_contain_text("anna (logt in met het gemeente-account)")
    assert_accessible(page)
    anna = account(console, "anna")
    assert (anna.role, anna.initials, anna.oidc_subject) == ("admin", "AV",
                                                             f"{issuer}|anna")
    assert auth.log_in("anna", "!", "10.0.0.5", url=console.db_url) is None, \
        "an account from the provider has no local password"
    log_in_at_the_provider(browser, console, "anna")
    with session(console.db_url) as db:
        assert db.query(StaffUser).filter_by(name="Anna de Vries").count() == 1, \
            "the next login finds the same account"


def test_a_colleague_gets_the_role_their_group_maps_to(provider_and_console, browser):
    _, console = provider_and_console
    page = log_in_at_the_provider(browser, console, "bas")
    expect(page.locator("header")).to_contain_text("Bas Bakker (agent)")
    assert presence.status_of(account(console, "bas").id, console.db_url) == presence.ONLINE, \
        "an agent who logs in through the provider is online for the residents"
    page.goto(page.url.replace("/console/", "/console/accounts"))
    expect(page.locator("h1")).to_contain_text("Geen toegang")


def test_a_group_without_a_console_role_gets_no_account(provider_and_console, browser):
    _, console = provider_and_console
    page = log_in_at_the_provider(browser, console, "cor")
    expect(page.locator("[role=alert]")).to_contain_text("geeft geen toegang")
    with session(console.db_url) as db:
        assert db.query(StaffUser).filter_by(name="Cor Comm").count() == 0


def test_a_switched_off_account_stays_off(provider_and_console, browser):
    _, console = provider_and_console
    log_in_at_the_provider(browser, console, "bas")
    with session(console.db_url) as db:
        db.query(StaffUser).filter_by(username="bas").one().active = False
    page = log_in_at_the_provider(browser, console, "bas")
    expect(page.locator("[role=alert]")).to_contain_text("Uw account staat uit")


@pytest.mark.stack
def test_a_callback_without_the_login_s_state_is_refused(provider_and_console):
    _, console = provider_and_console
    status, _, body = fetch(console.base + "/console/oidc/callback?code=abc&state=guess")
    assert status == 400 and "begon niet hier" in body
    status, headers, _ = fetch(console.base + "/console/oidc/login")
    assert status == 303
    location = headers["Location"]
    assert "code_challenge_method=S256" in location and "nonce=" in location
    cookie = headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    status, _, body = fetch(console.base + "/console/oidc/callback?code=abc&state=guess",
                            headers={"Cookie": f"console_oidc={cookie}"})
    assert status == 401 and "niet gelukt" in body


# -- the ID token checks, one failing token each ------------------------------------------

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
CONFIG = oidc.Config("https://login.gemeente.example", CLIENT_ID, CLIENT_SECRET, "groups")


class KeyClient:
    def get_signing_key_from_jwt(self, token):
        return jwt.PyJWK.from_dict({**jwt.algorithms.RSAAlgorithm.to_jwk(
            KEY.public_key(), as_dict=True), "kid": "k1"})


def token(key=KEY, algorithm="RS256", **changes) -> str:
    now = int(time.time())
    claims = {"iss": CONFIG.issuer, "sub": "anna-0001", "aud": CLIENT_ID, "iat": now,
              "exp": now + 300, "nonce": "n-123", "groups": ["kcc-beheer"], **changes}
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, key,
                      algorithm=algorithm, headers={"kid": "k1"})


@pytest.fixture
def keys(monkeypatch):
    monkeypatch.setattr(oidc, "_key_client", lambda uri, timeout: KeyClient())


def verify(raw: str) -> dict:
    return oidc.verify_id_token(CONFIG, {"jwks_uri": "https://x/jwks"}, raw, "n-123")


def test_a_valid_id_token_gives_its_claims(keys):
    claims = verify(token())
    assert oidc.identity(CONFIG, claims).roles == ["kcc-beheer"]


@pytest.mark.parametrize("forged, why", [
    (lambda: token(key=OTHER_KEY), "signed with another key"),
    (lambda: token(CLIENT_SECRET, "HS256"), "signed with the client secret"),
    (lambda: jwt.encode({"iss": CONFIG.issuer, "sub": "x", "aud": CLIENT_ID,
                         "exp": int(time.time()) + 300, "iat": int(time.time()),
                         "nonce": "n-123"}, None, algorithm="none"), "not signed"),
    (lambda: token(iss="https://elders.example"), "another issuer"),
    (lambda: token(aud="another-client"), "another audience"),
    (lambda: token(aud=[CLIENT_ID, "another-client"]), "several audiences, no azp"),
    (lambda: token(exp=int(time.time()) - 3600), "expired"),
    (lambda: token(exp=None), "no expiry"),
    (lambda: token(nonce="n-replayed"), "another login's nonce"),
    (lambda: token(nonce=None), "no nonce"),
])
def test_an_id_token_that_fails_one_check_is_refused(keys, forged, why):
    with pytest.raises(oidc.OidcError):
        verify(forged())


def test_roles_from_a_nested_claim_and_the_widest_role_wins():
    from console.oidc_login import console_role, role_map

    claims = {"realm_access": {"roles": ["kcc-medewerker", "kcc-beheer", "other"]}}
    values = oidc.claim_values(claims, "realm_access.roles")
    mapping = role_map("kcc-medewerker=agent, kcc-beheer=admin")
    assert console_role(values, mapping) == "admin"
    assert console_role(["other"], mapping) is None
    assert role_map("") == {r: r for r in ("agent", "editor", "kb_manager", "admin")}
    with pytest.raises(ValueError):
        role_map("kcc=superuser")


def test_the_state_must_match_before_anything_is_sent(monkeypatch):
    pending = oidc.Pending("the-state", "n-123", "v" * 64)
    monkeypatch.setattr(oidc, "discovery", lambda config: pytest.fail("nothing is fetched"))
    with pytest.raises(oidc.OidcError, match="state"):
        oidc.finish(CONFIG, pending, "another-state", "code", "https://x/cb")

