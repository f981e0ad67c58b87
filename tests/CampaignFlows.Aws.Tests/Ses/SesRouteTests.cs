using System.Net;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Tests.Ses;

/// <summary>Each SES operation goes out with the HTTP method and path that the official model's <c>http</c> block gives it.</summary>
public class SesRouteTests
{
    private static readonly Lazy<ApiModel> Model = new(() => ApiModel.Load("sesv2-2019-09-27.min.json"));

    private static readonly Dictionary<string, Func<ISesClient, Task>> Calls = new()
    {
        ["SendEmail"] = c => c.SendEmailAsync(new SendEmailRequest { Content = new EmailContent { Raw = new RawMessage { Data = [1] } } }),
        ["SendBulkEmail"] = c => c.SendBulkEmailAsync(new SendBulkEmailRequest
        {
            DefaultContent = new BulkEmailContent(),
            BulkEmailEntries = [new BulkEmailEntry { Destination = new Destination { ToAddresses = ["a@example.com"] } }],
        }),
        ["GetAccount"] = c => c.GetAccountAsync(),
        ["CreateEmailTemplate"] = c => c.CreateEmailTemplateAsync(new CreateEmailTemplateRequest { TemplateName = "T1", TemplateContent = new EmailTemplateContent() }),
        ["GetEmailTemplate"] = c => c.GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = "T1" }),
        ["UpdateEmailTemplate"] = c => c.UpdateEmailTemplateAsync(new UpdateEmailTemplateRequest { TemplateName = "T1", TemplateContent = new EmailTemplateContent() }),
        ["DeleteEmailTemplate"] = c => c.DeleteEmailTemplateAsync(new DeleteEmailTemplateRequest { TemplateName = "T1" }),
        ["ListEmailTemplates"] = c => c.ListEmailTemplatesAsync(new ListEmailTemplatesRequest()),
        ["GetDedicatedIp"] = c => c.GetDedicatedIpAsync(new GetDedicatedIpRequest { Ip = "IP1" }),
        ["GetDedicatedIps"] = c => c.GetDedicatedIpsAsync(new GetDedicatedIpsRequest()),
        ["PutDedicatedIpWarmupAttributes"] = c => c.PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = "IP1", WarmupPercentage = 1 }),
        ["CreateDedicatedIpPool"] = c => c.CreateDedicatedIpPoolAsync(new CreateDedicatedIpPoolRequest { PoolName = "P1" }),
        ["GetDedicatedIpPool"] = c => c.GetDedicatedIpPoolAsync(new GetDedicatedIpPoolRequest { PoolName = "P1" }),
        ["PutSuppressedDestination"] = c => c.PutSuppressedDestinationAsync(new PutSuppressedDestinationRequest { EmailAddress = "E1", Reason = "BOUNCE" }),
        ["GetSuppressedDestination"] = c => c.GetSuppressedDestinationAsync(new GetSuppressedDestinationRequest { EmailAddress = "E1" }),
        ["DeleteSuppressedDestination"] = c => c.DeleteSuppressedDestinationAsync(new DeleteSuppressedDestinationRequest { EmailAddress = "E1" }),
        ["ListSuppressedDestinations"] = c => c.ListSuppressedDestinationsAsync(new ListSuppressedDestinationsRequest()),
    };

    // The values the calls above put in path members, by the model's placeholder name.
    private static readonly Dictionary<string, string> PathValues = new()
    {
        ["{TemplateName}"] = "T1", ["{IP}"] = "IP1", ["{PoolName}"] = "P1", ["{EmailAddress}"] = "E1",
    };

    public static TheoryData<string> Operations() => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_Call_UsesModelMethodAndPath(string operation)
    {
        var http = Model.Value.Operation(operation).GetProperty("http");
        var method = http.TryGetProperty("method", out var m) ? m.GetString()! : "POST";
        var path = PathValues.Aggregate(http.GetProperty("requestUri").GetString()!, (uri, p) => uri.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var body = operation == "SendBulkEmail" ? """{"BulkEmailEntryResults":[{"Status":"SUCCESS"}]}""" : "{}";
        var handler = FakeHandler.Returning(HttpStatusCode.OK, body);

        await Calls[operation](TestClients.Ses(handler));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(method, sent.Method.Method);
        Assert.Equal(path, sent.Uri.AbsolutePath);
    }
}
