"""The demo's view: who said what, person by person, each quotation with where it stands;
then who did what to whom, each event with the sentence it was coded from."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from .. import query
from ..store.sqlite import Store
from .output import QuietConsole, counted


def _headline(person: dict) -> list[Text]:
    """The parts of a person's panel title: name, roles and country, counts."""
    parts = [Text(person["name"], style="bold cyan")]
    details = []
    if person["roles"]:
        details.append("; ".join(person["roles"][:2]))
    if person["country"]:
        details.append(person["country"])
    if details:
        parts.append(Text("  " + " · ".join(details), style="dim"))
    parts.append(Text(f"  ({counted(person['quote_count'], 'quotation')}, "
                      f"{counted(len(person['sources']), 'source')})", style="dim"))
    return parts


def _panel(parts: list[Text], body: Text, width: int) -> Panel:
    """A box titled with as many of ``parts`` as fit whole in its top border (which would cut
    a longer title mid-word); the parts left over open the body, where lines wrap."""
    title, fitted = Text(), 0
    for part in parts:
        if cell_len(title.plain + part.plain) > width - 6:  # "╭─ " title " ─╮"
            break
        title.append_text(part)
        fitted += 1
    if fitted < len(parts):
        lead = Text()
        for part in parts[fitted:]:
            lead.append_text(part)
        cut = len(lead.plain) - len(lead.plain.lstrip())  # the spaces that separated it from the title
        body = Text.assemble(lead[cut:], "\n", body)
    return Panel(body, title=title if fitted else None, title_align="left", expand=True)


def _indented(console: Console, markup: str, indent: int = 2) -> None:
    """Print a line that, wrapped at the console's width, keeps its indent on every line."""
    for line in Text.from_markup(markup).wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line)


def print_story(store: Store, console: Console | None = None, per_person: int = 4) -> None:
    """Documents first (what was read, what was cut), then each speaker's quotations."""
    console = console or QuietConsole()
    docs = list(query.documents(store))
    console.print(f"\n[bold]{counted(len(docs), 'document')}[/]")
    for d in docs:
        meta = " · ".join(x for x in (d["publisher"], d["published"] or _window(d), d["author"]) if x)
        flags = f" [red]{escape(', '.join(d['flags']))}[/]" if d["flags"] else ""
        _indented(console, f"[bold]{escape(Path(d['source']).name)}[/]: "
                           f"[italic]{escape(d['title'] or '(no title)')}[/]")
        _indented(console, f"[dim]{escape(meta) + ' · ' if meta else ''}"
                           f"{counted(len(d['removed']), 'noise range')} removed[/]{flags}", 4)
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for q in query.quotes(store):
        by_speaker[q["speaker"] or ""].append(q)
    console.print("\n[bold]Who said what[/]")
    for person in query.people(store):
        said = by_speaker.get(person["name"], [])
        if not said:
            continue
        body = Text()
        for q in said[:per_person]:
            body.append(f"“{_short(q['text'])}”", style="italic")
            body.append(f"\n   {q['kind']}, {q['cue'] or 'no cue'} — {Path(q['source']).name} "
                        f"[{q['start']}:{q['end']}]\n", style="dim")
        if len(said) > per_person:
            body.append(f"… and {len(said) - per_person} more (newsgraph quotes --speaker "
                        f"\"{person['name']}\")", style="dim")
        body.rstrip()
        console.print(_panel(_headline(person), body, console.width))
    unattributed = by_speaker.get("", [])
    if unattributed:
        console.print(f"[dim]{counted(len(unattributed), 'quotation')} with no identified speaker[/]")


def _side(actors: list[dict]) -> str:
    return ", ".join(a["name"] + (f" ({a['country']}{':' + a['sector'] if a['sector'] else ''})"
                                  if a["country"] else "") for a in actors) or "—"


def print_events(store: Store, console: Console | None = None, limit: int = 8) -> None:
    """The events with the most reports: PLOVER type, dyad, date and the evidence sentence."""
    console = console or QuietConsole()
    found = sorted(query.events(store), key=lambda e: (-e["reports"], e["date"] or "9999"))
    if not found:
        return
    console.print(f"\n[bold]Who did what to whom[/] [dim]({counted(len(found), 'event')}, PLOVER)[/]")
    for event in found[:limit]:
        flags = [f for f in ("negated", "future", "hypothetical", "historical") if event[f]]
        head = Text(f"{event['date'] or 'undated'}  ", style="dim")
        head.append(_side(event["actor"]), style="bold cyan")
        head.append(f"  {event['type']}{':' + event['mode'] if event['mode'] else ''}"
                    f"{' (' + ', '.join(flags) + ')' if flags else ''}  ", style="bold")
        head.append(_side(event["recipient"]), style="bold cyan")
        counts = Text(f"  score {event['score']:+g} · {counted(event['reports'], 'report')}, "
                      f"{counted(event['publishers'], 'publisher')}", style="dim")
        x = event["evidence"][0]
        body = Text(f"{_short(x['text'])}", style="italic")
        body.append(f"\n   {Path(x['source']).name} [{x['start']}:{x['end']}], trigger "
                    f"“{x['trigger']}” [{x['trigger_start']}:{x['trigger_end']}]", style="dim")
        console.print(_panel([head, counts], body, console.width))
    if len(found) > limit:
        console.print(f"[dim]… and {len(found) - limit} more (newsgraph events)[/]")


def _window(doc: dict) -> str:
    if doc["published_from"] or doc["published_to"]:
        return f"published {doc['published_from'] or '?'} to {doc['published_to'] or '?'}"
    return ""


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def print_copies(store: Store, console: Console | None = None) -> None:
    """Which reports are copies of which, and the stories the documents fall into."""
    console = console or QuietConsole()
    pairs = list(query.copies(store))
    if pairs:
        console.print(f"\n[bold]Which reports are copies[/] [dim]({counted(len(pairs), 'pair')})[/]")
        for c in pairs:
            _indented(console, f"[bold]{escape(Path(c['source']).name)}[/] is a [cyan]{c['kind']}[/] copy of "
                               f"[bold]{escape(Path(c['original']).name)}[/] [dim](similarity "
                               f"{c['similarity']:.2f}, original by {c['direction']})[/]")
    stories = list(query.stories(store))
    if stories:
        console.print(f"\n[bold]Stories[/] [dim]({len(stories)})[/]")
        for story in stories:
            _indented(console, f"[bold]{escape(story['title'] or story['label'])}[/] [dim]— "
                               f"{escape(story['label'])}; {counted(story['documents'], 'document')}, "
                               f"{story.get('independent', story['documents'])} independent; "
                               f"{story['first'] or '?'} to {story['last'] or '?'}[/]")
