"""Small builders for the award page tests: form data for a nomination, uploads, a council session."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import AgendaItem, CouncilMember, CouncilSession, NominationType, NomineeKind, Round

PDF = b"%PDF-1.4 test dossier"


def nomination_data(*, award_form, campaign, proposing_unit, **fields) -> dict:
    """POST data for awards:create: a collective nominee (override with nominee_kind and its fields)."""
    data = {
        "proposing_unit": proposing_unit.pk,
        "nominee_kind": NomineeKind.COLLECTIVE,
        "award_form": award_form.pk,
        "campaign": campaign.pk,
        "type": NominationType.MERIT,
        "round": Round.ANNUAL,
        "round_year": 2024,
        "achievements": "Hoàn thành xuất sắc nhiệm vụ xây dựng nông thôn mới năm 2024.",
        "submission_number": "15/TTr-UBND",
        "submission_date": "15/12/2024",
    }
    data.update({key: getattr(value, "pk", value) for key, value in fields.items()})
    return data


def pdf_upload(name: str = "to-trinh.pdf", content: bytes = PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def open_session(unit, *, voters: int = 3, date=datetime.date(2024, 12, 20)) -> CouncilSession:
    session = CouncilSession.objects.create(council_unit=unit, title="Phiên họp Hội đồng TĐKT", date=date)
    for i in range(voters):
        CouncilMember.objects.create(session=session, name=f"Thành viên {i + 1}")
    return session


def on_agenda(nomination, session) -> AgendaItem:
    return AgendaItem.objects.create(session=session, nomination=nomination, order=1)
