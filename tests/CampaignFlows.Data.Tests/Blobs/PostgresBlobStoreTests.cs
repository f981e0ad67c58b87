using CampaignFlows.Data.Tests.Fixtures;

namespace CampaignFlows.Data.Tests.Blobs;

/// <summary>The database blob store on PostgreSQL, where every host shares it: one database for the class, one schema per test.</summary>
public sealed class PostgresBlobStoreTests(PostgresServer server) : DatabaseBlobStoreConformance, IClassFixture<PostgresServer>
{
    private readonly string _schema = "b_" + Guid.NewGuid().ToString("N")[..12];

    protected override CampaignDataOptions Options => new()
    {
        Provider = CampaignDataOptions.Postgres,
        ConnectionString = server.ConnectionString,
        Schema = _schema,
    };
}
