"""URLs of the translation screens, under /admin/translations/ (namespace
``campaign_translations``, kept from before the app had its own room)."""

from django.urls import path

from translations.views import overview, pages, review, snippets

app_name = "campaign_translations"

urlpatterns = [
    path("", overview.StatusView.as_view(), name="status"),
    path(
        "<int:source_id>/<str:locale_code>/",
        pages.WorkspaceView.as_view(),
        name="workspace",
    ),
    path(
        "<int:source_id>/<str:locale_code>/start/",
        pages.start,
        name="start",
    ),
    path("page/<int:page_id>/draft/", pages.save_draft, name="draft"),
    path("page/<int:page_id>/submit/", pages.submit, name="submit"),
    path(
        "snippet/<str:model_name>/<int:source_id>/<str:locale_code>/",
        snippets.SnippetWorkspaceView.as_view(),
        name="snippet",
    ),
    path("reviews/", review.QueueView.as_view(), name="review_queue"),
    path("reviews/<int:review_id>/", review.DecisionView.as_view(), name="review"),
]
