"""``newsprism extract``: one document in, a processed article out."""

from __future__ import annotations

import dataclasses
import sys

import click

from ..codes import Code
from ..config import Settings
from ..errors import InputError
from ..model import RawDocument, article_to_json
from ..pipeline import Pipeline
from ._common import echo_json, settings_from
from ._render import render_article
from ._values import DATE


def read_one(spec: str, *, settings: Settings) -> RawDocument:
    """Read exactly one document from a file, URL or ``-``."""
    from ..sources import iter_documents

    stdin = sys.stdin.buffer if spec == "-" else None
    for item in iter_documents([spec], settings=settings, stdin=stdin):
        if isinstance(item, RawDocument):
            return item
        raise InputError(f"{item.source}: {item.message}", code=item.code)
    raise InputError(f"no document found in {spec}", code=Code.NO_DOCUMENT)


@click.command()
@click.argument("source", default="-", metavar="[FILE|URL|-]")
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form (one line).")
@click.option("--indent", type=int, default=None, help="Indent the JSON output by this many spaces.")
@click.option("--text-only", is_flag=True, help="Print only the clean text.")
@click.option("--published", type=DATE, default=None, metavar="DATE",
              help="Publication date (ISO 8601: 2022-11-09, or with a time), used to resolve relative dates like "
                   "'on Wednesday'.")
@click.option("--url", default=None, help="The document's URL, if the input does not carry it.")
@click.option("--allow-private", is_flag=True, help="Allow fetching private and loopback addresses (link-local ones, "
                                                    "such as cloud metadata, only when named in the setting "
                                                    "allow_addresses).")
@click.pass_context
def extract(ctx: click.Context, source: str, as_json: bool, indent: int | None, text_only: bool,
            published: str | None, url: str | None, allow_private: bool) -> None:
    """Clean one document (HTML or text, detected) and extract its facts.

    SOURCE is a file, an http(s) URL, or - for standard input (the default).
    """
    settings = settings_from(ctx)
    if allow_private:  # as 'ingest --allow-private', which the refusal's hint names (#15)
        settings = settings.replace(allow_private=True)
    raw = read_one(source, settings=settings)
    if published:
        raw = dataclasses.replace(raw, published=published)
    if url:
        raw = dataclasses.replace(raw, url=url)
    if text_only:  # the text needs reading and cleaning only: loading the NLP model cost 4-5 s a page (#12)
        settings = settings.replace(stages=tuple(name for name in settings.stages if name.startswith("clean.")))
    pipeline = Pipeline(settings)
    article = next(iter(pipeline.run([raw])))
    if as_json or indent:
        echo_json(article_to_json(article), indent=indent)
    elif text_only:
        click.echo(article.text)
    else:
        click.echo(render_article(article))
