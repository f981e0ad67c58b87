using System.Collections;

namespace CampaignFlows.Durable.Diagnostics;

/// <summary>
/// The logging scopes the engine opens around each orchestration episode and activity execution, so every log line
/// written meanwhile (the engine's and the user code's, through any logger of the same factory) names the instance.
/// </summary>
internal static class LogScopes
{
    /// <summary>The scope of an orchestration episode.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Orchestration(string instanceId, string name) =>
        new Scope([new("InstanceId", instanceId), new("Orchestration", name)]);

    /// <summary>The scope of an activity execution.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Activity(string instanceId, string name, int taskId, int attempt) =>
        new Scope([new("InstanceId", instanceId), new("Activity", name), new("TaskId", taskId), new("Attempt", attempt)]);

    /// <summary>Structured for providers that read pairs; readable as text for those that print the scope.</summary>
    private sealed class Scope(KeyValuePair<string, object?>[] pairs) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public int Count => pairs.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)pairs).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"));
    }
}
