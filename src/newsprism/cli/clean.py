"""``newsprism clean``: clean scraped text, say what was removed and repaired."""

from __future__ import annotations

from typing import TextIO

import click

from ..model import to_dict
from ._common import echo_json, settings_from
from ._values import MAIN_LANGUAGE


@click.command()
@click.argument("source", required=False, default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object: clean text, removals, repairs, paragraphs with languages, metadata.")
@click.option("--explain", is_flag=True,
              help="Print each removed line with its kind and reason, and each repair, instead of the text.")
@click.option("--kind", "content_kind", type=click.Choice(["text", "html"]), default="text", show_default=True,
              help="'text' for whole-page scraped text; 'html' for an HTML extractor's output (only sure cues remove lines).")
@click.option("--language", type=MAIN_LANGUAGE, default=None, metavar="CODE",
              help="Language of the story, e.g. en, de, uk (default: the main_language setting); other-language "
                   "paragraphs are flagged.")
@click.option("--no-repair", is_flag=True, help="Do not split glued words.")
@click.pass_context
def clean(ctx: click.Context, source: TextIO, as_json: bool, explain: bool, content_kind: str,
          language: str | None, no_repair: bool) -> None:
    """Clean already-scraped plain text from FILE (or stdin, '-').

    Page furniture (comment forms, share and subscribe lines, captions and
    credits, related links, tags, cookie notices, adverts, navigation, author
    bios, copyright lines) is removed line by line; glued words are repaired.

    Example: newsprism clean --explain article.txt
    """
    from ..clean import clean_text

    settings = settings_from(ctx)
    result = clean_text(source.read(), content_kind=content_kind, main_language=language or settings.main_language,
                        repair_glued=not no_repair)
    if as_json:
        echo_json(to_dict(result))
    elif explain:
        for removal in result.removals:
            click.echo(f"- {removal.kind:<13} {removal.text}")
            click.echo(f"  {'':<13} why: {removal.reason}")
        for repair in result.repairs:
            click.echo(f"~ {repair.kind:<13} {repair.before} -> {repair.after}   ({repair.reason})")
        click.echo(f"{len(result.removals)} lines removed, {len(result.repairs)} repairs", err=True)
    else:
        click.echo(result.text)
