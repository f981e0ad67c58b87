using System.CommandLine;
using System.Net.Sockets;

namespace CampaignFlows.Cli.Management;

/// <summary>The common run of a management verb: find the key, call the host, report the answer or why it could not be reached.</summary>
internal static class ManagementVerb
{
    public static async Task<int> RunAsync(ManagementOptions options, ParseResult parse,
        Func<ManagementApiClient, Task<(int Status, string Body)>> call, string success)
    {
        try
        {
            using var client = options.CreateClient(parse);
            var (status, body) = await call(client).ConfigureAwait(false);
            return ManagementApiClient.Report(status, body, success);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Console.Error.WriteLine($"No host answers at {parse.GetValue(options.Url)}: start one with `start`, or pass --url.");
            return 2;
        }
    }
}
