namespace CampaignFlows.Data.Blobs;

/// <summary>The blob store's SQL; one text serves both providers.</summary>
internal static class BlobQueries
{
    public const string CreateContainer = """
        INSERT INTO blob_containers (name, created_at) VALUES (@container, @now)
        ON CONFLICT (name) DO NOTHING
        """;

    public const string ContainerExists = "SELECT COUNT(*) FROM blob_containers WHERE name = @container";

    /// <summary>
    /// One row when the container exists, with the blob's columns null when the blob does not: one round trip tells
    /// a missing container (an error) from a missing blob (null).
    /// </summary>
    public const string Properties = """
        SELECT b.name AS Name, b.version AS Version, b.content_type AS ContentType, b.length AS Length,
               b.chunk_size AS ChunkSize, b.last_modified AS LastModified
        FROM blob_containers c
        LEFT JOIN blobs b ON b.container = c.name AND b.name = @name
        WHERE c.name = @container
        """;

    /// <summary>
    /// A page in name order after the marker ('' before the first name). The range condition lets the primary key
    /// seek to the prefix; substr and length count characters alike on both providers. One row more than the page
    /// is read to tell whether another page follows.
    /// </summary>
    public const string List = """
        SELECT name AS Name, version AS Version, content_type AS ContentType, length AS Length,
               chunk_size AS ChunkSize, last_modified AS LastModified
        FROM blobs
        WHERE container = @container AND name > @after AND name >= @prefix AND substr(name, 1, length(@prefix)) = @prefix
        ORDER BY name
        LIMIT @take
        """;

    public const string Chunk = "SELECT data FROM blob_chunks WHERE container = @container AND name = @name AND version = @version AND idx = @idx";

    public const string StartUpload = "INSERT INTO blob_uploads (version, container, name, started_at) VALUES (@version, @container, @name, @now)";

    public const string WriteChunk = "INSERT INTO blob_chunks (container, name, version, idx, data) VALUES (@container, @name, @version, @idx, @data)";

    /// <summary>Switches the blob to the uploaded version; the row lock it takes orders concurrent uploads of one name.</summary>
    public const string Publish = """
        INSERT INTO blobs (container, name, version, content_type, length, chunk_size, last_modified)
        VALUES (@container, @name, @version, @contentType, @length, @chunkSize, @now)
        ON CONFLICT (container, name) DO UPDATE SET
            version = excluded.version, content_type = excluded.content_type, length = excluded.length,
            chunk_size = excluded.chunk_size, last_modified = excluded.last_modified
        """;

    public const string FinishUpload = "DELETE FROM blob_uploads WHERE version = @version";

    /// <summary>
    /// Drops every chunk of the name that is neither the live version nor an upload in progress. Run after the blob
    /// row changed (and so after its lock was taken), it also clears what a concurrent upload of the same name
    /// published just before.
    /// </summary>
    public const string DropStaleChunks = """
        DELETE FROM blob_chunks
        WHERE container = @container AND name = @name
          AND version NOT IN (SELECT version FROM blobs WHERE container = @container AND name = @name)
          AND version NOT IN (SELECT version FROM blob_uploads)
        """;

    public const string DeleteBlob = "DELETE FROM blobs WHERE container = @container AND name = @name";

    public const string AbandonUpload = "DELETE FROM blob_chunks WHERE container = @container AND name = @name AND version = @version";

    /// <summary>Uploads whose host died before finishing: their chunks and rows go after a day.</summary>
    public const string SweepAbandonedUploads = """
        DELETE FROM blob_chunks
        WHERE (container, name, version) IN (SELECT container, name, version FROM blob_uploads WHERE started_at < @cutoff);
        DELETE FROM blob_uploads WHERE started_at < @cutoff;
        """;
}
