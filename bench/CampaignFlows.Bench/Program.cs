using System.Reflection;
using CampaignFlows.Bench;

var suites = typeof(IBenchSuite).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(IBenchSuite).IsAssignableFrom(t))
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: CampaignFlows.Bench <{string.Join('|', suites.Keys.Order())}> [options]");
    return 2;
}
return await suite.RunAsync(BenchArgs.Parse(args.Skip(1).ToArray()));
