namespace CampaignFlows.Domain;

/// <summary>Thrown when an input to a domain rule is refused; lists every field at fault.</summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/> so generic handlers still recognise bad input; HTTP
/// triggers map <see cref="Errors"/> to a validation problem (one entry per field).
/// </remarks>
public sealed class DomainValidationException : ArgumentException
{
    /// <summary>Creates the exception from one or more errors.</summary>
    /// <param name="errors">The errors found; at least one.</param>
    public DomainValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors), errors.Count > 0 ? errors[0].Field : null)
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single field.</summary>
    /// <param name="field">The field at fault.</param>
    /// <param name="message">What is wrong with it.</param>
    public DomainValidationException(string field, string message)
        : this([new ValidationError(field, message)])
    {
    }

    /// <summary>Every field at fault, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0
            ? "The input was refused."
            : string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
