using System.Net;

namespace CampaignFlows.Aws.Tests;

public class AwsErrorClassifierTests
{
    [Theory]
    [InlineData("TooManyRequestsException", "Maximum sending rate exceeded.", 429, AwsErrorKind.Throttled)]
    [InlineData("UnknownError", "", 429, AwsErrorKind.Throttled)]
    [InlineData("Throttling", "Maximum sending rate exceeded.", 400, AwsErrorKind.Throttled)]
    [InlineData("LimitExceededException", "Too many requests", 400, AwsErrorKind.QuotaExceeded)]
    [InlineData("Throttling", "Daily message quota exceeded.", 400, AwsErrorKind.QuotaExceeded)]
    [InlineData("SendingPausedException", "Sending is paused", 400, AwsErrorKind.AccountPaused)]
    [InlineData("AccountSuspendedException", "The account is suspended", 400, AwsErrorKind.AccountPaused)]
    [InlineData("MessageRejected", "Sending paused for this account.", 400, AwsErrorKind.AccountPaused)]
    [InlineData("MessageRejected", "Email address is not verified.", 400, AwsErrorKind.Permanent)]
    [InlineData("BadRequestException", "Invalid template data", 400, AwsErrorKind.Permanent)]
    [InlineData("NotFoundException", "Template does not exist", 404, AwsErrorKind.Permanent)]
    [InlineData("MailFromDomainNotVerifiedException", "", 400, AwsErrorKind.Permanent)]
    [InlineData("SomethingNewException", "", 403, AwsErrorKind.Permanent)]
    [InlineData("SomethingNewException", "", 503, AwsErrorKind.Transient)]
    [InlineData("InternalFailure", "", 500, AwsErrorKind.Transient)]
    [InlineData("ServiceUnavailable", "", 400, AwsErrorKind.Transient)]
    public void Classify_ErrorAnswer_MapsToDesignKind(string code, string message, int status, AwsErrorKind expected) =>
        Assert.Equal(expected, AwsErrorClassifier.Classify(code, message, (HttpStatusCode)status));

    [Fact]
    public void Classify_NoAnswer_IsTransient() =>
        Assert.Equal(AwsErrorKind.Transient, AwsErrorClassifier.Classify("RequestTimeout", null, null));

    [Theory]
    [InlineData("TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.availability/", "TooManyRequestsException")]
    [InlineData("com.amazonaws.sqs#QueueDoesNotExist", "QueueDoesNotExist")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("  NotFoundException ", "NotFoundException")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NormalizeErrorCode_WrappedType_StripsNamespaceAndSuffix(string? raw, string expected) =>
        Assert.Equal(expected, AwsErrorClassifier.NormalizeErrorCode(raw));
}
