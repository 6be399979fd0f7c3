from django.urls import path

from campaigns.assessments import discussion, views

app_name = "progress"

urlpatterns = [
    path("", views.my_years, name="my-years"),
    path("<int:unit_pk>/<int:year>/", views.my_year, name="my-year"),
    path("queue/", views.queue, name="queue"),
    path("queue/approve/", views.approve_batch, name="approve-batch"),
    path("assessments/<int:pk>/review/", views.review, name="review"),
    path("assessments/<int:pk>/approve/", views.approve, name="approve"),
    path("assessments/<int:pk>/return/", views.send_back, name="return"),
    path("assessments/<int:pk>/history/", views.history, name="history"),
    path("assessments/<int:pk>/comments/", discussion.comment, name="comment"),
    path("comments/<int:pk>/file/", discussion.comment_file, name="comment-file"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence-delete"),
]
