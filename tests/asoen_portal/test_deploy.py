"""Deploy settings: CSP, TLS behind the documented proxy, no caching of private responses,
and `check --deploy` clean for the documented production settings."""

import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from tests.factories import ActivityFactory
from working_groups.services import add_attachment

pytestmark = pytest.mark.django_db
HOST = "asoen.example.gov.vn"
PROXY = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_SSL_REDIRECT": True,
}


def test_signed_in_pages_are_private_and_not_stored(secretariat_client):
    for url in ("/", "/meetings/feeds/", "/activities/", "/reports/"):
        assert secretariat_client.get(url)["Cache-Control"] == "private, no-store", url


def test_downloads_are_private_and_not_stored(secretariat_client, secretariat_user, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban", "application/pdf")
    attachment = add_attachment(activity=activity, upload=upload, by=secretariat_user)

    response = secretariat_client.get(f"/activities/{activity.pk}/attachments/{attachment.pk}/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


COMMENT = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.S)
INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),  # inline script
    re.compile(r"<style\b", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+=", re.I),  # onclick=…
    re.compile(r"\shx-on", re.I),  # htmx's inline handlers need eval
]


def test_templates_hold_no_inline_script_or_style():
    base = Path(settings.BASE_DIR)
    templates = [
        path
        for path in base.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "pdf" not in path.parts
    ]
    assert len(templates) > 40
    found = [
        f"{path.relative_to(base)}: {match.group(0)}"
        for path in templates
        for pattern in INLINE
        for match in pattern.finditer(COMMENT.sub("", path.read_text()))
    ]
    assert found == []


@override_settings(**PROXY, ALLOWED_HOSTS=[HOST], CSRF_TRUSTED_ORIGINS=[f"https://{HOST}"])
def test_https_behind_the_proxy_redirects_plain_http_and_accepts_csrf_posts(secretariat_user):
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    plain = browser.get("/accounts/login/")
    assert plain.status_code == 301
    assert plain["Location"] == f"https://{HOST}/accounts/login/"

    tls = {"HTTP_X_FORWARDED_PROTO": "https"}
    page = browser.get("/accounts/login/", **tls)
    assert page.status_code == 200
    token = page.cookies["csrftoken"].value
    response = browser.post(
        "/accounts/login/",
        {"username": "secretariat", "password": "asoen-test-pass", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN=f"https://{HOST}",
        HTTP_REFERER=f"https://{HOST}/accounts/login/",
        **tls,
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def _documented_production_env(tmp_path):
    env = {}
    for line in (Path(settings.BASE_DIR) / ".env.production.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["ASOEN_VAR_DIR"] = str(tmp_path)
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    return env


def test_check_deploy_is_clean_for_the_documented_production_settings(tmp_path):
    env = {"PATH": "/usr/bin:/bin", **_documented_production_env(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_the_default_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", **_documented_production_env(tmp_path)}
    env["SECRET_KEY"] = "insecure-dev-key-change-me"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr
