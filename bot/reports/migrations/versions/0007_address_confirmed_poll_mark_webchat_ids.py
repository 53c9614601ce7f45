"""The register's address id, refused photos, the status poll's watermark, web chat ids.

- `reports.address_confirmed`: the address register (PDOK) confirmed the street and number,
  so Signalen gets them as an address; otherwise only the point.
- `reports.photo_error`: why Signalen did not take the report's photo.
- `status_polls`: when the private signal list was last read.
- Web chat conversations are `webchat-<page id>` now (channels/webchat.py); reports and
  outbox rows filed before keep reaching the resident when their ids get the prefix.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

PREFIX = "webchat-"


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("address_confirmed", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("photo_error", sa.Text))
    op.create_table(
        "status_polls",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("polled_at", sa.DateTime, nullable=False),
    )
    _prefix_webchat_ids("reports", "sender_id")
    _prefix_webchat_ids("outbox", "recipient")


def _prefix_webchat_ids(table: str, column: str) -> None:
    op.execute(sa.text(
        f"UPDATE {table} SET {column} = :prefix || {column} "
        f"WHERE channel = 'webchat' AND {column} IS NOT NULL AND {column} NOT LIKE :pattern"
    ).bindparams(prefix=PREFIX, pattern=PREFIX + "%"))


def downgrade() -> None:
    # The prefixed ids stay: the web chat reads only prefixed conversations.
    op.drop_table("status_polls")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("photo_error")
        batch.drop_column("address_confirmed")
