"""Encoding detection on bytes: BOMs, declarations, guesses, refusals."""
from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.read.decode import decode, html_charset, normalise_newlines

RUSSIAN = "Министр заявил во вторник, что переговоры продолжатся ещё как минимум неделю.\n" * 3
GERMAN = "Der Bürgermeister sagte am Dienstag, die Fähre werde im Frühjahr fahren – trotz Verzögerungen.\n"


def test_valid_utf8_beats_a_wrong_declaration():
    text, encoding = decode(GERMAN.encode("utf-8"), "x", declared="iso-8859-1")
    assert (text, encoding) == (GERMAN, "utf-8")


def test_declared_charset_used_when_not_utf8():
    text, encoding = decode(RUSSIAN.encode("cp1251"), "x", declared="windows-1251")
    assert (text, encoding) == (RUSSIAN, "cp1251")


def test_latin1_declaration_read_as_windows_1252():
    text, encoding = decode("“Quoted” – dash".encode("cp1252"), "x", declared="ISO-8859-1")
    assert (text, encoding) == ("“Quoted” – dash", "cp1252")


def test_undeclared_cyrillic_is_guessed():
    text, _ = decode(RUSSIAN.encode("cp1251"), "x")
    assert text == RUSSIAN


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-16-le", "utf-32"])
def test_wide_encodings(codec):
    text, _ = decode(GERMAN.encode(codec), "x")
    assert text == GERMAN


def test_bom_wins_and_is_dropped():
    text, encoding = decode(b"\xef\xbb\xbfplain", "x", declared="cp1251")
    assert (text, encoding) == ("plain", "utf-8-sig")


@pytest.mark.parametrize("data", [b"\x00" * 100, b"GIF89a\x01\x00\x01\x00\x80\x00\x00" * 20, b"ab\x00cd" * 50])
def test_binary_refused(data):
    with pytest.raises(NewsgraphError) as err:
        decode(data, "x")
    assert err.value.code == "E003"


def test_html_meta_charset():
    assert html_charset(b'<html><head><meta charset="windows-1251">') == "cp1251"
    assert html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "iso8859-1"
    assert html_charset(b'<meta charset="no-such-codec">') is None
    assert html_charset(b"<html><body>no declaration</body></html>") is None


def test_newline_normalisation():
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert normalise_newlines("a\r\r\nb") == "a\n\nb"
