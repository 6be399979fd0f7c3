from django.contrib import admin
from django.urls import include, path

from config import health
from units import account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("units.account_urls")),
    path("units/", include("units.urls")),
    path("notifications/", include("units.notifications.urls")),
    path("campaigns/", include("campaigns.plans.urls")),
    path("progress/", include("campaigns.assessments.urls")),
    path("dashboards/", include("campaigns.dashboards.urls")),
    path("records/", include("campaigns.records.urls")),
    path("criteria/", include("campaigns.criteria.urls")),
    path("awards/", include("awards.urls")),
    path("reports/", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
