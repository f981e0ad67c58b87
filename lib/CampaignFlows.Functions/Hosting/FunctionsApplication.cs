using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions;

/// <summary>Creates the host's builder the way the Functions host starts: host.json and local.settings.json read from the content root.</summary>
public static class FunctionsApplication
{
    /// <summary>
    /// A web application builder with host.json and local.settings.json layered under the environment and command line,
    /// listening on <c>http://127.0.0.1:{Host.LocalHttpPort}</c> (7071 by default) unless URLs are configured.
    /// </summary>
    /// <exception cref="FunctionStartupException">One of the files is malformed; the message names the file and key.</exception>
    public static WebApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new WebApplicationOptions { Args = args });

    /// <inheritdoc cref="CreateBuilder(string[])"/>
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);
        var root = builder.Environment.ContentRootPath;
        var warnings = new List<string>();
        // Console lines carry the engine's scopes (instance id, activity) unless the settings say otherwise.
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Logging:Console:FormatterOptions:IncludeScopes"] = "true" };
        foreach (var (key, value) in Hosting.HostJsonReader.Read(Path.Combine(root, Hosting.HostJsonReader.FileName), warnings)) settings[key] = value;
        var known = Hosting.LocalSettingsReader.KnownValues(Path.Combine(root, Hosting.LocalSettingsReader.SampleFileName));
        foreach (var (key, value) in Hosting.LocalSettingsReader.Read(Path.Combine(root, Hosting.LocalSettingsReader.FileName), known, warnings)) settings[key] = value;
        InsertBelowEnvironment(builder.Configuration, new MemoryConfigurationSource { InitialData = settings });
        builder.Services.AddSingleton(new Hosting.StartupWarnings(warnings));
        // Like `func start`: loopback on Host.LocalHttpPort unless --urls or ASPNETCORE_URLS says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls($"http://127.0.0.1:{FunctionsHostOptions.LocalHttpPortOf(builder.Configuration)}");
        return builder;
    }

    /// <summary>Environment variables and the command line must win over the files, as they do in the Functions host.</summary>
    private static void InsertBelowEnvironment(IConfigurationBuilder configuration, IConfigurationSource source)
    {
        var sources = configuration.Sources;
        var environment = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.s is null) sources.Add(source);
        else sources.Insert(environment.i, source);
    }
}
