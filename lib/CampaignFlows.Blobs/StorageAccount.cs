namespace CampaignFlows.Blobs;

/// <summary>
/// A parsed and validated storage connection: the account name, its blob endpoint and its shared key.
/// </summary>
/// <remarks>
/// Create one with <see cref="Parse"/>. The key never leaves this object except to sign requests and
/// SAS links; <see cref="ToString"/> redacts it so the account can be logged safely.
/// </remarks>
public sealed partial record StorageAccount
{
    /// <summary>The account name of the Azurite / storage emulator.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, published key of the Azurite / storage emulator account.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The blob endpoint Azurite listens on by default.</summary>
    public static readonly Uri DevelopmentBlobEndpoint = new("http://127.0.0.1:10000/devstoreaccount1");

    private readonly byte[] key;

    /// <summary>Creates an account from its parts; prefer <see cref="Parse"/> for connection strings.</summary>
    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The account key, base64-encoded as the portal shows it.</param>
    /// <param name="blobEndpoint">The absolute http(s) URL of the blob service.</param>
    /// <exception cref="FormatException">A part is missing or malformed; the message names it.</exception>
    public StorageAccount(string accountName, string accountKey, Uri blobEndpoint)
    {
        AccountName = ValidateAccountName(accountName);
        key = DecodeKey(accountKey);
        BlobEndpoint = ValidateEndpoint(blobEndpoint, "BlobEndpoint");
    }

    /// <summary>The storage account name, used in SharedKey signatures and SAS resources.</summary>
    public string AccountName { get; }

    /// <summary>The blob service endpoint, without a trailing slash.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>True when the account is the well-known development (Azurite) account.</summary>
    public bool IsDevelopmentStorage =>
        AccountName == DevelopmentAccountName && Convert.ToBase64String(key) == DevelopmentAccountKey;

    /// <summary>The raw key bytes; internal so only the signers in this assembly can use them.</summary>
    internal ReadOnlySpan<byte> Key => key;

    /// <summary>Describes the account without its key.</summary>
    /// <returns>The account name and blob endpoint, with the key shown as redacted.</returns>
    public override string ToString() =>
        $"StorageAccount {{ AccountName = {AccountName}, BlobEndpoint = {BlobEndpoint}, AccountKey = [redacted] }}";

    /// <summary>Compares name, endpoint and key.</summary>
    /// <param name="other">The account to compare with.</param>
    /// <returns>True when all three are equal.</returns>
    public bool Equals(StorageAccount? other) =>
        other is not null && AccountName == other.AccountName && BlobEndpoint == other.BlobEndpoint
        && key.AsSpan().SequenceEqual(other.key);

    /// <summary>Hashes name and endpoint (the key is left out on purpose).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(AccountName, BlobEndpoint);

    private static string ValidateAccountName(string accountName)
    {
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new FormatException("The storage connection has no AccountName.");
        }

        if (!accountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new FormatException(
                $"AccountName '{accountName}' is invalid: storage account names use only lower-case letters and digits.");
        }

        return accountName;
    }

    private static byte[] DecodeKey(string accountKey)
    {
        if (string.IsNullOrWhiteSpace(accountKey))
        {
            throw new FormatException("The storage connection has no AccountKey.");
        }

        var buffer = new byte[accountKey.Length];
        if (!Convert.TryFromBase64String(accountKey, buffer, out var written) || written == 0)
        {
            throw new FormatException("AccountKey is not valid base64 (its value is not shown).");
        }

        return buffer[..written];
    }

    private static Uri ValidateEndpoint(Uri endpoint, string name)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"{name} '{endpoint}' must be an absolute http or https URL.");
        }

        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            throw new FormatException($"{name} '{endpoint}' must not carry a query string or fragment.");
        }

        return new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
