"""Personal API token keys: how a key is made and digested (the ApiToken model is in
asoen_portal.models)."""

import hashlib
import secrets


def new_token_key() -> str:
    return secrets.token_urlsafe(32)


def digest_token_key(key: str) -> str:
    # The key is 256 random bits: a plain SHA-256 cannot be brute-forced, and unlike a slow
    # password hash it lets every request find its token with one indexed lookup.
    return hashlib.sha256(key.encode()).hexdigest()
