"""Merge the session's parallel migrations into one head.

Revision ID: 0017
Revises: 0016_callback, 0016_oidc, 0016_presence
"""
revision = "0017"
down_revision = ("0016_callback", "0016_oidc", "0016_presence")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
