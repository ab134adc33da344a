from django.urls import path

from letters import views
from letters.feeds import PublishedResponsesFeed

app_name = "letters"
urlpatterns = [
    path("responses/<int:pk>/letter.pdf", views.letter_pdf, name="pdf"),
    path("responses/<int:pk>/letter.docx", views.letter_docx, name="letter_docx"),
    path("published/", views.national_index, name="national_index"),
    path("published/<slug:office_slug>/", views.published_index, name="published_index"),
    path(
        "published/<slug:office_slug>/feed.atom",
        PublishedResponsesFeed(),
        name="published_feed",
    ),
    path("published/<slug:office_slug>/logo", views.published_logo, name="published_logo"),
    path(
        "published/<slug:office_slug>/<slug:inspection_slug>/",
        views.published_response,
        name="published",
    ),
    path(
        "published/<slug:office_slug>/<slug:inspection_slug>.pdf",
        views.published_pdf,
        name="published_pdf",
    ),
]
