"""Council, decision and verification routes (in the "awards" namespace through awards/urls.py)."""

from django.urls import path

from awards.views import council, decisions, verify

urlpatterns = [
    path("sessions/", council.sessions, name="sessions"),
    path("sessions/new/", council.session_create, name="session-create"),
    path("sessions/<int:pk>/", council.session, name="session"),
    path("sessions/<int:pk>/agenda/", council.agenda_add, name="agenda-add"),
    path("sessions/<int:pk>/agenda/<int:item>/votes/", council.record_votes, name="record-votes"),
    path("sessions/<int:pk>/close/", council.session_close, name="session-close"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions/new/", decisions.decision_create, name="decision-create"),
    path("decisions/<int:pk>/", decisions.decision, name="decision"),
    # Public: the QR code on a certificate leads here. Keyed by the unguessable token, never by the short
    # serial, so that nobody can walk the serials to list who was awarded.
    path("verify/<str:token>/", verify.verify, name="verify"),
    path("verify/<str:token>/qr.svg", verify.award_qr, name="award-qr"),
]
