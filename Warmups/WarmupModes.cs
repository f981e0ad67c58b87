namespace CampaignFlows.Warmups;

/// <summary>How a warm-up decides how warm the IP is.</summary>
public static class WarmupModes
{
    /// <summary>The percentage follows our own 28-day plan.</summary>
    public const string Plan = "plan";

    /// <summary>SES's standard auto warm-up: the percentage is read from GetDedicatedIp each day and raised when the plan is ahead.</summary>
    public const string SesAuto = "ses-auto";

    /// <summary>True for a mode name this app knows.</summary>
    public static bool IsKnown(string? mode) => mode is Plan or SesAuto;
}
