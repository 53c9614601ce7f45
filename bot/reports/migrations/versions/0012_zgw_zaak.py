"""Reports as zaken in a ZGW case system: the zaak's URL and the last status read from it.

Revision ID: 0012_zgw
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_zgw"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("zaak_url", sa.Text))
        batch.add_column(sa.Column("zaak_status_url", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("zaak_status_url")
        batch.drop_column("zaak_url")
