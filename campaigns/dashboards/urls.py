from django.urls import path

from campaigns.dashboards import views as dashboards
from campaigns.dashboards import views_excel as dashboards_excel

app_name = "dashboards"

urlpatterns = [
    path("<int:unit_pk>/", dashboards.overview, name="overview"),
    path("<int:unit_pk>/<int:year>/", dashboards.status, name="status"),
    path("<int:unit_pk>/<int:year>/remind/", dashboards.remind, name="remind"),
    path("<int:unit_pk>/<int:year>/matrix/", dashboards.matrix, name="matrix"),
    path("<int:unit_pk>/<int:year>/matrix.xlsx", dashboards.matrix_xlsx, name="matrix-xlsx"),
    path("<int:unit_pk>/<int:year>/template.xlsx", dashboards_excel.template, name="template"),
    path("<int:unit_pk>/<int:year>/upload/", dashboards_excel.upload, name="upload"),
]
