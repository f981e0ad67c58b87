namespace CampaignFlows.Data.State;

/// <summary>Addresses allowed to receive verified-only templates.</summary>
public interface IVerifiedAddresses
{
    /// <summary>Marks normalised addresses verified.</summary>
    Task AddAsync(IReadOnlyCollection<string> addresses, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes an address; false when it was not verified.</summary>
    Task<bool> RemoveAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="addresses"/> are verified.</summary>
    Task<IReadOnlySet<string>> FindVerifiedAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default);
}
