using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CampaignFlows.Observability;

/// <summary>Exports the app's, the engine's, ASP.NET Core's and HttpClient's metrics and traces over OTLP while the host runs.</summary>
/// <remarks>Started only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the providers are built here rather than through a hosting
/// extension (not available in this registry) and disposed on stop, which flushes what is buffered.</remarks>
public sealed class TelemetryExport(IOptions<ObservabilityOptions> options, ILogger<TelemetryExport> logger) : IHostedService, IDisposable
{
    /// <summary>Every meter exported.</summary>
    public static readonly string[] Meters = [Telemetry.Name, Telemetry.EngineName, "Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    /// <summary>Every activity source exported: HTTP requests in, engine work, SES spans and the HTTP calls out.</summary>
    public static readonly string[] Sources = [Telemetry.Name, Telemetry.EngineName, "Microsoft.AspNetCore", "System.Net.Http"];

    private MeterProvider? _meters;
    private TracerProvider? _tracer;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Endpoint is null) return Task.CompletedTask;
        var resource = ResourceBuilder.CreateDefault().AddService(settings.ServiceName);
        _meters = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters)
            .AddOtlpExporter(o => Configure(o, settings, "v1/metrics")).Build();
        _tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources)
            .AddOtlpExporter(o => Configure(o, settings, "v1/traces")).Build();
        Logs.TelemetryExporting(logger, settings.Endpoint.GetLeftPart(UriPartial.Authority), settings.Protocol);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _meters?.Dispose();
        _tracer?.Dispose();
        _meters = null;
        _tracer = null;
    }

    /// <summary>Sets the exporter's endpoint; over HTTP the signal's path is appended, as the OTLP specification asks for a base endpoint.</summary>
    internal static void Configure(OtlpExporterOptions exporter, ObservabilityOptions settings, string signalPath)
    {
        var http = settings.Protocol == "http/protobuf";
        exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        exporter.Endpoint = http ? new Uri(settings.Endpoint!.ToString().TrimEnd('/') + "/" + signalPath) : settings.Endpoint!;
        if (!string.IsNullOrEmpty(settings.Headers)) exporter.Headers = settings.Headers;
    }
}
