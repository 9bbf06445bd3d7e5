from django.urls import path

from chitieu.web.rules import views

app_name = "rules"

urlpatterns = [
    path("rules/", views.rule_list, name="list"),
    path("rules/<int:pk>/", views.rule_list, name="edit"),
]
