namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>The system clock moved by a fixed offset, to make links that are already expired by real time.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
