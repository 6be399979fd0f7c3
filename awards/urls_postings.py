"""Public posting pages, no sign-in (mounted under /public/postings/ by config/urls.py)."""

from django.urls import path

from awards.views import postings

app_name = "postings"

urlpatterns = [
    path("", postings.posting_list, name="list"),
    path("<int:posting>/", postings.posting, name="detail"),
]
