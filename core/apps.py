from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def _media_changed(sender, instance, **kwargs):
    # A page kept whole shows an image's text and a document's title and link.
    from .versions import pages_around_the_library_changed

    pages_around_the_library_changed()


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site-wide blocks and rules"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        for model in (get_image_model(), get_document_model()):
            uid = f"kept-pages-{model._meta.label_lower}"
            post_save.connect(_media_changed, sender=model, dispatch_uid=f"{uid}-saved")
            post_delete.connect(_media_changed, sender=model, dispatch_uid=f"{uid}-deleted")
