"""URLs under /admin/notifications/ (namespace ``notifications``)."""

from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("<int:notification_id>/read/", views.mark_read, name="read"),
    path("read/", views.mark_all_read, name="read_all"),
]
