"""Hooks of the notifications: the "For you" dashboard panel and its URLs."""

from django.urls import include, path
from wagtail import hooks

from notifications import panel, urls


@hooks.register("construct_homepage_panels")
def add_for_you_panel(request, panels):
    panel.add_panel(request, panels)


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [path("notifications/", include(urls))]
