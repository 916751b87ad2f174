"""`make check`: lint every story and the registry without building the site.

Prints `path:line: severity: message` lines, then `N error(s), M warning(s),
K note(s) in S stories`; exits 1 when there is any error. Unknown and near-miss
names are errors here (the build only warns), as DESIGN.md asks of `make check`.
"""

import argparse
import os
import re
import sys
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import unquote

from registry import Problem, Registry, identity
from story_reader.frontmatter import FrontMatterError, parse_date, status_of, unknown_fields
from subjects.resolve import resolve

from .clipping import REWRITE_NOTE
from .stories import address, read_content, story_slug

_SEVERITIES = ("error", "warning", "note")
_MARKDOWN_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
_HTML_IMAGE_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt\s*=)[^>]*>", re.IGNORECASE)
_INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^\s)\"'<>]+)")


def _subjects(story, registry):
    """Unknown and near-miss names (errors), and names written other than the registry's way (notes)."""
    resolved = resolve(story.fields, registry, story.path, story.lines)
    found = [replace(problem, severity="error") for problem in resolved.problems]
    # Against an empty registry every name comes back exactly as the story wrote it.
    written = resolve(story.fields, Registry(), story.path, story.lines)
    names = [*((n, "film") for n in written.films), *((n, "franchise") for n in written.franchises),
             *((n, "people") for n in written.people)]
    if written.platform:
        names.append((written.platform, "platform"))
    for named, key in names:
        entry = registry.find(named.kind, named.name)
        if entry is None or named.name == entry.name:
            continue
        line = story.lines.get(key) or story.lines.get(key + "s")
        if identity(named.name) == identity(entry.name):
            message = f"{named.kind} '{named.name}' is spelled '{entry.name}' in the registry"
        else:
            message = f"{named.kind} '{named.name}' is an alias; the registry's name '{entry.name}' reads better"
        found.append(Problem(story.path, line, message, "note"))
    return found


def _fields(story, now):
    """Title, date (real, not in the future) and summary; a draft may still hold its clipping."""
    found = []
    title = story.fields.get("title")
    if not isinstance(title, (str, int, float)) or not str(title).strip():
        found.append(Problem(story.path, story.lines.get("title", 1), "no title: add 'title: <headline>'"))
    if story.fields.get("date") in (None, ""):
        found.append(Problem(story.path, story.lines.get("date", 1), "no date: add 'date: YYYY-MM-DD HH:MM'"))
    else:
        try:
            date = parse_date(story.fields["date"], story.lines["date"])
        except FrontMatterError as err:
            found.append(Problem(story.path, err.line, err.message))
        else:
            if date > (now if date.tzinfo else now.replace(tzinfo=None)):
                found.append(Problem(story.path, story.lines["date"], f"the date {story.fields['date']} is in the "
                                     "future; a static site would show the story at once, so date it today"))
    try:
        status_of(story.fields, story.lines)
    except FrontMatterError as err:
        found.append(Problem(story.path, err.line, err.message))
    found += [Problem(story.path, line, message, "warning") for line, message in unknown_fields(story.fields, story.lines)]
    if story.fields.get("summary") in (None, ""):
        found.append(Problem(story.path, 1, "no summary: add 'summary:' with one or two sentences "
                             "for lists, feeds and social cards", "warning"))
    if story.fields.get("status") != "draft" and REWRITE_NOTE in story.body:
        found.append(Problem(story.path, story.body_line, "the imported clipping is still here: rewrite it in our "
                             "own words and delete the quote, or keep 'status: draft'"))
    return found


def _body(story, content):
    """Images need alt text; {filename}, {static} and {attach} links need their file."""
    found = []
    folder = os.path.dirname(story.path)
    for number, text in enumerate(story.body.split("\n"), start=story.body_line):
        if _MARKDOWN_IMAGE_WITHOUT_ALT.search(text) or _HTML_IMAGE_WITHOUT_ALT.search(text):
            found.append(Problem(story.path, number, "image without alt text: say what it shows, "
                                 "as ![Chris Hemsworth on set](...) or <img alt=\"...\">"))
        for kind, target in _INTERNAL_LINK.findall(text):
            relative = unquote(re.split(r"[#?]", target)[0])
            base = content if relative.startswith("/") else folder
            if relative and not os.path.exists(os.path.join(base, relative.lstrip("/"))):
                found.append(Problem(story.path, number, f"'{{{kind}}}{target}' links to a file that does not "
                                     f"exist: {os.path.normpath(os.path.join(base, relative.lstrip('/')))}"))
    return found


def _tags(story):
    tags = story.fields.get("tags")
    if isinstance(tags, str):
        tags = tags.split(",")
    return [str(t).strip() for t in tags if str(t).strip()] if isinstance(tags, list) else []


def _clashes(stories):
    """Two stories with one address or one headline, and two different tags that share a tag page."""
    found = []
    slugs, titles, tags = {}, {}, {}
    for story in stories:
        slug = story_slug(story)
        if slug in slugs:
            found.append(Problem(story.path, story.lines.get("slug", 1), f"the address '{slug}' is taken by "
                                 f"{slugs[slug]}; rename this file (or set 'slug:')"))
        slugs.setdefault(slug, story.path)
        title = str(story.fields.get("title") or "").strip()
        key = identity(title)
        if key in titles:
            found.append(Problem(story.path, story.lines.get("title", 1),
                                 f"the headline '{title}' is already used by {titles[key]}; make it distinct"))
        if key:
            titles.setdefault(key, story.path)
        for tag in _tags(story):
            page = address(tag)  # Pelican's tag slug, with the default TAG_REGEX_SUBSTITUTIONS
            first = tags.setdefault(page, (tag, story.path))
            if identity(first[0]) != identity(tag):
                found.append(Problem(story.path, story.lines.get("tags"), f"tag '{tag}' and tag '{first[0]}' "
                                     f"({first[1]}) share the page tag/{page}/; use one of them"))
    return found


def _registry(registry):
    found = list(registry.problems)
    for film in registry.canonical("film"):
        if not film.franchise:
            found.append(Problem(film.path, film.line, f"film '{film.name}' has no franchise: add "
                                 "'franchise: <name>' so its stories reach a franchise hub", "warning"))
    return found


def check(content, now):
    """(problems in path and line order, number of stories) for a content folder."""
    registry, stories = read_content(content)
    problems = _registry(registry)
    readable = []
    for story in stories:
        if story.error is not None:
            problems.append(Problem(story.path, story.error.line, story.error.message))
            continue
        readable.append(story)
        problems += _subjects(story, registry) + _fields(story, now) + _body(story, content)
    problems += _clashes(readable)
    problems.sort(key=lambda p: (p.path, p.line or 0, _SEVERITIES.index(p.severity), p.message))
    return problems, len(stories)


def summary(problems, stories):
    counts = [sum(p.severity == severity for p in problems) for severity in _SEVERITIES]
    return "{} error(s), {} warning(s), {} note(s) in {} stories".format(*counts, stories)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.split("\n")[0])
    parser.add_argument("--content", default="content", help="the content folder (default: content)")
    args = parser.parse_args(argv)
    problems, stories = check(args.content, datetime.now(timezone.utc))
    for problem in problems:
        print(problem)
    print(summary(problems, stories))
    return 1 if any(p.severity == "error" for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
