using System.Net;
using System.Net.Sockets;

namespace CampaignFlows.Testing;

/// <summary>Loopback ports for processes a test starts.</summary>
public static class Ports
{
    /// <summary>A port free right now (another process may still take it before it is bound).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
