namespace CampaignFlows.Domain;

/// <summary>One thing wrong with an input: the field it concerns and why it was refused.</summary>
/// <param name="Field">The input field's name as the caller knows it (for example <c>targetDailyVolume</c>).</param>
/// <param name="Message">A sentence saying what is wrong and what would be accepted.</param>
public sealed record ValidationError(string Field, string Message);
