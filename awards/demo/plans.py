"""Demo step for `manage.py load_demo`: the award forms each seed plan offers, as campaigns.demo.data names them.

Runs after campaigns.demo.plans.load_plans and again after campaigns.demo.period2026.load_period_2026. A plan entered for real under a seed plan's key is left alone; a
second run changes nothing.
"""

from collections import Counter

from awards.catalogue import load_catalogue
from awards.models import AwardForm
from campaigns.demo.period2026 import PLAN as PLAN_2026
from campaigns.demo.plans import SEED_PLANS
from campaigns.models import Plan

PLAN_KEY = ["issuer_name", "number", "issue_date", "title"]


def load_plan_award_forms() -> Counter:
    tally = load_catalogue()
    for data in [*SEED_PLANS, PLAN_2026]:  # the 2026-2030 plan exists once its step has run
        plan = Plan.objects.filter(is_demo=True, **{field: data[field] for field in PLAN_KEY}).first()
        if plan is not None:
            _award_forms(tally, plan, data["award_forms"])
    return tally


def _award_forms(tally, plan, names) -> None:
    wanted = set(AwardForm.objects.filter(name__in=names))
    if len(wanted) != len(names):
        known = {form.name for form in wanted}
        raise AwardForm.DoesNotExist(f"Not in the award catalogue: {sorted(set(names) - known)}")
    current = set(plan.award_forms.all())
    missing, extra = wanted - current, current - wanted
    plan.award_forms.add(*missing)
    # A demo plan offers only the forms its text names: one an earlier version of the data added leaves it.
    plan.award_forms.remove(*extra)
    tally["created"] += len(missing)
    tally["updated"] += len(extra)
    tally["unchanged"] += len(wanted) - len(missing)
