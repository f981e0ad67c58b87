using System.Text;

namespace CampaignFlows.Reliability.Tests.Fuzzing;

/// <summary>Seeded hostile request bodies and paths; the same seed gives the same inputs.</summary>
public sealed class FuzzInputs(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e400", "NaN", "\"\\u0000\"", "\"\\ud800\"", "'", "\\",
        "\"recipients\"", "\"from\"", "\"template\"", "\"id\"", "\"to\"", "\"email\"", "99999999999999999999999",
    ];

    /// <summary>Bodies that must never be accepted: garbage, broken JSON, wrong types on required fields, huge and deep values.</summary>
    public IEnumerable<string> Bodies(int count)
    {
        yield return "";
        yield return "null";
        yield return "[]";
        yield return new string('[', 10_000) + new string(']', 10_000);
        yield return "{\"id\":\"" + new string('a', 400_000) + "\"}";
        yield return "{\"from\":" + new string('9', 5_000) + "}";
        yield return "{\"from\":123,\"template\":\"x\",\"recipients\":{}}";
        yield return "{\"from\":\"a@b.example\",\"template\":{\"subject\":[1]},\"recipients\":\"all\"}";
        yield return "{\"from\":\"a@b.example\",\"template\":{\"subject\":\"s\",\"text\":\"t\"},\"recipients\":[{\"email\":{\"$ne\":null}}]}";
        yield return "{\"from\":\"a@b.example\",\"template\":{\"subject\":\"s\",\"text\":\"t\"},\"recipients\":[{\"email\":\"x@y.example\",\"engagementScore\":\"high\"}]}";
        yield return "{\"id\":\"../../etc/passwd\",\"from\":\"a@b.example\",\"template\":{\"subject\":\"s\",\"text\":\"t\"},\"recipients\":[{\"email\":\"x@y.example\"}]}";
        yield return "{\"from\":\"a@b.example\\r\\nBcc: victim@evil.example\",\"template\":{\"subject\":\"s\",\"text\":\"t\"},\"recipients\":[{\"email\":\"x@y.example\"}]}";
        yield return "{\"from\":\"a@b.example\",\"template\":{\"subject\":\"s\\r\\nBcc: v@evil.example\",\"text\":\"t\"},\"recipients\":[{\"email\":\"x@y.example\\r\\nBcc: v@evil.example\"}]}";
        for (var i = 0; i < count; i++) yield return i % 2 == 0 ? Garbage() : Spliced();
    }

    /// <summary>Route values meant to escape the route or the store: traversal, encoded separators, control characters, length.</summary>
    public IEnumerable<string> PathValues()
    {
        yield return "..%2F..%2Fetc%2Fpasswd";
        yield return "%2e%2e";
        yield return "a%00b";
        yield return "%0d%0aSet-Cookie:%20x=y";
        yield return "%27%20OR%201%3D1--";
        yield return new string('x', 3_000);
        yield return "%F0%9F%92%A5";
        yield return "%ff%fe";
    }

    private string Garbage()
    {
        var bytes = new byte[_random.Next(1, 2_000)];
        _random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private string Spliced()
    {
        var text = new StringBuilder();
        for (var i = _random.Next(1, 60); i > 0; i--) text.Append(Fragments[_random.Next(Fragments.Length)]);
        return text.ToString();
    }
}
