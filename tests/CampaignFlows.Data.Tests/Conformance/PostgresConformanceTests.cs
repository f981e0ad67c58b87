using CampaignFlows.Data.Tests.Fixtures;

namespace CampaignFlows.Data.Tests.Conformance;

/// <summary>The conformance suite on PostgreSQL: one database for the class, one schema per test.</summary>
public sealed class PostgresConformanceTests(PostgresServer server) : DataStoreConformance, IClassFixture<PostgresServer>
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];

    protected override CampaignDataOptions Options => new()
    {
        Provider = CampaignDataOptions.Postgres,
        ConnectionString = server.ConnectionString,
        Schema = _schema,
    };

    protected override void PointAtOtherDatabase(CampaignDataOptions options, string name) => options.Schema = _schema + "_" + name;
}
