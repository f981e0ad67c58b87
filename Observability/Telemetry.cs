using System.Diagnostics;

namespace CampaignFlows.Observability;

/// <summary>The names under which the app publishes traces and metrics.</summary>
public static class Telemetry
{
    /// <summary>The app's meter and activity source name.</summary>
    public const string Name = "CampaignFlows";

    /// <summary>The engine's meter and activity source name: episode and activity metrics, and the spans that carry a
    /// request's trace through its orchestration into the activities (and so into the SES spans they open).</summary>
    public const string EngineName = CampaignFlows.Durable.Diagnostics.DurableTelemetry.Name;

    /// <summary>Spans of SES calls, tagged with the account and the campaign (the campaign's orchestration instance id).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Tag: the SES account.</summary>
    public const string AccountTag = "account";

    /// <summary>Tag: the campaign id, which is also its orchestration instance id.</summary>
    public const string CampaignTag = "campaign";

    /// <summary>Span tag linking a span to the orchestration instance it worked for.</summary>
    public const string InstanceIdTag = "campaignflows.instance_id";
}
