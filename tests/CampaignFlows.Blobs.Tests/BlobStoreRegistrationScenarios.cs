using CampaignFlows.Blobs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Blobs.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStoreRegistrationScenarios(AzuriteFixture azurite) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "registration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ConfiguredConnectionStringSelectsTheRestClient()
    {
        await using var provider = Build(azurite.ConnectionString);

        var store = provider.GetRequiredService<IBlobStore>();
        var container = TestContent.NewContainerName();
        await store.CreateContainerAsync(container);
        await store.UploadAsync(container, "a.txt", TestContent.Text("via DI"), "text/plain");

        Assert.IsType<BlobClient>(store);
        Assert.Null(provider.GetService<LocalFolderBlobStore>());
        Assert.NotNull(await azurite.CreateClient().GetPropertiesAsync(container, "a.txt"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task NoConnectionStringSelectsTheLocalFolder(string? connectionString)
    {
        await using var provider = Build(connectionString);

        var store = provider.GetRequiredService<IBlobStore>();

        Assert.Same(provider.GetRequiredService<LocalFolderBlobStore>(), store);
        Assert.StartsWith("http://localhost:7071/blobs/", store.CreateReadLink("attachments", "a.pdf").AbsoluteUri);
    }

    [Fact]
    public void MalformedConnectionStringFailsAtRegistration()
    {
        var failure = Assert.Throws<FormatException>(() => Build("AccountName=shopmail"));

        Assert.Contains("AccountKey", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private ServiceProvider Build(string? connectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddBlobStore(connectionString, _ => new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = new Uri("http://localhost:7071/blobs") })
            .BuildServiceProvider();
}
