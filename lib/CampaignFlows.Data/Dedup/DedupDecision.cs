namespace CampaignFlows.Data.Dedup;

/// <summary>What a request should do after <see cref="IRequestDedup.BeginAsync"/>.</summary>
public enum DedupState
{
    /// <summary>This is the first request with the key in its window: go ahead, then complete it.</summary>
    First,
    /// <summary>An earlier request with the key is still running: answer as it will (e.g. 202 with its id).</summary>
    InFlight,
    /// <summary>An earlier request with the key finished: answer with its stored outcome.</summary>
    Completed,
}

/// <summary>The answer to beginning a request.</summary>
/// <param name="State">Whether to go ahead, wait for, or repeat the first request.</param>
/// <param name="Outcome">The first request's stored outcome when <see cref="DedupState.Completed"/>, else null.</param>
/// <param name="FirstSeen">When the first request with the key began.</param>
public sealed record DedupDecision(DedupState State, string? Outcome, DateTimeOffset FirstSeen);
