from django.urls import path

from campaigns.publication import views

app_name = "public"

urlpatterns = [
    path("", views.index, name="board"),
    path("provinces/<int:province>/", views.province, name="province"),
    path("communes/<int:commune>/", views.commune, name="commune"),
    path("publish/", views.publish, name="publish"),
]
