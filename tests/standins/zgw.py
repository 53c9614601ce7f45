"""The four ZGW stand-ins together, each on its own port, as a municipality runs Open Zaak
with Open Notificaties: the Zaken API resolves zaaktypen in the Catalogi API and documents
in the Documenten API, and publishes its notifications to the Notificaties API."""
from __future__ import annotations

from typing import Dict

from tests.standins.zgw_catalogi import CatalogiStandIn
from tests.standins.zgw_documenten import DocumentenStandIn
from tests.standins.zgw_notificaties import NotificatiesStandIn
from tests.standins.zgw_zaken import ZakenStandIn

CLIENT_ID = "gemeente-assistent"
SECRET = "test-secret-not-for-production"  # noqa: S105 - a stand-in's test secret
RSIN = "002220647"  # Lindendal's RSIN (passes the 11-proef)


class ZgwStandIns:
    """Catalogi, Documenten, Zaken and Notificaties, started and stopped together."""

    def __init__(self, clients: Dict[str, str] = None) -> None:
        clients = clients or {CLIENT_ID: SECRET}
        self.catalogi = CatalogiStandIn(clients)
        self.documenten = DocumentenStandIn(clients, self.catalogi)
        self.notificaties = NotificatiesStandIn(clients)
        self.zaken = ZakenStandIn(clients, self.catalogi, self.documenten,
                                  publish=self.notificaties.publish)

    @property
    def all(self):
        return (self.catalogi, self.documenten, self.notificaties, self.zaken)

    def start(self) -> "ZgwStandIns":
        for standin in self.all:
            standin.start()
        return self

    def stop(self) -> None:
        for standin in self.all:
            standin.stop()

    def fail_with(self, status) -> None:
        """Every API answers `status` (None: back to normal)."""
        for standin in self.all:
            standin.fail_with = status
