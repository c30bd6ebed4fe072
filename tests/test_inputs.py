"""Reading files: byte-exact round trips, and a clear refusal for what is not text."""

import os
import stat

import pytest

from proofread.inputs.text import InputError, decode, read_file, write_atomic

SAMPLES = [
    "纯文本\n".encode(),
    "\ufeffBOM 文本\r\n第二行\r\n".encode(),
    "没有结尾换行".encode(),
    "多个   空格\t制表\n\n\n".encode(),
]


@pytest.mark.parametrize("data", SAMPLES)
def test_decode_encode_round_trip_is_byte_exact(data):
    tf = decode(data, "x.txt")
    assert tf.encode(tf.text) == data


def test_bom_is_kept_aside_not_in_text():
    tf = decode("\ufeff你好\n".encode(), "x")
    assert tf.text == "你好\n" and tf.bom == b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("这是GBK编码的中文文本，用来测试编码检测是否正确工作。".encode("gbk"), "not valid UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, needle):
    with pytest.raises(InputError, match=needle):
        decode(data, "bad.txt")


def test_gbk_file_names_its_likely_encoding():
    data = "区委全会暨经济工作会议的主要任务是深入贯彻党的十九大精神，认真落实各项决策部署。".encode("gb18030")
    with pytest.raises(InputError) as err:
        decode(data, "gbk.txt")
    assert "--encoding" in str(err.value)
    assert any(name in str(err.value).lower() for name in ("gb18030", "gbk", "gb2312", "big5", "cp936"))


def test_gbk_read_with_encoding_round_trips():
    data = "全面从严治党，“四个全面”。\r\n".encode("gb18030")
    tf = decode(data, "gbk.txt", encoding="gb18030")
    assert tf.text.startswith("全面从严治党") and tf.encode(tf.text) == data


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_file(str(tmp_path))


def test_unknown_encoding_name():
    with pytest.raises(InputError, match="unknown encoding"):
        decode("文本".encode(), "x", encoding="no-such-codec")


def test_write_atomic_keeps_permissions_and_leaves_no_temp(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_atomic(str(path), "新内容".encode())
    assert path.read_bytes() == "新内容".encode()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["doc.txt"]


def test_a_file_over_the_size_limit_is_refused_by_its_real_size(tmp_path, monkeypatch):
    import proofread.inputs.text as text

    monkeypatch.setattr(text, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes("文".encode() * 1000)  # 3,000 bytes
    with pytest.raises(InputError, match="over the 0 MB limit|file is 0 MB"):
        read_file(str(path))
    with pytest.raises(InputError, match="over the limit"):
        decode(path.read_bytes(), "<stdin>")
