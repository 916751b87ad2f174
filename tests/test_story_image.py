"""A story image's size comes from the file itself, so pages reserve its space."""

import struct

import pytest

from story_image.measure import dimensions, source_path


def png(width, height):
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"


def jpeg(width, height):
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9  # a segment to skip first
    sof0 = b"\xff\xc0" + struct.pack(">HBHH", 17, 8, height, width) + b"\x03" + b"\x00" * 9
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def webp_vp8x(width, height):
    return b"RIFF" + b"\x00" * 4 + b"WEBPVP8X" + b"\x00" * 8 + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")


@pytest.mark.parametrize("data, size", [
    (png(1200, 675), (1200, 675)),
    (b"GIF89a" + struct.pack("<HH", 640, 360), (640, 360)),
    (jpeg(1920, 1080), (1920, 1080)),
    (webp_vp8x(800, 450), (800, 450)),
])
def test_the_size_is_read_from_the_file_header(data, size):
    assert tuple(dimensions(data)) == size


def test_an_unknown_format_has_no_size():
    assert dimensions(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None


@pytest.mark.parametrize("written", ["images/x.jpg", "/images/x.jpg", "{static}/images/x.jpg", " images/x.jpg "])
def test_an_editor_may_write_the_path_as_pelican_does(written):
    assert source_path(written) == "images/x.jpg"
