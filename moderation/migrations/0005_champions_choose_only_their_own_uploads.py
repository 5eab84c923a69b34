"""Champions no longer choose from everything in the "Submissions" collection.

With "choose" there, Wagtail's image and document choosers offered every champion's uploads
to every champion. With "add" alone, each champion sees, edits and chooses only their own
(see `moderation.uploads`); moderators keep "choose" on the root collection and see them all.
"""

from django.db import migrations

CHAMPIONS = "Champions"
SUBMISSIONS = "Submissions"
CHOOSE = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))


def champions_choose(apps):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    return (
        GroupCollectionPermission,
        Group.objects.filter(name=CHAMPIONS).first(),
        Collection.objects.filter(depth=2, name=SUBMISSIONS).first(),
        [
            permission
            for app_label, codename in CHOOSE
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        ],
    )


def remove_choose(apps, schema_editor):
    GroupCollectionPermission, champions, submissions, permissions = champions_choose(apps)
    if champions is None or submissions is None:
        return
    GroupCollectionPermission.objects.filter(
        group=champions, collection=submissions, permission__in=permissions
    ).delete()


def give_choose_back(apps, schema_editor):
    GroupCollectionPermission, champions, submissions, permissions = champions_choose(apps)
    if champions is None or submissions is None:
        return
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=champions, collection=submissions, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_sections_set_up_once"),
    ]

    operations = [migrations.RunPython(remove_choose, give_choose_back)]
