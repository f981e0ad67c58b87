using CampaignFlows.Data.Recipients;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Data.Tests.Conformance;

/// <summary>
/// The behaviour every campaign data provider must show. Each test gets an empty database of its own (a new SQLite
/// file, or a new PostgreSQL schema); "hosts" are separate service providers over that same database.
/// </summary>
public abstract partial class DataStoreConformance : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> _hosts = [];

    protected ServiceProvider Host { get; private set; } = null!;

    /// <summary>Options for this test's own, empty database.</summary>
    protected abstract CampaignDataOptions Options { get; }

    public virtual async Task InitializeAsync()
    {
        Host = NewHost();
        await Host.GetRequiredService<CampaignDataInitializer>().InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    /// <summary>Another host (its own connections and, for SQLite, its own writer) on the same database.</summary>
    protected ServiceProvider NewHost(Action<CampaignDataOptions>? tweak = null)
    {
        var options = Options;
        var host = new ServiceCollection().AddLogging().AddCampaignData(o =>
        {
            o.Provider = options.Provider;
            o.ConnectionString = options.ConnectionString;
            o.Schema = options.Schema;
            o.ClaimLease = TimeSpan.FromMinutes(1);
            tweak?.Invoke(o);
        }).BuildServiceProvider();
        _hosts.Add(host);
        return host;
    }

    protected T Get<T>() where T : notnull => Host.GetRequiredService<T>();

    protected IRecipientStore Recipients => Get<IRecipientStore>();

    protected IRecipientBatches Batches => Get<IRecipientBatches>();

    protected IRecipientProgress Progress => Get<IRecipientProgress>();

    protected static string NewCampaign() => "c-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Audience rows user0..user(n-1) spread over three domains.</summary>
    protected static List<RecipientRow> Rows(int count, int from = 0) =>
        Enumerable.Range(from, count).Select(i => Row($"user{i}@{Domains[i % Domains.Length]}")).ToList();

    protected static readonly string[] Domains = ["gmail.com", "outlook.com", "example.org"];

    protected static RecipientRow Row(string address, string? rejectReason = null) =>
        new(address, address.Trim().ToLowerInvariant(), "Name " + address, 50, """{"first":"x"}""", address[(address.IndexOf('@') + 1)..].ToLowerInvariant(), rejectReason);

    /// <summary>Claims every planned batch and records each recipient as sent; returns the addresses in claim order.</summary>
    protected async Task<List<string>> SendAllAsync(string campaignId, BatchPlan plan, string tokenPrefix = "t")
    {
        var sent = new List<string>();
        foreach (var batch in plan.Batches)
        {
            var token = $"{tokenPrefix}-{batch.Batch}";
            var claimed = await Batches.ClaimBatchAsync(campaignId, batch.Batch, token, T0);
            await Batches.RecordResultsAsync(campaignId, token, claimed.Select(r => Sent(r.NormalizedAddress)).ToList(), T0);
            sent.AddRange(claimed.Select(r => r.NormalizedAddress));
        }
        return sent;
    }

    protected static RecipientResult Sent(string address) => new(address, SendOutcome.Sent, "msg-" + address, "primary");
}
