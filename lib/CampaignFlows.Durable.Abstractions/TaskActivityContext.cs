namespace CampaignFlows.Durable;

/// <summary>What an activity function receives besides its input.</summary>
/// <remarks>Activities run at least once: a host that crashes mid-activity leaves it to run again elsewhere.</remarks>
public abstract class TaskActivityContext
{
    /// <summary>The activity's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id of the orchestration that scheduled it.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Which attempt this is under the caller's retry policy, starting at 1; throttled re-runs do not count.</summary>
    public abstract int Attempt { get; }

    /// <summary>Services of the current scope.</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>Signalled when the host shuts down or the activity's lease was lost.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The input, deserialized as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The input cannot be read as <typeparamref name="T"/>; the message names the type and JSON path.</exception>
    public abstract T? GetInput<T>();
}
