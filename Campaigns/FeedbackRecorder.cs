using CampaignFlows.Data.Recipients;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Records SES feedback for the event feed, many events to a transaction: each event's outcome on its recipient, and, in
/// the same transaction, the delivery statistics the health gates read.
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
public sealed class FeedbackRecorder(IRecipientProgress progress, TimeProvider time)
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
        var applied = await progress.RecordFeedbackBatchAsync([.. batch.Select(p => p.Feedback)], time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(applied[i]);
    }

    private sealed class Pending(RecipientFeedback feedback)
    {
        public RecipientFeedback Feedback { get; } = feedback;
        public TaskCompletionSource<FeedbackApplied?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
