import pytest


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def with_emails(secretariat_user, leadership_user, focal_user, other_focal_user):
    """Every role user has an address of their own."""
    for user in (secretariat_user, leadership_user, focal_user, other_focal_user):
        user.email = f"{user.username}@asoen.vn"
        user.save(update_fields=["email"])
    return {
        "secretariat": secretariat_user,
        "leadership": leadership_user,
        "focal": focal_user,
        "other_focal": other_focal_user,
    }
