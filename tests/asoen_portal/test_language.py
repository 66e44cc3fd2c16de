"""Vietnamese unless the user chose English with the switch, whatever the browser asks for."""

import pytest

pytestmark = pytest.mark.django_db


def test_portal_opens_in_vietnamese_for_an_english_browser(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.content.decode()


def test_language_switch_chooses_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})

    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="vi")

    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
