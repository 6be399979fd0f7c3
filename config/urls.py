from django.contrib import admin
from django.urls import include, path

from units import account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("healthz", account_views.healthz, name="healthz"),
    path("accounts/", include("units.account_urls")),
    path("units/", include("units.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("progress/", include("campaigns.urls_progress")),
    path("dashboards/", include("campaigns.urls_dashboards")),
    path("records/", include("campaigns.urls_records")),
    path("awards/", include("awards.urls")),
    path("reports/", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
