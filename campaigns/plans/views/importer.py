"""Import a plan from its text: paste it or upload it, review each proposed field beside its source, save."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from campaigns.plans.import_forms import ImportForm, ReviewForm
from campaigns.plans.importer import read_plan
from campaigns.plans.importer.matching import CATALOGUES, resolve
from campaigns.plans.importer.saving import save_imported_plan
from campaigns.plans.permissions import editable_units
from units.models import User

# The text waits in the session between the two steps (bounded by ImportForm): it is read again on each
# request, so nothing proposed is stored before the user confirms.
SESSION_KEY = "plan_import_text"


def _may_import(user: User) -> None:
    if not editable_units(user).exists():
        raise PermissionDenied


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    _may_import(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_KEY] = form.cleaned_data["plan_text"]
        return redirect("campaigns:plan-import-review")
    return render(request, "plans/import_form.html", {"form": form})


@login_required
def plan_import_review(request: HttpRequest) -> HttpResponse:
    user = request.user
    _may_import(user)
    text = request.session.get(SESSION_KEY)
    if not text:
        return redirect("campaigns:plan-import")
    draft = read_plan(text)
    # A text that names no issuer ("Ủy ban nhân dân xã …") is the user's own unit's, if they have one.
    own = editable_units(user).filter(pk__in=[m.unit_id for m in user.active_memberships]).first()
    named = (draft.header["issuing_unit"].value or {}).get("name")
    resolve(draft, user=user, unit=None if named else own)
    award_names = CATALOGUES[0].names(draft.date) if CATALOGUES else []
    form = ReviewForm(request.POST or None, draft=draft, user=user, award_names=award_names)
    if request.method == "POST" and form.is_valid():
        plan = save_imported_plan(form.confirmed(), by=user)
        del request.session[SESSION_KEY]
        messages.success(request, _("Plan imported as a draft. Check it, then set its status to issued."))
        return redirect("campaigns:plan", plan.pk)
    rows = [(form[name], draft.header[key]) for name, key in ReviewForm.HEADER.items()]
    lists = [
        (_("Legal bases"), form["legal_bases"], form.list_rows("legal_bases")),
        (_("Baselines"), form["baselines"], form.list_rows("baselines")),
        (_("Targets"), form["targets"], form.list_rows("targets")),
        (_("Timeline"), form["timeline"], form.list_rows("timeline")),
        (_("Emulation subjects"), form["subjects"], form.list_rows("subjects")),
    ]
    context = {"form": form, "draft": draft, "rows": rows, "lists": lists, "lines": text.count("\n") + 1}
    return render(request, "plans/import_review.html", context)
