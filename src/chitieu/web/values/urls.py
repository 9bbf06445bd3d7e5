from django.urls import path

from chitieu.web.values import views

app_name = "values"

urlpatterns = [
    path("units/<int:unit_id>/plans/<int:plan_id>/entry/<int:year>/", views.entry, name="entry"),
    path("units/<int:unit_id>/plans/<int:plan_id>/entry/<int:year>/row/", views.entry_row, name="entry_row"),
    path("units/<int:unit_id>/plans/<int:plan_id>/entry/<int:year>/submit/", views.submit, name="submit"),
    path("submissions/<int:submission_id>/review/", views.review, name="review"),
    path("submissions/<int:submission_id>/comment/", views.comment_value, name="comment_value"),
    path("review/", views.review_list, name="review_list"),
    path("review/bulk/", views.bulk, name="bulk"),
    path("units/<int:unit_id>/plans/<int:plan_id>/completeness/<int:year>/", views.completeness_page,
         name="completeness"),
    path("values/<int:value_id>/history/", views.history, name="history"),
]
