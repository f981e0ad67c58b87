using CampaignFlows.Sandbox.Ses;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Unit;

public sealed class MailboxSimulatorTests
{
    private readonly SandboxAccount _account = new SandboxState(new SandboxOptions()).GetAccount("AKIDUNIT", "us-east-1");

    [Theory]
    [InlineData("success@simulator.amazonses.com", "Delivery", null)]
    [InlineData("ooto@simulator.amazonses.com", "Delivery", null)]
    [InlineData("bounce@simulator.amazonses.com", "Bounce", "General")]
    [InlineData("Bounce+label@Simulator.AmazonSES.com", "Bounce", "General")]
    [InlineData("complaint@simulator.amazonses.com", "Complaint", null)]
    [InlineData("suppressionlist@simulator.amazonses.com", "Suppressed", "Suppressed")]
    [InlineData("anyone@example.com", "Delivery", null)]
    public void Decide_SimulatorAddresses_FollowSes(string address, string outcome, string? bounceSubType)
    {
        var decided = new MailboxSimulator(1, new Dictionary<string, DomainOutcomeOptions>()).Decide(address, _account);

        Assert.Equal(outcome, decided.Name);
        Assert.Equal(bounceSubType, decided.BounceSubType);
        Assert.False(decided.CountsForReputation && address.Contains("simulator", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Decide_AddressOnAccountSuppressionList_BouncesWithOnAccountSuppressionList()
    {
        _account.Suppressed["x@example.com"] = new SuppressedDestination("x@example.com", "BOUNCE", 0);

        var decided = new MailboxSimulator(1, new Dictionary<string, DomainOutcomeOptions>()).Decide("X@example.com", _account);

        Assert.Equal("OnAccountSuppressionList", decided.BounceSubType);
        Assert.Equal("Permanent", decided.BounceType);
    }

    [Fact]
    public void Decide_DomainWithCertainBounce_BouncesEveryAddressAndCountsForReputation()
    {
        var simulator = new MailboxSimulator(3, new Dictionary<string, DomainOutcomeOptions> { ["dead.test"] = new() { BounceProbability = 1 } });

        Assert.All(Enumerable.Range(0, 20), i => Assert.True(simulator.Decide($"u{i}@dead.test", _account) is { Bounced: true, CountsForReputation: true }));
    }
}
