using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Observability;

namespace CampaignFlows.Tests.Observability;

public sealed class TelemetryExportTests
{
    [Fact]
    public void Meters_EngineMeter_IsExported() => Assert.Contains(DurableTelemetry.Name, TelemetryExport.Meters);

    [Fact]
    public void Sources_EngineAndRequestSources_AreExportedTogether()
    {
        // A trace reaches from the HTTP request through the engine's spans to the SES span only if all three are exported.
        Assert.Contains("Microsoft.AspNetCore", TelemetryExport.Sources);
        Assert.Contains(DurableTelemetry.Name, TelemetryExport.Sources);
        Assert.Contains(Telemetry.Name, TelemetryExport.Sources);
    }
}
