"""Signalen, contract-true: its numeric id and last state, status polling, dead letters.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("signalen_number", sa.Integer))
        batch.add_column(sa.Column("signalen_state", sa.String(32)))
        batch.add_column(sa.Column("status_checked_at", sa.DateTime))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("dead_at", sa.DateTime))
        batch.add_column(sa.Column("dead_reason", sa.Text))
        batch.add_column(sa.Column("uncertain_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("uncertain_at")
        batch.drop_column("dead_reason")
        batch.drop_column("dead_at")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("status_checked_at")
        batch.drop_column("signalen_state")
        batch.drop_column("signalen_number")
