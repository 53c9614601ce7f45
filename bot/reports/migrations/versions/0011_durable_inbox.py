"""Durable inbox: Twilio's incoming messages are stored before Twilio is answered and
processed afterwards, in order per resident (bot/channel_models.py InboxMessage).

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_inbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("sender", sa.String(128), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("metadata", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("claimed_at", sa.DateTime),
        sa.Column("claimed_by", sa.String(96)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("retry_at", sa.DateTime),
        sa.Column("last_error", sa.String(500)),
        sa.Column("processed_at", sa.DateTime),
        sa.UniqueConstraint("channel", "message_id", name="uq_channel_inbox"),
    )
    op.create_index("ix_channel_inbox_waiting", "channel_inbox",
                    ["channel", "processed_at", "sender", "id"])


def downgrade() -> None:
    op.drop_index("ix_channel_inbox_waiting", "channel_inbox")
    op.drop_table("channel_inbox")
