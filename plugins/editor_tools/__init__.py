"""Editor's tools: `make story`, `make check` and `make import`.

Command-line tools, not a Pelican plugin (nothing here is in PLUGINS): they read
content/ directly with the same registry, front-matter and subject cores the
build uses, so a story the tools accept is one the build reads the same way.
Run them as `PYTHONPATH=plugins python -m editor_tools.<story|check|clipping>`.
"""
