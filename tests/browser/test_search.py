"""The header search box in a real browser: typed without diacritics, it finds the records."""

import pytest

from asoen_portal.access import SECRETARIAT
from heritage_parks.models import HeritagePark
from tests.factories import TaskFactory, UserFactory, WorkingGroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_header_search_finds_xuan_thuy_typed_without_diacritics(page, sign_in, artifacts):
    UserFactory(username="secretariat", groups=[SECRETARIAT])
    HeritagePark.objects.create(name="Vườn quốc gia Xuân Thủy", status="recognised")
    task = TaskFactory(
        working_group=WorkingGroupFactory(code="AWGNCB"), title="Khảo sát chim di cư ở Xuân Thủy"
    )

    sign_in("secretariat")
    page.fill("header input[type=search]", "xuan thuy")
    page.press("header input[type=search]", "Enter")

    page.wait_for_selector("h1:has-text('Tìm kiếm')")
    page.screenshot(path=f"{artifacts}/search-xuan-thuy.png", full_page=True)
    results = page.locator(".search-result")
    assert results.all_inner_texts() == [
        "Vườn di sản ASEAN\nVườn quốc gia Xuân Thủy",
        "Nhiệm vụ\nKhảo sát chim di cư ở Xuân Thủy",
    ]
    assert page.input_value("header input[type=search]") == "xuan thuy"
    page.click("text=Khảo sát chim di cư ở Xuân Thủy")
    page.wait_for_url(f"**/tasks/{task.pk}/")
