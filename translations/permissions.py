"""Who translates and reviews which locale: the per-locale groups.

Every content locale other than the source has two groups, and the source
a reviewers' group (its approval is a review step like the others), kept in
step with the locale list by ``manage.py sync_translator_groups``:

- "Translators · fr-be": may open the admin and add and change pages in the
  fr-be tree only (a Wagtail ``GroupPagePermission`` on the fr-be home
  page). Never ``publish_page``, and never wagtail-localize's global
  ``submit_translation``, which lets its holder sync and publish every
  locale (docs/design.md, "Known traps").
- "Reviewers · fr-be": may change pages of the fr-be tree (so Wagtail's
  revision preview and compare views open for them) and approve or reject
  fr-be translations submitted for review. Not publish either: a region's
  release publishes the approved revision.

Neither group holds a snippet permission: helplines and legal texts are
translated and reviewed in this project's own views, which check the
locale (``can_translate_snippet``); Wagtail's snippet views and
wagtail-localize's snippet endpoints check only the model permission.

A group is tied to its locale by its name, the one thing operators see.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale, Page

TRANSLATORS = "Translators · "
REVIEWERS = "Reviewers · "

#: Page permissions (Wagtail 8: Django Permission objects) per role.
PAGE_PERMISSIONS = {
    TRANSLATORS: ("add_page", "change_page"),
    REVIEWERS: ("change_page",),
}
#: The only model-level permission the groups hold: opening the admin.
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def translators_group_name(locale: Locale) -> str:
    return f"{TRANSLATORS}{locale.language_code}"


def reviewers_group_name(locale: Locale) -> str:
    return f"{REVIEWERS}{locale.language_code}"


def _codes(user, prefix: str) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    names = user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    return {name.removeprefix(prefix) for name in names}


def translator_locales(user):
    """The locales ``user`` translates (superusers: every one)."""
    if user.is_active and user.is_superuser:
        return Locale.objects.all()
    return Locale.objects.filter(language_code__in=_codes(user, TRANSLATORS))


def reviewer_locales(user):
    """The locales whose translations ``user`` may approve or reject."""
    if user.is_active and user.is_superuser:
        return Locale.objects.all()
    return Locale.objects.filter(language_code__in=_codes(user, REVIEWERS))


def is_source_locale(locale_id: int) -> bool:
    return locale_id == Locale.get_default().pk


def can_translate(user, page: Page) -> bool:
    """May ``user`` save drafts of ``page`` and submit them for review?

    Checked on the server by every view that writes: a translation whose
    locale the user translates, in a tree where Wagtail lets them edit.
    Editors who hold publish permission there may do it too, and the source
    page's owner submits the source (its own review step).
    """
    if page.is_root():
        return False
    perms = page.permissions_for_user(user)
    if not perms.can_edit():
        return False
    if holds_publish(perms):
        return True
    if is_source_locale(page.locale_id):
        # The source's own review step: its owner submits it.
        return page.owner_id is not None and page.owner_id == user.pk
    return translator_locales(user).filter(pk=page.locale_id).exists()


def works_in_segments(user, page: Page) -> bool:
    """Is ``user`` a translator of ``page`` (its locale, no publish permission
    on its tree)? Translators translate the source's segments in
    wagtail-localize's editor, so a translation's structure is always the
    source's: they never get Wagtail's page editor (where a StreamField's
    blocks are added, moved and deleted) and never delete a page."""
    return can_translate(user, page) and translation_without_publish(user, page)


def translation_without_publish(user, page: Page) -> bool:
    """Is ``page`` a translation whose tree ``user`` may not publish?"""
    if is_source_locale(page.locale_id):
        return False
    return not holds_publish(page.permissions_for_user(user))


def translates_only(user) -> bool:
    """A translator who may publish nowhere: page-wide offers that could
    concern their pages (the listing's bulk "Delete") are not made to them."""
    if not user.is_active or user.is_superuser or not _codes(user, TRANSLATORS):
        return False
    return not GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def holds_publish(perms) -> bool:
    """Does the user hold publish permission on the page's tree? Campaign
    pages publish through releases only (their ``can_publish()`` is always
    False), but who holds it still decides who may translate directly."""
    holds = getattr(perms, "holds_publish", None)
    return holds() if holds else perms.can_publish()


def can_review(user, page: Page) -> bool:
    """Reviewers of the page's locale; for the source, "Reviewers · en"."""
    return reviewer_locales(user).filter(pk=page.locale_id).exists()


def can_translate_snippet(user, source, locale: Locale) -> bool:
    """May ``user`` translate the helpline or legal text ``source`` (its
    source row) into ``locale``?

    Only into another locale of the snippet's region, and only for its
    translators (or staff who may change such snippets anyway). Translators
    hold no snippet permission: Wagtail's snippet views, and
    wagtail-localize's editor and string endpoints (which check the model
    permission, not the locale), stay closed to them.
    """
    if locale.pk == source.locale_id or not user.is_active:
        return False
    if not source.region.region_locales.filter(locale=locale).exists():
        return False
    model = type(source)
    if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        return True
    return translator_locales(user).filter(pk=locale.pk).exists()


def can_review_snippet(user, review) -> bool:
    return reviewer_locales(user).filter(pk=review.locale_id).exists()


def locale_home(locale: Locale) -> Page | None:
    """The root of a locale's tree: its translation of the site's home page."""
    return (
        Page.objects.filter(depth=2, locale=locale).order_by("path").first()
        if locale
        else None
    )


# Keeping the groups in step ---------------------------------------------------


@dataclass
class GroupSync:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    #: Locales with no home page yet: their groups have no page permission.
    without_tree: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Translator groups: {len(self.created)} created, "
            f"{len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.deleted)} deleted."
        )


def _page_permissions(codenames) -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
    )


def _sync_group(name: str, prefix: str, home: Page | None, admin_access) -> str:
    group, created = Group.objects.get_or_create(name=name)
    changed = False
    # Exactly admin access: a stray publish or submit_translation
    # permission added by hand is taken away again.
    if list(group.permissions.all()) != [admin_access]:
        group.permissions.set([admin_access])
        changed = True
    wanted = (
        {(home.pk, perm.pk) for perm in _page_permissions(PAGE_PERMISSIONS[prefix])}
        if home
        else set()
    )
    rows = GroupPagePermission.objects.filter(group=group)
    have = set(rows.values_list("page_id", "permission_id"))
    if have != wanted:
        for page_id, permission_id in have - wanted:
            rows.filter(page_id=page_id, permission_id=permission_id).delete()
        for page_id, permission_id in wanted - have:
            GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission_id=permission_id
            )
        changed = True
    if created:
        return "created"
    return "updated" if changed else "unchanged"


@transaction.atomic
def sync_translator_groups() -> GroupSync:
    """Create, repair or delete the per-locale groups; safe to run again."""
    result = GroupSync()
    admin_access = Permission.objects.get(
        content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1]
    )
    default = Locale.get_default()
    wanted = set()
    for locale in Locale.objects.order_by("language_code"):
        home = locale_home(locale)
        if home is None:
            result.without_tree.append(locale.language_code)
        roles = [(REVIEWERS, reviewers_group_name(locale))]
        if locale.pk != default.pk:  # the source is written, not translated
            roles.insert(0, (TRANSLATORS, translators_group_name(locale)))
        for prefix, name in roles:
            wanted.add(name)
            outcome = _sync_group(name, prefix, home, admin_access)
            getattr(result, outcome).append(name)
    stale = Group.objects.filter(
        Q(name__startswith=TRANSLATORS) | Q(name__startswith=REVIEWERS)
    ).exclude(name__in=wanted)
    for group in stale:
        result.deleted.append(group.name)
    stale.delete()
    return result


# Nobody publishes around a release -----------------------------------------------

#: Permissions no group holds: wagtail-localize's ``submit_translation``
#: lets its holder sync every locale of a page and publish them at once
#: ("Publish immediately"), around review and release. Its migration 0006
#: gives it to Wagtail's default Editors and Moderators.
WITHHELD = (("wagtail_localize", "submit_translation"),)


@transaction.atomic
def sync_publication_permissions() -> list[str]:
    """Take the withheld permissions from every group; say what was taken."""
    taken = []
    for app_label, codename in WITHHELD:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            continue
        for group in Group.objects.filter(permissions=permission).order_by("name"):
            group.permissions.remove(permission)
            taken.append(f"{group.name}: {app_label}.{codename}")
    return taken
