using CampaignFlows.Blobs;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Blobs;

public sealed partial class DatabaseBlobStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The stream is seekable (so links serve byte ranges) and reads the version that was live when it opened; if
    /// that version is replaced or deleted meanwhile, the next chunk read fails with an <see cref="IOException"/>.
    /// </remarks>
    public async Task<BlobDownload?> DownloadAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        var row = await ReadRowAsync(container, blobName, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new BlobDownload(row.ToProperties(), new DatabaseBlobStream(database, container, row));
    }

    /// <inheritdoc />
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default) =>
        (await ReadRowAsync(container, blobName, cancellationToken).ConfigureAwait(false))?.ToProperties();

    /// <inheritdoc />
    /// <remarks>The marker is the name of the last blob of the previous page; the next page starts after it.</remarks>
    public async Task<BlobPage> ListAsync(
        string container, string? prefix = null, string? marker = null, int maxResults = 5000,
        CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidatePageSize(maxResults);

        var args = new { container, prefix = prefix ?? "", after = marker ?? "", take = maxResults + 1 };
        var rows = await database.ReadAsync(async c =>
        {
            if (await c.ExecuteScalarAsync<long>(BlobQueries.ContainerExists, args).ConfigureAwait(false) == 0)
            {
                throw ContainerNotFound(container);
            }

            return (await c.QueryAsync<BlobRow>(BlobQueries.List, args).ConfigureAwait(false)).ToList();
        }, cancellationToken).ConfigureAwait(false);
        var page = rows.Take(maxResults).Select(r => r.ToProperties()).ToList();
        return new BlobPage(page, rows.Count > maxResults ? page[^1].Name : null);
    }

    private async Task<BlobRow?> ReadRowAsync(string container, string blobName, CancellationToken cancellationToken)
    {
        Validate(container, blobName);
        var args = new { container, name = blobName };
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<BlobRow>(BlobQueries.Properties, args), cancellationToken)
            .ConfigureAwait(false);
        return row switch
        {
            null => throw ContainerNotFound(container),
            { Name: null } => null,
            _ => row,
        };
    }
}
