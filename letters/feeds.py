"""An office's published responses as an Atom feed, for its own website to link to (Django's
syndication framework writes the XML)."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forces.models import LocalPolicingBody
from letters.published import published_responses

ENTRIES = 50


def xml_text(value):
    """Text XML 1.0 can hold: a control character (one in a report's title, say) would make
    the whole feed fail to write."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


class PublishedResponsesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, office_slug):
        return get_object_or_404(LocalPolicingBody, slug=office_slug)

    def title(self, office):
        return xml_text(f"{office.name}: responses to HMICFRS reports")

    def subtitle(self, office):
        return xml_text(
            f"{office.name}'s Section 55 responses to His Majesty's Inspectorate of "
            "Constabulary and Fire & Rescue Services reports about its force."
        )

    def author_name(self, office):
        return xml_text(office.name)  # Atom requires an author

    def link(self, office):
        return reverse("letters:published_index", args=[office.slug])

    def feed_url(self, office):
        return reverse("letters:published_feed", args=[office.slug])

    def items(self, office):
        return published_responses(office).order_by(
            "-published_on", "-inspection__publication_date", "pk"
        )[:ENTRIES]

    def item_title(self, response):
        return xml_text(f"Response to {response.inspection.title}")

    def item_description(self, response):
        published = response.inspection.publication_date
        return xml_text(f"Our response to the report HMICFRS published on {published:%-d %B %Y}.")

    def item_link(self, response):
        return reverse(
            "letters:published", args=[response.policing_body.slug, response.inspection.slug]
        )

    def item_pubdate(self, response):
        day = response.published_on or response.inspection.publication_date
        return datetime.datetime.combine(
            day, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_updateddate(self, response):
        return response.updated_at
