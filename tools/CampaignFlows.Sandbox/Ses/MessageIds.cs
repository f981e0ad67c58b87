using System.Globalization;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>Message ids shaped like SES's (<c>0100…-uuid-000000</c>), unique within the process.</summary>
/// <remarks>A counter and a per-process random prefix: no system random call per message on the send path.</remarks>
internal static class MessageIds
{
    private static readonly string Process = Random.Shared.NextInt64(0x1000_0000_0000, 0xFFFF_FFFF_FFFF).ToString("x12", CultureInfo.InvariantCulture);
    private static long _sequence;

    public static string Next(DateTimeOffset at)
    {
        var n = Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds():x12}-{n >> 48 & 0xFFFF:x4}{n >> 32 & 0xFFFF:x4}-{n >> 16 & 0xFFFF:x4}-{n & 0xFFFF:x4}-{Process}-000000");
    }
}
