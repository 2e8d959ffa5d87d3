import codecs

import pytest

from align.errors import AlignError
from align.text.load import decode, read_document


class TestDecode:
    @pytest.mark.parametrize("data, expected", [
        ("café\n".encode("utf-8"), "café\n"),
        (codecs.BOM_UTF8 + "café".encode("utf-8"), "café"),
        (codecs.BOM_UTF16_LE + "café".encode("utf-16-le"), "café"),
        (codecs.BOM_UTF16_BE + "café".encode("utf-16-be"), "café"),
        ("a\r\nb\rc".encode("utf-8"), "a\r\nb\rc"),
        ("12\u202f000 et 4,57\u00a0%".encode("utf-8"), "12\u202f000 et 4,57\u00a0%"),
    ])
    def test_decodes_and_keeps_text_exactly(self, data, expected):
        assert decode(data).text == expected

    def test_nfd_text_is_kept_as_written(self):
        nfd = "cafe\u0301"
        assert decode(nfd.encode("utf-8")).text == nfd

    def test_invalid_utf8_names_file_and_byte_offset(self):
        with pytest.raises(AlignError, match=r"doc.txt: byte offset 3: not valid utf-8"):
            decode(b"abc\xe9def", name="doc.txt")

    def test_explicit_encoding_reads_latin1(self):
        assert decode(b"caf\xe9", encoding="latin-1").text == "café"

    def test_unknown_encoding_is_a_usage_error(self):
        with pytest.raises(AlignError) as err:
            decode(b"abc", encoding="no-such-codec")
        assert err.value.exit_code == 2

    @pytest.mark.parametrize("data, message", [
        (b"", "empty file"),
        (b"  \n\n\t", "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ])
    def test_refuses_empty_and_binary(self, data, message):
        with pytest.raises(AlignError, match=message):
            decode(data, name="x")

    def test_refuses_a_huge_line(self):
        with pytest.raises(AlignError, match=r"x:2: line of 300,000 characters"):
            decode(b"ok\n" + b"a" * 300_000, name="x")


class TestReadDocument:
    def test_missing_file(self, tmp_path):
        with pytest.raises(AlignError, match="no such file"):
            read_document(str(tmp_path / "nope.txt"))

    def test_directory(self, tmp_path):
        with pytest.raises(AlignError, match="is a directory"):
            read_document(str(tmp_path))

    def test_reads_a_seed(self):
        from conftest import TARGET_SEED
        doc = read_document(TARGET_SEED)
        assert doc.encoding == "utf-8" and doc.text.startswith("La Chine")
