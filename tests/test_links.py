"""The link checker (plugins/site_files/links.py) on small hand-made sites: what it reads and what it flags."""

from site_files.links import Broken, broken_links, reachable

SITEURL = "https://example.github.io/reelnews"


def site(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def page(body):
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


def test_a_site_whose_links_all_lead_somewhere_has_none_broken(tmp_path):
    out = site(tmp_path, {
        "index.html": page(f'<a href="{SITEURL}/film/dune/">Dune</a> <img src="{SITEURL}/i.png" alt="">'),
        "film/dune/index.html": page(f'<a href="{SITEURL}/">home</a>'),
        "i.png": "png",
    })
    assert broken_links(out, SITEURL) == []


def test_a_link_to_a_missing_page_is_reported_with_the_page_it_is_on(tmp_path):
    out = site(tmp_path, {"index.html": page(f'<a href="{SITEURL}/film/dune/">Dune</a>')})
    assert broken_links(out, SITEURL) == [Broken("index.html", f"{SITEURL}/film/dune/")]


def test_relative_links_resolve_from_the_page_they_are_on(tmp_path):
    out = site(tmp_path, {
        "2020/05/story/index.html": page('<a href="../../../film/dune/">ok</a> <a href="../../film/dune/">wrong depth</a>'),
        "film/dune/index.html": page(""),
    })
    assert broken_links(out, "") == [Broken("2020/05/story/index.html", "../../film/dune/")]


def test_a_root_relative_link_must_stay_under_the_base_path(tmp_path):
    out = site(tmp_path, {
        "index.html": page('<a href="/reelnews/film/dune/">ok</a> <a href="/film/dune/">misses /reelnews/</a>'),
        "film/dune/index.html": page(""),
    })
    assert broken_links(out, SITEURL) == [Broken("index.html", "/film/dune/")]


def test_external_links_and_other_schemes_are_not_followed(tmp_path):
    out = site(tmp_path, {"index.html": page(
        '<a href="https://deadline.com/x">x</a> <a href="https://example.github.io/other-repo/">'
        'a neighbour site</a> <a href="mailto:desk@example.org">m</a> <img src="data:image/png;base64,AA" alt="">')})
    assert broken_links(out, SITEURL) == []


def test_srcset_stylesheets_scripts_and_social_cards_are_checked(tmp_path):
    out = site(tmp_path, {
        "index.html": "<!doctype html><html><head>"
                      f'<link rel="stylesheet" href="{SITEURL}/theme/site.css">'
                      f'<script src="{SITEURL}/theme/missing.js"></script>'
                      f'<meta property="og:image" content="{SITEURL}/card.png">'
                      "</head><body>"
                      f'<img src="{SITEURL}/a.png" srcset="{SITEURL}/a.png 1x, {SITEURL}/a2x.png 2x" alt="">'
                      "</body></html>",
        "theme/site.css": "body { background: url('../bg.png'); } h1 { background: url(missing.png); }",
        "a.png": "", "bg.png": "",
    })
    assert broken_links(out, SITEURL) == sorted([
        Broken("index.html", f"{SITEURL}/theme/missing.js"),
        Broken("index.html", f"{SITEURL}/card.png"),
        Broken("index.html", f"{SITEURL}/a2x.png"),
        Broken("theme/site.css", "missing.png"),
    ])


def test_a_fragment_must_name_an_id_on_its_page(tmp_path):
    out = site(tmp_path, {
        "index.html": page('<a href="#main">skip</a> <a href="#nowhere">x</a> <a href="about/#team">team</a>'
                           '<main id="main"></main>'),
        "about/index.html": page('<h2 id="team">Team</h2>'),
    })
    assert broken_links(out, "") == [Broken("index.html", "#nowhere")]


def test_feeds_are_checked_link_by_link_and_inside_each_entry(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<link href="{SITEURL}/" rel="alternate"/><link href="{SITEURL}/feeds/all.atom.xml" rel="self"/>
<id>{SITEURL}/</id><updated>2020-05-05T09:00:00Z</updated>
<entry><title>s</title><link href="{SITEURL}/2020/05/story/" rel="alternate"/><id>x</id>
<updated>2020-05-05T09:00:00Z</updated>
<content type="html">&lt;a href="{SITEURL}/film/dune/"&gt;Dune&lt;/a&gt; &lt;img src="pic.png" alt=""&gt;</content></entry>
</feed>"""
    out = site(tmp_path, {"index.html": page(""), "feeds/all.atom.xml": feed, "2020/05/story/index.html": page("")})
    assert broken_links(out, SITEURL) == [
        Broken("feeds/all.atom.xml", f"{SITEURL}/film/dune/"),
        Broken("feeds/all.atom.xml", "pic.png"),  # relative to its story, where there is no pic.png
    ]


def test_the_sitemap_and_robots_txt_are_checked(tmp_path):
    out = site(tmp_path, {
        "index.html": page(""),
        "sitemap.xml": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       f"<url><loc>{SITEURL}/</loc></url><url><loc>{SITEURL}/gone/</loc></url></urlset>",
        "robots.txt": f"User-agent: *\nSitemap: {SITEURL}/sitemap.xml\n",
    })
    assert broken_links(out, SITEURL) == [Broken("sitemap.xml", f"{SITEURL}/gone/")]


def test_a_folder_address_without_its_slash_still_finds_the_folders_page(tmp_path):
    out = site(tmp_path, {"index.html": page(f'<a href="{SITEURL}/about">about</a> <a href="{SITEURL}">home</a>'),
                          "about/index.html": page("")})
    assert broken_links(out, SITEURL) == []


def test_pages_are_reached_from_home_by_following_links_and_an_orphan_is_not(tmp_path):
    out = site(tmp_path, {
        "index.html": page(f'<a href="{SITEURL}/page/2/">older</a> <a href="https://elsewhere.org/x/">away</a>'),
        "page/2/index.html": page('<a href="../../2020/05/story/#top">story</a> <a href="mailto:desk@example.org">m</a>'),
        "2020/05/story/index.html": page(f'<a href="{SITEURL}/">home</a> <a href="{SITEURL}/feeds/all.atom.xml">feed</a>'),
        "2020/06/orphan/index.html": page(f'<a href="{SITEURL}/">home</a>'),
        "feeds/all.atom.xml": "<feed/>",
    })
    assert reachable(out, SITEURL) == ["2020/05/story/index.html", "index.html", "page/2/index.html"]
