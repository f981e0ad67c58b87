using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>
/// A 20,000-recipient campaign through the real HTTP API, with a transactional burst while it sends, progress bars and
/// the final report (one JSON line with <c>--json</c>).
/// </summary>
/// <param name="json">Print the report as one JSON line instead of a table.</param>
public sealed class CampaignDemo(bool json) : IDemoScenario
{
    /// <summary>Recipients in the generated audience, before invalid and duplicate rows.</summary>
    public const int AudienceSize = 20_000;

    /// <summary>The demo's function key, written to the demo host's settings.</summary>
    public const string FunctionKey = "demo-function-key";

    /// <inheritdoc />
    public string Title => $"Campaign: {AudienceSize:N0} recipients with a transactional burst";

    /// <inheritdoc />
    public async Task<int> RunAsync(DemoContext context, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = context.HostUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        var start = await http.PostAsJsonAsync("api/campaigns", new
        {
            id = "demo-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            from = "news@shop.example",
            template = new { subject = "Black Friday, {{name}}", html = "<p>Hi {{name}}, 30% off today.</p>", text = "Hi {{name}}, 30% off today." },
            recipients = DemoAudience.Rows(AudienceSize),
            badRows = "skip",
        }, cancellation);
        if (!start.IsSuccessStatusCode)
        {
            context.Console.MarkupLineInterpolated($"[red]The campaign was refused: {await start.Content.ReadAsStringAsync(cancellation)}[/]");
            return 1;
        }
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetString()!;
        var burst = TransactionalBurst.RunAsync(http, 50, cancellation);
        var view = await DemoProgress.FollowAsync(context.Console, http, id, json, cancellation);
        var transactional = await burst;
        var report = DemoReport.From(view, transactional);
        if (json) Console.Out.WriteLine(report.ToJson());
        else report.Write(context.Console);
        return report.Failed == 0 || report.Sent > 0 ? 0 : 1;
    }
}
