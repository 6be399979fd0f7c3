"""The award forms a plan offers (the forms named in its "subjects, criteria and awards" part)."""

from dataclasses import dataclass, field

from django.db.models.signals import m2m_changed, post_delete, post_save

from awards.models import AwardForm
from campaigns.models import Plan
from campaigns.plans.page_parts import cached, parts_key, touch, touch_all


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


def offered_forms_cached(plan: Plan) -> Offered:
    """offered_forms as the plan page shows it, cached with the page's other lists (campaigns.plans.page_parts).

    Ticking forms for a plan moves its key and those of the plans below it, which may inherit them; a plan's
    own save moves the keys below it too (they name it as the plan they inherit from). A change to the
    catalogue moves every plan's key.
    """
    return cached(parts_key(plan, "award-forms"), lambda: offered_forms(plan))


def _offers_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if reverse:  # plan.award_forms.set(...)
        touch([instance.pk], below=True)
    else:  # award_form.plans.add(...): rare, from the admin or a script
        touch_all()


def _catalogue_changed(sender, created: bool = False, **kwargs) -> None:
    if not created:  # a new form is offered by no plan yet
        touch_all()


def connect() -> None:
    m2m_changed.connect(_offers_changed, sender=AwardForm.plans.through, dispatch_uid="offered_forms_changed")
    post_save.connect(_catalogue_changed, sender=AwardForm, dispatch_uid="offered_forms_catalogue_saved")
    post_delete.connect(_catalogue_changed, sender=AwardForm, dispatch_uid="offered_forms_catalogue_deleted")
