"""Printouts leave out contact persons whose personal data is due for review, and
say so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from stad_desktop.reports.api import make_project_summary
from stad_desktop.services import Services


def test_due_contact_is_left_out_of_the_summary(demo_services: Services, tmp_path: Path) -> None:
    project = next(p for p in demo_services.projects.list() if p.name == "Folkehelse i bygdene")
    person = demo_services.personal_data.find("Ingrid Hjelmeland")
    demo_services.personal_data.set_basis(
        person.id, "public_task", review_date=dt.date.today() - dt.timedelta(days=1)
    )
    out = make_project_summary(
        demo_services, project.id, tmp_path / "s.pdf", lang="en", include_contacts=True
    )
    text = " ".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "ingrid.hjelmeland@stad.example" not in text
    assert "1contactpersonisleftout:theirpersonaldataisdueforreview." in text
    assert "sigurd.eide@stad.example" in text or "Contactpersons" in text
