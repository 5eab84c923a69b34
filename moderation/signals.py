"""Keep every site's home page and every practice section under the roles' permissions and,
for sections, the moderation workflow."""

from django.db.models.signals import post_migrate, post_save

from wagtail.models import Site

from .roles import SECTION_MODELS, set_up_new_sections, set_up_new_site_homes, set_up_section


def on_section_saved(sender, instance, created, raw=False, **kwargs):
    # Only when a section is first made: later edits must not undo an admin's choices.
    if created and not raw:
        set_up_section(instance)


def on_site_saved(sender, instance, raw=False, **kwargs):
    # A new site, or a site given a new home page; a home page set up before is left alone.
    if not raw:
        set_up_new_site_homes()


def on_migrated(sender, **kwargs):
    set_up_new_sections()


def connect(app_config):
    from django.apps import apps

    for label in SECTION_MODELS:
        post_save.connect(
            on_section_saved, sender=apps.get_model(label), dispatch_uid=f"moderation-{label}"
        )
    post_save.connect(on_site_saved, sender=Site, dispatch_uid="moderation-site")
    post_migrate.connect(on_migrated, sender=app_config, dispatch_uid="moderation-migrated")
