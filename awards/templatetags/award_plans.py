"""Lets the plan page show the award forms a plan offers without campaigns' Python knowing about awards."""

from django import template

from awards.services.plan_forms import Offered, offered_forms_cached

register = template.Library()


@register.simple_tag
def offered_award_forms(plan) -> Offered:
    return offered_forms_cached(plan)
