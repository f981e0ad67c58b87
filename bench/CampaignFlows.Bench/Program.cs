Console.Error.WriteLine("usage: CampaignFlows.Bench <suite> [options]");
return 2;
