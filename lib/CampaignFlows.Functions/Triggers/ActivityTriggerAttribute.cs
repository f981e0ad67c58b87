namespace CampaignFlows.Functions;

/// <summary>Binds the input of an activity function, deserialized with <c>DurableJson.Options</c>.</summary>
/// <remarks>
/// An activity has exactly one such parameter; it may also take a <c>TaskActivityContext</c>, a
/// <see cref="CancellationToken"/>, an <c>ILogger</c> and a <see cref="DurableClientAttribute">durable client</see>.
/// Activities run at least once.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : Attribute;
