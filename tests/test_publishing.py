"""Publishing: the shipped site built as `make publish` builds it for a GitHub Pages project site.

Every link must lead to a file, the feeds must parse with absolute addresses, and the files
Pages and crawlers need must be there; `make github` must land the site on a gh-pages
branch, and the Actions workflow must hold what a deployment needs.
"""

import json
import os
import re
import shutil
import subprocess
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
import yaml

from conftest import FIXTURES, ROOT, build, copy_fixture
from search_index.indexer import index_site
from site_files.links import broken_links

SITEURL = "https://example.github.io/reelnews"
STORY = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")
HUB = re.compile(r"^(franchise|film|person|platform)/[^/]+/index\.html$")
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


@pytest.fixture(scope="module")
def published(shipped_publish):
    """The shipped content/ built with publishconf.py under a base path, as the issue asks."""
    return shipped_publish


@pytest.fixture(scope="module")
def custom_domain(tmp_path_factory):
    """The mini site published for a custom domain: served from the domain's root, with a CNAME."""
    return build(FIXTURES / "mini", tmp_path_factory.mktemp("domain") / "output", settings="publishconf.py",
                 env={"SITEURL": "https://news.example.org", "CNAME": "news.example.org"})


def sitemap_urls(site):
    return [loc.text for loc in ElementTree.parse(site.output / "sitemap.xml").getroot().iter(LOC)]


def test_the_publish_build_succeeds(published):
    assert published.returncode == 0, published.stderr
    assert "Reelnews: 0 error(s), 0 warning(s)" in published.stderr


def test_no_link_in_any_page_feed_or_the_sitemap_is_broken(published):
    assert [str(b) for b in broken_links(published.output, SITEURL)] == []


def test_a_site_at_the_root_of_a_custom_domain_has_no_broken_link_either(custom_domain):
    assert custom_domain.returncode == 0, custom_domain.stderr
    assert [str(b) for b in broken_links(custom_domain.output, "https://news.example.org")] == []


def test_pages_link_with_the_full_site_address(published):
    home = published.page("index.html")
    assert home.select_one("link[rel=stylesheet]")["href"].startswith(SITEURL + "/theme/")
    assert all(a["href"].startswith(SITEURL + "/") for a in home.select(".stories a"))


def test_every_feed_parses_and_links_with_absolute_addresses(published):
    feeds = published.files("**/*.atom.xml")
    assert "feeds/all.atom.xml" in feeds
    for name in feeds:
        feed = feedparser.parse(published.text(name))
        assert not feed.bozo, (name, feed.bozo_exception)
        assert feed.entries, name
        links = [link.href for link in feed.feed.links] + [e.link for e in feed.entries]
        assert all(link.startswith(SITEURL + "/") for link in links), name


def test_each_kind_of_hub_has_its_own_feed(published):
    feeds = published.files("**/*.atom.xml")
    for kind in ("franchise", "film", "person", "platform"):
        assert any(name.startswith(kind + "/") for name in feeds), kind


def test_feed_entries_carry_no_relative_address(published):
    feed = feedparser.parse(published.text("feeds/all.atom.xml"))
    for entry in feed.entries:
        body = entry.content[0].value if "content" in entry else entry.summary
        for url in re.findall(r'(?:href|src)="([^"]+)"', body):
            assert re.match(r"^[a-z]+:", url), (entry.link, url)


def test_pages_is_told_not_to_run_jekyll(published):
    assert published.exists(".nojekyll")


def test_no_cname_is_written_unless_a_domain_is_given(published, custom_domain):
    assert not published.exists("CNAME")
    assert custom_domain.text("CNAME") == "news.example.org\n"


def test_robots_txt_points_at_the_sitemap(published):
    assert f"Sitemap: {SITEURL}/sitemap.xml" in published.text("robots.txt").splitlines()


def test_the_sitemap_lists_every_story_and_every_hub(published):
    listed = set(sitemap_urls(published))
    pages = [p for p in published.files() if STORY.match(p) or HUB.match(p)]
    assert len([p for p in pages if HUB.match(p)]) >= 4
    missing = [p for p in pages if f"{SITEURL}/{p[:-len('index.html')]}" not in listed]
    assert missing == []


def test_the_sitemap_leaves_out_the_404_page_and_later_list_pages(published):
    listed = sitemap_urls(published)
    assert f"{SITEURL}/" in listed
    assert not [url for url in listed if url.endswith("404.html") or "/page/" in url]


def test_the_sitemap_dates_a_story_by_its_last_change(published):
    tree = ElementTree.parse(published.output / "sitemap.xml").getroot()
    lastmod = {u.find(LOC).text: u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod") for u in tree}
    story = published.page("2020/05/extraction-2-joe-russo-writes/index.html")
    published_time = story.select_one("article time")["datetime"]
    assert lastmod[f"{SITEURL}/2020/05/extraction-2-joe-russo-writes/"] == published_time


def test_the_404_page_links_by_full_address_so_it_works_at_any_depth(published):
    # Pages shows 404.html at whatever address was missed, so a relative link would be wrong there.
    page = published.page("404.html")
    links = [tag.get("href") or tag.get("src") for tag in page.select("[href], [src]")]
    relative = [link for link in links if not link.startswith("#") and not urlsplit(link).scheme]
    assert relative == []
    assert f"{SITEURL}/" in links


def test_only_stories_are_in_the_search_index_a_bundle_per_year(published):
    stories = [p for p in published.files() if STORY.match(p)]
    years = sorted({p.split("/")[0] for p in stories}, reverse=True)
    assert json.loads(published.text("pagefind/shards.json")) == years
    for year in years:
        entry = json.loads(published.text(f"pagefind/{year}/pagefind-entry.json"))
        assert entry["languages"]["en"]["page_count"] == sum(p.startswith(f"{year}/") for p in stories)


def test_the_search_index_ships_only_what_the_search_page_loads(published):
    bundle = published.files("pagefind/**/*")
    assert not [p for p in bundle if "-ui." in p or "highlight" in p]
    assert "pagefind/2020/pagefind.js" in bundle


def test_the_search_index_is_the_same_when_built_again(published, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(published.output, copy)
    assert index_site(copy, "{date:%Y}/{date:%m}/{slug}/index.html") == ""
    before = {p.relative_to(published.output): p.read_bytes() for p in (published.output / "pagefind").rglob("*")
              if p.is_file()}
    after = {p.relative_to(copy): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()}
    assert before == after


def test_publish_refuses_a_story_about_an_unknown_film_and_names_it(tmp_path):
    content = copy_fixture("mini", tmp_path)
    story = content / "stories" / "2023" / "typo.md"
    story.write_text("---\ntitle: A typo\ndate: 2023-07-01 10:00\nfilm: Extration 2\n---\nText.\n", encoding="utf-8")
    result = build(content, tmp_path / "output", settings="publishconf.py", env={"SITEURL": SITEURL})
    assert result.returncode != 0
    assert "mini/stories/2023/typo.md:4: warning: unknown film 'Extration 2'" in result.stderr


# make github: ghp-import commits output/ to a branch and pushes it; here the remote is a
# bare repository in a temporary folder, so nothing leaves the machine.

def git(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def make(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "MAKE", "MFLAGS"))}
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-f", str(ROOT / "Makefile"), "-o", f"{venv}/bin/.installed", f"VENV={venv}",
                           f"PUBLISHCONF={ROOT / 'publishconf.py'}", f"INPUTDIR={FIXTURES / 'mini'}", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """A project repository whose origin is a bare repository, after `make github`."""
    tmp = tmp_path_factory.mktemp("github")
    remote, project = tmp / "remote.git", tmp / "project"
    git("init", "--bare", "-q", str(remote), cwd=tmp)
    project.mkdir()
    git("init", "-q", cwd=project)
    git("config", "user.name", "Reelnews test", cwd=project)
    git("config", "user.email", "test@example.org", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    result = make("github", f"SITEURL={SITEURL}", f"OUTPUTDIR={tmp / 'output'}", cwd=project)
    return result, remote


def test_make_github_pushes_the_site_to_the_gh_pages_branch(deployed):
    result, remote = deployed
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert {"index.html", ".nojekyll", "sitemap.xml", "pagefind/shards.json"} <= set(files)


def test_make_github_publishes_with_the_given_address(deployed):
    _, remote = deployed
    home = git("show", "gh-pages:index.html", cwd=remote)
    assert f'href="{SITEURL}/theme/css/site.css"' in home


def test_make_github_remote_and_branch_can_be_changed(tmp_path):
    result = make("-n", "github", f"SITEURL={SITEURL}", "GITHUB_PAGES_REMOTE=upstream", "GITHUB_PAGES_BRANCH=site",
                  cwd=tmp_path)
    ghp = [line for line in result.stdout.splitlines() if "ghp-import" in line]
    assert ghp and "-r upstream -b site --no-jekyll --push" in ghp[0]


def test_make_github_refuses_to_run_without_the_site_address(tmp_path):
    result = make("github", "SITEURL=", cwd=tmp_path)
    assert result.returncode != 0
    assert "make github needs the site's address" in result.stderr


# The Actions workflow: what GitHub needs to test, build and deploy the site.

@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def steps_using(job, action):
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_the_workflow_runs_on_a_push_to_main_and_by_hand(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers


def test_the_workflow_deploys_one_run_at_a_time_without_cancelling(workflow):
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_workflow_tests_before_it_builds_and_builds_before_it_deploys(workflow):
    jobs = workflow["jobs"]
    assert "bash .ci/run" in [step.get("run") for step in jobs["test"]["steps"]]
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"


def test_the_build_uses_the_address_configure_pages_reports(workflow):
    build_job = workflow["jobs"]["build"]
    configure = steps_using(build_job, "actions/configure-pages")
    assert configure and configure[0]["id"] == "pages"
    runs = [step.get("run", "") for step in build_job["steps"]]
    assert 'make publish SITEURL="${{ steps.pages.outputs.base_url }}"' in runs
    assert steps_using(build_job, "actions/upload-pages-artifact")[0]["with"]["path"] == "output"


def test_the_deploy_job_has_the_permissions_and_environment_pages_requires(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert workflow["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    step = steps_using(deploy, "actions/deploy-pages")[0]
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_only_the_deploy_job_may_write_pages(workflow):
    writers = [name for name, job in workflow["jobs"].items()
               if "write" in (job.get("permissions") or {}).values()]
    assert writers == ["deploy"]
