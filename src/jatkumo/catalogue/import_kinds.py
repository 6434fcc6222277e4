"""The kinds of file `jatkumo import KIND FILE` reads: a registry that apps add to.

The command lives in the catalogue (offerings were the first kind), but apps above it in the
layers (the broker's company needs, ...) must not be imported from here. So each app registers
its kind in its `AppConfig.ready()` with a handler and the command-line flags it takes; the
command lists every registered kind and passes the parsed options to the handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ImportHandler = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class ImportFlag:
    """An on/off option (`--publish`), with the help text the command shows."""

    name: str
    help: str


@dataclass(frozen=True)
class ImportKind:
    name: str
    handler: ImportHandler
    flags: tuple[ImportFlag, ...] = ()


_KINDS: dict[str, ImportKind] = {}


def import_kind_register(kind: ImportKind) -> None:
    """Add (or replace) a kind; called from `AppConfig.ready()`."""
    _KINDS[kind.name] = kind


def import_kinds() -> dict[str, ImportKind]:
    return dict(_KINDS)
