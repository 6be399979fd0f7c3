"""Requesting reports: a new numbered version each time, built after the commit by the worker."""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import translation

from campaigns.models import Campaign
from reports.models import Report
from reports.requeue import send_build
from reports.scope import campaign_for, report_year
from units.models import Role, Unit, User

REQUEST_ROLES = (
    Role.LEADER,
    Role.HOME_AFFAIRS,
    Role.PROVINCE_STAFF,
    Role.AGENCY_OFFICER,
    Role.COMMUNE_OFFICER,
    Role.ADMINISTRATOR,
)


def can_request(user: User, unit: Unit) -> bool:
    """A requesting role held at the unit itself (a report speaks for its own unit), or an administrator."""
    if user.sees_everything:
        return True
    return any(m.role in REQUEST_ROLES and m.unit_id == unit.pk for m in user.active_memberships)


@transaction.atomic
def request_report(
    kind: str,
    *,
    unit: Unit,
    year: int | None,
    narrative: dict,
    by: User | None,
    parameters: dict | None = None,
    language: str | None = None,
    decision=None,
    session=None,
) -> Report:
    """Queue a new version of the report (earlier versions stay: a leader may have signed one).

    An award document names its decision (the decision and the certificate sheet) or its council
    session (the minutes); its versions are counted per decision or session.
    """
    parameters = dict(parameters or {})
    chosen = Campaign.objects.filter(pk=parameters["campaign"]).first() if parameters.get("campaign") else None
    year = report_year(kind, year, chosen)
    if "campaign" not in parameters and year and not (decision or session):
        campaign = campaign_for(unit, year)
        if campaign:
            parameters["campaign"] = campaign.pk
    report = Report(
        kind=kind,
        unit=unit,
        year=year,
        parameters=parameters,
        narrative=narrative,
        language=language or translation.get_language() or "vi",
        requested_by=by,
        decision=decision,
        session=session,
    )
    _save_as_next_version(report)
    # After the commit, so the worker finds the row; a broker that is away leaves the report queued for
    # requeue_reports instead of failing the request.
    transaction.on_commit(partial(send_build, report.pk))
    return report


# Each failed attempt means another request took the number, so n requests at once need at most n attempts.
VERSION_ATTEMPTS = 20


def _save_as_next_version(report: Report) -> None:
    """Insert `report` with the number after the last version; a request that took it first makes us count again.

    Locking the existing versions would not stop two requests inserting the same next one; the unique
    constraint does, and the insert runs in a savepoint so the loser can retry in the same transaction.
    """
    earlier = Report.objects.filter(
        kind=report.kind, unit=report.unit, year=report.year, decision=report.decision, session=report.session
    )
    for attempt in range(VERSION_ATTEMPTS):
        report.version = max(earlier.values_list("version", flat=True), default=0) + 1
        try:
            with transaction.atomic():
                report.save(force_insert=True)
            return
        except IntegrityError:
            taken = earlier.filter(version=report.version).exists()
            if not taken or attempt == VERSION_ATTEMPTS - 1:
                raise  # another constraint, or a crowd no office makes


def regenerate_report(report: Report, *, by: User | None) -> Report:
    """A new version with the same parameters and narrative."""
    return request_report(
        report.kind,
        unit=report.unit,
        year=report.year,
        narrative=dict(report.narrative),
        by=by,
        parameters=dict(report.parameters),
        language=report.language,
        decision=report.decision,
        session=report.session,
    )
