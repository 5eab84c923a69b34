"""Writing checked rows as pages, the way the editor does.

A new page is added under its section as a draft and a revision; a changed page gets a new
revision. Each is then submitted to its section's moderation workflow, or published when the
import was asked to publish. Rows that change nothing are not touched. The caller holds the
transaction: a failure part way leaves nothing written.
"""

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

from .models import ImportedPage


def write_plans(plans, owner, publish=False, progress=None):
    """Create or update the page of each plan that needs it; returns {external ID: page}."""
    return Writer(owner, publish).write(plans, progress)


class Writer:
    def __init__(self, owner, publish):
        self.owner = owner
        self.publish = publish
        self.pages = {}  # external ID -> page written
        self.images = {}  # file hash -> image made by this import
        self.workflows = {}  # section pk -> its workflow

    def write(self, plans, progress=None):
        progress = progress or (lambda items, total, description: items)
        to_write = [plan for plan in plans if plan.action in ("create", "update")]
        waiting = []  # rows that link to a new page further down the file
        for plan in progress(to_write, len(to_write), "Importing"):
            if plan.image is not None:
                plan.page.image = self._image_for(plan.image)
            if plan.action == "create":
                self._add(plan)
            self.pages[plan.external_id] = plan.page
            if any(kind == "row" and ref not in self.pages for kind, ref in plan.links):
                waiting.append(plan)
            else:
                self._save_and_submit(plan)
        for plan in waiting:
            self._save_and_submit(plan)
        ImportedPage.objects.bulk_create(
            ImportedPage(external_id=plan.external_id, page=plan.page)
            for plan in to_write
            if plan.action == "create"
        )
        return self.pages

    def _add(self, plan):
        page = plan.page
        page.owner = self.owner
        page.live = False
        # Below a section, never a site's home page: spares Wagtail a query on each save.
        page._is_site_root = False
        relations = _relations_in_memory(page)
        plan.section.add_child(instance=page)
        # Adding the page wrote its relations and forgot them; giving them back from memory
        # spares its first revision, saved just after, reading them all again.
        for name, items in relations["children"].items():
            setattr(page, name, items)
        for name, items in relations["m2m"].items():
            getattr(page, name).set(items)

    def _save_and_submit(self, plan):
        page = plan.page
        if plan.related is not None:
            setattr(
                page,
                plan.page_type.relation,
                [
                    plan.page_type.relation_model(
                        page_id=self.pages[ref].pk if kind == "row" else ref, sort_order=order
                    )
                    for order, (kind, ref) in enumerate(plan.links)
                ],
            )
        if plan.action == "create":
            if plan.related:
                getattr(page, plan.page_type.relation).commit()
        elif not page.live:
            # As the editor's save does for a draft: the page's own row follows the draft.
            page.save(clean=False)
        # A new page's history already says it was created, with its content.
        revision = page.save_revision(
            user=self.owner, log_action=plan.action == "update", clean=False
        )
        if self.publish:
            if plan.action == "update":
                self._cancel_workflow(page)
            revision.publish(user=self.owner)
        else:
            self._submit(plan)

    def _image_for(self, source):
        """The library image with this file's content: the one already there, or a new one."""
        if source.image is not None:
            return source.image
        if source.file_hash not in self.images:
            with source.path.open("rb") as handle:
                image = get_image_model()(
                    title=source.path.stem.replace("-", " ").replace("_", " "),
                    file=ImageFile(handle, name=source.path.name),
                    collection=Collection.get_first_root_node(),
                    uploaded_by_user=self.owner,
                )
                image._set_image_file_metadata()
                image.save()
            self.images[source.file_hash] = image
        return self.images[source.file_hash]

    def _cancel_workflow(self, page):
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=self.owner)

    def _submit(self, plan):
        """Submit the latest revision for moderation, as the editor's "Submit" does: a
        workflow waiting for changes resumes, one in progress starts again."""
        page = plan.page
        if plan.action == "create":
            # A new page has no workflow state, nor a workflow of its own: its section's
            # applies.
            section = plan.section
            if section.pk not in self.workflows:
                self.workflows[section.pk] = section.get_workflow()
            workflow = self.workflows[section.pk]
        else:
            state = page.current_workflow_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(self.owner)
                return
            if state is not None:
                state.cancel(user=self.owner)
            workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, self.owner)


def _relations_in_memory(page):
    """A new page's inline lists and many-to-many values, as set on it in memory."""
    return {
        "children": {
            relation.get_accessor_name(): list(getattr(page, relation.get_accessor_name()).all())
            for relation in get_all_child_relations(page)
        },
        "m2m": {
            field.name: list(getattr(page, field.name).all())
            for field in get_all_child_m2m_relations(page)
        },
    }
