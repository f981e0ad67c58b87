using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>A real Kestrel host on a free loopback port serving local blob links, as the app host does.</summary>
public sealed class LocalLinkHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string RootPath { get; } = Directory.CreateTempSubdirectory("local-blobs-").FullName;

    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    public Uri LinkBase { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public LocalFolderBlobStore CreateStore(TimeProvider? clock = null) =>
        new(new LocalFolderBlobStoreOptions { RootPath = RootPath, LinkBaseUri = LinkBase, SigningKey = SigningKey }, clock);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_ => CreateStore());
        app = builder.Build();
        app.MapLocalBlobLinks("/files/blobs");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        LinkBase = new Uri($"{address}/files/blobs");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Http.Dispose();
        Directory.Delete(RootPath, recursive: true);
    }
}
