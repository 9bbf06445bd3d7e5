from django.urls import path

from chitieu.web.imports import views

app_name = "imports"

urlpatterns = [
    path("units/<int:unit_id>/reports/", views.report_list, name="list"),
    path("reports/<int:report_id>/", views.review, name="review"),
    path("reports/<int:report_id>/statements/<int:statement_id>/", views.statement, name="statement"),
    path("reports/<int:report_id>/groups/<str:group>/", views.group, name="group"),
    path("reports/<int:report_id>/groups/<str:group>/decide/", views.group_action, name="group_action"),
    path("reports/<int:report_id>/statements/<int:statement_id>/flip/", views.flip, name="flip"),
    path("reports/<int:report_id>/skip/", views.skip, name="skip"),
    path("reports/<int:report_id>/import/", views.import_report, name="import"),
    path("reports/<int:report_id>/state/", views.reading_state, name="state"),
    path("reports/<int:report_id>/delete/", views.delete_report, name="delete"),
]
