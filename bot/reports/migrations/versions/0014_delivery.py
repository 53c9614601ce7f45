"""Failed deliveries for the console: whom a message was for and what the fallback did
(bot/channel_models.py ChannelDelivery).

Revision ID: 0014_delivery
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_delivery"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("channel_deliveries") as table:
        table.add_column(sa.Column("recipient", sa.String(128)))
        table.add_column(sa.Column("fallback", sa.String(32)))
        table.add_column(sa.Column("fallback_outbox_id", sa.Integer))
    op.create_index("ix_channel_deliveries_recipient", "channel_deliveries", ["recipient"])


def downgrade() -> None:
    op.drop_index("ix_channel_deliveries_recipient", "channel_deliveries")
    with op.batch_alter_table("channel_deliveries") as table:
        for column in ("fallback_outbox_id", "fallback", "recipient"):
            table.drop_column(column)
