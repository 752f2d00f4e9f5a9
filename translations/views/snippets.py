"""A translator's screen for one helpline or legal text in one locale.

Helplines and legal texts are not translated in wagtail-localize's editor:
its snippet editor and string endpoints check only the model permission
(any locale) and publish on save, so translators hold no snippet
permission at all. Here they translate the source's texts one by one
(stored as wagtail-localize string translations, so progress, translation
memory and PO files work as for pages), save a draft that changes nothing
public, and submit it; a reviewer's approval publishes it
(``translations.drafts``).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Locale
from wagtail_localize.models import StringSegment

from campaign.models import TranslationReview
from translations import snippets as snippet_drafts
from translations.permissions import can_translate_snippet
from translations.status import (
    Cell,
    last_snippet_edit,
    progress_percent,
    snippet_state,
)

from .workspace import WorkspaceBase, report_submission

FIELD_PREFIX = "text-"


class SnippetWorkspaceView(WorkspaceBase):
    """Translate, save a draft, submit; with the review history."""

    template_name = "translations/snippet_workspace.html"

    def dispatch(self, request, model_name, source_id, locale_code):
        model = snippet_drafts.snippet_models().get(model_name)
        if model is None:
            raise Http404
        row = get_object_or_404(model, pk=source_id)
        self.source = snippet_drafts.snippet_source(row)
        self.locale = get_object_or_404(Locale, language_code=locale_code)
        if row.pk != self.source.pk:
            raise Http404
        if not can_translate_snippet(request.user, self.source, self.locale):
            raise PermissionDenied
        self.translation = snippet_drafts.snippet_translation(self.source, self.locale)
        return super().dispatch(request)

    def get(self, request, *args, **kwargs):
        translation = self.translation
        if translation is not None and snippet_drafts.field_values(
            translation.source.as_instance()
        ) != snippet_drafts.field_values(self.source):
            # The source changed since: translate its current text. The
            # translations of unchanged texts are kept.
            self.translation = snippet_drafts.snippet_translation(
                self.source, self.locale, create=True
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = snippet_drafts.snippet_target(self.source, self.locale)
        reviews = list(
            snippet_drafts.snippet_reviews(self.source, self.locale).select_related(
                "submitted_by", "decided_by"
            )
        )
        state, note = snippet_state(
            snippet_drafts.field_values(self.source),
            target,
            self.translation,
            reviews,
            last_snippet_edit(self.source, self.locale),
        )
        cell = Cell(state, self.locale, note=note)
        cell.percent = progress_percent(self.translation)
        strings = kwargs.get("strings")
        if strings is None and self.translation is not None:
            strings = snippet_drafts.snippet_strings(self.translation)
        labels = {
            field.name: field.verbose_name for field in type(self.source)._meta.fields
        }
        for row in strings or []:
            row["label"] = labels.get(row["field"], row["field"])
            row["name"] = f"{FIELD_PREFIX}{row['id']}"
        context.update(
            source=self.source,
            locale=self.locale,
            target=target,
            translation=self.translation,
            strings=strings,
            cell=cell,
            reviews=reviews,
        )
        return context

    def _posted_texts(self, request) -> tuple[dict[int, str], list[str]]:
        """The posted texts by segment id, and the ``text-`` field names that
        name no segment of this translation (``text-²`` passes isdigit())."""
        known = set(
            StringSegment.objects.filter(source=self.translation.source).values_list(
                "pk", flat=True
            )
        )
        texts, unknown = {}, []
        for name, value in request.POST.items():
            if not name.startswith(FIELD_PREFIX):
                continue
            suffix = name.removeprefix(FIELD_PREFIX)
            if suffix.isascii() and suffix.isdecimal() and int(suffix) in known:
                texts[int(suffix)] = value
            else:
                unknown.append(name[:40])
        return texts, unknown

    def post(self, request, *args, **kwargs):
        here = request.path
        action = request.POST.get("action")
        if action == "start":
            snippet_drafts.snippet_translation(self.source, self.locale, create=True)
            return redirect(here)
        if self.translation is None or action not in ("save", "submit"):
            return redirect(here)
        texts, unknown = self._posted_texts(request)
        if unknown:
            return HttpResponseBadRequest(
                _(
                    "This form has field(s) that are not texts of this "
                    "translation: %(names)s. Reload the page and try again."
                )
                % {"names": ", ".join(sorted(unknown))},
                content_type="text/plain; charset=utf-8",
            )
        errors = snippet_drafts.save_snippet_strings(
            self.translation, texts, request.user
        )
        if errors:
            strings = snippet_drafts.snippet_strings(self.translation)
            for row in strings:
                if row["id"] in errors:
                    row["error"] = errors[row["id"]]
                    row["text"] = texts.get(row["id"], row["text"])
            messages.error(request, _("Some texts were not saved: see below."))
            return self.render_to_response(self.get_context_data(strings=strings))
        if action == "save":
            messages.success(
                request, _("Draft saved. What readers see has not changed.")
            )
            return redirect(here)
        report_submission(
            request,
            self.locale,
            lambda: snippet_drafts.submit_snippet(
                self.source, self.locale, request.user
            ),
        )
        return redirect(here)


def snippet_changes(review: TranslationReview) -> list[dict]:
    """Each translated field of a snippet submission beside the source's and
    the live row's values."""
    source = snippet_drafts.snippet_reviewed(review)
    target = snippet_drafts.snippet_target(source, review.locale)
    model = type(source)
    rows = []
    for name, text in review.content["fields"].items():
        live = getattr(target, name, "") if target is not None else ""
        rows.append(
            {
                "label": str(model._meta.get_field(name).verbose_name).capitalize(),
                "source": review.content["source"].get(name, ""),
                "live": live,
                "submitted": text,
                "changed": text != live,
            }
        )
    return rows
