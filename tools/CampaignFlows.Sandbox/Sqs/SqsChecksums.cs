using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>The MD5 digests SQS returns and the SDKs verify.</summary>
internal static class SqsChecksums
{
    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// SQS's MD5OfMessageAttributes: attributes sorted by name, each as length-prefixed name, data type,
    /// a transport byte (1 string/number, 2 binary) and length-prefixed value.
    /// </summary>
    public static string Md5OfAttributes(IReadOnlyDictionary<string, MessageAttributeValue> attributes)
    {
        using var buffer = new MemoryStream();
        foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Write(buffer, Encoding.UTF8.GetBytes(name));
            Write(buffer, Encoding.UTF8.GetBytes(value.DataType ?? ""));
            if (value.BinaryValue is not null)
            {
                buffer.WriteByte(2);
                Write(buffer, Convert.FromBase64String(value.BinaryValue));
            }
            else
            {
                buffer.WriteByte(1);
                Write(buffer, Encoding.UTF8.GetBytes(value.StringValue ?? ""));
            }
        }
        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }

    private static void Write(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
