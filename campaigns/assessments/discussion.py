"""The thread of a yearly assessment: the commune and its reviewers post comments and attachments."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from campaigns.assessments.notices import tell_commented
from campaigns.assessments.services import can_edit_assessment, can_review_assessment
from campaigns.models import Assessment, AssessmentComment
from units.discussion import CommentForm, comment_response
from units.files import stored_file_response
from units.models import Unit, User


def speaking_for(user: User, assessment: Assessment) -> Unit | None:
    """The commune for its officers, the reviewing unit for its reviewers; a reader who is neither posts nothing.

    The commune is asked first: its year page then spends no query on the reviewer's units.
    """
    if can_edit_assessment(user, assessment):
        return assessment.unit
    if can_review_assessment(user, assessment):
        return assessment.reviewer_unit
    return None


def page_of(user: User, assessment: Assessment) -> str:
    """Where the poster reads the thread: the review page for reviewers, the year page otherwise."""
    if can_review_assessment(user, assessment):
        return reverse("progress:review", args=[assessment.pk]) + "#discussion"
    return reverse("progress:my-year", args=[assessment.unit_id, assessment.year]) + "#discussion"


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    visible = Assessment.objects.visible_to(request.user).select_related("unit", "reviewer_unit")
    assessment = get_object_or_404(visible, pk=pk)
    unit = speaking_for(request.user, assessment)
    if unit is None:
        raise PermissionDenied
    return comment_response(
        request,
        assessment,
        unit=unit,
        title=f"{assessment.unit.name} · {assessment.year}",
        post_url=reverse("progress:comment", args=[assessment.pk]),
        back_url=page_of(request.user, assessment),
        tell=tell_commented,
    )


@login_required
def comment_file(request: HttpRequest, pk: int) -> FileResponse:
    """Served through the assessment's scoping, like the evidence files."""
    visible = Assessment.objects.visible_to(request.user)
    found = get_object_or_404(AssessmentComment.objects.filter(assessment__in=visible), pk=pk)
    return stored_file_response(found.attachment, filename=found.attachment_name or None)


def thread_context(user: User, assessment: Assessment) -> dict:
    """The thread (one query whatever its length) and, for those who may post, the form."""
    if assessment.pk is None:  # a year opened but not saved yet has no thread
        return {"comments": None}
    may_post = not assessment.discussion_closed and speaking_for(user, assessment) is not None
    return {
        "comments": list(assessment.comments.select_related("author", "unit")),
        "comment_form": CommentForm() if may_post else None,
        "comment_url": reverse("progress:comment", args=[assessment.pk]),
        "comment_file_url": "progress:comment-file",
        "discussion_closed": assessment.discussion_closed,
    }
