namespace CampaignFlows.Functions.Discovery;

/// <summary>The trigger that starts a function.</summary>
internal enum FunctionKind
{
    Orchestration,
    Activity,
    Http,
    Timer,
    Sqs,
}
