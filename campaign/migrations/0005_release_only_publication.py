"""Nobody publishes campaign translations around a release.

wagtail-localize's migration 0006 gives its ``submit_translation``
permission to Wagtail's default Editors and Moderators groups; with it they
could "Sync translated pages" with "Publish immediately" and put every
locale live at once. This takes it from every group, as
``manage.py sync_publication_permissions`` does (translations/permissions.py).
"""

from django.db import migrations

WITHHELD = (("wagtail_localize", "submit_translation"),)


def withhold(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_label, codename in WITHHELD:
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ):
            for group in Group.objects.filter(permissions=permission):
                group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0004_snippet_translation_review"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(withhold, migrations.RunPython.noop)]
