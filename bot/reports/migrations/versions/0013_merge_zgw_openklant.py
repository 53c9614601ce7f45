"""One head again after the ZGW back end (0012_zgw) and Open Klant (0012_openklant)
were built side by side; nothing to change.

Revision ID: 0013
"""
revision = "0013"
down_revision = ("0012_openklant", "0012_zgw")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
