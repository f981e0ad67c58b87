using System.Security.Cryptography;
using CampaignFlows.Blobs;
using CampaignFlows.Blobs.Tests.Shared;
using CampaignFlows.Data.Tests.Fixtures;

namespace CampaignFlows.Data.Tests.Blobs;

/// <summary>
/// The database blob store on one provider: the behaviour every <see cref="IBlobStore"/> shares, links served over
/// real HTTP, and what a shared database adds (hosts reading each other's blobs and links). Each test gets an empty
/// database of its own.
/// </summary>
public abstract partial class DatabaseBlobStoreConformance : BlobStoreBehaviour, IAsyncLifetime
{
    private readonly List<DatabaseBlobHost> hosts = [];

    /// <summary>The link key every host of the test shares, as hosts sharing a master key do.</summary>
    protected byte[] Key { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The first host.</summary>
    protected DatabaseBlobHost Host { get; private set; } = null!;

    /// <summary>Options for this test's own, empty database.</summary>
    protected abstract CampaignDataOptions Options { get; }

    protected override IBlobStore Store => Host.Store;

    protected override IBlobStore StoreAt(TimeSpan offset) => Host.StoreAt(offset);

    protected override HttpClient Anonymous { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync() => Host = await StartHostAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        Anonymous.Dispose();
    }

    /// <summary>Another host (its own process state and port) on the same database.</summary>
    protected async Task<DatabaseBlobHost> StartHostAsync(byte[]? key = null)
    {
        var host = await DatabaseBlobHost.StartAsync(Options, key ?? Key);
        hosts.Add(host);
        return host;
    }
}
