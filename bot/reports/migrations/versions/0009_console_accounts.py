"""Console accounts: a failed-login counter per account and address, one-time password links.

- `login_counters`: failed logins of one user name (`account`, as typed) from one
  `address` in the current 15-minute window (one row per pair, raised with one UPDATE).
- `password_resets`: a link an admin made for a colleague to set a new password; only
  the SHA-256 of its random token is stored; valid 24 hours, used once.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_counters",
        sa.Column("account", sa.String(64), primary_key=True),
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.DateTime, nullable=False),
    )
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id"), nullable=False,
                  index=True),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("staff_users.id")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime),
    )


def downgrade() -> None:
    op.drop_table("password_resets")
    op.drop_table("login_counters")
