"""Rendered fragments of heavy pages, cached in each server process.

A fragment's key holds everything it was rendered from: the page's parameters, who it is for,
the date and fingerprints of the data (tracker.fingerprints). A changed input is a new key, so
nothing is invalidated by hand and nothing stale is served; old keys age out. The cache is each
process's own memory: app servers share nothing but the database, as before.
"""

import hashlib

from django.core.cache import caches

CACHE = "fragments"


def fragment(key_parts, render):
    """What ``render()`` returns for ``key_parts`` (HTML from the template engine, or a dict of
    such parts), rendered once while they hold."""
    key = hashlib.sha256(repr(key_parts).encode()).hexdigest()
    cache = caches[CACHE]
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value)
    return value
