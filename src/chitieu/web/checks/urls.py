from django.urls import path

from chitieu.web.checks import views

app_name = "checks"

urlpatterns = [
    path("units/<int:unit_id>/checks/", views.draft_list, name="list"),
    path("checks/<int:draft_id>/", views.draft_detail, name="detail"),
    path("checks/<int:draft_id>/notes.docx", views.draft_notes, name="notes"),
    path("checks/findings/<int:finding_id>/mark/", views.mark_finding, name="mark"),
]
