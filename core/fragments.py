"""Rendered fragments of heavy pages, cached in each server process.

A fragment's key holds everything it was rendered from: the page's parameters, who it is for,
the date and fingerprints of the data (tracker.fingerprints). A changed input is a new key, so
nothing is invalidated by hand and nothing stale is served; old keys age out. The cache is each
process's own memory: app servers share nothing but the database, as before.
"""

import hashlib

from django.core.cache import caches
from django.utils.safestring import mark_safe

CACHE = "fragments"


def fragment(key_parts, render):
    """The HTML ``render()`` returns for ``key_parts``, rendered once while they hold."""
    key = hashlib.sha256(repr(key_parts).encode()).hexdigest()
    cache = caches[CACHE]
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html)
    return mark_safe(html)  # noqa: S308 - the template engine escaped it when rendering
