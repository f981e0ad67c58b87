namespace CampaignFlows.Functions;

/// <summary>The URLs that manage one instance, as Durable Functions hands them out; each carries a system key in <c>code</c>.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="StatusQueryGetUri">GET: the instance's status (202 while running, 200 when done).</param>
/// <param name="SendEventPostUri">POST: raise an event; replace <c>{eventName}</c>.</param>
/// <param name="TerminatePostUri">POST: terminate; replace <c>{text}</c> with the reason.</param>
/// <param name="PurgeHistoryDeleteUri">DELETE: purge a finished instance.</param>
/// <param name="SuspendPostUri">POST: suspend; replace <c>{text}</c> with the reason.</param>
/// <param name="ResumePostUri">POST: resume; replace <c>{text}</c> with the reason.</param>
public sealed record HttpManagementPayload(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri,
    string PurgeHistoryDeleteUri, string SuspendPostUri, string ResumePostUri);
