namespace CampaignFlows.Durable.Runtime;

/// <summary>The context one activity run receives.</summary>
internal sealed class ActivityContext(string name, string instanceId, int attempt, string? input, IServiceProvider services,
    CancellationToken cancellationToken, DateTime leasedAt) : TaskActivityContext
{
    /// <summary>When the dispatcher leased it on the engine clock: the moment flow limits admitted it.</summary>
    public DateTime LeasedAt => leasedAt;

    public override string Name => name;
    public override string InstanceId => instanceId;
    public override int Attempt => attempt;
    public override IServiceProvider Services => services;
    public override CancellationToken CancellationToken => cancellationToken;

    public override T? GetInput<T>() where T : default =>
        JsonPayload.Deserialize<T>(input, $"the input of activity '{name}' (instance {instanceId})");
}
