using CampaignFlows.Blobs;
using CampaignFlows.Blobs.Tests.Fixtures;
using CampaignFlows.Data.Blobs;
using CampaignFlows.Data.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Data.Tests.Fixtures;

/// <summary>
/// A real Kestrel host on a free loopback port whose blob store is the database, serving its links at /blobs as the
/// app host does. Several hosts over one database stand for hosts on different machines.
/// </summary>
public sealed class DatabaseBlobHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly byte[] key;

    private DatabaseBlobHost(WebApplication app, byte[] key)
    {
        this.app = app;
        this.key = key;
    }

    /// <summary>Where this host serves links.</summary>
    public Uri LinkBase { get; private set; } = null!;

    /// <summary>The host's store, as the app resolves it.</summary>
    public IBlobStore Store => app.Services.GetRequiredService<IBlobStore>();

    internal CampaignDatabase Database => app.Services.GetRequiredService<CampaignDatabase>();

    /// <summary>Starts a host over the database of <paramref name="options"/>; its start applies the schema.</summary>
    public static async Task<DatabaseBlobHost> StartAsync(CampaignDataOptions options, byte[] key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCampaignData(o =>
        {
            o.Provider = options.Provider;
            o.ConnectionString = options.ConnectionString;
            o.Schema = options.Schema;
        });
        DatabaseBlobHost? host = null;
        builder.Services.AddSingleton<IBlobStore>(sp => host!.StoreAt(TimeSpan.Zero));
        host = new DatabaseBlobHost(builder.Build(), key);
        host.app.MapLocalBlobLinks("/blobs");
        await host.app.StartAsync();
        var address = host.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.LinkBase = new Uri($"{address}/blobs");
        return host;
    }

    /// <summary>A store over the same database and key whose clock is moved by <paramref name="offset"/>.</summary>
    public IBlobStore StoreAt(TimeSpan offset)
    {
        TimeProvider clock = offset == TimeSpan.Zero ? TimeProvider.System : new ShiftedClock(offset);
        return new DatabaseBlobStore(Database, new HostBlobLinks(key, LinkBase, clock), clock);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
