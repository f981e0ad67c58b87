using System.Diagnostics;

namespace CampaignFlows.Durable.Tests.Infrastructure;

/// <summary>The crash-test host running as a separate process, so the test can kill it with SIGKILL.</summary>
public sealed class ChildHost : IDisposable
{
    private readonly Process _process;

    private ChildHost(Process process) => _process = process;

    public static async Task<ChildHost> StartAsync(string storeType, string connectionString, string journal, int instancesToStart,
        string? hostId = null, TimeSpan? leaseDuration = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CampaignFlows.Durable.TestHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var arg in new[] { dll, storeType, connectionString, journal, instancesToStart.ToString(culture) })
            info.ArgumentList.Add(arg);
        if (hostId is not null)
        {
            info.ArgumentList.Add(hostId);
            info.ArgumentList.Add((leaseDuration ?? TimeSpan.FromSeconds(1)).TotalSeconds.ToString(culture));
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("The test host did not start.");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (ready != "ready") throw new InvalidOperationException($"The test host failed: {await process.StandardError.ReadToEndAsync()}");
        return new ChildHost(process);
    }

    /// <summary>
    /// SIGKILL: no shutdown code runs, leases stay held until they expire. The child is the host itself (`dotnet` runs the
    /// dll in its own process), so it is signalled directly: killing the "process tree" first walks every process on the
    /// machine, a pause in which the host keeps working (on a busy machine long enough to finish most of the test's work).
    /// </summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
