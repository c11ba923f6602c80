from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.config import load_config
from spinscope.errors import ConfigError


def test_defaults_load() -> None:
    cfg = load_config()
    assert cfg.pipeline.components[:2] == ("boilerplate.v1", "sentences.v1")
    assert cfg.ingest.max_bytes > 0


def test_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('[ingest]\nmax_bytes = 10\n[components."techniques.v1"]\nthreshold = 0.4\n')
    cfg = load_config(f)
    assert cfg.ingest.max_bytes == 10
    assert cfg.ingest.text_key == "text"
    assert cfg.settings_for("techniques.v1") == {"threshold": 0.4}


def test_env_var_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "c.toml"
    f.write_text("[pipeline]\nbatch_size = 3\n")
    monkeypatch.setenv("SPINSCOPE_CONFIG", str(f))
    assert load_config().pipeline.batch_size == 3


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("[ingest]\nmax_byts = 3\n", "unknown configuration key 'ingest.max_byts'"),
        ("[nope]\nx = 1\n", "unknown configuration key 'nope'"),
        ('[ingest]\nmax_bytes = "big"\n', "should be int"),
        ("[ingest\n", "not valid TOML"),
    ],
)
def test_bad_user_config(tmp_path: Path, content: str, match: str) -> None:
    f = tmp_path / "c.toml"
    f.write_text(content)
    with pytest.raises(ConfigError, match=match):
        load_config(f)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml")


def test_with_store_sets_every_component_that_looks_things_up() -> None:
    cfg = load_config().with_store("/data/kb.db")
    assert cfg.settings_for("claims.v1")["store"] == "/data/kb.db"
    assert cfg.settings_for("outlet.v1")["store"] == "/data/kb.db"
    assert "store" not in cfg.settings_for("techniques.v1")
