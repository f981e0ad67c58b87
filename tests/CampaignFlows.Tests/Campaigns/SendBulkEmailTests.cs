using System.Net;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Durable;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

public sealed class SendBulkEmailTests
{
    private static BulkEmailEntryResult Ok(int i) => new() { Status = BulkEmailStatus.Success, MessageId = $"m{i}" };

    private static void Answer(MailHarness harness, params BulkEmailEntryResult[] entries) =>
        harness.Ses.Setup(s => s.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendBulkEmailResponse { BulkEmailEntryResults = entries });

    private static void Fail(MailHarness harness, AwsErrorKind kind, string code) =>
        harness.Ses.Setup(s => s.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException(kind, code, $"{code} from SES", HttpStatusCode.BadRequest, "req-1"));

    [Fact]
    public async Task Run_AllEntriesAccepted_RecordsEverySentWithItsMessageId()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), Ok(2), Ok(3));

        var result = await harness.Send();

        Assert.Equal(new BatchResult(3, 0, 0, null), result);
        Assert.All(harness.Recorded, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Equal(["m1", "m2", "m3"], harness.Recorded.Select(r => r.MessageId));
        Assert.All(harness.Recorded, r => Assert.Equal("primary", r.Account));
        Assert.Empty(harness.DeadLetters);
        // Counted with the results, in their transaction, not by a second write that could fail or repeat on its own.
        Assert.Equal([StatsScope.Campaign("cmp"), StatsScope.Account("primary")], Assert.Single(harness.CountedIn));
        harness.Statistics.Verify(s => s.RecordAsync(It.IsAny<IReadOnlyList<StatsScope>>(), It.IsAny<DeliveryCounts>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_SomeEntriesThrottled_RecordsTheRestThenThrowsThrottled()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), new BulkEmailEntryResult { Status = BulkEmailStatus.AccountThrottled, Error = "Maximum sending rate exceeded." }, Ok(3));

        await Assert.ThrowsAsync<ActivityThrottledException>(harness.Send);

        Assert.Equal([SendOutcome.Sent, SendOutcome.Throttled, SendOutcome.Sent], harness.Recorded.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Run_CallThrottled_ThrowsThrottledAndRecordsNothing()
    {
        var harness = new MailHarness();
        Fail(harness, AwsErrorKind.Throttled, "TooManyRequestsException");

        await Assert.ThrowsAsync<ActivityThrottledException>(harness.Send);

        Assert.Empty(harness.Recorded);
        harness.Statistics.Verify(s => s.RecordAsync(It.IsAny<IReadOnlyList<StatsScope>>(), It.Is<DeliveryCounts>(c => c.Throttled == 1 && c.Sent == 0), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(harness.Nudge.Request("primary"), "the throttle should already have asked for an early quota read of the account");
    }

    [Fact]
    public async Task Run_AccountPaused_ReturnsTheProblemAndReleasesTheRecipients()
    {
        var harness = new MailHarness();
        Fail(harness, AwsErrorKind.AccountPaused, "SendingPausedException");

        var result = await harness.Send();

        Assert.Equal(3, result.Unsent);
        Assert.Equal(0, result.Sent);
        Assert.Contains("SendingPausedException", result.AccountProblem);
        Assert.Equal(3, harness.Recorded.Count);
        Assert.All(harness.Recorded, r => Assert.Equal(SendOutcome.Throttled, r.Outcome));
        Assert.Empty(harness.DeadLetters);
    }

    [Fact]
    public async Task Run_PermanentRefusal_RecordsFailedAndDeadLettersWithTheReason()
    {
        var harness = new MailHarness();
        Fail(harness, AwsErrorKind.Permanent, "MessageRejected");

        var result = await harness.Send();

        Assert.Equal(new BatchResult(0, 3, 0, null), result);
        Assert.All(harness.Recorded, r => Assert.Equal(SendOutcome.Failed, r.Outcome));
        var letter = Assert.Single(harness.DeadLetters);
        Assert.Contains("MessageRejected", letter.MessageBody);
        Assert.Contains("u2@example.com", letter.MessageBody);
        Assert.Equal([StatsScope.Campaign("cmp"), StatsScope.Account("primary")], Assert.Single(harness.CountedIn));
    }

    [Fact]
    public async Task Run_PermanentEntry_FailsOnlyThatRecipientAndDeadLettersIt()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), new BulkEmailEntryResult { Status = BulkEmailStatus.InvalidParameter, Error = "Bad address" }, Ok(3));

        var result = await harness.Send();

        Assert.Equal(new BatchResult(2, 1, 0, null), result);
        Assert.Equal(SendOutcome.Failed, harness.Recorded.Single(r => r.NormalizedAddress == "u2@example.com").Outcome);
        Assert.Contains("u2@example.com", Assert.Single(harness.DeadLetters).MessageBody);
        // The accepted entries and the refused one are each counted with their own write.
        Assert.Equal(2, harness.CountedIn.Count);
    }

    [Fact]
    public async Task Run_RateInForceBelowTheBatch_ClaimsNoMoreThanTheRateAndSaysMoreIsLeft()
    {
        var harness = new MailHarness(recipients: 14);
        harness.Engine.Setup(e => e.GetFlowLimitAsync(MailAccounts.RateKey("primary"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FlowLimitState(MailAccounts.RateKey("primary"), new FlowLimit { PerSecond = 100 }, 14.6, 0, 0));
        Answer(harness, [.. Enumerable.Range(1, 14).Select(Ok)]);

        var result = await harness.Send();

        Assert.Equal([14], harness.ClaimLimits);
        Assert.Equal(new BatchResult(14, 0, 0, null, MoreLeft: true), result);
    }

    [Fact]
    public async Task Run_NoRateKnown_ClaimsAWholeBatch()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), Ok(2), Ok(3));

        var result = await harness.Send();

        Assert.Equal([50], harness.ClaimLimits);
        Assert.False(result.MoreLeft);
    }

    [Fact]
    public async Task Run_ResultWriteFailsAfterSesAccepted_RetriesTheWriteAndSendsOnce()
    {
        var harness = new MailHarness { RecordFaults = 2 };
        Answer(harness, Ok(1), Ok(2), Ok(3));

        var result = await harness.Send();

        Assert.Equal(new BatchResult(3, 0, 0, null), result);
        Assert.Equal(["m1", "m2", "m3"], harness.Recorded.Select(r => r.MessageId));
        harness.Ses.Verify(s => s.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_DeadLetterQueueDown_RecordsTheAcceptedEntriesBeforeFailing()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), new BulkEmailEntryResult { Status = BulkEmailStatus.InvalidParameter, Error = "Bad address" }, Ok(3));
        harness.Sqs.Setup(s => s.SendMessageAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException(AwsErrorKind.Transient, "ServiceUnavailable", "SQS is down", HttpStatusCode.ServiceUnavailable, "req-2"));

        await Assert.ThrowsAsync<AwsServiceException>(harness.Send);

        // The retry claims what is still sending under the token: only the refused entry, which SES refuses again.
        Assert.Equal([("u1@example.com", SendOutcome.Sent), ("u3@example.com", SendOutcome.Sent)],
            harness.Recorded.Select(r => (r.NormalizedAddress, r.Outcome)));
    }

    [Fact]
    public async Task Run_CancelledWhileSesAnswers_StillRecordsWhatSesAccepted()
    {
        var harness = new MailHarness();
        using var cancellation = new CancellationTokenSource();
        harness.Ses.Setup(s => s.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()))
            .Callback(cancellation.Cancel)
            .ReturnsAsync(new SendBulkEmailResponse { BulkEmailEntryResults = [Ok(1), Ok(2), Ok(3)] });

        var result = await harness.Send(cancellation.Token);

        Assert.Equal(3, result.Sent);
        Assert.Equal(["m1", "m2", "m3"], harness.Recorded.Select(r => r.MessageId));
    }

    [Fact]
    public async Task Run_CancelledAfterTheClaim_DoesNotCallSesAndLeavesTheClaimForTheRetry()
    {
        var harness = new MailHarness();
        Answer(harness, Ok(1), Ok(2), Ok(3));
        using var cancellation = new CancellationTokenSource();
        harness.Batches.Setup(b => b.ClaimBatchAsync("cmp", 7, "cmp#7", It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback(cancellation.Cancel)
            .ReturnsAsync([.. Enumerable.Range(1, 3).Select(i => new ClaimedRecipient(i, $"u{i}@example.com", $"u{i}@example.com", null, "{}", "example.com", 1))]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Send(cancellation.Token));

        harness.Ses.Verify(s => s.SendBulkEmailAsync(It.IsAny<SendBulkEmailRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(harness.Recorded);
    }
}
