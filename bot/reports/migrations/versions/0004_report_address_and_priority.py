"""The register's woonplaats of a report's address, and its priority (hazards first).

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("woonplaats", sa.String(80)))
        batch.add_column(sa.Column("priority", sa.String(16), nullable=False,
                                   server_default="normal"))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("priority")
        batch.drop_column("woonplaats")
