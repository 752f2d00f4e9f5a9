"""Partner API keys: shown once, stored as a SHA-256 digest.

A key is 32 random bytes (256 bits) from ``secrets``: a password hasher's
slow stretching protects low-entropy secrets and would cost every API call
tens of milliseconds; for a random token, one SHA-256 is as strong and lets
the digest be looked up by an index.
"""

import hashlib
import hmac
import secrets

PREFIX = "cmk_"


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def matches(key: str, stored: str) -> bool:
    return hmac.compare_digest(digest(key), stored)
