"""Rendered fragments of heavy pages, cached in two levels: each server process's memory, then
a table in the database that every process and app server shares.

A fragment's key holds everything it was rendered from: the page's parameters, who it is for,
the date and fingerprints of the data (tracker.fingerprints), and the code that renders it
(``code_version``). A changed input is a new key, so nothing is invalidated by hand and nothing
stale is served from either level; old keys age out. So the levels never disagree, and a
fragment rendered by one process serves the others for the price of one query instead of a
render. The shared level is a table in the same database (Django's database cache): app
servers still share nothing but PostgreSQL.
"""

import functools
import hashlib
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import caches

LOCAL = "fragments"
SHARED = "shared_fragments"


@functools.cache
def code_version():
    """A digest of this project's Python code and templates, and of Django's version. The shared
    table outlives restarts, so without it a new release (or the old servers of a rolling one)
    would serve HTML that older code rendered. Read once per process: a few hundred files."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder).resolve() for folder in settings.TEMPLATES[0]["DIRS"]]
    folders += [
        Path(app.path).resolve()
        for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(root) and ".venv" not in Path(app.path).parts
    ]
    digest = hashlib.sha256(django.__version__.encode())
    for folder in sorted(set(folders)):
        for path in sorted([*folder.rglob("*.py"), *folder.rglob("*.html")]):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fragment(key_parts, render):
    """What ``render()`` returns for ``key_parts`` (HTML from the template engine, or a dict of
    such parts), rendered once while they hold."""
    key = hashlib.sha256(repr((code_version(), key_parts)).encode()).hexdigest()
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


def clear_shared_after_migrate(using, **kwargs):
    """After `migrate` and `flush`: data may have been replaced, and ids (which fingerprints
    hold) may repeat after a flush, so nothing rendered before is trusted."""
    from django.db import connections

    table = settings.CACHES[SHARED]["LOCATION"]
    if table in connections[using].introspection.table_names():
        caches[SHARED].clear()
