from django.urls import path

from progress import views

app_name = "progress"
urlpatterns = [
    path("findings/<int:finding_pk>/<slug:body_slug>/", views.finding_progress, name="finding"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
]
