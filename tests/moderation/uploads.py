"""Images and documents uploaded as a given person, into a given collection, as the admin does."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import PIL.Image

from moderation.roles import SUBMISSIONS_COLLECTION


def submissions():
    return Collection.objects.get(name=SUBMISSIONS_COLLECTION)


def upload_document(user, title, collection=None, text="Illustrative notes."):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(text.encode(), name=f"{title.lower().replace(' ', '-')}.txt"),
        collection=collection or submissions(),
        uploaded_by_user=user,
    )


def upload_image(user, title, collection=None):
    buffer = BytesIO()
    PIL.Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
        collection=collection or submissions(),
        uploaded_by_user=user,
    )


def downloaded(response):
    """The bytes of a served document."""
    return b"".join(response.streaming_content)
