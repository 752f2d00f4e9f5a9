"""One editor group per region, with just what a regional editor needs.

``Legal reviewers · BE`` may reach the admin and sign off BE's legal
text (``campaign.releases.legal``); nothing more.

``Regional editors · BE`` may reach the admin and schedule, reschedule and
withdraw releases, and ``Region.editable_by`` limits that to the regions
whose ``editor_groups`` name the group. Running the command again changes
nothing; a group's extra permissions, added by hand, are kept.

Pages: Wagtail 8 has no view-only page permission (its explorer lists a
page only for add, change, publish, bulk_delete, lock or unlock, see
``PagePermissionPolicy.explorable_instances``). The weakest of these is
``add`` ("add/edit pages you own": drafts only, no publishing, no edits of
other people's pages), granted on the root page of each of the region's
locales so that regional editors can browse their campaign pages.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from campaign.models import LEGAL_REVIEWERS, Region

GROUP_NAME = "Regional editors · %(code)s"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("campaign", "add_release"),
    ("campaign", "change_release"),
    ("campaign", "view_release"),
]
PAGE_PERMISSION = ("wagtailcore", "add_page")


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Command(BaseCommand):
    help = (
        "Create or update one 'Regional editors · CODE' group per region, with "
        "release permissions, and link it to the region."
    )

    def handle(self, *args, **options):
        permissions = [permission(*pair) for pair in PERMISSIONS]
        page_permission = permission(*PAGE_PERMISSION)
        for region in Region.objects.prefetch_related("region_locales"):
            with transaction.atomic():
                changes = self.sync(region, permissions, page_permission)
            name = GROUP_NAME % {"code": region.code}
            self.stdout.write(f"{name}: {', '.join(changes) or 'up to date'}")
            legal, created = Group.objects.get_or_create(
                name=LEGAL_REVIEWERS % {"code": region.code}
            )
            legal.permissions.add(permissions[0])  # the admin, nothing more
            if created:
                self.stdout.write(f"{legal.name}: created")

    def sync(self, region, permissions, page_permission) -> list[str]:
        changes = []
        group, created = Group.objects.get_or_create(
            name=GROUP_NAME % {"code": region.code}
        )
        if created:
            changes.append("created")
        missing = set(permissions) - set(group.permissions.all())
        if missing:
            group.permissions.add(*missing)
            changes.append(f"{len(missing)} permission(s) added")
        if not region.editor_groups.filter(pk=group.pk).exists():
            region.editor_groups.add(group)
            changes.append("linked to the region")

        roots = Page.objects.filter(
            depth=2,
            locale__in=[item.locale_id for item in region.region_locales.all()],
        )
        wanted = set(roots.values_list("pk", flat=True))
        current = GroupPagePermission.objects.filter(
            group=group, permission=page_permission
        )
        stale = current.exclude(page__in=wanted)
        if stale.exists():
            stale.delete()
            changes.append("page permission(s) of other locales removed")
        have = set(current.values_list("page_id", flat=True))
        for page_id in sorted(wanted - have):
            GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission=page_permission
            )
        if wanted - have:
            changes.append(f"{len(wanted - have)} page permission(s) added")
        return changes
