namespace CampaignFlows.Testing;

/// <summary>Campaign request bodies with a generated inline audience (<c>user{i}@{domain}</c>).</summary>
public static class CampaignBodies
{
    public static IEnumerable<object> Recipients(int count, string domain = "example.com", string prefix = "user") =>
        Enumerable.Range(1, count).Select(i => new { email = $"{prefix}{i}@{domain}", name = $"User {i}", data = new { offer = $"code-{i}" } });

    public static object Campaign(string id, IEnumerable<object> recipients) => new
    {
        id,
        from = "news@shop.example",
        template = new { subject = "Hello {{name}}", html = "<p>Hi {{name}}, {{offer}}</p>", text = "Hi {{name}}, {{offer}}" },
        recipients,
    };
}
