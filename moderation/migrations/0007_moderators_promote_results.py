"""VRU moderators may add, change and delete promoted results: they see what people search for
and decide which pages to recommend."""

from django.db import migrations

MODERATORS = "VRU moderators"
ACTIONS = ["add", "change", "delete", "view"]


def allow_promotions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="promotion")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_promotion",
            defaults={"name": f"Can {action} promoted result"},
        )[0]
        for action in ACTIONS
    ]
    Group.objects.get_or_create(name=MODERATORS)[0].permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0006_moderators_look_after_the_whole_site"),
        ("search", "0005_promoted_results"),
    ]

    operations = [migrations.RunPython(allow_promotions, migrations.RunPython.noop)]
