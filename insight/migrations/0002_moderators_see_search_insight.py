"""VRU moderators may open the "What people look for" report: they decide which pages to
recommend for searches that find nothing."""

from django.db import migrations

MODERATORS = "VRU moderators"


def allow_search_insight(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="insight", model="dailysearch")
    view, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_dailysearch",
        defaults={"name": "Can view daily search count"},
    )
    Group.objects.get_or_create(name=MODERATORS)[0].permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0001_initial"),
        ("moderation", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(allow_search_insight, migrations.RunPython.noop)]
