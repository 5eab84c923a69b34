"""Calm, abstract images for the demo case studies, drawn with Pillow.

Each image is drawn from a fixed seed, so every run draws the same pictures. They show no
people and no places: only soft shapes in the site's colours.
"""

import io
import math
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image, ImageDraw

COLLECTION_NAME = "Demo images"
SIZE = (1200, 800)
SCALE = 2  # draw at twice the size, then shrink, for smooth edges

# (background name, background colour, [(shape colour name, colour), ...])
PALETTES = [
    ("cream", "#f6f1e7", [("soft teal", "#5ba8a0"), ("coral", "#ee8c6f"), ("sand", "#e8c07d")]),
    (
        "pale blue",
        "#e8f0f5",
        [("deep blue", "#2f5d7c"), ("sky blue", "#86b6d4"), ("gold", "#f0b84a")],
    ),
    ("warm white", "#fbf7f2", [("plum", "#7d4e7a"), ("rose", "#e59aa5"), ("sage", "#9cb99a")]),
    ("mint", "#e9f4ee", [("forest green", "#3c7a5a"), ("lime", "#b9d36b"), ("peach", "#f4b392")]),
    (
        "light sand",
        "#f3ead9",
        [("terracotta", "#c8664a"), ("ochre", "#d9a441"), ("navy", "#2c3e63")],
    ),
    ("soft lilac", "#efeaf5", [("violet", "#6b5ca5"), ("aqua", "#6cc3c1"), ("apricot", "#f5b072")]),
    ("pale grey", "#eef0f1", [("slate", "#50616f"), ("teal", "#2f8f8a"), ("lemon", "#f2d45c")]),
    ("blush", "#f8ece9", [("berry", "#a23e5b"), ("salmon", "#f08d7e"), ("cream", "#f3dcb5")]),
    (
        "ice blue",
        "#eaf5f8",
        [("ocean blue", "#1f6f8b"), ("seafoam", "#8fd1bd"), ("coral", "#ef8a62")],
    ),
    ("oat", "#f2eee4", [("olive", "#7a8450"), ("rust", "#b5562d"), ("stone blue", "#7f9bb3")]),
    ("pale peach", "#fcefe3", [("marigold", "#f2a541"), ("teal", "#287271"), ("rose", "#d9828f")]),
    (
        "soft green",
        "#edf3e6",
        [("moss", "#5e7d3a"), ("sky blue", "#7fb7d8"), ("sunflower", "#f4c542")],
    ),
]

STYLES = ["circles", "arches", "waves"]
STYLE_WORDS = {
    "circles": "Overlapping circles",
    "arches": "Rounded arches and a circle",
    "waves": "Soft waves and circles",
}


def image_specs():
    """Title, alt text and seed of every demo image."""
    specs = []
    for number, (background, _, shapes) in enumerate(PALETTES, start=1):
        style = STYLES[(number - 1) % len(STYLES)]
        colours = [name for name, _ in shapes]
        specs.append(
            {
                "number": number,
                "style": style,
                "title": f"Abstract shapes {number:02d}: {colours[0]} and {colours[1]}",
                "description": f"{STYLE_WORDS[style]} in {colours[0]}, {colours[1]} and "
                f"{colours[2]} on a {background} background.",
            }
        )
    return specs


def _rgba(hex_colour, alpha):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)) + (alpha,)


def draw_image(number, style):
    """PNG bytes of demo image `number` (from 1), drawn in `style`."""
    _, background, shapes = PALETTES[number - 1]
    rng = random.Random(7919 * number)  # noqa: S311 - decoration, not security
    width, height = SIZE[0] * SCALE, SIZE[1] * SCALE
    canvas = Image.new("RGB", (width, height), _rgba(background, 255)[:3])
    pen = ImageDraw.Draw(canvas, "RGBA")  # translucent fills blend with what is below

    def layer(draw_shape, colour, alpha=215):
        draw_shape(pen, _rgba(colour, alpha))

    def circle(cx, cy, r):
        return (cx - r, cy - r, cx + r, cy + r)

    colours = [colour for _, colour in shapes]
    if style == "circles":
        for index in range(6):
            colour = colours[index % 3]
            r = rng.randint(height // 6, height // 2)
            cx, cy = rng.randint(0, width), rng.randint(0, height)
            layer(lambda d, c, cx=cx, cy=cy, r=r: d.ellipse(circle(cx, cy, r), fill=c), colour)
    elif style == "arches":
        count = 4
        slot = width // count
        for index in range(count):
            colour = colours[index % 3]
            top = rng.randint(height // 4, height // 2)
            box = (index * slot + slot // 10, top, (index + 1) * slot - slot // 10, height + slot)
            layer(lambda d, c, box=box: d.rounded_rectangle(box, radius=slot // 2, fill=c), colour)
        r = rng.randint(height // 10, height // 6)
        cx, cy = rng.randint(r, width - r), rng.randint(r, height // 3)
        layer(lambda d, c: d.ellipse(circle(cx, cy, r), fill=c), colours[2], alpha=240)
    else:
        for index in range(3):
            colour = colours[index]
            base = height * (index + 2) // 5
            amplitude = rng.randint(height // 20, height // 8)
            phase = rng.uniform(0, math.tau)
            waves = rng.uniform(1.0, 2.5)
            points = [
                (x, base + amplitude * math.sin(phase + waves * math.tau * x / width))
                for x in range(0, width + 1, 16)
            ]
            polygon = [*points, (width, height), (0, height)]
            layer(lambda d, c, polygon=polygon: d.polygon(polygon, fill=c), colour, alpha=200)
        for _ in range(2):
            r = rng.randint(height // 14, height // 8)
            cx, cy = rng.randint(r, width - r), rng.randint(r, height // 3)
            layer(lambda d, c, cx=cx, cy=cy, r=r: d.ellipse(circle(cx, cy, r), fill=c), colours[1])

    picture = canvas.resize(SIZE, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def ensure_images():
    """The demo images, in order, creating any that are missing.

    Returns (images, created, updated).
    """
    Image_ = get_image_model()
    collection = demo_collection()
    existing = {image.title: image for image in Image_.objects.filter(collection=collection)}
    images, created, updated = [], 0, 0
    for spec in image_specs():
        image = existing.get(spec["title"])
        if image is None:
            data = draw_image(spec["number"], spec["style"])
            image = Image_(
                title=spec["title"],
                description=spec["description"],
                collection=collection,
                file=ImageFile(io.BytesIO(data), name=f"demo-shapes-{spec['number']:02d}.png"),
            )
            image._set_image_file_metadata()
            image.save()
            created += 1
        elif image.description != spec["description"]:
            image.description = spec["description"]
            image.save(update_fields=["description"])
            updated += 1
        images.append(image)
    return images, created, updated
