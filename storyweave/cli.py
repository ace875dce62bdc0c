"""Command line: parses options and calls the Python API (`Engine`); nothing else lives here."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .pipeline import Engine
from .explain import developments
from .figures import readable
from .settings import SETTINGS_HELP, Settings

DB_HELP = "SQLite store (created if missing)."


def _engine(db: str, embedder: str | None = None) -> Engine:
    try:
        return Engine(db, Settings.from_environ(embedder=embedder))
    except ValueError as exc:  # a setting that cannot be honoured, e.g. a missing translator
        raise click.ClickException(str(exc)) from None


def _outputs(engine: Engine, report: str | None, json_path: str | None) -> None:
    if not report and not json_path:
        return
    data = engine.export()
    if json_path:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        click.echo(f"JSON written to {json_path}", err=True)
    if report:
        from .report import write_report

        index = write_report(data, report, engine.settings.target_lang)
        click.echo(f"Report written to {index}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log more detail.")
def main(verbose: bool) -> None:
    """storyweave: turn piles of news articles, in any language, into events and storylines.

    \b
    Start with:
      storyweave run ARTICLES/ --report report/     ingest, cluster, write an HTML report
      storyweave events                             list events
      storyweave show EVENT_ID                      one event: summary, sources, why
    Everything is kept in an SQLite file (--db, default storyweave.db); rerunning adds only
    what is new.
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(message)s", datefmt="%H:%M:%S", stream=sys.stderr)
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--report", type=click.Path(file_okay=False), help="Write the HTML report here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON here.")
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def run(paths: tuple[str, ...], db: str, report: str | None, json_path: str | None,
        embedder: str | None) -> None:
    """Ingest PATHS (files, directories, URLs, '-' for stdin) and update events.

    Supported: .txt (first line = title), .jsonl, .html/.htm, RSS/Atom (.rss/.atom/.xml),
    .opml, .warc/.warc.gz, .urls (one URL a line), each also .gz/.bz2/.xz compressed.
    Bad inputs are listed, not fatal.
    """
    with _engine(db, embedder) as engine:
        stats = engine.run(list(paths))
        _outputs(engine, report, json_path)
        click.echo(stats.summary_line())


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def events(db: str, as_json: bool) -> None:
    """List events, newest first."""
    with _engine(db) as engine:
        evs = sorted(engine.events(), key=lambda e: (e.date is not None, e.date), reverse=True)
        if as_json:
            click.echo(json.dumps([{"id": e.id, "date": e.date and e.date.isoformat(),
                                    "title": e.title, "languages": e.languages,
                                    "articles": len(e.members)} for e in evs], ensure_ascii=False))
            return
        for e in evs:
            click.echo(f"{e.id}  {str(e.date or 'undated'):10}  {len(e.members):3} art  "
                       f"{','.join(e.languages):10}  {e.title}")


@main.command()
@click.argument("event_id")
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
def show(event_id: str, db: str) -> None:
    """Show one event: date, place, summary with citations, members and why they belong."""
    with _engine(db) as engine:
        ev = engine.event(event_id)
        if ev is None:
            raise click.ClickException(f"no event {event_id!r}; list them with `storyweave events`")
        arts = {a.id: a for a in engine.articles(ev.article_ids)}
        click.echo(f"{ev.title}\n{ev.date or 'undated'} · {ev.place or 'place unknown'} · "
                   f"{', '.join(ev.languages)} · storyline {ev.storyline_id or '-'}\n")
        for s in ev.summary:
            refs = ", ".join(dict.fromkeys(c.article_id for c in s.citations))
            click.echo(f"  • {s.text}  [{refs}]")
            if s.translation:
                click.echo(f"    ({s.translation})")
        steps = developments(ev, arts)
        if len(steps) > 1:
            click.echo("\nHow it developed:")
            for d in steps:
                when = (d["published"] or "")[:16].replace("T", " ").removesuffix(" 00:00")
                click.echo(f"  {when:16} {d['outlet'] or '?'} ({d['lang']}): {d['text']}  "
                           f"[{d['article_id']}; new: {', '.join(map(readable, d['new_figures']))}]")
        click.echo("")
        for m in ev.members:
            a = arts[m.article_id]
            why = ", ".join(f"{k}={v}" for k, v in m.why.items())
            flag = " DATE-CONFLICT" if m.date_conflict else ""
            click.echo(f"  {a.id} {a.lang} {a.source or '?':20} {a.title[:60]}{flag}\n      why: {why}")


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
def storylines(db: str) -> None:
    """List storylines and their events in date order."""
    with _engine(db) as engine:
        evs = {e.id: e for e in engine.events()}
        for sl in engine.storylines():
            click.echo(f"{sl.id}  {sl.title}")
            for eid in sl.event_ids:
                e = evs[eid]
                click.echo(f"    {str(e.date or 'undated'):10}  {eid}  {e.title}")
            for link in sl.links:
                a, b = link["events"]
                headlines = link.get("headline_names")
                thread = (f"; headlines of both events name {', '.join(headlines)}"
                          if headlines else "")
                click.echo(f"    why: {a} ~ {b} share {', '.join(link['names'])}{thread} "
                           f"(names {link['name_overlap']:.2f}, cosine {link['cos']:.2f})")


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
def rejected(db: str) -> None:
    """List inputs that were rejected, with the reason."""
    with _engine(db) as engine:
        for r in engine.rejected():
            click.echo(f"{r.reason:22} {r.origin} {r.locator}  {r.detail}")


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--report", type=click.Path(file_okay=False), help="Write the HTML report here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON here.")
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def rebuild(db: str, report: str | None, json_path: str | None, embedder: str | None) -> None:
    """Re-derive articles and events from the stored raw input (keeps your merges/splits)."""
    with _engine(db, embedder) as engine:
        stats = engine.rebuild()
        _outputs(engine, report, json_path)
        click.echo(stats.summary_line())


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--report", type=click.Path(file_okay=False), help="Write the HTML report here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the JSON here.")
def export(db: str, report: str | None, json_path: str | None) -> None:
    """Write the JSON and/or HTML report of what the store holds."""
    with _engine(db) as engine:
        if not report and not json_path:
            click.echo(json.dumps(engine.export(), ensure_ascii=False, indent=1))
        _outputs(engine, report, json_path)


def _curate(db: str, embedder: str | None, action, *args) -> None:
    with _engine(db, embedder) as engine:
        try:
            action(engine, *args)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from None
        click.echo(f"done; {len(engine.events())} events")


@main.command()
@click.argument("event_a")
@click.argument("event_b")
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def merge(event_a: str, event_b: str, db: str, embedder: str | None) -> None:
    """Merge two events into one; later runs keep them merged."""
    _curate(db, embedder, Engine.merge, event_a, event_b)


@main.command()
@click.argument("event_id")
@click.argument("article_ids", nargs=-1, required=True)
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def split(event_id: str, article_ids: tuple[str, ...], db: str, embedder: str | None) -> None:
    """Take ARTICLE_IDS out of EVENT_ID into an event of their own; later runs keep it."""
    _curate(db, embedder, Engine.split, event_id, list(article_ids))


@main.command()
@click.argument("article_id")
@click.argument("event_id")
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def move(article_id: str, event_id: str, db: str, embedder: str | None) -> None:
    """Move one article into another event; later runs keep it there."""
    _curate(db, embedder, Engine.move, article_id, event_id)


@main.command()
@click.argument("feeds")
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--interval", default=900, show_default=True, help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron).")
@click.option("--report", type=click.Path(file_okay=False), help="Rewrite the HTML report after each poll.")
@click.option("--embedder", help=SETTINGS_HELP["embedder"])
def watch(feeds: str, db: str, interval: int, once: bool, report: str | None,
          embedder: str | None) -> None:
    """Poll the feeds in FEEDS (OPML or one URL/path a line) and add new articles.

    Conditional GET (ETag/Last-Modified), a polite delay per host, retries with backoff;
    full pages are fetched when a feed holds only summaries. Ctrl-C stops.
    """
    import threading

    from .fetch import Fetcher
    from .models import RunStats
    from .watch import FeedWatcher, load_feed_list

    with _engine(db, embedder) as engine:
        state = json.loads(engine.store.get_meta("watch_state", "{}") or "{}")
        watcher = FeedWatcher(Fetcher(), load_feed_list(feeds), state)

        def on_items(items: list) -> None:
            stats = RunStats()
            engine.add_items(items, stats)
            engine.update(stats)
            engine.store.set_meta("watch_state", json.dumps(state))
            _outputs(engine, report, None)
            click.echo(stats.summary_line())

        if once:
            on_items(list(watcher.poll_once()))
            return
        try:
            watcher.run_forever(interval, on_items, threading.Event())
        except KeyboardInterrupt:
            click.echo("stopped", err=True)


@main.command()
@click.option("--db", default="storyweave.db", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the web UI and the REST API (/api/events, /api/events/ID, /docs) for a store."""
    import uvicorn

    from .web import create_app

    click.echo(f"storyweave on http://{host}:{port}/  (API docs: /docs)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
