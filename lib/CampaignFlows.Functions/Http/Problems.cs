using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions.Http;

/// <summary>Writes ProblemDetails answers, the one error shape of the host.</summary>
internal static class Problems
{
    /// <summary>A ProblemDetails result.</summary>
    public static IResult Result(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Writes a ProblemDetails response.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null) =>
        Result(status, title, detail).ExecuteAsync(context);

    /// <summary>The answer to a failed key check.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, int status) => status == StatusCodes.Status403Forbidden
        ? WriteAsync(context, status, "Forbidden", "The key presented is valid but does not grant access to this route (it needs the master key).")
        : WriteAsync(context, status, "Unauthorized", $"A valid key is required, in the '{HostKeys.HeaderName}' header or the '{HostKeys.QueryName}' query parameter.");
}
