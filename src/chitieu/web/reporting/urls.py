from django.urls import path

from chitieu.web.reporting import views

app_name = "reporting"

urlpatterns = [
    path("units/<int:unit_id>/plans/<int:plan_id>/report/", views.generate, name="generate"),
    path("units/<int:unit_id>/plans/<int:plan_id>/report/jobs/", views.queue, name="queue"),
    path("report-jobs/<int:report_id>/", views.job, name="job"),
    path("report-files/<int:file_id>/", views.report_file, name="file"),
    path("units/<int:unit_id>/report-template/", views.unit_template, name="unit_template"),
    path("report-template/default.docx", views.default_template, name="default_template"),
]
