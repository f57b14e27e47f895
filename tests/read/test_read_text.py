"""Plain-text files: decoding, refusals, size limit and the seeds read verbatim."""
from __future__ import annotations

import os
import time

import pytest

from newsgraph.read import document_id
from newsgraph.settings import Settings

SAMPLE = (
    "Le ministre a déclaré mardi que les négociations continueraient « au moins une semaine », "
    "selon des responsables à Genève. Ça a été très difficile, a-t-il ajouté.\n"
)
SMART = "The mayor’s “final” offer — made in Zürich — was called naïve… by the council.\n"


def one(read, path, **kw):
    items = read(path, **kw)
    assert len(items) == 1, items
    return items[0]


def test_seeds_read_as_their_decoded_content(read, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    assert files
    items = read(seeds_dir)
    assert [d.source for d in items] == [str(f) for f in files]
    for doc, path in zip(items, files):
        expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        assert doc.text == expected
        assert doc.format == "txt" and doc.encoding == "utf-8"
        assert doc.id == document_id(expected)


def test_utf8_with_and_without_bom_same_text_and_id(read, tmp_path):
    plain, bom = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_bytes(SAMPLE.encode("utf-8"))
    bom.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    a, b = one(read, plain), one(read, bom)
    assert a.text == b.text == SAMPLE
    assert a.id == b.id
    assert (a.encoding, b.encoding) == ("utf-8", "utf-8-sig")


def test_latin1_file(read, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(SAMPLE.encode("latin-1"))
    doc = one(read, path)
    assert doc.text == SAMPLE
    assert doc.encoding not in (None, "utf-8")


def test_cp1252_smart_punctuation(read, tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes((SMART * 3).encode("cp1252"))
    doc = one(read, path)
    assert doc.text == SMART * 3
    assert doc.encoding == "cp1252"


def test_utf16_with_bom_and_without(read, tmp_path):
    with_bom, without = tmp_path / "u16.txt", tmp_path / "u16le.txt"
    with_bom.write_bytes(SAMPLE.encode("utf-16"))
    without.write_bytes(SAMPLE.encode("utf-16-le"))
    assert one(read, with_bom).text == SAMPLE
    assert one(read, without).text == SAMPLE
    assert one(read, without).encoding == "utf-16-le"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_wide_encodings_with_a_bom(read, tmp_path, codec):
    path = tmp_path / "wide.txt"
    bom = "\ufeff" if codec[-3:] in ("-le", "-be") else ""  # the plain codecs write their own mark
    path.write_bytes((bom + SAMPLE.replace("\n", "\r\n")).encode(codec))
    doc = one(read, path)
    assert doc.text == SAMPLE  # mark dropped, newlines normalised
    assert doc.encoding == codec[:6]
    assert doc.id == one(read, write_utf8(tmp_path, SAMPLE)).id


def write_utf8(folder, text):
    path = folder / "same-in-utf8.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_newlines_normalised_and_document_offsets_follow(read, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First line.\r\nSecond line.\rThird line.\n")
    doc = one(read, path)
    assert doc.text == "First line.\nSecond line.\nThird line.\n"
    assert "\r" not in doc.text


def test_binary_files_are_problems(read, tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes((i * 37 + 11) % 32 for i in range(4000)) + b"some words")
    for path in (png, noise):
        problem = one(read, path)
        assert problem.code == "E003", problem
        assert problem.source == str(path)


def test_undecodable_bytes(read, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 10)
    assert one(read, path).code == "E004"


def test_empty_and_whitespace_files(read, tmp_path):
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_bytes(b" \n\t\r\n  ")
    assert one(read, empty).code == "E002"
    assert one(read, blank).code == "E002"


def test_utf16_whitespace_only_is_empty(read, tmp_path):
    path = tmp_path / "blank16.txt"
    path.write_bytes("   \n  ".encode("utf-16"))
    assert one(read, path).code == "E002"


def test_too_large_checked_before_reading(read, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: 40 MB on paper, nothing on disk
        f.truncate(40 * 1024 * 1024)
    start = time.perf_counter()
    problem = one(read, path, settings=Settings(max_mb=20))
    assert problem.code == "E005"
    assert "40.0 MB > 20.0 MB" in problem.message
    assert time.perf_counter() - start < 1.0


def test_small_limit_applies_to_txt(read, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 400, encoding="utf-8")  # 2000 bytes
    assert one(read, path, settings=Settings(max_mb=0.001)).code == "E005"
    assert one(read, path, settings=Settings(max_mb=0.01)).text.startswith("word word")


def test_unreadable_file_is_a_problem(read, tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("A perfectly fine article that nobody may read.", encoding="utf-8")
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: every file is readable")
        assert one(read, path).code == "E017"
    finally:
        os.chmod(path, 0o644)
