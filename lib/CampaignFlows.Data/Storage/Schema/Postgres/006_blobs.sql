-- Version 6: blobs (staged audiences, attachments) kept in the shared database when no storage account is
-- configured, so every host reads what any host wrote. A blob row names its live version; the content lives in
-- chunk rows of that version, so an upload writes its chunks first and switches the blob to them in one short
-- transaction at the end: readers see the old content or the new, never half of it.

CREATE TABLE blob_containers (
    name       TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- COLLATE "C" orders names by code point, which is the ordinal order listings promise, whatever the
-- database's default collation.
CREATE TABLE blobs (
    container     TEXT NOT NULL REFERENCES blob_containers (name),
    name          TEXT COLLATE "C" NOT NULL,
    version       TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    length        BIGINT NOT NULL,
    chunk_size    INTEGER NOT NULL,
    last_modified BIGINT NOT NULL,
    PRIMARY KEY (container, name)
);

CREATE TABLE blob_chunks (
    container TEXT NOT NULL,
    name      TEXT COLLATE "C" NOT NULL,
    version   TEXT NOT NULL,
    idx       INTEGER NOT NULL,
    data      BYTEA NOT NULL,
    PRIMARY KEY (container, name, version, idx)
);

-- Uploads in progress: their chunks are not live yet and must survive other writers' clean-up. A row left by a
-- host that died mid-upload is swept, with its chunks, after a day.
CREATE TABLE blob_uploads (
    version    TEXT PRIMARY KEY,
    container  TEXT NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    started_at BIGINT NOT NULL
);
