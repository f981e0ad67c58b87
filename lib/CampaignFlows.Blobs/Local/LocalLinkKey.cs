using System.Security.Cryptography;

namespace CampaignFlows.Blobs;

/// <summary>Loads the local link-signing key, creating it on first use so links stay valid across restarts.</summary>
internal static class LocalLinkKey
{
    internal const string FileName = ".link-key";

    /// <summary>Reads <c>{root}/.link-key</c>, or creates it with 32 random bytes readable only by the owner.</summary>
    /// <returns>The key and whether it was just created.</returns>
    internal static (byte[] Key, bool Created) LoadOrCreate(string root)
    {
        var path = Path.Combine(root, FileName);
        var key = RandomNumberGenerator.GetBytes(LocalBlobLink.MinKeyLength);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, options))
            {
                file.Write(key);
            }

            return (key, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: both must use the same key.
            var existing = File.ReadAllBytes(path);
            if (existing.Length < LocalBlobLink.MinKeyLength)
            {
                throw new InvalidOperationException(
                    $"The link key file {path} holds {existing.Length} bytes; it needs {LocalBlobLink.MinKeyLength}. Delete it to create a new key.");
            }

            return (existing, false);
        }
    }
}
