"""The BAG nummeraanduiding id of a report's address (from PDOK, sent as the zaakobject's
identificatie), and when the newest zaak status told to the resident was set (so an older
one that arrives later is not told after it).

Revision ID: 0014_kc
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_kc"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("nummeraanduiding_id", sa.String(16)))
        batch.add_column(sa.Column("zaak_status_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("zaak_status_at")
        batch.drop_column("nummeraanduiding_id")
