using CampaignFlows.Sandbox.Http;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private static object GetAccount(SesCall call)
    {
        var account = call.Account;
        var options = account.Options;
        return new GetAccountResponse(
            DedicatedIpAutoWarmupEnabled: true,
            EnforcementStatus: account.Reputation.EnforcementStatus(options.ReputationMinimumSample),
            ProductionAccessEnabled: true,
            SendQuota: new SendQuota(options.Max24HourSend, options.MaxSendRate, account.Limiter.SentLast24Hours),
            SendingEnabled: account.SendingEnabled && !options.Suspended,
            SuppressionAttributes: new SuppressionAttributes(["BOUNCE", "COMPLAINT"]));
    }

    private static async ValueTask<object> PutAccountSendingAttributesAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.PutAccountSendingAttributesRequest).ConfigureAwait(false);
        if (request.SendingEnabled is { } enabled) call.Account.Update(o => o with { SendingPaused = !enabled });
        return new EmptyResponse();
    }
}
