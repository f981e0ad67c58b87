using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Durable.Hosting;

/// <summary>Returned by <see cref="DurableEngineServiceCollectionExtensions.AddDurableEngine"/> to chain engine registrations.</summary>
/// <param name="services">The service collection.</param>
public sealed class DurableEngineBuilder(IServiceCollection services)
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Adds orchestrators and activities; see <see cref="DurableEngineServiceCollectionExtensions.AddDurableTasks"/>.</summary>
    public DurableEngineBuilder AddTasks(Action<IServiceProvider, DurableTaskRegistry> register)
    {
        Services.AddDurableTasks(register);
        return this;
    }
}
