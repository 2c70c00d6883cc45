"""The input line of an open meeting: type what was said, press Enter, type the
next. Topic, village, from whom and project are optional and offered as you type;
topic, village and project stay for the next item, from whom is cleared with the
text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from stad_desktop.language import N_, _
from stad_desktop.services import InputData
from stad_desktop.services.errors import ValidationError
from stad_desktop.ui.widgets.completing import completing_line, find_named, set_words
from stad_desktop.ui.widgets.forms import buddy_label, error_label, set_buddy_text

# store(data) saves one item; it returns None when saved, or the problem to show.
Store = Callable[[InputData], "str | None"]


class QuickInputBar(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._actors: Sequence[tuple[str, str]] = ()
        self._projects: Sequence[tuple[str, str]] = ()
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

    def set_choices(
        self,
        topics: Sequence[str],
        villages: Sequence[str],
        actors: Sequence[tuple[str, str]],
        projects: Sequence[tuple[str, str]],
    ) -> None:
        """The values offered as you type: (id, name) pairs for actors and projects."""
        self._actors = actors
        self._projects = projects
        set_words(self.topic, topics)
        set_words(self.village, villages)
        set_words(self.from_whom, [name for _id, name in actors])
        set_words(self.project, [name for _id, name in projects])

    def data(self) -> InputData:
        """What is typed, as input data; a project name not in the list is refused."""
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
