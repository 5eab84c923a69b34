"""Champions' images and documents stay theirs until a public page uses them.

In the admin: Wagtail's collection-ownership rules, where "add" on a collection (what
champions have on "Submissions") lets a person edit and delete what they uploaded there and
nothing else. Here "add" also lets them choose their own uploads in the image and document
choosers. "Choose" on a collection (moderators have it on the root) still offers everything
in it. So each champion sees only their own uploads, and moderators see them all.

On the site: documents go through Wagtail's view at /documents/<id>/<filename>. The public
gets a document only while a public page (the rule in `core.public`) uses it, as Wagtail's
reference index records; someone signed in to the admin also gets one they may see there, or
one that a page they may edit uses. Anyone else gets 404, which does not say it exists.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from core.public import public


class OwnUploadsPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection-ownership policy, with "add" on a collection also letting a person
    choose what they uploaded there."""

    def user_has_permission(self, user, action):
        if action == "choose":
            return self._check_perm(user, ["add", "choose"])
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "choose" in actions and self._uploaded_by(user, instance):
            return True
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if "choose" not in actions or user.is_anonymous or user.is_superuser:
            return instances
        own = self.model._default_manager.filter(
            collection__in=self._collections_with_perm(user, ["add"]),
            **{self.owner_field_name: user},
        )
        return instances | own

    def collections_user_has_any_permission_for(self, user, actions):
        if "choose" in actions:
            actions = {*actions, "add"}
        return super().collections_user_has_any_permission_for(user, actions)

    def _uploaded_by(self, user, instance):
        return (
            user.is_active
            and user.is_authenticated
            and getattr(instance, f"{self.owner_field_name}_id") == user.pk
            and self._check_perm(user, ["add"], collection=instance.collection)
        )


def register_permission_policies():
    """Use the policy for images and documents.

    `exact_class` puts it ahead of the policy Wagtail's image and document apps register for
    the same models in their own `ready()`, whatever order the apps are listed in.
    """
    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        register_permission_policy(
            model,
            OwnUploadsPermissionPolicy(
                model, auth_model=auth_model, owner_field_name="uploaded_by_user"
            ),
            exact_class=True,
        )


def pages_using(document):
    """The pages that link to or embed the document, as Wagtail's reference index records it
    from each page's own record: a live page's published version, a draft's latest edit."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )


def may_fetch(user, document):
    """Anyone, while a public page uses it; someone in the admin who may see it there or edit
    a page that uses it."""
    pages = pages_using(document)
    if public(pages).exists():
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    documents = policy_registry.get_by_type(type(document))
    if documents.user_has_any_permission_for_instance(user, ["change", "choose"], document):
        return True
    return any(page.permissions_for_user(user).can_edit() for page in pages)


def refuse_unseen_document(document, request):
    """Wagtail's `before_serve_document` hook: 404 for a document this person may not have."""
    if not may_fetch(request.user, document):
        raise Http404("No such document.")
