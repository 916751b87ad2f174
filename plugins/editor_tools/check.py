"""`make check`: lint every story and the registry without building the site.

Prints `path:line: severity: message` lines, then `N error(s), M warning(s),
K note(s) in S stories`; exits 1 when there is any error. Whatever makes `make publish`
refuse the site is an error here, so a passing check means a publishable site: unknown and
near-miss names, unknown fields and an empty body included (the development build only
warns of those), as DESIGN.md asks of `make check`.
"""

import argparse
import os
import re
import sys
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import unquote

from registry import Problem, Registry, identity
from related_stories.pins import FORMAT, pin_problem, pinned_slugs
from related_stories.scoring import Story, related_for_all
from story_image.measure import placement_problem
from story_reader.frontmatter import FrontMatterError, check_slug, parse_date, status_of, unknown_fields
from subjects.resolve import TagPages, resolve

from .clipping import REWRITE_NOTE
from .stories import address, read_content, story_slug

_SEVERITIES = ("error", "warning", "note")
_MARKDOWN_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
_HTML_IMAGE_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt\s*=)[^>]*>", re.IGNORECASE)
_INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^\s)\"'<>]+)")
_TEXT_FIELDS = ("title", "summary", "slug", "author")  # the build refuses a list or a map in these
IMAGES = ("images",)  # STATIC_PATHS in pelicanconf.py


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


def _front_matter(story):
    """What the build refuses or warns about in a front-matter: either fails `make publish`,
    so each is an error here (dates are `_dates`')."""
    fields, lines, path = story.fields, story.lines, story.path
    if not fields:
        return [Problem(path, 1, "no front-matter found; start the file with a '---' block holding title and date")]
    found = [Problem(path, lines.get(key, 1), f"'{key}' must be text, not a list or a map")
             for key in _TEXT_FIELDS if isinstance(fields.get(key), (list, dict))]
    title = fields.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        found.append(Problem(path, lines.get("title", 1), "the story has no title; add 'title: <headline>'"))
    try:
        status_of(fields, lines)
    except FrontMatterError as err:
        found.append(Problem(path, err.line, err.message))
    found += [Problem(path, line, message) for line, message in unknown_fields(fields, lines)]
    tags = fields.get("tags")
    words = isinstance(tags, str) or isinstance(tags, list) and all(isinstance(t, (str, int)) for t in tags)
    if tags and not words:
        found.append(Problem(path, lines.get("tags", 1),
                             "'tags' must be a list of words, e.g. tags: [sequel, casting]"))
    try:
        check_slug(fields, lines)
    except FrontMatterError as err:
        found.append(Problem(path, err.line, err.message))
    if not story.body.strip():
        found.append(Problem(path, story.body_line - 1, "the story has no text below its front-matter; write the body"))
    return found


def _dates(story, now):
    """A date (and `modified`) the build can read, and no date in the future."""
    fields, lines, path = story.fields, story.lines, story.path
    if not fields:
        return []
    if "date" not in fields:
        return [Problem(path, 1, "the story has no date; add 'date: YYYY-MM-DD HH:MM'")]
    found = []
    for key in ("date", "modified"):
        if key == "modified" and fields.get(key) in (None, ""):
            continue
        try:
            date = parse_date("" if fields[key] is None else fields[key], lines[key], key)
        except FrontMatterError as err:
            found.append(Problem(path, err.line, err.message))
            continue
        if key == "date" and date > (now if date.tzinfo else now.replace(tzinfo=None)):
            found.append(Problem(path, lines["date"], f"the date {fields['date']} is in the future; a static "
                                 "site would show the story at once, so date it today"))
    return found


def _summary_and_clipping(story):
    """A summary for lists and feeds, and no clipping left in a story that is no longer a draft."""
    found = []
    if story.fields and story.fields.get("summary") in (None, ""):
        found.append(Problem(story.path, 1, "no summary: add 'summary:' with one or two sentences "
                             "for lists, feeds and social cards", "warning"))
    if story.fields.get("status") != "draft" and REWRITE_NOTE in story.body:
        found.append(Problem(story.path, story.body_line, "the imported clipping is still here: rewrite it in our "
                             "own words and delete the quote, or keep 'status: draft'"))
    return found


def _image(story, content):
    """The lead image must be under content/images/ and have alt text, as the build asks."""
    if story.fields.get("image") in (None, ""):
        return []
    problem = placement_problem(story.fields["image"], story.fields.get("image_alt"), IMAGES, content)
    return [Problem(story.path, story.lines.get("image"), problem)] if problem else []


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
    slugs, titles, tags = {}, {}, TagPages()
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
            # Pelican's tag slug, with the default TAG_REGEX_SUBSTITUTIONS; an error here, as publish refuses it
            clash = tags.add(tag, address(tag), story.path, story.lines.get("tags"))
            if clash is not None:
                found.append(replace(clash, severity="error"))
    return found


def _published(story):
    try:
        return status_of(story.fields, story.lines) == "published"
    except FrontMatterError:
        return False


def _related(stories):
    """Each `related:` slug must name another published story, as the build asks."""
    found, records = [], []
    for story in stories:
        pins = pinned_slugs(story.fields.get("related")) if _published(story) else ()
        if pins is None:
            found.append(Problem(story.path, story.lines.get("related"), FORMAT))
        records.append(Story(story_slug(story), 0.0, pinned=pins or (), published=_published(story)))
    published = [record.slug for record in records if record.published]
    for story, record, related in zip(stories, records, related_for_all(records)):
        found += [Problem(story.path, story.lines.get("related"), pin_problem(slug, why, record.slug, published))
                  for slug, why in related.bad_pins]
    return found


def _registry(registry):
    found = [replace(problem, severity="error") for problem in registry.problems]  # publish refuses them all
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
        problems += [*_subjects(story, registry), *_front_matter(story), *_dates(story, now),
                     *_summary_and_clipping(story), *_image(story, content), *_body(story, content)]
    problems += _clashes(readable) + _related(readable)
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
