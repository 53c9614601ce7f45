"""Knowledge base in the console: a department per staff account, unanswered questions.

- `staff_users.department`: the knowledge-base department (slug of knowledge/<slug>.yml)
  whose articles an editor may change; empty for everyone else.
- `knowledge_unanswered`: questions the bot could not answer (and answers residents said
  did not help), masked: text without personal data, subject, intent, channel, date only.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("department", sa.String(64)))
    op.create_table(
        "knowledge_unanswered",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("subject", sa.String(120), nullable=False, index=True),
        sa.Column("intent", sa.String(64)),
        sa.Column("channel", sa.String(32)),
        sa.Column("article_id", sa.String(80)),
        sa.Column("asked_on", sa.Date, nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("knowledge_unanswered")
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("department")
