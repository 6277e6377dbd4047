"""How a delivery is signed, and how a receiver checks it.

The body is signed with the endpoint's secret as HMAC-SHA256 of ``"<timestamp>.<body>"``, sent as
``X-Portal-Signature: sha256=<hex>`` beside ``X-Portal-Timestamp`` (unix seconds). A receiver recomputes it with the
secret, compares in constant time, and refuses a timestamp older than a few minutes (a replayed delivery).
"""

import hashlib
import hmac


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def is_valid(secret: str, timestamp: int, body: bytes, received: str) -> bool:
    return hmac.compare_digest(signature(secret, timestamp, body), received)
