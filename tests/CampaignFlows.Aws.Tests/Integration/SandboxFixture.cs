using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Aws.Tests.Integration;

/// <summary>One in-process sandbox over real loopback HTTP, shared by the integration tests; each test isolates
/// itself by using its own access key id, which the sandbox treats as its own account.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string Region = "eu-west-1";

    /// <summary>The account whose dedicated IPs exist from the start (the sandbox seeds IPs when it creates an account).</summary>
    public const string DedicatedIpAccount = "AKIDIPS";

    public static readonly IReadOnlyList<string> DedicatedIps = ["198.51.100.1", "198.51.100.2"];

    private ServiceProvider? _services;

    public SandboxHost Sandbox { get; private set; } = null!;

    public IAwsClientFactory Clients { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Regions = [Region],
            EventDelayMilliseconds = 0,
            Accounts = { [DedicatedIpAccount] = new AccountOptions { DedicatedIps = [.. DedicatedIps] } },
        });
        _services = new ServiceCollection().AddLogging().AddAwsClients().BuildServiceProvider();
        Clients = _services.GetRequiredService<IAwsClientFactory>();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public AwsAccountOptions Account(string accessKeyId) => new()
    {
        Name = accessKeyId,
        Region = Region,
        ServiceUrl = Sandbox.Url,
        AccessKeyId = accessKeyId,
        SecretAccessKey = "sandbox-secret",
        Timeout = TimeSpan.FromSeconds(30),
    };

    public ISesClient Ses(string accessKeyId) => Clients.CreateSes(Account(accessKeyId));

    public ISqsClient Sqs(string accessKeyId) => Clients.CreateSqs(Account(accessKeyId));

    /// <summary>Changes the sandbox account behind an access key, e.g. to pause it or lower its rate.</summary>
    public void Configure(string accessKeyId, Func<AccountOptions, AccountOptions> change) =>
        Sandbox.State.GetAccount(accessKeyId, Region).Update(change);
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
