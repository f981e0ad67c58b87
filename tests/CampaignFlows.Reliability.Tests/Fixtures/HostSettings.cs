using CampaignFlows.Testing;

namespace CampaignFlows.Reliability.Tests.Fixtures;

/// <summary>The keys of this project's in-process hosts and a content root that carries them.</summary>
public static class HostSettings
{
    public const string MasterKey = "reliability-master-key-7f3a";
    public const string FunctionKey = "reliability-function-key-91c2";

    public static string CreateContentRoot(int maxRequestBodyBytes = 64 * 1024 * 1024) =>
        AppContentRoot.Create("cf-rel-", MasterKey, FunctionKey, AppContentRoot.HostJson(maxRequestBodyBytes));
}
