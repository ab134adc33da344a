from django.urls import path

from responses import views

app_name = "responses"
urlpatterns = [
    path("start/<slug:slug>/", views.start_response, name="start"),
    path("<int:pk>/", views.workspace, name="workspace"),
    path("<int:pk>/letter/", views.edit_letter, name="edit_letter"),
    path("<int:pk>/findings/<int:finding_pk>/", views.edit_finding, name="edit_finding"),
    path("<int:pk>/checklist/", views.edit_checklist, name="edit_checklist"),
    path("<int:pk>/steps/<slug:step>/", views.take_step, name="step"),
    path("<int:pk>/history/", views.history, name="history"),
]
