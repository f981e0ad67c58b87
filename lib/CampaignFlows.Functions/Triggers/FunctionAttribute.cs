namespace CampaignFlows.Functions;

/// <summary>Marks a method as a function the host discovers, under a name unique in the app (case-insensitive).</summary>
/// <remarks>Orchestrators and activities are called by this name; use <c>nameof</c> of the declaring class or method.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    /// <summary>The function's name.</summary>
    public string Name { get; } = name;
}
