"""The image holds no secrets or local data, and runs as an unprivileged user."""

import fnmatch
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)


def _dockerignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule, enough for these patterns: the last matching line wins; `!` re-includes;
    a pattern matches the path itself or any folder above it; `**/` matches at any depth."""
    ignored = False
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for line in patterns:
        negate = line.startswith("!")
        pattern = line[1:] if negate else line
        pattern = pattern.rstrip("/")
        names = [pattern]
        if pattern.startswith("**/"):
            names = [pattern[3:], pattern]
        if any(
            fnmatch.fnmatchcase(candidate, name)
            or fnmatch.fnmatchcase(candidate.split("/")[-1], name)
            if name.startswith(("*", "**/")) or "/" not in name
            else fnmatch.fnmatchcase(candidate, name)
            for candidate in candidates
            for name in names
        ):
            ignored = not negate
    return ignored


def _patterns():
    lines = (BASE / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_dockerignore_keeps_secrets_data_and_repository_out_of_the_image():
    patterns = _patterns()
    for path in [
        ".env",
        ".env.local",
        "var/asoen.sqlite3",
        "var/media/activities/1/bien-ban.pdf",
        "var/broker/queue/x.msg",
        ".git/config",
        ".venv/bin/python",
        "reports/__pycache__/services.cpython-311.pyc",
        "asoen-backup.tar.gz",
    ]:
        assert _dockerignored(path, patterns), path
    for path in [
        "manage.py",
        "asoen_portal/settings.py",
        "locale/en/LC_MESSAGES/django.po",
        "static/vendor/htmx.min.js",
        "templates/base.html",
        ".env.example",
        "pyproject.toml",
    ]:
        assert not _dockerignored(path, patterns), path


def test_image_runs_as_an_unprivileged_user():
    lines = [line.strip() for line in (BASE / "Dockerfile").read_text().splitlines()]
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert lines.index(f"USER {users[-1]}") < next(
        i for i, line in enumerate(lines) if line.startswith("CMD ")
    )
    assert any(line.startswith("RUN useradd") and users[-1] in line for line in lines)
