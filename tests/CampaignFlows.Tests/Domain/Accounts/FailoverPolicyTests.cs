using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Accounts;

public sealed class FailoverPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly SesAccount Primary = new("marketing-primary", "us-east-1", ["marketing"], 1);
    private static readonly SesAccount Backup = new("marketing-backup", "us-west-2", ["marketing", "newsletter"], 2);
    private static readonly SesAccount Transactional = new("transactional", "us-east-1", ["transactional"], 1);

    private static readonly FailoverPolicy Policy = new([Backup, Transactional, Primary]);

    private static Dictionary<string, CircuitBreaker> Breakers(params (string Name, CircuitBreaker Breaker)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Breaker);

    [Fact]
    public void Choose_AllClosed_TakesFirstInFailoverOrder()
    {
        var choice = Policy.Choose("marketing", Breakers(), Now);

        Assert.Equal(Primary, choice.Account);
        Assert.False(choice.IsProbe);
    }

    [Fact]
    public void Choose_PrimaryPaused_FailsOverToBackup()
    {
        var breakers = Breakers((Primary.Name, CircuitBreaker.Closed.Open(BreakerTrip.Paused, "sending paused", Now)));

        Assert.Equal(Backup, Policy.Choose("marketing", breakers, Now.AddMinutes(1)).Account);
    }

    [Fact]
    public void Choose_PrimaryCooledDown_ProbesPrimaryAgain()
    {
        var breakers = Breakers((Primary.Name, CircuitBreaker.Closed.Open(BreakerTrip.Paused, "sending paused", Now)));

        var choice = Policy.Choose("marketing", breakers, Now.AddMinutes(15));

        Assert.Equal(Primary, choice.Account);
        Assert.True(choice.IsProbe);
    }

    [Fact]
    public void Choose_AllOpen_DeadLettersWithEachAccountsReason()
    {
        var breakers = Breakers(
            (Primary.Name, CircuitBreaker.Closed.Open(BreakerTrip.Suspended, "account suspended", Now)),
            (Backup.Name, CircuitBreaker.Closed.Open(BreakerTrip.QuotaExhausted, "daily quota exceeded", Now, Now.AddHours(3))));

        var choice = Policy.Choose("marketing", breakers, Now.AddMinutes(5));

        Assert.True(choice.IsDeadLetter);
        Assert.Contains("marketing-primary (us-east-1) is open until 2026-11-11 09:00:00Z after account suspended", choice.DeadLetterReason);
        Assert.Contains("marketing-backup (us-west-2) is open until 2026-11-11 11:00:00Z after daily quota exceeded", choice.DeadLetterReason);
    }

    [Fact]
    public void Choose_UnknownStream_DeadLettersNamingStream()
    {
        var choice = Policy.Choose("billing", Breakers(), Now);

        Assert.True(choice.IsDeadLetter);
        Assert.Contains("'billing'", choice.DeadLetterReason);
    }

    [Fact]
    public void Choose_TransactionalStream_NeverUsesMarketingAccounts()
    {
        var breakers = Breakers((Transactional.Name, CircuitBreaker.Closed.Open(BreakerTrip.Paused, "paused", Now)));

        Assert.True(Policy.Choose("transactional", breakers, Now).IsDeadLetter);
        Assert.Equal(Transactional, Policy.Choose("Transactional", Breakers(), Now).Account);
    }

    [Fact]
    public void Choose_ProbeOut_FallsBackToNextAccount()
    {
        var probing = CircuitBreaker.Closed.Open(BreakerTrip.ErrorRate, "errors", Now).StartProbe(Now.AddMinutes(1));

        Assert.Equal(Backup, Policy.Choose("marketing", Breakers((Primary.Name, probing)), Now.AddMinutes(1)).Account);
    }

    [Fact]
    public void For_Stream_ListsCarriersInOrder()
    {
        Assert.Equal([Primary, Backup], Policy.For("marketing"));
        Assert.Equal([Backup], Policy.For("newsletter"));
    }

    [Fact]
    public void Constructor_BadAccounts_NamesEachProblem()
    {
        var error = Assert.Throws<DomainValidationException>(() => new FailoverPolicy(
        [
            new SesAccount("a", "", ["marketing"], 1),
            new SesAccount("A", "us-east-1", [], 2),
        ]));

        Assert.Equal(["accounts[0].region", "accounts[1].streams", "accounts"], error.Errors.Select(e => e.Field));
        Assert.Contains("repeated: a", error.Message);
    }

    [Fact]
    public void Constructor_NoAccounts_Refuses()
    {
        Assert.Equal("accounts", Assert.Throws<DomainValidationException>(() => new FailoverPolicy([])).Errors.Single().Field);
    }
}
