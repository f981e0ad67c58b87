using CampaignFlows.Data.State;
using CampaignFlows.Domain;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary>The addresses verified-only templates may go to (admin key): the app calls these once a user proves an address.</summary>
public sealed class MessagesVerified(IVerifiedAddresses verified, TimeProvider time)
{
    /// <summary><c>PUT /api/messages/verified/{address}</c>: marks an address verified.</summary>
    [Function(nameof(VerifyAddress))]
    public async Task<IResult> VerifyAddress([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "messages/verified/{address}")] HttpRequest req,
        string address, CancellationToken cancellation)
    {
        if (!EmailAddress.TryParse(address, out var email, out var error))
            return TypedResults.Problem(statusCode: 400, title: "Invalid address", detail: $"'address' {error}");
        await verified.AddAsync([email.Value], time.GetUtcNow(), cancellation);
        return TypedResults.Ok(new { address = email.Value, verified = true });
    }

    /// <summary><c>DELETE /api/messages/verified/{address}</c>: withdraws it; 404 when it was not verified.</summary>
    [Function(nameof(UnverifyAddress))]
    public async Task<IResult> UnverifyAddress([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "messages/verified/{address}")] HttpRequest req,
        string address, CancellationToken cancellation)
    {
        if (!EmailAddress.TryParse(address, out var email, out var error))
            return TypedResults.Problem(statusCode: 400, title: "Invalid address", detail: $"'address' {error}");
        return await verified.RemoveAsync(email.Value, cancellation)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Address not verified", detail: $"'{email.Value}' is not a verified address.");
    }
}
