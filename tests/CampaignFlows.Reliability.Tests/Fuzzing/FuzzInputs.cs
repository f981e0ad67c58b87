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

    /// <summary>
    /// SQS bodies that are not readable SES events (printable, as SQS accepts): broken JSON, SNS envelopes with a missing
    /// or broken Message, SES events missing what the feed needs, then spliced fragments.
    /// </summary>
    public IEnumerable<string> MalformedSesEvents(int count)
    {
        string[] fixedCases =
        [
            "not json", "{", "[]", "null", "\"Notification\"", "{\"Type\":\"Notification\"}", "{\"Type\":\"Notification\",\"Message\":5}",
            "{\"Type\":\"Notification\",\"Message\":\"{broken\"}", "{\"Type\":\"Notification\",\"Message\":\"[]\"}",
            "{\"eventType\":\"Bounce\",\"mail\":{}}", "{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"m\"}}",
            "{\"eventType\":\"Complaint\",\"mail\":{\"messageId\":\"m\"},\"complaint\":[]}", "{\"mail\":{\"messageId\":\"m\"}}",
            "{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":7}}", "{\"eventType\":\"Delivery\",\"mail\":\"m\"}",
        ];
        foreach (var body in fixedCases.Take(count)) yield return body;
        for (var i = fixedCases.Length; i < count; i++) yield return "{\"Type\":\"Notification\",\"Message\":" + System.Text.Json.JsonSerializer.Serialize(Spliced()) + "}";
    }

    /// <summary>Audience CSV text: a header (sometimes broken) and rows of fragments, quotes, separators, line breaks and junk.</summary>
    public string Csv()
    {
        string[] headers = ["email,name,engagement_score,offer", "email", "name,offer", "", "\"email,name", "email,email,score", "address;name"];
        string[] cells = ["user@example.com", "", "\"", "\"\"", "\"a,b\"", "\"line\nbreak\"", "x@", "@y.example", "101", "-1", "NaN", "\r", "\u0000",
            "a@b.example\r\nBcc: v@evil.example", new string('z', 300), "é@ü.example", ",", ";", "\"open"];
        var text = new StringBuilder(headers[_random.Next(headers.Length)]).Append('\n');
        for (var row = _random.Next(0, 40); row > 0; row--)
        {
            for (var cell = _random.Next(0, 7); cell > 0; cell--) text.Append(cells[_random.Next(cells.Length)]).Append(_random.Next(4) == 0 ? "" : ",");
            text.Append(_random.Next(5) == 0 ? "\r\n" : "\n");
        }
        if (_random.Next(4) == 0) text.Append(Garbage());
        return text.ToString();
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
