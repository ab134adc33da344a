"""One rule for empty values: a person never reads Python's "None". Every page a user can reach
from the home page through links, on the demo data, as staff, a manager and an administrator,
is read as a person sees it (text, not markup or scripts) and must not say "None".

The crawl follows every link on the site's own pages, at most a few addresses per route (the
demo data has hundreds of finding pages of the same template), and leaves out sign-out, the
admin (Django's own pages), downloads and the API."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

pytestmark = pytest.mark.django_db

PER_ROUTE = 3  # addresses read per route name (with or without a query string)
SKIP = ("/admin/", "/api/", "/accounts/logout/", "/static/", "/media/")
NONE = re.compile(r"\bNone\b")


class Visible(HTMLParser):
    """The page's visible text and its links."""

    def __init__(self):
        super().__init__()
        self.text, self.links, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def route_of(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def crawl(client):
    """{path: visible text} of the HTML pages reachable from home."""
    seen, per_route, pages = set(), {}, {}
    queue = [reverse("home")]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        route = route_of(urlsplit(path).path)
        if route is None or per_route.get(route, 0) >= PER_ROUTE:
            continue
        per_route[route] = per_route.get(route, 0) + 1
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = Visible()
        parser.feed(response.content.decode())
        pages[path] = " ".join(parser.text)
        for href in parser.links:
            href = urldefrag(href).url
            if href.startswith("?"):
                href = urlsplit(path).path + href
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue  # other sites, mail links, relative oddities
            if parts.path.startswith(SKIP) or parts.path.endswith(
                (".csv", ".xlsx", ".pdf", ".ics")
            ):
                continue
            queue.append(href)
    return pages


@pytest.mark.parametrize("role", ["own_staff", "own_manager", "admin"])
def test_no_page_says_none(world, as_user, role):
    pages = crawl(as_user(role))
    assert len(pages) > 20, f"the crawl reached only {sorted(pages)}"
    found = {path: NONE.findall(text) for path, text in pages.items() if NONE.search(text)}
    assert not found, f"'None' shown on: {sorted(found)}"


def test_the_check_sees_a_none(world, as_user, monkeypatch):
    """The reader would catch one: a page whose text says None."""
    parser = Visible()
    parser.feed('<p>Deadline: None</p><script>var x = "None"</script>')
    assert NONE.search(" ".join(parser.text))
    parser = Visible()
    parser.feed('<script>var x = "None"</script><p title="None">Fine</p>')
    assert not NONE.search(" ".join(parser.text))
