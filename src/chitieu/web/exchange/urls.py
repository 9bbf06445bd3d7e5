from django.urls import path

from chitieu.web.exchange import views

app_name = "exchange"

urlpatterns = [
    path("exchange/", views.index, name="index"),
    path("exchange/collect/template/", views.template, name="template"),
    path("exchange/collect/upload/", views.upload, name="upload"),
    path("exchange/collect/confirm/", views.confirm, name="confirm"),
    path("exchange/dhis2/export/", views.dhis2_export, name="dhis2_export"),
    path("exchange/dhis2/import/", views.dhis2_import, name="dhis2_import"),
    path("exchange/open/", views.open_export, name="open_export"),
]
