"""Fixtures of the public catalogue tests (search, pages, API, feeds): a small catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.catalogue.public_factories import Catalogue, catalogue_create


@pytest.fixture
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every search sees the data as the test left it (no per-second stamp throttle)."""
    from jatkumo.catalogue import search

    monkeypatch.setattr(search, "STAMP_TTL", 0.0)
    search.catalogue_index_reset()
    yield
    search.catalogue_index_reset()


@pytest.fixture
def catalogue(db: None, fresh_index: None) -> Catalogue:
    return catalogue_create()
