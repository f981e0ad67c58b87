using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Runtime;

/// <summary>What orchestrations need from the host: the registry, logging and the payload limit.</summary>
internal sealed record RuntimeEnvironment(DurableTaskRegistry Registry, ILoggerFactory LoggerFactory, int MaxPayloadBytes);
