namespace CampaignFlows.Functions;

/// <summary>Thrown from an HTTP function (or its binding) to answer with a ProblemDetails response instead of a 500.</summary>
/// <param name="statusCode">The 4xx status to answer.</param>
/// <param name="title">A short, fixed summary of the problem type.</param>
/// <param name="detail">What exactly was wrong with this request.</param>
public sealed class FunctionHttpException(int statusCode, string title, string detail) : Exception(detail)
{
    /// <summary>The status to answer.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The problem's title.</summary>
    public string Title { get; } = title;
}
