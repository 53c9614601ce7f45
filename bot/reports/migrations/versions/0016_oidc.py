"""Staff accounts: when an account was switched off (its personal data goes 730 days
later, bot/personal_data.yml) and the subject of a colleague who logs in through the
municipality's identity provider (OpenID Connect).

Revision ID: 0016_oidc
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_oidc"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("deactivated_at", sa.DateTime))
        batch.add_column(sa.Column("oidc_subject", sa.String(255)))
        batch.create_unique_constraint("uq_staff_users_oidc_subject", ["oidc_subject"])


def downgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_constraint("uq_staff_users_oidc_subject", type_="unique")
        batch.drop_column("oidc_subject")
        batch.drop_column("deactivated_at")
