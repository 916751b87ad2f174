"""`make import CLIP=path`: a raw clipping turned into a draft story for the editor to rewrite.

A clipping is text pasted from another outlet: a `date YYYY-MM-DD` line, then the
article with its "Advertisement" lines and newsletter sign-up blurb. The draft
(`status: draft`, so it is never published as it is) gets the clipping's date, a
suggested title and the films, people and platform the registry knows, and keeps
the cleaned text only as a quoted note to rewrite from.
"""

import argparse
import os
import re
import sys
from dataclasses import dataclass
from datetime import datetime

from registry import KINDS, identity, load_registry
from story_reader.frontmatter import FrontMatterError, decode, parse_date

from .new_story import create, subject_fields
from .stories import REGISTRY

REWRITE_NOTE = "Rewrite this in our own words before publishing"  # `make check` looks for it
TITLE_LENGTH = 90  # longest suggested title, in characters

_DATE = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*")
_ADVERTISEMENT = re.compile(r"\s*advertisement\s*", re.IGNORECASE)
# Phrases only sign-up blurbs use; a paragraph holding one is page furniture, not the article.
_BOILERPLATE = re.compile(r"sign me up|sign up to|newsletters?\b|unsubscribe|privacy policy|to your inbox",
                          re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+|[&+]")  # '&' and '+' count: identity() spells them 'and', 'plus'
_CLAUSE_BREAKS = (" – ", " — ", " - ", "; ", ", ", ": ")


@dataclass
class Clipping:
    date: datetime
    paragraphs: list  # the article, one string each, advertisements and sign-up blurb removed


def read_clipping(text):
    """The clipping's date and cleaned paragraphs; a FrontMatterError names the line to fix."""
    match = _DATE.match(text)
    if not match:
        raise FrontMatterError(1, "a clipping starts with its date, as 'date YYYY-MM-DD', then the text")
    line = text[: match.start(1)].count("\n") + 1
    date = parse_date(match.group(1), line)
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text[match.end():]):
        kept = [part.strip() for part in block.split("\n") if part.strip() and not _ADVERTISEMENT.fullmatch(part)]
        if kept and not _BOILERPLATE.search(" ".join(kept)):
            paragraphs.append(" ".join(kept))
    if not paragraphs:
        raise FrontMatterError(line, "the clipping has no text after its date")
    return Clipping(date, paragraphs)


def _spellings(registry):
    """identity words -> [(entry, spelled with a capital)] for every name and alias of every kind."""
    table = {}
    for kind in KINDS:
        for entry in registry.canonical(kind):
            for spelling in (entry.name, *entry.aliases):
                words = tuple(identity(spelling).split())
                if words:
                    table.setdefault(words, []).append((entry, spelling[:1].isupper()))
    return table


def _words(text):
    """(identity word, written with a capital or digit) for every word of the text, in order."""
    words = []
    for match in _WORD.finditer(text):
        capital = match.group()[0].isupper() or match.group()[0].isdigit()
        words += [(word, capital) for word in identity(match.group()).split()]
    return words


def mentions(text, registry):
    """kind -> registry entries the text names, most mentioned first (ties: first mentioned).

    Longest name first, so 'Extraction 2' is not read as 'Extraction'. A name the
    registry capitalises must be capitalised in the text: the film 'It' is not every 'it'.
    """
    table = _spellings(registry)
    longest = max(map(len, table), default=0)
    words = _words(text)
    tally = {}  # id(entry) -> [mentions, first word, entry]
    at = 0
    while at < len(words):
        step = 1
        for size in range(min(longest, len(words) - at), 0, -1):
            key = tuple(word for word, _ in words[at: at + size])
            hits = [entry for entry, capitalised in table.get(key, ()) if words[at][1] or not capitalised]
            if hits:
                for entry in hits:
                    tally.setdefault(id(entry), [0, at, entry])[0] += 1
                step = size
                break
        at += step
    found = {kind: [] for kind in KINDS}
    for _, _, entry in sorted(tally.values(), key=lambda t: (-t[0], t[1], t[2].kind)):
        found[entry.kind].append(entry)
    return found


def suggest_title(paragraphs):
    """The first sentence, cut at its last clause break (or word, with '…') to fit TITLE_LENGTH."""
    sentence = re.split(r"(?<=[.!?])\s+", paragraphs[0])[0].rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = max(sentence.rfind(mark, 0, TITLE_LENGTH + len(mark)) for mark in _CLAUSE_BREAKS)
    if cut >= TITLE_LENGTH // 2:
        return sentence[:cut]
    return sentence[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def draft(clipping, registry):
    """(fields, body) of the draft story for a clipping."""
    found = mentions("\n".join(clipping.paragraphs), registry)
    platforms = [entry.name for entry in found["platform"]]
    subjects, _ = subject_fields(
        registry,
        [entry.name for entry in found["film"]],
        [(entry.name, None) for entry in found["person"]],
        platforms[0] if platforms else None,
        [entry.name for entry in found["franchise"]],
    )
    fields = {"title": suggest_title(clipping.paragraphs), "date": f"{clipping.date:%Y-%m-%d}",
              "status": "draft", **subjects, "summary": None}
    quoted = "\n>\n".join(f"> {paragraph}" for paragraph in clipping.paragraphs)
    return fields, f"**{REWRITE_NOTE}**, then delete the clipping quoted below.\n\n{quoted}\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make import", description=__doc__.split("\n")[0])
    parser.add_argument("--content", default="content", help="the content folder (default: content)")
    parser.add_argument("--clip", default="", help="the clipping's text file")
    args = parser.parse_args(argv)
    if not args.clip:
        print("error: give the clipping's file: make import CLIP=path/to/clipping.txt", file=sys.stderr)
        return 1
    try:
        with open(args.clip, "rb") as handle:
            clipping = read_clipping(decode(handle.read()))
    except OSError as err:
        print(f"{args.clip}: error: cannot read the clipping ({err.strerror})", file=sys.stderr)
        return 1
    except FrontMatterError as err:
        print(f"{args.clip}:{err.line}: error: {err.message}", file=sys.stderr)
        return 1
    fields, body = draft(clipping, load_registry(os.path.join(args.content, REGISTRY)))
    return create(args.content, clipping.date, fields, body, [])


if __name__ == "__main__":
    sys.exit(main())
