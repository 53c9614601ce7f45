"""Thin client for Signalen's public API: create a signal, add a photo."""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional

import requests

from bot.integrations import DeliveryError

logger = logging.getLogger(__name__)


class SignalenError(DeliveryError):
    """Signalen did not accept the request."""


class SignalenClient:
    """POSTs to /signals/v1/public/signals/ and its attachments endpoint."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def category_url(self, slug: str) -> str:
        main, sub = slug.split("/")
        return (f"{self.base_url}/signals/v1/public/terms/categories/{main}"
                f"/sub_categories/{sub}")

    def create_signal(self, payload: Dict[str, Any]) -> str:
        """Create a signal and return its uuid."""
        body = self._post("/signals/v1/public/signals/", json=payload)
        return str(body["uuid"])

    def add_attachment(self, signal_uuid: str, filename: str, content: bytes,
                       content_type: str) -> None:
        self._post(f"/signals/v1/public/signals/{signal_uuid}/attachments/",
                   files={"file": (filename, content, content_type)})

    def _post(self, path: str, **kwargs: Any) -> Dict[str, Any]:
        try:
            response = requests.post(self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise SignalenError(f"Signalen unreachable: {type(error).__name__}", retry=True)
        if response.status_code >= 500 or response.status_code == 429:
            raise SignalenError(f"Signalen answered {response.status_code}", retry=True)
        if response.status_code >= 400:
            raise SignalenError(f"Signalen refused the request ({response.status_code}): "
                                f"{response.text[:500]}", retry=False)
        return _json_or_empty(response)


def _json_or_empty(response: requests.Response) -> Dict[str, Any]:
    try:
        body: Optional[Dict[str, Any]] = response.json()
    except ValueError:
        body = None
    return body or {}
