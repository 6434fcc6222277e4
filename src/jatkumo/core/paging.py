"""A pager's numbers for list pages (catalogue search, taxonomy browser): no Django paginator,
because the lists come from our own search indexes, which already know the count."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Pages:
    """The current page, the last one, their query strings and the current page's offset."""

    number: int
    last: int
    base_query: str = ""
    count: int = 0
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    def url(self, number: int) -> str:
        return f"?{self.base_query}&page={number}" if self.base_query else f"?page={number}"

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.last else None
