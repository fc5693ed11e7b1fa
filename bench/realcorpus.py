"""Ingest every news document of the shared data, in every language, and report what the corpus layer shows.

Usage (from the project root)::

    python bench/realcorpus.py                        # everything: several minutes on 2 cores
    python bench/realcorpus.py --limit 20 --sample 5  # a quick run: 20 files or records per input set
    python bench/realcorpus.py --work /tmp/rc --json  # keep the corpus; the numbers as JSON
    python bench/realcorpus.py --work /tmp/rc --report-only  # read an existing corpus again (after a relink)

The data (evaluation only, never copied into the project) is read from
``../shared/data`` beside the project root; override the folder holding
``data/`` with NEWSPRISM_SHARED, or the data folder itself with ``--data``.

1. Inputs (``bench/_realcorpus_inputs.py``), in a work folder (a temporary
   one unless ``--work``): the HTML pages of ``extraction-dev`` and
   ``extraction-dev2`` and every WARC file (some truncated on purpose) as they
   are; Wikinews (CC BY 2.5, credit Wikinews contributors), the distinct texts
   of SemEval-2022 Task 8's non-augmented pairs with their language, PolNeAR
   train and dev with the dates and titles of its ``metadata.tsv``,
   GeoWebNews, TimeBank (the DCT as publication date), ECB+ topics 1-25 (text
   rebuilt from tokens) and the Kherson example as JSON Lines.
2. ``newsprism.ingest.ingest`` into ``<work>/corpus.db`` with ``--workers``
   processes, then ``newsprism.link.run.link_corpus``, as ``newsprism ingest``
   does; both timed. With ``--work`` a second run skips what is already in
   the corpus and links again.
3. The report (``bench/_realcorpus_report.py``): documents per input set and
   language and failures by code; duplicate groups, stories, corpus entities
   and claim groups; the three chaining checks of ``newsprism.link.audit`` with
   every conflict; ``--sample`` claim groups drawn at random (``--seed``) with
   the sentence behind each figure, for a person to judge; the largest
   entities and stories. Markdown on stdout, ``--json`` for the numbers;
   progress on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprism.progress import IngestProgress

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _realcorpus_report as rr  # noqa: E402 - the bench folder is not a package
from _realcorpus_inputs import SETS, InputSet, build_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PROGRESS_EVERY = 30.0  # seconds between progress lines


def data_dir(option: Path | None) -> Path:
    """``--data``, else ``$NEWSPRISM_SHARED/data``, else ``../shared/data`` beside the project; exits if absent."""
    folder = option or Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "data"
    if not folder.is_dir():
        sys.exit(f"shared data not found at {folder}: set NEWSPRISM_SHARED (the folder holding data/) or pass --data")
    return folder


class _Progress:
    """Documents finished, printed to stderr every ``PROGRESS_EVERY`` seconds."""

    def __init__(self, expected: int) -> None:
        self.done, self.expected = 0, expected
        self.started = self.last = time.perf_counter()

    def __call__(self, step: IngestProgress) -> None:
        self.done = step.documents
        now = time.perf_counter()
        if now - self.last >= PROGRESS_EVERY:
            self.last = now
            rate = self.done / (now - self.started)
            print(f"ingest: {self.done} documents ({self.expected}+ expected), {now - self.started:.0f} s, "
                  f"{rate:.1f}/s", file=sys.stderr, flush=True)


def ingest_and_link(inputs: list[InputSet], db: Path, *, workers: int) -> dict[str, Any]:
    """Ingest the input folders into ``db``, link the corpus; the summaries and timings."""
    from newsprism import load_settings
    from newsprism.ingest import ingest
    from newsprism.link.run import link_corpus
    from newsprism.store import open_store

    settings = load_settings()
    expected = sum(i.records if i.records is not None else i.files for i in inputs if not i.missing)
    store = open_store(db, settings=settings)
    try:
        t0 = time.perf_counter()
        summary = ingest([str(i.folder) for i in inputs if not i.missing], store=store, settings=settings,
                         workers=workers, progress=_Progress(expected), link=False)  # linked below, timed apart
        t1 = time.perf_counter()
        print(f"ingest: read {summary.read}, new {summary.new}, duplicate {summary.duplicate}, "
              f"skipped {summary.skipped}, failed {summary.failed} in {t1 - t0:.0f} s; linking",
              file=sys.stderr, flush=True)
        linked = link_corpus(store, settings=settings)
        t2 = time.perf_counter()
    finally:
        store.close()
    ingest_data = summary.as_dict()
    ingest_data.pop("failures")  # the report reads every failure from the store
    return {"ingest": ingest_data, "link": linked.as_dict(), "seconds": {"ingest": t1 - t0, "link": t2 - t1}}


def report(db: Path, inputs: list[InputSet], *, sample: int, seed: int) -> dict[str, Any]:
    """Read the corpus back: documents, link summary, audits, the sample of claim groups."""
    from newsprism.store import open_store

    names = [i.name for i in inputs]
    store = open_store(db)
    try:
        articles = {a.id: rr.slim(a) for a in store.iter_articles()}
        print(f"report: {len(articles)} articles read back", file=sys.stderr, flush=True)
        documents = rr.documents(store, articles, inputs)
        links, claim_groups, labels = rr.link_summary(store, articles, names)
        drawn = rr.sample_claim_groups(store, claim_groups, labels, names, n=sample, seed=seed)
    finally:
        store.close()
    return {"documents": documents, "links": links, "sample": drawn}


def _given(item: InputSet) -> str:
    if item.missing:
        return f"missing ({item.missing})"
    return f"{item.records} records" if item.records is not None else f"{item.files} files"


def print_report(summary: dict[str, Any]) -> None:
    """The markdown report."""
    s, run = summary["seconds"], summary["run"]
    print(f"# Real corpus: every news document of the shared data\n\nCommand: `{summary['command']}` "
          f"({summary['date']}).\n")
    print(f"Time: inputs {s['inputs']:.0f} s, ingest {s['ingest']:.0f} s ({run['ingest']['read']} documents read, "
          f"{run['ingest']['new']} new articles, {run['ingest']['duplicate']} duplicates, {run['ingest']['skipped']} "
          f"already ingested, {run['ingest']['failed']} failed; workers {summary['workers']}), link {s['link']:.0f} s, "
          f"report {s['report']:.0f} s, whole run {s['total']:.0f} s.")
    rr.print_documents(summary)
    rr.print_links(summary)


def existing_inputs(work: Path) -> list[InputSet]:
    """The input sets an earlier run wrote under ``work/inputs`` (counted, not written again)."""
    found = []
    for name, _relative, kind in SETS:
        folder = work / "inputs" / name
        if not folder.is_dir():
            found.append(InputSet(name, folder, 0, None, missing=f"{folder} not found"))
        elif kind == "jsonl":
            lines = sum(1 for p in folder.glob("*.jsonl") for line in p.open("rb") if line.strip())
            found.append(InputSet(name, folder, 1, lines))
        else:
            found.append(InputSet(name, folder, sum(1 for _ in folder.iterdir()), None))
    return found


def _report_only(args: argparse.Namespace) -> int:
    """The report on the corpus an earlier run left in ``--work``."""
    if args.work is None or not (args.work / "corpus.db").exists():
        sys.exit("--report-only reads <work>/corpus.db: pass the --work folder of an earlier run")
    started = time.perf_counter()
    inputs = existing_inputs(args.work)
    drawn = report(args.work / "corpus.db", inputs, sample=args.sample, seed=args.seed)
    if args.json:
        print(json.dumps({"sets": [{"name": i.name, "given": _given(i)} for i in inputs], **drawn}, indent=2,
                         ensure_ascii=False))
    else:
        print(f"# Real corpus, read again\n\nCorpus: `{args.work / 'corpus.db'}`; report "
              f"{time.perf_counter() - started:.0f} s.")
        rr.print_documents({"sets": [{"name": i.name, "given": _given(i)} for i in inputs], **drawn})
        rr.print_links(drawn)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (holding wikinews/, warc/ ...)")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the inputs and corpus.db here (default: a temporary folder, removed)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N files or records per input set")
    parser.add_argument("--workers", type=int, default=2, help="ingest worker processes (default 2)")
    parser.add_argument("--sample", type=int, default=30, metavar="N", help="claim groups drawn for a reader (default 30)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the draw (default 1)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON instead of markdown")
    parser.add_argument("--report-only", action="store_true",
                        help="read the corpus of --work as it is (no inputs written, no ingest, no link): to read "
                             "it again after 'newsprism link'")
    args = parser.parse_args(argv)
    if args.report_only:
        return _report_only(args)
    data = data_dir(args.data)
    with tempfile.TemporaryDirectory(prefix="newsprism-realcorpus-") as temporary:
        work = args.work or Path(temporary)
        started = time.perf_counter()
        inputs = build_inputs(data, work, limit=args.limit)
        built = time.perf_counter()
        run = ingest_and_link(inputs, work / "corpus.db", workers=args.workers)
        t0 = time.perf_counter()
        summary: dict[str, Any] = {
            "command": shlex.join(["python", "bench/realcorpus.py", *(argv if argv is not None else sys.argv[1:])]),
            "date": dt.date.today().isoformat(), "workers": args.workers, "run": run,
            "sets": [{"name": i.name, "given": _given(i)} for i in inputs],
            **report(work / "corpus.db", inputs, sample=args.sample, seed=args.seed),
        }
        summary["seconds"] = {"inputs": built - started, **run["seconds"], "report": time.perf_counter() - t0,
                              "total": time.perf_counter() - started}
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print_report(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
