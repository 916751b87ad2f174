"""A story's lead image: where it is and how big, so the page reserves its space.

Pure: bytes and metadata values in, plain data out (placement_problem only asks whether
the file exists). Width and height come from the file's own header (PNG, GIF, JPEG,
WebP), so editors never type them and the page never shifts when the picture arrives.
"""

import os
import struct
from dataclasses import dataclass


@dataclass(frozen=True)
class StoryImage:
    url: str  # the file's address under the site root, e.g. "images/2023/dune.jpg"
    width: int
    height: int
    alt: str  # what the picture shows, for readers who cannot see it


def source_path(value):
    """The image's path under content/, as an editor may write it: 'images/x.jpg',
    '/images/x.jpg' or Pelican's '{static}/images/x.jpg'."""
    value = value.strip()
    if value.startswith("{static}"):
        value = value[len("{static}"):]
    return value.lstrip("/")


def placement_problem(value, alt, folders, content):
    """Why `image:` (with `image_alt:`) cannot be shown, in the editor's words, or None.

    `folders` are the STATIC_PATHS (under the `content` folder) that Pelican copies to the
    site; the build and `make check` both ask here, so they say the same thing.
    """
    if not isinstance(value, str):
        return "'image' must be a file path, e.g. image: images/2023/dune.jpg"
    path = source_path(value)
    if not any(path.startswith(folder.rstrip("/") + "/") for folder in folders):
        return f"image '{value}' must be inside {' or '.join(f'content/{f}/' for f in folders)}"
    if not os.path.isfile(os.path.join(content, path)):
        return f"image '{value}' not found; put the file at content/{path}"
    if not isinstance(alt, str) or not alt.strip():
        return "the image has no 'image_alt'; describe what it shows for readers who cannot see it"
    return None


def _jpeg(data):
    offset = 2
    while offset + 9 < len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        length = struct.unpack(">H", data[offset + 2:offset + 4])[0]
        # SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[offset + 5:offset + 9])
            return width, height
        offset += 2 + length
    return None


def _webp(data):
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def dimensions(data):
    """(width, height) in pixels, or None for a format we cannot read."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return None
