"""Channels: WhatsApp's messaging window per resident and Twilio's delivery statuses.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("recipient", sa.String(128), nullable=False),
        sa.Column("last_inbound_at", sa.DateTime),
        sa.Column("window_closed_at", sa.DateTime),
        sa.Column("template_sent_at", sa.DateTime),
        sa.UniqueConstraint("channel", "recipient", name="uq_channel_contact"),
    )
    op.create_table(
        "channel_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("provider_sid", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("outbox_id", sa.Integer),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("template", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.Integer),
        sa.Column("error_message", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("provider_sid", name="uq_channel_delivery_sid"),
    )
    op.create_index("ix_channel_deliveries_outbox_id", "channel_deliveries", ["outbox_id"])


def downgrade() -> None:
    op.drop_index("ix_channel_deliveries_outbox_id", "channel_deliveries")
    op.drop_table("channel_deliveries")
    op.drop_table("channel_contacts")
