using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Aws.Tests;

public class AwsClientFactoryTests
{
    private static IAwsClientFactory Factory() =>
        new ServiceCollection().AddLogging().AddAwsClients().BuildServiceProvider().GetRequiredService<IAwsClientFactory>();

    [Fact]
    public void CreateSes_EqualOptions_ReturnsTheSameClient()
    {
        var factory = Factory();

        var first = factory.CreateSes(TestClients.Account());
        var second = factory.CreateSes(TestClients.Account());

        Assert.Same(first, second);
        Assert.Equal("test", first.Account.Name);
    }

    [Fact]
    public void CreateSqs_OtherRegion_ReturnsAnotherClient()
    {
        var factory = Factory();

        var first = factory.CreateSqs(TestClients.Account());
        var second = factory.CreateSqs(TestClients.Account() with { Region = "us-west-2" });

        Assert.NotSame(first, second);
        Assert.Equal("us-west-2", second.Account.Region);
    }

    [Fact]
    public void CreateSes_InvalidOptions_ThrowsBeforeAnyCall()
    {
        var error = Assert.Throws<ArgumentException>(() => Factory().CreateSes(TestClients.Account() with { Region = "" }));

        Assert.Contains("Region", error.Message);
    }
}
