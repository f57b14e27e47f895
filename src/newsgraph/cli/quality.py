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
        click.echo(json.dumps({**figures, "errors": dict(scores.errors.most_common())}))
        return
    click.echo(
        f"gold: {figures['gold_all']} attributions, {figures['gold_direct']} direct; {figures['predicted']} predicted\n"
        f"direct quotations  recall {figures['direct_recall']:.3f}  precision {figures['direct_precision']:.3f}"
        f"  F1 {figures['direct_f1']:.3f}\n"
        f"named speakers     accuracy {figures['named_speaker_accuracy']:.3f} "
        f"(of {figures['named_direct']} found direct quotations with a named source)\n"
        f"all attributions   recall {figures['all_recall']:.3f}  precision {figures['all_precision']:.3f}\n"
        "errors by class:")
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
