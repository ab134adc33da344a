"""Rendered fragments of heavy pages, cached in two levels: each server process's memory, then
a table in the database that every process and app server shares.

A fragment's key holds everything it was rendered from: the page's parameters, who it is for,
the date and fingerprints of the data (tracker.fingerprints). A changed input is a new key, so
nothing is invalidated by hand and nothing stale is served from either level; old keys age
out. So the levels never disagree, and a fragment rendered by one process serves the others
for the price of one query instead of a render. The shared level is a table in the same
database (Django's database cache): app servers still share nothing but PostgreSQL.
"""

import hashlib

from django.core.cache import caches

LOCAL = "fragments"
SHARED = "shared_fragments"


def fragment(key_parts, render):
    """What ``render()`` returns for ``key_parts`` (HTML from the template engine, or a dict of
    such parts), rendered once while they hold."""
    key = hashlib.sha256(repr(key_parts).encode()).hexdigest()
    local = caches[LOCAL]
    value = local.get(key)
    if value is None:
        shared = caches[SHARED]
        value = shared.get(key)
        if value is None:
            value = render()
            shared.set(key, value)
        local.set(key, value)
    return value


def clear():
    for name in (LOCAL, SHARED):
        caches[name].clear()
