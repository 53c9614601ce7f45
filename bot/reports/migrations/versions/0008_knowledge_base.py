"""The knowledge base (issue 16): articles, every version of them, a change counter.

- `knowledge_articles`: one row per article id: department, order in its file, status,
  newest and published version, review date, updated_at.
- `knowledge_article_versions`: every saved version in full (JSON), with author (a staff
  user id or none), note, created_at and when it was published.
- `knowledge_state`: one row whose counter rises with every change (bot.knowledge.store).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_articles",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("department", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("published_version", sa.Integer),
        sa.Column("review_by", sa.Date, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_knowledge_articles_department", "knowledge_articles", ["department"])
    op.create_table(
        "knowledge_article_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(80), sa.ForeignKey("knowledge_articles.id"),
                  nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("author_id", sa.Integer),
        sa.Column("note", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("published_at", sa.DateTime),
        sa.Column("published_by", sa.Integer),
        sa.UniqueConstraint("article_id", "version", name="uq_knowledge_article_version"),
    )
    op.create_table(
        "knowledge_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("knowledge_state")
    op.drop_table("knowledge_article_versions")
    op.drop_index("ix_knowledge_articles_department", table_name="knowledge_articles")
    op.drop_table("knowledge_articles")
