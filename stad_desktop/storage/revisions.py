"""Migration revisions this program knows, so the start-up check needs no Alembic import.

Keep in step with ``migrations/versions`` (a test checks it).
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
)
HEAD = KNOWN_REVISIONS[-1]
