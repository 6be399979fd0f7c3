from django.urls import path

from units import historical_views, views

app_name = "units"

urlpatterns = [
    path("", views.browse, name="browse"),
    path("search/", views.search, name="search"),
    path("historical/", historical_views.historical_units, name="historical"),
    path("historical/new/", historical_views.historical_create, name="historical-create"),
    path("import-template.xlsx", views.import_template, name="import-template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:parent_pk>/new/", views.create, name="create"),
    path("<int:parent_pk>/import/", views.import_units, name="import"),
]
