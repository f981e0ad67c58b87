using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Tests.Ses;

public class BulkEmailStatusTests
{
    [Theory]
    [InlineData("ACCOUNT_THROTTLED", null, AwsErrorKind.Throttled)]
    [InlineData("ACCOUNT_DAILY_QUOTA_EXCEEDED", null, AwsErrorKind.QuotaExceeded)]
    [InlineData("ACCOUNT_SUSPENDED", null, AwsErrorKind.AccountPaused)]
    [InlineData("SENDING_PAUSED", null, AwsErrorKind.AccountPaused)]
    [InlineData("ACCOUNT_SENDING_PAUSED", null, AwsErrorKind.AccountPaused)]
    [InlineData("CONFIGURATION_SET_SENDING_PAUSED", null, AwsErrorKind.AccountPaused)]
    [InlineData("MESSAGE_REJECTED", "Sending paused for this account.", AwsErrorKind.AccountPaused)]
    [InlineData("MESSAGE_REJECTED", "Email address is on the suppression list.", AwsErrorKind.Permanent)]
    [InlineData("MAIL_FROM_DOMAIN_NOT_VERIFIED", null, AwsErrorKind.Permanent)]
    [InlineData("CONFIGURATION_SET_NOT_FOUND", null, AwsErrorKind.Permanent)]
    [InlineData("TEMPLATE_NOT_FOUND", null, AwsErrorKind.Permanent)]
    [InlineData("INVALID_PARAMETER", null, AwsErrorKind.Permanent)]
    [InlineData("TRANSIENT_FAILURE", null, AwsErrorKind.Transient)]
    [InlineData("FAILED", null, AwsErrorKind.Transient)]
    [InlineData("SOME_FUTURE_STATUS", null, AwsErrorKind.Permanent)]
    [InlineData(null, null, AwsErrorKind.Permanent)]
    public void ToErrorKind_FailedEntry_MapsToDesignKind(string? status, string? error, AwsErrorKind expected) =>
        Assert.Equal(expected, BulkEmailStatus.ToErrorKind(status, error));

    [Fact]
    public void ToErrorKind_Success_IsNull() => Assert.Null(BulkEmailStatus.ToErrorKind("SUCCESS", null));
}
