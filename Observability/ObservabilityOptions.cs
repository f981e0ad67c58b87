namespace CampaignFlows.Observability;

/// <summary>Telemetry settings: the standard <c>OTEL_*</c> values (from local.settings.json Values or the environment) and the sampler's pace.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>The OTLP collector; nothing is exported when empty (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c> (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Extra headers for the collector, e.g. an API key, as <c>k=v,k2=v2</c> (<c>OTEL_EXPORTER_OTLP_HEADERS</c>); never logged.</summary>
    public string? Headers { get; set; }

    /// <summary>The service name on every span and metric (<c>OTEL_SERVICE_NAME</c>).</summary>
    public string ServiceName { get; set; } = "campaignflows";

    /// <summary>How often rate limits, quotas and queues are sampled for the gauges.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most unfinished instances one sample reads, so a huge backlog cannot make sampling slow.</summary>
    public int MaxSampledInstances { get; set; } = 5_000;

    /// <summary>Reads the standard settings from configuration.</summary>
    /// <exception cref="ArgumentException">A value cannot work; the message names it.</exception>
    public void Bind(IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
            Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
                : throw new ArgumentException($"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an absolute http(s) URL.");
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        if (!string.IsNullOrWhiteSpace(protocol))
            Protocol = protocol is "grpc" or "http/protobuf" ? protocol
                : throw new ArgumentException($"OTEL_EXPORTER_OTLP_PROTOCOL must be 'grpc' or 'http/protobuf', not '{protocol}'.");
        Headers = configuration["OTEL_EXPORTER_OTLP_HEADERS"] ?? Headers;
        ServiceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName;
        configuration.GetSection("Observability").Bind(this);
        if (SampleInterval < TimeSpan.FromSeconds(1)) throw new ArgumentException("Observability:SampleInterval must be at least one second.");
        if (MaxSampledInstances < 1) throw new ArgumentException("Observability:MaxSampledInstances must be at least 1.");
    }
}
