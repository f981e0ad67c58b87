using CampaignFlows.Cli;
using CampaignFlows.Functions;

// No verb runs the host, as `func start` does; `--help` lists the others.
return await CampaignFlowsCommand.Create(FunctionApp.Build).Parse(args).InvokeAsync(CampaignFlowsCommand.Invocation);

/// <summary>The function app as every verb and test builds it.</summary>
public static class FunctionApp
{
    /// <summary>Reads host.json and local.settings.json, discovers this assembly's functions and maps the host's endpoints.</summary>
    /// <exception cref="FunctionStartupException">A function or setting is misconfigured; the message names it.</exception>
    public static WebApplication Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.AddFunctions(typeof(FunctionApp).Assembly);
        var app = builder.Build();
        app.MapFunctions();
        return app;
    }
}

/// <summary>The function app's entry point; public so functional tests can host it.</summary>
public partial class Program;
