"""A comment thread kept with a file under review (a nomination dossier, a yearly assessment).

Each app keeps its own comment table (a foreign key to its object, so the thread is deleted and scoped with
it); this module holds what the threads share: the abstract model, the bounded form and the posting service.
Who may read or post is decided by the app, through the scoping of the object the thread belongs to.
"""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from units.fields import interpolate
from units.models import Unit, User
from units.text import CleanNames
from units.uploads import FileKind, check_upload

# A comment is a message, not a document: long texts go in an attachment.
MAX_TEXT = 4000

ATTACHMENT_KINDS = [
    FileKind(b"%PDF", frozenset({".pdf"}), frozenset({"application/pdf"})),
    FileKind(b"\x89PNG", frozenset({".png"}), frozenset({"image/png"})),
    FileKind(b"\xff\xd8\xff", frozenset({".jpg", ".jpeg"}), frozenset({"image/jpeg", "image/pjpeg"})),
]


class Comment(CleanNames, models.Model):
    """One message of a thread: who wrote it, for which unit (the proposer's or the reviewer's side)."""

    clean_name_fields = ("attachment_name",)

    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=gettext_lazy("unit"))
    text = models.TextField(gettext_lazy("comment"))
    attachment = models.FileField(gettext_lazy("attachment"), upload_to="comments/%Y/", blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Shown in the object's timeline beside its workflow events.
    is_comment = True

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def at(self):
        return self.created_at


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Write the comment first."),
            "max_length": interpolate(
                gettext_lazy("A comment holds at most %(limit)s characters; attach a file for a longer text."),
                {"limit": MAX_TEXT},
            ),
        },
    )
    attachment = forms.FileField(
        label=gettext_lazy("Attachment (PDF, PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_upload(upload, ATTACHMENT_KINDS, _("Only PDF files and PNG or JPEG images can be attached."))
        return upload


def post_comment(subject: models.Model, *, text: str, attachment: UploadedFile | None, unit: Unit, by: User):
    """Add a comment to `subject`'s thread (its `comments` relation); a closed file takes no more comments.

    `subject` tells whether its discussion is closed (`discussion_closed`). Who the other side is depends on
    the subject, so its app tells them (awards.services.notices, campaigns.assessments.notices).
    """
    if subject.discussion_closed:
        raise ValidationError(_("This file is closed: its discussion takes no more comments."), code="closed")
    related = subject.comments
    comment = related.model(author=by, unit=unit, text=text.strip())
    setattr(comment, related.field.name, subject)
    if attachment:
        comment.attachment_name = attachment.name[:200]
        comment.attachment.save(attachment.name, attachment, save=False)
    comment.save()
    return comment


def comment_response(
    request: HttpRequest,
    subject: models.Model,
    *,
    unit: Unit,
    title: str,
    post_url: str,
    back_url: str,
    tell: Callable[[models.Model], None],
) -> HttpResponse:
    """The shared end of the comment views (a dossier's, a year's): post the comment, tell the other side (`tell`)
    and go back to the thread; or show the form again with the error next to the field, the typed text kept."""
    form = CommentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            posted = post_comment(
                subject,
                text=form.cleaned_data["text"],
                attachment=form.cleaned_data["attachment"],
                unit=unit,
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            tell(posted)
            messages.success(request, _("Comment posted."))
            return redirect(back_url)
    context = {"form": form, "title": title, "post_url": post_url, "back_url": back_url}
    return render(request, "units/comment_form.html", context)
