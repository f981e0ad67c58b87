namespace CampaignFlows.Sandbox.Admin;

/// <summary>An account's settings and headline state, as the admin API lists them.</summary>
internal sealed record AccountView(
    string AccessKeyId,
    string Region,
    string AccountId,
    double MaxSendRate,
    double Max24HourSend,
    bool SendingPaused,
    bool Suspended,
    int LatencyMilliseconds,
    double ErrorProbability,
    bool SendingEnabled,
    string EnforcementStatus,
    long SentLast24Hours)
{
    public static AccountView Of(SandboxAccount account)
    {
        var o = account.Options;
        var s = account.GetStatistics();
        return new(account.AccessKeyId, account.Region, account.AccountId, o.MaxSendRate, o.Max24HourSend, o.SendingPaused, o.Suspended,
            o.LatencyMilliseconds, o.ErrorProbability, s.SendingEnabled, s.EnforcementStatus, s.SentLast24Hours);
    }
}

/// <summary>A partial change to an account: only the fields given are changed.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed record AccountUpdate(
    double? MaxSendRate,
    double? Max24HourSend,
    bool? SendingPaused,
    bool? Suspended,
    int? LatencyMilliseconds,
    double? ErrorProbability)
{
    public AccountOptions ApplyTo(AccountOptions o) => o with
    {
        MaxSendRate = MaxSendRate ?? o.MaxSendRate,
        Max24HourSend = Max24HourSend ?? o.Max24HourSend,
        SendingPaused = SendingPaused ?? o.SendingPaused,
        Suspended = Suspended ?? o.Suspended,
        LatencyMilliseconds = LatencyMilliseconds ?? o.LatencyMilliseconds,
        ErrorProbability = ErrorProbability ?? o.ErrorProbability,
    };
}
