"""Everything that talks to a system outside this product: one module per system.

- `signalen`: the municipality's report back office (Signalen's public and private API).
- `media`: fetching a resident's photo from the channel provider that holds it.
- `pdok`: the address register (PDOK Locatieserver, BAG): a place to the register's address.
- `openklant`: the Klantinteracties register (Open Klant): klantcontacten and interne taken.

Each module is a thin typed client that raises `DeliveryError` (or a subclass); callers
decide about retries from its `retry` flag.
"""


class DeliveryError(RuntimeError):
    """A request did not arrive; `retry` says whether trying again can help."""

    def __init__(self, message: str, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry
