"""Campaign and plan pages, split by subject: the tree, a plan, its parts and its history."""

from campaigns.plans.views.history import plan_history
from campaigns.plans.views.parts import (
    attachment_download,
    attachment_upload,
    milestone_create,
    milestone_done,
    milestone_edit,
    section_create,
    section_edit,
    target_create,
    target_delete,
    target_edit,
)
from campaigns.plans.views.plans import plan_amend, plan_create, plan_detail, plan_edit
from campaigns.plans.views.tree import detail, overview

__all__ = [
    "attachment_download",
    "attachment_upload",
    "detail",
    "milestone_create",
    "milestone_done",
    "milestone_edit",
    "overview",
    "plan_amend",
    "plan_create",
    "plan_detail",
    "plan_edit",
    "plan_history",
    "section_create",
    "section_edit",
    "target_create",
    "target_delete",
    "target_edit",
]
