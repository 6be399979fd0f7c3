"""The state of a plan's timeline items on a day: one rule for the plan page and the reports."""

from collections import Counter

from django.db import models
from django.utils.translation import gettext_lazy

from campaigns.models import Milestone
from campaigns.targets.dates import AsOf


class TimelineState(models.TextChoices):
    DONE = "done", gettext_lazy("Done on time")
    LATE = "late", gettext_lazy("Done late")
    OVERDUE = "overdue", gettext_lazy("Overdue")
    PENDING = "pending", gettext_lazy("Not yet due")


def milestone_state(milestone: Milestone, as_of: AsOf) -> TimelineState:
    """Done (on time or late) by the day, else overdue once its deadline has passed, else not yet due.

    A yearly item is judged on its first year not yet done: overdue once that year's deadline has passed,
    done when its last year is done.
    """
    if milestone.recurs_yearly:
        if milestone.is_done:
            return TimelineState.DONE
        return TimelineState.OVERDUE if as_of.has_passed(milestone.deadline) else TimelineState.PENDING
    done = milestone.done_date
    if done is not None and done <= as_of.day:
        return TimelineState.DONE if done <= milestone.deadline else TimelineState.LATE
    return TimelineState.OVERDUE if as_of.has_passed(milestone.deadline) else TimelineState.PENDING


def timeline_counts(states: list[str]) -> dict[str, int]:
    """How many items are in each state, and in all."""
    counts = Counter(states)
    return {"total": len(states), **{state.value: counts[state] for state in TimelineState}}
