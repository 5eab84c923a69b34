"""VRU moderators may open the "Library sync" report: they are the ones who take pages down."""

from django.db import migrations

MODERATORS = "VRU moderators"


def allow_library_sync_report(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="librarychange")
    view, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_librarychange",
        defaults={"name": "Can view library change"},
    )
    Group.objects.get_or_create(name=MODERATORS)[0].permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_roles_and_workflow"),
        ("search", "0003_change_log"),
    ]

    operations = [migrations.RunPython(allow_library_sync_report, migrations.RunPython.noop)]
