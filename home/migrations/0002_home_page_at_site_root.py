"""Turn Wagtail's placeholder welcome page into the site's HomePage.

Every fresh install then has a HomePage at the root of the default site, with or without
demo content.
"""

from django.db import migrations


def welcome_page_to_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")

    page_type = ContentType.objects.get_for_model(Page)
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    for page in Page.objects.filter(depth=2, content_type=page_type):
        HomePage(page_ptr_id=page.pk, introduction="").save_base(raw=True)
        Page.objects.filter(pk=page.pk).update(
            content_type=home_type, title="Practice Library", draft_title="Practice Library"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(welcome_page_to_home_page, migrations.RunPython.noop)]
