"""The lists of a plan's page that change only when someone edits them, cached under a key that moves with them.

A plan's page shows its text, emulation subjects, legal bases, attachments, amendments and timeline: one query
each, on a page that must stay within 15. They are cached together under the plan's `parts_version` and
`updated_at`. Every write that changes what they show moves `parts_version` on, through the receivers below
(connected in CampaignsConfig.ready); saving the plan itself moves `updated_at`, so even a plan saved from a copy
read before a move (which writes the old `parts_version` back) gets a key never used before. A move is written
after the change it follows, so a page that read the old key can only have cached what was there before or after
the change under a key nobody reads again. When the cache (Redis) fails the lists are read as if nothing were
cached.
"""

import contextlib
import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_delete

from campaigns.models import (
    Document,
    EmulationSubject,
    Milestone,
    Plan,
    PlanAmendment,
    PlanAttachment,
    PlanBasis,
    PlanSection,
)
from units.models import Unit
from units.signals import units_changed

PARTS_CACHE_SECONDS = 24 * 3600


@dataclass
class PageParts:
    sections: list[PlanSection]
    subjects: list[EmulationSubject]
    bases: list[PlanBasis]
    attachments: list[PlanAttachment]
    amendments: list[PlanAmendment]
    milestones: list[Milestone]


@functools.cache
def models_shape() -> str:
    """A digest of every model's fields. The cache holds pickled model instances: after a release that adds, drops
    or retypes a field, the old entries would unpickle into the new classes wrong, so the key leaves them behind."""
    fields = [
        (model._meta.label, field.attname, field.get_internal_type())
        for model in apps.get_models()
        for field in model._meta.concrete_fields
    ]
    return hashlib.sha256(repr(sorted(fields)).encode()).hexdigest()[:12]


def parts_key(plan: Plan, name: str) -> str:
    return f"plans:{name}:{models_shape()}:{plan.pk}:{plan.parts_version}:{plan.updated_at.timestamp()}"


def cached(key: str, load: Callable[[], Any]) -> Any:
    """What `load` returns, from the cache when it holds it; `load` must not return None."""
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - any cache failure means "not cached"
        value = None
    if value is None:
        value = load()
        with contextlib.suppress(Exception):  # a page must not fail because the cache does
            cache.set(key, value, PARTS_CACHE_SECONDS)
    return value


def page_parts(plan: Plan) -> PageParts:
    return cached(
        parts_key(plan, "parts"),
        lambda: PageParts(
            sections=list(plan.sections.all()),
            subjects=list(plan.subjects.all()),
            bases=list(plan.bases.select_related("document")),
            attachments=list(plan.attachments.all()),
            amendments=list(plan.amendments.all()),  # who recorded them is shown on the history page, not here
            milestones=list(plan.milestones.select_related("responsible_unit")),
        ),
    )


def touch(plan_ids: Iterable[int], *, below: bool = False) -> None:
    """Move on the parts key of these plans and, with `below`, of every plan implementing them at any depth
    (those show the award forms they inherit, with the reference of the plan they inherit them from)."""
    ids = set(plan_ids)
    level = set(ids) if below else set()
    while level:
        level = set(Plan.objects.filter(parent__in=level).exclude(pk__in=ids).values_list("pk", flat=True))
        ids |= level
    if ids:
        Plan.objects.filter(pk__in=ids).update(parts_version=F("parts_version") + 1)


def touch_all() -> None:
    """For a change every plan may show (an award form's name): rare, made by administrators."""
    Plan.objects.update(parts_version=F("parts_version") + 1)


def _part_changed(sender, instance, **kwargs) -> None:
    touch([instance.plan_id])


def _plan_saved(sender, instance: Plan, created: bool, **kwargs) -> None:
    if not created:
        touch([instance.pk], below=True)


def _document_saved(sender, instance: Document, **kwargs) -> None:
    touch(PlanBasis.objects.filter(document=instance).values_list("plan_id", flat=True))


def _units_changed(sender, pks: Iterable[int], **kwargs) -> None:
    """A renamed unit is shown as the unit responsible for timeline items."""
    touch(Milestone.objects.filter(responsible_unit__in=list(pks)).values_list("plan_id", flat=True).distinct())


def _unit_saved(sender, instance: Unit, **kwargs) -> None:
    _units_changed(sender, pks=[instance.pk])


PARTS = (PlanSection, EmulationSubject, PlanBasis, PlanAttachment, PlanAmendment, Milestone)


def connect() -> None:
    for model in PARTS:
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"page_parts_{model.__name__}_saved")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"page_parts_{model.__name__}_deleted")
    post_save.connect(_plan_saved, sender=Plan, dispatch_uid="page_parts_plan_saved")
    post_save.connect(_document_saved, sender=Document, dispatch_uid="page_parts_document_saved")
    post_save.connect(_unit_saved, sender=Unit, dispatch_uid="page_parts_unit_saved")
    # Before the delete: its timeline items lose their unit (SET_NULL) without a signal of their own.
    pre_delete.connect(_unit_saved, sender=Unit, dispatch_uid="page_parts_unit_deleted")
    units_changed.connect(_units_changed, sender=Unit, dispatch_uid="page_parts_units_changed")
