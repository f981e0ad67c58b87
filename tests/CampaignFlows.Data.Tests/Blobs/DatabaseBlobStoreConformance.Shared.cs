using System.Net;
using System.Security.Cryptography;
using CampaignFlows.Blobs;
using CampaignFlows.Blobs.Tests.Fixtures;
using CampaignFlows.Data.Blobs;
using CampaignFlows.Data.Tests.Fixtures;
using Dapper;

namespace CampaignFlows.Data.Tests.Blobs;

public abstract partial class DatabaseBlobStoreConformance
{
    [Fact]
    public async Task BlobAndLinkFromOneHostServeFromAnother()
    {
        var content = TestContent.Random(DatabaseBlobStore.ChunkSize + 4321, seed: 7);
        await Store.CreateContainerAsync(Container);
        var written = await Store.UploadAsync(Container, "audiences/c-1.csv", new MemoryStream(content), "text/csv");
        var link = Store.CreateReadLink(Container, "audiences/c-1.csv");

        var other = await StartHostAsync();
        await using var download = await other.Store.DownloadAsync(Container, "audiences/c-1.csv");
        using var viaOther = await Anonymous.GetAsync(OnHost(other, link));

        Assert.Equal(TestContent.Hash(content), TestContent.Hash(await TestContent.ReadAllAsync(download!)));
        Assert.Equal(written, download!.Properties);
        Assert.Equal(HttpStatusCode.OK, viaOther.StatusCode);
        Assert.Equal(TestContent.Hash(content), TestContent.Hash(await viaOther.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task HostWithAnotherKeyRefusesTheLink()
    {
        await Store.CreateContainerAsync(Container);
        await Store.UploadAsync(Container, "a.pdf", TestContent.Text("x"), "application/pdf");
        var link = Store.CreateReadLink(Container, "a.pdf");

        var stranger = await StartHostAsync(RandomNumberGenerator.GetBytes(32));
        using var response = await Anonymous.GetAsync(OnHost(stranger, link));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CancelledUploadKeepsThePreviousBlobAndLeavesNoChunks()
    {
        var first = TestContent.Random(DatabaseBlobStore.ChunkSize + 10, seed: 1);
        await Store.CreateContainerAsync(Container);
        var written = await Store.UploadAsync(Container, "doc.bin", new MemoryStream(first), "application/octet-stream");
        using var cancel = new CancellationTokenSource();
        var second = new CancelAfterStream(new MemoryStream(TestContent.Random(4 * DatabaseBlobStore.ChunkSize, seed: 2)), 2 * DatabaseBlobStore.ChunkSize + 1, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UploadAsync(Container, "doc.bin", second, "text/plain", cancel.Token));

        await using var download = await Store.DownloadAsync(Container, "doc.bin");
        Assert.Equal(written, download!.Properties);
        Assert.Equal(TestContent.Hash(first), TestContent.Hash(await TestContent.ReadAllAsync(download)));
        Assert.Equal(2, await CountAsync("blob_chunks"));
        Assert.Equal(0, await CountAsync("blob_uploads"));
    }

    [Fact]
    public async Task ReplacingAndDeletingDropTheOldChunks()
    {
        await Store.CreateContainerAsync(Container);
        await Store.UploadAsync(Container, "doc.bin", new MemoryStream(TestContent.Random(3 * DatabaseBlobStore.ChunkSize, seed: 3)), "application/octet-stream");
        await Store.UploadAsync(Container, "doc.bin", TestContent.Text("small"), "text/plain");
        Assert.Equal(1, await CountAsync("blob_chunks"));

        await Store.DeleteAsync(Container, "doc.bin");

        Assert.Equal(0, await CountAsync("blob_chunks"));
    }

    [Fact]
    public async Task UploadsAbandonedForADayAreSweptByTheNextUpload()
    {
        await Store.CreateContainerAsync(Container);
        var started = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-1).ToUnixTimeMilliseconds();
        var recent = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        await Host.Database.WriteAsync(async (c, t) =>
        {
            foreach (var (version, at) in new[] { ("dead", started), ("slow", recent) })
            {
                await c.ExecuteAsync("INSERT INTO blob_uploads (version, container, name, started_at) VALUES (@version, @Container, 'x.bin', @at)", new { version, Container, at }, t);
                await c.ExecuteAsync("INSERT INTO blob_chunks (container, name, version, idx, data) VALUES (@Container, 'x.bin', @version, 0, @data)", new { version, Container, data = new byte[] { 1 } }, t);
            }
            return 0;
        }, CancellationToken.None);

        await Store.UploadAsync(Container, "y.txt", TestContent.Text("y"), "text/plain");

        Assert.Equal(["slow"], await Host.Database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT version FROM blob_uploads")).ToList(), CancellationToken.None));
        Assert.Equal(2, await CountAsync("blob_chunks"));
    }

    [Fact]
    public async Task ReadingABlobReplacedMidwayFailsRatherThanMixingVersions()
    {
        await Store.CreateContainerAsync(Container);
        await Store.UploadAsync(Container, "doc.bin", new MemoryStream(TestContent.Random(3 * DatabaseBlobStore.ChunkSize, seed: 4)), "application/octet-stream");
        await using var download = await Store.DownloadAsync(Container, "doc.bin");
        await download!.Content.ReadExactlyAsync(new byte[DatabaseBlobStore.ChunkSize]);

        await Store.UploadAsync(Container, "doc.bin", new MemoryStream(TestContent.Random(3 * DatabaseBlobStore.ChunkSize, seed: 5)), "application/octet-stream");

        await Assert.ThrowsAsync<IOException>(() => download.Content.ReadExactlyAsync(new byte[10]).AsTask());
    }

    private Task<long> CountAsync(string table) =>
        Host.Database.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), CancellationToken.None);

    /// <summary>The same link, asked of another host.</summary>
    private static Uri OnHost(DatabaseBlobHost host, Uri link) => new(new Uri(host.LinkBase.GetLeftPart(UriPartial.Authority)), link.PathAndQuery);
}
