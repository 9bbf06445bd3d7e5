from django.urls import path

from chitieu.web.catalog import views

app_name = "catalog"

urlpatterns = [
    path("catalog/", views.indicator_list, name="list"),
    path("catalog/new/", views.indicator_edit, name="new"),
    path("catalog/import/", views.indicator_import, name="import"),
    path("catalog/export.<str:fmt>", views.indicator_export, name="export"),
    path("catalog/<str:code>/edit/", views.indicator_edit, name="edit"),
    path("catalog/id/<int:pk>/edit/", views.indicator_edit, name="edit_by_id"),
]
