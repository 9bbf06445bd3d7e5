from django.urls import path

from chitieu.web.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.home, name="home"),
    path("units/<int:unit_id>/plans/<int:plan_id>/", views.scorecard, name="scorecard"),
    path("units/<int:unit_id>/plans/<int:plan_id>/progress/", views.progress, name="progress"),
    path("units/<int:unit_id>/plans/<int:plan_id>/indicators/<str:code>/", views.indicator, name="indicator"),
    path("units/<int:unit_id>/plans/<int:plan_id>/indicators/<str:code>/children/", views.comparison,
         name="comparison"),
]
