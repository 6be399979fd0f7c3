from django.urls import path

from campaigns.criteria import views, views_excel, views_groups

app_name = "criteria"

urlpatterns = [
    path("", views.set_list, name="sets"),
    path("sets/<int:pk>/", views.set_detail, name="set"),
    path("sets/<int:pk>/province-version/", views.province_version, name="province-version"),
    path("sets/<int:pk>/criteria/new/", views.criterion_create, name="criterion-create"),
    path("sets/<int:pk>/excel/", views_excel.set_download, name="set-download"),
    path("sets/<int:pk>/excel/upload/", views_excel.set_upload, name="set-upload"),
    path("criteria/<int:pk>/edit/", views.criterion_edit, name="criterion-edit"),
    path("criteria/<int:pk>/indicators/new/", views.indicator_create, name="indicator-create"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator-edit"),
    path("indicators/<int:pk>/thresholds/", views.thresholds, name="thresholds"),
    path("thresholds/<int:pk>/edit/", views.threshold_edit, name="threshold-edit"),
    path("thresholds/<int:pk>/delete/", views.threshold_delete, name="threshold-delete"),
    path("groups/", views_groups.group_index, name="group-index"),
    path("groups/<int:pk>/", views_groups.groups, name="groups"),
    path("groups/<int:pk>/set/", views_groups.group_set, name="group-set"),
    path("groups/<int:pk>/excel/", views_groups.groups_download, name="groups-download"),
    path("groups/<int:pk>/excel/upload/", views_groups.groups_upload, name="groups-upload"),
]
