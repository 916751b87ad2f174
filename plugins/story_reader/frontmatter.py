"""Split a story file into front-matter and body, with a line for every key.

Pure: bytes in, (fields, body, lines) out, or a FrontMatterError that says where
and how to fix it. Two header styles are read: a YAML block between '---' lines,
and Pelican's native 'Key: value' lines for simple stories.
"""

import difflib
import re
from datetime import datetime

import yaml
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from registry import yamltext


class FrontMatterError(ValueError):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


# Fields whose text goes through Pelican's own metadata processing.
PELICAN_TEXT_FIELDS = ("slug", "author", "save_as", "url")
# Fields kept as written for the plugins that give them meaning (subjects, related, theme).
RAW_FIELDS = ("film", "films", "franchise", "franchises", "people", "platform", "source", "related",
              "image", "image_alt", "image_width", "image_height")
FIELDS = ("title", "date", "modified", "summary", "tags", "status", *PELICAN_TEXT_FIELDS, *RAW_FIELDS)
STATUSES = ("published", "draft", "hidden")

_NATIVE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$")
_DATE_FORMATS = "YYYY-MM-DD HH:MM (for example 2020-05-05 09:00)"


def decode(raw):
    """Text of a story file: UTF-8 (a BOM is dropped), newlines made '\\n'."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise FrontMatterError(
            line, f"the file is not UTF-8 (byte 0x{raw[err.start]:02x}); re-save it as UTF-8 in your editor"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _yaml_fields(block_lines, first_line):
    """Parse the YAML block; returns (fields, key lines). first_line is the file line of block_lines[0]."""
    try:
        root = yamltext.compose("\n".join(block_lines))
    except yamltext.YamlProblem as err:
        raise FrontMatterError(first_line + err.line - 1, f"front-matter {err.message}") from None
    if root is None:
        return {}, {}
    if not isinstance(root, yaml.MappingNode):
        raise FrontMatterError(first_line, "front-matter must be 'key: value' lines")
    fields, key_lines = {}, {}
    try:
        for key_node, value_node in root.value:
            key = str(yamltext.construct(key_node)).strip().lower()
            line = first_line + key_node.start_mark.line
            if key in fields:
                raise FrontMatterError(line, f"'{key}' is given twice; keep one")
            fields[key] = yamltext.construct(value_node)
            key_lines[key] = line
    except yamltext.YamlProblem as err:
        raise FrontMatterError(first_line + err.line - 1, f"front-matter {err.message}") from None
    return fields, key_lines


def _native_fields(lines):
    """Pelican's 'Key: value' header: lines up to the first blank line; indented lines continue."""
    fields, key_lines, last = {}, {}, None
    for number, text in enumerate(lines):
        if not text.strip():
            return fields, key_lines, number + 1
        match = _NATIVE_KEY.match(text)
        if match:
            last = match.group(1).lower()
            fields[last] = match.group(2).strip()
            key_lines[last] = number + 1
        elif last and text[:1] in (" ", "\t"):
            fields[last] = f"{fields[last]} {text.strip()}".strip()
        else:
            return fields, key_lines, number
    return fields, key_lines, len(lines)


def split(text):
    """(fields, body, key lines) of a story's text."""
    if not text.strip():
        raise FrontMatterError(1, "the file is empty; a story needs a front-matter block with a title and a date")
    lines = text.split("\n")
    if lines[0].strip() == "---":
        for number in range(1, len(lines)):
            if lines[number].strip() in ("---", "..."):
                fields, key_lines = _yaml_fields(lines[1:number], 2)
                return fields, "\n".join(lines[number + 1:]), key_lines
        raise FrontMatterError(1, "the front-matter starts with '---' but never ends; add a closing '---' line")
    fields, key_lines, body_start = _native_fields(lines)
    return fields, "\n".join(lines[body_start:]), key_lines


def parse_date(value, line, key="date"):
    """A datetime from the forms editors write; anything vaguer is an error, not a guess."""
    text = "" if value is None else str(value).strip()
    if not text:
        raise FrontMatterError(line, f"'{key}' is empty; write it as {_DATE_FORMATS}")
    try:
        return datetime.fromisoformat(text.replace(" T", "T"))
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?", text):
        raise FrontMatterError(line, f"'{key}: {text}' is not a real date or time; check the day, month and hour")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2})?\s*[A-Za-z]{2,5}", text):
        raise FrontMatterError(line, f"'{key}: {text}' names its time zone; write it as an offset instead, "
                                     "e.g. 2020-05-05 09:00+01:00 (times without one are UTC)")
    raise FrontMatterError(line, f"'{key}: {text}' is not a date Reelnews understands; write it as {_DATE_FORMATS}")


def status_of(fields, lines):
    """The story's status ('published' when absent); anything else is an error, not a guess."""
    status = str(fields.get("status") or "published").strip().lower()
    if status not in STATUSES:
        raise FrontMatterError(lines.get("status", 1), f"status '{status}' is not one of {', '.join(STATUSES)}")
    return status


def unknown_fields(fields, lines):
    """(line, message) for each field Reelnews does not know, with the field it most likely meant."""
    found = []
    for key in sorted(set(fields) - set(FIELDS)):
        close = difflib.get_close_matches(key, FIELDS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields are {', '.join(FIELDS[:10])}..."
        found.append((lines.get(key), f"unknown field '{key}' is ignored; {hint}"))
    return found


def address(text):
    """Pelican's slug of a file name or tag, with its default substitutions (ours are not changed)."""
    return slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def check_slug(fields, lines):
    """A given `slug:` must already be a web address ('extraction-2'), never markup or a path."""
    slug = fields.get("slug")
    if isinstance(slug, str) and slug.strip() and address(slug) != slug.strip():
        raise FrontMatterError(lines["slug"], f"'slug: {slug.strip()}' is not a web address; write it in lower "
                               f"case with hyphens, e.g. slug: {address(slug) or 'extraction-2-trailer'}")
