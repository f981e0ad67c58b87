using System.Net;
using CampaignFlows.Blobs.Tests.Fixtures;

namespace CampaignFlows.Blobs.Tests.Azure;

/// <summary>Behaviours specific to the REST client, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobClientScenarios(AzuriteFixture azurite)
{
    private readonly string container = TestContent.NewContainerName();

    [Fact]
    public async Task LargeUploadGoesUpInBlocksAndSmallOneInOnePut()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        var client = new BlobClient(http, azurite.Account, new BlobClientOptions { BlockSize = 1024 * 1024 });
        await client.CreateContainerAsync(container);
        recorder.Take();

        await client.UploadAsync(container, "ten-megabytes.bin", new MemoryStream(TestContent.Random(10 * 1024 * 1024, seed: 3)), "application/zip");
        var large = recorder.Take();
        await client.UploadAsync(container, "exactly-one-block.bin", new MemoryStream(TestContent.Random(1024 * 1024, seed: 4)), "application/zip");
        var oneBlock = recorder.Take();
        var exact = TestContent.Random(3 * 1024 * 1024, seed: 7);
        await client.UploadAsync(container, "three-blocks.bin", new ForwardOnlyStream(new MemoryStream(exact)), "application/zip");
        var threeBlocks = recorder.Take();

        Assert.Equal(10, large.Count(r => r.Contains("comp=block&", StringComparison.Ordinal)));
        Assert.Single(large, r => r.EndsWith("comp=blocklist", StringComparison.Ordinal));
        Assert.Equal(11, large.Count);
        Assert.Equal(["PUT /exactly-one-block.bin"], oneBlock.Select(r => "PUT " + r[r.LastIndexOf('/')..]));
        Assert.Equal(4, threeBlocks.Count);
        Assert.Equal("application/zip", (await client.GetPropertiesAsync(container, "ten-megabytes.bin"))!.ContentType);
        await using var download = await client.DownloadAsync(container, "three-blocks.bin");
        Assert.Equal(TestContent.Hash(exact), TestContent.Hash(await TestContent.ReadAllAsync(download!)));
    }

    [Fact]
    public async Task WrongKeyIsRefusedWithStatusCodeAndRequestId()
    {
        var wrong = new StorageAccount(StorageAccount.DevelopmentAccountName, Convert.ToBase64String(new byte[64]), azurite.BlobEndpoint);
        var client = new BlobClient(azurite.Http, wrong);

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerAsync(container));

        Assert.Equal(HttpStatusCode.Forbidden, failure.Status);
        // Azure answers AuthenticationFailed; Azurite answers AuthorizationFailure for the same bad signature.
        Assert.Contains(failure.ErrorCode, new[] { "AuthenticationFailed", "AuthorizationFailure" });
        Assert.False(string.IsNullOrEmpty(failure.RequestId));
        Assert.Contains("403", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingContainerListingFailsWithServiceError()
    {
        var client = azurite.CreateClient();

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.ListAsync(container));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.Equal("ContainerNotFound", failure.ErrorCode);
    }

    [Fact]
    public async Task DownloadIsStreamedBeforeTheBodyIsRead()
    {
        var client = azurite.CreateClient();
        await client.CreateContainerAsync(container);
        await client.UploadAsync(container, "stream.bin", new MemoryStream(TestContent.Random(3 * 1024 * 1024, seed: 5)), "application/octet-stream");

        await using var download = await client.DownloadAsync(container, "stream.bin");

        Assert.NotNull(download);
        Assert.False(download.Content.CanSeek);
        Assert.Equal(3 * 1024 * 1024, download.Properties.ContentLength);
        Assert.Equal(3 * 1024 * 1024, (await TestContent.ReadAllAsync(download)).Length);
    }

    [Fact]
    public async Task CancelledBlockUploadLeavesThePreviousBlobWhole()
    {
        var client = azurite.CreateClient(new BlobClientOptions { BlockSize = 1024 * 1024 });
        await client.CreateContainerAsync(container);
        var original = await client.UploadAsync(container, "report.csv", TestContent.Text("original"), "text/csv");
        using var cancel = new CancellationTokenSource();
        var source = new CancelAfterStream(new MemoryStream(TestContent.Random(5 * 1024 * 1024, seed: 6)), 3 * 1024 * 1024, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UploadAsync(container, "report.csv", source, "text/csv", cancel.Token));

        await using var download = await client.DownloadAsync(container, "report.csv");
        Assert.Equal(original.ETag, download!.Properties.ETag);
        Assert.Equal("original", System.Text.Encoding.UTF8.GetString(await TestContent.ReadAllAsync(download)));
    }

    [Fact]
    public async Task BlockDamagedInTransitIsRefusedAndNothingIsCommitted()
    {
        using var http = new HttpClient(new CorruptingHandler());
        var client = new BlobClient(http, azurite.Account, new BlobClientOptions { BlockSize = 1024 * 1024 });
        await azurite.CreateClient().CreateContainerAsync(container);

        var failure = await Assert.ThrowsAsync<BlobStorageException>(
            () => client.UploadAsync(container, "damaged.bin", new MemoryStream(TestContent.Random(2 * 1024 * 1024 + 1, seed: 8)), "application/zip"));

        Assert.Equal(HttpStatusCode.BadRequest, failure.Status);
        // Azure answers Md5Mismatch; Azurite answers InvalidOperation "Provided contentMD5 doesn't match."
        Assert.Contains(failure.ErrorCode, new[] { "Md5Mismatch", "InvalidOperation" });
        Assert.Contains("md5", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await azurite.CreateClient().GetPropertiesAsync(container, "damaged.bin"));
    }
}
