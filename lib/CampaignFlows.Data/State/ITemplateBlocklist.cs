namespace CampaignFlows.Data.State;

/// <summary>The per-template kill switch, changeable while campaigns run.</summary>
public interface ITemplateBlocklist
{
    /// <summary>Blocks a template (again: refreshes the reason).</summary>
    Task BlockAsync(string template, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Unblocks a template; false when it was not blocked.</summary>
    Task<bool> UnblockAsync(string template, CancellationToken cancellationToken = default);

    /// <summary>The block on a template, or null when it may be sent.</summary>
    Task<BlockedTemplate?> FindAsync(string template, CancellationToken cancellationToken = default);

    /// <summary>Every blocked template, by name.</summary>
    Task<IReadOnlyList<BlockedTemplate>> ListAsync(CancellationToken cancellationToken = default);
}
