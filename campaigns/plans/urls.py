from django.urls import path

from campaigns.plans import views
from campaigns.plans.views import allocations, bases, campaigns, completion, importer, overdue

app_name = "campaigns"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("new/", campaigns.campaign_create, name="campaign-create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", campaigns.campaign_edit, name="campaign-edit"),
    path("<int:pk>/completion/", completion.conditions, name="completion"),
    path("<int:pk>/completion/new/", completion.condition_create, name="completion-create"),
    path("completion/<int:pk>/edit/", completion.condition_edit, name="completion-edit"),
    path("completion/<int:pk>/delete/", completion.condition_delete, name="completion-delete"),
    path("overdue/", overdue.overdue, name="overdue"),
    path("plans/new/", views.plan_create, name="plan-create"),
    path("plans/import/", importer.plan_import, name="plan-import"),
    path("plans/import/review/", importer.plan_import_review, name="plan-import-review"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan-edit"),
    path("plans/<int:pk>/amend/", views.plan_amend, name="plan-amend"),
    path("plans/<int:pk>/history/", views.plan_history, name="plan-history"),
    path("plans/<int:pk>/targets/new/", views.target_create, name="target-create"),
    path("targets/<int:pk>/edit/", views.target_edit, name="target-edit"),
    path("targets/<int:pk>/allocate/", allocations.target_allocate, name="target-allocate"),
    path("targets/<int:pk>/delete/", views.target_delete, name="target-delete"),
    path("plans/<int:pk>/timeline/new/", views.milestone_create, name="milestone-create"),
    path("timeline/<int:pk>/edit/", views.milestone_edit, name="milestone-edit"),
    path("timeline/<int:pk>/done/", views.milestone_done, name="milestone-done"),
    path("plans/<int:pk>/sections/new/", views.section_create, name="section-create"),
    path("sections/<int:pk>/edit/", views.section_edit, name="section-edit"),
    path("plans/<int:pk>/attachments/new/", views.attachment_upload, name="attachment-upload"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("plans/<int:pk>/bases/new/", bases.basis_create, name="basis-create"),
    path("bases/<int:pk>/edit/", bases.basis_edit, name="basis-edit"),
    path("bases/<int:pk>/delete/", bases.basis_delete, name="basis-delete"),
    path("plans/<int:pk>/subjects/new/", bases.subject_create, name="subject-create"),
    path("subjects/<int:pk>/edit/", bases.subject_edit, name="subject-edit"),
    path("subjects/<int:pk>/delete/", bases.subject_delete, name="subject-delete"),
    path("targets/<int:pk>/data/", bases.target_data, name="target-data"),
]
