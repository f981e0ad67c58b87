using System.Globalization;

namespace CampaignFlows.Domain;

/// <summary>Collects field errors so one refusal names every bad field at once.</summary>
internal sealed class Guard
{
    private readonly List<ValidationError> _errors = [];

    public Guard Positive(long value, string field)
    {
        if (value <= 0)
        {
            Add(field, $"must be greater than zero (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return this;
    }

    public Guard Positive(decimal value, string field)
    {
        if (value <= 0)
        {
            Add(field, $"must be greater than zero (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return this;
    }

    public Guard NotNegative(long value, string field)
    {
        if (value < 0)
        {
            Add(field, $"must not be negative (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return this;
    }

    public Guard NotNegative(decimal value, string field)
    {
        if (value < 0)
        {
            Add(field, $"must not be negative (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return this;
    }

    public Guard Rate(decimal value, string field)
    {
        if (value is <= 0 or > 1)
        {
            Add(field, $"must be a fraction above 0 and at most 1 (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        return this;
    }

    public Guard Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DomainValidationException(_errors.ToArray());
        }
    }

    private void Add(string field, string message) => _errors.Add(new ValidationError(field, message));
}
