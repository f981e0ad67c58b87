using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Sandbox.Http;

/// <summary>Who is calling: the access key id and region of a SigV4 credential (signatures are not verified).</summary>
internal readonly record struct AwsCaller(string AccessKeyId, string Region)
{
    private const string CredentialPrefix = "Credential=";

    /// <summary>Reads the Authorization header, or the presigned <c>X-Amz-Credential</c> query parameter.</summary>
    public static AwsCaller From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string credential;
        if (header.Length > 0)
        {
            if (!header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
                throw Incomplete($"Authorization header requires 'AWS4-HMAC-SHA256' as its algorithm.");
            var start = header.IndexOf(CredentialPrefix, StringComparison.Ordinal);
            if (start < 0) throw Incomplete("Authorization header requires 'Credential' parameter.");
            start += CredentialPrefix.Length;
            var end = header.IndexOf(',', start);
            credential = (end < 0 ? header[start..] : header[start..end]).Trim();
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var query) && query.Count > 0)
            credential = query.ToString();
        else
            throw new AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");

        // accessKey/yyyyMMdd/region/service/aws4_request
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[0].Length == 0 || parts[2].Length == 0 || parts[4] != "aws4_request")
            throw Incomplete($"Credential should be scoped to a valid region and end in 'aws4_request', got '{credential}'.");
        return new AwsCaller(parts[0], parts[2]);
    }

    private static AwsError Incomplete(string message) => new(403, "IncompleteSignatureException", message);
}
