"""Atom feed of new offerings and the iCalendar feed of start dates."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from jatkumo.catalogue.feeds import ical_escape, ical_fold
from tests.catalogue.public_factories import Catalogue

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom__lists_published_offerings_with_links(client: Client, catalogue: Catalogue):
    response = client.get("/catalogue/feed.atom")

    root = ET.fromstring(response.content)  # noqa: S314 — our own feed
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = root.findall(f"{ATOM}entry")
    titles = {entry.findtext(f"{ATOM}title") for entry in entries}
    assert len(entries) == 6
    assert "Hitsauksen luonnos" not in titles
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert "http://testserver/catalogue/tredu/TREDU-KT-101/" in links


def test_ical__one_event_per_dated_start_with_crlf_and_required_properties(
    client: Client, catalogue: Catalogue
):
    body = client.get("/catalogue/starts.ics").content.decode()

    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    unfolded = body.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert len(events) == 4  # rolling-intake offerings have no date
    for event in events:
        for name in ("UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "SUMMARY:"):
            assert f"\r\n{name}" in event
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_ical__takes_the_search_filters(client: Client, catalogue: Catalogue):
    body = client.get("/catalogue/starts.ics", {"q": "svetsning"}).content.decode()

    assert body.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Hitsauksen peruskurssi ruotsiksi (Koulutuskeskus Sataedu)" in body


def test_ical__escapes_text_and_folds_long_lines():
    assert ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ical_fold("SUMMARY:" + "ä" * 60)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "ä" * 60
