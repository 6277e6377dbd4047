"""Optimistic locking now lives in ``common.versioning`` (the ground floor every app may import); this name stays
for the modules that still import it from here."""

from common.versioning import (  # noqa: F401
    EditConflict,
    VersionedFormMixin,
    VersionedModelFormMixin,
    claim_version,
    with_current_version,
)
