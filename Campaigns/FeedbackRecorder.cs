using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Statistics;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Records SES feedback for the event feed, many events to a transaction: each event's outcome on its recipient, and the
/// delivery statistics the health gates read.
/// </summary>
/// <remarks>
/// <para>Every event of a campaign changes the same counter rows (the campaign's counts, the minute's statistics bucket),
/// and a transaction holds those rows from its update until its commit has reached the disk, so one event to a
/// transaction cannot go faster than one commit at a time: on PostgreSQL about a thousand a second, fewer than a fast
/// campaign's send and delivery events, and the health gates would judge by feedback ever further behind.</para>
/// <para>So events are group-committed: the first caller to find no write under way writes everything waiting, and
/// keeps writing what arrived meanwhile until nothing waits; each caller is answered with its own event's result. A
/// batch that fails is written again one event at a time, so a bad event fails only its own message (which the queue
/// then redelivers), never its neighbours.</para>
/// </remarks>
public sealed class FeedbackRecorder(IRecipientProgress progress, IDeliveryStatistics statistics, TimeProvider time)
{
    /// <summary>Events written in one transaction at most.</summary>
    public const int MaxBatch = 200;

    private readonly Lock _gate = new();
    private readonly Queue<Pending> _waiting = new();
    private bool _writing;

    /// <summary>Records one event (with the others waiting); null when its message id is unknown.</summary>
    public Task<FeedbackApplied?> RecordAsync(RecipientFeedback feedback, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var pending = new Pending(feedback);
        bool lead;
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            lead = !_writing;
            _writing = true;
        }
        if (lead) _ = Task.Run(WriteWaitingAsync, CancellationToken.None);
        return pending.Result.Task.WaitAsync(cancellation);
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = new List<Pending>(Math.Min(_waiting.Count, MaxBatch));
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next)) batch.Add(next);
            }
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    try
                    {
                        await WriteAsync([pending]).ConfigureAwait(false);
                    }
                    catch (Exception error)
                    {
                        pending.Result.TrySetException(error);
                    }
                }
            }
            catch (Exception error)
            {
                batch[0].Result.TrySetException(error);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        var applied = await progress.RecordFeedbackBatchAsync([.. batch.Select(p => p.Feedback)], CancellationToken.None).ConfigureAwait(false);
        var counts = new List<(IReadOnlyList<StatsScope>, DeliveryCounts)>();
        for (var i = 0; i < batch.Count; i++)
            if (applied[i] is { Changed: true } a) counts.Add((Scopes(a.Recipient), Counts(batch[i].Feedback.Kind)));
        if (counts.Count > 0) await statistics.RecordAsync(counts, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(applied[i]);
    }

    private static StatsScope[] Scopes(RecipientKey recipient) =>
        recipient.Account is { } account ? [StatsScope.Campaign(recipient.CampaignId), StatsScope.Account(account)] : [StatsScope.Campaign(recipient.CampaignId)];

    private static DeliveryCounts Counts(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Delivered => new DeliveryCounts(Delivered: 1),
        FeedbackKind.HardBounce => new DeliveryCounts(HardBounced: 1),
        FeedbackKind.SoftBounce => new DeliveryCounts(SoftBounced: 1),
        _ => new DeliveryCounts(Complained: 1),
    };

    private sealed class Pending(RecipientFeedback feedback)
    {
        public RecipientFeedback Feedback { get; } = feedback;
        public TaskCompletionSource<FeedbackApplied?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
