using System.Net.Http.Headers;

namespace CampaignFlows.Blobs.Tests.Azure;

/// <summary>
/// Expected strings were written by hand from "Authorize with Shared Key" (Blob service, version 2015-02-21+);
/// expected signatures were computed with <c>openssl dgst -sha256 -mac HMAC</c> over those strings.
/// </summary>
public sealed class SharedKeySignatureTests
{
    private const string TestKey = "Y2FtcGFpZ25mbG93cy11bml0LXRlc3Qta2V5LTAxMjM0NTY3ODk=";
    private static readonly StorageAccount Account = new("myaccount", TestKey, new Uri("https://myaccount.blob.core.windows.net"));

    [Fact]
    public void StringToSign_PutBlockWithHeadersAndQuery_FollowsDocumentedCanonicalization()
    {
        using var request = PutBlockRequest();

        var stringToSign = SharedKeySignature.StringToSign(request, "myaccount");

        Assert.Equal(
            "PUT\n\n\n11\n\nimage/jpeg\n\n\n\"0x8D\"\n\n\n\n"
            + "x-ms-blob-type:BlockBlob\n"
            + "x-ms-date:Sat, 21 Nov 2026 10:00:00 GMT\n"
            + "x-ms-meta-owner:Ada Lovelace\n"
            + "x-ms-version:2021-08-06\n"
            + "/myaccount/mycontainer/my%20photo.jpg\n"
            + "blockid:YmxvY2stMQ==\n"
            + "comp:block",
            stringToSign);
    }

    [Fact]
    public void Sign_PutBlockStringToSign_MatchesHmacComputedIndependently()
    {
        using var request = PutBlockRequest();

        var signature = SharedKeySignature.Sign(SharedKeySignature.StringToSign(request, "myaccount"), Account.Key);

        Assert.Equal("1ORdsrPntyBvPbTVgeNDczRmBo4m9eXXcc/+nK/Q92I=", signature);
    }

    [Fact]
    public void Authorize_EmulatorContainerCreate_SignsEmptyLengthAndDoubledAccountPath()
    {
        var emulator = StorageAccount.Parse("UseDevelopmentStorage=true");
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/attachments?restype=container");

        SharedKeySignature.Authorize(request, emulator, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sat, 21 Nov 2026 10:00:00 GMT\nx-ms-version:2021-08-06\n"
            + "/devstoreaccount1/devstoreaccount1/attachments\nrestype:container",
            SharedKeySignature.StringToSign(request, "devstoreaccount1"));
        Assert.Equal("SharedKey devstoreaccount1:LY5ueX/Wu2P34aE4C+Hj5f21bqmcy9QmrzGk7uqvDEo=", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public void StringToSign_ZeroLengthContent_LeavesContentLengthEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://myaccount.blob.core.windows.net/c/b") { Content = new ByteArrayContent([]) };

        var lines = SharedKeySignature.StringToSign(request, "myaccount").Split('\n');

        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void StringToSign_RepeatedAndUpperCaseQueryParameters_AreLowerCasedSortedAndJoined()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://myaccount.blob.core.windows.net/c?restype=container&COMP=list&include=snapshots&include=metadata&prefix=a%2Fb");

        var stringToSign = SharedKeySignature.StringToSign(request, "myaccount");

        Assert.EndsWith("/myaccount/c\ncomp:list\ninclude:metadata,snapshots\nprefix:a/b\nrestype:container", stringToSign);
    }

    private static HttpRequestMessage PutBlockRequest()
    {
        var request = new HttpRequestMessage(
            HttpMethod.Put, "https://myaccount.blob.core.windows.net/mycontainer/my%20photo.jpg?comp=block&blockid=YmxvY2stMQ%3D%3D")
        {
            Content = new ByteArrayContent("hello world"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sat, 21 Nov 2026 10:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        request.Headers.TryAddWithoutValidation("X-MS-Meta-Owner", "  Ada   Lovelace ");
        request.Headers.TryAddWithoutValidation("If-Match", "\"0x8D\"");
        return request;
    }
}
