using Microsoft.Extensions.Options;

namespace CampaignFlows.Warmups;

/// <summary>Registers the warm-up and capacity-plan services.</summary>
public static class WarmupServiceCollectionExtensions
{
    /// <summary>
    /// Adds the warm-up options (section <c>Warmup</c>), the planner's prices (section <c>Capacity</c>) and the SES
    /// client of the warmed account. Sets the daily-step schedule to 09:00 UTC when none is configured, so the timer
    /// trigger's <c>%Warmup:DailyStepSchedule%</c> always resolves. Needs <c>AddCampaigns</c> for the mail accounts.
    /// </summary>
    public static WebApplicationBuilder AddWarmups(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[WarmupOptions.ScheduleSetting] is null)
            builder.Configuration.AddInMemoryCollection([new(WarmupOptions.ScheduleSetting, WarmupOptions.DefaultSchedule)]);
        builder.Services.AddOptions<WarmupOptions>().BindConfiguration(WarmupOptions.Section).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        builder.Services.AddOptions<CapacityPlanOptions>().BindConfiguration(CapacityPlanOptions.Section).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        builder.Services.AddSingleton<WarmupSes>();
        return builder;
    }
}
