using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests;

/// <summary>Every operation fed junk answers a 4xx with an error type (or accepts it when it is valid), never a 500.</summary>
public sealed class NeverAnswers500
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "42", "\"text\"", "{", "{}",
        """{"BulkEmailEntries":[null],"DefaultContent":{"Template":{"TemplateName":"t"}},"FromEmailAddress":"a@b.c"}""",
        """{"Destination":{"ToAddresses":[null]},"FromEmailAddress":"a@b.c","Content":{"Simple":{"Subject":{"Data":"s"}}},"EmailTags":[null]}""",
        """{"QueueUrl":"QUEUE","Entries":[null],"AttributeNames":[null],"MessageAttributeNames":[null],"MessageBody":"x","MessageAttributes":{"a":null}}""",
        """{"QueueName":"q1","Attributes":{"VisibilityTimeout":null}}""",
        """{"QueueUrl":"QUEUE","ReceiptHandle":null,"VisibilityTimeout":-1,"MaxNumberOfMessages":"many"}""",
        """{"TemplateName":"x","TemplateContent":null,"TemplateData":"[1]","WarmupPercentage":"lots","ScalingMode":7,"PoolName":null,"EmailAddress":null}""",
    ];

    private static readonly (string Method, string Path)[] SesRoutes =
    [
        ("POST", "/v2/email/outbound-emails"), ("POST", "/v2/email/outbound-bulk-emails"), ("PUT", "/v2/email/account/sending"),
        ("POST", "/v2/email/templates"), ("PUT", "/v2/email/templates/t"), ("POST", "/v2/email/templates/t/render"),
        ("PUT", "/v2/email/dedicated-ips/198.51.100.1/warmup"), ("PUT", "/v2/email/dedicated-ips/198.51.100.1/pool"),
        ("POST", "/v2/email/dedicated-ip-pools"), ("PUT", "/v2/email/dedicated-ip-pools/default/scaling"),
        ("PUT", "/v2/email/suppression/addresses"),
    ];

    private static readonly string[] SqsOperations =
    [
        "CreateQueue", "GetQueueUrl", "GetQueueAttributes", "PurgeQueue", "SendMessage", "SendMessageBatch", "ReceiveMessage",
        "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
    ];

    [Fact]
    public async Task JunkBodiesGetClientErrorsOnEverySesRoute()
    {
        var options = new SandboxOptions { DefaultAccount = new AccountOptions { DedicatedIps = ["198.51.100.1"] } };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url, "AKIDJUNK");
        await client.CreateTemplateAsync("t", "{{a}}", "b");

        foreach (var (method, path) in SesRoutes)
            foreach (var body in Bodies)
            {
                var response = await client.RawAsync(new HttpMethod(method), path, body, "ses", null);
                if (response.Status == HttpStatusCode.OK) continue;
                Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{method} {path} with {body} answered {response.Status}");
                Assert.False(string.IsNullOrEmpty(response.Header("x-amzn-ErrorType")), $"{method} {path} with {body} has no error type");
            }
    }

    [Fact]
    public async Task JunkBodiesGetClientErrorsOnEverySqsOperation()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        using var client = new SandboxClient(sandbox.Url, "AKIDJUNK");
        var queue = await client.CreateQueueAsync("junk");

        foreach (var operation in SqsOperations)
            foreach (var body in Bodies)
            {
                var response = await client.RawAsync(HttpMethod.Post, "/", body.Replace("QUEUE", queue), "sqs", "AmazonSQS." + operation);
                if (response.Status == HttpStatusCode.OK) continue;
                Assert.True(response.Status == HttpStatusCode.BadRequest, $"{operation} with {body} answered {response.Status}");
                Assert.StartsWith("com.amazon", response.Body.GetProperty("__type").GetString());
            }
    }
}
