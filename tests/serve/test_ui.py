"""The web UI in a real browser: every view shows content that links back to its evidence.

One database (the five seeds and the bundled example corpus) is served by
uvicorn on a free local port; Chromium, driven by Playwright, clicks through
the views and checks what they show against the API: a highlighted span must
hold exactly the raw text at its offsets. No page may show an error or log one
to the console, and no request may leave the local server. The last tests open
the self-contained report from file:// with the network off.

Screenshots of each view go to screenshots/ at the repo root (gitignored).
"""
from __future__ import annotations

import re
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
    pytest.mark.shared("seeds"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
httpx = pytest.importorskip("httpx")


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def ui_db(tmp_path_factory, seeds_dir) -> Path:
    """The seeds (real articles) and the example corpus (a story with a spun and a translated copy)."""
    from newsgraph import api
    from newsgraph.cli.main import example_corpus

    db = tmp_path_factory.mktemp("ui") / "ui.db"
    report = api.ingest([seeds_dir, example_corpus()], db=db, workers=1, progress=False)
    assert report.added == 12, report
    return db


@pytest.fixture(scope="module")
def server(ui_db):
    """The API and UI served by uvicorn on a free port of 127.0.0.1, in a background thread."""
    import uvicorn

    from newsgraph.serve.app import create_app

    config = uvicorn.Config(create_app(str(ui_db)), host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server + "api/", timeout=20) as client:
        yield client


class UI:
    """A page on the served UI that records console errors and every request it makes."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.console: list[str] = []
        self.requests: list[str] = []
        self.allowed_console: list[str] = []
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console.append(f"uncaught: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

    def view(self, name: str, errors_ok: bool = False):
        """Wait for view ``name`` to finish rendering; check it shows no error."""
        self.page.wait_for_function(
            """name => { const root = document.querySelector('#main > .view');
                         return !!root && root.dataset.ready === 'true' && root.dataset.view === name
                                && root.dataset.hash === location.hash; }""", arg=name, timeout=15_000)
        if not errors_ok:
            shown = self.page.locator("#main .error").all_inner_texts()
            assert not shown, f"#/{name} shows an error: {shown}"
        return self.page.locator("#main > .view")

    def open(self, hash_: str, name: str | None = None, errors_ok: bool = False):
        self.page.goto(self.base + hash_)
        return self.view(name or hash_.lstrip("#/").split("/")[0].split("?")[0], errors_ok)

    def shot(self, name: str, full: bool = False):
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"ui-{name}.png"), full_page=full)

    def highlighted(self) -> str:
        return "".join(self.page.locator(".doc-text .hl").all_text_contents())


@pytest.fixture
def ui(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    local = urlparse(server).netloc
    blocked: list[str] = []

    def gate(route):
        url = urlparse(route.request.url)
        if url.scheme == "data" or url.netloc == local:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()
    watcher = UI(page, server)
    yield watcher
    context.close()
    foreign = [u for u in watcher.requests if not (u.startswith("data:") or urlparse(u).netloc == local)]
    assert not foreign and not blocked, f"requests left the local server: {foreign or blocked}"
    unexpected = [m for m in watcher.console if not any(a in m for a in watcher.allowed_console)]
    assert not unexpected, f"console errors: {unexpected}"


def hl_of(href: str) -> tuple[str, int, int]:
    """Document id and offsets of a '#/document/ID?hl=S-E' link."""
    path, _, query = href.lstrip("#/").partition("?")
    start, end = (int(x) for x in parse_qs(query)["hl"][0].split("-"))
    return unquote(path.split("/", 1)[1]), start, end


def raw_text(http, document_id: str) -> str:
    response = http.get(f"documents/{document_id}")
    assert response.status_code == 200, response.text
    return response.json()["text"]


def check_document_highlight(ui: UI, http, href: str) -> str:
    """The document view for ``href``: its text whole, and the highlighted span exactly text[start:end], in view."""
    document_id, start, end = hl_of(href)
    text = raw_text(http, document_id)
    page = ui.page
    assert page.locator(".doc-text").text_content() == text, "the rendered text is not the raw text"
    assert ui.highlighted() == text[start:end] != ""
    assert page.evaluate("""() => { const r = document.querySelector('.doc-text .hl').getBoundingClientRect();
                                    return r.bottom > 0 && r.top < window.innerHeight; }"""), "highlight not scrolled into view"
    return text[start:end]


# ---------------------------------------------------------------- the views

def test_stories_and_provenance_graph(ui, http):
    stories = http.get("stories").json()
    assert stories["total"] >= 2
    view = ui.open("#/stories")
    rows = view.locator("table.stories tbody tr")
    assert rows.count() == stories["total"]
    assert stories["items"][0]["title"] in rows.first.inner_text()
    assert view.locator(".stat .n").first.inner_text() == str(http.get("summary").json()["documents"])
    ui.shot("stories")

    story = next(s for s in stories["items"] if http.get(f"stories/{s['id']}").json()["copies"])
    detail = http.get(f"stories/{story['id']}").json()
    ui.page.locator(f'a.story-link[href="#/story/{story["id"]}"]').click()
    view = ui.view("story")
    graph = view.locator("svg.provenance")
    assert graph.locator(".node").count() == len(detail["members"])
    assert graph.locator(".copy").count() == len(detail["copies"]) > 0
    labels = graph.locator(".copy-label").all_text_contents()
    assert {c["kind"] for c in detail["copies"]} <= {label.split()[0] for label in labels}
    assert view.locator(".n.independent").inner_text() == str(detail["independent"])
    if detail["first"] and detail["last"]:  # the story's date span, in days
        days = (date.fromisoformat(detail["last"][:10]) - date.fromisoformat(detail["first"][:10])).days + 1
        assert f"published over {days} day" in view.locator(".story-span").inner_text().lower()  # CSS capitalises
    docs = view.locator("a.doc-link")
    assert docs.count() == len(detail["members"])
    for publisher in detail["publishers"]:
        assert publisher in view.inner_text()
    ui.shot("story", full=True)

    first = detail["members"][0]
    graph.locator(f'.node[data-document="{first["id"]}"]').click()
    view = ui.view("document")
    assert first["title"] in view.locator("h1").inner_text()


def test_people_person_quotation_document(ui, http):
    people = http.get("people", params={"limit": 500}).json()
    view = ui.open("#/people")
    assert view.locator("table.people tbody tr").count() == min(50, people["total"]) > 0
    ui.shot("people")

    speaker = next(p for p in people["items"] if p["quote_count"] >= 2)
    form = view.locator("form.filters")
    form.locator('input[name="name"]').fill(speaker["name"])
    form.locator('button[type="submit"]').click()
    view = ui.view("people")
    assert speaker["name"] in view.locator("table.people tbody").inner_text()

    view.locator("a.person-link", has_text=speaker["name"]).first.click()
    view = ui.view("person")
    detail = http.get(f"people/{speaker['id']}").json()
    cards = view.locator("article.quote")
    assert cards.count() == len(detail["quotes"]) == speaker["quote_count"]
    ui.shot("person")

    quote = detail["quotes"][0]
    link = cards.first.locator("a.quote-link")
    href = link.get_attribute("href")
    assert hl_of(href) == (quote["document_id"], quote["start"], quote["end"])
    link.click()
    view = ui.view("document")
    assert check_document_highlight(ui, http, href) == quote["text"]
    # The quotation at the highlight is explained beside the text; the removed parts say why.
    assert speaker["name"] in view.locator("#doc-detail").inner_text()
    document = http.get(f"documents/{quote['document_id']}").json()
    if document["removed"]:
        title = view.locator(".doc-text .rm").first.get_attribute("title")
        assert title.endswith(document["removed"][0][2])
    assert view.locator(".doc-text .q").count() >= len(document["quotations"])
    ui.shot("document")

    # Clicking another quotation in the text shows its speaker.
    other = next((q for q in document["quotations"] if q["speaker"] and q["id"] != quote["id"]), None)
    if other:
        ui.page.locator(f'.doc-text .q[data-start="{other["start"]}"]').first.click()
        assert other["speaker"] in view.locator("#doc-detail").inner_text()


def test_quotations_filter_and_pages(ui, http):
    every = http.get("quotes", params={"limit": 1}).json()["total"]
    view = ui.open("#/quotes")
    assert view.locator("article.quote").count() == min(25, every)
    assert f"of {every}" in view.locator(".pager .count").first.inner_text()
    if every > 25:
        view.locator("a.next").first.click()
        view = ui.view("quotes")
        assert view.locator(".pager .count").first.inner_text().startswith("26")

    wanted = http.get("quotes", params={"kind": "direct", "q": "Taliban", "limit": 500}).json()
    assert wanted["total"] > 0
    ui.open("#/quotes")
    form = ui.page.locator("form.filters")
    form.locator('select[name="kind"]').select_option("direct")
    form.locator('input[name="q"]').fill("Taliban")
    form.locator('button[type="submit"]').click()
    view = ui.view("quotes")
    cards = view.locator("article.quote")
    assert cards.count() == min(25, wanted["total"])
    assert set(view.locator("article.quote .badge").all_text_contents()) == {"direct"}
    for text in view.locator("article.quote blockquote").all_text_contents():
        assert "taliban" in text.lower()
    ui.shot("quotes")

    wanted = http.get("quotes", params={"speaker": "Kabulov"}).json()
    ui.open("#/quotes?speaker=Kabulov")
    assert ui.page.locator("article.quote").count() == wanted["total"] > 0


def test_events_timeline_and_evidence(ui, http):
    events = http.get("events", params={"limit": 500}).json()
    assert events["total"] > 0
    view = ui.open("#/events")
    marks = view.locator("svg.timeline-chart .mark")
    assert marks.count() > 0
    colours = set(view.locator("svg.timeline-chart .mark circle, svg.timeline-chart .mark rect").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('fill'))"))
    assert len(colours) >= 2, "marks are not coloured by quad class"
    undated = [e for e in events["items"] if not e["date"]]
    assert view.locator(".undated-event").count() == len(undated)
    marks.first.click()
    assert view.locator(".timeline-detail article.event").count() == 1
    assert view.locator(".event-list article.event").count() == min(20, events["total"])
    ui.shot("events", full=True)

    link = view.locator(".event-list a.evidence-link").first
    href, sentence = link.get_attribute("href"), link.text_content()
    link.click()
    ui.view("document")
    assert check_document_highlight(ui, http, href) == sentence

    ui.open("#/events")
    form = ui.page.locator("form.filters")
    form.locator('select[name="type"]').select_option("CONSULT")
    form.locator('input[name="actor"]').fill("Russia")
    form.locator('button[type="submit"]').click()
    view = ui.view("events")
    wanted = http.get("events", params={"type": "CONSULT", "actor": "Russia"}).json()
    cards = view.locator(".event-list article.event")
    assert cards.count() == wanted["total"] > 0
    assert set(cards.locator(".event-head .badge.q1").all_text_contents()) == {"CONSULT"}


def test_network_and_relation(ui, http):
    net = http.get("network").json()
    assert net["nodes"] and net["edges"]
    view = ui.open("#/network")
    graph = view.locator("svg.network")
    assert graph.locator(".actor").count() == len(net["nodes"])
    assert graph.locator(".edge").count() == len(net["edges"])
    labels = graph.text_content()
    for node in net["nodes"]:
        assert node["name"] in labels
    strokes = set(graph.locator(".edge path.line").evaluate_all("ps => ps.map(p => p.getAttribute('stroke'))"))
    assert len(strokes) >= 2, "edges are not coloured by cooperation and conflict"
    ui.shot("network")

    busiest = net["edges"][0]
    names = {n["id"]: n["name"] for n in net["nodes"]}
    graph.locator(f'.edge[data-source="{busiest["source"]}"][data-target="{busiest["target"]}"] .edge-handle').click()
    view = ui.view("relations")
    a, b = names[busiest["source"]], names[busiest["target"]]
    assert view.locator('input[name="a"]').input_value() == a
    assert view.locator('input[name="b"]').input_value() == b
    relation = http.get("relations", params={"a": a, "b": b}).json()
    chart = view.locator("svg.relation-chart")
    assert chart.count() == 1
    assert chart.locator(".bar").count() == sum(bool(p["cooperation"]) + bool(p["conflict"]) for p in relation["series"]) > 0
    cards = view.locator(".event-list article.event")
    assert cards.count() == len(relation["events"]) > 0
    ui.shot("relations", full=True)

    link = cards.first.locator("a.evidence-link").first
    href, sentence = link.get_attribute("href"), link.text_content()
    link.click()
    ui.view("document")
    assert check_document_highlight(ui, http, href) == sentence


def test_search_hits_open_the_document(ui, http):
    found = http.get("search", params={"q": "Taliban"}).json()
    assert found["total"] > 0
    ui.open("#/stories")
    ui.page.locator("#topsearch input").fill("Taliban")
    ui.page.locator("#topsearch input").press("Enter")
    view = ui.view("search")
    hits = view.locator("article.hit")
    assert hits.count() == min(20, found["total"])
    marked = view.locator("article.hit mark").all_text_contents()
    assert marked and {m.lower() for m in marked} == {"taliban"}
    ui.shot("search")

    link = hits.first.locator("a.hit-link")
    href = link.get_attribute("href")
    assert hl_of(href)[1:] == tuple(found["items"][0]["spans"][0])
    link.click()
    ui.view("document")
    assert check_document_highlight(ui, http, href).lower() == "taliban"

    quotes = http.get("search", params={"q": "Taliban", "scope": "quotes"}).json()
    view = ui.open("#/search?q=Taliban&scope=quotes")
    assert view.locator("article.hit").count() == min(20, quotes["total"]) > 0
    href = view.locator("article.hit a.hit-link").first.get_attribute("href")
    view.locator("article.hit a.hit-link").first.click()
    ui.view("document")
    assert check_document_highlight(ui, http, href).lower() == "taliban"


def test_errors_are_one_line_messages(ui):
    ui.allowed_console.append("Failed to load resource")  # the 400 and 404 responses below
    view = ui.open("#/events?type=FOO", errors_ok=True)
    error = view.locator(".error")
    assert error.count() == 1 and "E020" in error.inner_text() and "FOO" in error.inner_text()
    assert view.locator("form.filters").count() == 1, "the page around the error is gone"
    view = ui.open("#/document/no-such-document", errors_ok=True)
    assert "E404" in view.locator(".error").inner_text()
    view = ui.open("#/nowhere", errors_ok=True)
    assert "no such page" in view.locator(".error").inner_text()
    view = ui.open("#/documents?date_from=2021-13", errors_ok=True)
    assert "E019" in view.locator(".error").inner_text()


def test_documents_list(ui, http):
    documents = http.get("documents").json()
    view = ui.open("#/documents")
    assert view.locator("a.doc-link").count() == documents["total"] > 0
    view = ui.open("#/documents?q=grain")
    assert view.locator("a.doc-link").count() == http.get("documents", params={"q": "grain"}).json()["total"] > 0


def test_offsets_count_code_points(ui):
    """Offsets are Python string indices: past an emoji they differ from JavaScript's UTF-16 indices."""
    ui.open("#/stories")
    text = "Tor \U0001F600 said \u201cno \U0001F44D deal\u201d today."
    start = text.index("no")
    end = text.index("\u201d", start)
    shown = ui.page.evaluate("""([text, start, end]) => {
        const { box } = window.newsgraph.markedText(text, [{ kind: 'hl', start, end }, { kind: 'removed', start: 0, end: 3, reason: 'x' }]);
        return [box.textContent, [...box.querySelectorAll('.hl')].map(n => n.textContent).join(''),
                [...box.querySelectorAll('.rm')].map(n => n.textContent).join('')];
    }""", [text, start, end])
    assert shown == [text, text[start:end], text[0:3]]


# ---------------------------------------------------------------- the self-contained report

@pytest.fixture(scope="module")
def report(ui_db, tmp_path_factory) -> Path:
    module = pytest.importorskip("newsgraph.serve.report", reason="newsgraph.serve.report is not written yet")
    out = tmp_path_factory.mktemp("report") / "report.html"
    module.write_report(ui_db, out)
    return out


@pytest.fixture
def offline(browser, report):
    """A page with the network off on the report's file:// URL; fails if it asks anything not file: or data:."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    page = context.new_page()
    watcher = UI(page, report.as_uri())
    yield watcher
    context.close()
    foreign = [u for u in watcher.requests if urlparse(u).scheme not in ("file", "data")]
    assert not foreign, f"the report made requests: {foreign}"
    assert not watcher.console, f"console errors: {watcher.console}"


def test_report_works_offline(offline, http):
    ui = offline
    view = ui.open("#/stories")
    assert re.match(r"Report generated \d{4}-\d{2}-\d{2} .* from ui\.db", ui.page.locator("#banner").inner_text())
    assert view.locator("table.stories tbody tr").count() == http.get("stories").json()["total"]
    ui.shot("report")

    story = http.get("stories").json()["items"][0]
    detail = http.get(f"stories/{story['id']}").json()
    view = ui.open(f"#/story/{story['id']}")
    assert view.locator("svg.provenance .node").count() == len(detail["members"])
    assert view.locator("svg.provenance .copy").count() == len(detail["copies"])

    view = ui.open("#/people?name=Kabulov")
    view.locator("a.person-link").first.click()
    view = ui.view("person")
    assert view.locator("article.quote").count() > 0
    link = view.locator("a.quote-link").first
    href = link.get_attribute("href")
    link.click()
    ui.view("document")
    check_document_highlight(ui, http, href)

    view = ui.open("#/events")
    assert view.locator("svg.timeline-chart .mark").count() > 0
    assert view.locator(".event-list a.evidence-link").count() > 0

    view = ui.open("#/network")
    assert view.locator("svg.network .edge").count() == len(http.get("network").json()["edges"])
    view.locator("svg.network .edge .edge-handle").first.click()
    view = ui.view("relations")
    assert view.locator("svg.relation-chart .bar").count() > 0
    assert view.locator(".event-list article.event").count() > 0

    view = ui.open("#/search?q=Taliban")
    hits = view.locator("article.hit")
    assert hits.count() == http.get("search", params={"q": "Taliban"}).json()["total"]
    href = hits.first.locator("a.hit-link").get_attribute("href")
    hits.first.locator("a.hit-link").click()
    ui.view("document")
    assert check_document_highlight(ui, http, href).lower() == "taliban"


# What the report answers from its snapshot must be what the server answers (same items, same totals).
SAME = [
    ("documents", {"q": "grain"}), ("documents", {"publisher": "RFE/RL"}), ("documents", {"date_from": "2025-03-12"}),
    ("people", {"name": "kabul"}), ("people", {"country": "rus"}),
    ("quotes", {"speaker": "Kabulov"}), ("quotes", {"kind": "direct", "limit": 500}), ("quotes", {"q": "Taliban"}),
    ("events", {"actor": "Russia"}), ("events", {"actor": "RUS:GOV"}), ("events", {"recipient": "AFG"}),
    ("events", {"type": "CONSULT,AGREE"}), ("events", {"date_from": "2021"}),
    ("network", {}), ("network", {"type": "CONSULT"}),
    ("relations", {"a": "Russia", "b": "Taliban"}), ("relations", {"a": "Russia", "b": "Taliban", "by": "week"}),
    ("relations", {"a": "Kenya", "b": "Tanzania"}),
    ("search", {"q": "Taliban"}), ("search", {"q": "Taliban", "scope": "quotes"}), ("search", {"q": "grain corridor"}),
    ("copies", {}), ("statements", {"limit": 500}),
]


def _ids(items: list[dict]) -> list:
    return sorted(str(i.get("id", (i.get("document_id"), i.get("kind"), i.get("snippet") if i.get("kind") == "quote" else None)))
                  for i in items)


def test_report_answers_as_the_server(offline, http):
    offline.open("#/stories")
    for path, params in SAME:
        server = http.get(path, params=params).json()
        mine = offline.page.evaluate("([p, q]) => window.newsgraph.api(p, q)", [path, params])
        where = f"{path} {params}"
        if "items" in server:
            assert mine["total"] == server["total"], where
            assert _ids(mine["items"]) == _ids(server["items"]), where
        elif path == "network":
            assert mine["edges"] == server["edges"], where
            assert sorted(mine["nodes"], key=lambda n: n["id"]) == sorted(server["nodes"], key=lambda n: n["id"]), where
        else:
            assert [e["id"] for e in mine["events"]] == [e["id"] for e in server["events"]], where
            assert [e["direction"] for e in mine["events"]] == [e["direction"] for e in server["events"]], where
            assert mine["series"] == server["series"], where
            assert (mine["unplaced"], mine["left_out"]) == (server["unplaced"], server["left_out"]), where
    for doc in http.get("documents", params={"limit": 500}).json()["items"]:  # documents whole, quotations in order
        server = http.get(f"documents/{doc['id']}").json()
        mine = offline.page.evaluate("(p) => window.newsgraph.api(p, {})", f"documents/{doc['id']}")
        assert [q["id"] for q in mine["quotations"]] == [q["id"] for q in server["quotations"]], doc["source"]
        assert mine["text"] == server["text"] and mine["removed"] == server["removed"]
    mistake = offline.page.evaluate("() => window.newsgraph.api('events', {type: 'FOO'}).catch(e => e.code)")
    assert mistake == "E020"
