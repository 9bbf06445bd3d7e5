from django.urls import path

from chitieu.web.plans import views

app_name = "plans"

urlpatterns = [
    path("units/<int:unit_id>/plans/new/", views.plan_new, name="new"),
    path("plans/<int:plan_id>/targets/", views.plan_targets, name="targets"),
    path("plans/<int:plan_id>/targets/save/", views.target_save, name="target_save"),
    path("plans/<int:plan_id>/targets/<int:target_id>/assigned/", views.assigned_save, name="assigned_save"),
]
