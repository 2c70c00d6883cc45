"""The project summary's sections about the actors: the role matrix, expectations
and contributions, the sector mix and the contact persons."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from stad_desktop.format import format_percent
from stad_desktop.language import Translator
from stad_desktop.model import Sector
from stad_desktop.model.catalogue import INFORMED
from stad_desktop.reports.data import ProjectSummaryData
from stad_desktop.reports.document import Heading
from stad_desktop.reports.labels import sector_text, whole_percentages
from stad_desktop.reports.style import (
    ACCENT,
    BUSY,
    FONT,
    FONT_BOLD,
    INK,
    LACKING_FILL,
    LACKING_INK,
    RULE,
    Styles,
    esc,
    para,
    role_colours,
    tinted,
)
from stad_desktop.reports.tables import (
    ProgressBar,
    RotatedLabel,
    WithNote,
    data_table,
    section,
)
from stad_desktop.services.matrix import MANY_ROLES


class ActorSections:
    def __init__(self, data: ProjectSummaryData, tr: Translator, styles: Styles, width: float):
        self.data = data
        self.tr = tr
        self.s = styles
        self.width = width

    def role_matrix(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        heading = Heading(tr._("Role matrix"), s.h2)
        if not m.actors:
            return section(heading, para(tr._("No actors yet."), s.body))
        roles = self.data.roles
        mark_width = 24.0
        count_width = 40.0
        actor_width = self.width - mark_width * len(roles) - count_width
        header: list[object] = [para(tr._("Actor"), s.head)]
        header += [RotatedLabel(role.name.get(tr.lang)) for role in roles]
        header.append(para(tr._("Roles"), s.head_right))
        rows: list[list[object]] = [header]
        extra: list[tuple[object, ...]] = [
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            # Marks and role counts both centred on the (two-line) actor rows.
            ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (1, 0), (-1, 0), "BOTTOM"),
            # Room above the longest turned role name.
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.25, RULE),
            ("FONT", (1, 1), (-2, -1), FONT, 10),
            ("TEXTCOLOR", (1, 1), (-2, -1), ACCENT),
        ]
        for index, actor in enumerate(m.actors, start=1):
            cells: list[object] = [
                [
                    para(actor.name, s.cell_bold),
                    para(sector_text(tr, actor.sector), s.cell_small),
                ]
            ]
            for col, role in enumerate(roles, start=1):
                assignment = m.assignment(actor.id, role.id)
                # The cell in the role's colours (as on screen); amber when lacking.
                if assignment is None:
                    cells.append("")
                    continue
                if assignment.lacks_contribution:
                    cells.append("○")
                    fill, ink = LACKING_FILL, LACKING_INK
                else:
                    cells.append("●")
                    fill, ink = role_colours(role)
                extra.append(("BACKGROUND", (col, index), (col, index), fill))
                extra.append(("TEXTCOLOR", (col, index), (col, index), ink))
            count = m.roles_per_actor.get(actor.id, 0)
            cells.append(str(count))
            if count >= MANY_ROLES:
                extra.append(("TEXTCOLOR", (-1, index), (-1, index), BUSY))
                extra.append(("FONT", (-1, index), (-1, index), FONT_BOLD, 8.5))
            rows.append(cells)
        grid = data_table(rows, [actor_width, *([mark_width] * len(roles)), count_width], *extra)
        out = section(heading, WithNote(grid, self._matrix_legend()))
        out += self.assignments()
        return out

    def _matrix_legend(self) -> Paragraph:
        """The legend under the role matrix: the marks in the matrix's colours, and a
        clear gap between the two explanations."""
        text = self.tr._("● has the role   ○ expected, but no contribution agreed")
        filled, hollow, rest = text.partition("○")
        if not hollow:
            return para(text, self.s.small)
        filled = filled.strip()
        if filled.startswith("●"):
            filled = filled[1:].strip()
        gap = "\u00a0" * 6
        markup = (
            f"{tinted('●', INK)}\u00a0{esc(filled)}{gap}"
            f"{tinted('○', LACKING_INK)}\u00a0{esc(rest.strip())}"
        )
        return Paragraph(markup, self.s.small)

    def _contribution(self, role_id: str, contribution: str, lacking: bool) -> object:
        tr, s = self.tr, self.s
        if not lacking:
            return para(contribution or "–", s.cell)
        codes = {role.id: role.code for role in self.data.matrix.roles}
        if codes.get(role_id) == INFORMED:
            # An actor kept informed contributes nothing: what is open is how.
            text = tr._("Not agreed how")
        else:
            text = tr._("No contribution agreed")
        return Paragraph(tinted(text, BUSY), s.cell)

    def assignments(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        role_names = {role.id: role.name.get(tr.lang) for role in m.roles}
        order = {role.id: role.position for role in m.roles}
        rows: list[list[object]] = [
            [
                para(tr._("Actor"), s.head),
                para(tr._("Role"), s.head),
                para(tr._("Expectation"), s.head),
                para(tr._("Contribution"), s.head),
            ]
        ]
        groups: list[str | None] = [None]
        extra: list[tuple[object, ...]] = []
        for actor in m.actors:
            mine = sorted(
                (a for (actor_id, _r), a in m.assignments.items() if actor_id == actor.id),
                key=lambda a: order.get(a.role_id, 0),
            )
            first = True
            for a in mine:
                rows.append(
                    [
                        para(actor.name, s.cell_bold) if first else "",
                        para(role_names.get(a.role_id, "?"), s.cell),
                        para(a.expectation or "–", s.cell),
                        self._contribution(a.role_id, a.contribution, a.lacks_contribution),
                    ]
                )
                groups.append(actor.name)
                if first and len(rows) > 2:
                    extra.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.6, RULE))
                first = False
        if len(rows) == 1:
            return []
        widths = [130.0, 95.0]
        rest = (self.width - sum(widths)) / 2
        table = data_table(
            rows,
            [*widths, rest, rest],
            *extra,
            stripes=False,
            groups=groups,
            group_style=s.cell_bold,
        )
        return section(Heading(tr._("Expectations and contributions"), s.h3, level=1), table)

    def sector_mix(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        if not m.actors:
            return []
        total = sum(m.sector_mix.values())
        rows: list[list[object]] = [
            [para(tr._("Sector"), s.head), para(tr._("Actors"), s.head_right), ""]
        ]
        # In the program's sector order (as everywhere in Stad), unknown values last.
        order = [sector.value for sector in Sector]
        order += sorted(set(m.sector_mix) - set(order))
        present = [value for value in order if m.sector_mix.get(value, 0)]
        counts = [m.sector_mix[value] for value in present]
        # Shares in whole percent that add up to 100.
        for sector_value, count, percent in zip(
            present, counts, whole_percentages(counts), strict=True
        ):
            rows.append(
                [
                    para(sector_text(tr, sector_value), s.cell),
                    para(str(count), s.cell_right),
                    ProgressBar(
                        count / total if total else 0.0,
                        format_percent(percent / 100, tr),
                        width=150,
                    ),
                ]
            )
        table = data_table(rows, [150, 50, 170], ("VALIGN", (0, 1), (-1, -1), "MIDDLE"))
        note = para(
            tr._("{actors} actors from {sectors} sectors.").format(
                actors=total, sectors=len(m.sector_mix)
            ),
            s.small,
        )
        return section(Heading(tr._("Sector mix"), s.h2), WithNote(table, note))
