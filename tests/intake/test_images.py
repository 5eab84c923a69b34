"""Pictures named in the `image` column, from the folder given with --images."""

from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

import pytest
from PIL import Image as PillowImage

from casestudies.models import CaseStudyPage

from .conftest import case_study_row, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def images(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder = tmp_path / "pictures"
    folder.mkdir()
    PillowImage.new("RGB", (120, 80), (40, 110, 90)).save(folder / "calm-room.png")
    (folder / "broken.png").write_text("not a picture")
    (tmp_path / "outside.png").write_bytes((folder / "calm-room.png").read_bytes())
    return folder


def test_a_named_picture_becomes_the_case_studys_image_once(
    tmp_path, sections, moderator, images, import_practice
):
    path = write_csv(tmp_path / "p.csv", [case_study_row(image="calm-room.png")])

    out, _ = import_practice(path, owner="moderator", images=images)

    assert "Created 1" in out
    image = get_image_model().objects.get()
    assert image.title == "calm room" and image.uploaded_by_user == moderator
    page = CaseStudyPage.objects.get()
    assert page.get_latest_revision_as_object().image == image
    # Wagtail's reference index knows the page uses it.
    assert ReferenceIndex.get_references_to(image).count() == 1

    out, _ = import_practice(path, owner="moderator", images=images)
    assert "unchanged 1" in out
    assert get_image_model().objects.count() == 1


def test_a_missing_or_unreadable_picture_is_a_row_problem(
    tmp_path, sections, moderator, images, import_practice
):
    rows = [
        case_study_row(image="missing.png"),
        case_study_row("CS-2", "Calm custody", image="broken.png"),
        case_study_row("CS-3", "Quiet rooms", image="../outside.png"),
    ]
    out, _ = import_practice(
        write_csv(tmp_path / "p.csv", rows),
        owner="moderator",
        images=images,
        dry_run=True,
        skip_invalid=True,
    )

    lines = out.splitlines()
    assert lines[0] == "Row 2, image: There is no file called “missing.png” in the images folder."
    assert lines[1].startswith("Row 3, image: “broken.png” cannot be used as a picture: ")
    assert (
        lines[2] == "Row 4, image: There is no file called “../outside.png” in the images folder."
    )
    assert not get_image_model().objects.exists()


def test_a_picture_without_the_images_folder_is_a_row_problem(
    tmp_path, sections, moderator, import_practice
):
    out, _ = import_practice(
        write_csv(tmp_path / "p.csv", [case_study_row(image="calm-room.png")]),
        owner="moderator",
        dry_run=True,
        skip_invalid=True,
    )
    assert out.splitlines()[0] == (
        "Row 2, image: Give the folder that holds “calm-room.png” with --images."
    )
