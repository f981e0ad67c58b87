using System.Data.Common;
using CampaignFlows.Blobs;
using CampaignFlows.Data;
using CampaignFlows.Durable;
using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>Registers campaigns: mail accounts and their flow limits, the data store, the audience store.</summary>
public static class CampaignServiceCollectionExtensions
{
    /// <summary>The folder (beside host.json) holding the embedded databases and the local blob store.</summary>
    public const string DataFolder = ".data";

    /// <summary>
    /// Adds the mail services. With no SES account configured, starts the embedded sandbox first and points the
    /// accounts at it. The campaign data lives beside the engine's: the same PostgreSQL database (schema <c>mail</c>)
    /// or a second SQLite file next to the engine's.
    /// </summary>
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        var sandbox = EmbeddedSandbox.StartIfNeeded(builder.Configuration);
        var services = builder.Services;
        if (sandbox is not null) services.AddSingleton(_ => sandbox);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).Validate(o => { o.Validate(); return true; });
        services.AddAwsClients();
        services.AddSingleton<MailAccounts>();
        services.AddSingleton<AccountLimitsNudge>();
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton(_ => new SesCallPacer(TimeProvider.System));
        services.AddSingleton<AudienceStore>();
        services.AddSingleton<DeadLetterQueue>();
        services.AddSingleton<CampaignRequestValidator>();
        services.AddSingleton<IConfigureOptions<DurableEngineOptions>, AccountFlowLimits>();
        services.AddHostedService<AccountLimitsRefresher>();

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddCampaignData(_ => { });
        services.AddOptions<CampaignDataOptions>().Configure<IOptions<DurableEngineOptions>>((data, engine) => UseEngineDatabase(data, engine.Value));
        var storage = builder.Configuration["AttachmentStorage"] ?? builder.Configuration["AzureWebJobsStorage"];
        // A key from secrets all hosts share, so a link made by one host opens on any other; without one, a key file.
        var linkKey = HostBlobLinkKey.Derive(builder.Configuration[HostBlobLinkKey.SigningKeySetting], builder.Configuration["MasterKey"]);
        services.AddBlobStore(storage, _ => new LocalFolderBlobStoreOptions
        {
            RootPath = Path.Combine(contentRoot, DataFolder, "blobs"),
            LinkBaseUri = new Uri((builder.Configuration["PublicBaseUrl"] ?? "http://127.0.0.1:7071").TrimEnd('/') + "/blobs"),
            SigningKey = linkKey,
        });
        // Hosts sharing PostgreSQL share no disk: without a storage account, blobs go to the shared database.
        if (string.IsNullOrWhiteSpace(storage)) services.AddSharedDatabaseBlobs();
        return builder;
    }

    private static void UseEngineDatabase(CampaignDataOptions data, DurableEngineOptions engine)
    {
        var postgres = string.Equals(engine.StorageProvider.Type, "postgres", StringComparison.OrdinalIgnoreCase);
        data.Provider = postgres ? CampaignDataOptions.Postgres : CampaignDataOptions.Sqlite;
        if (postgres)
        {
            data.ConnectionString = engine.StorageProvider.ConnectionString;
            return;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = engine.StorageProvider.ConnectionString };
        var file = builder.TryGetValue("Data Source", out var source) ? source?.ToString() : null;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        builder["Data Source"] = Path.Combine(Path.GetDirectoryName(file) ?? "", Path.GetFileNameWithoutExtension(file) + "-mail" + Path.GetExtension(file));
        data.ConnectionString = builder.ConnectionString;
    }
}
