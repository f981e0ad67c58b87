using System.Globalization;
using System.Text;

namespace CampaignFlows.Aws.Http;

/// <summary>Builds the query string of a REST-JSON call from the members the model places in it.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    /// <summary>Adds a parameter unless its value is null.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is null) return this;
        _builder.Append(_builder.Length == 0 ? '?' : '&').Append(UriEncoding.Encode(name)).Append('=').Append(UriEncoding.Encode(value));
        return this;
    }

    /// <summary>Adds an integer parameter unless it is null.</summary>
    public QueryString Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a timestamp in ISO 8601, the REST protocols' format for timestamps in a query string.</summary>
    public QueryString Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Adds the parameter once per value, as the REST protocols send lists.</summary>
    public QueryString Add(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? []) Add(name, value);
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();
}
