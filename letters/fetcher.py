"""WeasyPrint's URL fetcher, restricted: a letter may load the project's own static and media
files and nothing else, so rendering never makes a network request."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    pass


def allowed_roots():
    roots = [Path(d) for d in settings.STATICFILES_DIRS]
    roots += [Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT)]
    return [root.resolve() for root in roots]


def local_path(url):
    """The file behind ``url`` if it is one of the project's own files, else None."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return None
    path = Path(unquote(parsed.path)).resolve()
    return path if any(path.is_relative_to(root) for root in allowed_roots()) else None


def static_url(path):
    """A file:// URL for a static file, found the way collectstatic finds it."""
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    return Path(found).resolve().as_uri()


class LetterURLFetcher(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.refused = []

    def fetch(self, url, headers=None):
        if local_path(url) is None:
            self.refused.append(url)
            raise RefusedURL(f"Letters load only the project's own files, not {url!r}.")
        return super().fetch(url, headers)
