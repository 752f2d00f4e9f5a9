"""The page listing's bulk actions without "Delete" for translators.

Wagtail offers the same bulk actions to everyone and checks each page when
the action runs; translators never delete, so the choice is not offered to
them (``translations.wagtail_hooks.refuse_bulk_delete`` refuses it anyway).
"""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices

from translations.permissions import translates_only

register = template.Library()


def _drop(buttons, url: str) -> list:
    kept = []
    for button in buttons:
        if getattr(button, "url", None) == url:
            continue
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = _drop(button.dropdown_buttons, url)
        kept.append(button)
    return kept


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def campaign_bulk_action_choices(context, app_label, model_name):
    choices = bulk_action_choices(context, app_label, model_name)
    request = context.get("request")
    if app_label == "wagtailcore" and model_name == "page" and request:
        if translates_only(request.user):
            url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
            choices["buttons"] = _drop(choices["buttons"], url)
    return choices
