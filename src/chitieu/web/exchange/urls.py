from django.urls import path

from chitieu.web.exchange import views

app_name = "exchange"

urlpatterns = [
    path("exchange/", views.index, name="index"),
    path("exchange/collect/template/", views.template, name="template"),
    path("exchange/collect/upload/", views.upload, name="upload"),
    path("exchange/collect/uploads/<int:upload_id>/", views.workbook, name="workbook"),
    path("exchange/collect/uploads/<int:upload_id>/card/", views.workbook_card, name="workbook_card"),
    path("exchange/collect/uploads/<int:upload_id>/confirm/", views.confirm, name="confirm"),
    path("exchange/exports/", views.export_queue, name="export_queue"),
    path("exchange/exports/<int:job_id>/", views.export_job, name="export_job"),
    path("exchange/exports/<int:job_id>/file/", views.export_file, name="export_file"),
    path("exchange/dhis2/export/", views.dhis2_export, name="dhis2_export"),
    path("exchange/dhis2/import/", views.dhis2_import, name="dhis2_import"),
    path("exchange/dhis2/imports/<int:job_id>/", views.dhis2_job, name="dhis2_job"),
    path("exchange/dhis2/imports/<int:job_id>/card/", views.dhis2_card, name="dhis2_card"),
    path("exchange/open/", views.open_export, name="open_export"),
]
