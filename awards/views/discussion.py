"""The thread of a nomination: the proposing unit and the reviewers post comments and attachments."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards.models import Nomination, NominationComment
from awards.permissions import can_appraise, can_propose
from awards.services.notices import tell_commented
from units.discussion import CommentForm, comment_response
from units.files import stored_file_response
from units.models import Unit, User


def speaking_for(user: User, nomination: Nomination) -> Unit | None:
    """The side a user posts for: the reviewing unit for its appraisers, the proposing unit for its proposers.

    A leader who only reads the file (it is in their subtree) has no side, and posts nothing.
    """
    if nomination.reviewer_unit_id and can_appraise(user, nomination):
        return nomination.reviewer_unit
    if can_propose(user, nomination.proposing_unit):
        return nomination.proposing_unit
    return None


def page_of(user: User, nomination: Nomination) -> str:
    """Where the poster reads the thread: the appraisal page for reviewers, the dossier page otherwise."""
    name = "awards:appraise" if can_appraise(user, nomination) else "awards:detail"
    return reverse(name, args=[nomination.pk]) + "#discussion"


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    # The same scoping as every nomination page (awards.views.nominations imports this module).
    visible = Nomination.objects.visible_to(request.user).select_related("nominee", "proposing_unit", "reviewer_unit")
    nomination = get_object_or_404(visible, pk=pk)
    unit = speaking_for(request.user, nomination)
    if unit is None:
        raise PermissionDenied
    return comment_response(
        request,
        nomination,
        unit=unit,
        title=nomination.nominee.name,
        post_url=reverse("awards:comment", args=[nomination.pk]),
        back_url=page_of(request.user, nomination),
        tell=tell_commented,
    )


@login_required
def comment_file(request: HttpRequest, pk: int) -> FileResponse:
    """Served through the nomination's scoping, like the dossier files."""
    visible = Nomination.objects.visible_to(request.user)
    found = get_object_or_404(NominationComment.objects.filter(nomination__in=visible), pk=pk)
    return stored_file_response(found.attachment, filename=found.attachment_name or None)


def thread_context(user: User, nomination: Nomination) -> dict:
    """The thread (one query whatever its length) and, for those who may post, the form."""
    comments = list(nomination.comments.select_related("author", "unit"))
    may_post = not nomination.discussion_closed and speaking_for(user, nomination) is not None
    return {
        "comments": comments,
        "comment_form": CommentForm() if may_post else None,
        "comment_url": reverse("awards:comment", args=[nomination.pk]),
        "comment_file_url": "awards:comment-file",
        "discussion_closed": nomination.discussion_closed,
    }


def with_comments(events: list, comments: list) -> list:
    """The timeline: the workflow events and the comments, in the order they happened."""
    return sorted([*events, *comments], key=lambda item: item.at)
