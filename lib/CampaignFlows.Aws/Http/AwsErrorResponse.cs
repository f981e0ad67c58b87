using System.Text;
using System.Text.Json;

namespace CampaignFlows.Aws.Http;

/// <summary>The error type and message of a failed AWS answer, read the way the AWS SDKs read them.</summary>
/// <param name="Code">The error type without namespace or suffix; <c>UnknownError</c> when the answer names none.</param>
/// <param name="Message">The service's message, or a description of the unreadable answer.</param>
internal readonly record struct AwsErrorResponse(string Code, string Message)
{
    private const string UnknownCode = "UnknownError";
    private const int SnippetLength = 120;

    /// <summary>Reads <c>x-amzn-ErrorType</c>, then <c>__type</c> or <c>code</c> in a JSON body; never throws.</summary>
    public static AwsErrorResponse Parse(HttpResponseMessage response, byte[] body)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        var headerCode = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var (bodyCode, message, isJson) = ReadBody(body);
        var code = AwsErrorClassifier.NormalizeErrorCode(headerCode);
        if (code.Length == 0) code = AwsErrorClassifier.NormalizeErrorCode(bodyCode);
        if (code.Length == 0) code = UnknownCode;
        if (!string.IsNullOrEmpty(message)) return new(code, message);
        if (isJson || body.Length == 0) return new(code, $"{status} ({code}) without a message.");
        return new(code, $"{status} with a body that is not JSON: {Snippet(body)}");
    }

    private static (string? Code, string? Message, bool IsJson) ReadBody(byte[] body)
    {
        if (body.Length == 0) return (null, null, false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null, true);
            var root = document.RootElement;
            return (StringMember(root, "__type") ?? StringMember(root, "code") ?? StringMember(root, "Code"),
                StringMember(root, "message") ?? StringMember(root, "Message") ?? StringMember(root, "errorMessage"), true);
        }
        catch (JsonException)
        {
            return (null, null, false);
        }
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Snippet(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4));
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength] + "...";
    }
}
