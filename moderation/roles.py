"""The two editorial roles and what they may do in each practice section.

The groups, their admin and collection permissions and the workflow are made by this app's
data migration. Page permissions, though, belong to pages: a practice section (the case-study
index, the recommendations index, the glossary) may be created long after the migration ran,
so `set_up_section` attaches them when a section is created, and `migrate` does it for
sections that have never been set up; what an administrator changes afterwards stands. Champions get "add" on the case-study index only:
Wagtail then lets them create case studies there (its page-type rules allow nothing else under
the index) and edit only pages they own. Moderators get "change" and "publish" on every section.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from .models import ModeratedSection

CHAMPIONS = "Champions"
MODERATORS = "VRU moderators"
WORKFLOW = "VRU moderation"
SUBMISSIONS_COLLECTION = "Submissions"

CHAMPION_PAGE_PERMISSIONS = ["add"]
MODERATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

# Sections by model label; champions write only where case studies live.
SECTION_MODELS = {
    "casestudies.casestudyindexpage": {
        CHAMPIONS: CHAMPION_PAGE_PERMISSIONS,
        MODERATORS: MODERATOR_PAGE_PERMISSIONS,
    },
    "casestudies.recommendationindexpage": {MODERATORS: MODERATOR_PAGE_PERMISSIONS},
    "casestudies.glossarypage": {MODERATORS: MODERATOR_PAGE_PERMISSIONS},
}


def set_up_section(page):
    """Give a practice section its group permissions and the VRU moderation workflow.

    Idempotent, and quiet when the groups are missing (a test database flushed empty), so it
    is safe to call on every save of a section. A workflow someone has chosen for the section
    in the admin is kept.
    """
    rules = SECTION_MODELS[page.specific_class._meta.label_lower]
    groups = {group.name: group for group in Group.objects.filter(name__in=rules)}
    for name, permission_types in rules.items():
        if name not in groups:
            continue
        for permission_type in permission_types:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page_id=page.pk,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                ),
            )
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    if groups:
        ModeratedSection.objects.get_or_create(page_id=page.pk)


def set_up_new_sections():
    """Set up the sections never set up before; leave the others as administrators left them."""
    for page in Page.objects.filter(
        content_type__app_label="casestudies",
        content_type__model__in=[label.split(".")[1] for label in SECTION_MODELS],
    ).exclude(pk__in=ModeratedSection.objects.values("page_id")):
        set_up_section(page)


def is_champion(user):
    return user.groups.filter(name=CHAMPIONS).exists()


def is_moderator(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()
