using System.Net;
using CampaignFlows.Activities;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Messages;
using Microsoft.Extensions.Options;
using Moq;

namespace CampaignFlows.Tests.Messages;

public sealed class SendTransactionalTests
{
    private readonly Mock<ISesClient> _ses = new();
    private readonly SendTransactional _activity;
    private SendEmailRequest? _sent;

    public SendTransactionalTests()
    {
        var options = new MailOptions
        {
            Accounts = [new MailAccountOptions { Name = "tx", Streams = ["transactional"], ServiceUrl = "http://127.0.0.1:1", ConfigurationSetName = "tx-events" }],
        };
        var factory = new Mock<IAwsClientFactory>();
        factory.Setup(f => f.CreateSes(It.IsAny<AwsAccountOptions>())).Returns(_ses.Object);
        _activity = new SendTransactional(new MailAccounts(Options.Create(options), factory.Object), new SesCallPacer());
    }

    private static TransactionalMessage Inline => new("transactional", 10, ["tx"], "no-reply@shop.example", "a@example.com", "reset",
        new global::CampaignFlows.Domain.RenderedMessage("Your code", "<p>1</p>", "1"), null);

    private void Fail(AwsErrorKind kind, string code) =>
        _ses.Setup(s => s.SendEmailAsync(It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException(kind, code, code + " happened", HttpStatusCode.BadRequest, null));

    [Fact]
    public async Task Run_Accepted_ReturnsMessageIdAndSendsRenderedContent()
    {
        _ses.Setup(s => s.SendEmailAsync(It.IsAny<SendEmailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SendEmailRequest, CancellationToken>((r, _) => _sent = r)
            .ReturnsAsync(new SendEmailResponse { MessageId = "m-1" });

        var attempt = await _activity.Run(new TransactionalSend(Inline, "tx"), CancellationToken.None);

        Assert.Equal(new TransactionalAttempt("m-1", null, false), attempt);
        Assert.Equal(["a@example.com"], _sent!.Destination!.ToAddresses!);
        Assert.Equal("Your code", _sent.Content.Simple!.Subject.Data);
        Assert.Equal("tx-events", _sent.ConfigurationSetName);
        Assert.Null(_sent.Content.Template);
    }

    [Fact]
    public void Request_SesTemplate_CarriesNameAndData()
    {
        var message = Inline with { Content = null, TemplateData = """{"code":"1"}""" };
        var request = SendTransactional.Request(message, null);
        Assert.Equal("reset", request.Content.Template!.TemplateName);
        Assert.Equal("""{"code":"1"}""", request.Content.Template.TemplateData);
        Assert.Null(request.Content.Simple);
    }

    [Fact]
    public async Task Run_Throttled_ThrowsActivityThrottled()
    {
        Fail(AwsErrorKind.Throttled, "TooManyRequestsException");
        await Assert.ThrowsAsync<ActivityThrottledException>(() => _activity.Run(new TransactionalSend(Inline, "tx"), CancellationToken.None));
    }

    [Fact]
    public async Task Run_Transient_ThrowsForTheRetryPolicy()
    {
        Fail(AwsErrorKind.Transient, "InternalFailure");
        await Assert.ThrowsAsync<AwsServiceException>(() => _activity.Run(new TransactionalSend(Inline, "tx"), CancellationToken.None));
    }

    [Fact]
    public async Task Run_AccountPaused_ReturnsProblemForFailover()
    {
        Fail(AwsErrorKind.AccountPaused, "SendingPausedException");
        var attempt = await _activity.Run(new TransactionalSend(Inline, "tx"), CancellationToken.None);
        Assert.Null(attempt.MessageId);
        Assert.False(attempt.Permanent);
        Assert.StartsWith("SendingPausedException", attempt.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Rejected_ReturnsPermanentProblem()
    {
        Fail(AwsErrorKind.Permanent, "MessageRejected");
        var attempt = await _activity.Run(new TransactionalSend(Inline, "tx"), CancellationToken.None);
        Assert.True(attempt.Permanent);
        Assert.Contains("MessageRejected", attempt.Problem, StringComparison.Ordinal);
    }
}
