using System.Text.Json;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Data.Suppressions;
using CampaignFlows.Triggers;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

public sealed class SesEventFeedTests
{
    private readonly MailHarness _mail = new();
    private readonly Mock<IRecipientProgress> _progress = new();
    private readonly Mock<ISuppressionList> _suppressions = new();
    private readonly List<SuppressionEntry> _suppressed = [];

    public SesEventFeedTests()
    {
        _progress.Setup(p => p.RecordFeedbackBatchAsync(It.IsAny<IReadOnlyList<RecipientFeedback>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<RecipientFeedback> events, DateTimeOffset _, CancellationToken _) =>
                [.. events.Select(_ => (FeedbackApplied?)new FeedbackApplied(new RecipientKey("cmp", "gone@example.com", "gone@example.com", "primary", RecipientStatus.Bounced), true))]);
        _suppressions.Setup(s => s.AddAsync(It.IsAny<IReadOnlyList<SuppressionEntry>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<SuppressionEntry>, CancellationToken>((entries, _) => _suppressed.AddRange(entries))
            .ReturnsAsync((IReadOnlyList<SuppressionEntry> entries, CancellationToken _) => entries.Count);
    }

    private SesEventFeed Feed() => new(new FeedbackRecorder(_progress.Object, TimeProvider.System), _suppressions.Object, _mail.Accounts,
        TimeProvider.System);

    private static string Sns(object sesEvent) =>
        JsonSerializer.Serialize(new { Type = "Notification", MessageId = "sns-1", Message = JsonSerializer.Serialize(sesEvent) });

    [Fact]
    public async Task Run_HardBounce_SuppressesTheAddressHereAndAtSes()
    {
        var body = Sns(new
        {
            eventType = "Bounce",
            mail = new { messageId = "ses-1", destination = new[] { "gone@example.com" } },
            bounce = new { bounceType = "Permanent", bouncedRecipients = new[] { new { emailAddress = "gone@example.com" } } },
        });

        await Feed().Run(body, CancellationToken.None);

        var entry = Assert.Single(_suppressed);
        Assert.Equal(("gone@example.com", SuppressionReason.HardBounce, "cmp"), (entry.Address, entry.Reason, entry.Source));
        _mail.Ses.Verify(s => s.PutSuppressedDestinationAsync(
            It.Is<PutSuppressedDestinationRequest>(r => r.EmailAddress == "gone@example.com" && r.Reason == SuppressionListReason.Bounce),
            It.IsAny<CancellationToken>()), Times.Once);
        _progress.Verify(p => p.RecordFeedbackBatchAsync(It.Is<IReadOnlyList<RecipientFeedback>>(l => l.Single().MessageId == "ses-1" && l.Single().Kind == FeedbackKind.HardBounce),
            It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_SoftBounce_SuppressesNobody()
    {
        var body = Sns(new
        {
            eventType = "Bounce",
            mail = new { messageId = "ses-2" },
            bounce = new { bounceType = "Transient", bouncedRecipients = new[] { new { emailAddress = "full@example.com" } } },
        });

        await Feed().Run(body, CancellationToken.None);

        Assert.Empty(_suppressed);
        _mail.Ses.Verify(s => s.PutSuppressedDestinationAsync(It.IsAny<PutSuppressedDestinationRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"Type\":\"Notification\",\"Message\":\"{}\"}")]
    [InlineData("{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"x\"}}")]
    public async Task Run_MalformedBody_ThrowsSoTheMessageIsRetriedThenPoisoned(string body)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Feed().Run(body, CancellationToken.None));

        Assert.Contains("Unreadable SES event", error.Message);
        _progress.Verify(p => p.RecordFeedbackBatchAsync(It.IsAny<IReadOnlyList<RecipientFeedback>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
