using Amazon.Runtime;
using CampaignFlows.Aws.Http;

namespace CampaignFlows.Aws.Tests.Http;

/// <summary>Cases of AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite): credentials AKIDEXAMPLE,
/// 2015-08-30T12:36:00Z, region us-east-1, service "service". Expected values are the suite's, not computed here.</summary>
public class SigV4SignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Scope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, string[], string, string, string> Vectors() => new()
    {
        { "get-vanilla", "GET /", [], "", "SignedHeaders=host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-empty-query-key", "GET /?Param1=value1", [], "", "SignedHeaders=host;x-amz-date",
            "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb" },
        { "get-vanilla-query-order-key-case", "GET /?Param2=value2&Param1=value1", [], "", "SignedHeaders=host;x-amz-date",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-value", "GET /?Param1=value2&Param1=value1", [], "", "SignedHeaders=host;x-amz-date",
            "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-query-unreserved",
            "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            [], "", "SignedHeaders=host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197" },
        { "get-vanilla-utf8-query", "GET /?\u1234=bar", [], "", "SignedHeaders=host;x-amz-date",
            "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04" },
        { "get-unreserved", "GET /-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", [], "", "SignedHeaders=host;x-amz-date",
            "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-header-key-duplicate", "GET /", ["My-Header1:value2", "My-Header1:value2", "My-Header1:value1"], "",
            "SignedHeaders=host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-order", "GET /", ["My-Header1:value4", "My-Header1:value1", "My-Header1:value3", "My-Header1:value2"], "",
            "SignedHeaders=host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01" },
        { "get-header-value-trim", "GET /", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "",
            "SignedHeaders=host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "post-vanilla", "POST /", [], "", "SignedHeaders=host;x-amz-date",
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-vanilla-query", "POST /?Param1=value1", [], "", "SignedHeaders=host;x-amz-date",
            "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-sort", "POST /", ["My-Header1:value1"], "", "SignedHeaders=host;my-header1;x-amz-date",
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST /", ["My-Header1:VALUE1"], "", "SignedHeaders=host;my-header1;x-amz-date",
            "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "post-x-www-form-urlencoded", "POST /", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1",
            "SignedHeaders=content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-x-www-form-urlencoded-parameters", "POST /", ["Content-Type:application/x-www-form-urlencoded; charset=utf8"], "Param1=value1",
            "SignedHeaders=content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_PublishedVector_MatchesExpectedAuthorization(string name, string requestLine, string[] headers, string body, string signedHeaders, string signature)
    {
        using var request = SuiteRequest(requestLine, headers, body);

        SigV4Signer.Sign(request, CanonicalRequest.HashPayload(System.Text.Encoding.UTF8.GetBytes(body)), new ImmutableCredentials(AccessKey, SecretKey, null), "us-east-1", "service", SignedAt);

        Assert.True(request.Headers.TryGetValues("Authorization", out var authorization), name);
        Assert.Equal($"{Scope}{signedHeaders}, Signature={signature}", Assert.Single(authorization));
        Assert.Equal("20150830T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public void Sign_SessionTokenVector_SignsTheTokenHeader()
    {
        // get-vanilla-with-session-token: the token is sent and signed as x-amz-security-token.
        const string token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        using var request = SuiteRequest("GET /", [], "");

        SigV4Signer.Sign(request, EmptyHash, new ImmutableCredentials(AccessKey, SecretKey, token), "us-east-1", "service", SignedAt);

        Assert.Equal(token, Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Equal(Scope + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
            Assert.Single(request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void Build_GetVanilla_ProducesSuiteCanonicalRequest()
    {
        using var request = SuiteRequest("GET /", [], "");

        var (canonical, signed) = CanonicalRequest.Build(request, EmptyHash, doubleEncodePath: true);

        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", canonical);
        Assert.Equal("host;x-amz-date", signed);
    }

    [Fact]
    public void Build_EncodedPathSegment_EncodesItAgainAsNonS3ServicesRequire()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://email.us-east-1.amazonaws.com/v2/email/suppression/addresses/a%2Bb%40example.com");

        var (canonical, _) = CanonicalRequest.Build(request, EmptyHash, doubleEncodePath: true);

        Assert.Equal("/v2/email/suppression/addresses/a%252Bb%2540example.com", canonical.Split('\n')[1]);
    }

    [Fact]
    public void Build_NonDefaultPort_SignsHostWithPort()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:4566/");

        var (canonical, _) = CanonicalRequest.Build(request, EmptyHash, doubleEncodePath: true);

        Assert.Contains("\nhost:127.0.0.1:4566\n", canonical);
    }

    private static HttpRequestMessage SuiteRequest(string requestLine, string[] headers, string body)
    {
        var (method, target) = (requestLine[..requestLine.IndexOf(' ')], requestLine[(requestLine.IndexOf(' ') + 1)..]);
        var request = new HttpRequestMessage(new HttpMethod(method), "https://example.amazonaws.com" + target);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20150830T123600Z");
        if (body.Length > 0) request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            var (name, value) = (header[..colon], header[(colon + 1)..]);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }
}
