from storyweave.ingest import make_item
from storyweave.models import Rejected
from storyweave.store import Store


def test_migrations_apply_once_and_record_version(tmp_path):
    db = tmp_path / "s.db"
    Store(str(db)).close()
    store = Store(str(db))  # reopening must not re-run migration 001
    assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_raw_bytes_kept_once_with_every_provenance(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    a = make_item("a.txt", "txt", b"Title\nbody")
    b = make_item("copy/a.txt", "txt", b"Title\nbody")
    with store.transaction():
        assert store.add_raw(a) == (1, True)
        assert store.add_raw(b) == (1, False)
    assert store.origins(a.content_hash) == [("a.txt", ""), ("copy/a.txt", "")]
    [(seq, item)] = list(store.raw_items())
    assert item.raw == b"Title\nbody" and seq == 1


def test_transaction_rolls_back_on_error(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    try:
        with store.transaction():
            store.add_raw(make_item("a.txt", "txt", b"x\ny"))
            raise RuntimeError("crash")
    except RuntimeError:
        pass
    assert list(store.raw_items()) == []


def test_rejections_are_not_duplicated_by_reruns(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    for _ in range(2):
        with store.transaction():
            store.add_rejected(Rejected("big.txt", "", "ingest", "too-large", "50 MB"))
    assert len(store.rejected()) == 1


def test_rejections_are_listed_in_file_and_line_order(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    with store.transaction():
        for line in (203, 61, 1000, 7):
            store.add_rejected(Rejected("crawl.jsonl", f"line {line}", "clean", "block-page", ""))
        store.add_rejected(Rejected("a.jsonl", "line 9", "parse", "bad-json", ""))
    assert [(r.origin, r.locator) for r in store.rejected()] == [
        ("a.jsonl", "line 9"), ("crawl.jsonl", "line 7"), ("crawl.jsonl", "line 61"),
        ("crawl.jsonl", "line 203"), ("crawl.jsonl", "line 1000")]
