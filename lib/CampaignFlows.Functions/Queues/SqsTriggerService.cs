using System.Collections.Concurrent;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Queues;

/// <summary>
/// Long-polls the queue of each SQS-triggered function (with as many pollers as it asks for) and runs the function once
/// per message, the batch in parallel.
/// Only messages whose function succeeded are deleted (one DeleteMessageBatch per batch); a failed message becomes visible
/// again after the queue's visibility timeout. A message received more often than MaxReceiveCount is copied to the
/// dead-letter queue and deleted instead of being run again.
/// </summary>
/// <remarks>On shutdown the poll and the running handlers are cancelled; what did not finish is not deleted and is received again later.</remarks>
internal sealed class SqsTriggerService(FunctionCatalog catalog, IServiceProvider services, IConfiguration configuration, TimeProvider time,
    ILogger<SqsTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queues = catalog.Functions.Where(f => f.Sqs is not null).ToList();
        if (queues.Count == 0) return Task.CompletedTask;
        var factory = services.GetRequiredService<IAwsClientFactory>();
        return Task.WhenAll(queues.SelectMany(f =>
        {
            var sqs = factory.CreateSqs(Account(f.Sqs!.Connection));
            return Enumerable.Range(0, f.Sqs.Pollers).Select(_ => Task.Run(() => PollAsync(f, sqs, stoppingToken), stoppingToken));
        }));
    }

    private AwsAccountOptions Account(string? connection)
    {
        var name = connection ?? "Aws";
        var account = (configuration.GetSection(name).Get<AwsAccountOptions>() ?? new AwsAccountOptions()) with { Name = name };
        account.Validate();
        return account;
    }

    private async Task PollAsync(FunctionDefinition function, ISqsClient sqs, CancellationToken stop)
    {
        var binding = function.Sqs!;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = binding.QueueUrl,
                    MaxNumberOfMessages = binding.BatchSize,
                    WaitTimeSeconds = binding.WaitTimeSeconds,
                    MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
                    MessageAttributeNames = ["All"],
                }, stop).ConfigureAwait(false);
                if (received.Messages.Count > 0) await HandleBatchAsync(function, sqs, received.Messages, stop).ConfigureAwait(false);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Logs.QueuePollFailed(logger, e, function.Name);
                try
                {
                    await Task.Delay(backoff, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task HandleBatchAsync(FunctionDefinition function, ISqsClient sqs, IReadOnlyList<Message> messages, CancellationToken stop)
    {
        var finished = new ConcurrentBag<Message>();
        await Task.WhenAll(messages.Select(async message =>
        {
            if (await HandleAsync(function, sqs, message, stop).ConfigureAwait(false)) finished.Add(message);
        })).ConfigureAwait(false);
        if (finished.IsEmpty) return;
        var entries = finished.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle! }).ToList();
        var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = function.Sqs!.QueueUrl, Entries = entries }, CancellationToken.None)
            .ConfigureAwait(false);
        foreach (var failure in deleted.Failed) Logs.QueueDeleteFailed(logger, function.Name, failure.Id ?? "?", failure.Code ?? "?");
    }

    /// <summary>True when the message may be deleted: its function succeeded, or it went to the dead-letter queue.</summary>
    private async Task<bool> HandleAsync(FunctionDefinition function, ISqsClient sqs, Message message, CancellationToken stop)
    {
        var binding = function.Sqs!;
        var receives = message.Attributes?.TryGetValue(MessageSystemAttributeName.ApproximateReceiveCount, out var raw) == true && int.TryParse(raw, out var n) ? n : 1;
        if (receives > binding.MaxReceiveCount && binding.DeadLetterQueueUrl is { } deadLetter)
        {
            await sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = deadLetter,
                MessageBody = message.Body ?? "",
                MessageAttributes = message.MessageAttributes is { Count: > 0 } attributes ? attributes : null,
            }, stop).ConfigureAwait(false);
            Logs.QueueMessagePoisoned(logger, function.Name, message.MessageId ?? "?", receives);
            return true;
        }
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await FunctionInvoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, message, stop)).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Logs.QueueMessageFailed(logger, e, function.Name, message.MessageId ?? "?");
                return false;
            }
        }
    }
}
