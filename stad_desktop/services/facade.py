"""The Services facade: every service over one database."""

from __future__ import annotations

from sqlalchemy import func, select

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
from stad_desktop.services.backups import BackupService
from stad_desktop.services.bulk import BulkService
from stad_desktop.services.checklist import ChecklistService
from stad_desktop.services.effects import EffectService
from stad_desktop.services.meetings import MeetingService
from stad_desktop.services.projects import ProjectService
from stad_desktop.services.readmodels import Counts
from stad_desktop.services.roles import RoleService
from stad_desktop.services.settings import SettingsService
from stad_desktop.services.travel import TravelService
from stad_desktop.storage import Database


class Services:
    """All services over one database, passed to the UI, reports and CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.actors = ActorService(db)
        self.projects = ProjectService(db)
        self.roles = RoleService(db)
        self.effects = EffectService(db)
        self.checklist = ChecklistService(db)
        self.meetings = MeetingService(db)
        self.settings = SettingsService(db)
        self.bulk = BulkService(db)
        self.backups = BackupService(db)
        self.travel = TravelService(db)

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

    def is_empty(self) -> bool:
        """True when the database holds no actors, projects or meetings."""
        c = self.counts()
        return c.actors == 0 and c.projects == 0 and c.meetings == 0
