using CampaignFlows.Durable.Stores.Postgres;
using Npgsql;

namespace CampaignFlows.Durable.Tests.Postgres;

public sealed class PostgresTransientErrorsTests
{
    [Theory]
    [InlineData("40001")]
    [InlineData("40P01")]
    [InlineData("08006")]
    [InlineData("57P01")]
    [InlineData("53300")]
    public void Classify_RetryableSqlState_ReturnsTheCode(string sqlState) =>
        Assert.Equal(sqlState, PostgresTransientErrors.Classify(new PostgresException("failed", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData("23505")]
    [InlineData("42601")]
    [InlineData("57014")]
    public void Classify_PermanentSqlState_ReturnsNull(string sqlState) =>
        Assert.Null(PostgresTransientErrors.Classify(new PostgresException("failed", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Classify_NetworkFailure_ReturnsNetwork() =>
        Assert.Equal("network", PostgresTransientErrors.Classify(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));

    [Fact]
    public void Classify_OtherException_ReturnsNull() =>
        Assert.Null(PostgresTransientErrors.Classify(new InvalidOperationException("bug")));

    [Fact]
    public void Delay_ManyAttempts_StaysWithinTheCap()
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var delay = PostgresTransientErrors.Delay(attempt);
            Assert.InRange(delay, TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(2));
        }
    }
}
