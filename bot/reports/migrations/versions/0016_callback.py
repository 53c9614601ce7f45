"""The number a resident asked to be called back on, kept with their contactverzoek.

Revision ID: 0016_callback
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_callback"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact_requests") as batch:
        batch.add_column(sa.Column("callback_phone", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("contact_requests") as batch:
        batch.drop_column("callback_phone")
