"""One door: the admin offers no import or export of its own; /data/ is where the reading,
validation, history and escaping rules live."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

ADMIN_MODELS = [
    "working_groups/activity",
    "working_groups/task",
    "working_groups/focalperson",
    "meetings/meeting",
    "heritage_parks/heritagepark",
    "heritage_parks/ecoschoolaward",
    "heritage_parks/escaward",
    "cooperation/legalinstrument",
    "cooperation/partnerproject",
]


@pytest.fixture
def admin_client(client, db):
    from tests.factories import UserFactory

    user = UserFactory(username="quan-tri", is_staff=True, is_superuser=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_offers_no_import_or_export(admin_client, model):
    app_label, model_name = model.split("/")
    for view in ("import", "process_import", "export"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{app_label}_{model_name}_{view}")

    page = admin_client.get(f"/admin/{model}/")
    assert page.status_code == 200
    assert f"/admin/{model}/import/" not in page.content.decode()
    # The old address is just an object id that does not exist, not an import form.
    assert admin_client.get(f"/admin/{model}/import/", follow=True).redirect_chain[-1][0] in (
        "/admin/",
        f"/admin/{model}/",
    )


def test_no_admin_class_carries_the_import_export_mixin():
    from import_export.admin import ImportExportMixinBase

    assert [
        type(model_admin).__name__
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, ImportExportMixinBase)
    ] == []
    assert "import_export" not in settings.INSTALLED_APPS
