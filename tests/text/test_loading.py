"""Tests for analysis_utils.text.loading: decoding, formats, sidecars, corpora.

Articles are compared through their fields only (never repr/headline/segments:
those need the segmenter, which these tests do not depend on).
"""
from __future__ import annotations

import codecs
import json
import os
import random
import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils.errors import (
    ArticleError,
    ArticleNotFound,
    BinaryContent,
    DecodingError,
    EmptyArticle,
    UnsupportedFormat,
)
from analysis_utils.text.loading import (
    SkippedArticleWarning,
    corpus_table,
    decode_bytes,
    load_article,
    load_corpus,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

KO_HEADLINE = '푸틴, 24년 만에 방북…北 "국빈 방문" 발표'
KO_HEADLINE_2 = '윤 대통령 "北 도발에 강력 대응"'
KO_PARAGRAPH = (
    "블라디미르 푸틴 러시아 대통령이 18~19일 북한을 국빈 방문한다고 크렘린궁이 17일 "
    "발표했다. 푸틴 대통령의 방북은 2000년 7월 이후 24년 만이다.\n"
    "로이터(Reuters) 등 외신은 이번 방문이 북러 군사협력 강화로 이어질 수 있다고 전했다."
)
JA_HEADLINE = "プーチン大統領、24年ぶりに北朝鮮を訪問へ"
JA_PARAGRAPH = (
    "ロシアのプーチン大統領は18日から2日間、北朝鮮を国賓として訪問すると発表した。"
    "プーチン氏の訪朝は2000年以来24年ぶりとなる。"
)
ZH_HEADLINE = "普京将对朝鲜进行国事访问"
ZH_PARAGRAPH = (
    "俄罗斯总统普京将于6月18日至19日对朝鲜进行国事访问，这是他24年来首次访问朝鲜。"
    "克里姆林宫周一宣布了这一消息。"
)
TW_HEADLINE = "普丁將訪問北韓"
TW_PARAGRAPH = (
    "俄羅斯總統普丁將於6月18日至19日對北韓進行國事訪問，這是他24年來首次訪問北韓。"
    "克里姆林宮週一宣布了這項消息。"
)


def check_error(excinfo, cls, *fragments: str) -> str:
    """The raised error is an ArticleError of type ``cls`` whose message holds
    every fragment (case-insensitive); returns the message."""
    err = excinfo.value
    assert isinstance(err, ArticleError), type(err)
    assert isinstance(err, cls), type(err)
    msg = str(err)
    for fragment in fragments:
        assert str(fragment).lower() in msg.lower(), f"{fragment!r} not in {msg!r}"
    return msg


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# ---------------------------------------------------------------------------
# decode_bytes: Unicode
# ---------------------------------------------------------------------------


def test_utf8_without_bom():
    text = "Seoul (Reuters) — 서울 증시가 상승했다. café\n"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_utf8_with_bom_strips_only_the_bom():
    text = "  Headline\n\nBody 본문.\n"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8-sig")


@pytest.mark.parametrize(
    "bom, codec, name",
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_utf16_utf32_with_bom(bom, codec, name):
    text = "푸틴 방북\r\nPutin visits Pyongyang.\r\n"
    decoded, encoding = decode_bytes(bom + text.encode(codec))
    assert decoded == text
    assert encoding == name
    assert not decoded.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_pattern(codec):
    text = "Putin to visit North Korea.\nThe Kremlin said so on Monday.\n"
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_utf16_file_loads_through_load_article(tmp_path):
    text = "Headline\r\n\r\nBody with 한국어 and English.\r\n"
    path = write(tmp_path / "u16.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    article = load_article(path)
    assert article.text == text
    assert article.meta["encoding"] == "utf-16-be"


# ---------------------------------------------------------------------------
# decode_bytes: legacy encodings
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["cp949", "euc_kr"])
@pytest.mark.parametrize("text", [KO_HEADLINE, KO_HEADLINE_2, "한국 경제", KO_PARAGRAPH])
def test_korean_cp949_and_euc_kr_decode_exactly(codec, text):
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert encoding == "cp949"  # the superset of EUC-KR


def test_korean_uhc_syllables_only_in_cp949():
    text = "똠방각하 쌰 인터뷰"  # 똠 and 쌰 are not in KS X 1001 (EUC-KR)
    assert "똠".encode("cp949")[0] < 0xA1  # the cp949 (UHC) extension area
    assert decode_bytes(text.encode("cp949")) == (text, "cp949")


@pytest.mark.parametrize(
    "text, codec, expected",
    [
        (JA_HEADLINE, "shift_jis", {"shift_jis", "cp932"}),
        (JA_PARAGRAPH, "shift_jis", {"shift_jis", "cp932"}),
        (ZH_HEADLINE, "gb18030", {"gb18030"}),
        (ZH_HEADLINE, "gbk", {"gb18030"}),
        (ZH_PARAGRAPH, "gbk", {"gb18030"}),
        (TW_HEADLINE, "big5", {"big5", "cp950"}),
        (TW_PARAGRAPH, "big5", {"big5", "cp950"}),
    ],
)
def test_japanese_and_chinese_decode_exactly(text, codec, expected):
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert encoding in expected


@pytest.mark.parametrize(
    "text",
    ["café – naïve", "café", "Größere Änderungen für Zürich", "A ação da população", "¿Qué pasó? «Très» bien"],
)
def test_western_code_pages(text):
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding == "cp1252"


def test_latin1_bytes_come_out_right():
    assert decode_bytes(b"caf\xe9 au lait")[0] == "café au lait"


def test_a_stray_byte_in_ascii_text_is_tolerated():
    text = "Seoul, June 17 -- " + "Officials met on Monday and agreed to talk again. " * 20
    data = text.encode("ascii") + b" \x86\n"
    decoded, encoding = decode_bytes(data)
    assert decoded.startswith(text) and len(decoded) == len(text) + 3
    assert encoding == "cp1252"


def test_russian_cp1251():
    text = "Путин посетит Северную Корею впервые за 24 года."
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize("codec", ["utf-8", "cp949", "cp1252", "utf-16-le"])
def test_crlf_and_surrounding_whitespace_kept_exactly(tmp_path, codec):
    body = "\r\n  Seoul  \r\n\r\nLine two.\r\nLine three.\r\n\r\n"
    if codec == "cp949":
        body = "\r\n  서울 증시  \r\n\r\n코스피가 올랐다.\r\nLine three.\r\n\r\n"
    if codec == "cp1252":
        body = "\r\n  Café  \r\n\r\nNaïve – line two.\r\n\r\n"
    data = body.encode(codec)
    if codec == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    article = load_article(write(tmp_path / f"crlf-{codec}.txt", data))
    assert article.text == body
    assert article.text.count("\r\n") == body.count("\r\n")


def test_korean_article_file_with_crlf(tmp_path):
    body = KO_HEADLINE + "\r\n\r\n" + KO_PARAGRAPH.replace("\n", "\r\n") + "\r\n"
    for codec in ("cp949", "euc_kr"):
        article = load_article(write(tmp_path / f"ko-{codec}.txt", body.encode(codec)))
        assert article.text == body
        assert article.meta["encoding"] == "cp949"
        assert article.meta["format"] == "text"


# ---------------------------------------------------------------------------
# decode_bytes / load_article: errors
# ---------------------------------------------------------------------------


def test_empty_file(tmp_path):
    path = write(tmp_path / "empty.txt", b"")
    with pytest.raises(EmptyArticle) as ei:
        load_article(path)
    check_error(ei, EmptyArticle, str(path), "empty")


@pytest.mark.parametrize("data", [b"  \n\t \r\n", "\u3000\n\u00a0 ".encode("utf-8"), codecs.BOM_UTF8 + b"\n\n"])
def test_whitespace_only_file(tmp_path, data):
    path = write(tmp_path / "blank.txt", data)
    with pytest.raises(EmptyArticle) as ei:
        load_article(path)
    check_error(ei, EmptyArticle, str(path), "whitespace")


def test_png_is_binary(tmp_path):
    path = write(tmp_path / "photo.txt", PNG_HEADER + bytes(range(256)))
    with pytest.raises(BinaryContent) as ei:
        load_article(path)
    check_error(ei, BinaryContent, str(path), "PNG", "not text")


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
    ],
)
def test_known_magic_numbers(data, kind):
    with pytest.raises(BinaryContent) as ei:
        decode_bytes(data, "upload.bin")
    check_error(ei, BinaryContent, "upload.bin", kind)


def test_random_bytes_with_nuls_are_binary(tmp_path):
    rng = random.Random(42)
    data = bytes(rng.randrange(256) for _ in range(2000))
    assert b"\x00" in data
    path = write(tmp_path / "noise.txt", data)
    with pytest.raises(BinaryContent) as ei:
        load_article(path)
    check_error(ei, BinaryContent, str(path), "NUL")


def test_a_few_stray_nul_bytes_in_a_long_page_are_kept(tmp_path):
    para = "<p>The council met on Monday to discuss the budget, which has been delayed for months.</p>\n"
    html = ("<!DOCTYPE html><html><head><title>Budget talks resume</title></head><body><article>"
            "<h1>Budget talks resume</h1>" + para * 40 + "</article></body></html>").encode()
    padded = html[:200] + b"\x00" * 3 + html[200:]  # a server padded the page
    doc = load_article(write(tmp_path / "page.html", padded))
    assert "The council met on Monday" in doc.text
    text = b"Budget talks resume\n\n" + (para[3:-5].encode() + b"\n\n") * 30
    doc = load_article(write(tmp_path / "page.txt", text[:500] + b"\x00" + text[500:]))
    assert "\x00" in doc.text and doc.text.replace("\x00", "").encode() == text  # kept, lossless
    with pytest.raises(BinaryContent):  # many NULs stay the mark of a binary file
        load_article(write(tmp_path / "many.txt", text.replace(b" ", b"\x00", 20)))


def test_control_characters_are_binary(tmp_path):
    path = write(tmp_path / "ctrl.txt", b"\x01\x02\x03\x04\x05data\x06\x07\x08\x0e\x0f" * 20)
    with pytest.raises(BinaryContent) as ei:
        load_article(path)
    check_error(ei, BinaryContent, str(path), "control")


def test_undecodable_bytes(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(300))  # no ASCII, no NUL
    path = write(tmp_path / "garbled.txt", data)
    with pytest.raises(DecodingError) as ei:
        load_article(path)
    check_error(ei, DecodingError, str(path), "cannot decode")


def test_decode_bytes_without_source_still_explains():
    with pytest.raises(EmptyArticle) as ei:
        decode_bytes(b"")
    check_error(ei, EmptyArticle, "empty")
    with pytest.raises(TypeError):
        decode_bytes("not bytes")  # type: ignore[arg-type]


_TEXT_CHARS = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Ps", "Pe", "Pd", "Sm", "Zs"),
    blacklist_characters="\ufeff",
)
_TEXTS = st.text(st.one_of(_TEXT_CHARS, st.sampled_from("\n\r\t")), min_size=1, max_size=200).filter(
    lambda s: any(not c.isspace() for c in s)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_property_utf8_and_utf16_round_trip(text):
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == (text, "utf-16-le")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_property_any_bytes_give_text_or_an_article_error(data):
    try:
        text, encoding = decode_bytes(data, "blob.bin")
    except ArticleError as err:
        assert "blob.bin" in str(err)
    else:
        assert isinstance(text, str) and any(not c.isspace() for c in text)
        assert codecs.lookup(encoding)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def test_html_page_main_text_metadata_and_date():
    path = FIXTURES / "putin_visit.html"
    article = load_article(path)
    assert "state visit to North Korea on June 18-19" in article.text
    assert "deepening military cooperation" in article.text
    assert "Vostochny cosmodrome" in article.text
    for clutter in ("World news section", "Subscribe to our newsletter", "All rights reserved", "Celebrity chef"):
        assert clutter not in article.text
    assert article.text.startswith("Putin to visit North Korea for first time in 24 years")
    assert article.text.count("Putin to visit North Korea for first time") == 1  # title not doubled
    assert article.meta["title"] == "Putin to visit North Korea for first time in 24 years"
    assert article.meta["outlet"] == "The Daily Example"
    assert article.meta["author"] == "Jane Doe"
    assert article.meta["language"] == "en"
    assert article.meta["format"] == "html"
    assert article.meta["encoding"] == "utf-8"
    assert article.meta["path"] == str(path)
    assert article.published == date(2024, 6, 17)
    assert article.meta["published_source"] == "html"
    assert article.source == str(path)


def test_html_string_and_bytes_go_through_the_html_route():
    html = (FIXTURES / "putin_visit.html").read_text(encoding="utf-8")
    for source in (html, "\n  " + html, html.encode("utf-8")):
        article = load_article(source)
        assert article.meta["format"] == "html"
        assert "Subscribe to our newsletter" not in article.text
        assert "state visit to North Korea" in article.text
        assert article.published == date(2024, 6, 17)
        assert article.source is None
        assert article.meta["path"] is None


def test_html_title_prepended_when_body_lacks_it(tmp_path):
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Markets rally in Seoul</title>"
        "<meta property='og:site_name' content='Example Wire'></head><body><div class='story'>"
        "<p>The KOSPI rose on Monday as chipmakers gained ground after strong export data.</p>"
        "<p>Foreign investors were net buyers for a third day, exchange data showed.</p>"
        "</div></body></html>"
    )
    article = load_article(write(tmp_path / "rally.html", html))
    assert article.meta["title"] == "Markets rally in Seoul"
    assert article.text.startswith("Markets rally in Seoul\n\nThe KOSPI rose on Monday")
    assert "Foreign investors were net buyers" in article.text
    assert article.meta["outlet"] == "Example Wire"
    assert article.published is None  # no date on the page
    assert article.meta["published_source"] is None


def test_html_in_legacy_encoding_with_meta_charset(tmp_path):
    html = (
        '<html lang="ko"><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
        f"<title>{KO_HEADLINE}</title></head><body><article><h1>{KO_HEADLINE}</h1>"
        f"<p>{KO_PARAGRAPH.splitlines()[0]}</p><p>{KO_PARAGRAPH.splitlines()[1]}</p>"
        "</article></body></html>"
    )
    article = load_article(write(tmp_path / "ko.html", html.encode("euc_kr")))
    assert article.meta["encoding"] == "cp949"
    assert "크렘린궁이 17일 발표했다" in article.text
    assert "북러 군사협력 강화로" in article.text
    assert article.meta["language"] == "ko"


def test_html_without_main_text(tmp_path):
    path = FIXTURES / "no_main_text.html"
    with pytest.raises(EmptyArticle) as ei:
        load_article(path)
    check_error(ei, EmptyArticle, str(path), "no main text")


def test_html_library_failure_is_wrapped(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    path = FIXTURES / "putin_visit.html"
    with pytest.raises(ArticleError) as ei:
        load_article(path)
    check_error(ei, ArticleError, str(path), "RuntimeError", "parser exploded")
    assert isinstance(ei.value.__cause__, RuntimeError)


def test_htmldate_failure_does_not_break_loading(monkeypatch):
    import htmldate

    def boom(*args, **kwargs):
        raise ValueError("date parser exploded")

    monkeypatch.setattr(htmldate, "find_date", boom)
    article = load_article(FIXTURES / "putin_visit.html")
    assert "state visit to North Korea" in article.text


# ---------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------


def test_json_article():
    path = FIXTURES / "seoul_article.json"
    article = load_article(path)
    assert article.text == (
        "Seoul stocks close higher\n\nThe KOSPI rose 0.8% on Monday, led by chipmakers.\n"
        "Foreign investors were net buyers.\n"
    )
    assert article.meta["title"] == "Seoul stocks close higher"
    assert article.meta["outlet"] == "Example Wire"
    assert article.meta["section"] == "markets"  # other keys kept
    assert article.meta["format"] == "json"
    assert article.published == date(2024, 6, 17)
    assert article.meta["published_source"] == "json"
    assert "text" not in article.meta and "published" not in article.meta


@pytest.mark.parametrize("key", ["content", "body"])
def test_json_alternative_text_keys(tmp_path, key):
    path = write(tmp_path / "a.json", json.dumps({key: "본문 text", "date": "2024-06-17"}, ensure_ascii=False))
    article = load_article(path)
    assert article.text == "본문 text"
    assert article.published == date(2024, 6, 17)


@pytest.mark.parametrize(
    "content, cls, fragment",
    [
        ('{"text": "unterminated', UnsupportedFormat, "not valid JSON"),
        ('{"title": "No body here", "url": "x"}', UnsupportedFormat, 'no "text"'),
        ('["a", "list"]', UnsupportedFormat, "must be an object"),
        ('{"text": 42}', UnsupportedFormat, "must be a string"),
        ('{"text": "ok", "published": "last Tuesday"}', UnsupportedFormat, "not a date"),
        ('{"text": "   "}', EmptyArticle, "no visible text"),
    ],
)
def test_bad_json(tmp_path, content, cls, fragment):
    path = write(tmp_path / "bad.json", content)
    with pytest.raises(cls) as ei:
        load_article(path)
    check_error(ei, cls, str(path), fragment)


# ---------------------------------------------------------------------------
# Sidecars and the publication date
# ---------------------------------------------------------------------------


def test_sidecar_is_honoured():
    article = load_article(FIXTURES / "with_sidecar.txt")
    assert article.text.startswith("Seoul, June 17 (Example Wire)")
    assert "\r\n\r\n" in article.text
    assert article.meta["outlet"] == "Example Wire"
    assert article.meta["language"] == "en"
    assert article.meta["source_note"] == "Copied from the wire feed by hand"
    assert article.meta["title"] == "Officials meet in Seoul"
    assert article.published == date(2024, 6, 17)
    assert article.meta["published_source"] == "sidecar"
    assert "published" not in article.meta


def test_published_argument_beats_sidecar():
    article = load_article(FIXTURES / "with_sidecar.txt", published="2024-06-20")
    assert article.published == date(2024, 6, 20)
    assert article.meta["published_source"] == "argument"


def test_meta_argument_beats_sidecar_and_published_argument_beats_meta():
    path = FIXTURES / "with_sidecar.txt"
    article = load_article(path, meta={"outlet": "Override News", "published": "2024-06-19"})
    assert article.meta["outlet"] == "Override News"
    assert article.published == date(2024, 6, 19)
    assert article.meta["published_source"] == "argument"
    article = load_article(path, published=date(2024, 6, 21), meta={"published": "2024-06-19"})
    assert article.published == date(2024, 6, 21)


def test_sidecar_beats_html_date(tmp_path):
    html = (FIXTURES / "putin_visit.html").read_bytes()
    path = write(tmp_path / "page.html", html)
    write(tmp_path / "page.meta.yaml", "published: 2024-06-18\noutlet: Sidecar Times\n")
    article = load_article(path)
    assert article.published == date(2024, 6, 18)
    assert article.meta["published_source"] == "sidecar"
    assert article.meta["outlet"] == "Sidecar Times"  # the sidecar beats the HTML too


def test_json_sidecar(tmp_path):
    path = write(tmp_path / "story.txt", "Body text.\n")
    write(tmp_path / "story.meta.json", json.dumps({"outlet": "JSON Daily", "published": "2024-06-17T08:00:00+09:00"}))
    article = load_article(path)
    assert article.meta["outlet"] == "JSON Daily"
    assert article.published == date(2024, 6, 17)


def test_no_sidecar_works(tmp_path):
    path = write(tmp_path / "plain.txt", "Just text.\n")
    article = load_article(path)
    assert article.text == "Just text.\n"
    assert article.published is None
    assert article.meta["published_source"] is None
    assert article.meta == {
        "path": str(path),
        "encoding": "utf-8",
        "format": "text",
        "published_source": None,
    }


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("a.meta.yml", "outlet: [unclosed\n  language: en\n", "not valid YAML"),
        ("a.meta.yml", "- just\n- a list\n", "must be a mapping"),
        ("a.meta.yml", "published: not-a-date\n", "unparsable date"),
        ("a.meta.yaml", "published: 2024-13-45\n", "unparsable date"),
        ("a.meta.json", "{broken json", "not valid JSON"),
        ("a.meta.yml", "encoding: no-such-codec\n", "unknown encoding"),
    ],
)
def test_broken_sidecar(tmp_path, name, content, fragment):
    path = write(tmp_path / "a.txt", "Body.\n")
    sidecar = write(tmp_path / name, content)
    with pytest.raises(UnsupportedFormat) as ei:
        load_article(path)
    check_error(ei, UnsupportedFormat, str(sidecar), fragment)


def test_sidecar_encoding_overrides_detection(tmp_path):
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda schválila rozpočet."
    path = write(tmp_path / "cz.txt", text.encode("cp1250"))
    write(tmp_path / "cz.meta.yml", "encoding: cp1250\nlanguage: cs\n")
    article = load_article(path)
    assert article.text == text
    assert article.meta["encoding"] == "cp1250"
    assert article.meta["language"] == "cs"


def test_sidecar_encoding_that_does_not_fit(tmp_path):
    path = write(tmp_path / "ko.txt", KO_PARAGRAPH.encode("cp949"))
    write(tmp_path / "ko.meta.yml", "encoding: utf-8\n")
    with pytest.raises(DecodingError) as ei:
        load_article(path)
    check_error(ei, DecodingError, str(path), "utf-8", "sidecar")


@pytest.mark.parametrize(
    "value",
    [
        date(2024, 6, 17),
        datetime(2024, 6, 17, 23, 59),
        datetime(2024, 6, 17, 8, 0, tzinfo=timezone(timedelta(hours=9))),
        "2024-06-17",
        "2024-06-17T08:00:00+09:00",
        "2024-06-17T08:00:00Z",
        "2024/06/17",
    ],
)
def test_published_values(value):
    article = load_article("Some text.\nMore text.", published=value)
    assert article.published == date(2024, 6, 17)
    assert article.meta["published_source"] == "argument"


@pytest.mark.parametrize("value", ["yesterday", "2024-02-30", 20240617])
def test_bad_published_value(tmp_path, value):
    path = write(tmp_path / "dated.txt", "Text.\n")
    with pytest.raises(ArticleError) as ei:
        load_article(path, published=value)
    check_error(ei, ArticleError, str(path), "published", str(value))


# ---------------------------------------------------------------------------
# load_article: sources
# ---------------------------------------------------------------------------


def test_str_source_as_text():
    text = "Headline here\n\nFirst paragraph.  \n"
    article = load_article(text)
    assert article.text == text
    assert article.source is None
    assert article.meta["format"] == "text"
    assert article.meta["encoding"] is None
    assert article.meta["path"] is None


def test_single_line_str_with_spaces_is_text():
    article = load_article("Putin visits Pyongyang for talks with Kim.")
    assert article.text == "Putin visits Pyongyang for talks with Kim."
    assert article.source is None


def test_str_source_as_path(tmp_path):
    path = write(tmp_path / "story.txt", "Body from a file.\n")
    article = load_article(str(path))
    assert article.text == "Body from a file.\n"
    assert article.source == str(path)
    assert article.meta["path"] == str(path)


def test_str_path_relative_to_cwd(tmp_path, monkeypatch):
    write(tmp_path / "notes" / "story.md", "# Title\n\nBody.\n")
    monkeypatch.chdir(tmp_path)
    article = load_article("notes/story.md")
    assert article.text == "# Title\n\nBody.\n"


@pytest.mark.parametrize("missing", ["data/raw/nope.txt", "nope.html", "data/raw/2024-06-17_report"])
def test_missing_path_str(tmp_path, monkeypatch, missing):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArticleNotFound) as ei:
        load_article(missing)
    check_error(ei, ArticleNotFound, missing, "no such file")


def test_url_is_not_downloaded():
    with pytest.raises(ArticleNotFound) as ei:
        load_article("https://example.com/news/putin-visit")
    check_error(ei, ArticleNotFound, "https://example.com/news/putin-visit", "does not download")


def test_missing_path_object(tmp_path):
    path = tmp_path / "absent.txt"
    with pytest.raises(ArticleNotFound) as ei:
        load_article(path)
    check_error(ei, ArticleNotFound, str(path), "no such file")


def test_directory_passed_to_load_article(tmp_path):
    write(tmp_path / "a.txt", "x\n")
    for source in (tmp_path, str(tmp_path)):
        with pytest.raises(ArticleError) as ei:
            load_article(source)
        check_error(ei, ArticleError, str(tmp_path), "folder", "load_corpus")


def test_bytes_source():
    article = load_article(KO_PARAGRAPH.encode("cp949"))
    assert article.text == KO_PARAGRAPH
    assert article.meta["encoding"] == "cp949"
    assert article.source is None


def test_empty_string_source():
    with pytest.raises(EmptyArticle) as ei:
        load_article("   \n  ")
    check_error(ei, EmptyArticle, "empty text")


def test_wrong_source_type():
    with pytest.raises(TypeError):
        load_article(42)  # type: ignore[arg-type]


def test_unknown_extension_is_sniffed(tmp_path):
    path = write(tmp_path / "story.dat", "Plain text in an odd file.\n")
    assert load_article(path).text == "Plain text in an odd file.\n"
    pdf = write(tmp_path / "scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(BinaryContent) as ei:
        load_article(pdf)
    check_error(ei, BinaryContent, str(pdf), "PDF")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path):
    path = write(tmp_path / "secret.txt", "x\n")
    path.chmod(0)
    try:
        with pytest.raises(ArticleError) as ei:
            load_article(path)
        check_error(ei, ArticleError, str(path), "permission denied")
    finally:
        path.chmod(0o644)


def test_permission_error_is_wrapped(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "x\n")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ArticleError) as ei:
        load_article(path)
    check_error(ei, ArticleError, str(path), "permission denied")


def test_os_error_is_wrapped(tmp_path, monkeypatch):
    path = write(tmp_path / "flaky.txt", "x\n")

    def broken(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", broken)
    with pytest.raises(ArticleError) as ei:
        load_article(path)
    check_error(ei, ArticleError, str(path), "Input/output error")


def test_meta_argument_overrides_and_base_keys_present(tmp_path):
    path = write(tmp_path / "m.txt", "Text.\n")
    article = load_article(path, meta={"outlet": "Mine", "format": "custom"})
    assert article.meta["outlet"] == "Mine"
    assert article.meta["format"] == "custom"  # the meta argument has the last word
    assert article.meta["encoding"] == "utf-8"
    assert article.meta["path"] == str(path)


# ---------------------------------------------------------------------------
# load_corpus / corpus_table
# ---------------------------------------------------------------------------


@pytest.fixture
def corpus_dir(tmp_path):
    root = tmp_path / "corpus"
    write(root / "a_seoul.txt", KO_PARAGRAPH.encode("cp949"))
    write(root / "a_seoul.meta.yml", "outlet: Yonhap\npublished: 2024-06-17\n")
    write(root / "b_page.html", (FIXTURES / "putin_visit.html").read_bytes())
    write(root / "sub" / "c_wire.json", json.dumps({"text": "Wire copy.\n", "title": "Wire"}))
    write(root / "d_bad.txt", PNG_HEADER)
    write(root / "README.md", "# About this corpus\n")
    write(root / ".hidden.txt", "hidden\n")
    write(root / ".git" / "notes.txt", "git internals\n")
    write(root / "table.csv", "a,b\n1,2\n")
    return root


def _names(articles):
    return [Path(a.source).name for a in articles]


def test_load_corpus_warn(corpus_dir):
    with pytest.warns(SkippedArticleWarning) as record:
        articles = list(load_corpus(corpus_dir))
    assert _names(articles) == ["a_seoul.txt", "b_page.html", "c_wire.json"]
    messages = [str(w.message) for w in record]
    assert len(messages) == 1
    assert "d_bad.txt" in messages[0] and "PNG" in messages[0]
    seoul = articles[0]
    assert seoul.text == KO_PARAGRAPH
    assert seoul.meta["outlet"] == "Yonhap"  # the sidecar is applied in a corpus too
    assert seoul.published == date(2024, 6, 17)


def test_load_corpus_raise(corpus_dir):
    with pytest.raises(BinaryContent) as ei:
        list(load_corpus(corpus_dir, errors="raise"))
    check_error(ei, BinaryContent, "d_bad.txt", "PNG")


def test_load_corpus_skip(corpus_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = list(load_corpus(corpus_dir, errors="skip"))
    assert len(articles) == 3


def test_load_corpus_is_deterministic(corpus_dir):
    first = _names(load_corpus(corpus_dir, errors="skip"))
    second = _names(load_corpus(str(corpus_dir), errors="skip"))
    assert first == second == ["a_seoul.txt", "b_page.html", "c_wire.json"]


def test_load_corpus_glob(corpus_dir):
    articles = list(load_corpus(str(corpus_dir / "*.txt"), errors="skip"))
    assert _names(articles) == ["a_seoul.txt"]
    recursive = list(load_corpus(str(corpus_dir / "**" / "*.json"), errors="skip"))
    assert _names(recursive) == ["c_wire.json"]


def test_load_corpus_pattern(corpus_dir):
    articles = list(load_corpus(corpus_dir, pattern="*.html"))
    assert _names(articles) == ["b_page.html"]


def test_load_corpus_list_of_paths_keeps_order(corpus_dir):
    paths = [corpus_dir / "sub" / "c_wire.json", str(corpus_dir / "a_seoul.txt")]
    assert _names(load_corpus(paths)) == ["c_wire.json", "a_seoul.txt"]


def test_load_corpus_missing_file_in_list(corpus_dir):
    missing = corpus_dir / "gone.txt"
    with pytest.raises(ArticleNotFound) as ei:
        list(load_corpus([missing], errors="raise"))
    check_error(ei, ArticleNotFound, str(missing), "no such file")


def test_load_corpus_jsonl(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "First story.", "published": "2024-06-17"}),
        "{not json",
        "",
        json.dumps({"text": "Third story.", "outlet": "Wire"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    with pytest.warns(SkippedArticleWarning) as record:
        articles = list(load_corpus(tmp_path))
    assert [a.text for a in articles] == ["First story.", "Third story."]
    assert [a.meta["line"] for a in articles] == [1, 4]
    assert articles[0].published == date(2024, 6, 17)
    assert articles[1].meta["outlet"] == "Wire"
    assert len(record) == 1 and f"{path}:2" in str(record[0].message)


@pytest.mark.parametrize("content", [None, "readme", "sidecar"])
def test_folder_without_articles(tmp_path, content):
    folder = tmp_path / "empty_corpus"
    folder.mkdir()
    if content == "readme":
        write(folder / "README.txt", "nothing here\n")
        write(folder / "LICENSE", "MIT\n")
    if content == "sidecar":
        write(folder / "x.meta.yml", "outlet: X\n")
        write(folder / "photo.png", PNG_HEADER)
    with pytest.raises(ArticleNotFound) as ei:
        load_corpus(folder)  # raised at once, not on iteration
    check_error(ei, ArticleNotFound, str(folder), "no article files")


def test_glob_without_matches(tmp_path):
    pattern = str(tmp_path / "nothing" / "*.txt")
    with pytest.raises(ArticleNotFound) as ei:
        load_corpus(pattern)
    check_error(ei, ArticleNotFound, pattern, "no article files")


def test_missing_corpus_folder(tmp_path):
    folder = tmp_path / "does_not_exist"
    with pytest.raises(ArticleNotFound) as ei:
        load_corpus(folder)
    check_error(ei, ArticleNotFound, str(folder), "no such file or folder")


def test_load_corpus_rejects_unknown_error_policy(corpus_dir):
    with pytest.raises(ValueError):
        load_corpus(corpus_dir, errors="ignore")


def test_corpus_table(corpus_dir):
    table = corpus_table(corpus_dir)
    assert list(table.columns) == ["path", "title", "published", "chars", "encoding", "format", "error"]
    assert len(table) == 4
    by_name = {Path(p).name: row for p, row in zip(table["path"], table.to_dict("records"))}
    assert set(by_name) == {"a_seoul.txt", "b_page.html", "c_wire.json", "d_bad.txt"}
    seoul = by_name["a_seoul.txt"]
    assert seoul["chars"] == len(KO_PARAGRAPH)
    assert seoul["encoding"] == "cp949" and seoul["format"] == "text" and seoul["error"] == ""
    assert seoul["published"] == date(2024, 6, 17)
    page = by_name["b_page.html"]
    assert page["title"] == "Putin to visit North Korea for first time in 24 years"
    assert page["format"] == "html"
    assert by_name["c_wire.json"]["title"] == "Wire"
    bad = by_name["d_bad.txt"]
    assert "PNG" in bad["error"]
    assert pd.isna(bad["format"]) and pd.isna(bad["chars"])


def test_corpus_table_raise(corpus_dir):
    with pytest.raises(BinaryContent):
        corpus_table(corpus_dir, errors="raise")


def test_module_imports_stay_light():
    import subprocess
    import sys

    code = (
        "import sys, analysis_utils.text.loading as m; "
        "heavy = [x for x in ('trafilatura', 'htmldate', 'charset_normalizer', 'yaml') if x in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert out.stdout.strip() == ""
