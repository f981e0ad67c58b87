-- Version 6: blobs kept in the database, as on PostgreSQL (where hosts share them). A blob row names its live
-- version; the content lives in chunk rows of that version, written before the blob switches to them.

CREATE TABLE blob_containers (
    name       TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
);

-- SQLite's default BINARY collation already orders names by code point, the ordinal order listings promise.
CREATE TABLE blobs (
    container     TEXT NOT NULL REFERENCES blob_containers (name),
    name          TEXT NOT NULL,
    version       TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    length        INTEGER NOT NULL,
    chunk_size    INTEGER NOT NULL,
    last_modified INTEGER NOT NULL,
    PRIMARY KEY (container, name)
);

CREATE TABLE blob_chunks (
    container TEXT NOT NULL,
    name      TEXT NOT NULL,
    version   TEXT NOT NULL,
    idx       INTEGER NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (container, name, version, idx)
);

-- Uploads in progress; a row left by a process that died mid-upload is swept, with its chunks, after a day.
CREATE TABLE blob_uploads (
    version    TEXT PRIMARY KEY,
    container  TEXT NOT NULL,
    name       TEXT NOT NULL,
    started_at INTEGER NOT NULL
);
