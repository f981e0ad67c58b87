using System.Diagnostics;
using System.Net;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Observability;
using Moq;

namespace CampaignFlows.Tests.Observability;

public sealed class InstrumentedSesClientTests
{
    private static readonly AwsAccountOptions Account = new() { Name = "primary", Region = "eu-west-1" };

    private static SendBulkEmailRequest Request(int entries, string? campaign = "sale") => new()
    {
        DefaultContent = new BulkEmailContent { Template = new Template { TemplateName = "t" } },
        DefaultEmailTags = campaign is null ? null : [new MessageTag { Name = "campaign", Value = campaign }],
        BulkEmailEntries = [.. Enumerable.Range(0, entries).Select(i => new BulkEmailEntry { Destination = new Destination { ToAddresses = [$"u{i}@x.test"] } })],
    };

    private static (InstrumentedSesClient Client, Mock<ISesClient> Inner) Create(MetricCapture capture)
    {
        var inner = new Mock<ISesClient>();
        inner.SetupGet(c => c.Account).Returns(Account);
        return (new InstrumentedSesClient(inner.Object, new MailMetrics(capture.Meters)), inner);
    }

    [Fact]
    public async Task SendBulkEmailAsync_MixedEntries_CountsSentFailedAndThrottled()
    {
        using var capture = new MetricCapture();
        var (client, inner) = Create(capture);
        inner.Setup(c => c.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new SendBulkEmailResponse
        {
            BulkEmailEntryResults =
            [
                new BulkEmailEntryResult { Status = BulkEmailStatus.Success, MessageId = "1" },
                new BulkEmailEntryResult { Status = BulkEmailStatus.Success, MessageId = "2" },
                new BulkEmailEntryResult { Status = BulkEmailStatus.AccountThrottled },
                new BulkEmailEntryResult { Status = BulkEmailStatus.MailFromDomainNotVerified },
            ],
        });

        await client.SendBulkEmailAsync(Request(4));

        Assert.Equal(2, capture.Sum("campaignflows_mails_sent_total", ("account", "primary"), ("campaign", "sale")));
        Assert.Equal(1, capture.Sum("campaignflows_mails_throttled_total", ("account", "primary"), ("campaign", "sale")));
        Assert.Equal(1, capture.Sum("campaignflows_mails_failed_total", ("account", "primary"), ("campaign", "sale")));
        Assert.Equal(1, capture.Count("campaignflows_ses_call_duration_seconds"));
    }

    [Fact]
    public async Task SendBulkEmailAsync_ThrottledCall_CountsEveryEntryThrottledAndRethrows()
    {
        using var capture = new MetricCapture();
        var (client, inner) = Create(capture);
        inner.Setup(c => c.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException(AwsErrorKind.Throttled, "TooManyRequestsException", "Maximum sending rate exceeded.", HttpStatusCode.TooManyRequests, null));

        await Assert.ThrowsAsync<AwsServiceException>(() => client.SendBulkEmailAsync(Request(3)));

        Assert.Equal(3, capture.Sum("campaignflows_mails_throttled_total", ("campaign", "sale")));
        Assert.Equal(0, capture.Count("campaignflows_mails_sent_total"));
        Assert.Equal(1, capture.Sum("campaignflows_ses_call_duration_seconds", ("outcome", "throttled")) > 0 ? 1 : 0);
    }

    [Fact]
    public async Task SendBulkEmailAsync_PermanentRefusal_CountsEveryEntryFailed()
    {
        using var capture = new MetricCapture();
        var (client, inner) = Create(capture);
        inner.Setup(c => c.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException(AwsErrorKind.Permanent, "NotFoundException", "Template t does not exist.", HttpStatusCode.NotFound, null));

        await Assert.ThrowsAsync<AwsServiceException>(() => client.SendBulkEmailAsync(Request(5)));

        Assert.Equal(5, capture.Sum("campaignflows_mails_failed_total", ("account", "primary")));
    }

    [Fact]
    public async Task SendBulkEmailAsync_Listened_StartsClientSpanLinkedToCampaignWithoutAddresses()
    {
        using var capture = new MetricCapture();
        var (client, inner) = Create(capture);
        inner.Setup(c => c.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendBulkEmailResponse { BulkEmailEntryResults = [new BulkEmailEntryResult { Status = BulkEmailStatus.Success }] });
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        await client.SendBulkEmailAsync(Request(1, campaign: "span-campaign"));

        Activity span;
        lock (spans) span = Assert.Single(spans, s => Equals(s.GetTagItem(Telemetry.InstanceIdTag), "span-campaign"));
        Assert.Equal("ses SendBulkEmail", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("primary", span.GetTagItem("account"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains('@') == true);
    }

    [Fact]
    public void Tally_MissingEntryResults_CountsThemThrottled()
    {
        var response = new SendBulkEmailResponse { BulkEmailEntryResults = [new BulkEmailEntryResult { Status = BulkEmailStatus.Success }] };

        Assert.Equal((1, 0, 2), InstrumentedSesClient.Tally(response, 3));
    }

    [Fact]
    public void CreateSes_SameInnerClient_ReturnsSameInstrumentedClient()
    {
        using var capture = new MetricCapture();
        var inner = new Mock<ISesClient>().Object;
        var factory = new Mock<IAwsClientFactory>();
        factory.Setup(f => f.CreateSes(It.IsAny<AwsAccountOptions>())).Returns(inner);
        var instrumented = new InstrumentedAwsClientFactory(factory.Object, new MailMetrics(capture.Meters));

        Assert.Same(instrumented.CreateSes(Account), instrumented.CreateSes(Account));
        Assert.IsType<InstrumentedSesClient>(instrumented.CreateSes(Account));
    }
}
