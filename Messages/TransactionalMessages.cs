using System.Text.Json;
using CampaignFlows.Data.Dedup;
using CampaignFlows.Durable;
using CampaignFlows.Orchestrations;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Messages;

/// <summary>
/// Sends transactional mail: validates, de-duplicates within the debounce window, schedules the durable send and waits
/// (bounded) for SES's answer.
/// </summary>
/// <remarks>
/// The first request with a key schedules an instance whose id is derived from the key and the moment it was first
/// seen, so a repeat arriving while the first is still in flight finds that instance and waits for the same answer.
/// The mail is durable from the moment the instance is scheduled; the request answers 202 when SES has not accepted
/// it within <see cref="MessagesOptions.AnswerWait"/>.
/// </remarks>
public sealed class TransactionalMessages(TransactionalValidator validator, IRequestDedup dedup, IOptions<MessagesOptions> options, TimeProvider time)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private readonly MessagesOptions _options = options.Value;

    /// <summary>Sends a message, or answers as the first identical request within the window did.</summary>
    /// <returns>The answer and whether it repeats an earlier request's.</returns>
    /// <exception cref="Functions.FunctionHttpException">The request is invalid, blocked or not allowed for the recipient; nothing was sent.</exception>
    public async Task<(MessageAnswer Answer, bool Repeat)> SendAsync(MessageRequest request, DurableTaskClient client, CancellationToken cancellation)
    {
        var (message, key) = await validator.ValidateAsync(request, cancellation);
        var deadline = time.GetUtcNow() + _options.AnswerWait;
        var poll = FirstPoll;
        while (true)
        {
            var decision = await dedup.BeginAsync(key.Value, _options.DebounceWindow, time.GetUtcNow(), cancellation);
            var id = InstanceId(key, decision.FirstSeen);
            switch (decision.State)
            {
                case DedupState.Completed when decision.Outcome is not null:
                    return (JsonSerializer.Deserialize<MessageAnswer>(decision.Outcome, DurableJson.Options)!, true);
                case DedupState.First:
                    return (await SendFirstAsync(client, key.Value, id, message, deadline, cancellation), false);
                case DedupState.InFlight when await client.GetInstanceAsync(id, cancellation: cancellation) is not null:
                    return (await WaitAsync(client, id, deadline, cancellation), true);
            }

            // The first request has not scheduled its instance yet (or failed and will abandon the key): look again shortly.
            if (time.GetUtcNow() >= deadline) return (new MessageAnswer(id, MessageAnswer.Pending, null, null, null), true);
            await Task.Delay(poll, time, cancellation);
            poll = TimeSpan.FromMilliseconds(Math.Min(200, poll.TotalMilliseconds * 1.5));
        }
    }

    /// <summary>The instance id for a key first seen at a moment; the same for every repeat within the window.</summary>
    public static string InstanceId(Domain.DebounceKey key, DateTimeOffset firstSeen) => $"msg-{key.Value[..32]}-{firstSeen.ToUnixTimeMilliseconds()}";

    private async Task<MessageAnswer> SendFirstAsync(DurableTaskClient client, string key, string id, TransactionalMessage message, DateTimeOffset deadline,
        CancellationToken cancellation)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(TransactionalOrchestrator), message, new StartOrchestrationOptions(id), cancellation);
        }
        catch (Exception error) when (error is not InstanceAlreadyExistsException)
        {
            await dedup.AbandonAsync(key, CancellationToken.None);
            throw;
        }

        var answer = await WaitAsync(client, id, deadline, cancellation);
        if (answer.IsFinal) await dedup.CompleteAsync(key, JsonSerializer.Serialize(answer, DurableJson.Options), CancellationToken.None);
        return answer;
    }

    private async Task<MessageAnswer> WaitAsync(DurableTaskClient client, string id, DateTimeOffset deadline, CancellationToken cancellation)
    {
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero) remaining = TimeSpan.FromMilliseconds(1);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(remaining);
        try
        {
            var finished = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, bounded.Token);
            return finished.ReadOutputAs<TransactionalOutcome>() is { } outcome
                ? MessageAnswer.From(id, outcome)
                : new MessageAnswer(id, TransactionalOutcome.DeadLettered, null, null, $"The send ended {finished.RuntimeStatus}: {finished.FailureDetails?.ErrorMessage}");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new MessageAnswer(id, MessageAnswer.Pending, null, null, null);
        }
    }
}
