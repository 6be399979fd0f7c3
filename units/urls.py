from django.urls import path

from units import views

app_name = "units"

urlpatterns = [
    path("", views.browse, name="browse"),
]
