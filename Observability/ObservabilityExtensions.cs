using CampaignFlows.Aws;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignFlows.Observability;

/// <summary>Registers the app's metrics, SES spans, flow-control sampling and the OTLP export.</summary>
public static class ObservabilityExtensions
{
    /// <summary>Adds telemetry; call after the mail services so the SES client factory can be wrapped.</summary>
    /// <exception cref="ArgumentException">An <c>OTEL_*</c> or <c>Observability:*</c> setting cannot work; the message names it.</exception>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var settings = new ObservabilityOptions();
        settings.Bind(builder.Configuration);
        var services = builder.Services;
        services.AddMetrics();
        services.AddOptions<ObservabilityOptions>().Configure(o => o.Bind(builder.Configuration));
        services.TryAddSingleton<MailMetrics>();
        services.TryAddSingleton<FlowMetrics>();
        services.AddHostedService<FlowMetricsSampler>();
        services.AddHostedService<TelemetryExport>();
        WrapAwsClients(services);
        return builder;
    }

    private static void WrapAwsClients(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IAwsClientFactory) && !d.IsKeyedService);
        if (original is null) return;
        services.Remove(original);
        services.AddSingleton<IAwsClientFactory>(sp => new InstrumentedAwsClientFactory(Create(sp, original), sp.GetRequiredService<MailMetrics>()));
    }

    private static IAwsClientFactory Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAwsClientFactory)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
