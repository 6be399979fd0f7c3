from django.contrib import admin
from django.urls import include, path

from config import health
from units import account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("units.account_urls")),
    path("units/", include("units.urls")),
    path("people/", include("units.people_urls")),
    path("notifications/", include("units.notifications.urls")),
    path("campaigns/", include("campaigns.plans.urls")),
    path("progress/", include("campaigns.assessments.urls")),
    path("dashboards/", include("campaigns.dashboards.urls")),
    path("records/", include("campaigns.records.urls")),
    path("criteria/", include("campaigns.criteria.urls")),
    path("awards/", include("awards.urls")),
    path("reports/", include("reports.urls")),
    # Public pages, no sign-in: the NTM board and the postings of nominations for comment.
    path("public/postings/", include("awards.urls_postings")),
    path("public/", include("campaigns.publication.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
