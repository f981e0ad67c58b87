namespace CampaignFlows.Blobs;

public sealed partial record StorageAccount
{
    private static readonly HashSet<string> IgnoredKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "QueueEndpoint", "TableEndpoint", "FileEndpoint",
    };

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix", "BlobEndpoint",
    };

    /// <summary>
    /// Parses an Azure Storage connection string: <c>UseDevelopmentStorage=true</c>, or
    /// <c>DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...[;EndpointSuffix=...][;BlobEndpoint=...]</c>.
    /// </summary>
    /// <param name="connectionString">The connection string, as in <c>AzureWebJobsStorage</c>.</param>
    /// <returns>The validated account.</returns>
    /// <exception cref="FormatException">The string is malformed; the message names the offending part and never shows the key.</exception>
    public static StorageAccount Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = SplitSettings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return ParseDevelopment(development, settings);
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = Required(settings, "AccountKey");
        return new StorageAccount(accountName, accountKey, ResolveBlobEndpoint(settings, accountName));
    }

    /// <summary>Parses like <see cref="Parse"/> but reports failure instead of throwing.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="account">The account when parsing succeeded.</param>
    /// <param name="error">Why parsing failed, when it did.</param>
    /// <returns>True when the string is valid.</returns>
    public static bool TryParse(string? connectionString, out StorageAccount? account, out string? error)
    {
        try
        {
            account = Parse(connectionString ?? string.Empty);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            account = null;
            error = e.Message;
            return false;
        }
    }

    private static StorageAccount ParseDevelopment(string value, Dictionary<string, string> settings)
    {
        if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"UseDevelopmentStorage must be 'true' when present, not '{value}'.");
        }

        var others = settings.Keys.Where(k => !k.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0)
        {
            throw new FormatException(
                $"UseDevelopmentStorage=true cannot be combined with other settings ({string.Join(", ", others)}).");
        }

        return new StorageAccount(DevelopmentAccountName, DevelopmentAccountKey, DevelopmentBlobEndpoint);
    }

    private static Uri ResolveBlobEndpoint(Dictionary<string, string> settings, string accountName)
    {
        if (settings.TryGetValue("BlobEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var endpoint))
            {
                throw new FormatException($"BlobEndpoint '{explicitEndpoint}' is not an absolute URL.");
            }

            return endpoint;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net").Trim('.');
        if (suffix.Length == 0 || Uri.CheckHostName($"{accountName}.blob.{suffix}") == UriHostNameType.Unknown)
        {
            throw new FormatException($"EndpointSuffix '{suffix}' is not a valid host name suffix.");
        }

        return new Uri($"{protocol}://{accountName}.blob.{suffix}");
    }

    private static Dictionary<string, string> SplitSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException(
                    $"Storage connection string segment {index + 1} is not of the form Name=Value (its text is not shown in case it is a key).");
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (IgnoredKeys.Contains(name))
            {
                continue;
            }

            if (name.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("SharedAccessSignature connection strings are not supported; give AccountName and AccountKey.");
            }

            if (!KnownKeys.Contains(name))
            {
                throw new FormatException($"Unknown storage connection string setting {DescribeName(name, index)}.");
            }

            if (value.Length == 0)
            {
                throw new FormatException($"Storage connection string setting '{name}' has an empty value.");
            }

            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"Storage connection string setting '{name}' appears more than once.");
            }
        }

        return settings;
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    // A stray key pasted without its name would otherwise be echoed into logs.
    private static string DescribeName(string name, int index) =>
        name.Length <= 32 && name.All(char.IsAsciiLetter) ? $"'{name}'" : $"in segment {index + 1} (its text is not shown)";
}
