"""Thin clients for external services."""


class DeliveryError(RuntimeError):
    """A request did not arrive; `retry` says whether trying again can help."""

    def __init__(self, message: str, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry
