"""Each check fires when its rule is broken, stays silent otherwise, and blocks submission only when an error."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import AgendaItem, Award, CouncilSession, Decision, Nomination, NominationType, NomineeKind, Round
from awards.services import check_nomination, submit_nomination
from awards.tests.conftest import POST_REFORM, PRE_REFORM, error_codes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Status = Nomination.Status


def findings(nomination) -> dict[str, str]:
    """code → level of every finding."""
    return {finding.code: finding.level for finding in check_nomination(nomination)}


@pytest.fixture
def make_award(tree, forms):
    """Factory: an award already granted to `nominee` by a district decision."""

    def make(nominee, *, type=NominationType.MERIT, round=Round.ANNUAL, round_year=2023, number=7):
        decision = Decision.objects.create(
            issuing_unit=tree.district,
            issuer_name="UBND huyện Hai",
            year=round_year,
            number=number,
            date=datetime.date(round_year, 12, 20),
            award_form=forms.district_certificate,
            legal_regime="2013",
            signer_name="Nguyễn Văn Ký",
            signer_title="Chủ tịch",
        )
        return Award.objects.create(
            decision=decision,
            nominee=nominee,
            award_form=forms.district_certificate,
            type=type,
            round=round,
            round_year=round_year,
        )

    return make


def test_a_complete_draft_only_awaits_the_council_minutes(draft):
    assert findings(draft) == {"missing_council_minutes": "warning"}


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.FORWARDED, Status.DECISION_ISSUED])
def test_the_same_nominee_twice_in_one_round_is_an_error(draft, make_nomination, status):
    make_nomination(nominee=draft.nominee, award_form=draft.award_form, status=status)

    assert findings(draft)["same_round"] == "error"


def test_a_second_record_of_the_same_nominee_counts_as_the_same_nominee(draft, make_nomination, make_nominee, tree):
    make_nomination(nominee=make_nominee(tree.village, name=draft.nominee.name.upper()))

    assert findings(draft)["same_round"] == "error"


def test_a_namesake_spelled_with_other_accents_is_another_nominee(make_nomination, make_nominee, tree):
    first = make_nomination(nominee=make_nominee(tree.village, kind=NomineeKind.INDIVIDUAL, name="Nguyễn Văn An"))
    make_nomination(nominee=make_nominee(tree.village, kind=NomineeKind.INDIVIDUAL, name="Nguyễn Văn Ân"))

    assert "same_round" not in findings(first)


@pytest.mark.parametrize("status", [Status.REJECTED, Status.CLOSED_DISSOLVED])
def test_a_nomination_that_ended_without_an_award_does_not_count_in_the_round(draft, make_nomination, status):
    make_nomination(nominee=draft.nominee, status=status, decision_reason="Không đạt")

    assert "same_round" not in findings(draft)


def test_the_same_nominee_in_another_round_is_fine(draft, make_nomination):
    make_nomination(nominee=draft.nominee, round_year=2023)
    make_nomination(nominee=draft.nominee, round=Round.FINAL, round_year=2024)

    assert "same_round" not in findings(draft)


def test_an_award_already_received_for_the_round_is_an_error(draft, make_award):
    make_award(draft.nominee, round_year=2024)

    finding = next(f for f in check_nomination(draft) if f.code == "already_awarded")
    assert finding.level == "error"
    assert "already received" in finding.message and "7/QĐ-UBND" in finding.message


def test_an_award_of_another_round_is_no_obstacle(draft, make_award):
    make_award(draft.nominee, round_year=2023)

    assert "already_awarded" not in findings(draft)


@pytest.mark.parametrize("earlier", [NominationType.CAMPAIGN, NominationType.SUDDEN])
def test_campaign_and_sudden_awards_cannot_ground_a_merit_nomination(draft, make_award, earlier):
    draft.grounds.add(make_award(draft.nominee, type=earlier))

    finding = next(f for f in check_nomination(draft) if f.code == "one_off_grounds")
    assert finding.level == "error"
    assert finding.message.endswith("cannot count toward a regular-merit award.")


def test_a_merit_award_may_ground_a_merit_nomination(draft, make_award):
    draft.grounds.add(make_award(draft.nominee, type=NominationType.MERIT))

    assert "one_off_grounds" not in findings(draft)


def test_a_campaign_nomination_may_cite_a_campaign_award(make_nomination, make_award):
    nomination = make_nomination(type=NominationType.CAMPAIGN)
    nomination.grounds.add(make_award(nomination.nominee, type=NominationType.CAMPAIGN))

    assert "one_off_grounds" not in findings(nomination)


def test_a_nominee_under_discipline_cannot_be_proposed(make_nomination, make_nominee):
    nominee = make_nominee(kind=NomineeKind.INDIVIDUAL, under_discipline=True, discipline_note="đang xem xét kỷ luật")
    nomination = make_nomination(nominee=nominee)

    finding = next(f for f in check_nomination(nomination) if f.code == "under_discipline")
    assert finding.level == "error"
    assert "đang xem xét kỷ luật" in finding.message


def test_a_nominee_not_under_discipline_passes(draft):
    assert "under_discipline" not in findings(draft)


def test_the_proposers_own_dossier_parts_are_errors_when_missing(make_nomination):
    nomination = make_nomination(parts=())

    assert findings(nomination) == {
        "missing_submission": "error",
        "missing_achievement_report": "error",
        "missing_council_minutes": "warning",
    }


def test_council_parts_are_warnings_until_the_council_votes_then_errors(make_nomination, forms, tree):
    nomination = make_nomination(award_form=forms.province_flag, status=Status.COUNCIL, reviewer_unit=tree.district)
    session = CouncilSession.objects.create(
        council_unit=tree.district, title="Phiên họp", date=PRE_REFORM, secret_ballot=False
    )
    item = AgendaItem.objects.create(session=session, nomination=nomination)
    assert findings(nomination) == {"missing_council_minutes": "warning", "missing_secret_ballot": "warning"}

    item.result = AgendaItem.Result.PASSED
    item.save()
    assert findings(nomination) == {"missing_council_minutes": "error", "missing_secret_ballot": "error"}


def test_the_council_produces_the_minutes_and_the_ballot_result(make_nomination, forms, tree, attach):
    nomination = make_nomination(award_form=forms.province_flag, reviewer_unit=tree.district)
    session = CouncilSession.objects.create(
        council_unit=tree.district, title="Phiên họp", date=PRE_REFORM, secret_ballot=True, minutes="Biên bản…"
    )
    AgendaItem.objects.create(session=session, nomination=nomination, result=AgendaItem.Result.PASSED)

    assert findings(nomination) == {}


def test_uploaded_minutes_count_as_the_part(draft, attach):
    attach(draft, "council_minutes")

    assert findings(draft) == {}


def test_documents_the_next_level_can_add_are_warnings(make_nomination, forms, tree):
    nomination = make_nomination(award_form=forms.pm_certificate)

    result = findings(nomination)
    assert result["missing_related_documents"] == "warning"
    assert result["missing_electronic_copy"] == "warning"


def test_the_district_chairmans_certificate_is_not_available_after_june_2025(make_nomination, tree):
    nomination = make_nomination(proposing_unit=tree.new_commune, submission_date=POST_REFORM)

    finding = next(f for f in check_nomination(nomination) if f.code == "form_unavailable")
    assert finding.level == "error"
    assert finding.message == (
        "Giấy khen của Chủ tịch UBND huyện is no longer granted on 12/08/2025: it ended on 30/06/2025."
    )


def test_a_form_is_not_available_before_it_starts(draft, forms):
    forms.district_certificate.valid_from = datetime.date(2025, 4, 1)
    forms.district_certificate.save()

    assert findings(draft)["form_unavailable"] == "error"


def test_a_form_available_on_the_date_passes(draft):
    assert "form_unavailable" not in findings(draft)


def test_a_nominee_kind_the_form_does_not_list_is_an_error(make_nomination, make_nominee, tree):
    nominee = make_nominee(tree.commune, kind=NomineeKind.EXTERNAL, name="Tổ chức phi chính phủ")

    assert findings(make_nomination(nominee=nominee))["nominee_kind"] == "error"


def test_a_nominee_kind_the_form_lists_passes(draft):
    assert "nominee_kind" not in findings(draft)


def test_a_form_not_listed_under_the_regime_of_the_date_is_a_warning(draft, forms):
    forms.district_certificate.regimes = ["2013"]
    forms.district_certificate.save()

    assert findings(draft)["regime"] == "warning"


def test_a_form_listed_under_the_regime_of_the_date_passes(draft):
    assert "regime" not in findings(draft)


def test_submission_is_refused_while_an_error_stands(make_nomination, officer):
    nomination = make_nomination(parts=("submission",))

    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=officer)

    assert error_codes(error.value) == ["missing_achievement_report"]
    assert error.value.messages == [
        "Missing from the dossier: Achievement report, one per nominee (báo cáo thành tích)."
    ]
    nomination.refresh_from_db()
    assert nomination.status == Status.DRAFT


def test_warnings_do_not_block_submission(draft, officer):
    submit_nomination(draft, by=officer)

    assert draft.status == Status.SUBMITTED


def test_submission_needs_the_date_of_the_submission_letter(make_nomination, officer):
    nomination = make_nomination(submission_date=None)

    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=officer)

    assert error_codes(error.value) == ["no_date"]
    assert "submission_date" in error.value.message_dict


def test_submission_refuses_a_date_in_the_future(make_nomination, tree, new_officer):
    next_year = datetime.date.today() + datetime.timedelta(days=366)
    nomination = make_nomination(proposing_unit=tree.new_commune, submission_date=next_year)

    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=new_officer)

    assert error_codes(error.value) == ["future_date"]
