-- Raw input: never changed, never deleted by a rebuild.
CREATE TABLE raw_items (
    content_hash TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    raw          BLOB NOT NULL,
    fields       TEXT NOT NULL DEFAULT '{}',
    seq          INTEGER NOT NULL UNIQUE,      -- ingest order
    ingested_at  TEXT NOT NULL
);
CREATE TABLE provenance (
    content_hash TEXT NOT NULL REFERENCES raw_items(content_hash),
    origin       TEXT NOT NULL,
    locator      TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    first_seen   TEXT NOT NULL,
    PRIMARY KEY (origin, locator, content_hash)
);
CREATE INDEX provenance_hash ON provenance(content_hash);

-- Inputs that did not become articles, keyed so a rerun does not duplicate them.
CREATE TABLE rejected (
    origin       TEXT NOT NULL,
    locator      TEXT NOT NULL DEFAULT '',
    stage        TEXT NOT NULL,
    reason       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT '',
    content_hash TEXT,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (origin, locator, reason)
);

-- Derived: rebuilt by `storyweave rebuild`.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE REFERENCES raw_items(content_hash),
    seq          INTEGER NOT NULL,
    lang         TEXT NOT NULL,
    published    TEXT,
    data         TEXT NOT NULL               -- the Article as JSON
);
CREATE TABLE embeddings (
    text_hash TEXT NOT NULL,
    model     TEXT NOT NULL,
    vector    BLOB NOT NULL,                  -- float32
    PRIMARY KEY (text_hash, model)
);
CREATE TABLE events (
    id    TEXT PRIMARY KEY,
    date  TEXT,
    data  TEXT NOT NULL                       -- the Event as JSON (members, summary, ...)
);
CREATE TABLE event_members (
    event_id   TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
    PRIMARY KEY (event_id, article_id)
);
CREATE TABLE storylines (
    id    TEXT PRIMARY KEY,
    data  TEXT NOT NULL
);

-- User decisions (merge/split/move): kept across rebuilds and applied by every run.
CREATE TABLE overrides (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    action     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
