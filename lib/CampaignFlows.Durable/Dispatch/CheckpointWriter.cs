using System.Threading.Channels;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Dispatch;

/// <summary>
/// Group commit of orchestration checkpoints: episodes that finish while a commit is in flight are written together in
/// the next transaction, so a busy host pays one transaction (and one log flush) per batch instead of per episode, while
/// a lone episode is written at once. Each checkpoint still applies only under its own lease.
/// </summary>
internal sealed class CheckpointWriter(IDurableStore store, ILogger logger)
{
    private const int MaxBatch = 64;

    /// <summary>Batches in flight at once: while one waits on the database (round trips, log flush), the next is prepared.
    /// Checkpoints of one instance never meet in two batches, since an instance has one episode at a time.</summary>
    public const int Writers = 2;

    private readonly Channel<(OrchestrationCommit Commit, TaskCompletionSource<bool> Done)> _pending =
        Channel.CreateUnbounded<(OrchestrationCommit, TaskCompletionSource<bool>)>();

    /// <summary>Queues a checkpoint; completes with whether it was applied (false: its lease was lost), or with the store's error.</summary>
    public Task<bool> CommitAsync(OrchestrationCommit commit)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((commit, done))) done.SetException(new InvalidOperationException("The checkpoint writer has stopped."));
        return done.Task;
    }

    /// <summary>Stops taking checkpoints; <see cref="RunAsync"/> ends once the queued ones are written.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<(OrchestrationCommit Commit, TaskCompletionSource<bool> Done)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 1)
            {
                await WriteOneAsync(batch[0]).ConfigureAwait(false);
                continue;
            }
            try
            {
                var applied = await store.CommitOrchestrationsAsync(batch.Select(b => b.Commit).ToList(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(applied[i]);
            }
            catch (Exception ex)
            {
                // Nothing of the batch was written; one by one, the checkpoint at fault fails alone and the others go through.
                logger.LoopFailed("group commit", ex);
                foreach (var item in batch) await WriteOneAsync(item).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteOneAsync((OrchestrationCommit Commit, TaskCompletionSource<bool> Done) item)
    {
        try
        {
            item.Done.SetResult(await store.CommitOrchestrationAsync(item.Commit, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            item.Done.SetException(ex);
        }
    }
}
