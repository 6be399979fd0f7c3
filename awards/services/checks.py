"""Checks run before submission and during appraisal; each rule is an error (blocks) or a warning, as the law makes it.

Sources are in domain.md: §3.1 (Law 06/2022 principles), §3.3 (NĐ 152/2025 on campaign awards and
discipline), §3.4 (the dossier), §3.2 and §5 (who grants which form, and until when).
"""

import datetime
from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext as _

from awards.catalogue import DOSSIER_PARTS
from awards.models import AgendaItem, Award, LegalRegime, Nomination, NominationType, Nominee
from awards.services.grants import grant_span, granted_on
from awards.services.routing import short_date, today

ERROR = "error"
WARNING = "warning"

# Parts the proposer writes and signs: without them there is nothing to appraise.
PROPOSER_PARTS = ("submission", "achievement_report")
# Parts the council produces: expected only once it has voted.
COUNCIL_PARTS = ("council_minutes", "secret_ballot")
# Not counted as grounds for a regular-merit award (NĐ 152/2025, domain.md §3.3).
ONE_OFF_TYPES = (NominationType.CAMPAIGN, NominationType.SUDDEN)
# A nomination in these statuses may still end in an award. Forwarded ones are pending at the central level.
LIVE_STATUSES = [
    s for s in Nomination.Status if s not in (Nomination.Status.REJECTED, Nomination.Status.CLOSED_DISSOLVED)
]


class Finding(NamedTuple):
    code: str
    level: str  # ERROR or WARNING
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def check_nomination(nomination: Nomination) -> list[Finding]:
    """Every rule that fires on `nomination`, errors first; a few queries whatever the dossier's size."""
    day = nomination.submission_date or today()
    findings = [
        *_same_round(nomination),
        *_already_awarded(nomination),
        *_one_off_grounds(nomination),
        *_discipline(nomination),
        *_form_on_date(nomination, day),
        *_dossier(nomination),
    ]
    return sorted(findings, key=lambda finding: finding.level != ERROR)


def errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.is_error]


def _same_nominee(nomination: Nomination) -> Q:
    """The same nominee, also when someone entered them again as a second record: same kind, unit and name
    whatever the case (compared in Python: SQLite's iexact folds ASCII letters only). Accents stay: An ≠ Ân."""
    nominee = nomination.nominee
    twins = Nominee.objects.filter(kind=nominee.kind, unit_id=nominee.unit_id).values_list("pk", "name")
    return Q(nominee_id__in=[pk for pk, name in twins if _plain(name) == _plain(nominee.name)] + [nominee.pk])


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())


def _same_round(nomination: Nomination) -> list[Finding]:
    # Law 06/2022: one achievement is not rewarded several times or with several forms (domain.md §3.1).
    # A round (annual 2024, tổng kết 2025…) is one achievement period, so one nomination per nominee and round.
    others = (
        Nomination.objects.filter(_same_nominee(nomination), round=nomination.round, round_year=nomination.round_year)
        .filter(status__in=LIVE_STATUSES)
        .exclude(pk=nomination.pk)
        .select_related("award_form", "proposing_unit")
    )
    return [
        Finding(
            "same_round",
            ERROR,
            _("%(nominee)s is already nominated in this round (%(round)s %(year)s) for %(award)s by %(unit)s.")
            % {
                "nominee": nomination.nominee,
                "round": nomination.get_round_display(),
                "year": nomination.round_year,
                "award": other.award_form,
                "unit": other.proposing_unit,
            },
        )
        for other in others
    ]


def _already_awarded(nomination: Nomination) -> list[Finding]:
    # Law 06/2022: an achievement already rewarded is not rewarded again (domain.md §3.1, §3.4 "decisions register").
    awards = Award.objects.filter(
        _same_nominee(nomination), round=nomination.round, round_year=nomination.round_year
    ).select_related("award_form", "decision")
    if nomination.pk is not None:
        awards = awards.exclude(nomination_id=nomination.pk)
    return [
        Finding(
            "already_awarded",
            ERROR,
            _("%(nominee)s already received %(award)s for this round (%(round)s %(year)s), decision %(decision)s.")
            % {
                "nominee": nomination.nominee,
                "award": award.award_form,
                "round": nomination.get_round_display(),
                "year": nomination.round_year,
                "decision": award.decision.reference,
            },
        )
        for award in awards
    ]


def _one_off_grounds(nomination: Nomination) -> list[Finding]:
    # NĐ 152/2025: awards for sudden achievements and thematic campaigns cannot be grounds for a higher
    # công trạng award (domain.md §3.3).
    if nomination.pk is None or nomination.type != NominationType.MERIT:
        return []
    cited = nomination.grounds.filter(type__in=ONE_OFF_TYPES).select_related("award_form", "decision")
    return [
        Finding(
            "one_off_grounds",
            ERROR,
            _(
                "%(award)s (decision %(decision)s) is a campaign or sudden-achievement award and cannot count "
                "toward a regular-merit award."
            )
            % {"award": award.award_form, "decision": award.decision.reference},
        )
        for award in cited
    ]


def _discipline(nomination: Nomination) -> list[Finding]:
    # NĐ 152/2025: no award or proposal during discipline, investigation, inspection or an unresolved
    # complaint (domain.md §3.3).
    nominee = nomination.nominee
    if not nominee.under_discipline:
        return []
    message = _("%(nominee)s is under discipline or investigation: no award can be proposed until it is resolved.")
    if nominee.discipline_note:
        message = _(
            "%(nominee)s is under discipline or investigation (%(note)s): no award can be proposed until it is resolved."
        )
    return [Finding("under_discipline", ERROR, message % {"nominee": nominee, "note": nominee.discipline_note})]


def _form_on_date(nomination: Nomination, day: datetime.date) -> list[Finding]:
    form, nominee = nomination.award_form, nomination.nominee
    findings = []
    # The district chairman's Giấy khen ends with the district level on 30/06/2025 (domain.md §5): its grant
    # rules stop there.
    if not granted_on(form, day):
        start, end = grant_span(form)
        if end is not None and end < day:
            message = _("%(award)s is no longer granted on %(date)s: it ended on %(end)s.")
        else:
            message = _("%(award)s is not granted yet on %(date)s: it starts on %(start)s.")
        values = {"award": form, "date": short_date(day), "end": _maybe_date(end)}
        findings.append(Finding("form_unavailable", ERROR, message % {**values, "start": _maybe_date(start)}))
    # Law 06/2022 Điều 80 and the catalogue: each form names who may receive it (domain.md §3.2).
    if form.eligible_nominees and nominee.kind not in form.eligible_nominees:
        findings.append(
            Finding(
                "nominee_kind",
                ERROR,
                _("%(award)s cannot be given to this kind of nominee (%(kind)s).")
                % {"award": form, "kind": nominee.get_kind_display()},
            )
        )
    # Three regimes span 2021-2025 (domain.md §3.1); a form not listed under one may have other standards.
    regime = LegalRegime.on(day)
    if form.regimes and regime not in form.regimes:
        findings.append(
            Finding(
                "regime",
                WARNING,
                _("%(award)s is not listed under the legal regime in force on %(date)s (%(regime)s): check its basis.")
                % {"award": form, "date": short_date(day), "regime": regime.label},
            )
        )
    return findings


def _dossier(nomination: Nomination) -> list[Finding]:
    # The dossier (domain.md §3.4): tờ trình, báo cáo thành tích, the council's minutes with the secret-ballot
    # result for higher forms, related documents, the electronic copy.
    required = nomination.award_form.required_parts or []
    if not required:
        return []
    present = set(nomination.files.values_list("part", flat=True)) if nomination.pk else set()
    voted = _voted_items(nomination)
    if any(item.session.minutes.strip() for item in voted):
        present.add("council_minutes")
    if any(item.session.secret_ballot for item in voted):
        present.add("secret_ballot")
    findings = []
    for part in required:
        if part in present:
            continue
        # Council parts are produced at the council; related documents and the electronic copy can be
        # completed by the level that sends the dossier on.
        blocking = part in PROPOSER_PARTS or (part in COUNCIL_PARTS and bool(voted))
        level = ERROR if blocking else WARNING
        label = DOSSIER_PARTS.get(part, part)
        findings.append(Finding(f"missing_{part}", level, _("Missing from the dossier: %(part)s.") % {"part": label}))
    return findings


def _voted_items(nomination: Nomination) -> list[AgendaItem]:
    if nomination.pk is None:
        return []
    return list(
        AgendaItem.objects.filter(nomination=nomination)
        .exclude(result=AgendaItem.Result.PENDING)
        .select_related("session")
    )


def _maybe_date(day: datetime.date | None) -> str:
    return short_date(day) if day else "—"
