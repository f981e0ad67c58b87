namespace CampaignFlows.Blobs.Tests.Fixtures;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public void FindAzurite_NotInstalled_TellsToRunNpmCi()
    {
        var empty = Directory.CreateTempSubdirectory("no-node-modules-");
        try
        {
            var failure = Assert.Throws<InvalidOperationException>(() => AzuriteFixture.FindAzurite(empty.FullName));

            Assert.Contains("npm ci", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void FindAzurite_FromTestOutputFolder_FindsTheRepositoryInstall() =>
        Assert.EndsWith(Path.Combine("node_modules", ".bin", "azurite"), AzuriteFixture.FindAzurite(AppContext.BaseDirectory));
}
