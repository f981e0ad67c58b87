using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignFlows.Messages;

/// <summary>Registers transactional mail: its options, validator, sender and the per-client rate limit on <c>POST /api/messages</c>.</summary>
public static class MessagesServiceCollectionExtensions
{
    /// <summary>The path the per-client rate limit guards.</summary>
    public const string LimitedPath = "/api/messages";

    /// <summary>Adds the services; the app must call <c>UseRateLimiter()</c> for the limit to apply.</summary>
    public static WebApplicationBuilder AddTransactionalMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.Section).Validate(o => { o.Validate(); return true; });
        services.AddSingleton<TransactionalValidator>();
        services.AddSingleton<TransactionalMessages>();
        var options = builder.Configuration.GetSection(MessagesOptions.Section).Get<MessagesOptions>() ?? new MessagesOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.ClientPermitLimit,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = Reject;
        });
        return builder;
    }

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(LimitedPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller's function key when it sent one, else its address: a key shared by many callers is one client.</summary>
    private static string ClientOf(HttpContext context)
    {
        var key = context.Request.Headers["x-functions-key"].ToString();
        if (key.Length == 0) key = context.Request.Query["code"].ToString();
        return key.Length > 0 ? "key:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16]
            : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 1;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages",
            detail: $"This client sent more messages than its limit allows; retry after {seconds} s.").ExecuteAsync(rejected.HttpContext);
    }
}
