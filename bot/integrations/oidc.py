"""The municipality's identity provider (OpenID Connect): the authorisation code flow
with PKCE (S256), state and nonce, and an ID token whose signature is checked against
the provider's published keys (JWKS), with its issuer, audience and expiry.

The console (console/oidc_login.py) keeps state, nonce and verifier in a short-lived
cookie between the two halves and turns the verified claims into a staff account.
"""
from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import jwt
import requests

from bot import settings

# Signatures with the provider's public key only: never "none", never a shared secret
# (an HS256 token could be forged by anyone holding the client secret).
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
                      "ES384", "ES512", "EdDSA"]
CLOCK_SKEW_SECONDS = 60
DISCOVERY_SECONDS = 3600


class OidcError(Exception):
    """The login through the provider failed; the message says why (for the log)."""


@dataclass(frozen=True)
class Config:
    issuer: str
    client_id: str
    client_secret: str
    roles_claim: str = "roles"
    scopes: str = "openid profile"
    timeout: float = 5.0

    @classmethod
    def from_settings(cls) -> Optional["Config"]:
        if not settings.OIDC_ISSUER:
            return None
        return cls(settings.OIDC_ISSUER, settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET,
                   settings.OIDC_ROLES_CLAIM, settings.OIDC_SCOPES, settings.OIDC_TIMEOUT)


@dataclass(frozen=True)
class Pending:
    """What the browser carries (in a cookie) between the redirect and the callback."""

    state: str
    nonce: str
    verifier: str


@dataclass(frozen=True)
class Identity:
    issuer: str
    subject: str
    username: str
    name: str
    roles: List[str]


_lock = threading.Lock()
_discovered: Dict[str, tuple] = {}
_key_clients: Dict[str, jwt.PyJWKClient] = {}


def discovery(config: Config) -> Dict[str, Any]:
    """The provider's metadata, cached for an hour; its issuer must be the one set."""
    with _lock:
        cached = _discovered.get(config.issuer)
        if cached and cached[0] > time.monotonic():
            return cached[1]
    url = f"{config.issuer.rstrip('/')}/.well-known/openid-configuration"
    try:
        answer = requests.get(url, timeout=config.timeout)
        answer.raise_for_status()
        metadata = answer.json()
    except (requests.RequestException, ValueError) as error:
        raise OidcError(f"discovery at {url} failed: {error}") from error
    if metadata.get("issuer") != config.issuer:
        raise OidcError(f"discovery names issuer {metadata.get('issuer')!r}, "
                        f"not {config.issuer!r}")
    if "S256" not in metadata.get("code_challenge_methods_supported", ["S256"]):
        raise OidcError("the provider does not support PKCE with S256")
    with _lock:
        _discovered[config.issuer] = (time.monotonic() + DISCOVERY_SECONDS, metadata)
    return metadata


def start(config: Config, redirect_url: str) -> tuple:
    """(the provider's authorisation URL, what to keep until the callback)."""
    pending = Pending(secrets.token_urlsafe(32), secrets.token_urlsafe(32),
                      secrets.token_urlsafe(64))
    challenge = base64.urlsafe_b64encode(
        hashlib.sha256(pending.verifier.encode()).digest()).rstrip(b"=").decode()
    query = urlencode({"response_type": "code", "client_id": config.client_id,
                       "redirect_uri": redirect_url, "scope": config.scopes,
                       "state": pending.state, "nonce": pending.nonce,
                       "code_challenge": challenge, "code_challenge_method": "S256"})
    return f"{discovery(config)['authorization_endpoint']}?{query}", pending


def finish(config: Config, pending: Pending, state: str, code: str,
           redirect_url: str) -> Identity:
    """Check the state, exchange the code (with the verifier) and verify the ID token."""
    if not state or not secrets.compare_digest(state, pending.state):
        raise OidcError("state does not match")
    if not code:
        raise OidcError("no code in the callback")
    metadata = discovery(config)
    try:
        answer = requests.post(metadata["token_endpoint"], timeout=config.timeout,
                               auth=(config.client_id, config.client_secret),
                               data={"grant_type": "authorization_code", "code": code,
                                     "redirect_uri": redirect_url,
                                     "code_verifier": pending.verifier})
        tokens = answer.json()
    except (requests.RequestException, ValueError) as error:
        raise OidcError(f"token request failed: {error}") from error
    if answer.status_code != 200 or "id_token" not in tokens:
        raise OidcError(f"token request refused: {answer.status_code} {tokens.get('error')}")
    claims = verify_id_token(config, metadata, tokens["id_token"], pending.nonce)
    return identity(config, claims)


def verify_id_token(config: Config, metadata: Dict[str, Any], token: str,
                    nonce: str) -> Dict[str, Any]:
    """The claims of a valid ID token: signed with one of the provider's keys, for this
    client, from this issuer, not expired, with our nonce."""
    try:
        key = _key_client(metadata["jwks_uri"], config.timeout).get_signing_key_from_jwt(token)
        claims = jwt.decode(token, key.key, algorithms=SIGNING_ALGORITHMS,
                            audience=config.client_id, issuer=config.issuer,
                            leeway=CLOCK_SKEW_SECONDS,
                            options={"require": ["iss", "sub", "aud", "exp", "iat"]})
    except jwt.PyJWTError as error:
        raise OidcError(f"ID token refused: {error}") from error
    if not isinstance(claims.get("nonce"), str) or not secrets.compare_digest(
            claims["nonce"], nonce):
        raise OidcError("nonce does not match")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != config.client_id:
        raise OidcError("ID token for several audiences without this client as azp")
    return claims


def _key_client(jwks_uri: str, timeout: float) -> jwt.PyJWKClient:
    with _lock:
        if jwks_uri not in _key_clients:
            _key_clients[jwks_uri] = jwt.PyJWKClient(jwks_uri, cache_keys=True,
                                                     lifespan=DISCOVERY_SECONDS,
                                                     timeout=timeout)
        return _key_clients[jwks_uri]


def identity(config: Config, claims: Dict[str, Any]) -> Identity:
    username = str(claims.get("preferred_username") or claims.get("email") or claims["sub"])
    return Identity(claims["iss"], str(claims["sub"]), username,
                    str(claims.get("name") or username), claim_values(claims,
                                                                      config.roles_claim))


def claim_values(claims: Dict[str, Any], path: str) -> List[str]:
    """The strings at a dotted claim path ("groups", "realm_access.roles")."""
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value] if isinstance(value, list) else []
