namespace CampaignFlows.Domain;

/// <summary>Where the address, name and score sit in an audience file, found from its header.</summary>
/// <remarks>Header names match case-insensitively; the address column may be called email, email_address or address.</remarks>
internal sealed record AudienceColumns(string[] Headers, int Email, int Name, int Score)
{
    private static readonly string[] EmailNames = ["email", "email_address", "address"];
    private static readonly string[] ScoreNames = ["engagement_score", "engagement", "score"];

    public static AudienceColumns FromHeader(string[] raw)
    {
        var headers = raw.Select(h => h.Trim()).ToArray();
        var blank = Array.FindIndex(headers, h => h.Length == 0);
        var duplicate = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        var email = Find(headers, EmailNames);
        new Guard()
            .Check(email >= 0, "audience", $"line 1: the header has no address column (one of: {string.Join(", ", EmailNames)}).")
            .Check(blank < 0, "audience", $"line 1: header column {blank + 1} has no name.")
            .Check(duplicate is null, "audience", $"line 1: the header names column '{duplicate}' twice.")
            .ThrowIfAny();
        return new AudienceColumns(headers, email, Find(headers, ["name"]), Find(headers, ScoreNames));
    }

    private static int Find(string[] headers, string[] names) =>
        Array.FindIndex(headers, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
}
