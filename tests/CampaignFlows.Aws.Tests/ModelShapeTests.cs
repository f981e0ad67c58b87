using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs.Model;

namespace CampaignFlows.Aws.Tests;

/// <summary>Every request and response record we declare must match its operation's shape in the official models:
/// each property a model member of a compatible type, every required member declared, path and query members kept
/// out of the JSON body.</summary>
public class ModelShapeTests
{
    public static TheoryData<string, Type?, Type?> SesOperations() => new()
    {
        { "SendEmail", typeof(SendEmailRequest), typeof(SendEmailResponse) },
        { "SendBulkEmail", typeof(SendBulkEmailRequest), typeof(SendBulkEmailResponse) },
        { "GetAccount", null, typeof(GetAccountResponse) },
        { "CreateEmailTemplate", typeof(CreateEmailTemplateRequest), null },
        { "GetEmailTemplate", typeof(GetEmailTemplateRequest), typeof(GetEmailTemplateResponse) },
        { "UpdateEmailTemplate", typeof(UpdateEmailTemplateRequest), null },
        { "DeleteEmailTemplate", typeof(DeleteEmailTemplateRequest), null },
        { "ListEmailTemplates", typeof(ListEmailTemplatesRequest), typeof(ListEmailTemplatesResponse) },
        { "GetDedicatedIp", typeof(GetDedicatedIpRequest), typeof(GetDedicatedIpResponse) },
        { "GetDedicatedIps", typeof(GetDedicatedIpsRequest), typeof(GetDedicatedIpsResponse) },
        { "PutDedicatedIpWarmupAttributes", typeof(PutDedicatedIpWarmupAttributesRequest), null },
        { "CreateDedicatedIpPool", typeof(CreateDedicatedIpPoolRequest), null },
        { "GetDedicatedIpPool", typeof(GetDedicatedIpPoolRequest), typeof(GetDedicatedIpPoolResponse) },
        { "PutSuppressedDestination", typeof(PutSuppressedDestinationRequest), null },
        { "GetSuppressedDestination", typeof(GetSuppressedDestinationRequest), typeof(GetSuppressedDestinationResponse) },
        { "DeleteSuppressedDestination", typeof(DeleteSuppressedDestinationRequest), null },
        { "ListSuppressedDestinations", typeof(ListSuppressedDestinationsRequest), typeof(ListSuppressedDestinationsResponse) },
    };

    public static TheoryData<string, Type?, Type?> SqsOperations() => new()
    {
        { "CreateQueue", typeof(CreateQueueRequest), typeof(CreateQueueResponse) },
        { "GetQueueUrl", typeof(GetQueueUrlRequest), typeof(GetQueueUrlResponse) },
        { "GetQueueAttributes", typeof(GetQueueAttributesRequest), typeof(GetQueueAttributesResponse) },
        { "SendMessage", typeof(SendMessageRequest), typeof(SendMessageResponse) },
        { "SendMessageBatch", typeof(SendMessageBatchRequest), typeof(SendMessageBatchResponse) },
        { "ReceiveMessage", typeof(ReceiveMessageRequest), typeof(ReceiveMessageResponse) },
        { "DeleteMessage", typeof(DeleteMessageRequest), null },
        { "DeleteMessageBatch", typeof(DeleteMessageBatchRequest), typeof(DeleteMessageBatchResponse) },
        { "ChangeMessageVisibility", typeof(ChangeMessageVisibilityRequest), null },
        { "ChangeMessageVisibilityBatch", typeof(ChangeMessageVisibilityBatchRequest), typeof(ChangeMessageVisibilityBatchResponse) },
        { "PurgeQueue", typeof(PurgeQueueRequest), null },
    };

    private static readonly Lazy<ApiModel> Ses = new(() => ApiModel.Load("sesv2-2019-09-27.min.json"));
    private static readonly Lazy<ApiModel> Sqs = new(() => ApiModel.Load("sqs-2012-11-05.min.json"));

    [Theory]
    [MemberData(nameof(SesOperations))]
    public void SesRecords_Operation_MatchModelShapes(string operation, Type? request, Type? response) =>
        AssertOperation(Ses.Value, operation, request, response);

    [Theory]
    [MemberData(nameof(SqsOperations))]
    public void SqsRecords_Operation_MatchModelShapes(string operation, Type? request, Type? response) =>
        AssertOperation(Sqs.Value, operation, request, response);

    private static void AssertOperation(ApiModel model, string operation, Type? request, Type? response)
    {
        var op = model.Operation(operation);
        var problems = new List<string>();
        Check(model, op, "input", request, operation, problems, isRequest: true);
        Check(model, op, "output", response, operation, problems, isRequest: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Check(ApiModel model, JsonElement op, string direction, Type? type, string path, List<string> problems, bool isRequest)
    {
        var hasShape = op.TryGetProperty(direction, out var shape);
        if (type is null)
        {
            // Without a record the operation must have nothing to say in that direction.
            if (hasShape && model.Resolve(shape).GetProperty("members").EnumerateObject().Any())
                problems.Add($"{path} {direction}: the model has members but no record is declared.");
            return;
        }
        if (!hasShape) { problems.Add($"{path} {direction}: the model has no {direction} shape for {type.Name}."); return; }
        CheckStructure(model, model.Resolve(shape), type, $"{path}.{direction}", problems, isRequest);
    }

    private static void CheckStructure(ApiModel model, JsonElement structure, Type type, string path, List<string> problems, bool isRequest)
    {
        var members = structure.GetProperty("members");
        var declared = new HashSet<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var where = $"{path}.{jsonName} ({type.Name}.{property.Name})";
            if (!members.TryGetProperty(jsonName, out var member)) { problems.Add($"{where}: not a member of the model shape."); continue; }
            declared.Add(jsonName);
            if (!string.Equals(jsonName, property.Name, StringComparison.OrdinalIgnoreCase)) problems.Add($"{where}: C# name differs from the model name.");
            var inBody = ApiModel.Location(member) is null;
            var ignored = property.GetCustomAttribute<JsonIgnoreAttribute>() is not null;
            if (inBody == ignored) problems.Add($"{where}: location '{ApiModel.Location(member) ?? "body"}' but JsonIgnore={ignored}.");
            if (isRequest && ApiModel.Required(structure).Contains(jsonName) && property.GetCustomAttribute<RequiredMemberAttribute>() is null)
                problems.Add($"{where}: required by the model but not a C# required member.");
            CheckType(model, model.Resolve(member), property.PropertyType, where, problems, isRequest);
        }
        foreach (var required in ApiModel.Required(structure).Where(r => !declared.Contains(r)))
            problems.Add($"{path}.{required}: required by the model but missing from {type.Name}.");
    }

    private static void CheckType(ApiModel model, JsonElement shape, Type type, string where, List<string> problems, bool isRequest)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var modelType = ApiModel.TypeOf(shape);
        switch (modelType)
        {
            case "structure":
                if (type.IsPrimitive || type == typeof(string)) problems.Add($"{where}: model structure, C# {type.Name}.");
                else CheckStructure(model, shape, type, where, problems, isRequest);
                break;
            case "list":
                var element = ElementType(type, typeof(IEnumerable<>));
                if (element is null || type == typeof(string) || type == typeof(byte[])) problems.Add($"{where}: model list, C# {type.Name}.");
                else CheckType(model, model.Resolve(shape.GetProperty("member")), element, where + "[]", problems, isRequest);
                break;
            case "map":
                var pair = ElementType(type, typeof(IReadOnlyDictionary<,>), 1);
                if (pair is null) problems.Add($"{where}: model map, C# {type.Name}.");
                else CheckType(model, model.Resolve(shape.GetProperty("value")), pair, where + "{}", problems, isRequest);
                break;
            default:
                var expected = modelType switch
                {
                    "string" => [typeof(string)],
                    "boolean" => [typeof(bool)],
                    "integer" => [typeof(int), typeof(long)],
                    "long" => new[] { typeof(long) },
                    "double" or "float" => [typeof(double)],
                    "timestamp" => [typeof(DateTimeOffset)],
                    "blob" => [typeof(byte[])],
                    _ => [],
                };
                if (!expected.Contains(type)) problems.Add($"{where}: model {modelType}, C# {type.Name}.");
                break;
        }
    }

    private static Type? ElementType(Type type, Type genericInterface, int argument = 0)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        return candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface)?.GetGenericArguments()[argument];
    }
}
