from django.urls import path

from chitieu.web.units import views

app_name = "units"

urlpatterns = [
    path("units/", views.unit_list, name="list"),
    path("units/<int:unit_id>/", views.unit_detail, name="detail"),
    path("entry/", views.my_entry, name="my_entry"),
]
