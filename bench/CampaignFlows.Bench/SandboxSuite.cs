using System.Diagnostics;
using System.Text.Json.Nodes;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>sandbox [--seconds 10] [--parallel 32] [--events]</c>: drives the AWS clients over loopback HTTP into an in-process
/// sandbox whose limits are raised out of the way, measuring SendBulkEmail calls (50 recipients each) and SQS messages
/// sent, received and deleted in batches of 10. SES events are off unless <c>--events</c> asks for them, so the
/// send path is measured on its own.
/// </summary>
public sealed class SandboxSuite : IBenchSuite
{
    private const string AccessKey = "AKIDBENCH";
    private const string Region = "us-east-1";
    private const double BulkTarget = 2_000;
    private const double SqsTarget = 5_000;

    private bool _events;

    public string Name => "sandbox";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var seconds = args.Get("seconds", 10);
        var parallel = args.Get("parallel", 32);
        if (seconds < 1 || parallel < 1)
        {
            Console.Error.WriteLine("--seconds and --parallel must be positive");
            return 2;
        }
        _events = args.Has("events");
        var limitsOutOfTheWay = new AccountOptions { MaxSendRate = 1e9, Max24HourSend = 1e12 };
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Regions = [Region],
            MessageLogCapacity = 10_000,
            Accounts = { [AccessKey] = _events ? limitsOutOfTheWay : limitsOutOfTheWay with { EventQueueName = "", EventTypes = [] } },
        });
        await using var services = new ServiceCollection().AddLogging().AddAwsClients().BuildServiceProvider();
        var factory = services.GetRequiredService<IAwsClientFactory>();
        var account = new AwsAccountOptions { Name = "bench", Region = Region, ServiceUrl = sandbox.Url, AccessKeyId = AccessKey, SecretAccessKey = "bench" };

        await BenchBulkEmail(factory.CreateSes(account), TimeSpan.FromSeconds(seconds), parallel);
        await BenchSqs(factory.CreateSqs(account), TimeSpan.FromSeconds(seconds), parallel);
        return 0;
    }

    private async Task BenchBulkEmail(ISesClient ses, TimeSpan duration, int parallel)
    {
        await ses.CreateEmailTemplateAsync(new CreateEmailTemplateRequest
        {
            TemplateName = "bench",
            TemplateContent = new EmailTemplateContent { Subject = "Sale for {{name}}", Html = "<p>Hi {{name}}, {{offer}}</p>", Text = "Hi {{name}}, {{offer}}" },
        });
        var request = new SendBulkEmailRequest
        {
            FromEmailAddress = "shop@example.com",
            ConfigurationSetName = "bench",
            DefaultContent = new BulkEmailContent { Template = new Template { TemplateName = "bench", TemplateData = "{\"name\":\"friend\",\"offer\":\"20% off\"}" } },
            BulkEmailEntries = Enumerable.Range(0, SendBulkEmailRequest.MaxEntries).Select(i => new BulkEmailEntry
            {
                Destination = new Destination { ToAddresses = [$"customer{i}@example.com"] },
                ReplacementEmailContent = new ReplacementEmailContent { ReplacementTemplate = new ReplacementTemplate { ReplacementTemplateData = $"{{\"name\":\"Customer {i}\"}}" } },
                ReplacementTags = [new MessageTag { Name = "campaign", Value = "bench" }],
            }).ToList(),
        };
        var calls = await RunFor(duration, parallel, async () =>
        {
            var response = await ses.SendBulkEmailAsync(request);
            if (response.BulkEmailEntryResults.Any(r => r.Status != BulkEmailStatus.Success))
                throw new InvalidOperationException("The sandbox refused an entry; the benchmark's limits are not out of the way.");
            return 1;
        });
        Report("ses_send_bulk_email", "calls", calls, BulkTarget, "issue 3 target: 2,000 SendBulkEmail calls/s (100,000 recipients/s)", extra: result => result["recipients_per_second"] = Math.Round(calls.Count * SendBulkEmailRequest.MaxEntries / calls.Seconds, 1));
    }

    private async Task BenchSqs(ISqsClient sqs, TimeSpan duration, int parallel)
    {
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "bench" })).QueueUrl!;
        var entries = Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry { Id = $"m{i}", MessageBody = $"{{\"eventType\":\"Delivery\",\"n\":{i}}}" }).ToList();
        var messages = await RunFor(duration, parallel, async () =>
        {
            await sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = url, Entries = entries });
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 });
            if (received.Messages.Count == 0) return 0;
            var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = url,
                Entries = received.Messages.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = $"d{i}", ReceiptHandle = m.ReceiptHandle! }).ToList(),
            });
            return deleted.Successful.Count;
        });
        Report("sqs_send_receive_delete", "messages", messages, SqsTarget, "issue 3 target: 5,000 SQS messages/s sent, received and deleted");
    }

    /// <summary>Runs <paramref name="step"/> in <paramref name="parallel"/> loops: a short warm-up, then for
    /// <paramref name="duration"/>, summing what the steps return.</summary>
    private static async Task<Run> RunFor(TimeSpan duration, int parallel, Func<Task<int>> step)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1)) await step();
        long count = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration) Interlocked.Add(ref count, await step());
        })));
        return new Run(count, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>What one timed run did: items counted, wall-clock seconds and CPU seconds of this process (client and sandbox).</summary>
    private readonly record struct Run(long Count, double Seconds, double CpuSeconds);

    // The machine is shared, so the load next to the run is reported with it: per_second falls with load, cpu_us_per_item does not.
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : -1;

    private void Report(string scenario, string unit, Run run, double target, string anchor, Action<JsonObject>? extra = null)
    {
        var perSecond = run.Count / run.Seconds;
        var result = new JsonObject
        {
            ["suite"] = "sandbox",
            ["scenario"] = scenario,
            ["ses_events"] = _events,
            [unit] = run.Count,
            ["seconds"] = Math.Round(run.Seconds, 3),
            ["per_second"] = Math.Round(perSecond, 1),
        };
        extra?.Invoke(result);
        result["cpu_us_per_item"] = run.Count == 0 ? null : Math.Round(run.CpuSeconds * 1e6 / run.Count, 1);
        // What the measured CPU per item allows when the process has every core to itself: the rate to judge a loaded run by.
        result["cpu_bound_per_second"] = run.CpuSeconds <= 0 ? null : Math.Round(run.Count * Environment.ProcessorCount / run.CpuSeconds, 1);
        result["load_average_1m"] = LoadAverage();
        result["anchor"] = anchor;
        result["target"] = target;
        result["ratio"] = Math.Round(perSecond / target, 3);
        BenchOutput.Line(result);
    }
}
