using CampaignFlows.Observability;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace CampaignFlows.Tests.Observability;

public sealed class ObservabilityOptionsTests
{
    private static ObservabilityOptions Bind(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        var options = new ObservabilityOptions();
        options.Bind(configuration);
        return options;
    }

    [Fact]
    public void Bind_NoEndpoint_LeavesExportOff()
    {
        Assert.Null(Bind(("OTEL_EXPORTER_OTLP_ENDPOINT", "")).Endpoint);
    }

    [Fact]
    public void Bind_StandardValues_ReadsThem()
    {
        var options = Bind(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "mail-east"), ("Observability:SampleInterval", "00:00:05"));

        Assert.Equal(new Uri("http://collector:4318"), options.Endpoint);
        Assert.Equal("http/protobuf", options.Protocol);
        Assert.Equal("mail-east", options.ServiceName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.SampleInterval);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "udp")]
    [InlineData("Observability:SampleInterval", "00:00:00.100")]
    public void Bind_BadValue_ThrowsNamingTheSetting(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Bind((key, value)));
        Assert.Contains(key.Split(':').Last(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_HttpProtobuf_AppendsSignalPath()
    {
        var exporter = new OtlpExporterOptions();
        TelemetryExport.Configure(exporter, new ObservabilityOptions { Endpoint = new Uri("http://collector:4318/"), Protocol = "http/protobuf" }, "v1/metrics");

        Assert.Equal(OtlpExportProtocol.HttpProtobuf, exporter.Protocol);
        Assert.Equal(new Uri("http://collector:4318/v1/metrics"), exporter.Endpoint);
    }

    [Fact]
    public void Configure_Grpc_UsesEndpointAsIs()
    {
        var exporter = new OtlpExporterOptions();
        TelemetryExport.Configure(exporter, new ObservabilityOptions { Endpoint = new Uri("http://collector:4317") }, "v1/traces");

        Assert.Equal(OtlpExportProtocol.Grpc, exporter.Protocol);
        Assert.Equal(new Uri("http://collector:4317"), exporter.Endpoint);
    }
}
