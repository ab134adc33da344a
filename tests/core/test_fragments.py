"""The two levels of the fragment cache: a fragment one server process rendered serves the
others from the shared table, as safe HTML, and a page served that way is the same page."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from core import fragments

pytestmark = pytest.mark.django_db


def test_a_fragment_rendered_once_serves_another_process():
    renders = []

    def render():
        renders.append(1)
        return {"table": mark_safe("<table></table>"), "count": mark_safe("<p>3</p>")}

    first = fragments.fragment(("page", 1), render)
    caches[fragments.LOCAL].clear()  # another process: nothing in its memory
    second = fragments.fragment(("page", 1), render)
    assert renders == [1]
    assert second == first
    # Still marked safe after the round trip through the table, so templates do not escape it.
    assert all(isinstance(part, SafeString) for part in second.values())
    fragments.fragment(("page", 2), render)
    assert renders == [1, 1]


def test_new_code_or_a_migrate_makes_every_fragment_render_again(monkeypatch):
    from django.core.management.sql import emit_post_migrate_signal

    renders = []

    def render():
        renders.append(1)
        return mark_safe("<p>figures</p>")

    fragments.fragment(("page", 1), render)
    fragments.fragment(("page", 1), render)
    assert renders == [1]
    # A new release: what the old code rendered (still in the shared table) is not used.
    monkeypatch.setattr(fragments, "code_version", lambda: "the next release")
    caches[fragments.LOCAL].clear()
    fragments.fragment(("page", 1), render)
    assert renders == [1, 1]
    # `migrate` and `flush` empty the shared table.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    caches[fragments.LOCAL].clear()
    fragments.fragment(("page", 1), render)
    assert renders == [1, 1, 1]


def test_code_version_reads_the_projects_code_and_templates():
    version = fragments.code_version()
    assert len(version) == 64 and version == fragments.code_version()


def test_dashboard_from_the_shared_level_is_the_same_page(world, as_user):
    client = as_user("own_manager")
    url = reverse("tracker:dashboard")
    with CaptureQueriesContext(connection) as computed:
        first = client.get(url).content.decode()
    caches[fragments.LOCAL].clear()
    with CaptureQueriesContext(connection) as shared:
        second = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as local:
        third = client.get(url).content.decode()

    def without_token(html):  # the sign-out form's CSRF token differs per request
        return [line for line in html.splitlines() if "csrfmiddlewaretoken" not in line]

    assert without_token(first) == without_token(second) == without_token(third)
    assert "core_fragment_cache" in " ".join(q["sql"] for q in shared.captured_queries)
    assert len(local) < len(shared) < len(computed)
