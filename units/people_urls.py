from django.urls import path

from units import people_views as views

app_name = "people"

urlpatterns = [
    path("", views.people, name="list"),
    path("new/", views.person_create, name="create"),
    path("<int:pk>/", views.person_edit, name="edit"),
    path("<int:pk>/memberships/new/", views.membership_add, name="membership-add"),
    path("memberships/<int:pk>/delete/", views.membership_remove, name="membership-remove"),
    path("<int:pk>/deactivate/", views.person_deactivate, name="deactivate"),
    path("<int:pk>/activate/", views.person_activate, name="activate"),
    path("<int:pk>/unlock/", views.person_unlock, name="unlock"),
    path("<int:pk>/password-link/", views.person_password_link, name="password-link"),
]
