using CampaignFlows.Durable.Tests.Conformance;

namespace CampaignFlows.Durable.Tests.Postgres;

/// <summary>The conformance suite on the PostgreSQL store, in a database of its own.</summary>
public sealed class PostgresEngineConformanceTests(PostgresStoreFixture fixture) : EngineConformanceTests(fixture), IClassFixture<PostgresStoreFixture>;
