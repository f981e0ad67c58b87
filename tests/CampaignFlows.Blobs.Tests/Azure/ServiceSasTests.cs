namespace CampaignFlows.Blobs.Tests.Azure;

/// <summary>
/// The expected string follows "Create a service SAS", signed version 2020-12-06 and later (16 fields);
/// the expected signature was computed with <c>openssl dgst -sha256 -mac HMAC</c> over it.
/// </summary>
public sealed class ServiceSasTests
{
    private const string TestKey = "Y2FtcGFpZ25mbG93cy11bml0LXRlc3Qta2V5LTAxMjM0NTY3ODk=";
    private static readonly DateTimeOffset Expiry = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StringToSign_ReadLinkWithOverrides_HasTheSixteenDocumentedFieldsInOrder()
    {
        var sas = Sas("https://myaccount.blob.core.windows.net");

        Assert.Equal(
            "r\n\n2026-11-28T10:00:00Z\n/blob/myaccount/attachments/2026/INV 1.pdf\n\n\nhttps\n2021-08-06\nb\n\n\n\n"
            + "attachment; filename=\"INV 1.pdf\"\n\n\napplication/pdf",
            sas.StringToSign());
    }

    [Fact]
    public void ToUri_HttpsAccount_CarriesSignedFieldsAndIndependentlyComputedSignature()
    {
        var link = Sas("https://myaccount.blob.core.windows.net").ToUri();

        Assert.Equal(
            "https://myaccount.blob.core.windows.net/attachments/2026/INV%201.pdf?sv=2021-08-06&spr=https&se=2026-11-28T10%3A00%3A00Z&sr=b&sp=r"
            + "&rscd=attachment%3B%20filename%3D%22INV%201.pdf%22&rsct=application%2Fpdf"
            + "&sig=n%2Ffh0SgPe%2F5TBjvmjbxO6nSG%2F%2Fmfstr%2FnxpcJ6xnwpM%3D",
            link.AbsoluteUri);
    }

    [Fact]
    public void StringToSign_HttpEndpointWithoutOverrides_LeavesProtocolAndOverridesEmpty()
    {
        var account = new StorageAccount("devstoreaccount1", StorageAccount.DevelopmentAccountKey, new Uri("http://127.0.0.1:10000/devstoreaccount1"));
        var sas = new ServiceSas(account, "c1", "a/b.txt", Expiry, null, null);

        var fields = sas.StringToSign().Split('\n');

        Assert.Equal(16, fields.Length);
        Assert.Equal("/blob/devstoreaccount1/c1/a/b.txt", fields[3]);
        Assert.Equal("", fields[6]);
        Assert.All(fields[9..], field => Assert.Equal("", field));
        Assert.DoesNotContain("spr=", sas.ToUri().Query);
        Assert.StartsWith("http://127.0.0.1:10000/devstoreaccount1/c1/a/b.txt?sv=2021-08-06&se=", sas.ToUri().AbsoluteUri);
    }

    private static ServiceSas Sas(string endpoint) => new(
        new StorageAccount("myaccount", TestKey, new Uri(endpoint)), "attachments", "2026/INV 1.pdf", Expiry,
        "attachment; filename=\"INV 1.pdf\"", "application/pdf");
}
