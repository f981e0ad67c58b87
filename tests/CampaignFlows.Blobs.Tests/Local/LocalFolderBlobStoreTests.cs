using CampaignFlows.Blobs.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace CampaignFlows.Blobs.Tests.Local;

public sealed class LocalFolderBlobStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "local-store-" + Guid.NewGuid().ToString("N"));
    private readonly Uri linkBase = new("http://localhost:7071/blobs");

    [Fact]
    public void Constructor_NoSigningKey_CreatesAKeyFileThatLaterInstancesReuse()
    {
        var first = new LocalFolderBlobStore(new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = linkBase });
        var link = first.CreateReadLink("attachments", "a.pdf");

        var afterRestart = new LocalFolderBlobStore(new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = linkBase });

        Assert.Equal(32, new FileInfo(Path.Combine(root, ".link-key")).Length);
        Assert.True(afterRestart.Validator.Validate("attachments", "a.pdf", QueryHelpers.ParseQuery(link.Query)).IsValid);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, ".link-key")));
        }
    }

    [Fact]
    public void Validate_LinkFromStoreWithAnotherKey_IsRefused()
    {
        var ours = new LocalFolderBlobStore(new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = linkBase });
        var theirs = new LocalFolderBlobStore(new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = linkBase, SigningKey = new byte[32] });

        var link = theirs.CreateReadLink("attachments", "a.pdf");

        Assert.False(ours.Validator.Validate("attachments", "a.pdf", QueryHelpers.ParseQuery(link.Query)).IsValid);
    }

    [Theory]
    [InlineData("", "http://localhost/blobs", 32, "RootPath is required")]
    [InlineData("x", "/relative", 32, "must be an absolute http(s) URL")]
    [InlineData("x", "http://localhost/blobs?x=1", 32, "without a query")]
    [InlineData("x", "http://localhost/blobs", 8, "at least 32 bytes")]
    public void Constructor_BadOptions_ThrowNamingTheSetting(string rootPath, string linkBaseUri, int keyLength, string expected)
    {
        var options = new LocalFolderBlobStoreOptions
        {
            RootPath = rootPath,
            LinkBaseUri = new Uri(linkBaseUri, UriKind.RelativeOrAbsolute),
            SigningKey = new byte[keyLength],
        };

        var failure = Assert.Throws<ArgumentException>(() => new LocalFolderBlobStore(options));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAsync_CancelledMidway_LeavesThePreviousBlobAndNoStrayFiles()
    {
        var store = new LocalFolderBlobStore(new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = linkBase });
        await store.CreateContainerAsync("attachments");
        await store.UploadAsync("attachments", "a.txt", TestContent.Text("original"), "text/plain");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.UploadAsync("attachments", "a.txt", new CancelAfterStream(new MemoryStream(new byte[100_000]), 50_000, cancel), "text/plain", cancel.Token));

        await using var download = await store.DownloadAsync("attachments", "a.txt");
        Assert.Equal("original", System.Text.Encoding.UTF8.GetString(await TestContent.ReadAllAsync(download!)));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "attachments")).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
