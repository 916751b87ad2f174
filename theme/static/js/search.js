// The search page: Pagefind's JS API over the index every build writes to <site>/pagefind/:
// a bundle per year of stories, which shards.json lists newest first, merged into one search.
// Results use the story-list markup (kicker, headline, summary, date). Everything from the
// index goes in as text, never as HTML, so a headline or a story can never inject markup.
// The term and filters live in the address (?q=dune&platform=Netflix), so a search can be shared.

const form = document.querySelector("[data-search-bundle]");
const term = form.querySelector("input[type=search]");
const filters = [...form.querySelectorAll("select[data-filter]")];
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const BATCH = 20; // results shown at a time; "Show more stories" adds the next batch

let pagefind;
let pending = []; // results of the current search not shown yet
let generation = 0; // a newer search makes an older one's late answers moot

// Pagefind finds the site's base path from where pagefind.js was loaded, so an absolute URL
// for the bundle is all a base path such as /reelnews/ needs.
const bundle = new URL(form.dataset.searchBundle, document.baseURI).href;

function chosenFilters() {
  const chosen = {};
  for (const select of filters) if (select.value) chosen[select.dataset.filter] = select.value;
  return chosen;
}

function remember(text, chosen) {
  const params = new URLSearchParams();
  if (text) params.set("q", text);
  for (const [kind, value] of Object.entries(chosen)) params.set(kind, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// Pagefind's excerpt marks the matched words with <mark>; keep those marks and only text.
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function teaser(story) {
  const item = element("li", "teaser");
  if (story.meta.franchise) item.append(element("p", "kicker", story.meta.franchise));
  const heading = element("h2");
  const link = element("a", "", story.meta.title);
  link.href = story.url;
  heading.append(link);
  // The matched words in their sentence; with no words matched (a filter alone), the summary,
  // as story lists show it (Pagefind's excerpt would start with the headline again).
  const summary = element("div", "summary");
  if (story.excerpt.includes("<mark>")) summary.append(...excerpt(story.excerpt));
  else summary.textContent = story.meta.summary || "";
  const meta = element("p", "meta");
  if (story.meta.date) {
    const time = element("time", "", story.meta.date);
    if (story.meta.published) time.dateTime = story.meta.published;
    meta.append(time);
  }
  item.append(heading, summary, meta);
  return item;
}

async function showMore(mine) {
  const batch = pending.splice(0, BATCH);
  const stories = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  list.append(...stories.map(teaser));
  more.hidden = pending.length === 0;
}

function describe(count, text, chosen) {
  const about = [text && `“${text}”`, ...Object.values(chosen)].filter(Boolean).join(", ");
  if (count === 0) return `No stories match ${about}. Try another spelling, or fewer filters.`;
  return `${count} ${count === 1 ? "story matches" : "stories match"} ${about}.`;
}

async function search() {
  const mine = ++generation;
  const text = term.value.trim();
  const chosen = chosenFilters();
  remember(text, chosen);
  if (!text && Object.keys(chosen).length === 0) {
    pending = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Type a film, a person, a franchise or a platform, or pick a filter.";
    return;
  }
  // With words, best match first; with none, filtered stories come newest first.
  const found = text ? (await pagefind.debouncedSearch(text, { filters: chosen }, 150))?.results : await newestFirst(chosen);
  if (!found || mine !== generation) return;
  pending = [...found];
  list.replaceChildren();
  await showMore(mine);
  if (mine === generation) status.textContent = describe(found.length, text, chosen);
}

// Pagefind sorts each year's bundle by date, but merges bundles by score, which in a sorted
// search is a rank within one bundle; so the stories are asked for year by year, newest first.
async function newestFirst(chosen) {
  const counted = await pagefind.search(null, { filters: chosen });
  const years = Object.keys(counted.filters.year || {}).filter((year) => counted.filters.year[year] > 0);
  years.sort().reverse();
  const sort = { date: "desc" };
  const byYear = await Promise.all(years.map((year) => pagefind.search(null, { filters: { ...chosen, year }, sort })));
  return byYear.flatMap((found) => found.results);
}

async function offerFilters() {
  const available = await pagefind.filters();
  const wanted = new URLSearchParams(location.search);
  for (const select of filters) {
    const values = Object.keys(available[select.dataset.filter] || {});
    values.sort((a, b) => a.localeCompare(b));
    if (select.dataset.filter === "year") values.reverse(); // newest first
    for (const value of values) select.add(new Option(value, value));
    select.value = wanted.get(select.dataset.filter) || "";
  }
}

// The newest year's bundle is the primary (pagefind.js and its wasm load from there); the other
// years' bundles are merged into it.
async function load() {
  const response = await fetch(`${bundle}shards.json`);
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const [newest, ...older] = await response.json();
  if (!newest) throw new Error("the search index lists no stories");
  pagefind = await import(`${bundle}${newest}/pagefind.js`);
  await pagefind.init();
  await Promise.all(older.map((year) => pagefind.mergeIndex(`${bundle}${year}/`)));
}

try {
  await load();
  await offerFilters();
} catch (error) {
  status.textContent = "Search is not available: its index could not be loaded. Browse the franchises, people and platforms instead.";
  throw error;
}
term.value = new URLSearchParams(location.search).get("q") || "";
form.addEventListener("submit", (event) => {
  event.preventDefault();
  search();
});
term.addEventListener("input", search);
for (const select of filters) select.addEventListener("change", search);
more.addEventListener("click", () => showMore(generation));
search();
