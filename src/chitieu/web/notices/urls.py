from django.urls import path

from chitieu.web.notices import views

app_name = "notices"

urlpatterns = [
    path("notices/", views.notice_list, name="list"),
    path("notices/<int:notice_id>/read/", views.read, name="read"),
    path("notices/read-all/", views.read_all, name="read_all"),
]
