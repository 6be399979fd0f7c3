"""A nomination's proposer hears of its return and decision, the level above of its forwarding; nobody else."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from awards.models import Nomination, NomineeKind
from awards.services import forward_nomination, issue_decision, return_nomination
from units.models import Role
from units.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db

Status = Nomination.Status


@pytest.fixture
def people(make_user, tree, officer):
    officer.email = "officer@xa.vn"
    officer.save(update_fields=["email"])
    return type(
        "People",
        (),
        {
            "officer": officer,
            "reviewer": make_user("district_reviewer", (tree.district, Role.HOME_AFFAIRS), email="noivu@huyen.vn"),
            "province": make_user("province_reviewer", (tree.new_province, Role.HOME_AFFAIRS), email="so@tinh.vn"),
            "neighbour": make_user("neighbour", (tree.neighbour, Role.COMMUNE_OFFICER), email="ngocdao@xa.vn"),
            "outsider": make_user("outsider", (tree.other_province, Role.HOME_AFFAIRS), email="khac@tinh.vn"),
        },
    )


def recipients(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_a_returned_nomination_tells_the_proposing_unit_with_the_reason(
    at_district, people, django_capture_on_commit_callbacks
):
    nomination = at_district()

    with django_capture_on_commit_callbacks(execute=True):
        return_nomination(nomination, by=people.reviewer, reason="Bổ sung báo cáo thành tích")

    assert recipients(NotificationKind.NOMINATION_RETURNED) == ["officer"]
    notification = Notification.objects.get()
    assert notification.body == "Bổ sung báo cáo thành tích"
    assert notification.url == reverse("awards:detail", args=[nomination.pk])
    assert [message.to for message in mail.outbox] == [["officer@xa.vn"]]


def test_a_forwarded_nomination_tells_the_reviewers_of_the_level_above(
    at_district, forms, people, tree, django_capture_on_commit_callbacks
):
    nomination = at_district(Status.APPROVED, award_form=forms.province_merit)

    with django_capture_on_commit_callbacks(execute=True):
        forward_nomination(nomination, by=people.reviewer)

    assert recipients(NotificationKind.NOMINATION_FORWARDED) == ["province_reviewer"]
    assert Notification.objects.get().url == reverse("awards:appraise", args=[nomination.pk])
    assert [message.to for message in mail.outbox] == [["so@tinh.vn"]]


def test_a_nomination_forwarded_out_of_the_app_tells_nobody(make_nomination, forms, tree, people):
    nomination = make_nomination(
        award_form=forms.pm_certificate, status=Status.APPROVED, reviewer_unit=tree.new_province
    )

    forward_nomination(nomination, by=people.province)

    assert not Notification.objects.exists()


def test_a_decision_tells_each_proposer_and_the_nominees_unit_once(
    at_district, make_nominee, make_user, tree, people, django_capture_on_commit_callbacks
):
    head = make_user("head", (tree.village, Role.LEADER), email="truongxom@xa.vn")
    nominations = [
        at_district(Status.APPROVED, nominee=make_nominee(tree.village, kind=NomineeKind.HOUSEHOLD, name=f"Hộ {n}"))
        for n in range(2)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        decision = issue_decision(
            nominations,
            issuing_unit=tree.district,
            date=datetime.date(2025, 6, 20),
            signer_name="Nông Văn Ký",
            signer_title="Chủ tịch UBND huyện",
            legal_basis="Luật Thi đua, khen thưởng",
            by=people.reviewer,
        )

    assert recipients(NotificationKind.NOMINATION_DECIDED) == ["head", "head", "officer", "officer"]
    assert all(decision.reference in n.subject for n in Notification.objects.all())
    assert sorted(message.to[0] for message in mail.outbox) == sorted(["officer@xa.vn", "truongxom@xa.vn"] * 2)
    assert head.notifications.count() == 2
