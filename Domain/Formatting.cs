using System.Globalization;

namespace CampaignFlows.Domain;

/// <summary>How figures appear in the reasons written for operators.</summary>
internal static class Formatting
{
    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
