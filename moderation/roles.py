"""The two editorial roles and what they may do on the site's pages and uploads.

The groups, their admin and collection permissions and the workflow are made by this app's
data migrations. Champions may add images and documents to the "Submissions" collection and
nothing more there: Wagtail's collection-ownership rules then let each of them see, edit and
choose only what they uploaded (see `moderation.uploads`). Moderators may do everything with
images and documents in every collection.

Page permissions belong to pages, which may be created long after the migrations ran, so they
are attached when the page appears, once:

- each site's home page (its root page) gives moderators add, change, publish, lock and
  unlock on the whole site: the home page, the roadmap, standard pages and every section
  below. `set_up_site_home` runs when a site is saved with a root page never set up before;
- each practice section (the case-study index, the recommendations index, the glossary) gets
  the VRU moderation workflow, and champions get "add" on the case-study index only: Wagtail
  then lets them create case studies there (its page-type rules allow nothing else under the
  index) and edit only pages they own. `set_up_section` runs when a section is created.

`migrate` sets up the pages that have never been set up; what an administrator changes
afterwards stands, including a permission removed.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowPage

from .models import ModeratedSection

CHAMPIONS = "Champions"
MODERATORS = "VRU moderators"
WORKFLOW = "VRU moderation"
SUBMISSIONS_COLLECTION = "Submissions"

CHAMPION_PAGE_PERMISSIONS = ["add"]
MODERATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]

# On each site's home page: moderators look after the whole site; champions get nothing here.
SITE_HOME_RULES = {MODERATORS: MODERATOR_PAGE_PERMISSIONS}

# Sections by model label; champions write only where case studies live.
SECTION_MODELS = {
    "casestudies.casestudyindexpage": {
        CHAMPIONS: CHAMPION_PAGE_PERMISSIONS,
        MODERATORS: MODERATOR_PAGE_PERMISSIONS,
    },
    "casestudies.recommendationindexpage": {MODERATORS: MODERATOR_PAGE_PERMISSIONS},
    "casestudies.glossarypage": {MODERATORS: MODERATOR_PAGE_PERMISSIONS},
}


def grant_page_permissions(page_id, rules):
    """Give each group named in `rules` its page permissions on the page; return the groups
    that exist (none in a test database flushed empty)."""
    groups = {group.name: group for group in Group.objects.filter(name__in=rules)}
    for name, permission_types in rules.items():
        if name not in groups:
            continue
        for permission_type in permission_types:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page_id=page_id,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                ),
            )
    return groups


def set_up_section(page):
    """Give a practice section its group permissions and the VRU moderation workflow.

    Idempotent, and quiet when the groups are missing (a test database flushed empty), so it
    is safe to call on every save of a section. A workflow someone has chosen for the section
    in the admin is kept.
    """
    groups = grant_page_permissions(page.pk, SECTION_MODELS[page.specific_class._meta.label_lower])
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    if groups:
        ModeratedSection.objects.get_or_create(page_id=page.pk)


def set_up_site_home(page_id):
    """Give moderators their permissions on a site's home page, and so on the whole site.

    No workflow here: case studies meet the workflow on their section, and what moderators
    publish themselves needs no second moderator.
    """
    if grant_page_permissions(page_id, SITE_HOME_RULES):
        ModeratedSection.objects.get_or_create(page_id=page_id)


def set_up_new_site_homes():
    """Set up the home page of every site whose home page was never set up before."""
    for page_id in (
        # Never the tree's own root, above every site.
        Site.objects.filter(root_page__depth__gt=1)
        .exclude(root_page_id__in=ModeratedSection.objects.values("page_id"))
        .values_list("root_page_id", flat=True)
        .distinct()
    ):
        set_up_site_home(page_id)


def set_up_new_sections():
    """Set up the site homes and sections never set up before; leave the others as
    administrators left them."""
    set_up_new_site_homes()
    for page in Page.objects.filter(
        content_type__app_label="casestudies",
        content_type__model__in=[label.split(".")[1] for label in SECTION_MODELS],
    ).exclude(pk__in=ModeratedSection.objects.values("page_id")):
        set_up_section(page)


def is_champion(user):
    return user.groups.filter(name=CHAMPIONS).exists()


def is_moderator(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()
