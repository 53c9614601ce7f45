"""Contactverzoeken: a message left for a colleague, registered in Open Klant as an interne
taak (bot/klantcontacten/models.py ContactRequest).

Revision ID: 0012_openklant
Revises: 0011

Its own id, so a parallel 0012 of another branch is a second head (`migrate` upgrades to
"heads"); the next migration merges both.
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_openklant"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("department", sa.String(64), nullable=False),
        sa.Column("department_label", sa.String(120), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("language", sa.String(3), nullable=False, server_default="nld"),
        sa.Column("status", sa.String(16), nullable=False, server_default="te_verwerken"),
        sa.Column("klantcontact_uuid", sa.String(36)),
        sa.Column("betrokkene_uuid", sa.String(36)),
        sa.Column("internetaak_uuid", sa.String(36)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("handled_at", sa.DateTime),
    )
    op.create_index("ix_contact_requests_sender_id", "contact_requests", ["sender_id"])


def downgrade() -> None:
    op.drop_index("ix_contact_requests_sender_id", "contact_requests")
    op.drop_table("contact_requests")
