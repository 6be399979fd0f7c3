"""The award forms a plan offers (the forms named in its "subjects, criteria and awards" part)."""

from dataclasses import dataclass, field

from awards.models import AwardForm
from campaigns.models import Plan


@dataclass
class Offered:
    forms: list[AwardForm] = field(default_factory=list)
    inherited_from: Plan | None = None  # the plan above whose forms these are, when the plan has none of its own


def offered_forms(plan: Plan) -> Offered:
    """The forms `plan` offers: those ticked for it, else those of the nearest plan it implements that has some.

    An implementing plan usually keeps the awards of the plan above it, so nothing is copied when it is
    drafted: until forms are ticked for it, it offers its parent's (and so on up). Ticking forms for a plan,
    even the same ones, makes them its own; clearing them all makes it inherit again.
    """
    current, seen = plan, set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        forms = list(current.award_forms.all())
        if forms:
            return Offered(forms, None if current is plan else current)
        current = current.parent
    return Offered()
