"""Custom actions run inside the Rasa process: `url: "inprocess:"` under action_endpoint.

    action_endpoint:
      url: "inprocess:"          # the `actions` package; "inprocess:other.package" for another

With that URL the Rasa server runs rasa_sdk's ActionExecutor itself instead of posting each
call to the action server. It only replaces the transport: Rasa builds the call as always
(RemoteAction), and the executor gets what the action server would have parsed (through
JSON: a fresh copy of the tracker's state; the domain copied once, as DomainReuse shares it).
The answer comes back through JSON as well, and the action server's failures come back as
its HTTP answers would (ClientResponseError 400 for a rejection, 404 for an unknown action,
500 for an exception), so Rasa's own code makes the same events and takes the same error
path. The call's timeout (GA_ACTION_TIMEOUT) cancels the action as a lost connection would.

The actions are imported when the model loads (`prepare`); an actions package that does
not import stops the Rasa server there, as it stops the action server.

No token is needed: nothing listens. The price: the actions share the Rasa server's event
loop, so a synchronous action or validator that blocks holds up every conversation of that
worker (in the action server it held up every call of that server). The project's actions
run their blocking work (database, Signalen, PDOK) in threads (`asyncio.to_thread`).
"""
from __future__ import annotations

import asyncio
import json
import logging
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

import aiohttp
import rasa
import ujson
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk import utils as sdk_utils
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from bot.settings import IN_PROCESS_ACTIONS

logger = logging.getLogger(__name__)

SCHEME = IN_PROCESS_ACTIONS
DEFAULT_PACKAGE = "actions"
DOMAIN_KEY = "domain"
# Where the in-process endpoint made for an endpoint read from endpoints.yml is kept.
CONVERTED = "_ga_in_process"


def package_of(url: Optional[Text]) -> Optional[Text]:
    """The actions package an `inprocess:` URL names (`actions` when none), else None."""
    if not isinstance(url, str) or not url.startswith(SCHEME):
        return None
    return url[len(SCHEME):].strip() or DEFAULT_PACKAGE


@lru_cache(maxsize=None)
def executor(package: Text) -> ActionExecutor:
    """rasa_sdk's executor with the actions of `package` (imported on the first call)."""
    sdk_utils.check_version_compatibility(rasa.__version__)
    found = ActionExecutor()
    found.register_package(package)
    logger.info("Custom actions run in this process (%s, %d actions)", package,
                len(found.actions))
    return found


def as_received(value: Any) -> Any:
    """`value` as the action server gets it: Rasa writes the call with `json.dumps`,
    Sanic reads it with ujson. ujson writes it here (the same values, at half the cost)
    unless it cannot; then `json.dumps` does, as in Rasa (and fails where Rasa fails)."""
    try:
        text = ujson.dumps(value, escape_forward_slashes=False)
    except (TypeError, OverflowError, ValueError):
        text = json.dumps(value)
    return ujson.loads(text)


def as_answered(value: Any) -> Any:
    """`value` as Rasa gets the action server's answer: Sanic writes it with ujson."""
    return ujson.loads(ujson.dumps(value, escape_forward_slashes=False))


class DomainCopy:
    """The domain as the actions get it: a copy of Rasa's dict, made anew only when Rasa
    hands over another dict (Domain.as_dict gives the same one every time)."""

    def __init__(self) -> None:
        self.source: Optional[Any] = None
        self.copy: Any = None

    def of(self, domain: Any) -> Any:
        if domain is not self.source:
            self.source, self.copy = domain, as_received(domain)
        return self.copy


def refusal(status: int, reason: Text, body: Dict[Text, Any]) -> ClientResponseError:
    """The error Rasa's request raises for an action server answer of `status`."""
    return ClientResponseError(status, reason, json.dumps(body).encode("utf-8"))


async def answer(found: ActionExecutor, call: Dict[Text, Any]) -> Any:
    """What the action server answers `call` (rasa_sdk.endpoint's webhook), as JSON."""
    try:
        return as_answered(await found.run(call))
    except ActionExecutionRejection as error:
        logger.debug("%s", error)
        raise refusal(400, "Bad Request",
                      {"error": error.message, "action_name": error.action_name}) from error
    except ActionNotFoundException as error:
        logger.error("%s", error)
        raise refusal(404, "Not Found",
                      {"error": error.message, "action_name": error.action_name}) from error
    except Exception as error:  # noqa: BLE001  (the action server answers 500)
        logger.error("Exception in custom action %s", call.get("next_action"),
                     exc_info=error)
        raise refusal(500, "Internal Server Error", {"error": str(error)}) from error


class InProcessEndpoint(EndpointConfig):
    """An action endpoint whose calls run in this process (see the module's docstring)."""

    # The result is built in this process by rasa_sdk's executor from our own actions'
    # events, not read from another process: Rasa's JSON schema check of it is skipped.
    results_are_checked = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.package = package_of(self.url) or DEFAULT_PACKAGE
        self.domains = DomainCopy()

    @classmethod
    def of(cls, endpoint: EndpointConfig) -> "InProcessEndpoint":
        return cls(endpoint.url, endpoint.params, endpoint.headers, endpoint.basic_auth,
                   endpoint.token, endpoint.token_name, endpoint.cafile,
                   **({"store_type": endpoint.type} if endpoint.type else {}),
                   **endpoint.kwargs)

    def copy(self) -> "InProcessEndpoint":
        return InProcessEndpoint.of(self)

    def action_call(self, body: Dict[Text, Any]) -> Dict[Text, Any]:
        """The call as the action server parses it: the domain last, as Rasa puts it."""
        call = as_received({key: value for key, value in body.items() if key != DOMAIN_KEY})
        if DOMAIN_KEY in body:
            call[DOMAIN_KEY] = self.domains.of(body[DOMAIN_KEY])
        return call

    async def request(self, method: Text = "post", subpath: Optional[Text] = None,
                      content_type: Optional[Text] = "application/json",
                      compress: bool = False, **kwargs: Any) -> Optional[Any]:
        """Runs the action call in `json` with the executor, within `timeout` seconds."""
        timeout = kwargs.get("timeout")
        if isinstance(timeout, aiohttp.ClientTimeout):
            timeout = timeout.total
        call = self.action_call(kwargs.get("json") or {})
        return await asyncio.wait_for(answer(executor(self.package), call), timeout)


def endpoint_for(endpoint: Optional[EndpointConfig]) -> Optional[EndpointConfig]:
    """The in-process endpoint for an `inprocess:` action endpoint (one per endpoint),
    any other endpoint as it is."""
    if endpoint is None or isinstance(endpoint, InProcessEndpoint) \
            or package_of(endpoint.url) is None:
        return endpoint
    converted = endpoint.__dict__.get(CONVERTED)
    if converted is None:
        converted = endpoint.__dict__[CONVERTED] = InProcessEndpoint.of(endpoint)
    return converted


def prepare(endpoint: Optional[EndpointConfig]) -> List[Text]:
    """Imports the actions of an `inprocess:` endpoint now (at start-up, not on the first
    turn); the names of the actions, empty for any other endpoint."""
    package = package_of(endpoint.url) if endpoint is not None else None
    return sorted(executor(package).actions) if package else []
