using System.Net;
using CampaignFlows.Blobs.Tests.Fixtures;

namespace CampaignFlows.Blobs.Tests.Shared;

/// <summary>
/// The behaviours every <see cref="IBlobStore"/> must share, run against Azurite and the local folder
/// store alike so the app never needs to know which one is configured.
/// </summary>
public abstract partial class BlobStoreBehaviour
{
    protected const int OneMegabyte = 1024 * 1024;

    protected string Container { get; } = TestContent.NewContainerName();

    /// <summary>A store whose uploads use 1 MB blocks.</summary>
    protected abstract IBlobStore Store { get; }

    /// <summary>A store over the same storage whose clock is moved by <paramref name="offset"/>.</summary>
    protected abstract IBlobStore StoreAt(TimeSpan offset);

    /// <summary>A plain client with no credentials, as a mail recipient's browser would be.</summary>
    protected abstract HttpClient Anonymous { get; }

    [Fact]
    public async Task CreateContainerTwice()
    {
        await Store.CreateContainerAsync(Container);
        await Store.CreateContainerAsync(Container);

        var page = await Store.ListAsync(Container);
        Assert.Empty(page.Blobs);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task SmallBlobRoundTrip()
    {
        await Store.CreateContainerAsync(Container);

        var written = await Store.UploadAsync(Container, "notes/hello.txt", TestContent.Text("hello, world"), "text/plain; charset=utf-8");
        await using var download = await Store.DownloadAsync(Container, "notes/hello.txt");

        Assert.NotNull(download);
        Assert.Equal("hello, world", System.Text.Encoding.UTF8.GetString(await TestContent.ReadAllAsync(download)));
        Assert.Equal("text/plain; charset=utf-8", download.Properties.ContentType);
        Assert.Equal(12, download.Properties.ContentLength);
        Assert.Equal(written.ETag, download.Properties.ETag);
        Assert.Equal(12, written.ContentLength);
        Assert.Equal(written.ETag, (await Store.GetPropertiesAsync(Container, "notes/hello.txt"))!.ETag);
    }

    [Fact]
    public async Task MultiBlockBlobRoundTrip()
    {
        await Store.CreateContainerAsync(Container);
        var content = TestContent.Random(10 * OneMegabyte + 12345, seed: 10);

        var written = await Store.UploadAsync(Container, "big/archive.bin", new ForwardOnlyStream(new MemoryStream(content)), "application/octet-stream");
        await using var download = await Store.DownloadAsync(Container, "big/archive.bin");

        Assert.NotNull(download);
        var read = await TestContent.ReadAllAsync(download);
        Assert.Equal(content.Length, read.Length);
        Assert.Equal(TestContent.Hash(content), TestContent.Hash(read));
        Assert.Equal(content.Length, written.ContentLength);
        Assert.Equal(content.Length, download.Properties.ContentLength);
        Assert.Equal("application/octet-stream", download.Properties.ContentType);
    }

    [Fact]
    public async Task EmptyBlobRoundTrip()
    {
        await Store.CreateContainerAsync(Container);

        await Store.UploadAsync(Container, "empty.txt", new MemoryStream(), "text/plain");
        await using var download = await Store.DownloadAsync(Container, "empty.txt");

        Assert.NotNull(download);
        Assert.Empty(await TestContent.ReadAllAsync(download));
        Assert.Equal(0, download.Properties.ContentLength);
    }

    [Fact]
    public async Task ReplacingABlobChangesContentAndETag()
    {
        await Store.CreateContainerAsync(Container);

        var first = await Store.UploadAsync(Container, "doc.txt", TestContent.Text("first"), "text/plain");
        var second = await Store.UploadAsync(Container, "doc.txt", TestContent.Text("second version"), "text/markdown");
        await using var download = await Store.DownloadAsync(Container, "doc.txt");

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("second version", System.Text.Encoding.UTF8.GetString(await TestContent.ReadAllAsync(download!)));
        Assert.Equal("text/markdown", download!.Properties.ContentType);
        Assert.Single((await Store.ListAsync(Container)).Blobs);
    }

    [Fact]
    public async Task NamesWithSpacesAndAccentsRoundTrip()
    {
        const string name = "folder one/résumé 2026 (final) #1 + 50%.pdf";
        await Store.CreateContainerAsync(Container);

        await Store.UploadAsync(Container, name, TestContent.Text("cv"), "application/pdf");

        Assert.Equal(name, Assert.Single((await Store.ListAsync(Container, "folder one/")).Blobs).Name);
        await using var download = await Store.DownloadAsync(Container, name);
        Assert.Equal("cv", System.Text.Encoding.UTF8.GetString(await TestContent.ReadAllAsync(download!)));
        using var viaLink = await Anonymous.GetAsync(Store.CreateReadLink(Container, name));
        Assert.Equal(HttpStatusCode.OK, viaLink.StatusCode);
        Assert.Equal("cv", await viaLink.Content.ReadAsStringAsync());
    }
}
