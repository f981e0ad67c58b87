using CampaignFlows.Sandbox.Admin;
using CampaignFlows.Sandbox.Ses;
using CampaignFlows.Sandbox.Sqs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Sandbox;

/// <summary>
/// A local Amazon SES v2 + SQS endpoint on one loopback port, for tests, benchmarks and the demo.
/// </summary>
/// <remarks>
/// Point AWS clients at <see cref="Url"/>; any SigV4 signature is accepted, the access key id picks the
/// account and the credential scope the region. Inspect or steer it in process through <see cref="State"/>
/// or over HTTP under <c>/_sandbox/</c>.
/// </remarks>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _events;

    private SandboxHost(WebApplication app, SandboxState state, Uri url, CancellationTokenSource stopping, Task events)
    {
        _app = app;
        State = state;
        Url = url;
        _stopping = stopping;
        _events = events;
    }

    /// <summary>The base URL both services answer on, e.g. <c>http://127.0.0.1:4566/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Accounts, queues, the sent-message log and counters.</summary>
    public SandboxState State { get; }

    /// <summary>Validates <paramref name="options"/>, starts Kestrel and the event publisher, and returns once listening.</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls ?? "http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter(typeof(SandboxHost).Namespace, LogLevel.Information);
        var state = new SandboxState(options);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            return SqsApi.IsSqs(context.Request) ? SqsApi.HandleAsync(context, state) : next(context);
        });
        app.MapSes(state);
        app.MapAdmin(state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var url = new Uri(address.EndsWith('/') ? address : address + "/");
        var stopping = new CancellationTokenSource();
        var events = Task.Run(() => state.Events.RunAsync(stopping.Token), CancellationToken.None);
        app.Logger.Listening(url);
        return new SandboxHost(app, state, url, stopping, events);
    }

    /// <summary>Stops listening and the event publisher.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _events.ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        _app.Logger.Stopped();
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
