using System.Diagnostics;
using System.Threading.Channels;

namespace CampaignFlows.Sandbox.Events;

/// <summary>
/// Publishes each sent mail's SES events, SNS-wrapped, to its account's event queue after the configured delay.
/// </summary>
/// <remarks>
/// Sends only enqueue; one background loop builds the JSON, so the send path never waits on event formatting.
/// The delay is real time and the same for every mail, so the channel's order is also the due order.
/// </remarks>
internal sealed class EventPublisher(SandboxState state, int delayMilliseconds)
{
    private readonly Channel<(SentMail Mail, long DueAt)> _pending = Channel.CreateUnbounded<(SentMail, long)>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(SentMail mail) =>
        _pending.Writer.TryWrite((mail, Stopwatch.GetTimestamp() + delayMilliseconds * Stopwatch.Frequency / 1000));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (mail, dueAt) in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
                // Timers tick in milliseconds: waiting out a shorter gap would cost a whole tick per event.
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                Deliver(mail);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: undelivered events die with the sandbox, as queued notifications would.
        }
    }

    private void Deliver(SentMail mail)
    {
        var account = mail.Account;
        var options = account.Options;
        var queue = options.EventQueueName.Length == 0 ? null : state.Queues.GetOrCreate(account.Region, account.AccountId, options.EventQueueName, null);
        foreach (var (type, json) in SesEventJson.Events(mail, options.EventTypes))
        {
            account.CountEvent(type);
            if (queue is null) continue;
            var envelope = SnsEnvelope.Wrap(json, account, options.EventQueueName, mail.Timestamp);
            queue.Send(envelope, 0, null, "AIDASNSSES", state.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }
}
