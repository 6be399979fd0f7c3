from django.urls import path

# The council, decision and verification pages route themselves there, in the same "awards" namespace.
from awards.urls_council import urlpatterns as council_urlpatterns
from awards.views import catalogue, discussion, history, nominations, plan_forms, postings, queue

app_name = "awards"

urlpatterns = [
    path("", nominations.nomination_list, name="list"),
    path("new/", nominations.create, name="create"),
    path("<int:pk>/", nominations.detail, name="detail"),
    path("<int:pk>/edit/", nominations.edit, name="edit"),
    path("<int:pk>/files/new/", nominations.upload, name="upload"),
    path("files/<int:pk>/", nominations.download, name="file"),
    path("<int:pk>/submit/", nominations.submit, name="submit"),
    path("<int:pk>/close-dissolved/", nominations.close_dissolved, name="close-dissolved"),
    path("<int:pk>/comments/", discussion.comment, name="comment"),
    path("comments/<int:pk>/file/", discussion.comment_file, name="comment-file"),
    path("queue/", queue.queue, name="queue"),
    path("queue/start/", queue.start_batch, name="queue-start"),
    path("queue/agenda/", queue.agenda_batch, name="queue-agenda"),
    path("<int:pk>/appraise/", queue.appraise, name="appraise"),
    path("<int:pk>/appraise/start/", queue.start_appraisal, name="start-appraisal"),
    path("<int:pk>/appraise/return/", queue.return_, name="return"),
    path("<int:pk>/appraise/reject/", queue.reject, name="reject"),
    path("<int:pk>/appraise/agenda/", queue.put_on_agenda, name="put-on-agenda"),
    path("<int:pk>/appraise/forward/", queue.forward, name="forward"),
    path("<int:pk>/appraise/posting/", postings.open_posting, name="open-posting"),
    path("history/", history.history, name="history"),
    path("suggestions/", history.suggestions, name="suggestions"),
    path("plans/<int:pk>/forms/", plan_forms.plan_forms, name="plan-forms"),
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/forms/new/", catalogue.form_create, name="catalogue-form-create"),
    path("catalogue/forms/<int:pk>/edit/", catalogue.form_edit, name="catalogue-form-edit"),
    path("catalogue/forms/<int:pk>/rules/new/", catalogue.rule_create, name="catalogue-rule-create"),
    path("catalogue/rules/<int:pk>/edit/", catalogue.rule_edit, name="catalogue-rule-edit"),
    path("catalogue/salaries/new/", catalogue.salary_create, name="catalogue-salary-create"),
    path("catalogue/salaries/<int:pk>/edit/", catalogue.salary_edit, name="catalogue-salary-edit"),
    *council_urlpatterns,
]
