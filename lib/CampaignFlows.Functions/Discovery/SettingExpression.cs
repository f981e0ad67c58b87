using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Functions.Discovery;

/// <summary>Resolves <c>%Setting%</c> references in trigger attributes from configuration, as the Functions host does.</summary>
internal static partial class SettingExpression
{
    /// <summary>The value with every <c>%Name%</c> replaced; null and the missing setting's name when one is not configured.</summary>
    public static string Resolve(string value, IConfiguration configuration, out string? missing)
    {
        string? firstMissing = null;
        var resolved = Reference().Replace(value, m =>
        {
            var setting = configuration[m.Groups[1].Value];
            if (setting is null) firstMissing ??= m.Groups[1].Value;
            return setting ?? "";
        });
        missing = firstMissing;
        return resolved;
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Reference();
}
