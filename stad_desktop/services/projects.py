"""Projects: create, edit, archive, list and search."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from stad_desktop.language import N_, Message
from stad_desktop.model import (
    Actor,
    ChecklistItem,
    Phase,
    Project,
)
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import project_pages as pages
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.checklist import clean_items, item_states, write_items
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.ownership import OwnerState, capture, make_owner, restore
from stad_desktop.services.readmodels import ProjectDetail, ProjectRef, ProjectRow
from stad_desktop.services.versions import check_version, saving
from stad_desktop.storage import Database
from stad_desktop.textkeys import clean_text, fold, has_broken_character, sort_key


@dataclass(frozen=True)
class ProjectInput:
    name: str
    phase: str = Phase.IDEA
    summary: str = ""
    goal: str = ""
    target_group: str = ""
    area: str = ""
    start_date: object = None
    end_date: object = None
    owner_id: str | None = None
    budget_nok: object = None
    notes: str = ""
    # The version the values were read at (ProjectDetail.version): saving over a
    # newer one is refused with a ConflictError. None: save whatever is stored (undo).
    version: int | None = None

    @classmethod
    def from_detail(cls, project: ProjectDetail) -> ProjectInput:
        return cls(
            name=project.name,
            phase=project.phase,
            summary=project.summary,
            goal=project.goal,
            target_group=project.target_group,
            area=project.area,
            start_date=project.start_date,
            end_date=project.end_date,
            owner_id=project.owner_id,
            budget_nok=project.budget_nok,
            notes=project.notes,
        )


def _budget_ore(value: object) -> int | None:
    """The budget in øre: a finite amount from 0 to v.MAX_NUMBER kroner (it fits the
    integer column with room to spare)."""
    amount = v.decimal("budget_nok", value, minimum=Decimal(0))
    if amount is None:
        return None
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


PROJECT_SORT_COLUMNS = ("name", "phase", "area", "owner", "start_date", "actor_count")


class ProjectService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, data: ProjectInput) -> Change[ProjectDetail]:
        return self.save(None, data)

    def update(self, project_id: str, data: ProjectInput) -> Change[ProjectDetail]:
        return self.save(project_id, data)

    def save(
        self,
        project_id: str | None,
        data: ProjectInput,
        checklist: Mapping[int, tuple[str, str]] | None = None,
    ) -> Change[ProjectDetail]:
        """Create (``project_id`` None) or update a project together with changes to
        its checklist (item number -> (status, comment)), in one transaction: either
        everything is saved or nothing is.

        Undoing a creation archives the project (projects are archived, not
        deleted). Undoing an edit puts back the values and checklist items stored
        before, and the owner as it was: the owner role in the role matrix follows
        the owner (see ``services.ownership``), and an actor that joined the project
        by becoming owner leaves it again unless it has been given a role since."""
        changes = clean_items(checklist or {})
        with (
            saving(self._db, Project, project_id, data.name, data.version),
            self._db.transaction() as session,
        ):
            if project_id is None:
                project = Project()
                session.add(project)
                self._apply(session, project, data)
                session.flush()
                make_owner(session, project, project.owner_id)
                session.add_all(
                    ChecklistItem(project_id=project.id, number=number)
                    for number in range(1, len(CHECKLIST_ITEMS) + 1)
                )
                session.flush()
                write_items(session, project.id, changes)
                created = self._detail(session, project)
                return Change(
                    created,
                    Message(N_("New project {name}"), {"name": created.name}),
                    lambda: self.set_archived(created.id, True),
                )
            project = self._get(session, project_id)
            check_version(project.version, data.version, project.name)
            before = ProjectInput.from_detail(self._detail(session, project))
            items_before = item_states(session, project_id, changes)
            owner_before = capture(session, project_id)
            self._apply(session, project, data)
            session.flush()
            make_owner(session, project, project.owner_id)
            write_items(session, project_id, changes)
            detail = self._detail(session, project)
        return Change(
            detail,
            Message(N_("Edit {name}"), {"name": detail.name}),
            lambda: self._revert_edit(project_id, before, items_before, owner_before),
        )

    def _revert_edit(
        self,
        project_id: str,
        before: ProjectInput,
        items_before: Mapping[int, tuple[str, str]],
        owner_before: OwnerState,
    ) -> Change[ProjectDetail]:
        """Undo an edit in one transaction (see :meth:`save`); returns its redo."""
        with self._db.transaction() as session:
            project = self._get(session, project_id)
            saved = ProjectInput.from_detail(self._detail(session, project))
            items_saved = item_states(session, project_id, items_before)
            self._apply(session, project, before)
            session.flush()
            write_items(session, project_id, items_before)
            restore(session, owner_before)
            detail = self._detail(session, project)
        return Change(
            detail,
            Message(N_("Edit {name}"), {"name": detail.name}),
            lambda: self.save(project_id, saved, items_saved),
        )

    def set_archived(self, project_id: str, archived: bool = True) -> Change[ProjectDetail]:
        with self._db.transaction() as session:
            project = self._get(session, project_id)
            was = project.archived
            project.archived = archived
            session.flush()
            detail = self._detail(session, project)
        text = N_("Archive {name}") if archived else N_("Restore {name}")
        return Change(
            detail,
            Message(text, {"name": detail.name}),
            lambda: self.set_archived(project_id, was),
        )

    def archive(self, project_id: str) -> Change[ProjectDetail]:
        return self.set_archived(project_id, True)

    def restore(self, project_id: str) -> Change[ProjectDetail]:
        return self.set_archived(project_id, False)

    def get(self, project_id: str) -> ProjectDetail:
        with self._db.reading() as session:
            return self._detail(session, self._get(session, project_id))

    def details(self) -> tuple[ProjectDetail, ...]:
        """Every project, archived ones too, in Norwegian name order (for the
        spreadsheet export): one query."""
        owner = aliased(Actor)
        stmt = (
            select(Project, owner.name)
            .outerjoin(owner, owner.id == Project.owner_id)
            .order_by(Project.sort_key, Project.id)
        )
        with self._db.reading() as session:
            return tuple(
                self._detail(session, project, owner_name or "")
                for project, owner_name in session.execute(stmt)
            )

    def find(self, name_or_id: str) -> ProjectDetail:
        """A project by id, or by name (Unicode case folded): the exact name first, else
        the one project whose name holds the text. Raises NotFoundError otherwise; see
        :meth:`matching` for the names that made a text ambiguous."""
        with self._db.reading() as session:
            unstorable = has_broken_character(name_or_id) or "\x00" in name_or_id
            project = None if unstorable else session.get(Project, name_or_id)
            if project is None:
                wanted = fold(clean_text(name_or_id, multiline=False))
                candidates = self._name_matches(session, name_or_id)
                exact = [p for p in candidates if fold(p.name) == wanted]
                if len(exact) == 1:
                    project = exact[0]
                elif len(candidates) == 1:
                    project = candidates[0]
            if project is None:
                raise NotFoundError("project", name_or_id)
            return self._detail(session, project)

    def matching(self, text: str, limit: int = 10) -> tuple[ProjectRef, ...]:
        """The projects whose name holds ``text`` (case folded), in name order, at
        most ``limit`` of them (archived ones too, as :meth:`find` takes them)."""
        with self._db.reading() as session:
            found = sorted(self._name_matches(session, text), key=lambda p: (p.sort_key, p.id))
            return tuple(ProjectRef(p.id, p.name, p.phase) for p in found[:limit])

    def areas(self) -> tuple[str, ...]:
        """The areas of the projects that are not archived, each once, in name order."""
        stmt = select(Project.area).where(Project.archived.is_(False)).distinct()
        with self._db.reading() as session:
            areas = {area.strip() for area in session.scalars(stmt) if area and area.strip()}
        return tuple(sorted(areas, key=sort_key))

    @staticmethod
    def _name_matches(session: Session, text: str) -> list[Project]:
        wanted = fold(clean_text(text, multiline=False))
        if not wanted:
            return []
        candidates = session.scalars(select(Project).where(v.matches(Project.search_text, text)))
        # The search text also holds the area and target group: only names count here.
        return [p for p in candidates if wanted in fold(p.name)]

    def refs(self, include_archived: bool = False) -> tuple[ProjectRef, ...]:
        stmt = select(Project.id, Project.name, Project.phase).order_by(
            Project.sort_key, Project.id
        )
        if not include_archived:
            stmt = stmt.where(Project.archived.is_(False))
        with self._db.reading() as session:
            return tuple(ProjectRef(*row) for row in session.execute(stmt))

    def list(
        self,
        query: str = "",
        phase: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> tuple[ProjectRow, ...]:
        return self.page(query, phase, include_archived, order_by, descending)

    def page(
        self,
        query: str = "",
        phase: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> tuple[ProjectRow, ...]:
        """Rows ``offset`` to ``offset + limit`` of :meth:`list`, sorted and filtered
        in SQL (all from ``offset`` when ``limit`` is None)."""
        with self._db.reading() as session:
            return pages.page(
                session, query, phase, include_archived, order_by, descending, offset, limit
            )

    def count(
        self, query: str = "", phase: str | None = None, include_archived: bool = False
    ) -> int:
        """How many rows :meth:`list` gives for the same search and filter."""
        with self._db.reading() as session:
            return pages.count(session, query, phase, include_archived)

    def position(
        self,
        project_id: str,
        query: str = "",
        phase: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> int:
        """Where ``project_id`` is in :meth:`list` (from 0), or -1."""
        with self._db.reading() as session:
            return pages.position(
                session, project_id, query, phase, include_archived, order_by, descending
            )

    # --- helpers ------------------------------------------------------------------
    @staticmethod
    def _get(session: Session, project_id: str) -> Project:
        project = session.get(Project, project_id)
        if project is None:
            raise NotFoundError("project", project_id)
        return project

    @staticmethod
    def _apply(session: Session, project: Project, data: ProjectInput) -> None:
        check = v.Checks()  # every bad field at once
        name = check(v.required_text, "name", data.name)
        phase = check(v.choice, "phase", data.phase, Phase)
        start = check(v.date, "start_date", data.start_date)
        end = check(v.date, "end_date", data.end_date)
        if not check.failed("start_date", "end_date"):
            check(v.date_order, "start_date", start, "end_date", end)
        budget = check(_budget_ore, data.budget_nok)
        owner_id = data.owner_id or None
        if owner_id is not None and session.get(Actor, owner_id) is None:
            check.errors.append(
                ValidationError("owner_id", N_("Choose one of the values in the list."))
            )
        summary = check(v.optional_text, "summary", data.summary)
        goal = check(v.optional_text, "goal", data.goal)
        target_group = check(v.optional_text, "target_group", data.target_group)
        area = check(v.optional_text, "area", data.area, 100)
        notes = check(v.optional_text, "notes", data.notes)
        check.done()
        project.name = name
        project.phase = phase.value
        project.summary = summary
        project.goal = goal
        project.target_group = target_group
        project.area = area
        project.start_date = start
        project.end_date = end
        project.owner_id = owner_id
        project.budget_ore = budget
        project.notes = notes
        project.sort_key = sort_key(name)
        project.search_text = project_search_text(name, project.area, project.target_group)

    @staticmethod
    def _detail(session: Session, project: Project, owner_name: str | None = None) -> ProjectDetail:
        """``owner_name``: already read with the project (else it is read here)."""
        if owner_name is None:
            owner_name = ""
            if project.owner_id:
                owner_name = (
                    session.scalar(select(Actor.name).where(Actor.id == project.owner_id)) or ""
                )
        budget = None
        if project.budget_ore is not None:
            budget = (Decimal(project.budget_ore) / 100).quantize(Decimal("0.01"))
        return ProjectDetail(
            id=project.id,
            name=project.name,
            summary=project.summary,
            goal=project.goal,
            target_group=project.target_group,
            area=project.area,
            phase=project.phase,
            start_date=project.start_date,
            end_date=project.end_date,
            owner_id=project.owner_id,
            owner_name=owner_name,
            budget_nok=budget,
            notes=project.notes,
            archived=project.archived,
            created_at=project.created_at,
            updated_at=project.updated_at,
            version=project.version,
        )


def project_search_text(name: str, area: str, target_group: str) -> str:
    return fold("\x1f".join([name, area, target_group]))
