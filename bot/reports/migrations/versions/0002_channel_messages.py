"""Channel messages in the outbox, webhook deduplication and SMS/WhatsApp opt-outs.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.alter_column("report_id", existing_type=sa.Integer, nullable=True)
        batch.add_column(sa.Column("channel", sa.String(32)))
        batch.add_column(sa.Column("recipient", sa.String(128)))
        batch.add_column(sa.Column("payload", sa.Text))
    op.create_table(
        "inbound_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("channel", "message_id", name="uq_inbound_message"),
    )
    op.create_table(
        "opt_outs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("recipient", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("channel", "recipient", name="uq_opt_out"),
    )


def downgrade() -> None:
    op.drop_table("opt_outs")
    op.drop_table("inbound_messages")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("payload")
        batch.drop_column("recipient")
        batch.drop_column("channel")
        batch.alter_column("report_id", existing_type=sa.Integer, nullable=False)
