using System.Net;
using System.Net.Sockets;

namespace CampaignFlows.Testing;

/// <summary>
/// A loopback TCP forwarder that can be cut: while cut, connections are refused and open ones are reset, as when a
/// service's endpoint becomes unreachable; restored, it listens on the same port again. For faults a sandbox has no
/// switch for (SQS unreachable).
/// </summary>
public sealed class TcpOutageProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();
    private Task _accepting = Task.CompletedTask;

    public TcpOutageProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        Port = Ports.Free();
        Restore();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public bool IsCut => _listener is null;

    /// <summary>Stops listening and resets every open connection.</summary>
    public async Task CutAsync()
    {
        if (_listener is null) return;
        await _cut.CancelAsync();
        _listener.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            _open.Clear();
        }
        await _accepting;
    }

    /// <summary>Listens on the same port again.</summary>
    public void Restore()
    {
        if (_listener is not null) return;
        _cut = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener, _cut.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cut);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(inbound, cut);
        }
    }

    private async Task ForwardAsync(TcpClient inbound, CancellationToken cut)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(_target, cut);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, cut), b.CopyToAsync(a, cut));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The outage (or either side closing) ends the connection; that is the point.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
