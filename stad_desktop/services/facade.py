"""The Services facade: every service over one database.

Each service is made (and its module imported) when it is first used, so that the
window's first view waits only for the services it reads.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, or_, select

from stad_desktop.model import (
    Actor,
    EffectEntry,
    Indicator,
    InputItem,
    Meeting,
    Project,
    Role,
    RoleAssignment,
)
from stad_desktop.services.actors import ActorService
from stad_desktop.services.readmodels import Counts
from stad_desktop.storage import Database

if TYPE_CHECKING:
    from stad_desktop.services.backups import BackupService
    from stad_desktop.services.bulk import BulkService
    from stad_desktop.services.checklist import ChecklistService
    from stad_desktop.services.effects import EffectService
    from stad_desktop.services.erasure import ErasureService
    from stad_desktop.services.example_data import ExampleDataService
    from stad_desktop.services.hearing import HearingService
    from stad_desktop.services.history import HistoryService
    from stad_desktop.services.meetings import MeetingService
    from stad_desktop.services.overview import OverviewService
    from stad_desktop.services.people import PeopleService
    from stad_desktop.services.person_dossier import PersonDossierService
    from stad_desktop.services.personal_data import PersonalDataService
    from stad_desktop.services.projects import ProjectService
    from stad_desktop.services.roles import RoleService
    from stad_desktop.services.settings import SettingsService
    from stad_desktop.services.travel import TravelService
    from stad_desktop.services.travel_info import TravelInfo
    from stad_desktop.services.upgrade_report import UpgradeReportService
    from stad_desktop.storage.notify import ChangeListener


class Services:
    """All services over one database, passed to the UI, reports and CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.actors = ActorService(db)

    @cached_property
    def projects(self) -> ProjectService:
        from stad_desktop.services.projects import ProjectService

        return ProjectService(self.db)

    @cached_property
    def roles(self) -> RoleService:
        from stad_desktop.services.roles import RoleService

        return RoleService(self.db)

    @cached_property
    def effects(self) -> EffectService:
        from stad_desktop.services.effects import EffectService

        return EffectService(self.db)

    @cached_property
    def checklist(self) -> ChecklistService:
        from stad_desktop.services.checklist import ChecklistService

        return ChecklistService(self.db)

    @cached_property
    def meetings(self) -> MeetingService:
        from stad_desktop.services.meetings import MeetingService

        return MeetingService(self.db)

    @cached_property
    def overview(self) -> OverviewService:
        from stad_desktop.services.overview import OverviewService

        return OverviewService(self.db)

    @cached_property
    def people(self) -> PeopleService:
        from stad_desktop.services.people import PeopleService

        return PeopleService(self.db)

    @cached_property
    def settings(self) -> SettingsService:
        from stad_desktop.services.settings import SettingsService

        return SettingsService(self.db)

    @cached_property
    def bulk(self) -> BulkService:
        from stad_desktop.services.bulk import BulkService

        return BulkService(self.db)

    @cached_property
    def backups(self) -> BackupService:
        from stad_desktop.services.backups import BackupService

        return BackupService(self.db)

    @cached_property
    def travel(self) -> TravelService:
        from stad_desktop.services.travel import TravelService

        return TravelService(self.db)

    @cached_property
    def hearing(self) -> HearingService:
        from stad_desktop.services.hearing import HearingService

        return HearingService(self.db)

    @cached_property
    def example_data(self) -> ExampleDataService:
        from stad_desktop.services.example_data import ExampleDataService

        return ExampleDataService(self.db)

    @cached_property
    def upgrade_reports(self) -> UpgradeReportService:
        from stad_desktop.services.upgrade_report import UpgradeReportService

        return UpgradeReportService(self.db)

    @cached_property
    def personal_data(self) -> PersonalDataService:
        from stad_desktop.services.personal_data import PersonalDataService

        return PersonalDataService(self.db)

    @cached_property
    def dossiers(self) -> PersonDossierService:
        from stad_desktop.services.person_dossier import PersonDossierService

        return PersonDossierService(self.db)

    @cached_property
    def erasure(self) -> ErasureService:
        from stad_desktop.services.erasure import ErasureService

        return ErasureService(self.db)

    @cached_property
    def history(self) -> HistoryService:
        from stad_desktop.services.history import HistoryService

        return HistoryService(self.db)

    def travel_info(self) -> TravelInfo | None:
        """What this database is a travel copy of (None: an office database): the
        light read for the window's title and banner, without the merge's modules."""
        from stad_desktop.services.travel_info import travel_info

        return travel_info(self.db)

    def counts(self) -> Counts:
        with self.db.reading() as session:

            def count(model: type) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            return Counts(
                actors=count(Actor),
                projects=count(Project),
                roles=count(Role),
                assignments=count(RoleAssignment),
                indicators=count(Indicator),
                entries=count(EffectEntry),
                meetings=count(Meeting),
                inputs=count(InputItem),
            )

    def listen_for_changes(self) -> ChangeListener | None:
        """What other programs commit to a shared database, heard on a worker thread
        (``take()``: the tables changed since last asked); None for a file."""
        return self.db.listen_for_changes()

    def is_empty(self) -> bool:
        """True when the database holds no actors, projects or meetings (one query)."""
        held = or_(*(exists().select_from(model) for model in (Actor, Project, Meeting)))
        with self.db.reading() as session:
            return not session.scalar(select(held))
