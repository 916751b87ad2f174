"""`make devserver`: rebuild on every story, registry or theme change, and reload the browser.

Pelican's own `-lr` rebuilds but leaves the reader to press reload; livereload
(the tool Pelican's invoke tasks use) injects a tiny script into served pages
that refreshes them once the rebuild has finished.
"""

import argparse
import os
import subprocess
import sys

from livereload import Server

# What an editor changes during a day: stories and pages, the registry, the theme.
WATCHED = ("**/*.md", "**/*.markdown", "data/*.yaml", "images/*")


def build_command(content, output, settings):
    return [sys.executable, "-m", "pelican", content, "-o", output, "-s", settings]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make devserver", description=__doc__.split("\n")[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--theme", default="theme")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    command = build_command(args.content, args.output, args.settings)

    def rebuild():
        subprocess.run(command, check=False)  # problems are printed; the last good pages stay served

    rebuild()
    server = Server()
    for pattern in WATCHED:
        server.watch(os.path.join(args.content, pattern), rebuild)
    server.watch(os.path.join(args.theme, "**", "*"), rebuild)
    server.watch(args.settings, rebuild)
    server.serve(host="127.0.0.1", port=args.port, root=args.output, open_url_delay=None)


if __name__ == "__main__":
    main()
