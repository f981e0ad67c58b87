using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace CampaignFlows.Aws.Http;

/// <summary>Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 through AWSSDK.Core's <see cref="AWS4Signer"/>.</summary>
internal static class SigV4Signer
{
    /// <summary>Sets <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (temporary credentials) and <c>Authorization</c>.</summary>
    /// <param name="request">The request with all other headers and its content already set.</param>
    /// <param name="payloadHash">Hex SHA-256 of the body (<see cref="CanonicalRequest.HashPayload"/>).</param>
    /// <param name="credentials">The keys to sign with.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name, <c>ses</c> or <c>sqs</c>.</param>
    /// <param name="signedAt">The signing time in UTC.</param>
    public static void Sign(HttpRequestMessage request, string payloadHash, ImmutableCredentials credentials, string region, string service, DateTime signedAt)
    {
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (credentials.UseToken)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }
        var (canonical, signedHeaders) = CanonicalRequest.Build(request, payloadHash, doubleEncodePath: true);
        var result = AWS4Signer.ComputeSignature(credentials.AccessKey, credentials.SecretKey, region, signedAt, service, signedHeaders, canonical);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }
}
