"""Whoever asked for a report is told when it is ready; a failed build tells nobody it is ready."""

import pytest
from django.core import mail
from django.urls import reverse

from reports.models import Report
from reports.tasks import build_report
from units.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_the_requester_is_told_when_the_report_is_ready(
    district_with_plan, district_officer, district_leader, django_capture_on_commit_callbacks
):
    district_officer.email = "officer@huyen.vn"
    district_officer.save(update_fields=["email"])
    report = Report.objects.create(
        kind=Report.Kind.ANNUAL,
        unit=district_with_plan.district,
        year=2024,
        language="vi",
        requested_by=district_officer,
    )

    with django_capture_on_commit_callbacks(execute=True):
        build_report(report.pk)

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (district_officer, NotificationKind.REPORT_READY)
    assert notification.url == reverse("reports:detail", args=[report.pk])
    assert [message.to for message in mail.outbox] == [["officer@huyen.vn"]]


def test_a_failed_build_tells_nobody_it_is_ready(district_with_plan, district_officer, monkeypatch):
    monkeypatch.setattr("reports.tasks.render_pdf", lambda *args, **kwargs: 1 / 0)
    report = Report.objects.create(
        kind=Report.Kind.ANNUAL,
        unit=district_with_plan.district,
        year=2024,
        language="vi",
        requested_by=district_officer,
    )

    build_report(report.pk)

    assert not Notification.objects.exists()
