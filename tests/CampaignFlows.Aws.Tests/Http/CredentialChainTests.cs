using System.Net;

namespace CampaignFlows.Aws.Tests.Http;

public class CredentialChainTests
{
    [Fact]
    public async Task GetAccountAsync_NoKeysInOptions_SignsWithKeysFromTheEnvironment()
    {
        var saved = (Key: Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Secret: Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env-secret");
        try
        {
            var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");
            var account = TestClients.Account() with { AccessKeyId = null, SecretAccessKey = null };

            await TestClients.Ses(handler, account).GetAccountAsync();

            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDFROMENV/", handler.Requests[0].Headers["Authorization"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Key);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Secret);
        }
    }

    [Fact]
    public async Task GetAccountAsync_SessionTokenInOptions_SendsAndSignsIt()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        await TestClients.Ses(handler, TestClients.Account() with { SessionToken = "token-1" }).GetAccountAsync();

        Assert.Equal("token-1", handler.Requests[0].Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", handler.Requests[0].Headers["Authorization"]);
    }
}
