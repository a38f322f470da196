using System.Web;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Storage.Clients.Blobs;

namespace CouponFunctions.Storage.Tests.Clients.Blobs;

public sealed class BlobSasStringToSignTests
{
    [Fact]
    public void Service_ReadBlob_SixteenFieldsInOrder()
    {
        var sts = BlobSasStringToSign.Service("r", "", "2026-11-28T01:00:00Z", "/blob/acct/reports/a b/ü.csv", "https", "b");

        var fields = sts.Split('\n');
        Assert.Equal(16, fields.Length);
        Assert.Equal(["r", "", "2026-11-28T01:00:00Z", "/blob/acct/reports/a b/ü.csv", "", "", "https", "2020-12-06", "b"], fields[..9]);
        Assert.All(fields[9..], f => Assert.Equal(string.Empty, f));
    }

    [Fact]
    public void UserDelegation_ReadBlob_TwentyFourFieldsInOrder()
    {
        var key = new UserDelegationKey("oid", "tid", "2026-11-21T01:00:00Z", "2026-11-28T01:00:00Z", "b", "2021-12-02", "a2V5");

        var fields = BlobSasStringToSign.UserDelegation("r", "", "2026-11-28T01:00:00Z", "/blob/acct/c/b.csv", key, "https", "b").Split('\n');

        Assert.Equal(24, fields.Length);
        Assert.Equal(
            ["r", "", "2026-11-28T01:00:00Z", "/blob/acct/c/b.csv", "oid", "tid", "2026-11-21T01:00:00Z", "2026-11-28T01:00:00Z", "b", "2021-12-02",
             "", "", "", "", "https", "2020-12-06", "b"],
            fields[..17]);
        Assert.All(fields[17..], f => Assert.Equal(string.Empty, f));
    }

    [Fact]
    public void GenerateReadSasUri_HttpsAccount_EncodesNameAndAddsHttpsOnly()
    {
        var container = new StorageClients($"AccountName=acct;AccountKey={TestConnections.DevKey};EndpointSuffix=core.windows.net")
            .GetBlobContainerClient("reports");

        var uri = container.GenerateReadSasUri("t1/Báo cáo.csv", new DateTimeOffset(2026, 11, 28, 1, 0, 0, 123, TimeSpan.Zero));

        Assert.Equal("https://acct.blob.core.windows.net/reports/t1/B%C3%A1o%20c%C3%A1o.csv", uri.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("2026-11-28T01:00:00Z", query["se"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Null(query["st"]);
        Assert.Equal(44, query["sig"]!.Length);
    }
}
