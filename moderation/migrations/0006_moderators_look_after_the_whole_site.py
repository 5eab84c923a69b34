"""VRU moderators may add, change, publish, lock and unlock every page of each site.

Until now they had these only on the practice sections, so nobody but a superuser could edit
the home page, the roadmap or a standard page. They are given on each site's home page (its
root page, never the tree's own root), which covers every page below it, and the home page
is recorded as set up so that `migrate` leaves an administrator's later changes alone. New
sites get the same from `moderation.roles.set_up_site_home`. Champions are not changed: they
keep "add" on the case-study index only.
"""

from django.db import migrations

MODERATORS = "VRU moderators"
PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]


def page_permission(apps, permission_type):
    # Made here if missing, as model permissions are normally made after all migrations.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{permission_type}_page",
        defaults={"name": f"Can {permission_type} page"},
    )[0]


def moderators_on_every_site_home(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Site = apps.get_model("wagtailcore", "Site")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ModeratedSection = apps.get_model("moderation", "ModeratedSection")

    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return
    permissions = [page_permission(apps, permission_type) for permission_type in PAGE_PERMISSIONS]
    for page_id in (
        Site.objects.filter(root_page__depth__gt=1)
        .values_list("root_page_id", flat=True)
        .distinct()
    ):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page_id=page_id, permission=permission
            )
        ModeratedSection.objects.get_or_create(page_id=page_id)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0005_champions_choose_only_their_own_uploads"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(moderators_on_every_site_home, migrations.RunPython.noop)]
