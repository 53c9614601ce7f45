"""The municipality's question of a "reactie gevraagd" status, asked in the resident's chat.

Revision ID: 0014_signalen
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_signalen"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("signalen_question", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("signalen_question")
