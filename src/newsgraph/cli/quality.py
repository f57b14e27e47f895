"""``newsgraph benchmark quotes``: quotation and attribution quality against brat gold."""
from __future__ import annotations

import json

import click

from .options import _settings


@click.command("quotes")
@click.argument("text_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("ann_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures and error counts as one JSON object.")
@click.option("--examples", type=click.IntRange(min=0), default=0, show_default=True,
              help="Show this many examples of each error class (text of the articles scored).")
@click.option("--workers", type=click.IntRange(min=0), default=None, help="Processes; 0 = one per core.")
@click.pass_context
def benchmark_quotes(ctx, text_dir, ann_dir, as_json, examples, workers):
    """Score quotations against brat attribution gold (TEXT_DIR/NAME.txt, ANN_DIR/NAME_ANNOTATOR.ann).

    \b
    The scoring of PolNeAR (its README): a prediction is right when half its characters lie in some
    annotator's content, a gold content found when one prediction covers half of it; direct = gold
    holding a double quotation mark; named-speaker accuracy over found direct quotations whose gold
    source is a name. Example, on the dev split beside the repository:
      newsgraph benchmark quotes ../shared/data/polnear/dev/text ../shared/data/polnear/dev/attributions
    """
    from ..benchmark.attribution import evaluate

    conf = _settings(ctx, workers=workers)
    scores = evaluate(text_dir, ann_dir, conf)
    figures = scores.figures()
    if as_json:
        click.echo(json.dumps({**figures, "errors": dict(scores.errors.most_common()),
                               "failed": [list(x) for x in scores.failed]}))
        return
    for name, why in scores.failed:
        click.echo(f"warning: {name} not scored in full: {why}", err=True)
    click.echo(
        f"gold: {figures['gold_all']} attributions, {figures['gold_direct']} direct; {figures['predicted']} predicted\n"
        f"direct quotations  recall {figures['direct_recall']:.3f}  precision {figures['direct_precision']:.3f}"
        f"  F1 {figures['direct_f1']:.3f}\n"
        f"named speakers     accuracy {figures['named_speaker_accuracy']:.3f} "
        f"(of {figures['named_direct']} found direct quotations with a named source)\n"
        f"all attributions   recall {figures['all_recall']:.3f}  precision {figures['all_precision']:.3f}\n"
        + (f"articles not scored in full: {len(scores.failed)} (named above; their gold counts as missed)\n"
           if scores.failed else "")
        + "errors by class:")
    for kind, n in scores.errors.most_common():
        click.echo(f"  {n:6d}  {kind}")
        for name, text in scores.examples[kind][:examples]:
            click.echo(f"          {name}: {text}")


@click.command("stories")
@click.argument("text_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--show", is_flag=True, help="List the stories found of more than one article, with their gold groups.")
@click.option("--workers", type=click.IntRange(min=0), default=None, help="Processes; 0 = one per core.")
@click.pass_context
def benchmark_stories(ctx, text_dir, gold, as_json, show, workers):
    """Score stories against a hand grouping of articles into news events (GOLD: one JSON object a
    line, {"articles": [file stems of TEXT_DIR]}).

    \b
    Articles named publisher_YYYY-MM-DD_slug.txt are ingested, in publication order, into a fresh
    database in a temporary directory, with the publisher and date their names give. Example:
      newsgraph benchmark stories ../shared/data/polnear/dev/text tests/data/polnear_dev_stories.jsonl
    """
    from ..benchmark.stories import evaluate

    conf = _settings(ctx, workers=workers)
    scores = evaluate(text_dir, gold, conf)
    figures = scores.figures()
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(
        f"{figures['articles']} articles: {figures['gold_stories']} gold stories, {figures['stories']} found "
        f"(largest {figures['largest']})\n"
        f"pairwise  precision {figures['pairwise_precision']:.3f}  recall {figures['pairwise_recall']:.3f}"
        f"  F1 {figures['pairwise_f1']:.3f}\n"
        f"B-cubed   precision {figures['bcubed_precision']:.3f}  recall {figures['bcubed_recall']:.3f}"
        f"  F1 {figures['bcubed_f1']:.3f}\n"
        f"longest story span {figures['longest_span_days']} days "
        f"(with a gap over 14 days: {figures['longest_span_with_gap_over_14_days']})")
    if show:
        for story, names in scores.groups():
            click.echo(f"{len(names):4d}  {scores.labels.get(story, '')}")
            for name in names:
                click.echo(f"        gold {scores.gold[name]:3d}  {name}")


@click.command("events")
@click.argument("text_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--reports", is_flag=True, help="List every article's reports (trigger, type, actors, confidence).")
@click.option("--missed", is_flag=True, help="List the gold events no report found.")
@click.option("--articles", type=click.Path(exists=True, dir_okay=False),
              help="A file of article names (one a line) to run, articles without gold events included; "
                   "default: the articles the gold names.")
@click.option("--workers", type=click.IntRange(min=0), default=None, help="Processes; 0 = one per core.")
@click.pass_context
def benchmark_events(ctx, text_dir, gold, as_json, reports, missed, articles, workers):
    """Score event reports against a sentence-level event gold (GOLD.jsonl, offsets into TEXT_DIR/NAME.txt).

    \b
    A gold event is found when a report's trigger lies in its sentence, the report's type is among
    its allowed types and an actor shares a name word with the gold actor. Recall is given over
    every candidate and over the confident reports the default outputs show. Example:
      newsgraph benchmark events ../shared/data/polnear/dev/text tests/data/polnear_dev_events.jsonl \\
        --articles tests/data/polnear_dev_events_articles.txt
    """
    from ..benchmark.events import evaluate

    conf = _settings(ctx, workers=workers)
    names = None
    if articles:
        with open(articles, encoding="utf-8") as f:
            names = [line.strip() for line in f if line.strip()]
    scores = evaluate(text_dir, gold, conf, names)
    figures = scores.figures()
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(
        f"gold: {figures['gold']} events in {len(scores.per_article)} articles; reports: {figures['reports']}"
        f" ({figures['confident_reports']} confident)\n"
        f"recall, every candidate   {figures['recall_all']:.3f} ({figures['found_all']})\n"
        f"recall, confident reports {figures['recall_confident']:.3f} ({figures['found_confident']})\n"
        "recall by gold type:")
    for kind, n in scores.by_type.most_common():
        click.echo(f"  {kind:10s} {scores.found_by_type[kind]:4d}/{n}")
    if reports:
        for article, rows in scores.per_article.items():
            click.echo(f"\n{article}: {len(rows)} reports")
            for r in rows:
                mark = "+" if r.confident else "-"
                flags = f" [{','.join(r.flags)}]" if r.flags else ""
                click.echo(f"  {mark} {r.confidence:.2f} {r.trigger[0]:6d} {r.type:9s} {r.text!r} "
                           f"{'; '.join(r.actors)} -> {'; '.join(r.recipients) or '-'}{flags}")
    if missed:
        click.echo("\nmissed:")
        for article, g in scores.missed:
            rec = (g.get("recipient") or {}).get("name") or "-"
            click.echo(f"  {article} {g['trigger'][0]:6d} {'/'.join(g['types'])} {g['actor']['name']} -> {rec}")
