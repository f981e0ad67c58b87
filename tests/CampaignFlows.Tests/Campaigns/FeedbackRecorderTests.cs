using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

public sealed class FeedbackRecorderTests
{
    private readonly Mock<IRecipientProgress> _progress = new();
    private readonly List<IReadOnlyList<RecipientFeedback>> _writes = [];
    private readonly List<DateTimeOffset> _countedAt = [];
    private readonly FakeClock _clock = new();
    private readonly FeedbackRecorder _recorder;
    private TaskCompletionSource _firstWriteMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FeedbackRecorderTests()
    {
        _progress.Setup(p => p.RecordFeedbackBatchAsync(It.IsAny<IReadOnlyList<RecipientFeedback>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<RecipientFeedback> events, DateTimeOffset countedAt, CancellationToken _) =>
            {
                lock (_writes)
                {
                    _writes.Add(events);
                    _countedAt.Add(countedAt);
                }
                if (_writes.Count == 1) await _firstWriteMayFinish.Task;
                if (events.Any(e => e.MessageId == "bad")) throw new InvalidOperationException("bad row");
                return [.. events.Select(e => e.MessageId == "unknown" ? null
                    : (FeedbackApplied?)new FeedbackApplied(new RecipientKey("cmp", e.MessageId + "@example.com", e.MessageId + "@example.com", "primary", RecipientStatus.Sent),
                        e.MessageId != "seen"))];
            });
        _recorder = new FeedbackRecorder(_progress.Object, _clock);
    }

    [Fact]
    public async Task EventsArrivingDuringAWrite_AreWrittenTogetherInTheNext()
    {
        var first = _recorder.RecordAsync(Event("m0"), CancellationToken.None);
        await WaitForWritesAsync(1);
        var later = Enumerable.Range(1, 30).Select(i => _recorder.RecordAsync(Event($"m{i}", FeedbackKind.HardBounce), CancellationToken.None)).ToArray();
        _firstWriteMayFinish.SetResult();

        await Task.WhenAll([first, .. later]);

        Assert.Equal(2, _writes.Count);
        Assert.Equal(30, _writes[1].Count);
        Assert.Equal("m7@example.com", (await later[6])!.Recipient.Address);
    }

    [Fact]
    public async Task EachWriteCountsItsEventsAtTheMomentItIsWritten()
    {
        _firstWriteMayFinish.SetResult();

        await _recorder.RecordAsync(Event("m0"), CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(3);
        await _recorder.RecordAsync(Event("m1"), CancellationToken.None);

        Assert.Equal([FakeClock.Start, FakeClock.Start.AddMinutes(3)], _countedAt);
    }

    [Fact]
    public async Task UnknownMessagesAnswerNull_AndRepeatsSayNothingChanged()
    {
        _firstWriteMayFinish.SetResult();

        Assert.Null(await _recorder.RecordAsync(Event("unknown"), CancellationToken.None));
        Assert.False((await _recorder.RecordAsync(Event("seen"), CancellationToken.None))!.Changed);
    }

    [Fact]
    public async Task ABadEventFailsOnlyItsOwnCaller()
    {
        var first = _recorder.RecordAsync(Event("m0"), CancellationToken.None);
        await WaitForWritesAsync(1);
        var good = _recorder.RecordAsync(Event("m1"), CancellationToken.None);
        var bad = _recorder.RecordAsync(Event("bad"), CancellationToken.None);
        var alsoGood = _recorder.RecordAsync(Event("m2"), CancellationToken.None);
        _firstWriteMayFinish.SetResult();

        await first;
        Assert.True((await good)!.Changed);
        Assert.True((await alsoGood)!.Changed);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("bad row", error.Message);
        Assert.Equal(["m0"], _writes[0].Select(e => e.MessageId));
        Assert.Equal(["m1", "bad", "m2"], _writes[1].Select(e => e.MessageId));
        Assert.Equal(["m1"], _writes[2].Select(e => e.MessageId));
    }

    [Fact]
    public async Task ACallerGivingUpDoesNotStopTheWrite()
    {
        using var cancel = new CancellationTokenSource();
        var first = _recorder.RecordAsync(Event("m0"), cancel.Token);
        await WaitForWritesAsync(1);
        var other = _recorder.RecordAsync(Event("m1"), CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        _firstWriteMayFinish.SetResult();

        Assert.True((await other)!.Changed);
        Assert.Equal(2, _writes.Count);
    }

    private async Task WaitForWritesAsync(int count)
    {
        for (var i = 0; i < 500 && _writes.Count < count; i++) await Task.Delay(10);
        Assert.Equal(count, _writes.Count);
    }

    private static RecipientFeedback Event(string messageId, FeedbackKind kind = FeedbackKind.Delivered) => new(messageId, kind, DateTimeOffset.UnixEpoch);

    private sealed class FakeClock : TimeProvider
    {
        public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
