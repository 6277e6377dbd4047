"""Fragments that every reader of a language sees the same (a meeting's row in the meetings list, a calendar
event), made once per version of what they show and kept in Django's cache (``CACHE_URL``: Redis shared by the
app servers; without it each process's memory).

Nothing is ever deleted: a fragment's key is made of everything it shows that can change (the object's
``version`` and ``updated`` stamp, the related rows' stamps, counts, the language, the layout's own version), so
the write that changes a fragment changes its key and the old one is simply no longer asked for (it expires).
A fragment must never hold anything that depends on who reads it (their role, organisation, replies, whether
they see a join link): such parts stay outside it, or are part of its key.

Hits and misses are counted per process and kind (``stats()``). When ``FRAGMENT_CACHE_STATS_DIR`` is set (the
benchmark sets it), each process also writes its counts there after every lookup, so that the benchmark can add
up the counts of all its app servers' workers (``read_stats``) whatever the cache backend; pages never show them.
"""

import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

# Bump when what the fragments are made from changes in a way their keys do not show (their templates and
# builders are part of the key through ``layout``).
FRAGMENT_FORMAT = "1"
# Keys of older versions are never asked for again; they leave the cache after this long (or sooner, when full).
FRAGMENT_TIMEOUT = 7 * 24 * 3600

logger = logging.getLogger(__name__)
_hits: Counter = Counter()
_misses: Counter = Counter()


def fragment_key(kind: str, parts) -> str:
    """The cache key of one fragment of ``kind`` made from ``parts`` (a tuple of what it shows), in the active
    language."""
    digest = hashlib.sha256(repr((FRAGMENT_FORMAT, translation.get_language(), parts)).encode()).hexdigest()[:40]
    return f"fragment:{kind}:{digest}"


def fragments(kind: str, objects: Iterable, key: Callable, make: Callable) -> list:
    """The fragment of each of ``objects``, in order: read from the cache in one round trip by ``key(obj)``, the
    missing ones made by ``make(missing_objects)`` (a list of fragments, one per object, made in one go) and
    stored once the request's transaction commits (a fragment made from a write that is rolled back is never
    kept)."""
    objects = list(objects)
    if not objects:
        return []
    keys = [fragment_key(kind, key(obj)) for obj in objects]
    try:
        found = cache.get_many(keys)
    except Exception:  # the shared cache is down: the page is made without it, never refused
        logger.warning("The fragment cache could not be read; %s made afresh.", kind, exc_info=True)
        found = {}
    missing = [index for index, each in enumerate(keys) if each not in found]
    _hits[kind] += len(objects) - len(missing)
    _misses[kind] += len(missing)
    if missing:
        made = make([objects[index] for index in missing])
        new = {keys[index]: fragment for index, fragment in zip(missing, made, strict=True)}
        found.update(new)
        transaction.on_commit(lambda: _store(new))
    _write_stats()
    return [found[each] for each in keys]


def _store(fragments_by_key: dict) -> None:
    try:
        cache.set_many(fragments_by_key, timeout=FRAGMENT_TIMEOUT)
    except Exception:
        logger.warning("The fragment cache could not be written.", exc_info=True)


def stats() -> dict[str, dict[str, int]]:
    """This process's hits and misses per kind since it started."""
    return {kind: {"hits": _hits[kind], "misses": _misses[kind]} for kind in sorted(set(_hits) | set(_misses))}


def _write_stats() -> None:
    folder = getattr(settings, "FRAGMENT_CACHE_STATS_DIR", "")
    if not folder:
        return
    path = Path(folder) / f"{os.getpid()}.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(stats()))
    temporary.replace(path)


def read_stats(folder) -> dict[str, dict[str, int]]:
    """The counts written to ``folder`` by every process (FRAGMENT_CACHE_STATS_DIR), added up per kind."""
    total: dict[str, Counter] = {}
    for path in Path(folder).glob("*.json"):
        try:
            counts = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        for kind, numbers in counts.items():
            total.setdefault(kind, Counter()).update(numbers)
    return {kind: {"hits": numbers["hits"], "misses": numbers["misses"]} for kind, numbers in sorted(total.items())}


def layout(*sources: str) -> str:
    """A short digest of what fragments are built from (template sources, a builder's version), for their keys:
    a deploy that changes the layout does not serve fragments of the old one."""
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:12]
