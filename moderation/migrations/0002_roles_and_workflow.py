"""The roles and the workflow every install starts with.

Champions: into the admin, and images and documents in a "Submissions" collection.
VRU moderators: into the admin, every image and document, and the taxonomies.
The "VRU moderation" workflow: the moderators' review, then a safeguarding check that only
pages involving young people's voice need.

Page permissions and the workflow's place on the practice sections are attached by
`moderation.roles.set_up_section` when a section exists (see that module). This only adds what
is missing, so running it on an install that already has some of it changes nothing else.
"""

from django.db import migrations

CHAMPIONS = "Champions"
MODERATORS = "VRU moderators"
WORKFLOW = "VRU moderation"
SUBMISSIONS = "Submissions"
TAXONOMIES = ["sector", "driverofchange", "borough", "principle"]
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def permission(apps, app_label, model, codename):
    # Model permissions are normally made after all migrations; make the ones needed now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )[0]


def media_permissions(apps, actions):
    return [
        permission(apps, app_label, model, f"{action}_{model}")
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in actions
    ]


def submissions_collection(apps):
    """The "Submissions" collection under the root, made by hand: migrations lack treebeard."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.get(depth=1)
    existing = Collection.objects.filter(depth=2, name=SUBMISSIONS).first()
    if existing:
        return existing
    last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    number = int(last.path[-STEP:], 36) + 1 if last else 1
    key = ""
    while number:
        number, digit = divmod(number, 36)
        key = ALPHABET[digit] + key
    collection = Collection.objects.create(
        name=SUBMISSIONS, path=root.path + key.rjust(STEP, "0"), depth=2, numchild=0
    )
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])
    return collection


def add_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    champions, _ = Group.objects.get_or_create(name=CHAMPIONS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    champions.permissions.add(access_admin)
    moderators.permissions.add(access_admin)
    moderators.permissions.add(
        *[
            permission(apps, "casestudies", model, f"{action}_{model}")
            for model in TAXONOMIES
            for action in ("add", "change", "delete", "view")
        ]
    )

    for group, collection, actions in (
        (champions, submissions_collection(apps), ("add", "choose")),
        (moderators, Collection.objects.get(depth=1), ("add", "change", "delete", "choose")),
    ):
        for item in media_permissions(apps, actions):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=item
            )

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not created:
        return
    steps = (
        ("wagtailcore", "GroupApprovalTask", "VRU moderator review"),
        ("moderation", "SafeguardingCheckTask", "Safeguarding check"),
    )
    for order, (app_label, model_name, name) in enumerate(steps):
        model = apps.get_model(app_label, model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name.lower()
        )
        task = model.objects.filter(name=name).first() or model.objects.create(
            name=name, content_type=content_type, active=True
        )
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("casestudies", "0003_text_length_validators"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(add_roles_and_workflow, migrations.RunPython.noop)]
