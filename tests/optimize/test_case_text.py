"""Ids are unambiguous text, display names one line, CSV files UTF-8 with commas."""

import shutil
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optimize.case import clean_id, clean_name
from optimize.casefiles import load_case, read_table
from optimize.errors import InputError

TINY_CLUSTERS = "id,name_zh,name_en\na,甲,Alpha\nb,乙,Beta\n"


def variant(tiny_path, tmp_path, file, old, new):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    path = case / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return case


@given(st.text(max_size=12))
def test_an_id_is_refused_or_visible_normal_text(text):
    try:
        cleaned = clean_id(text, "clusters.csv", 2, "id")
    except InputError as error:
        assert "clusters.csv, row 2, field 'id'" in str(error) and "\n" not in str(error)
        return
    assert cleaned == unicodedata.normalize("NFKC", cleaned) == cleaned.strip()
    assert all(unicodedata.category(c) not in {"Cc", "Cf", "Zl", "Zp"} for c in cleaned)


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\ufeff", "\u202e", "\x07", "\u2028"])
def test_invisible_characters_in_ids_are_refused(hidden):
    with pytest.raises(InputError, match=f"U\\+{ord(hidden):04X}"):
        clean_id(f"a{hidden}", "clusters.csv", 3, "id")


def test_full_width_ids_are_the_same_id(tiny_path, tmp_path):
    case = variant(tiny_path, tmp_path, "clusters.csv", "\na,", "\nａ,")  # full-width a
    assert "a" in load_case(case).clusters.index
    twice = variant(tiny_path, tmp_path / "2", "clusters.csv", "\nb,", "\nａ,")
    with pytest.raises(InputError, match="row 3, field 'id': duplicate id 'a'"):
        load_case(twice)


def test_a_line_break_in_a_name_becomes_a_space(tiny_path, tmp_path):
    case = variant(tiny_path, tmp_path, "clusters.csv", ",Alpha,", ',"Al\npha\x07",')
    assert load_case(case).clusters.at["a", "name_en"] == "Al pha"
    assert clean_name("\u202e😀") == "\u202e😀"  # format characters stay in names


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "clusters.csv"
    path.write_bytes(b"\xef\xbb\xbf" + TINY_CLUSTERS.encode())
    assert list(read_table(path, "clusters.csv").columns) == ["id", "name_zh", "name_en"]


@pytest.mark.parametrize(
    ("encoding", "row", "guess"),
    [("gb18030", 2, "GBK/GB18030"), ("gbk", 2, "GBK/GB18030")],
)
def test_chinese_encodings_are_named(tmp_path, encoding, row, guess):
    path = tmp_path / "clusters.csv"
    path.write_bytes(TINY_CLUSTERS.encode(encoding))
    with pytest.raises(InputError) as caught:
        read_table(path, "clusters.csv")
    assert caught.value.row == row
    assert f"looks like {guess}: save it as CSV UTF-8" in str(caught.value)


def test_latin_1_is_named_with_the_row_and_byte(tmp_path):
    path = tmp_path / "clusters.csv"
    text = "id,name_en\na,Alpha\nb,Beta\nc,Zürich\n"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_table(path, "clusters.csv")
    offset = text.index("ü")
    assert str(caught.value) == (
        f"clusters.csv, row 4: not UTF-8 (byte {offset} is b'\\xfc'); "
        "the file looks like Latin-1/Windows-1252: save it as CSV UTF-8"
    )


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolon"), ("\t", "tab")])
def test_other_separators_are_named(tmp_path, separator, name):
    path = tmp_path / "clusters.csv"
    path.write_text(TINY_CLUSTERS.replace(",", separator), encoding="utf-8")
    with pytest.raises(InputError, match=f"row 1: the header has no commas but {name}s"):
        read_table(path, "clusters.csv")


def test_a_one_column_table_with_a_semicolon_in_a_cell_is_read(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("note\nfirst; second\n", encoding="utf-8")
    assert read_table(path, "notes.csv")["note"].tolist() == ["first; second"]
