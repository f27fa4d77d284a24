"""read_articles: every input format, and every kind of bad input reported without stopping."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.read.articles import format_of, read_articles
from dyadwatch.records import Article, content_hash

TEXT = "France and Germany met in Paris.\nThe talks were constructive."

HTML = """<html><head><title>Leaders meet in Paris</title>
<link rel="canonical" href="https://news.example.org/paris-talks">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2020-09-25"></head>
<body><article><h1>Leaders meet in Paris</h1>
<p>The President of France met the German Chancellor in Paris on Friday to discuss trade,
security and the future of the European Union in a long session.</p>
<p>Officials from both governments said the talks had been constructive and friendly.</p>
</article></body></html>"""


def read(*paths: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(list(paths), **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | InputError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items: list[Article | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


# -- formats -------------------------------------------------------------------------------------


def test_txt_id_is_stem_and_title_first_line(tmp_path: Path) -> None:
    path = tmp_path / "paris-talks.txt"
    path.write_text("\n\n  Leaders meet  \n" + TEXT, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.id == "paris-talks"
    assert article.title == "Leaders meet"
    assert article.text == "\n\n  Leaders meet  \n" + TEXT
    assert article.content_hash == content_hash(article.text)
    assert article.date is None


def test_txt_long_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("word " * 100 + "\nmore", encoding="utf-8")
    [article] = articles(read(path))
    assert article.title is None


def test_txt_bom_and_crlf_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\nBody text here.\r\n")
    [article] = articles(read(path))
    assert article.text == "Title\nBody text here.\n"


def test_html_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article), article
    assert article.id == "page"
    assert "German Chancellor" in article.text
    assert "<p>" not in article.text
    assert article.title == "Leaders meet in Paris"
    assert article.url == "https://news.example.org/paris-talks"
    assert article.date == date(2020, 9, 25)
    assert article.source == "Example News"


def test_htm_suffix_is_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(HTML, encoding="utf-8")
    [article] = articles(read(path))
    assert "<article>" not in article.text


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "id": "a1",
        "text": TEXT,
        "date": "2020-09-25",
        "title": "T",
        "url": "u",
        "source": "S",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = read(path)
    assert article == Article(
        id="a1", text=TEXT, title="T", url="u", source="S", date=date(2020, 9, 25), language=""
    )


def test_json_list_missing_id_uses_position(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "First text."}, {"id": 7, "text": "Second."}]))
    found = articles(read(path))
    assert [a.id for a in found] == ["many.json:1", "7"]


def test_jsonl_records_and_missing_id(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x", "text": "One.", "date": "2021-01-02T10:00:00Z"}),
        "",
        json.dumps({"text": "Three.", "source": "Wire"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = read(path)
    assert [a.id for a in articles(found)] == ["x", "feed.jsonl:3"]
    assert articles(found)[0].date == date(2021, 1, 2)
    assert articles(found)[1].source == "Wire"
    assert errors(found) == []


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for i in range(3):
            stream.write(json.dumps({"id": f"g{i}", "text": f"Text {i}."}) + "\n")
    assert [a.id for a in articles(read(path))] == ["g0", "g1", "g2"]


def test_folder_recursive_sorted_known_suffixes_only(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Cee."}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("ignored")
    found = read(tmp_path)
    assert [a.id for a in articles(found)] == ["a", "c1", "z"]
    assert errors(found) == []


def test_glob(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    assert [a.id for a in articles(read(str(tmp_path / "x*.txt")))] == ["x1", "x2"]


def test_glob_without_match_is_an_error(tmp_path: Path) -> None:
    [error] = read(str(tmp_path / "nothing*.txt"))
    assert isinstance(error, InputError)
    assert "no file matches" in error.problem


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [error] = read(tmp_path / "absent.txt")
    assert isinstance(error, InputError)
    assert error.where.endswith("absent.txt")


def test_explicit_unknown_suffix_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("A story.")
    [article] = articles(read(path))
    assert article.id == "story"


@pytest.mark.parametrize(
    ("data", "fmt", "ids"),
    [
        (b"Plain text from stdin.", "auto", ["stdin"]),
        (b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n', "auto", ["s1", "s2"]),
        (b'[{"id": "s1", "text": "One."}]', "auto", ["s1"]),
        (HTML.encode(), "auto", ["stdin"]),
        (gzip.compress(b'{"id": "z", "text": "Zipped."}\n'), "auto", ["z"]),
        (b'{"text": "One."}\n', "jsonl", ["<stdin>:1"]),
        (b"<b>not html really</b> but text", "txt", ["stdin"]),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, ids: list[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", stdin)
    found = read("-", stdin_format=fmt)
    assert errors(found) == []
    assert [a.id for a in articles(found)] == ids


# -- bad input: reported with the file (and line), the rest still read ----------------------------


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("nul.txt", b"some\x00binary", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("latin1.txt", "caf\u00e9".encode("latin-1"), "not UTF-8"),
        ("big.txt", b"x" * 2000, "too large"),
        ("bad.json", b"{not json", "malformed JSON"),
        ("scalar.json", b"42", "expected a JSON object"),
        ("notext.json", b'{"id": "a"}', "missing 'text'"),
        ("emptytext.json", b'{"id": "a", "text": "  "}', "empty text"),
        ("numtext.json", b'{"id": "a", "text": 5}', "not a string"),
        ("badgz.jsonl.gz", b"\x1f\x8bnot really gzip", "gzip"),
        ("empty.html", b"<html><body></body></html>", "no article text"),
    ],
)
def test_bad_file_reported_and_rest_read(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "zz-good.txt"
    good.write_text("A good article.")
    found = list(read_articles([bad, good], max_bytes=1000))
    [error] = errors(found)
    assert problem in error.problem
    assert error.where.startswith(str(bad))
    assert [a.id for a in articles(found)] == ["zz-good"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{broken", "malformed JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "m"}', "missing 'text'"),
        ('{"id": "m", "text": ""}', "empty text"),
        ('{"id": "m", "text": "' + "x" * 1500 + '"}', "too large"),
        ('{"id": ["m"], "text": "T."}', "not a string"),
    ],
)
def test_bad_jsonl_line_names_line_and_goes_on(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "feed.jsonl"
    good1 = json.dumps({"id": "g1", "text": "Good one."})
    good2 = json.dumps({"id": "g2", "text": "Good two."})
    path.write_text("\n".join([good1, line, good2]) + "\n")
    found = list(read_articles([path], max_bytes=1000))
    [error] = errors(found)
    assert error.where == f"{path}:2"
    assert problem in error.problem
    assert [a.id for a in articles(found)] == ["g1", "g2"]


def test_undecodable_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    found = read(path)
    [error] = errors(found)
    assert error.where == f"{path}:2"
    assert "not UTF-8" in error.problem


def test_bad_record_in_json_list_names_position(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "ok"}, {"text": ""}, {"text": "ok too"}]))
    found = read(path)
    [error] = errors(found)
    assert error.where == f"{path}:2"
    assert len(articles(found)) == 2


def test_default_size_limit_is_five_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5_000_001)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert "too large" in error.problem


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "txt"),
        ("a.HTML", "html"),
        ("a.jsonl.gz", "jsonl"),
        ("a.json", "json"),
        ("a.md", None),
    ],
)
def test_format_of(name: str, fmt: str | None) -> None:
    assert format_of(Path(name)) == fmt


@pytest.mark.parametrize("value", ["25/09/2020", "2020-02-30", "2020-13-45", "99999-01-01", "yesterday"])
def test_bad_date_is_a_warning_and_the_record_is_read(tmp_path: Path, value: str) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"id": "g1", "text": "Good one."}, {"id": "m", "text": "T.", "date": value}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    found = list(read_articles([path]))
    assert errors(found) == []
    bad = articles(found)[1]
    assert (bad.id, bad.date) == ("m", None)
    [warning] = bad.warnings
    assert warning.startswith(f"{path}:2: bad date") and value in warning
    assert articles(found)[0].warnings == ()
