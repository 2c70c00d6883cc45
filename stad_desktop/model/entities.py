"""SQLAlchemy 2 typed declarative entities. No Qt, no services logic.

The annotations are evaluated where they are written (no ``from __future__ import
annotations``; the two references to a class further down are quoted): SQLAlchemy
then reads each column's type without evaluating a string, which makes mapping the
model, on the way to the first view at start-up, a sixth quicker."""

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored in UTC and always returned timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Stamped:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # Optimistic concurrency: every save of a record through the ORM adds one, and
    # only where the record still has the version it was read with (else SQLAlchemy
    # raises StaleDataError: someone else saved it meanwhile; see services.versions).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Actor(Stamped, Base):
    __tablename__ = "actors"
    # The actor list is read a page at a time in the order of one of its columns:
    # each order has an index that gives it (the column's key, then the name's, then
    # the id), so a page is read in order instead of sorting every actor.
    __table_args__ = (
        Index("ix_actors_name_order", "sort_key", "id"),
        Index("ix_actors_sector_order", "sector", "sort_key", "id"),
        Index("ix_actors_village_order", "village_key", "sort_key", "id"),
        Index("ix_actors_contact_order", "contact_key", "sort_key", "id"),
        Index("ix_actors_org_number_order", "org_number", "sort_key", "id"),
        # An actor's sector by its id, from the index alone (the home page's warnings).
        Index("ix_actors_sector_by_id", "id", "sector"),
    )

    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(20))
    org_number: Mapped[str | None] = mapped_column(String(9), unique=True)
    village: Mapped[str] = mapped_column(String(100), default="")
    wishes_to_contribute: Mapped[str] = mapped_column(Text, default="")
    hours_per_month: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_key: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Sort keys of the village and of the first contact person's name (the list's
    # columns): see textkeys.sort_key.
    village_key: Mapped[str] = mapped_column(String(100), default="")
    contact_key: Mapped[str] = mapped_column(String(200), default="")

    contacts: Mapped[list["ContactPerson"]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="ContactPerson.position"
    )


class ContactPerson(Stamped, Base):
    __tablename__ = "contact_persons"
    # The people list is read a page at a time in the order of one of its columns:
    # each order has an index that gives it (the column's key, the name's, the id);
    # the actor's order is read actor by actor, each actor's persons by name.
    __table_args__ = (
        Index("ix_contact_persons_name_order", "sort_key", "id"),
        Index("ix_contact_persons_actor_order", "actor_id", "sort_key", "id"),
        Index("ix_contact_persons_email_order", "email_key", "sort_key", "id"),
        Index("ix_contact_persons_phone_order", "phone_key", "sort_key", "id"),
    )

    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Why the municipality keeps this person (see model.enums.LegalBasis), and when to
    # look at it again (None: 24 months, or the months in the settings, after the last
    # activity; see services.personal_data).
    legal_basis: Mapped[str] = mapped_column(
        String(20), default="legitimate_interest", server_default="legitimate_interest"
    )
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    consent_how: Mapped[str] = mapped_column(Text, default="", server_default="")
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    # Norwegian sort keys of the name, e-mail and phone (textkeys.sort_key), and the
    # folded text the people list searches: name, e-mail, phone and the actor's name
    # (see services.people_list.person_keys, which every writer uses).
    sort_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    email_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    phone_key: Mapped[str] = mapped_column(String(40), default="", server_default="")
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    actor: Mapped["Actor"] = relationship(back_populates="contacts")


class Project(Stamped, Base):
    __tablename__ = "projects"

    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(100), default="")
    phase: Mapped[str] = mapped_column(String(20), index=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    owner_id: Mapped[str | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    # Øre: 64 bits (SQLite's integers are; PostgreSQL's INTEGER is 32).
    budget_ore: Mapped[int | None] = mapped_column(
        Integer().with_variant(BigInteger(), "postgresql")
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    sort_key: Mapped[str] = mapped_column(String(200), index=True, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")


class Role(Stamped, Base):
    __tablename__ = "roles"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    short: Mapped[str] = mapped_column(String(4))
    name_nn: Mapped[str] = mapped_column(String(100))
    name_nb: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProjectActor(Stamped, Base):
    """An actor taking part in a project: a row of the project's role matrix."""

    __tablename__ = "project_actors"
    __table_args__ = (UniqueConstraint("project_id", "actor_id"),)

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)


# Every character Python's ``str.strip()`` removes (AssignmentView.lacks_contribution),
# for SQL's trim(text, characters) on both engines.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _blank_sql(column: str) -> str:
    return f"({column} = '' OR trim({column}, '{WHITE_SPACE}') = '')"


# An expectation without a contribution (a warning of the role matrix), as SQL: the
# condition of the index of those, written the same way where they are counted
# (services.matrix), so that the index is used.
LACKING_CONTRIBUTION = f"NOT {_blank_sql('expectation')} AND {_blank_sql('contribution')}"


class RoleAssignment(Stamped, Base):
    __tablename__ = "role_assignments"
    __table_args__ = (
        UniqueConstraint("project_id", "actor_id", "role_id"),
        Index("ix_role_assignments_actor", "actor_id"),
        # The expectations without a contribution, by project (only those are in it).
        # Migration 0011 makes it partial on both engines; only SQLite's condition is
        # named here (for the test that holds the migrations to these models), since
        # naming PostgreSQL's would load SQLAlchemy's PostgreSQL dialect at every start.
        Index(
            "ix_role_assignments_lacking",
            "project_id",
            sqlite_where=sql_text(LACKING_CONTRIBUTION),
        ),
        # The projects given a role, from the index alone (the home page's warnings).
        Index("ix_role_assignments_role_project", "role_id", "project_id"),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    role_id: Mapped[str] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    expectation: Mapped[str] = mapped_column(Text, default="")
    contribution: Mapped[str] = mapped_column(Text, default="")


class Indicator(Stamped, Base):
    __tablename__ = "indicators"

    project_id: Mapped[str] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40), default="")
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_date: Mapped[dt.date | None] = mapped_column(Date)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class EffectEntry(Stamped, Base):
    __tablename__ = "effect_entries"
    __table_args__ = (
        Index("ix_effect_entries_project_date", "project_id", "entry_date"),
        # An indicator's entries in the effect log's order, with their values: its
        # latest value is one step into the index (the home page reads it for each).
        Index(
            "ix_effect_entries_latest", "indicator_id", "entry_date", "created_at", "id", "value"
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    indicator_id: Mapped[str | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE")
    )
    entry_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text, default="")
    beneficiary: Mapped[str | None] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")


class ChecklistItem(Stamped, Base):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("project_id", "number"),)

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    comment: Mapped[str] = mapped_column(Text, default="")


class Meeting(Stamped, Base):
    __tablename__ = "meetings"

    title: Mapped[str] = mapped_column(String(200))
    meeting_date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    minutes: Mapped[str] = mapped_column(Text, default="")


class MeetingParticipant(Stamped, Base):
    __tablename__ = "meeting_participants"
    __table_args__ = (UniqueConstraint("meeting_id", "actor_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)


class InputItem(Stamped, Base):
    __tablename__ = "input_items"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    from_actor_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    from_name: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str] = mapped_column(String(200), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    """The village the input concerns (empty: the meeting's place)."""
    status: Mapped[str] = mapped_column(String(20), default="new")
    answer: Mapped[str] = mapped_column(Text, default="")


class InputItemProject(Stamped, Base):
    """An input item linked to a project it concerns (an item may concern several)."""

    __tablename__ = "input_item_projects"
    __table_args__ = (UniqueConstraint("input_item_id", "project_id"),)

    input_item_id: Mapped[str] = mapped_column(
        ForeignKey("input_items.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[str] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )


class Setting(Stamped, Base):
    """Settings that belong with the data (e.g. the municipality's name on printouts)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")


# --- travel copies and their merge (see services.travel) ------------------------------


class DatabaseIdentity(Base):
    """The one row naming this database: an office database, or a travel copy taken
    from one (then with the office's identity and when and by which version)."""

    __tablename__ = "database_identity"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(10), default="office")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    office_id: Mapped[str | None] = mapped_column(String(36))
    office_name: Mapped[str] = mapped_column(String(200), default="")
    taken_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    program_version: Mapped[str] = mapped_column(String(40), default="")


class TravelCopy(Base):
    """A travel copy handed out by this (office) database, and when it came home."""

    __tablename__ = "travel_copies"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    taken_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    program_version: Mapped[str] = mapped_column(String(40), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    brought_home_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    merge_id: Mapped[str | None] = mapped_column(String(36))


class MergeRecord(Base):
    """One bring-home: its summary and every value that lost a conflict (JSON)."""

    __tablename__ = "merge_records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    copy_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="{}")
    losers: Mapped[str] = mapped_column(Text, default="[]")


class TravelBase(Base):
    """In a travel copy: every record as it was when the copy was taken (JSON), the
    base of the three-way merge when it is brought home. Empty elsewhere."""

    __tablename__ = "travel_base"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)


# --- personal data (see services.personal_data, services.erasure, storage.history) ----


class NamedPerson(Stamped, Base):
    """A person named only in free fields ("from whom" on input, "recorded by" on
    entries): the legal basis and review date kept for them, by their folded name."""

    __tablename__ = "named_persons"

    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(20), default="legitimate_interest")
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    consent_how: Mapped[str] = mapped_column(Text, default="")
    review_date: Mapped[dt.date | None] = mapped_column(Date)


class ChangeRecord(Base):
    """One change made through the services (append-only): the table, the record,
    the fields with their old and new values (JSON), when and by whom. The values of
    an erased person's records are emptied; the change itself stays."""

    __tablename__ = "change_history"
    __table_args__ = (Index("ix_change_history_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[str] = mapped_column(Text, default="{}")


class ErasureRecord(Base):
    """One erasure, without personal data: a salted hash of who was erased, so that
    the erasure can be done again on a restored older copy (services.erasure)."""

    __tablename__ = "erasure_register"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    erased_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    salt: Mapped[str] = mapped_column(String(64))
    name_hash: Mapped[str] = mapped_column(String(64), index=True)
    identity_hash: Mapped[str] = mapped_column(String(64))
