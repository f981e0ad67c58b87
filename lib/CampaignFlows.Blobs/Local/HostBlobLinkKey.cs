using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Blobs;

/// <summary>
/// Works out the key that signs host-served links from secrets every host of a deployment shares, so a link made by
/// one host opens on all of them.
/// </summary>
public static class HostBlobLinkKey
{
    /// <summary>The setting holding a dedicated link-signing secret.</summary>
    public const string SigningKeySetting = "BlobLinks:SigningKey";

    /// <summary>The shortest <see cref="SigningKeySetting"/> accepted, in characters.</summary>
    public const int MinSecretLength = 32;

    // Distinct labels keep the two sources' keys apart, and keep the link key apart from anything else derived
    // from the master key (the host's system key is an HMAC of it).
    private static readonly byte[] SigningKeyLabel = "CampaignFlows blob links: signing key"u8.ToArray();
    private static readonly byte[] MasterKeyLabel = "CampaignFlows blob links: master key"u8.ToArray();

    /// <summary>Derives the link key with HKDF-SHA256: from the signing secret when set, else from the host's master key.</summary>
    /// <param name="signingKey">The <see cref="SigningKeySetting"/> value, or null.</param>
    /// <param name="masterKey">The host's configured master key (<c>MasterKey</c>), or null.</param>
    /// <returns>A 32-byte key, or null when neither secret is configured.</returns>
    /// <exception cref="ArgumentException">The signing secret is shorter than <see cref="MinSecretLength"/> characters.</exception>
    public static byte[]? Derive(string? signingKey, string? masterKey)
    {
        if (!string.IsNullOrEmpty(signingKey))
        {
            if (signingKey.Length < MinSecretLength)
            {
                throw new ArgumentException(
                    $"Setting '{SigningKeySetting}' must be at least {MinSecretLength} characters long.", nameof(signingKey));
            }

            return Expand(signingKey, SigningKeyLabel);
        }

        return string.IsNullOrEmpty(masterKey) ? null : Expand(masterKey, MasterKeyLabel);
    }

    private static byte[] Expand(string secret, byte[] label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), LocalBlobLink.MinKeyLength, salt: [], info: label);
}
