namespace CampaignFlows.Data;

/// <summary>Where the campaign data lives and how its stores behave.</summary>
/// <remarks>Bind from configuration with <c>AddCampaignData</c>; validated when the first store is built.</remarks>
public sealed class CampaignDataOptions
{
    /// <summary>The SQLite provider name: one embedded database file for one host.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider name: many hosts share one database.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>An ADO.NET connection string for the provider; SQLite's default is a file in the working folder.</summary>
    public string ConnectionString { get; set; } = "Data Source=campaignflows-mail.db";

    /// <summary>The PostgreSQL schema holding the mail tables, kept apart from the engine's.</summary>
    public string Schema { get; set; } = "mail";

    /// <summary>How long a SQLite writer waits for another process's write lock before giving up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed batch stays owned by its claimer before another claimer may take it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The width of one feedback-statistics bucket.</summary>
    public TimeSpan StatisticsBucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws with the name of the first invalid setting.</summary>
    public void Validate()
    {
        if (!string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase) && !string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"CampaignData:Provider must be '{Sqlite}' or '{Postgres}', not '{Provider}'.", nameof(Provider));
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException("CampaignData:ConnectionString is empty.", nameof(ConnectionString));
        if (IsPostgres && (string.IsNullOrWhiteSpace(Schema) || !Schema.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new ArgumentException($"CampaignData:Schema must be letters, digits or '_', not '{Schema}'.", nameof(Schema));
        if (BusyTimeout <= TimeSpan.Zero) throw new ArgumentException("CampaignData:BusyTimeout must be positive.", nameof(BusyTimeout));
        if (ClaimLease <= TimeSpan.Zero) throw new ArgumentException("CampaignData:ClaimLease must be positive.", nameof(ClaimLease));
        if (StatisticsBucket < TimeSpan.FromSeconds(1))
            throw new ArgumentException("CampaignData:StatisticsBucket must be at least one second.", nameof(StatisticsBucket));
    }

    /// <summary>True when <see cref="Provider"/> names PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
