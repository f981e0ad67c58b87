namespace CampaignFlows.Sandbox.Ses;

/// <summary>Message ids shaped like SES's (<c>0100…-uuid-000000</c>), unique within the process.</summary>
/// <remarks>A counter and a per-process random prefix: no system random call per message on the send path, and
/// the hex digits are written straight into the string, as a bulk send makes fifty of them.</remarks>
internal static class MessageIds
{
    private const string Suffix = "-000000";
    private static readonly string Process = Random.Shared.NextInt64(0x1000_0000_0000, 0xFFFF_FFFF_FFFF).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
    private static long _sequence;

    /// <summary>The next number in this process; with the accept time it makes the id (<see cref="Format"/>).</summary>
    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>The id of the message accepted at <paramref name="at"/> with sequence number <paramref name="n"/>.</summary>
    public static string Format(DateTimeOffset at, long n) =>
        // {ms:x12}-{n:x8}-{n:x4}-{n:x4}-{process}-000000
        string.Create(12 + 1 + 8 + 1 + 4 + 1 + 4 + 1 + 12 + Suffix.Length, (Ms: at.ToUnixTimeMilliseconds(), N: n), static (span, v) =>
        {
            Hex(span[..12], v.Ms);
            span[12] = '-';
            Hex(span.Slice(13, 8), v.N >> 32);
            span[21] = '-';
            Hex(span.Slice(22, 4), v.N >> 16);
            span[26] = '-';
            Hex(span.Slice(27, 4), v.N);
            span[31] = '-';
            Process.CopyTo(span[32..]);
            Suffix.CopyTo(span[44..]);
        });

    /// <summary>Writes the low <c>4 * digits.Length</c> bits of <paramref name="value"/> as lower-case hex.</summary>
    private static void Hex(Span<char> digits, long value)
    {
        for (var i = digits.Length - 1; i >= 0; i--, value >>= 4)
            digits[i] = "0123456789abcdef"[(int)(value & 0xF)];
    }
}
