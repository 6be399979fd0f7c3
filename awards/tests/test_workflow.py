"""Each step moves a nomination from the right status only, records who did it at which level, and a second
click (or a stale page) is refused by the conditional update."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import LegalRegime, Nomination, NominationEvent
from awards.services import (
    changes_since_return,
    close_dissolved,
    forward_nomination,
    reject_nomination,
    return_nomination,
    start_appraisal,
    submit_nomination,
)
from awards.tests.conftest import POST_REFORM, error_codes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Status = Nomination.Status


def events(nomination) -> list[tuple]:
    return list(NominationEvent.objects.filter(nomination=nomination).values_list("action", "from_status", "to_status"))


# Submission


def test_submitting_sends_the_draft_to_the_district_under_the_regime_of_its_date(draft, tree, officer):
    submit_nomination(draft, by=officer)

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.reviewer_unit == tree.district
    assert draft.legal_regime == LegalRegime.DECREE_98
    assert draft.version == 2
    event = draft.events.get()
    assert (event.action, event.from_status, event.to_status) == ("submit", "draft", "submitted")
    assert (event.unit, event.by) == (tree.commune, officer)


def test_a_submission_dated_after_the_reform_is_under_decree_152(make_nomination, forms, tree, new_officer):
    nomination = make_nomination(
        award_form=forms.province_merit, proposing_unit=tree.new_commune, submission_date=POST_REFORM
    )
    submit_nomination(nomination, by=new_officer)

    assert nomination.legal_regime == LegalRegime.DECREE_152


def test_a_second_click_on_submit_is_refused(draft, officer):
    stale = Nomination.objects.get(pk=draft.pk)
    submit_nomination(draft, by=officer)

    with pytest.raises(ValidationError) as error:
        submit_nomination(stale, by=officer)

    assert error_codes(error.value) == ["status"]
    assert len(events(draft)) == 1


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.IN_APPRAISAL, Status.APPROVED, Status.REJECTED])
def test_only_a_draft_or_returned_nomination_can_be_submitted(make_nomination, officer, status):
    nomination = make_nomination(status=status, decision_reason="x")

    with pytest.raises(ValidationError):
        submit_nomination(nomination, by=officer)

    assert events(nomination) == []


# Appraisal, return, rejection


def test_the_reviewer_takes_a_submitted_nomination_into_appraisal(at_district, tree, reviewer):
    nomination = at_district(Status.SUBMITTED)
    start_appraisal(nomination, by=reviewer)

    assert nomination.status == Status.IN_APPRAISAL
    event = nomination.events.get()
    assert (event.action, event.unit, event.by) == ("appraise", tree.district, reviewer)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_APPRAISAL, Status.COUNCIL, Status.APPROVED])
def test_appraisal_starts_only_from_submitted(at_district, reviewer, status):
    nomination = at_district(status)

    with pytest.raises(ValidationError) as error:
        start_appraisal(nomination, by=reviewer)

    assert error_codes(error.value) == ["status"]


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.IN_APPRAISAL])
def test_returning_gives_the_proposer_the_reason(at_district, reviewer, status):
    nomination = at_district(status)
    return_nomination(nomination, by=reviewer, reason="  Bổ sung biên bản họp thôn.  ")

    assert nomination.status == Status.RETURNED
    assert nomination.return_reason == "Bổ sung biên bản họp thôn."
    assert nomination.returned_at is not None
    assert nomination.events.get().comment == "Bổ sung biên bản họp thôn."


def test_returning_needs_a_reason(at_district, reviewer):
    nomination = at_district()

    with pytest.raises(ValidationError) as error:
        return_nomination(nomination, by=reviewer, reason="  ")

    assert error_codes(error.value) == ["no_reason"]
    assert "reason" in error.value.message_dict
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_APPRAISAL


@pytest.mark.parametrize("status", [Status.DRAFT, Status.COUNCIL, Status.APPROVED, Status.RETURNED])
def test_returning_works_only_during_review(at_district, reviewer, status):
    nomination = at_district(status, return_reason="x")

    with pytest.raises(ValidationError):
        return_nomination(nomination, by=reviewer, reason="Thiếu hồ sơ")

    assert events(nomination) == []


def test_a_resubmission_goes_back_to_the_level_that_returned_it(make_nomination, forms, tree, officer, reviewer):
    # The province returned a nomination the district had forwarded: it goes back to the province.
    nomination = make_nomination(
        award_form=forms.province_merit, status=Status.IN_APPRAISAL, reviewer_unit=tree.new_province
    )
    return_nomination(nomination, by=reviewer, reason="Thiếu tờ trình")
    submit_nomination(nomination, by=officer)

    assert nomination.status == Status.SUBMITTED
    assert nomination.reviewer_unit == tree.new_province
    assert events(nomination)[-1] == ("resubmit", "returned", "submitted")


def test_the_reviewer_sees_what_changed_since_the_return(at_district, reviewer, officer, attach):
    nomination = at_district()
    nomination.achievements = "Bản trước khi trả lại."
    nomination.save()
    return_nomination(nomination, by=reviewer, reason="Viết lại báo cáo")

    nomination.achievements = "Bản đã sửa."
    nomination._history_user = officer
    nomination.save()
    attach(nomination, "council_minutes", by=officer)
    changes = changes_since_return(nomination)

    assert [(c.label, c.old, c.new, c.by) for c in changes] == [
        ("achievements (báo cáo thành tích)", "Bản trước khi trả lại.", "Bản đã sửa.", officer),
        (
            "Dossier: Minutes of the emulation and commendation council meeting (biên bản họp Hội đồng TĐKT)",
            "—",
            "council_minutes",
            officer,
        ),
    ]


def test_nothing_is_listed_as_changed_before_a_return(draft):
    draft.achievements = "Sửa khi còn là bản nháp."
    draft.save()

    assert changes_since_return(draft) == []


def test_rejecting_closes_the_nomination_with_its_reason(at_district, reviewer):
    nomination = at_district()
    reject_nomination(nomination, by=reviewer, reason="Chưa đủ tiêu chuẩn")

    assert nomination.status == Status.REJECTED
    assert nomination.decision_reason == "Chưa đủ tiêu chuẩn"
    assert nomination.reviewer_unit is None
    assert events(nomination) == [("reject", "appraisal", "rejected")]


def test_rejecting_needs_a_reason(at_district, reviewer):
    with pytest.raises(ValidationError) as error:
        reject_nomination(at_district(), by=reviewer, reason="")

    assert error_codes(error.value) == ["no_reason"]


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.COUNCIL, Status.APPROVED])
def test_rejecting_works_only_in_appraisal(at_district, reviewer, status):
    with pytest.raises(ValidationError) as error:
        reject_nomination(at_district(status), by=reviewer, reason="Không đạt")

    assert error_codes(error.value) == ["status"]


# Forwarding


def test_forwarding_today_puts_the_nomination_in_the_2025_province_queue(at_district, forms, tree, reviewer):
    nomination = at_district(Status.APPROVED, award_form=forms.province_merit)
    forward_nomination(nomination, by=reviewer)

    assert nomination.status == Status.SUBMITTED
    assert nomination.reviewer_unit == tree.new_province
    assert list(Nomination.objects.awaiting(tree.new_province)) == [nomination]
    event = nomination.events.get()
    assert (event.action, event.unit, event.comment) == ("forward", tree.district, "Forwarded to Tỉnh Một.")


def test_forwarding_from_the_province_leaves_the_app(make_nomination, forms, tree, province_reviewer):
    nomination = make_nomination(
        award_form=forms.pm_certificate, status=Status.APPROVED, reviewer_unit=tree.new_province
    )
    forward_nomination(nomination, by=province_reviewer)

    assert nomination.status == Status.FORWARDED
    assert nomination.reviewer_unit is None
    assert events(nomination) == [("forward", "approved", "forwarded")]


def test_a_nomination_within_the_reviewers_authority_is_not_forwarded(at_district, reviewer):
    nomination = at_district(Status.APPROVED)

    with pytest.raises(ValidationError) as error:
        forward_nomination(nomination, by=reviewer)

    assert error_codes(error.value) == ["within_authority"]
    nomination.refresh_from_db()
    assert nomination.status == Status.APPROVED


@pytest.mark.parametrize("status", [Status.IN_APPRAISAL, Status.COUNCIL, Status.SUBMITTED])
def test_only_an_approved_nomination_is_forwarded(at_district, forms, reviewer, status):
    with pytest.raises(ValidationError) as error:
        forward_nomination(at_district(status, award_form=forms.province_merit), by=reviewer)

    assert error_codes(error.value) == ["status"]


def test_a_second_click_on_forward_is_refused(at_district, forms, reviewer):
    nomination = at_district(Status.APPROVED, award_form=forms.province_merit)
    stale = Nomination.objects.get(pk=nomination.pk)
    forward_nomination(nomination, by=reviewer)

    with pytest.raises(ValidationError):
        forward_nomination(stale, by=reviewer)

    assert len(events(nomination)) == 1


# Dissolved bodies


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.IN_APPRAISAL, Status.APPROVED])
def test_a_nomination_of_a_dissolved_body_can_be_closed(at_district, province_reviewer, status):
    nomination = at_district(status)
    close_dissolved(nomination, by=province_reviewer, note="Huyện Hai giải thể từ 01/07/2025 (TT 15/2025).")

    assert nomination.status == Status.CLOSED_DISSOLVED
    assert nomination.reviewer_unit is None
    event = nomination.events.get()
    assert (event.action, event.comment) == ("close_dissolved", "Huyện Hai giải thể từ 01/07/2025 (TT 15/2025).")


def test_closing_as_dissolved_without_a_note_names_the_body(at_district, province_reviewer):
    nomination = at_district()
    close_dissolved(nomination, by=province_reviewer, note="")

    assert nomination.events.get().comment == "Xã Trường Hà (before 07/2025) was dissolved (TT 15/2025/TT-BNV)."


def test_a_nomination_whose_bodies_exist_cannot_be_closed_as_dissolved(make_nomination, forms, tree, province_reviewer):
    nomination = make_nomination(
        award_form=forms.province_merit,
        proposing_unit=tree.new_commune,
        submission_date=POST_REFORM,
        status=Status.IN_APPRAISAL,
        reviewer_unit=tree.new_province,
    )
    with pytest.raises(ValidationError) as error:
        close_dissolved(nomination, by=province_reviewer, note="")

    assert error_codes(error.value) == ["not_dissolved"]


@pytest.mark.parametrize("status", [Status.DECISION_ISSUED, Status.REJECTED, Status.FORWARDED])
def test_a_closed_nomination_cannot_be_closed_again(make_nomination, province_reviewer, status):
    nomination = make_nomination(status=status, decision_reason="x")

    with pytest.raises(ValidationError) as error:
        close_dissolved(nomination, by=province_reviewer, note="")

    assert error_codes(error.value) == ["status"]


def test_every_step_of_a_full_path_is_logged_in_order(draft, forms, tree, officer, reviewer):
    submit_nomination(draft, by=officer)
    start_appraisal(draft, by=reviewer)
    return_nomination(draft, by=reviewer, reason="Bổ sung")
    submit_nomination(draft, by=officer)
    start_appraisal(draft, by=reviewer)
    reject_nomination(draft, by=reviewer, reason="Không đạt")

    assert [action for action, _from, _to in events(draft)] == [
        "submit",
        "appraise",
        "return",
        "resubmit",
        "appraise",
        "reject",
    ]
    assert draft.version == 7
    assert draft.history.count() == 7  # the creation and one record per step
