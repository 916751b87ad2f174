"""Kept pages: a page whose fingerprint is the last build's, in a file untouched since, is not rendered again.

The store lives in the content cache folder (CACHE_PATH), is read when LOAD_CONTENT_CACHE
is on and written when CACHE_CONTENT is, and maps each written file to the fingerprint
of what it was made from, its size and time stamp, and the warnings its rendering
logged (logged again when the page is kept, so a rebuild reports what a full build
would). A page's fingerprint (fingerprint.py) covers:
- the site: its settings, our plugins' code, the versions of the libraries that render,
  and every story's and file's address (a story may link to any other by its file name);
- the page's template and every template it extends, imports or includes;
- every value those templates name, followed two links deep, and the page's address;
  a page of a list counts by its own stories and the list's length, not the other pages'
  stories (a template that shows those through the paginator is not supported).
A filter or function given the whole context (Jinja's `pass_context`) must say which values
it reads, as a `context_names` tuple on the function; one that does not makes its pages
depend on every value they are given.
"""

import functools
import os
import pickle
from importlib import metadata
from pathlib import Path

from jinja2 import meta, nodes
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from .fingerprint import Fingerprints, Unfingerprintable, digest, plain_pickle
from .pool import replay

HOPS = 2  # a story page shows its related stories' headlines: two links from the page
STORE_FILE = "build_speed_pages.pickle"
STORE_VERSION = 1  # bump when what is stored changes shape
RENDERING = ("pelican", "jinja2", "markdown", "typogrify", "smartypants", "feedgenerator")

_current = None  # (writer, store) of the build running now


def _content_identity(thing):
    return (thing.source_path or thing.save_as or "",)


def _wrapper_identity(thing):
    return thing.name, thing.slug


@functools.cache
def _identity_of(kind):
    """How things of a type are named (None: they are not linked things); worked out once per type."""
    if issubclass(kind, Content):
        return _content_identity
    if issubclass(kind, URLWrapper):
        return _wrapper_identity
    return getattr(kind, "fingerprint_identity", None)  # a plugin's own linked thing (hubs.Hub)


def _identity(thing):
    """What names a linked thing (a story or page, a film, person or tag, a hub); None for other values."""
    named = _identity_of(type(thing))
    return named(thing) if named is not None else None


def _stand_in(value):
    """A page of a list is made from its own stories, its number and the shape of the whole list
    (its address, length and page size), which the pager shows; the other pages' stories are not
    on it. Pelican makes three Page objects per list page (this, previous, next), each fingerprinted so."""
    if type(value) is Page:
        return "page", value.number, value.object_list, _stand_in(value.paginator)
    if type(value) is Paginator:
        return "paginator", value.name, value.url, value.per_page, value.orphans, value.count
    return None


def _settings_fingerprint(settings):
    """The settings, value by value; a function counts by its name and code."""
    parts = []
    for key in sorted(settings):
        value = settings[key]
        try:
            parts.append(key.encode() + plain_pickle(value))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            code = getattr(value, "__code__", None)
            if code is None:
                raise Unfingerprintable(f"setting {key}") from None
            parts.append(key.encode() + f"{value.__module__}.{value.__qualname__}".encode() + code.co_code
                         + repr(code.co_consts).encode())
    return digest(*parts)


def _reading(environment, source):
    """What one template's source reads: (context names, (kind, name) of the functions it calls, templates
    it takes in, None for one named only while rendering). Parsing costs a third of a second a build,
    so the store keeps this by source."""
    tree = environment.parse(source)
    functions = set()
    for node in tree.find_all((nodes.Filter, nodes.Test, nodes.Call)):
        if isinstance(node, nodes.Filter):
            functions.add(("filters", node.name))
        elif isinstance(node, nodes.Test):
            functions.add(("tests", node.name))
        elif isinstance(node.node, nodes.Name):
            functions.add(("globals", node.node.name))
    return (frozenset(meta.find_undeclared_variables(tree)), tuple(sorted(functions)),
            tuple(meta.find_referenced_templates(tree)))


def _context_names(function):
    """The context values a function reads: () for most; None when it reads the context and does not say what."""
    if getattr(getattr(function, "jinja_pass_arg", None), "name", None) != "context":
        return ()
    if getattr(function, "__module__", "").startswith("jinja2."):
        return ()  # Jinja's own (map, select, ...) take the context only to find other filters
    return getattr(function, "context_names", None)


def write_changed(path, text):
    """Write `text` to `path` unless the file already holds it; its os.stat() after.

    Rewriting in place: truncating a file to nothing first costs far more on some
    file systems (ext4 mounted with `discard` frees and trims its blocks).
    """
    data = text.encode("utf-8")
    try:
        with open(path, "r+b") as handle:
            if handle.read() != data:
                handle.seek(0)
                handle.write(data)
                handle.truncate()
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)  # a stale page's removal may have taken its folder
        with open(path, "wb") as handle:
            handle.write(data)
    return os.stat(path)


class PageStore:
    def __init__(self, settings, context):
        self._path = Path(settings["CACHE_PATH"], STORE_FILE)
        self._save = settings.get("CACHE_CONTENT", False)
        stored = self._load() if settings.get("LOAD_CONTENT_CACHE", False) else {}
        self._kept = stored.get("pages", {})  # output file -> (fingerprint, size, mtime_ns, warnings, step)
        self._read = stored.get("templates", {})  # template source -> what it reads (_reading)
        self._output = os.path.join(os.path.abspath(settings["OUTPUT_PATH"]), "")
        self._context = context
        self._fingerprints = Fingerprints(_identity, shared=(settings, context), stand_in=_stand_in)
        self._templates = {}  # template name -> (digest of its sources, names it reads or None for all)
        try:
            self._site = self._site_fingerprint(settings)
        except Unfingerprintable:
            self._site = None  # every page renders, as without a store

    def _load(self):
        try:
            with open(self._path, "rb") as handle:
                stored = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError):
            return {}
        return stored if isinstance(stored, dict) and stored.get("version") == STORE_VERSION else {}

    def save(self):
        if not self._save:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        partial = self._path.with_suffix(".partial")
        with open(partial, "wb") as handle:
            pickle.dump({"version": STORE_VERSION, "pages": self._kept, "templates": self._read}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self._path)

    def _site_fingerprint(self, settings):
        code = sorted(path for folder in settings.get("PLUGIN_PATHS", []) for path in Path(folder).rglob("*.py"))
        versions = []
        for name in RENDERING:
            try:
                versions.append(f"{name} {metadata.version(name)}".encode())
            except metadata.PackageNotFoundError:
                versions.append(name.encode())
        addresses = sorted((str(path), str(getattr(item, "url", "")), str(getattr(item, "save_as", "")))
                           for content in ("generated_content", "static_content")
                           for path, item in self._context.get(content, {}).items())
        return digest(_settings_fingerprint(settings), plain_pickle(addresses), *versions,
                      *(path.read_bytes() for path in code))

    def _template(self, template):
        """(digest of the template's sources, the names they read and the page's address, in order:
        None when that cannot be known)."""
        found = self._templates.get(template.name)
        if found is None:
            environment, sources, names, todo = template.environment, [], set(), [template.name]
            seen, dynamic = set(todo), False
            while todo:
                name = todo.pop()
                source = name.encode() + environment.loader.get_source(environment, name)[0].encode("utf-8")
                sources.append(source)
                reads = self._read.get(source)
                if reads is None:
                    reads = self._read[source] = _reading(environment, source.removeprefix(name.encode()).decode())
                variables, functions, includes = reads
                names |= variables
                for kind, function_name in functions:
                    read = _context_names(getattr(environment, kind).get(function_name))
                    dynamic |= read is None
                    names |= set(read or ())
                for included in includes:
                    dynamic |= included is None  # a template named while rendering: it could read anything
                    if included is not None and included not in seen:
                        seen.add(included)
                        todo.append(included)
            names = None if dynamic else tuple(sorted(names | {"output_file"}))
            found = self._templates[template.name] = (digest(*sorted(sources)), names)
        return found

    def fingerprint(self, page):
        """What `page` is made from, as one digest; None when something in it has no fingerprint."""
        if self._site is None:
            return None
        sources, names = self._template(page.template)
        context = page.localcontext
        try:
            return digest(self._site, sources, self._fingerprints.page(names or sorted(context), context, HOPS),
                          self._fingerprints.of(page.localsiteurl, 0))
        except Unfingerprintable:
            return None

    def reuse(self, page, step):
        """True when the file already holds this page (its warnings are logged again)."""
        page.fingerprint = self.fingerprint(page)
        fingerprint, size, mtime_ns, warnings, _ = self._kept.get(page.path, (None, None, None, (), None))
        if page.fingerprint is None or fingerprint != page.fingerprint:
            return False
        try:
            stat = os.stat(page.path)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
            return False
        replay(warnings)
        return True

    def wrote(self, page, stat, warnings, step):
        self._kept[page.path] = page.fingerprint, stat.st_size, stat.st_mtime_ns, tuple(warnings), step

    def remove_stale(self, step, writing):
        """Delete the pages an earlier build's `step` wrote that this one's does not (`writing`: a story
        renamed, redated or deleted, a hub left empty), so the output, and the search index made from
        it, is what a build from scratch would give."""
        stale = [path for path, kept in self._kept.items()
                 if kept[4] == step and path not in writing and path.startswith(self._output)]
        for path in sorted(stale):
            del self._kept[path]
            try:
                os.remove(path)
                os.removedirs(os.path.dirname(path))  # its folders, as far up as they are empty
            except OSError:
                pass


def save_kept_pages(pelican):
    """At the end of a build that got that far: what the next one may keep."""
    if _current is not None:
        _current[1].save()


def kept_pages(writer, generator):
    """The store of this build (one per writer, which Pelican makes anew for each build)."""
    global _current
    if _current is None or _current[0] is not writer:
        _current = writer, PageStore(generator.settings, generator.context)
    return _current[1]
