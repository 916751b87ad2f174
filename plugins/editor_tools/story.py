"""`make story`: a new story file with today's date and its subjects filled in from the registry.

    make story TITLE="Joe Russo signs on to write Extraction 2" FILM="Extraction 2" \\
        PEOPLE="Joe Russo: writer, Chris Hemsworth" PLATFORM=Netflix

A film, platform or person the registry does not know (or nearly knows) writes
nothing: the editor fixes the name, or adds it to content/data/ first.
"""

import argparse
import os
import sys
from datetime import datetime, timezone

from registry import load_registry

from .new_story import create, subject_fields
from .stories import REGISTRY


def people_pairs(text):
    """'Joe Russo: writer, Chris Hemsworth' -> [('Joe Russo', 'writer'), ('Chris Hemsworth', None)]."""
    pairs = []
    for part in text.split(","):
        name, _, role = part.partition(":")
        if name.strip():
            pairs.append((name.strip(), role.strip() or None))
    return pairs


def scaffold(registry, title, film, now, people="", platform=""):
    """(fields, problems) of a new story; any problem means no file should be written."""
    title = " ".join(title.split())
    if not title or not film.strip():
        return None, ['give the headline and the film: make story TITLE="..." FILM="..."']
    subjects, problems = subject_fields(registry, [film.strip()], people_pairs(people), platform.strip() or None)
    if problems:
        return None, [problem.message for problem in problems]
    return {"title": title, "date": f"{now:%Y-%m-%d %H:%M}", **subjects, "summary": None}, []


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make story", description=__doc__.split("\n")[0])
    parser.add_argument("--content", default="content", help="the content folder (default: content)")
    parser.add_argument("--title", default="")
    parser.add_argument("--film", default="")
    parser.add_argument("--people", default="", help="'Name: role, Name' (roles optional)")
    parser.add_argument("--platform", default="", help="default: the film's platform in the registry")
    args = parser.parse_args(argv)
    registry = load_registry(os.path.join(args.content, REGISTRY))
    now = datetime.now(timezone.utc)  # story dates are read in TIMEZONE = "UTC"
    fields, problems = scaffold(registry, args.title, args.film, now, args.people, args.platform)
    return create(args.content, now, fields, "", problems)


if __name__ == "__main__":
    sys.exit(main())
