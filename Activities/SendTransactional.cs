using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Messages;

namespace CampaignFlows.Activities;

/// <summary>Sends one transactional mail through one account with SES SendEmail.</summary>
/// <remarks>
/// Runs at least once: a crash after SES accepted the mail and before the result was recorded sends it again, the
/// one duplicate window. Throttling throws <see cref="ActivityThrottledException"/> so the engine re-queues it
/// without spending an attempt; transient errors throw for the caller's retry policy; a paused, suspended or
/// exhausted account and a permanent refusal are answered as results so the caller can fail over or dead-letter.
/// </remarks>
public sealed class SendTransactional(MailAccounts accounts, SesCallPacer pacer)
{
    /// <summary>The SES message tag marking transactional mail, for event routing and reporting.</summary>
    public const string StreamTag = "stream";

    /// <summary>The activity.</summary>
    [Function(nameof(SendTransactional))]
    public async Task<TransactionalAttempt> Run([ActivityTrigger] TransactionalSend send, CancellationToken cancellation)
    {
        try
        {
            using var call = await pacer.StartAsync(send.Account, 1, null, cancellation);
            var response = await accounts.Ses(send.Account).SendEmailAsync(Request(send.Message, accounts.Get(send.Account).ConfigurationSetName), cancellation);
            return new TransactionalAttempt(response.MessageId, null, Permanent: false);
        }
        catch (AwsServiceException error) when (error.Kind != AwsErrorKind.Transient)
        {
            return error.Kind switch
            {
                AwsErrorKind.Throttled => throw new ActivityThrottledException($"SES throttled account '{send.Account}': {error.Message}"),
                AwsErrorKind.QuotaExceeded or AwsErrorKind.AccountPaused => new TransactionalAttempt(null, $"{error.ErrorCode}: {error.Message}", Permanent: false),
                _ => new TransactionalAttempt(null, $"SES refused the mail: {error.ErrorCode}: {error.Message}", Permanent: true),
            };
        }
    }

    /// <summary>The SendEmail request for a message: the rendered inline content, or the SES template with its data.</summary>
    public static SendEmailRequest Request(TransactionalMessage message, string? configurationSet) => new()
    {
        FromEmailAddress = message.From,
        Destination = new Destination { ToAddresses = [message.To] },
        ConfigurationSetName = configurationSet,
        EmailTags = [new MessageTag { Name = StreamTag, Value = message.Stream }],
        Content = message.Content is { } content
            ? new EmailContent
            {
                Simple = new Message
                {
                    Subject = new Content { Data = content.Subject, Charset = "UTF-8" },
                    Body = new Body
                    {
                        Html = content.Html is null ? null : new Content { Data = content.Html, Charset = "UTF-8" },
                        Text = content.Text is null ? null : new Content { Data = content.Text, Charset = "UTF-8" },
                    },
                },
            }
            : new EmailContent { Template = new Template { TemplateName = message.TemplateName, TemplateData = message.TemplateData ?? "{}" } },
    };
}

/// <summary>One account's try at a transactional mail.</summary>
/// <param name="Message">The mail.</param>
/// <param name="Account">The account to send through.</param>
public sealed record TransactionalSend(TransactionalMessage Message, string Account);

/// <summary>The result of one account's try.</summary>
/// <param name="MessageId">SES's message id when accepted.</param>
/// <param name="Problem">Why the account did not send it.</param>
/// <param name="Permanent">True when no account would take it (SES refused the mail itself).</param>
public sealed record TransactionalAttempt(string? MessageId, string? Problem, bool Permanent);
