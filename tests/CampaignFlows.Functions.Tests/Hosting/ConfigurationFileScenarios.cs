using CampaignFlows.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Tests.Hosting;

public sealed class ConfigurationFileScenarios
{
    private static FunctionStartupException Refused(string? hostJson = null, string? localSettings = null) =>
        Assert.Throws<FunctionStartupException>(() => TestHost.CreateBuilder(TestHost.NewContentRoot(hostJson, localSettings)));

    [Fact]
    public void MalformedHostJsonNamesTheFile()
    {
        var message = Refused(hostJson: """{ "version": "2.0", """).Message;
        Assert.StartsWith("host.json: not valid JSON", message);
    }

    [Fact]
    public void WrongShapeInHostJsonNamesFileAndKey()
    {
        var message = Refused(hostJson: """{ "version": "2.0", "extensions": { "durableTask": { "maxConcurrentActivityFunctions": "ten" } } }""").Message;
        Assert.Contains("host.json", message);
        Assert.Contains("'extensions.durableTask.maxConcurrentActivityFunctions'", message);
        Assert.Contains("\"ten\"", message);
    }

    [Fact]
    public void UnknownStorageTypeIsRefused()
    {
        var message = Refused(hostJson: """{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "type": "azure" } } } }""").Message;
        Assert.Contains("'extensions.durableTask.storageProvider.type'", message);
    }

    [Fact]
    public void OldHostJsonVersionIsRefused()
    {
        Assert.Contains("'version'", Refused(hostJson: """{ "version": "1.0" }""").Message);
    }

    [Fact]
    public void NestedValueInLocalSettingsNamesFileAndKey()
    {
        var message = Refused(localSettings: """{ "IsEncrypted": false, "Values": { "Limits": { "rate": 5 } } }""").Message;
        Assert.Contains("local.settings.json", message);
        Assert.Contains("'Values.Limits'", message);
    }

    [Fact]
    public void EncryptedLocalSettingsAreRefused()
    {
        Assert.Contains("'IsEncrypted'", Refused(localSettings: """{ "IsEncrypted": true, "Values": {} }""").Message);
    }

    [Fact]
    public void BadPortInLocalSettingsNamesTheKey()
    {
        Assert.Contains("'Host.LocalHttpPort'", Refused(localSettings: """{ "Host": { "LocalHttpPort": 70000 } }""").Message);
    }

    [Fact]
    public void UnknownKeysAreWarnedAboutNotRefused()
    {
        var root = TestHost.NewContentRoot(hostJson: """{ "version": "2.0", "functionTimeout": "00:05:00" }""",
            localSettings: """{ "Values": { "Known": "1", "Typo": "2" }, "Extra": true }""");
        File.WriteAllText(Path.Combine(root, "local.settings.sample.json"), """{ "Values": { "Known": "" } }""");
        var builder = TestHost.CreateBuilder(root);
        var warnings = builder.Services.BuildServiceProvider().GetRequiredService<CampaignFlows.Functions.Hosting.StartupWarnings>().Messages;
        Assert.Contains(warnings, w => w.Contains("host.json: 'functionTimeout'"));
        Assert.Contains(warnings, w => w.Contains("local.settings.json: 'Values.Typo'"));
        Assert.Contains(warnings, w => w.Contains("local.settings.json: 'Extra'"));
        Assert.DoesNotContain(warnings, w => w.Contains("Known"));
    }

    [Fact]
    public void EnvironmentOverridesLocalSettingsValues()
    {
        var root = TestHost.NewContentRoot(localSettings: """{ "Values": { "CF_TEST_OVERRIDE": "from-file", "CF_TEST_FILE_ONLY": "file" } }""");
        Environment.SetEnvironmentVariable("CF_TEST_OVERRIDE", "from-environment");
        try
        {
            var configuration = TestHost.CreateBuilder(root).Configuration;
            Assert.Equal("from-environment", configuration["CF_TEST_OVERRIDE"]);
            Assert.Equal("file", configuration["CF_TEST_FILE_ONLY"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CF_TEST_OVERRIDE", null);
        }
    }

    [Fact]
    public void HostJsonSettingsReachTheOptions()
    {
        var root = TestHost.NewContentRoot(
            hostJson: """
            {
              // comments are allowed, as in the Functions host
              "version": "2.0",
              "logging": { "logLevel": { "default": "Warning" } },
              "extensions": {
                "durableTask": { "hubName": "Shop", "maxConcurrentActivityFunctions": 7, "extendedSessionsEnabled": true, "hostId": "mail-host-2",
                                 "storageProvider": { "type": "postgres", "connectionStringName": "Store" } },
                "http": { "routePrefix": "" }
              }
            }
            """,
            localSettings: """{ "ConnectionStrings": { "Store": "Host=db" }, "Host": { "LocalHttpPort": 7200 } }""");
        var configuration = TestHost.CreateBuilder(root).Configuration;
        var options = FunctionsHostOptions.FromConfiguration(configuration);
        Assert.Equal(("Shop", "postgres", "Host=db", 7, true, "", 7200),
            (options.HubName, options.StorageType, options.StorageConnectionString, options.MaxConcurrentActivityFunctions, options.ExtendedSessionsEnabled,
                options.RoutePrefix, options.LocalHttpPort));
        Assert.Equal("mail-host-2", options.HostId);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);
    }
}
