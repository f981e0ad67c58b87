using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CampaignFlows.Testing;

/// <summary>
/// The app as its own OS process (<c>dotnet CampaignFlows.dll start --port N</c>), so a test can SIGKILL it and start
/// it again on the same content root (and so the same SQLite file) or the same PostgreSQL database.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output;
    private Process? _process;

    public ChildHost(string contentRoot, IReadOnlyDictionary<string, string?> settings, string functionKey, ConcurrentQueue<string>? output = null)
    {
        ContentRoot = contentRoot;
        Settings = settings;
        _output = output ?? new ConcurrentQueue<string>();
        Port = Ports.Free();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(120) };
        Client.DefaultRequestHeaders.Add("x-functions-key", functionKey);
    }

    public string ContentRoot { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public int Port { get; }
    public HttpClient Client { get; }

    /// <summary>Every line the process wrote on stdout and stderr, across all its lives.</summary>
    public IEnumerable<string> Output => _output;

    /// <summary>True while a started process has not exited.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until it answers HTTP.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CampaignFlows.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = ContentRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "start", "--port", Port.ToString(CultureInfo.InvariantCulture), $"--contentRoot={ContentRoot}" }.Concat(AppSettings.ToArguments(Settings)))
            info.ArgumentList.Add(arg);
        // Workstation GC keeps several hosts on a 2-core machine from each sizing heaps for every core.
        info.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}: {Tail(40)}");
            try
            {
                using var response = await Client.GetAsync("/api/campaigns");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet (store migrations under load).
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer within {timeout}: {Tail(40)}");
    }

    /// <summary>SIGKILL: no shutdown code runs, leases and in-flight batches are simply abandoned.</summary>
    /// <remarks>
    /// The host is the <c>dotnet</c> process itself and starts none of its own, so the signal goes straight to it: killing
    /// the "entire process tree" first walks every process on the machine, and the host kept sending for up to ~170 ms
    /// of that walk on a busy machine, which a real SIGKILL does not allow.
    /// </remarks>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The last <paramref name="lines"/> lines of output, for failure messages.</summary>
    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
    }

}
