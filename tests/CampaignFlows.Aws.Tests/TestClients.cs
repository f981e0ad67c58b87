using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Aws.Tests;

/// <summary>Clients over a fake handler, with fixed test credentials.</summary>
internal static class TestClients
{
    public static AwsAccountOptions Account(TimeSpan? timeout = null) => new()
    {
        Name = "test",
        Region = "eu-west-1",
        ServiceUrl = new Uri("http://127.0.0.1:4566/"),
        AccessKeyId = "AKIDTEST",
        SecretAccessKey = "secret",
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public static SesV2Client Ses(FakeHandler handler, AwsAccountOptions? account = null) =>
        new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, account ?? Account(), TimeProvider.System, NullLogger<SesV2Client>.Instance);

    public static SqsClient Sqs(FakeHandler handler, AwsAccountOptions? account = null) =>
        new(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, account ?? Account(), TimeProvider.System, NullLogger<SqsClient>.Instance);
}
