using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Failures;

public sealed class FailurePolicyTests
{
    [Fact]
    public void For_Throttled_RetriesWithoutSpendingAttemptAndLowersRate()
    {
        var response = FailurePolicy.For(SendFailureKind.Throttled);

        Assert.True(response.Retry);
        Assert.False(response.SpendsAttempt);
        Assert.True(response.LowerRateLimit);
        Assert.False(response.CountsAsError);
        Assert.Null(response.Trip);
    }

    [Theory]
    [InlineData(SendFailureKind.QuotaExceeded, BreakerTrip.QuotaExhausted, false)]
    [InlineData(SendFailureKind.AccountPaused, BreakerTrip.Paused, true)]
    [InlineData(SendFailureKind.AccountSuspended, BreakerTrip.Suspended, true)]
    public void For_AccountState_TripsBreakerAndFailsOver(SendFailureKind kind, BreakerTrip trip, bool alert)
    {
        var response = FailurePolicy.For(kind);

        Assert.Equal(trip, response.Trip);
        Assert.True(response.FailOver);
        Assert.True(response.Retry);
        Assert.False(response.SpendsAttempt);
        Assert.Equal(alert, response.Alert);
        Assert.False(response.DeadLetter);
    }

    [Fact]
    public void For_Transient_RetriesWithBackoffAndCountsAsError()
    {
        var response = FailurePolicy.For(SendFailureKind.Transient);

        Assert.True(response.Retry && response.Backoff && response.SpendsAttempt && response.CountsAsError);
        Assert.False(response.FailOver);
    }

    [Fact]
    public void For_Permanent_DeadLettersWithoutRetry()
    {
        var response = FailurePolicy.For(SendFailureKind.Permanent);

        Assert.False(response.Retry);
        Assert.True(response.DeadLetter);
        Assert.False(response.FailOver);
    }

    [Fact]
    public void For_EveryKind_HasDescriptionAndConsistentFlags()
    {
        foreach (var kind in Enum.GetValues<SendFailureKind>())
        {
            var response = FailurePolicy.For(kind);
            Assert.Equal(kind, response.Kind);
            Assert.False(string.IsNullOrWhiteSpace(response.Description));
            Assert.NotEqual(response.Retry, response.DeadLetter);
            Assert.True(!response.FailOver || response.Trip is not null, $"{kind} fails over without opening a breaker");
        }
    }

    [Fact]
    public void For_UnknownValue_Refuses()
    {
        Assert.Equal("kind", Assert.Throws<DomainValidationException>(() => FailurePolicy.For((SendFailureKind)99)).Errors.Single().Field);
    }
}
