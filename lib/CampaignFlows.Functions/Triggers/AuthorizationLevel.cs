namespace CampaignFlows.Functions;

/// <summary>Which key an HTTP-triggered function demands, as in Azure Functions.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous,
    /// <summary>A function key or the master key.</summary>
    Function,
    /// <summary>The master key only.</summary>
    Admin,
}
