namespace CampaignFlows.Blobs.Tests.Fixtures;

/// <summary>Flips one byte of every block body after it was signed, as a faulty network would.</summary>
public sealed class CorruptingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.Query.Contains("comp=block&", StringComparison.Ordinal))
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            body[body.Length / 2] ^= 0xFF;
            var damaged = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                damaged.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = damaged;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<string> requests = [];

    public List<string> Take()
    {
        lock (requests)
        {
            var taken = requests.ToList();
            requests.Clear();
            return taken;
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put)
        {
            lock (requests)
            {
                requests.Add(request.RequestUri!.PathAndQuery);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
