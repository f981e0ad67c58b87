namespace CampaignFlows.Reliability.Tests.Fixtures;

/// <summary>Campaign bodies with a generated inline audience.</summary>
public static class Audience
{
    public static IEnumerable<object> Recipients(int count, string domain = "example.com") =>
        Enumerable.Range(1, count).Select(i => new { email = $"user{i}@{domain}", name = $"User {i}", data = new { offer = $"code-{i}" } });

    public static object Campaign(string id, IEnumerable<object> recipients) => new
    {
        id,
        from = "news@shop.example",
        template = new { subject = "Hello {{name}}", html = "<p>Hi {{name}}, {{offer}}</p>", text = "Hi {{name}}, {{offer}}" },
        recipients,
    };
}
