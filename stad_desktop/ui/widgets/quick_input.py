"""The input line of an open meeting: type what was said, press Enter, type the
next. Topic, village, from whom and project are optional and offered as you type;
topic, village and project stay for the next item, from whom is cleared with the
text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from stad_desktop.language import N_, _
from stad_desktop.services import InputData
from stad_desktop.services.errors import ValidationError
from stad_desktop.ui.widgets.completing import completing_line, find_named, set_words
from stad_desktop.ui.widgets.forms import buddy_label, error_label, set_buddy_text

# store(data) saves one item; it returns None when saved, or the problem to show.
Store = Callable[[InputData], "str | None"]


class Choices(NamedTuple):
    """The values offered as you type: (id, name) pairs for actors and projects."""

    topics: Sequence[str]
    villages: Sequence[str]
    actors: Sequence[tuple[str, str]]
    projects: Sequence[tuple[str, str]]


class QuickInputBar(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._actors: Sequence[tuple[str, str]] = ()
        self._projects: Sequence[tuple[str, str]] = ()
        # Reads the choices when they are first needed (a register's 20,000 actor
        # names are not read to open the view); None once read.
        self._load_choices: Callable[[], Choices] | None = None
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.topic = completing_line(self)
        self.village = completing_line(self)
        self.from_whom = completing_line(self)
        self.project = completing_line(self)
        self.problem = error_label()
        self.problem.setParent(self)
        self.text_label = buddy_label("", self.text)
        self.topic_label = buddy_label("", self.topic)
        self.village_label = buddy_label("", self.village)
        self.from_label = buddy_label("", self.from_whom)
        self.project_label = buddy_label("", self.project)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text_label, 0, 0)
        grid.addWidget(self.text, 0, 1, 1, 7)
        for column, (label, line) in enumerate(
            (
                (self.topic_label, self.topic),
                (self.village_label, self.village),
                (self.from_label, self.from_whom),
                (self.project_label, self.project),
            )
        ):
            grid.addWidget(label, 1, 2 * column)
            grid.addWidget(line, 1, 2 * column + 1)
            grid.setColumnStretch(2 * column + 1, 1)
        grid.addWidget(self.problem, 2, 0, 1, 8)
        for line in (self.text, self.topic, self.village, self.from_whom, self.project):
            line.returnPressed.connect(self.submit)
        for line in (self.topic, self.village, self.from_whom, self.project):
            line.installEventFilter(self)
        self.chain_tab_order()
        self.setFocusProxy(self.text)
        self.retranslate()

    def chain_tab_order(self) -> None:
        """Tab goes from the text through the optional fields (call again after
        placing the bar in another widget's tab order)."""
        for first, second in (
            (self.text, self.topic),
            (self.topic, self.village),
            (self.village, self.from_whom),
            (self.from_whom, self.project),
        ):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        set_buddy_text(self.text_label, _("&Quick input:"))
        self.text.setPlaceholderText(_("Type what was said and press Enter for the next"))
        self.text.setAccessibleName(_("Quick input"))
        set_buddy_text(self.topic_label, _("T&opic:"))
        set_buddy_text(self.village_label, _("Vi&llage:"))
        set_buddy_text(self.from_label, _("From &whom:"))
        set_buddy_text(self.project_label, _("Pro&ject:"))
        self.village.setPlaceholderText(_("The meeting's place"))
        self.from_whom.setPlaceholderText(_("Actor or name"))
        self.project.setPlaceholderText(_("(no project)"))
        self.setToolTip(
            _(
                "Enter stores the input and clears the line. Topic, village and project "
                "stay for the next item."
            )
        )

    def set_choices(self, choices: Choices) -> None:
        """The values offered as you type."""
        self._load_choices = None
        self._actors = choices.actors
        self._projects = choices.projects
        set_words(self.topic, choices.topics)
        set_words(self.village, choices.villages)
        set_words(self.from_whom, [name for _id, name in choices.actors])
        set_words(self.project, [name for _id, name in choices.projects])

    def set_choices_source(self, load: Callable[[], Choices]) -> None:
        """Read the choices through ``load`` when a field offering them is first
        entered, or an item is stored (not now: the view opens without them)."""
        self._load_choices = load

    def ensure_choices(self) -> None:
        if self._load_choices is not None:
            self.set_choices(self._load_choices())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.ensure_choices()
        return super().eventFilter(watched, event)

    def data(self) -> InputData:
        """What is typed, as input data; a project name not in the list is refused."""
        self.ensure_choices()
        project_name = self.project.text().strip()
        project_ids: tuple[str, ...] = ()
        if project_name:
            project_id = find_named(project_name, self._projects)
            if project_id is None:
                raise ValidationError(
                    "project_ids", N_("There is no project called {name}."), name=project_name
                )
            project_ids = (project_id,)
        who = self.from_whom.text().strip()
        actor_id = find_named(who, self._actors)
        return InputData(
            text=self.text.text(),
            from_actor_id=actor_id,
            from_name="" if actor_id else who,
            topic=self.topic.text(),
            village=self.village.text(),
            project_ids=project_ids,
        )

    def submit(self) -> None:
        """Store what is typed (Enter in any of the fields); then clear the text and
        from whom and go back to the text."""
        if not self.text.text().strip():
            self.text.setFocus()
            return
        try:
            problem = self._store(self.data())
        except ValidationError as exc:
            problem = exc.message.render()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.problem.clear()
        self.problem.hide()
        self.text.clear()
        self.from_whom.clear()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
