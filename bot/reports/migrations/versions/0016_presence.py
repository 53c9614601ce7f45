"""Presence of colleagues, residents waiting for one, satisfaction answers
(bot/webcare/models.py).

Revision ID: 0016_presence
Revises: 0015

Its own id beside the other 0016 migrations of this session; a merge follows.
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_presence"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_presence",
        sa.Column("user_id", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
    )
    op.create_table(
        "waiting_residents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(128)),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("joined_at", sa.DateTime, nullable=False),
        sa.Column("told_position", sa.Integer),
        sa.Column("told_minutes", sa.Integer),
        sa.Column("told_at", sa.DateTime),
        sa.Column("taken_at", sa.DateTime),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("outcome", sa.String(16)),
    )
    op.create_index("ix_waiting_residents_sender_id", "waiting_residents", ["sender_id"])
    op.create_index("ix_waiting_residents_joined_at", "waiting_residents", ["joined_at"])
    op.create_table(
        "satisfaction_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("remark", sa.Text),
        sa.Column("answered_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_satisfaction_answers_answered_at", "satisfaction_answers",
                    ["answered_at"])


def downgrade() -> None:
    op.drop_index("ix_satisfaction_answers_answered_at", "satisfaction_answers")
    op.drop_table("satisfaction_answers")
    op.drop_index("ix_waiting_residents_joined_at", "waiting_residents")
    op.drop_index("ix_waiting_residents_sender_id", "waiting_residents")
    op.drop_table("waiting_residents")
    op.drop_table("staff_presence")
