"""Public posting of nominations: the reviewer opens it from the appraisal page; anyone reads the posted
nominations and comments without signing in. Comments are shown only to the reviewers (they hold contacts)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.forms_postings import CommentForm, PostingForm
from awards.models import PublicPosting
from awards.services import postings as services
from awards.views.queue import appraise_page, load_for_appraisal

PER_PAGE = 30


@login_required
@require_POST
def open_posting(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    form = PostingForm(request.POST, prefix="posting")
    if form.is_valid():
        try:
            services.open_posting(nomination, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The nomination is posted publicly."))
            return redirect("awards:appraise", nomination.pk)
    return appraise_page(request, nomination, posting_form=form)


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _public_postings():
    return PublicPosting.objects.select_related(
        "nomination__nominee", "nomination__award_form", "nomination__proposing_unit", "unit"
    )


def posting_list(request: HttpRequest) -> HttpResponse:
    """Postings running now or announced, soonest ending first."""
    today = timezone.localdate()
    running = _public_postings().filter(ends_on__gte=today).order_by("ends_on", "pk")
    page = Paginator(running, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "awards/postings/posting_list.html", {"page": page, "today": today})


def posting(request: HttpRequest, posting: int) -> HttpResponse:
    entry = get_object_or_404(_public_postings(), pk=posting)
    today = timezone.localdate()
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            address = import_string(settings.AXES_CLIENT_IP_CALLABLE)(request)
            try:
                services.add_comment(entry, address=address, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your comment was sent to the reviewers."))
                return redirect("postings:detail", entry.pk)
        status = 429 if form.has_error("__all__", "throttled") else 400
    context = {"posting": entry, "nomination": entry.nomination, "form": form, "today": today}
    return render(request, "awards/postings/posting_detail.html", context, status=status)
