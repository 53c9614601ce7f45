"""One head again after Signalen's answers (0014_signalen), failed deliveries
(0014_delivery) and the nummeraanduiding id (0014_kc) were built side by side; nothing to
change.

Revision ID: 0015
"""
revision = "0015"
down_revision = ("0014_delivery", "0014_kc", "0014_signalen")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
