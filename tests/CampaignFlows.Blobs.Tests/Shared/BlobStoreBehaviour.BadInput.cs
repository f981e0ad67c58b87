using System.Net;
using CampaignFlows.Blobs.Tests.Fixtures;

namespace CampaignFlows.Blobs.Tests.Shared;

public abstract partial class BlobStoreBehaviour
{
    [Fact]
    public async Task UploadToMissingContainerFailsWithContainerNotFound()
    {
        var failure = await Assert.ThrowsAsync<BlobStorageException>(
            () => Store.UploadAsync(Container, "x.txt", TestContent.Text("x"), "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.Equal("ContainerNotFound", failure.ErrorCode);
    }

    [Fact]
    public async Task EveryOperationOnAMissingContainerFailsWithContainerNotFound()
    {
        Func<Task>[] operations =
        [
            () => Store.DownloadAsync(Container, "x.txt"),
            () => Store.GetPropertiesAsync(Container, "x.txt"),
            () => Store.DeleteAsync(Container, "x.txt"),
            () => Store.ListAsync(Container),
        ];

        foreach (var operation in operations)
        {
            var failure = await Assert.ThrowsAsync<BlobStorageException>(operation);
            Assert.Equal(HttpStatusCode.NotFound, failure.Status);
            Assert.Equal("ContainerNotFound", failure.ErrorCode);
        }
    }

    [Fact]
    public async Task BadNamesAndContentTypesAreRejectedBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateContainerAsync("Bad_Name"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UploadAsync(Container, "../escape", TestContent.Text("x"), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UploadAsync(Container, "ok.txt", TestContent.Text("x"), "not a type"));
        Assert.Throws<ArgumentException>(() => Store.CreateReadLink(Container, "ok.txt", new BlobLinkOptions { Lifetime = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => Store.CreateReadLink(Container, "ok.txt", new BlobLinkOptions { ContentDisposition = "a\r\nSet-Cookie: x" }));
    }
}
