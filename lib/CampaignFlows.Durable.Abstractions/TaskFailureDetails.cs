namespace CampaignFlows.Durable;

/// <summary>What went wrong in an activity, sub-orchestration or orchestration: type, message and the inner failure.</summary>
/// <param name="ErrorType">The full name of the exception type that caused the failure.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="StackTrace">The stack trace where it was thrown, if known.</param>
/// <param name="InnerFailure">The failure that caused this one, if any.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>True when this failure, or one of its inner failures, was caused by <typeparamref name="T"/> or a subtype.</summary>
    /// <remarks>Types are compared by name, so this works for failures recorded by another process.</remarks>
    public bool IsCausedBy<T>() where T : Exception
    {
        for (var failure = this; failure is not null; failure = failure.InnerFailure)
        {
            if (FailureTypeMatches(failure.ErrorType, typeof(T))) return true;
        }
        return false;
    }

    private static bool FailureTypeMatches(string recorded, Type wanted)
    {
        var recordedType = Type.GetType(recorded, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(recorded, throwOnError: false)).FirstOrDefault(t => t is not null);
        return recordedType is not null ? wanted.IsAssignableFrom(recordedType) : recorded == wanted.FullName;
    }

    /// <summary>Builds failure details from an exception and its inner exceptions.</summary>
    public static TaskFailureDetails FromException(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
