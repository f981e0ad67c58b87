using CampaignFlows.Durable.Tests.Infrastructure;

namespace CampaignFlows.Durable.Tests.Conformance;

/// <summary>The conformance suite on the embedded SQLite store.</summary>
public sealed class SqliteEngineConformanceTests(SqliteStoreFixture fixture) : EngineConformanceTests(fixture), IClassFixture<SqliteStoreFixture>;
