"""Make Pagefind's bundle byte-identical from build to build.

Pagefind 1.5 writes each filter index (franchise, person, platform) in hash-map order, which
changes from run to run, and names files after their content, so the filter files, the
metadata file listing them and pagefind-entry.json all differ between two builds of one site
(https://github.com/Pagefind/pagefind/issues/638: fragments were fixed, filters were not).
This rewrites the filter indexes sorted and renames what they change. It knows the 1.5 file
layout (gzip of b"pagefind_dcd" + CBOR); pagefind is pinned in requirements.txt, and a file it
does not recognise stops the build with a clear error rather than being guessed at.
"""

import gzip
import hashlib
import json
import struct
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
PAGES, CHUNKS, FILTERS = 1, 2, 3  # positions of the fragment, index-chunk and filter lists in a language's pf_meta


class UnknownBundle(Exception):
    """The Pagefind bundle is not laid out as version 1.5 lays it out."""


def _decode(data, at):
    """One CBOR item -> (value, next offset); only the kinds Pagefind's filter and metadata
    files hold: unsigned integers, text and arrays."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise UnknownBundle(f"unexpected CBOR item {data[at - 1]:#x}")
    if major == 0:
        return length, at
    if major == 3:
        return data[at:at + length].decode("utf-8"), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise UnknownBundle(f"unexpected CBOR major type {major}")


def _head(major, length):
    if length < 24:
        return bytes([major << 5 | length])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if length < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, length)
    raise ValueError(length)


def _encode(value):
    """The shortest CBOR encoding, as Pagefind writes it."""
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _read(path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownBundle(f"{path.name} does not start with {SIGNATURE!r}")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise UnknownBundle(f"{path.name} has data after its CBOR item")
    return value


def _packed(value, language, digits):
    """(name from the content, file bytes) for `value`, named and packed as Pagefind does."""
    body = SIGNATURE + _encode(value)
    name = f"{language}_{hashlib.sha256(body).hexdigest()[:digits]}"
    return name, gzip.compress(body, compresslevel=9, mtime=0)


def _sorted_filter(index):
    """[name, [[value, [page, ...]], ...]] with values, and the pages of each, in order."""
    name, values = index
    return [name, sorted([value, sorted(pages)] for value, pages in values)]


def _metas(bundle):
    """(language code, meta hash, decoded meta) for each language pagefind-entry.json names."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_hash = language["hash"]
        meta = _read(bundle / f"pagefind.{meta_hash}.pf_meta")
        if not isinstance(meta, list) or len(meta) <= FILTERS:
            raise UnknownBundle(f"pagefind.{meta_hash}.pf_meta is not laid out as Pagefind 1.5 lays it out")
        yield meta_hash.rsplit("_", 1)[0], meta_hash, meta


def prune(bundle):
    """Remove the hashed files no language of the current index names.

    Pagefind skips a hashed file that already exists (its name is its content), so indexing
    into the last build's bundle writes only what changed; what it no longer needs is left
    behind, and goes here.
    """
    bundle = Path(bundle)
    wanted = set()
    for _, meta_hash, meta in _metas(bundle):
        wanted.add(f"pagefind.{meta_hash}.pf_meta")
        wanted |= {f"fragment/{page[0]}.pf_fragment" for page in meta[PAGES]}
        wanted |= {f"index/{chunk[-1]}.pf_index" for chunk in meta[CHUNKS]}
        wanted |= {f"filter/{name}.pf_filter" for _, name in meta[FILTERS]}
    hashed = [*bundle.glob("pagefind.*.pf_meta"), *bundle.glob("fragment/*"), *bundle.glob("index/*"),
              *bundle.glob("filter/*")]
    for path in hashed:
        if path.relative_to(bundle).as_posix() not in wanted:
            path.unlink()


def stabilise(bundle):
    """Rewrite the filter indexes of a Pagefind bundle folder in a fixed order, in place."""
    bundle = Path(bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    for language_code, meta_hash, meta in list(_metas(bundle)):
        filters = meta[FILTERS]
        if not isinstance(filters, list) or not all(isinstance(f, list) and len(f) == 2 for f in filters):
            raise UnknownBundle(f"pagefind.{meta_hash}.pf_meta does not list filters where Pagefind 1.5 does")
        stable = []
        for name, file_hash in sorted(filters):
            old = bundle / "filter" / f"{file_hash}.pf_filter"
            index = _sorted_filter(_read(old))
            old.unlink()
            new, packed = _packed(index, language_code, 7)
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(packed)
            stable.append([name, new])
        meta[FILTERS] = stable
        (bundle / f"pagefind.{meta_hash}.pf_meta").unlink()
        new_meta, packed = _packed(meta, language_code, 10)
        (bundle / f"pagefind.{new_meta}.pf_meta").write_bytes(packed)
        entry = entry.replace(f'"{meta_hash}"', f'"{new_meta}"')
    entry_path.write_text(entry, encoding="utf-8")
