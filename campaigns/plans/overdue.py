"""Timeline items across plans: what is overdue or due soon below a leader or reviewer, the items overdue long
enough to be escalated to the level above, and the notices the daily run sends (deadline, escalation)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Milestone, Plan
from units.hierarchy import REVIEWER_ROLES, level_above
from units.models import Role, Unit, User
from units.notifications.services import NotificationKind, members_by_unit, notify
from units.picker import unit_scope

# Items due within this many days are listed beside the overdue ones (issue: "due within 30 days").
DUE_SOON_DAYS = 30
# Who watches the plans below them; the same roles are told when an item below escalates to their unit.
WATCH_ROLES = (Role.LEADER, *REVIEWER_ROLES, Role.ADMINISTRATOR)

OVERDUE = "overdue"
DUE_SOON = "due_soon"
ESCALATED = "escalated"


@dataclass
class WatchedItem:
    milestone: Milestone
    deadline: datetime.date
    days_late: int  # negative: days left
    escalated: bool

    @property
    def overdue(self) -> bool:
        return self.days_late > 0

    @property
    def days_left(self) -> int:
        return -self.days_late

    @property
    def unit(self) -> Unit | None:
        return self.milestone.plan.issuing_unit


def watch_roots(user: User) -> list[Unit]:
    """The units whose plans `user` watches: where they lead or review, and the units those were formed from."""
    return list({root.pk: root for root, m in user.scope if m.role in WATCH_ROLES}.values())


def may_watch(user: User) -> bool:
    return user.sees_everything or bool(watch_roots(user))


def watched_plans(user: User) -> QuerySet[Plan]:
    """Every plan issued in the user's subtree (drafts included: their timeline runs too)."""
    if user.sees_everything:
        return Plan.objects.all()
    roots = watch_roots(user)
    return Plan.objects.filter(issuing_unit__in=Unit.objects.within(*roots)) if roots else Plan.objects.none()


@unit_scope("plans:watched-units")
def watched_units(user: User) -> QuerySet[Unit]:
    """The units the overdue page may be narrowed to: issuers of the plans the user watches."""
    units = Unit.objects.filter(pk__in=watched_plans(user).values("issuing_unit"))
    return units.order_by("path")


def open_milestones(plans: QuerySet[Plan], *, horizon: datetime.date) -> QuerySet[Milestone]:
    """Milestones of `plans` not done that may fall due by `horizon`; one query, narrowed in the database."""
    maybe_due = (
        Q(due_date__lte=horizon)
        | Q(due_date__isnull=True, due_year__lte=horizon.year)
        | Q(recurs_yearly=True, year_from__lte=horizon.year)
    )
    not_done = Q(done_date__isnull=True) | Q(recurs_yearly=True)
    return (
        Milestone.objects.filter(plan__in=plans)
        .filter(maybe_due & not_done)
        .select_related("plan__issuing_unit", "responsible_unit")
    )


def watched_items(
    plans: QuerySet[Plan], *, today: datetime.date, escalate_after: int | None = None
) -> list[WatchedItem]:
    """Items overdue or due within DUE_SOON_DAYS, in unit and deadline order; those overdue longer than
    `escalate_after` days (OVERDUE_ESCALATE_AFTER_DAYS) are escalated."""
    escalate_after = settings.OVERDUE_ESCALATE_AFTER_DAYS if escalate_after is None else escalate_after
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    items = []
    for milestone in open_milestones(plans, horizon=horizon):
        if milestone.is_done:
            continue
        deadline = milestone.deadline
        if deadline > horizon:
            continue
        # A deadline falling today has not passed yet (campaigns.targets.dates.AsOf).
        days_late = (today - deadline).days
        items.append(WatchedItem(milestone, deadline, days_late, escalated=days_late > escalate_after))
    return sorted(items, key=lambda item: (item.unit.path if item.unit else "", item.deadline, item.milestone.pk))


def milestone_url(milestone: Milestone) -> str:
    return reverse("campaigns:plan", args=[milestone.plan_id]) + f"#milestone-{milestone.pk}"


def send_deadline_notices(*, today: datetime.date | None = None) -> tuple[int, int]:
    """The daily run: tell the responsible unit of each item due within DEADLINE_NOTICE_DAYS, and the level above
    of each item overdue beyond OVERDUE_ESCALATE_AFTER_DAYS; each once per item, year and person (the
    one_notification_per_key_and_recipient constraint). Returns (deadline notices, escalation notices)."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=settings.DEADLINE_NOTICE_DAYS)
    items = watched_items(Plan.objects.all(), today=today)
    coming = [item for item in items if today <= item.deadline <= soon]
    escalated = [item for item in items if item.escalated and item.unit is not None]
    units = {item.unit.pk: item.unit for item in escalated}
    above = {pk: level_above(unit, on=today) for pk, unit in units.items()}
    responsible = {item.milestone.pk: item.milestone.responsible_unit or item.unit for item in coming}
    members = members_by_unit([unit for unit in responsible.values() if unit is not None])
    watchers = members_by_unit([unit for unit in above.values() if unit is not None], *WATCH_ROLES)
    told = escalations = 0
    for item in coming:
        unit = responsible[item.milestone.pk]
        told += _tell(item, NotificationKind.DEADLINE, members.get(unit.pk, []) if unit else [], "deadline")
    for item in escalated:
        unit = above[item.unit.pk]
        escalations += _tell(item, NotificationKind.ESCALATED, watchers.get(unit.pk, []) if unit else [], "escalated")
    return told, escalations


def _tell(item: WatchedItem, kind: str, people: list[User], prefix: str) -> int:
    milestone = item.milestone
    year = milestone.open_year
    created = notify(
        recipients=people,
        kind=kind,
        subject=f"{milestone.title} · {item.deadline:%d/%m/%Y} · {item.unit or milestone.plan}",
        url=milestone_url(milestone),
        unit=item.unit,
        key=f"{prefix}:{milestone.pk}:{year}",
    )
    return len(created)
