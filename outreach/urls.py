from django.urls import path

from . import api, embed, go

#: Also answered before the inner middleware (outreach/middleware.py).
API_PATH = "api/warnings/v1/"

urlpatterns = [
    path(API_PATH, api.warnings, name="outreach_api"),
    path("api/warnings/v1/schema", api.schema_view, name="outreach_schema"),
    path("embed/warning/", embed.card, name="outreach_card"),
    path("embed/warning/snippet", embed.snippet, name="outreach_snippet"),
    path("go/<str:value>", go.go, name="outreach_go"),
]
