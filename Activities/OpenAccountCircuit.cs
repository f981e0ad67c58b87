using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Opens an account's circuit for the cool-down, so every campaign on every host fails over at once.</summary>
public sealed class OpenAccountCircuit(IAccountCircuits circuits, MailAccounts accounts, TimeProvider time)
{
    /// <summary>The state name of an open circuit.</summary>
    public const string Open = "open";

    /// <summary>The activity.</summary>
    [Function(nameof(OpenAccountCircuit))]
    public async Task Run([ActivityTrigger] AccountTrip trip, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await circuits.SetAsync(new AccountCircuit(trip.Account, Open, trip.Reason, now + accounts.Options.AccountCoolDown, now), cancellation);
    }
}
