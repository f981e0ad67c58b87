namespace CampaignFlows.Sandbox.Tests.Unit;

public sealed class OptionsTests
{
    [Fact]
    public void Validate_Defaults_ModelAProductionAccount()
    {
        var options = new SandboxOptions();

        options.Validate();
        Assert.Equal(200, options.DefaultAccount.MaxSendRate);
        Assert.Equal(1_000_000, options.DefaultAccount.Max24HourSend);
    }

    [Theory]
    [InlineData(0, 1, 0, "MaxSendRate")]
    [InlineData(1, -5, 0, "Max24HourSend")]
    [InlineData(1, 1, 1.5, "ErrorProbability")]
    public void Validate_BadAccountSetting_ThrowsNamingIt(double rate, double quota, double errors, string field)
    {
        var options = new SandboxOptions { Accounts = { ["AKID1"] = new AccountOptions { MaxSendRate = rate, Max24HourSend = quota, ErrorProbability = errors } } };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains($"Accounts:AKID1:{field}", error.Message);
    }

    [Fact]
    public void Validate_EventQueueNameWithSpaces_ThrowsNamingIt()
    {
        var options = new SandboxOptions { DefaultAccount = new AccountOptions { EventQueueName = "ses events" } };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("DefaultAccount:EventQueueName 'ses events'", error.Message);
    }

    [Fact]
    public void Validate_UnknownEventType_ThrowsListingTheKnownOnes()
    {
        var options = new SandboxOptions { DefaultAccount = new AccountOptions { EventTypes = ["Open"] } };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("'Open'", error.Message);
        Assert.Contains("Rendering Failure", error.Message);
    }

    [Fact]
    public void Load_ConfigFileAndFlags_FlagsWinAndListsReplaceDefaults()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {
              "Regions": ["eu-west-1"],
              "Seed": 9,
              "DefaultAccount": { "MaxSendRate": 14, "EventTypes": ["Bounce"] },
              "Accounts": { "AKIDBACKUP": { "Max24HourSend": 50000, "AccountId": "123456789012" } },
              "Domains": { "flaky.test": { "BounceProbability": 0.2 } }
            }
            """);
        try
        {
            var options = SandboxCommandLine.Load(["--config", file, "--DefaultAccount:MaxSendRate", "20", "--urls", "http://127.0.0.1:4999"]);

            Assert.Equal("http://127.0.0.1:4999", options.Urls);
            Assert.Equal(["eu-west-1"], options.Regions);
            Assert.Equal(9, options.Seed);
            Assert.Equal(20, options.DefaultAccount.MaxSendRate);
            Assert.Equal(["Bounce"], options.DefaultAccount.EventTypes);
            Assert.Equal(50_000, options.Accounts["AKIDBACKUP"].Max24HourSend);
            Assert.Equal(0.2, options.Domains["flaky.test"].BounceProbability);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Load_MissingConfigFile_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SandboxCommandLine.Load(["--config", "/nonexistent/sandbox.json"]));

        Assert.Contains("/nonexistent/sandbox.json", error.Message);
    }
}
