using System.Text.Json.Nodes;
using CampaignFlows.Testing;

namespace CampaignFlows.Bench;

/// <summary>
/// <c>chaos [--store sqlite|postgres] [--audience 200000] [--kills 10] [--seed 1]</c>: one campaign in a child host
/// (<c>dotnet CampaignFlows.dll start</c>) SIGKILLed at seeded random moments and restarted each time, sending through
/// a sandbox in this process, whose sent log is the truth for "sent" (the shared <see cref="CrashHarness"/>). Prints
/// kills, lost (must be 0), duplicates and the seconds from each restart until sending resumed. Duplicates are timed
/// against the kills (<see cref="DuplicateTiming"/>): the lead from a duplicate's first send to the kill that ended that
/// life of the host (a few milliseconds, negative when the sandbox accepted the send after the signal, for a batch in SES's
/// hands at the kill), and the repeats within one life of the host, which no crash explains.
/// </summary>
public sealed class ChaosSuite : IBenchSuite
{
    public string Name => "chaos";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var store = args.Get("store", "sqlite");
        var audience = args.Get("audience", 200_000);
        var kills = args.Get("kills", 10);
        if (store is not ("sqlite" or "postgres") || audience < 1 || kills < 0)
        {
            Console.Error.WriteLine("--store must be sqlite or postgres; --audience positive; --kills zero or more");
            return 2;
        }
        PostgresDatabase? database = null;
        if (store == "postgres")
        {
            var server = args.Get("connection", Environment.GetEnvironmentVariable(PostgresDatabase.Variable) ?? "");
            if (server.Length == 0)
            {
                Console.Error.WriteLine($"--store postgres needs --connection or {PostgresDatabase.Variable}");
                return 2;
            }
            database = await PostgresDatabase.CreateAsync("cf_chaos", server);
        }

        try
        {
            var outcome = await CrashHarness.RunAsync(new CrashPlan(audience, kills, args.Get("seed", 1), database?.ConnectionString, TimeSpan.FromMinutes(15), "Warning"));
            var report = outcome.Report;
            var leads = outcome.DuplicateTiming.LeadMs;
            BenchOutput.Line(new JsonObject
            {
                ["suite"] = "chaos",
                ["store"] = store,
                ["audience"] = audience,
                ["kills"] = outcome.Kills,
                ["lost"] = outcome.Lost,
                ["duplicates"] = outcome.Duplicates,
                ["recover_seconds"] = new JsonArray([.. outcome.RecoverSeconds.Select(r => JsonValue.Create(r))]),
                ["recover_seconds_max"] = outcome.RecoverSeconds.Count == 0 ? 0 : outcome.RecoverSeconds.Max(),
                ["recover_seconds_mean"] = outcome.RecoverSeconds.Count == 0 ? 0 : Math.Round(outcome.RecoverSeconds.Average(), 2),
                ["status"] = report.GetProperty("runtimeStatus").GetString(),
                ["report_sent"] = report.GetProperty("report").GetProperty("sent").GetInt64(),
                ["seconds"] = outcome.Seconds,
                ["duplicates_within_a_life"] = outcome.DuplicateTiming.WithinOneLife,
                ["duplicate_lead_ms_min"] = leads.Count == 0 ? 0 : leads[0],
                ["duplicate_lead_ms_p50"] = leads.Count == 0 ? 0 : leads[leads.Count / 2],
                ["duplicate_lead_ms_max"] = leads.Count == 0 ? 0 : leads[^1],
            });
            return outcome.Lost == 0 ? 0 : 1;
        }
        finally
        {
            if (database is not null) await database.DisposeAsync();
        }
    }
}
