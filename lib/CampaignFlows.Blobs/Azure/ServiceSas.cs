using System.Globalization;
using System.Text;

namespace CampaignFlows.Blobs;

/// <summary>
/// A read-only service SAS for one blob, signed with the account key. The string to sign follows the
/// "Create a service SAS" rules for signed version 2020-12-06 and later, field by field.
/// </summary>
/// <param name="Account">The account whose key signs the link.</param>
/// <param name="Container">The container.</param>
/// <param name="BlobName">The blob name, unescaped.</param>
/// <param name="ExpiresOn">The signed expiry (<c>se</c>), whole seconds, UTC.</param>
/// <param name="ContentDisposition">The <c>rscd</c> override, if any.</param>
/// <param name="ContentType">The <c>rsct</c> override, if any.</param>
internal sealed record ServiceSas(
    StorageAccount Account, string Container, string BlobName, DateTimeOffset ExpiresOn,
    string? ContentDisposition, string? ContentType)
{
    /// <summary>Read only: the link can never write, list or delete.</summary>
    internal const string Permissions = "r";

    /// <summary>The signed resource type: a single blob.</summary>
    internal const string Resource = "b";

    /// <summary>Links to https endpoints are restricted to https so they never travel in clear text.</summary>
    internal string Protocol => Account.BlobEndpoint.Scheme == Uri.UriSchemeHttps ? "https" : "";

    /// <summary>The expiry in the ISO 8601 form the service expects.</summary>
    internal string Expiry => ExpiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The canonicalized resource: <c>/blob/{account}/{container}/{blob}</c>, unescaped.</summary>
    internal string CanonicalizedResource => $"/blob/{Account.AccountName}/{Container}/{BlobName}";

    /// <summary>The sixteen newline-separated fields of a version 2020-12-06+ blob service SAS.</summary>
    internal string StringToSign() => string.Join('\n',
        Permissions,
        "", // signedStart: valid from creation, so clock skew cannot make a fresh link fail
        Expiry,
        CanonicalizedResource,
        "", // signedIdentifier: no stored access policy
        "", // signedIP
        Protocol,
        SharedKeySignature.ApiVersion,
        Resource,
        "", // signedSnapshotTime
        "", // signedEncryptionScope
        "", // rscc
        ContentDisposition ?? "",
        "", // rsce
        "", // rscl
        ContentType ?? "");

    /// <summary>The full link: the blob URL plus the SAS query.</summary>
    internal Uri ToUri()
    {
        var signature = SharedKeySignature.Sign(StringToSign(), Account.Key);
        var query = new StringBuilder()
            .Append("sv=").Append(SharedKeySignature.ApiVersion);
        if (Protocol.Length > 0)
        {
            query.Append("&spr=").Append(Protocol);
        }

        query.Append("&se=").Append(Uri.EscapeDataString(Expiry))
            .Append("&sr=").Append(Resource)
            .Append("&sp=").Append(Permissions);
        if (ContentDisposition is not null)
        {
            query.Append("&rscd=").Append(Uri.EscapeDataString(ContentDisposition));
        }

        if (ContentType is not null)
        {
            query.Append("&rsct=").Append(Uri.EscapeDataString(ContentType));
        }

        query.Append("&sig=").Append(Uri.EscapeDataString(signature));
        return new Uri($"{BlobPaths.BlobUri(Account.BlobEndpoint, Container, BlobName)}?{query}");
    }
}
