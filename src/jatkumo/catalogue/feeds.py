"""Feeds of the public catalogue: Atom of new offerings, iCalendar (RFC 5545) of start dates.

The calendar is written by hand: one all-day VEVENT per dated start, CRLF line ends, lines
folded at 75 octets, TEXT values escaped, a stable UID per offering and DTSTAMP from its last
change. It takes the same filters as the search page (`?q=hitsaus&mode=blended`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from jatkumo.catalogue.models import Offering, Status
from jatkumo.catalogue.params import parse_query
from jatkumo.catalogue.selectors import offering_path, offering_search

FEED_ITEMS = 50
CALENDAR_EVENTS = 1000


class NewOfferingsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = _("New offerings in the Pirkanmaa continuous-learning catalogue")
    subtitle = _("Courses, qualification units and training published by the region's providers.")

    def link(self) -> str:
        return reverse("catalogue:search")

    def items(self) -> QuerySet[Offering]:
        offerings = Offering.objects.filter(status=Status.PUBLISHED).select_related("provider")
        return offerings.order_by("-published_at", "-created_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item: Offering) -> str:
        return item.title

    def item_description(self, item: Offering) -> str:
        text = " ".join(item.description.split())
        return text if len(text) <= 400 else text[:399].rsplit(" ", 1)[0] + " …"

    def item_link(self, item: Offering) -> str:
        return offering_path(item)

    def item_author_name(self, item: Offering) -> str:
        return item.provider.name

    def item_pubdate(self, item: Offering) -> dt.datetime:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Offering) -> dt.datetime:
        return item.updated_at


# --- iCalendar -----------------------------------------------------------------------------------


def ical_escape(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def ical_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (continuations start with a space)."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _event(offering: Offering, url: str, stamp: str, host: str) -> list[str]:
    start = offering.start_date
    assert start is not None  # noqa: S101 — only dated starts are passed in
    summary = f"{offering.title} ({offering.provider.name})"
    return [
        "BEGIN:VEVENT",
        f"UID:offering-{offering.pk}-{start:%Y%m%d}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ical_escape(summary)}",
        f"DESCRIPTION:{ical_escape(str(_('Start of the offering. More information:')))} {url}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_lines(offerings: Iterable[Offering], request: HttpRequest) -> list[str]:
    """The VCALENDAR of the dated starts of `offerings`, unfolded."""
    host = request.get_host().split(":")[0] or "jatkumo"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Jatkumo//Catalogue starts//FI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_escape(str(_('Starts of continuous-learning offerings')))}",
    ]
    today = dt.datetime.now(dt.UTC).date()
    for offering in offerings:
        if offering.start_date is None or offering.start_continuous:
            continue
        if offering.start_date < today - dt.timedelta(days=1):
            continue
        stamp = offering.updated_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        url = request.build_absolute_uri(offering_path(offering))
        lines += _event(offering, url, stamp, host)
    lines.append("END:VCALENDAR")
    return lines


def starts_calendar(request: HttpRequest) -> HttpResponse:
    """`starts.ics`: upcoming dated starts of the offerings the filters select."""
    filters, _data, _errors = parse_query(request.GET)
    result = offering_search(
        filters=filters, sort="start", per_page=CALENDAR_EVENTS, facets=False, snippets=False
    )
    lines = calendar_lines((hit.offering for hit in result.hits), request)
    body = "".join(ical_fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="jatkumo-starts.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
