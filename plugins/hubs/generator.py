"""The Pelican edge of hubs: a generator that writes hub pages, their feeds and the indexes.

It runs after the articles generator (so the subjects plugin has resolved every
story) and uses Pelican's own writer: pagination through PAGINATED_TEMPLATES and
PAGINATION_PATTERNS, feeds through write_feed, exactly as for tag pages.
"""

from functools import partial

from markupsafe import escape
from pelican.generators import Generator

from .contents import KINDS, build_hubs, busiest, by_letter

# kind -> the prefix of its index settings (FRANCHISES_URL, PEOPLE_SAVE_AS, ...) and template
INDEXES = {"franchise": "franchises", "film": "films", "person": "people", "platform": "platforms"}


class HubGenerator(Generator):
    """One page (paginated) and one Atom feed per hub, and one index per kind."""

    def generate_context(self):
        """Attach each hub to its subject now, so story pages know which subjects have a page."""
        self.hubs = build_hubs(self.context["articles"], self.context["subjects"], self.settings["HUBS_TOP_PEOPLE"])
        for hubs in self.hubs.values():
            for hub in hubs:
                hub.subject.hub = hub
        self.context["hubs"] = self.hubs
        self.context["busiest_franchises"] = busiest(self.hubs["franchise"])  # the home page's strip

    def generate_output(self, writer):
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for kind in KINDS:
            template = self.get_template(f"hub_{kind}")
            for hub in self.hubs[kind]:
                feed = self._write_feed(writer, hub)
                subject = hub.subject
                write(subject.save_as, template, self.context, hub=hub, feed=feed, **{kind: subject},
                      paginated={"articles": hub.stories}, template_name=f"hub_{kind}",
                      page_name=subject.page_name, url=subject.url)
            self._write_index(write, kind)

    def _write_feed(self, writer, hub):
        """The hub's Atom feed, written like Pelican's tag feeds; its URL, or None when feeds are off."""
        setting = f"{hub.subject.kind.upper()}_FEED_ATOM"
        path = self.settings.get(setting)
        if not path or not hub.stories:  # an empty feed would carry the build time: no feed, no link
            return None
        slug = hub.subject.slug
        url = self.settings.get(f"{setting}_URL", path).format(slug=slug)
        # Pelican reads the title as HTML and strips tags; escaping keeps a name like "<Saga>" whole.
        writer.write_feed(hub.stories, self.context, path.format(slug=slug), url,
                          feed_title=str(escape(hub.subject.name)))
        return url

    def _write_index(self, write, kind):
        name = INDEXES[kind]
        extra = {"letters": by_letter(self.hubs[kind])} if kind == "person" else {}
        write(self.settings.get(f"{name.upper()}_SAVE_AS"), self.get_template(name), self.context,
              template_name=name, url=self.settings.get(f"{name.upper()}_URL"), page_name=name, **extra)
