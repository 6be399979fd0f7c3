from django.urls import path  # noqa: F401

from campaigns import views  # noqa: F401

app_name = "campaigns"

urlpatterns = []
