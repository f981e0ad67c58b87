using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Tests.Integration;

[Collection(SandboxCollection.Name)]
public class SesManagement(SandboxFixture fixture)
{
    [Fact]
    public async Task TemplateLifecycle_CreateGetUpdateListDelete()
    {
        var ses = fixture.Ses("AKIDTEMPLATES");
        await ses.CreateEmailTemplateAsync(new CreateEmailTemplateRequest
        {
            TemplateName = "order-shipped",
            TemplateContent = new EmailTemplateContent { Subject = "Shipped {{id}}", Text = "Order {{id}}" },
        });

        await ses.UpdateEmailTemplateAsync(new UpdateEmailTemplateRequest
        {
            TemplateName = "order-shipped",
            TemplateContent = new EmailTemplateContent { Subject = "On its way: {{id}}", Text = "Order {{id}}" },
        });
        var read = await ses.GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = "order-shipped" });
        var listed = await ses.ListEmailTemplatesAsync(new ListEmailTemplatesRequest { PageSize = 10 });
        await ses.DeleteEmailTemplateAsync(new DeleteEmailTemplateRequest { TemplateName = "order-shipped" });
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => ses.GetEmailTemplateAsync(new GetEmailTemplateRequest { TemplateName = "order-shipped" }));

        Assert.Equal("On its way: {{id}}", read.TemplateContent!.Subject);
        var metadata = Assert.Single(listed.TemplatesMetadata);
        Assert.Equal("order-shipped", metadata.TemplateName);
        Assert.NotNull(metadata.CreatedTimestamp);
        Assert.Equal("NotFoundException", gone.ErrorCode);
        Assert.Equal(AwsErrorKind.Permanent, gone.Kind);
    }

    [Fact]
    public async Task SuppressionList_PutGetListDelete()
    {
        var ses = fixture.Ses("AKIDSUPPRESSION");
        const string address = "bounced+tag@example.com";

        await ses.PutSuppressedDestinationAsync(new PutSuppressedDestinationRequest { EmailAddress = address, Reason = SuppressionListReason.Bounce });
        var read = await ses.GetSuppressedDestinationAsync(new GetSuppressedDestinationRequest { EmailAddress = address });
        var listed = await ses.ListSuppressedDestinationsAsync(new ListSuppressedDestinationsRequest
        {
            Reasons = [SuppressionListReason.Bounce],
            StartDate = DateTimeOffset.UtcNow.AddHours(-1),
        });
        await ses.DeleteSuppressedDestinationAsync(new DeleteSuppressedDestinationRequest { EmailAddress = address });
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => ses.GetSuppressedDestinationAsync(new GetSuppressedDestinationRequest { EmailAddress = address }));

        Assert.Equal(address, read.SuppressedDestination!.EmailAddress);
        Assert.Equal("BOUNCE", read.SuppressedDestination.Reason);
        Assert.InRange(read.SuppressedDestination.LastUpdateTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(address, Assert.Single(listed.SuppressedDestinationSummaries).EmailAddress);
        Assert.Equal(AwsErrorKind.Permanent, gone.Kind);
    }

    [Fact]
    public async Task DedicatedIpWarmup_PoolsAndPercentages()
    {
        var ses = fixture.Ses(SandboxFixture.DedicatedIpAccount);

        await ses.CreateDedicatedIpPoolAsync(new CreateDedicatedIpPoolRequest { PoolName = "marketing", ScalingMode = ScalingMode.Standard });
        var pool = await ses.GetDedicatedIpPoolAsync(new GetDedicatedIpPoolRequest { PoolName = "marketing" });
        await ses.PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = "198.51.100.1", WarmupPercentage = 10 });
        var ip = await ses.GetDedicatedIpAsync(new GetDedicatedIpRequest { Ip = "198.51.100.1" });
        var all = await ses.GetDedicatedIpsAsync(new GetDedicatedIpsRequest());

        Assert.Equal("STANDARD", pool.DedicatedIpPool!.ScalingMode);
        Assert.Equal(10, ip.DedicatedIp!.WarmupPercentage);
        Assert.Equal("IN_PROGRESS", ip.DedicatedIp.WarmupStatus);
        Assert.Equal(SandboxFixture.DedicatedIps, all.DedicatedIps.Select(d => d.Ip!).Order());
    }
}
