"""Checking every row before anything is written, with the models' own rules.

Each row becomes a `RowPlan`: the page it would create or update, with the row's values set
on it (a new page, or the page's latest revision), and the problems found. Values are checked
by the page model's `full_clean()` (its fields and its `clean()`), the stream blocks' own
`clean()` and Wagtail's image field, so the rules live in one place: the models. Nothing here
writes to the database.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files import File
from django.db import models
from django.utils.text import slugify

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Page
from wagtail.utils.file import hash_filelike

from modelcluster.fields import ParentalManyToManyField

from . import cells
from .cells import CellError, Vocabulary, is_blank
from .columns import (
    COLUMNS_BY_NAME,
    EXAMPLE_ID,
    PAGE_TYPES,
    choice_field,
    column_of_field,
    header_key,
    model_fields,
)
from .models import ImportedPage

EXTERNAL_ID_LENGTH = ImportedPage._meta.get_field("external_id").max_length
REQUIRED_MESSAGES = {"blank", "null", "required"}


@dataclass
class Problem:
    row: int  # the spreadsheet's row number; 1 is the header row
    column: str  # blank for the row as a whole
    message: str

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self):
        where = f"Row {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImageSource:
    path: Path
    file_hash: str
    image: object = None  # an image already in the library with the same content


@dataclass
class RowPlan:
    row: int
    external_id: str = ""
    title: str = ""
    page_type: object = None
    page: Page | None = None
    section: Page | None = None
    existing: bool = False  # the row updates a page imported before
    changed: bool = False
    image: ImageSource | None = None
    related: list | None = None  # external IDs; None when the file has no such column
    links: list = field(default_factory=list)  # ("page", pk) or ("row", external ID)
    problems: list = field(default_factory=list)

    @property
    def action(self):
        if self.problems:
            return "invalid"
        if not self.existing:
            return "create"
        return "update" if self.changed else "unchanged"

    def problem(self, column, message):
        self.problems.append(Problem(self.row, column, message))


def stream_key(stream_value):
    """Stream content without block ids, so that equal content compares equal."""

    def without_ids(value):
        if isinstance(value, dict):
            return {key: without_ids(item) for key, item in value.items() if key != "id"}
        if isinstance(value, list | tuple):
            return [without_ids(item) for item in value]
        return value

    return without_ids(
        [(child.block_type, child.block.get_prep_value(child.value)) for child in stream_value]
    )


def page_state(page, page_type):
    """What the columns set on a page, in a form that compares equal when nothing changed."""
    state = {}
    for name in model_fields(page_type.key):
        model_field = page._meta.get_field(name)
        value = getattr(page, name)
        if isinstance(model_field, ParentalManyToManyField):
            state[name] = sorted(item.pk for item in value.all())
        elif name == "tags":
            state[name] = sorted(tag.name for tag in value.all())
        elif isinstance(model_field, StreamField):
            state[name] = stream_key(value)
        elif isinstance(model_field, models.ForeignKey):
            state[name] = getattr(page, model_field.attname)
        else:
            state[name] = value
    return state


def block_messages(error, path=()):
    """The messages in a stream block's validation error, each with where it is."""
    data = error.as_json_data() if hasattr(error, "as_json_data") else {}
    messages = data.get("messages") or ([] if data else error.messages)
    found = [(path, message) for message in messages]
    for key, child in (data.get("blockErrors") or {}).items():
        found.extend(_json_messages(child, (*path, key)))
    return found


def _json_messages(data, path):
    found = [(path, message) for message in data.get("messages", [])]
    for key, child in (data.get("blockErrors") or {}).items():
        found.extend(_json_messages(child, (*path, key)))
    return found


class Checker:
    """Checks the rows of one table against the site as it is now."""

    def __init__(self, table, images_dir=None, images_allowed=True):
        self.present = set(table.headers)
        self.columns = [COLUMNS_BY_NAME[name] for name in table.headers]
        self.images_dir = Path(images_dir).resolve() if images_dir else None
        self.images_allowed = images_allowed
        self.types = Vocabulary(
            "type of page",
            [
                (key, page_type.label, [key, page_type.model._meta.verbose_name])
                for key, page_type in PAGE_TYPES.items()
            ],
        )
        self.vocabularies = {}
        self.sections = {
            key: page_type.section.objects.first() for key, page_type in PAGE_TYPES.items()
        }
        ids = {cells.words(cells.text(row.get("external_id"))) for _, row in table.rows}
        self.imported = self._mappings(ids)
        self.slugs = {}  # section pk -> {slug: page pk, or "row N" for a new page}
        self.first_row_of = {}  # external ID -> the row that uses it first
        self.images = {}  # path -> ImageSource, each file checked once
        self.header_problems = [
            Problem(1, header, self._unknown_header(header)) for header in table.unknown_headers
        ]

    @staticmethod
    def _mappings(ids):
        return {
            mapping.external_id: mapping
            for mapping in ImportedPage.objects.filter(external_id__in=ids).select_related("page")
        }

    @staticmethod
    def _unknown_header(header):
        message = f"“{header}” is not a column this import knows, so it would be left out."
        nearest = Vocabulary("column", [(name, name) for name in COLUMNS_BY_NAME]).nearest(
            header_key(header)
        )
        return message + (f" Did you mean “{nearest}”?" if nearest else "")

    def vocabulary(self, column):
        if column.name not in self.vocabularies:
            self.vocabularies[column.name] = (
                Vocabulary.of_taxonomy(column.taxonomy)
                if column.taxonomy
                else Vocabulary.of_choices(choice_field(column))
            )
        return self.vocabularies[column.name]

    # One row ---------------------------------------------------------------------------

    def check_row(self, number, row):
        plan = RowPlan(row=number, title=cells.words(cells.text(row.get("title"))))
        page_type = self._page_type(plan, row)
        self._external_id(plan, row)
        if page_type is None:
            return plan
        plan.page_type = page_type
        section = self.sections[page_type.key]
        if section is None:
            section_name = page_type.section._meta.verbose_name
            plan.problem(
                "type",
                f"There is no {section_name} on the site to put {page_type.plural} under: "
                "add one in the admin first.",
            )
            return plan
        plan.section = section
        page, before = self._page(plan, page_type)
        if page is None:
            return plan
        plan.page = page

        for name, cell in row.items():
            if not COLUMNS_BY_NAME[name].used_by(page_type.key) and not is_blank(cell):
                plan.problem(
                    name, f"Not used for {page_type.article} {page_type.label}: leave it blank."
                )
        failed = set()
        for column in self.columns:
            if column.kind in ("type", "external_id") or not column.used_by(page_type.key):
                continue
            try:
                self._apply(plan, column, row.get(column.name))
            except CellError as error:
                plan.problem(column.name, str(error))
                failed.add(column.name)
        self._slug(plan, section, row, failed)
        self._clean(plan, failed)
        if not plan.problems and plan.existing:
            plan.changed = before != page_state(page, page_type) or bool(
                plan.image and plan.image.image is None
            )
        return plan

    def _page_type(self, plan, row):
        if is_blank(row.get("type")):
            plan.problem("type", "Required: case study, recommendation or definition.")
            return None
        try:
            return PAGE_TYPES[self.types.find(cells.text(row["type"]))]
        except CellError as error:
            plan.problem("type", str(error))
            return None

    def _external_id(self, plan, row):
        external_id = cells.words(cells.text(row.get("external_id")))
        plan.external_id = external_id
        if not external_id:
            plan.problem("external_id", "Required: give each row an ID of its own, such as CS-001.")
        elif len(external_id) > EXTERNAL_ID_LENGTH:
            plan.problem("external_id", f"Keep IDs to {EXTERNAL_ID_LENGTH} characters.")
        elif external_id.casefold() == EXAMPLE_ID.casefold():
            plan.problem(
                "external_id",
                "This is the template's example row: replace it with your own, or delete it.",
            )
        elif external_id in self.first_row_of:
            plan.problem(
                "external_id",
                f"Row {self.first_row_of[external_id]} already uses the ID “{external_id}”: "
                "give each row an ID of its own.",
            )
        else:
            self.first_row_of[external_id] = plan.row

    def _page(self, plan, page_type):
        """The page the row fills in (new, or the latest revision of the page imported with
        its ID before), and that page's state before the row's values are set."""
        mapping = self.imported.get(plan.external_id) if plan.external_id else None
        if mapping is None or not plan.external_id or plan.problems:
            # In its section's language, as Wagtail would make it.
            return page_type.model(locale_id=plan.section.locale_id), None
        current = mapping.page.specific
        if not isinstance(current, page_type.model):
            other = current.specific_class._meta.verbose_name
            plan.problem(
                "type",
                f"The ID “{plan.external_id}” belongs to a {other} imported before "
                f"(“{current.title}”): a row cannot change the type of its page.",
            )
            return None, None
        plan.existing = True
        page = current.get_latest_revision_as_object() if current.latest_revision_id else current
        return page, page_state(page, page_type)

    def _apply(self, plan, column, cell):
        page, page_type = plan.page, plan.page_type
        target = column.field_for(page_type.key)
        kind = column.kind
        if kind == "text":
            setattr(page, target, cells.words(cells.text(cell)))
        elif kind == "slug":
            pass  # see _slug
        elif kind == "rich":
            setattr(page, target, cells.rich_text(cell))
        elif kind == "date":
            setattr(page, target, cells.date(cell))
        elif kind == "bool":
            setattr(page, target, cells.yes_or_no(cell))
        elif kind == "choice":
            model_field = page._meta.get_field(target)
            if is_blank(cell):
                value = model_field.get_default() if model_field.has_default() else ""
            else:
                value = self.vocabulary(column).find(cells.text(cell))
            setattr(page, target, value)
        elif kind in ("taxonomies", "sectors"):
            values = self._taxonomy_values(column, cell)
            if isinstance(target, tuple):  # a case study's lead sector, then its partners
                lead, partners = target
                setattr(page, lead, values[0] if values else None)
                getattr(page, partners).set(values[1:])
            else:
                getattr(page, target).set(values)
        elif kind == "tags":
            page.tags.set(list(dict.fromkeys(cells.items(cell))))
        elif kind == "actions":
            setattr(page, target, self._stream(page, target, _actions(cell), "Line"))
        elif kind == "sources":
            setattr(page, target, self._stream(page, target, _sources(cell), "Source"))
        elif kind == "image":
            plan.image = self._image(cell)
            page.image = plan.image.image if plan.image else None
        elif kind == "related":
            plan.related = list(dict.fromkeys(cells.items(cell)))

    def _taxonomy_values(self, column, cell):
        vocabulary = self.vocabulary(column)
        values, errors = [], []
        for written in cells.items(cell):
            try:
                value = vocabulary.find(written)
            except CellError as error:
                errors.append(str(error))
                continue
            if value not in values:
                values.append(value)
        if errors:
            raise CellError(" ".join(errors))
        return values

    def _stream(self, page, target, raw, item_name):
        stream_block = page._meta.get_field(target).stream_block
        value = stream_block.to_python(raw)
        if not raw:
            return value  # an empty list: the model's blank rule decides
        try:
            return stream_block.clean(value)
        except ValidationError as error:
            messages = []
            for path, message in block_messages(error):
                where = [f"{item_name} {int(path[0]) + 1}"] if path else []
                where += [str(part).replace("_", " ") for part in path[1:]]
                messages.append((", ".join(where) + ": " if where else "") + message)
            raise CellError(" ".join(messages)) from None

    def _image(self, cell):
        name = cells.text(cell)
        if not name:
            return None
        if not self.images_allowed:
            raise CellError(
                "Pictures cannot be imported here: leave this blank, and add the picture in the "
                "editor after the import."
            )
        if self.images_dir is None:
            raise CellError(f"Give the folder that holds “{name}” with --images.")
        path = (self.images_dir / name).resolve()
        if path in self.images:
            return self.images[path]
        if self.images_dir not in path.parents or not path.is_file():
            raise CellError(f"There is no file called “{name}” in the images folder.")
        with path.open("rb") as handle:
            file_hash = hash_filelike(handle)
            try:
                WagtailImageField().clean(File(handle, name=path.name))
            except ValidationError as error:
                raise CellError(
                    f"“{name}” cannot be used as a picture: " + " ".join(error.messages)
                ) from None
        image_model = get_image_model()
        source = ImageSource(
            path, file_hash, image_model.objects.filter(file_hash=file_hash).first()
        )
        self.images[path] = source
        return source

    def _slug(self, plan, section, row, failed):
        """Give a new page a web address unique in its section (as Wagtail would), and check
        one written in the file against the section's other pages and earlier rows."""
        page = plan.page
        taken = self._section_slugs(section)
        this = page.pk or f"row {plan.row}"
        written = cells.text(row.get("slug")) if "slug" in self.present else ""
        if written:
            page.slug = written
            holder = taken.get(written)
            if holder not in (None, this):
                where = holder if isinstance(holder, str) else "another page in this section"
                plan.problem("slug", f"The web address “{written}” is already used by {where}.")
                failed.add("slug")
                return
        elif not page.slug:
            base = slugify(page.title, allow_unicode=True)
            candidate, suffix = base, 1
            while base and taken.get(candidate) not in (None, this):
                suffix += 1
                candidate = f"{base}-{suffix}"
            page.slug = candidate
        if page.slug:
            taken[page.slug] = this

    def _section_slugs(self, section):
        if section.pk not in self.slugs:
            self.slugs[section.pk] = dict(Page.objects.child_of(section).values_list("slug", "pk"))
        return self.slugs[section.pk]

    def _clean(self, plan, failed):
        """The model's own validation: its fields, its clean(), required relations."""
        page, page_type = plan.page, plan.page_type
        checked = set(model_fields(page_type.key))
        failed_fields = {name for name in checked if column_of_field(page_type.key, name) in failed}
        exclude = [f.name for f in page._meta.fields if f.name not in checked - failed_fields]
        try:
            page.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field_name, messages in error.error_dict.items():
                column = column_of_field(page_type.key, field_name)
                if column in failed:
                    continue
                for message in messages:
                    plan.problem(column or "", self._plain(plan, column, field_name, message))
        for name in checked - failed_fields:
            model_field = page._meta.get_field(name)
            if isinstance(model_field, ParentalManyToManyField) and not model_field.blank:
                if not getattr(page, name).all():
                    column = column_of_field(page_type.key, name)
                    plan.problem(column, self._required(plan, column) + " Give at least one.")

    def _plain(self, plan, column, field_name, error):
        if error.code in REQUIRED_MESSAGES and column:
            return self._required(plan, column)
        message = " ".join(error.messages)
        if column is None and field_name != NON_FIELD_ERRORS:
            label = plan.page._meta.get_field(field_name).verbose_name
            return f"{label[:1].upper()}{label[1:]}: {message}"
        return message

    def _required(self, plan, column):
        page_type = plan.page_type
        needed = f"Required for {page_type.article} {page_type.label}"
        if column not in self.present:
            return f"{needed}, and the file has no “{column}” column."
        return f"{needed}: this cell is empty."

    # Across rows -----------------------------------------------------------------------

    def check_links(self, plans):
        """Check the `related` column against the file's other rows and earlier imports, and
        note which links change a page. Run after every row has been checked."""
        by_id = {plan.external_id: plan for plan in plans if plan.page_type and plan.external_id}
        wanted = {ref for plan in plans for ref in plan.related or []}
        self.imported.update(self._mappings(wanted - set(self.imported)))
        invalid_before = {plan.row for plan in plans if plan.problems}
        for plan in plans:
            if plan.page_type and plan.related:
                self._check_links_of(plan, by_id)
        # A row that links to a row with problems cannot be imported either, and so on.
        spreading = any(plan.problems for plan in plans if plan.row not in invalid_before)
        while spreading:
            spreading = False
            for plan in plans:
                if not plan.problems and plan.related:
                    self._check_links_of(plan, by_id)
                    spreading = spreading or bool(plan.problems)
        for plan in plans:
            if plan.problems or plan.related is None:
                continue
            plan.links = [self._link(ref, by_id) for ref in plan.related]
            if plan.existing:
                current = [
                    ("page", child.page_id)
                    for child in getattr(plan.page, plan.page_type.relation).all()
                ]
                plan.changed = plan.changed or current != plan.links

    def _check_links_of(self, plan, by_id):
        page_type = plan.page_type
        target_model = page_type.relation_target
        target_name = target_model._meta.verbose_name
        limit = page_type.related_limit()
        if limit and len(plan.related) > limit:
            plan.problem(
                "related",
                f"{page_type.label.capitalize()} pages link to at most {limit} {target_name} "
                f"pages; this row lists {len(plan.related)}.",
            )
        for ref in plan.related:
            target = by_id.get(ref)
            if ref == plan.external_id:
                plan.problem(
                    "related", f"“{ref}” is this row's own ID: a page cannot link to itself."
                )
            elif target is not None:
                if target.page_type.model is not target_model:
                    plan.problem(
                        "related",
                        f"“{ref}” is {target.page_type.article} {target.page_type.label} "
                        f"(row {target.row}); {page_type.label} pages link to {target_name} "
                        "pages here.",
                    )
                elif target.problems:
                    plan.problem(
                        "related",
                        f"“{ref}” is on row {target.row}, which has problems of its own.",
                    )
            elif ref in self.imported:
                page = self.imported[ref].page
                if not issubclass(page.specific_class, target_model):
                    plan.problem(
                        "related",
                        f"“{ref}” was imported as “{page.title}”, which is not a {target_name}.",
                    )
            else:
                plan.problem(
                    "related",
                    f"No row in this file, and no page imported before, has the ID “{ref}”.",
                )

    def _link(self, ref, by_id):
        target = by_id.get(ref)
        if target is not None and not target.existing:
            return ("row", ref)
        return ("page", self.imported[ref].page_id)


def _actions(cell):
    """One action a line; detail after the first colon."""
    raw = []
    for line in cells.text(cell).split("\n"):
        if not line.strip():
            continue
        action, _, detail = line.partition(": ")
        raw.append(
            {"type": "action", "value": {"action": cells.words(action), "detail": detail.strip()}}
        )
    return raw


def _sources(cell):
    """One source a line: title | publisher | year | web address."""
    raw = []
    for line in cells.text(cell).split("\n"):
        if not line.strip():
            continue
        parts = [cells.words(part) for part in line.split("|")]
        if len(parts) > 4:
            raise CellError(
                f"Source {len(raw) + 1} has {len(parts)} parts; write at most four, separated "
                "by |: title | publisher | year | web address."
            )
        title, publisher, year, url = [*parts, "", "", ""][:4]
        raw.append(
            {
                "type": "source",
                "value": {"title": title, "publisher": publisher, "year": year, "url": url},
            }
        )
    return raw
