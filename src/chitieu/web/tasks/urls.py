from django.urls import path

from chitieu.web.tasks import views

app_name = "tasks"

urlpatterns = [
    path("tasks/", views.home, name="home"),
    path("units/<int:unit_id>/tasks/", views.unit_tasks, name="unit"),
    path("units/<int:unit_id>/tasks/report/", views.implementation_report, name="report"),
    path("tasks/documents/<int:document_id>/", views.document, name="document"),
    path("tasks/documents/<int:document_id>/matrix/", views.matrix, name="matrix"),
    path("tasks/assignments/<int:assignment_id>/", views.assignment, name="assignment"),
    path("tasks/evidence/<int:report_id>/", views.evidence, name="evidence"),
    path("units/<int:unit_id>/tthc/", views.tthc, name="tthc"),
    path("tthc/<int:report_id>/", views.tthc_detail, name="tthc_detail"),
]
