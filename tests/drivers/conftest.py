"""Driver pages made through Wagtail's page APIs, and the library's backends for them."""

from drivers.models import DriverIndicator, DriverPage, HowChangeHappensPage
from tests.practice import home_page, publish_page
from tests.search.conftest import indexed, library_backend  # noqa: F401 - shared fixtures

__all__ = ["indexed", "library_backend"]


def step(kind, text, *sources, for_whom=None):
    value = {"text": text, "evidence": [dict(source) for source in sources]}
    if for_whom:
        value["for_whom"] = for_whom
    return {"type": kind, "value": value}


SOURCE = {
    "title": "Key worker pilot evaluation",
    "url": "https://example.org/key-workers",
    "finding": "Young people stayed in touch for longer.",
}

STEPS = [
    step("practice", "Young people keep the same worker.", SOURCE),
    step("change", "Young people trust that adults will come back."),
    step("outcome", "Young people ask for help earlier.", for_whom="young-people"),
    step("outcome", "Families feel less judged.", for_whom="families"),
    step("less_violence", "Fewer young people are drawn into violence."),
]


def how_change_happens():
    home = home_page()
    existing = HowChangeHappensPage.objects.child_of(home).first()
    return existing or publish_page(
        home, HowChangeHappensPage(title="How change happens", slug="how-change-happens")
    )


def driver_page(driver, steps=STEPS, signs=("People can name their worker.",), **fields):
    """A published page for `driver` under the index."""
    page = DriverPage(
        title=fields.pop("title", driver.name),
        slug=fields.pop("slug", driver.slug),
        driver=driver,
        introduction=fields.pop("introduction", f"What {driver.name} is."),
        steps=steps,
        **fields,
    )
    page.indicators = [DriverIndicator(text=text, sort_order=i) for i, text in enumerate(signs)]
    return publish_page(how_change_happens(), page)


SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(svg):
    """The site's own SVG picture as an element tree."""
    from xml.etree import ElementTree

    return ElementTree.fromstring(str(svg))  # noqa: S314 - drawn by this site's own code


def svg_boxes(svg):
    """(kind, bold first line, text) of each box in an SVG picture, in drawing order, with its
    wrapped lines joined again."""
    root = parse_svg(svg)
    boxes = []
    for group in root.iter(f"{SVG}g"):
        texts = {t.get("class"): t for t in group.iter(f"{SVG}text")}

        def words(element):
            if element is None:
                return ""
            return " ".join(span.text or "" for span in element.iter(f"{SVG}tspan"))

        boxes.append(
            (
                group.get("data-kind"),
                words(texts.get("change-flow__for")),
                words(texts.get("change-flow__text")),
            )
        )
    return boxes
