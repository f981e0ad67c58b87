using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Sandbox;

/// <summary>Reads <see cref="SandboxOptions"/> from <c>--config file.json</c> and flags such as <c>--DefaultAccount:MaxSendRate 14</c>.</summary>
public static class SandboxCommandLine
{
    /// <summary>The default listening address of the executable (LocalStack's port, so tools find it where they look).</summary>
    public const string DefaultUrls = "http://127.0.0.1:4566";

    /// <summary>Binds the options; flags win over the file; throws naming a missing file or an invalid setting.</summary>
    public static SandboxOptions Load(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var flags = new ConfigurationBuilder().AddCommandLine(args).Build();
        var builder = new ConfigurationBuilder();
        if (flags["config"] is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path)) throw new FileNotFoundException($"The sandbox configuration file '{path}' does not exist.", path);
            builder.AddJsonFile(path, optional: false);
        }
        var configuration = builder.AddCommandLine(args).Build();
        var options = new SandboxOptions();
        configuration.Bind(options);
        // The binder appends to list defaults; a configured list replaces the default instead.
        if (configuration.GetSection(nameof(SandboxOptions.Regions)).Exists())
            options.Regions = configuration.GetSection(nameof(SandboxOptions.Regions)).Get<List<string>>() ?? [];
        options.DefaultAccount = WithConfiguredEventTypes(options.DefaultAccount, configuration.GetSection(nameof(SandboxOptions.DefaultAccount)));
        foreach (var key in options.Accounts.Keys.ToList())
            options.Accounts[key] = WithConfiguredEventTypes(options.Accounts[key], configuration.GetSection($"{nameof(SandboxOptions.Accounts)}:{key}"));
        options.Urls ??= DefaultUrls;
        options.Validate();
        return options;
    }

    private static AccountOptions WithConfiguredEventTypes(AccountOptions account, IConfigurationSection section)
    {
        var types = section.GetSection(nameof(AccountOptions.EventTypes));
        return types.Exists() ? account with { EventTypes = types.Get<List<string>>() ?? [] } : account;
    }
}
