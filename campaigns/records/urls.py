from django.urls import path

from campaigns.records import figures, history, views

app_name = "records"

urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/history/", history.history, name="history"),
    path("units/<int:pk>/recognitions/", views.recognition_list, name="recognitions"),
    path("units/<int:pk>/recognitions/new/", views.recognition_create, name="recognition-create"),
    path("recognitions/<int:pk>/edit/", views.recognition_edit, name="recognition-edit"),
    path("units/<int:pk>/villages/", views.villages, name="villages"),
    path("units/<int:pk>/ocop/", views.ocop_list, name="ocop"),
    path("units/<int:pk>/ocop/new/", views.ocop_create, name="ocop-create"),
    path("ocop/<int:pk>/edit/", views.ocop_edit, name="ocop-edit"),
    path("ocop/<int:pk>/ratings/new/", views.rating_create, name="rating-create"),
    path("ratings/<int:pk>/edit/", views.rating_edit, name="rating-edit"),
    path("ratings/<int:pk>/delete/", views.rating_delete, name="rating-delete"),
    path("units/<int:pk>/resources/", views.resource_list, name="resources"),
    path("units/<int:pk>/resources/new/", views.resource_create, name="resource-create"),
    path("resources/<int:pk>/edit/", views.resource_edit, name="resource-edit"),
    path("units/<int:pk>/models/", views.model_list, name="models"),
    path("units/<int:pk>/models/new/", views.model_create, name="model-create"),
    path("models/<int:pk>/edit/", views.model_edit, name="model-edit"),
    path("models/<int:pk>/delete/", views.model_delete, name="model-delete"),
    path("units/<int:pk>/figures/", figures.figures, name="figures"),
]
