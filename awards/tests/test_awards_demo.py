import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.demo import load_awards
from awards.models import (
    AgendaItem,
    Award,
    Ballot,
    CouncilMember,
    CouncilSession,
    Decision,
    DossierFile,
    Nomination,
    NominationEvent,
    Nominee,
    NomineeKind,
    Round,
)
from campaigns.demo.plans import load_plans
from units.demo import demo_unit, load_accounts, load_units
from units.models import REFORM_DATE, CodeScheme, Kind, Unit

pytestmark = pytest.mark.django_db

MODELS = [Nominee, Nomination, NominationEvent, DossierFile, CouncilSession, CouncilMember, AgendaItem, Ballot]
MODELS += [Decision, Award, Nomination.history.model]


@pytest.fixture
def demo():
    load_units()
    load_accounts()
    load_plans()
    return load_awards()


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_changes_nothing(demo):
    before = counts()
    serials = set(Award.objects.values_list("serial", flat=True))
    tally = load_awards()

    assert demo["created"] > 0
    assert tally["created"] == tally["updated"] == 0
    assert counts() == before
    assert set(Award.objects.values_list("serial", flat=True)) == serials


def test_the_demo_has_a_nomination_at_every_stage_of_the_workflow(demo):
    assert set(Nomination.objects.values_list("status", flat=True)) == set(Nomination.Status.values)
    returned = Nomination.objects.get(status=Nomination.Status.RETURNED)
    assert returned.return_reason
    assert not Nomination.objects.filter(is_demo=False).exists()


def test_the_demo_nominates_every_kind_of_nominee(demo):
    kinds = set(Nominee.objects.values_list("kind", "unit__kind"))
    assert (NomineeKind.COLLECTIVE, Kind.COMMUNE) in kinds
    assert (NomineeKind.COLLECTIVE, Kind.VILLAGE) in kinds
    assert (NomineeKind.HOUSEHOLD, Kind.VILLAGE) in kinds
    assert (NomineeKind.ENTERPRISE, Kind.COOPERATIVE) in kinds
    farmer = Nominee.objects.get(kind=NomineeKind.INDIVIDUAL, name="Nông Văn Thào")
    assert "hiến 600 m² đất" in farmer.nominations.get().achievements


def test_the_ha_quang_council_voted_and_closed_with_minutes(demo):
    session = CouncilSession.objects.get(
        council_unit=demo_unit((CodeScheme.LEGACY, "045")), date=datetime.date(2024, 12, 18)
    )
    assert session.status == CouncilSession.Status.CLOSED
    assert session.minutes
    assert session.members.filter(role=CouncilMember.Role.SECRETARY).exists()
    assert Ballot.objects.filter(item__session=session, vote=Ballot.Vote.CONFLICT).count() == 1
    assert set(session.agenda.values_list("result", flat=True)) == {AgendaItem.Result.PASSED}
    failed = AgendaItem.objects.get(result=AgendaItem.Result.FAILED)
    assert failed.nomination.status == Nomination.Status.REJECTED


def test_the_provinces_secret_ballot_keeps_only_the_totals(demo):
    session = CouncilSession.objects.get(council_unit=demo_unit((CodeScheme.Y2025, "04")))
    item = session.agenda.get()
    assert session.secret_ballot
    assert (item.agree, item.result) == (4, AgendaItem.Result.PASSED)
    assert not Ballot.objects.filter(item=item).exists()
    assert item.nomination.status == Nomination.Status.FORWARDED


def test_the_district_issued_numbered_decisions_in_2023_and_2024(client, demo):
    decisions = Decision.objects.filter(issuing_unit=demo_unit((CodeScheme.LEGACY, "045"))).order_by("year")
    assert [(d.year, d.reference, d.awards.count()) for d in decisions] == [
        (2023, "1/QĐ-UBND", 3),
        (2024, "1/QĐ-UBND", 2),
    ]
    assert all(decision.is_demo and decision.council_session for decision in decisions)
    award = Award.objects.filter(is_demo=True).first()
    assert client.get(reverse("awards:verify", args=[award.verification_token])).status_code == 200


def test_nominations_route_by_their_submission_date(demo):
    district = demo_unit((CodeScheme.LEGACY, "045"))
    province_2025 = demo_unit((CodeScheme.Y2025, "04"))
    first_appraisal = {}
    for event in NominationEvent.objects.filter(action="appraise").select_related("nomination").order_by("at", "pk"):
        first_appraisal.setdefault(event.nomination, event.unit_id)

    expected = {n: district.pk if n.submission_date < REFORM_DATE else province_2025.pk for n in first_appraisal}
    assert first_appraisal == expected
    assert set(expected.values()) == {district.pk, province_2025.pk}


def test_events_are_dated_on_the_day_of_each_step(demo):
    submissions = NominationEvent.objects.filter(action="submit").select_related("nomination")
    assert submissions
    for event in submissions:
        assert timezone.localtime(event.at).date() == event.nomination.submission_date
    issued = NominationEvent.objects.filter(action="issue").select_related("nomination__award__decision")
    assert {timezone.localtime(e.at).date() for e in issued} == set(Decision.objects.values_list("date", flat=True))


def test_the_walk_through_can_still_propose_truong_has_villages_for_2024(demo):
    truong_ha = demo_unit((CodeScheme.LEGACY, "01399"))
    places = Unit.objects.within(truong_ha).filter(kind__in=[Kind.COMMUNE, Kind.VILLAGE])
    assert not Nomination.objects.filter(
        nominee__unit__in=places, nominee__kind=NomineeKind.COLLECTIVE, round=Round.ANNUAL, round_year=2024
    ).exists()
