"""Decisions: who may issue what, the gap-free numbering per body and year, the awards granted, the history."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from awards.models import Award, CouncilSession, Decision, DecisionCounter, LegalRegime, Nomination, NomineeKind, Round
from awards.services import award_history, decision_symbol, issue_decision
from awards.tests.conftest import error_codes
from units.models import Kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Status = Nomination.Status
JUNE_2025 = datetime.date(2025, 6, 20)


@pytest.fixture
def approved(at_district, make_nominee, tree):
    """Factory: approved nominations waiting at the district, each for a different household."""
    count = iter(range(1, 1000))

    def make(**fields):
        fields.setdefault("nominee", make_nominee(tree.village, kind=NomineeKind.HOUSEHOLD, name=f"Hộ {next(count)}"))
        return at_district(Status.APPROVED, **fields)

    return make


@pytest.fixture
def issue(tree, reviewer):
    """issue(nominations, date=…, issuing_unit=…): issue_decision with a signer and a basis."""

    def run(nominations, *, date=JUNE_2025, issuing_unit=None, **fields):
        return issue_decision(
            nominations,
            issuing_unit=issuing_unit or tree.district,
            date=date,
            signer_name=fields.pop("signer_name", "Nông Văn Ký"),
            signer_title=fields.pop("signer_title", "Chủ tịch UBND huyện"),
            legal_basis="Luật Thi đua, khen thưởng số 06/2022/QH15",
            by=reviewer,
            **fields,
        )

    return run


def test_a_decision_grants_the_form_to_each_nomination_in_its_annex(approved, issue, tree, forms, reviewer):
    first, second = approved(round=Round.FINAL, round_year=2025), approved(round=Round.FINAL, round_year=2025)
    decision = issue([second, first])

    assert decision.reference == "1/QĐ-UBND"
    assert (decision.issuer_name, decision.year, decision.award_form) == (
        "UBND huyện Hai",
        2025,
        forms.district_certificate,
    )
    assert decision.legal_regime == LegalRegime.DECREE_98
    assert decision.issued_by == reviewer
    awards = list(decision.awards.order_by("order"))
    assert [(a.nomination, a.nominee, a.order) for a in awards] == [
        (second, second.nominee, 1),
        (first, first.nominee, 2),
    ]
    assert {(a.type, a.round, a.round_year) for a in awards} == {("merit", "final", 2025)}
    assert len({a.serial for a in awards}) == 2


def test_issued_nominations_leave_the_queue_with_a_logged_event(approved, issue, tree, reviewer):
    nomination = approved()
    issue([nomination])

    nomination.refresh_from_db()
    assert nomination.status == Status.DECISION_ISSUED
    assert nomination.reviewer_unit is None
    event = nomination.events.get()
    assert (event.action, event.from_status, event.unit, event.by) == ("issue", "approved", tree.district, reviewer)
    assert event.comment == "Decision 1/QĐ-UBND of 20/06/2025"


def test_numbers_run_on_per_body_and_restart_each_year(approved, issue, tree, forms, make_nomination):
    numbers = [issue([approved()], date=datetime.date(2024, 3, 1)).number for _ in range(3)]
    numbers.append(issue([approved()], date=JUNE_2025).number)
    commune_item = make_nomination(
        award_form=forms.commune_certificate, status=Status.APPROVED, reviewer_unit=tree.commune
    )
    numbers.append(issue([commune_item], issuing_unit=tree.commune, date=JUNE_2025).number)

    assert numbers == [1, 2, 3, 1, 1]
    assert DecisionCounter.objects.get(issuing_unit=tree.district, year=2024).last_number == 3


def test_a_refused_decision_takes_no_number(approved, issue, at_district):
    with pytest.raises(ValidationError):
        issue([approved(), at_district(Status.COUNCIL)])

    assert issue([approved()]).number == 1


def test_a_decision_that_fails_after_taking_its_number_gives_it_back(approved, issue, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(Award.objects, "bulk_create", broken)
        with pytest.raises(RuntimeError):
            issue([approved()])

    assert not Decision.objects.exists()
    assert issue([approved()]).number == 1


def test_a_second_click_on_issue_is_refused_and_takes_no_number(approved, issue):
    nomination = approved()
    issue([nomination])

    with pytest.raises(ValidationError) as error:
        issue([nomination])

    assert error_codes(error.value) == ["status"]
    assert issue([approved()]).number == 2


@pytest.mark.parametrize("status", [Status.IN_APPRAISAL, Status.COUNCIL, Status.DECISION_ISSUED, Status.FORWARDED])
def test_only_approved_nominations_are_issued(at_district, issue, status):
    with pytest.raises(ValidationError) as error:
        issue([at_district(status)])

    assert error_codes(error.value) == ["status"]


def test_a_decision_covers_only_nominations_waiting_at_the_issuing_body(make_nomination, issue, tree):
    elsewhere = make_nomination(status=Status.APPROVED, reviewer_unit=tree.new_province)

    with pytest.raises(ValidationError) as error:
        issue([elsewhere])

    assert error_codes(error.value) == ["other_unit"]


def test_a_decision_grants_a_single_form(approved, issue, make_nomination, forms, tree):
    other = make_nomination(award_form=forms.province_merit, status=Status.APPROVED, reviewer_unit=tree.district)

    with pytest.raises(ValidationError) as error:
        issue([approved(), other])

    assert error_codes(error.value) == ["forms"]


def test_a_body_issues_only_forms_of_its_level(make_nomination, issue, forms, tree):
    beyond = make_nomination(award_form=forms.province_merit, status=Status.APPROVED, reviewer_unit=tree.district)

    with pytest.raises(ValidationError) as error:
        issue([beyond])

    assert error_codes(error.value) == ["authority"]


def test_the_district_chairmans_certificate_cannot_be_issued_after_june_2025(approved, issue):
    with pytest.raises(ValidationError) as error:
        issue([approved()], date=datetime.date(2025, 7, 1))

    assert error_codes(error.value) == ["form_unavailable"]
    assert "date" in error.value.message_dict


def test_a_body_issues_only_while_it_exists(make_nomination, issue, forms, tree):
    nomination = make_nomination(award_form=forms.province_merit, status=Status.APPROVED, reviewer_unit=tree.province)

    with pytest.raises(ValidationError) as error:
        issue([nomination], issuing_unit=tree.province, date=datetime.date(2025, 7, 2))

    assert error_codes(error.value) == ["unit_not_valid"]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"date": datetime.date.today() + datetime.timedelta(days=2)}, "future_date"),
        ({"date": None}, "no_date"),
        ({"signer_name": " "}, "no_signer"),
    ],
)
def test_a_decision_needs_a_past_date_and_a_signer(approved, issue, fields, code):
    with pytest.raises(ValidationError) as error:
        issue([approved()], **fields)

    assert error_codes(error.value) == [code]


def test_a_decision_needs_nominations(issue):
    with pytest.raises(ValidationError) as error:
        issue([])

    assert error_codes(error.value) == ["empty"]


def test_a_decision_may_cite_its_own_levels_council_session_only(approved, issue, tree, reviewer):
    own = CouncilSession.objects.create(council_unit=tree.district, title="Phiên họp", date=JUNE_2025)
    other = CouncilSession.objects.create(council_unit=tree.province, title="Phiên họp tỉnh", date=JUNE_2025)

    assert issue([approved()], session=own).council_session == own
    with pytest.raises(ValidationError) as error:
        issue([approved()], session=other)
    assert error_codes(error.value) == ["session"]


def test_the_symbol_is_configurable_and_agencies_use_their_initials(tree, make_unit, settings):
    assert decision_symbol(tree.district) == "QĐ-UBND"
    assert decision_symbol(make_unit("Ban Dân tộc", Kind.AGENCY, tree.province)) == "QĐ-BDT"
    settings.AWARDS_UBND_DECISION_SYMBOL = "QĐ-CT"
    assert decision_symbol(tree.district) == "QĐ-CT"


def test_an_explicit_symbol_wins(approved, issue):
    assert issue([approved()], symbol="QĐ-CTUBND").reference == "1/QĐ-CTUBND"


def test_the_award_history_lists_a_nominees_awards_newest_first_in_one_query(
    approved, issue, django_assert_num_queries
):
    old = approved(round_year=2023)
    new = approved(nominee=old.nominee, round_year=2024)
    older_decision = issue([old], date=datetime.date(2024, 1, 10))
    newer_decision = issue([new], date=JUNE_2025)

    with django_assert_num_queries(1):
        history = [
            (award.decision.reference, award.decision.issuing_unit.name, award.award_form.name)
            for award in award_history(old.nominee)
        ]

    assert history == [
        (newer_decision.reference, "Huyện Hai", "Giấy khen của Chủ tịch UBND huyện"),
        (older_decision.reference, "Huyện Hai", "Giấy khen của Chủ tịch UBND huyện"),
    ]


# Issuing at the same moment (PostgreSQL: SQLite serialises every write, so it cannot show a race)


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL row locks (run with DATABASE_URL=postgres://…)"
)


def issue_at_once(jobs) -> tuple[list, list]:
    """Run each job in its own thread and connection, all released at the same moment."""
    barrier, results, failures = threading.Barrier(len(jobs)), [], []

    def run(job):
        try:
            barrier.wait(timeout=10)
            results.append(job())
        except Exception as error:  # collected, and asserted on below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, failures


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_decisions_issued_at_the_same_moment_get_numbers_without_gap_or_duplicate(approved, issue):
    nominations = [approved() for _ in range(8)]
    decisions, failures = issue_at_once([lambda n=n: issue([n]) for n in nominations])

    assert failures == []
    assert sorted(decision.number for decision in decisions) == list(range(1, 9))
    assert DecisionCounter.objects.get().last_number == 8


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_same_nomination_issued_twice_at_once_is_issued_once(approved, issue):
    nomination, other = approved(), approved()
    decisions, failures = issue_at_once(
        [lambda: issue([nomination]), lambda: issue([nomination]), lambda: issue([other])]
    )

    assert len(failures) == 1 and error_codes(failures[0]) == ["status"]
    assert sorted(decision.number for decision in decisions) == [1, 2]
    assert Award.objects.filter(nomination=nomination).count() == 1
