from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("new/", views.upload, name="upload"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/discard/", views.discard, name="discard"),
]
