"""API clients per role: each holds a personal token made through the token service."""

import pytest
from rest_framework.test import APIClient

from asoen_portal.api.tokens import create_api_token


def token_client(user, name="kiểm thử"):
    _token, key = create_api_token(user=user, name=name)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api_clients(secretariat_user, leadership_user, focal_user, other_focal_user):
    """Token clients of every role; "anonymous" sends no credentials."""
    return {
        "secretariat": token_client(secretariat_user),
        "focal_ncb": token_client(focal_user),
        "focal_cc": token_client(other_focal_user),
        "leadership": token_client(leadership_user),
        "anonymous": APIClient(),
    }
