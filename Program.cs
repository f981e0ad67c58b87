using CampaignFlows.Attachments;
using CampaignFlows.Blobs;
using CampaignFlows.Campaigns;
using CampaignFlows.Cli;
using CampaignFlows.Functions;
using CampaignFlows.Messages;
using CampaignFlows.Observability;
using CampaignFlows.Triggers;
using CampaignFlows.Warmups;

// No verb runs the host, as `func start` does; `--help` lists the others.
return await CampaignFlowsCommand.Create(FunctionApp.Build).Parse(args).InvokeAsync(CampaignFlowsCommand.Invocation);

/// <summary>The function app as every verb and test builds it.</summary>
public static class FunctionApp
{
    /// <summary>Reads host.json and local.settings.json, discovers this assembly's functions and maps the host's endpoints.</summary>
    /// <exception cref="FunctionStartupException">A function or setting is misconfigured; the message names it.</exception>
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>, letting a simulation or test add services first (e.g. a fake clock as the TimeProvider).</summary>
    /// <exception cref="FunctionStartupException">A function or setting is misconfigured; the message names it.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddCampaigns();
        builder.AddWarmups();
        builder.AddTransactionalMail();
        builder.AddAttachments();
        builder.AddObservability();
        builder.AddFunctions(typeof(FunctionApp).Assembly);
        var app = builder.Build();
        app.UseRateLimiter();
        app.UseDashboard();
        app.MapLocalBlobLinks("/blobs");
        app.MapFunctions();
        return app;
    }
}

/// <summary>The function app's entry point; public so functional tests can host it.</summary>
public partial class Program;
