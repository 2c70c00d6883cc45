"""Role-matrix checks: the article's rules as warnings (never blocks), and the
checklist hints that can be derived from the data (items 2, 6 and 11)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Select, case, exists, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Localized, Message
from stad_desktop.model import (
    Actor,
    ChecklistStatus,
    EffectEntry,
    Indicator,
    Project,
    ProjectActor,
    Role,
    RoleAssignment,
    Sector,
)
from stad_desktop.model.catalogue import (
    ENGLISH_SHORT,
    FUNDER,
    IMPLEMENTER,
    INFORMED,
    TARGET_CONTACT,
)
from stad_desktop.model.entities import WHITE_SPACE
from stad_desktop.model.enums import label
from stad_desktop.services.readmodels import (
    ActorRef,
    AssignmentView,
    ChecklistHint,
    MatrixWarning,
    RoleView,
)
from stad_desktop.storage.server import is_postgresql

# An actor holding this many roles or more in one project is flagged, so a
# concentration of power is visible ("equal voices, different roles").
MANY_ROLES = 4

# Role names are written inside these sentences as inside any sentence: "ingen finansiør".
REQUIRED_ROLES = (
    (FUNDER, N_("No actor funds the project: it has no {role}.")),
    (IMPLEMENTER, N_("Nobody carries out the project: the project has no {role}.")),
    (TARGET_CONTACT, N_("No actor has the role {role}.")),
)


def compute_warnings(
    actors: Sequence[ActorRef],
    roles: Sequence[RoleView],
    assignments: Iterable[AssignmentView],
) -> tuple[MatrixWarning, ...]:
    """The warnings for one project's matrix."""
    assignments = list(assignments)
    warnings: list[MatrixWarning] = []
    by_code = {role.code: role for role in roles}
    assigned_roles = {a.role_id for a in assignments}
    for code, text in REQUIRED_ROLES:
        role = by_code.get(code)
        if role is not None and role.id not in assigned_roles:
            warnings.append(
                MatrixWarning(
                    f"missing_{code}",
                    Message(text, {"role": role.name.in_sentence()}),
                    role_id=role.id,
                )
            )
    if not actors:
        warnings.append(MatrixWarning("no_actors", Message(N_("The project has no actors yet."))))
    else:
        sectors = {actor.sector for actor in actors}
        if len(sectors) == 1:
            sector = Sector(next(iter(sectors)))
            warnings.append(
                MatrixWarning(
                    "single_sector",
                    Message(
                        N_(
                            "Every actor is from one sector ({sector}). Co-creation "
                            "involves more than one sector."
                        ),
                        {"sector": Message(label(sector))},
                    ),
                )
            )
    names = {actor.id: actor.name for actor in actors}
    by_id = {role.id: role for role in roles}
    for a in assignments:
        if a.lacks_contribution:
            role = by_id.get(a.role_id)
            warnings.append(
                MatrixWarning(
                    "expectation_without_contribution",
                    _missing_contribution(names.get(a.actor_id, "?"), role),
                    actor_id=a.actor_id,
                    role_id=a.role_id,
                )
            )
    per_actor = Counter(a.actor_id for a in assignments)
    for actor in actors:
        count = per_actor.get(actor.id, 0)
        if count >= MANY_ROLES:
            warnings.append(
                MatrixWarning(
                    "many_roles",
                    Message(
                        N_("{actor} holds many roles ({count}). Is the power shared?"),
                        {"actor": actor.name, "count": count},
                    ),
                    actor_id=actor.id,
                )
            )
    return tuple(warnings)


def _missing_contribution(actor: str, role: RoleView | None) -> Message:
    """The warning for an expectation without an agreed contribution. An actor that
    is kept informed contributes nothing: what is missing is how it is informed."""
    if role is not None and role.code == INFORMED:
        return Message(
            N_("{actor} is to be kept informed, but how has not been agreed."), {"actor": actor}
        )
    return Message(
        N_("{actor} is expected to do something as {role}, but has not agreed to a contribution."),
        {"actor": actor, "role": role.name.in_sentence() if role is not None else "?"},
    )


def role_view(role: Role) -> RoleView:
    return RoleView(
        id=role.id,
        code=role.code,
        short=role.short,
        name=Localized(role.name_nn, role.name_nb, role.name_en),
        builtin=role.builtin,
        position=role.position,
        short_en=ENGLISH_SHORT.get(role.code, "") if role.builtin else "",
    )


def role_views(session: Session) -> tuple[RoleView, ...]:
    return tuple(role_view(r) for r in session.scalars(select(Role).order_by(Role.position)))


def project_actors(session: Session, project_ids: Sequence[str]) -> dict[str, list[ActorRef]]:
    result: dict[str, list[ActorRef]] = defaultdict(list)
    if not project_ids:
        return result
    stmt = (
        select(ProjectActor.project_id, Actor.id, Actor.name, Actor.sector)
        .join(Actor, Actor.id == ProjectActor.actor_id)
        .where(ProjectActor.project_id.in_(project_ids))
        .order_by(Actor.sort_key, Actor.id)
    )
    for project_id, actor_id, name, sector in session.execute(stmt):
        result[project_id].append(ActorRef(actor_id, name, sector))
    return result


def project_assignments(
    session: Session, project_ids: Sequence[str]
) -> dict[str, list[AssignmentView]]:
    result: dict[str, list[AssignmentView]] = defaultdict(list)
    if not project_ids:
        return result
    stmt = select(
        RoleAssignment.project_id,
        RoleAssignment.actor_id,
        RoleAssignment.role_id,
        RoleAssignment.expectation,
        RoleAssignment.contribution,
    ).where(RoleAssignment.project_id.in_(project_ids))
    for row in session.execute(stmt):
        result[row[0]].append(AssignmentView(*row))
    return result


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def warnings_for(
    session: Session, project_ids: Sequence[str], roles: Sequence[RoleView] | None = None
) -> dict[str, tuple[MatrixWarning, ...]]:
    """The warnings of each project (``roles``: the catalogue, when read already)."""
    if roles is None:
        roles = role_views(session)
    result: dict[str, tuple[MatrixWarning, ...]] = {}
    for chunk in _chunks(list(project_ids)):
        actors = project_actors(session, chunk)
        assignments = project_assignments(session, chunk)
        for project_id in chunk:
            result[project_id] = compute_warnings(
                actors.get(project_id, []), roles, assignments.get(project_id, [])
            )
    return result


# From this many projects on, their warnings are counted over the whole tables in
# SQL (warning_totals) rather than worked out project by project.
COUNTED_IN_SQL_FROM = 250


def warning_counts(session: Session, project_ids: Sequence[str]) -> dict[str, int]:
    """How many warnings each project has (a page of the projects list, or all of
    them for a printout)."""
    if len(project_ids) >= COUNTED_IN_SQL_FROM:
        return warning_totals(session, project_ids, role_views(session))
    return {key: len(value) for key, value in warnings_for(session, project_ids).items()}


def _blank(text: Any) -> Any:
    """``text`` is empty once stripped (the empty text tested first: it is the most
    common, and the quickest), written out as in the condition of the index of the
    expectations without a contribution (``model.LACKING_CONTRIBUTION``): with
    parameters in its place, neither engine would know that the index holds them."""
    empty: Any = literal_column("''")
    return or_(text == empty, func.trim(text, literal_column(f"'{WHITE_SPACE}'")) == empty)


def _warning_count_query(roles: Sequence[RoleView], in_index_order: bool) -> Select[str, str, int]:
    """Every project's id, sort key and how many warnings :func:`compute_warnings`
    gives it (``roles``: the catalogue), counted in SQL for every project at once:
    each part over a whole table (cheaper for many projects than picking them out),
    read from an index where one serves, nothing per project.
    tests/services/test_overview_totals.py holds the two to the same rules.
    ``in_index_order``: pairs handed to the grouping in order (PostgreSQL's way)."""
    codes = {code for code, _text in REQUIRED_ROLES}
    required = [role.id for role in roles if role.code in codes]
    # The required roles (those that exist) given: each once, however many actors
    # hold it, read from the index on (role, project).
    pairs = (
        select(RoleAssignment.role_id, RoleAssignment.project_id)
        .where(RoleAssignment.role_id.in_(required))
        .distinct()
        .subquery()
    )
    given = (
        select(pairs.c.project_id, func.count().label("given"))
        .group_by(pairs.c.project_id)
        .subquery()
    )
    # The sectors of a project's actors. Each actor's sector is read from the index
    # on (id, sector), not from the table (SQLite, with no statistics, would take the
    # primary key's index and then the table).
    mix = (
        select(
            ProjectActor.project_id,
            func.min(Actor.sector).label("low"),
            func.max(Actor.sector).label("high"),
        )
        .join(Actor, Actor.id == ProjectActor.actor_id)
        .with_hint(Actor, "INDEXED BY ix_actors_sector_by_id", "sqlite")
        .group_by(ProjectActor.project_id)
        .subquery()
    )
    # The project's actors holding MANY_ROLES roles or more in it, grouped in the
    # order of the index on (project, actor, role). SQLite reads that index in order
    # to group; PostgreSQL does so only when handed the pairs in that order (else it
    # reads the whole table and hashes every pair, two to four times as long).
    pairs_of = select(RoleAssignment.project_id, RoleAssignment.actor_id)
    if in_index_order:
        ordered = pairs_of.order_by(RoleAssignment.project_id, RoleAssignment.actor_id).subquery()
        pairs_of = select(ordered.c.project_id, ordered.c.actor_id)
    project_of, actor_of = pairs_of.selected_columns
    crowded = pairs_of.group_by(project_of, actor_of).having(func.count() >= MANY_ROLES).subquery()
    many = (
        select(crowded.c.project_id, func.count().label("actors"))
        .where(
            exists().where(
                ProjectActor.project_id == crowded.c.project_id,
                ProjectActor.actor_id == crowded.c.actor_id,
            )
        )
        .group_by(crowded.c.project_id)
        .subquery()
    )
    # The expectations without a contribution, from the index of those alone.
    lacking = (
        select(RoleAssignment.project_id, func.count().label("lacking"))
        .where(~_blank(RoleAssignment.expectation), _blank(RoleAssignment.contribution))
        .with_hint(RoleAssignment, "INDEXED BY ix_role_assignments_lacking", "sqlite")
        .group_by(RoleAssignment.project_id)
        .subquery()
    )
    warnings = (
        literal(len(required))
        - func.coalesce(given.c.given, 0)
        # No actors (no sectors) counts one warning, as actors of one sector do.
        + case((mix.c.low != mix.c.high, 0), else_=1)
        + func.coalesce(many.c.actors, 0)
        + func.coalesce(lacking.c.lacking, 0)
    )
    return (
        select(Project.id, Project.sort_key, warnings.label("warnings"))
        .outerjoin(given, given.c.project_id == Project.id)
        .outerjoin(mix, mix.c.project_id == Project.id)
        .outerjoin(many, many.c.project_id == Project.id)
        .outerjoin(lacking, lacking.c.project_id == Project.id)
    )


def warning_totals(
    session: Session, project_ids: Iterable[str], roles: Sequence[RoleView]
) -> dict[str, int]:
    """How many warnings :func:`compute_warnings` gives for each of ``project_ids``
    (``roles``: the catalogue), counted in SQL (see :func:`_warning_count_query`)."""
    query = _warning_count_query(roles, is_postgresql(session.get_bind()))
    counts = {pid: count for pid, _key, count in session.execute(query)}
    return {pid: counts[pid] for pid in project_ids}


def most_warned(session: Session, roles: Sequence[RoleView], limit: int) -> tuple[list[str], int]:
    """The active projects with most warnings (ties in the projects' order), the first
    ``limit`` of them, and how many active projects have a warning: counted, sorted
    and cut in SQL, so that only those ``limit`` rows are read."""
    counted = (
        _warning_count_query(roles, is_postgresql(session.get_bind()))
        .where(Project.archived.is_(False))
        .subquery()
    )
    rows = session.execute(
        select(counted.c.id, func.count().over())
        .where(counted.c.warnings > 0)
        .order_by(counted.c.warnings.desc(), counted.c.sort_key, counted.c.id)
        .limit(limit)
    ).all()
    return [pid for pid, _total in rows], (rows[0][1] if rows else 0)


def sector_mix(actors: Iterable[ActorRef]) -> dict[str, int]:
    counts = Counter(actor.sector for actor in actors)
    return {sector.value: counts[sector.value] for sector in Sector if counts[sector.value]}


def checklist_hints(
    session: Session,
    project_id: str,
    actors: Sequence[ActorRef],
    warnings: Sequence[MatrixWarning],
    assignments: Sequence[AssignmentView],
) -> Mapping[int, ChecklistHint]:
    """Suggestions for items 2 (sector mix), 6 (role matrix) and 11 (effect log)."""
    hints: dict[int, ChecklistHint] = {}
    sectors = {actor.sector for actor in actors}
    if not actors:
        hints[2] = ChecklistHint(Message(N_("No actors yet.")), ChecklistStatus.NOT_STARTED.value)
    else:
        hints[2] = ChecklistHint(
            Message(
                N_("Actors: {actors}. Sectors: {sectors}."),
                {"actors": len(actors), "sectors": len(sectors)},
            ),
            ChecklistStatus.DONE.value if len(sectors) >= 3 else ChecklistStatus.IN_PROGRESS.value,
        )
    matrix_problems = [
        w
        for w in warnings
        if w.code.startswith("missing_") or w.code == "expectation_without_contribution"
    ]
    if not assignments:
        hints[6] = ChecklistHint(
            Message(N_("The role matrix is empty.")), ChecklistStatus.NOT_STARTED.value
        )
    elif matrix_problems:
        hints[6] = ChecklistHint(
            Message(
                N_("Open points in the role matrix: {count}."), {"count": len(matrix_problems)}
            ),
            ChecklistStatus.IN_PROGRESS.value,
        )
    else:
        hints[6] = ChecklistHint(
            Message(N_("Every required role is filled and every expectation is agreed.")),
            ChecklistStatus.DONE.value,
        )
    indicators = (
        session.scalar(select(func.count(Indicator.id)).where(Indicator.project_id == project_id))
        or 0
    )
    entries = (
        session.scalar(
            select(func.count(EffectEntry.id)).where(EffectEntry.project_id == project_id)
        )
        or 0
    )
    if not indicators and not entries:
        hints[11] = ChecklistHint(
            Message(N_("No indicators or effects noted yet.")), ChecklistStatus.NOT_STARTED.value
        )
    else:
        hints[11] = ChecklistHint(
            Message(
                N_("Indicators: {indicators}. Effect entries: {entries}."),
                {"indicators": indicators, "entries": entries},
            ),
            ChecklistStatus.IN_PROGRESS.value,
        )
    return hints
