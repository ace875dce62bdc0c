"""Every input kind end to end through `storyweave run` (the CLI, a real SQLite store, a
real HTTP server on 127.0.0.1 for the URL list): each becomes articles with provenance."""
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from storyweave.cli import main
from storyweave.store import Store
from test_ingest_formats import build_warc
from test_watch import LocalServer

DATA = Path(__file__).parent / "data"


def test_all_sources_through_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DATA / "html" / "article.html", src / "page.html")
    for name in ("news.rss", "world.atom", "subscriptions.opml"):
        shutil.copy(DATA / "feeds" / name, src / name)
    build_warc(src / "crawl.warc.gz", gz=True)
    (src / "wire.jsonl").write_text(json.dumps({
        "title": "Grain deal extended", "text": "The grain deal was extended on Monday, "
        "officials said in Istanbul.", "url": "https://wire.example/grain",
        "source": "Wire", "published": "2023-05-15T10:00:00Z"}) + "\n", encoding="utf-8")
    (src / "note.txt").write_text("Storm hits coast\nA storm hit the coast on Sunday.\n",
                                  encoding="utf-8")
    server = LocalServer()
    try:
        server.add("/story", (DATA / "pages" / "article.html").read_bytes())
        (src / "list.urls").write_text(f"# one page\n{server.base}/story\n", encoding="utf-8")
        db = str(tmp_path / "all.db")
        result = CliRunner().invoke(main, ["run", str(src), "--db", db, "--embedder", "hashing"])
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    store = Store(db)
    kinds = {row[0] for row in store.db.execute("SELECT DISTINCT kind FROM provenance")}
    assert {"html", "feed", "jsonl", "txt"} <= kinds, kinds  # WARC records are stored as html
    origins = {a.origin for a in store.articles()}
    for name in ("page.html", "news.rss", "world.atom", "crawl.warc.gz", "wire.jsonl", "note.txt"):
        assert any(o.endswith(name) or name in o for o in origins), name
    fetched = store.db.execute("SELECT COUNT(*) FROM provenance WHERE origin LIKE ?",
                               (server.base + "%",)).fetchone()[0]
    assert fetched == 1, store.rejected()  # the page from the URL list
    assert store.events()  # and clustered
    again = CliRunner().invoke(main, ["run", str(src), "--db", db, "--embedder", "hashing"])
    assert "0 added" in again.output  # idempotent rerun


def test_stdin_jsonl_through_run(tmp_path):
    db = str(tmp_path / "s.db")
    lines = "\n".join(json.dumps({"title": f"Story {i}", "text": f"Body number {i} of the story."})
                      for i in ("one", "two"))
    result = CliRunner().invoke(main, ["run", "-", "--db", db, "--embedder", "hashing"],
                                input=lines)
    assert result.exit_code == 0, result.output
    assert {a.title for a in Store(db).articles()} == {"Story one", "Story two"}
