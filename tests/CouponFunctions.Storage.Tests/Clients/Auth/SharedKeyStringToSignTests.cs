using CouponFunctions.Storage.Clients.Auth;

namespace CouponFunctions.Storage.Tests.Clients.Auth;

public sealed class SharedKeyStringToSignTests
{
    private const string Date = "Sat, 21 Nov 2026 01:00:00 GMT";

    [Fact]
    public void ForBlobOrQueue_PutBlobOnAzurite_FollowsTheFullLayout()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = "text/csv",
            ["Content-Length"] = "11",
            ["If-None-Match"] = "*",
            ["x-ms-version"] = "2021-12-02",
            ["x-ms-date"] = Date,
            ["X-MS-Blob-Type"] = "BlockBlob",
            ["x-ms-meta-Tenant"] = "  t1",
            ["User-Agent"] = "ignored",
        };

        var sts = SharedKeyStringToSign.ForBlobOrQueue("put", headers, "devstoreaccount1", "/devstoreaccount1/reports/a%20b/r%C3%A9sum%C3%A9.csv", null);

        var expected = string.Join('\n',
            "PUT", "", "", "11", "", "text/csv", "", "", "", "*", "", "",
            "x-ms-blob-type:BlockBlob", $"x-ms-date:{Date}", "x-ms-meta-tenant:t1", "x-ms-version:2021-12-02",
            "/devstoreaccount1/devstoreaccount1/reports/a%20b/r%C3%A9sum%C3%A9.csv");
        Assert.Equal(expected, sts);
    }

    [Fact]
    public void ForBlobOrQueue_ZeroContentLength_IsSignedAsEmpty()
    {
        var headers = new Dictionary<string, string> { ["Content-Length"] = "0", ["x-ms-date"] = Date };

        var sts = SharedKeyStringToSign.ForBlobOrQueue("PUT", headers, "acct", "/q", null);

        Assert.Equal($"PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:{Date}\n/acct/q", sts);
    }

    [Fact]
    public void ForBlobOrQueue_Query_LowercasedSortedDecodedAndRepeatedValuesJoined()
    {
        var headers = new Dictionary<string, string> { ["x-ms-date"] = Date };

        var sts = SharedKeyStringToSign.ForBlobOrQueue(
            "DELETE", headers, "acct", "/q/messages/id1", "?popreceipt=AgAAAA%2BAAAA%3D%3D&VisibilityTimeout=30&include=b&include=a&prefix=r%C3%A9ports%2F");

        Assert.EndsWith(
            "/acct/q/messages/id1\ninclude:a,b\npopreceipt:AgAAAA+AAAA==\nprefix:réports/\nvisibilitytimeout:30",
            sts,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ForBlobOrQueue_EmptyPath_SignsRootSlash()
    {
        var sts = SharedKeyStringToSign.ForBlobOrQueue("GET", new Dictionary<string, string>(), "acct", string.Empty, "?comp=list");

        Assert.EndsWith("/acct/\ncomp:list", sts, StringComparison.Ordinal);
    }

    [Fact]
    public void ForTableLite_AzuritePathStyle_RepeatsAccountAndSignsOnlyComp()
    {
        var sts = SharedKeyStringToSign.ForTableLite(
            Date, "devstoreaccount1", "/devstoreaccount1/Coupons(PartitionKey='t1%27%27s',RowKey='r1')", "?$select=Name&comp=acl&NextRowKey=x");

        Assert.Equal($"{Date}\n/devstoreaccount1/devstoreaccount1/Coupons(PartitionKey='t1%27%27s',RowKey='r1')?comp=acl", sts);
    }

    [Fact]
    public void ForTableLite_NoComp_OmitsQuery()
    {
        var sts = SharedKeyStringToSign.ForTableLite(Date, "acct", "/Coupons()", "?$filter=PartitionKey%20eq%20%27a%27&$top=5");

        Assert.Equal($"{Date}\n/acct/Coupons()", sts);
    }

    [Fact]
    public void ComputeHmacSha256_AzuriteKey_MatchesIndependentVector()
    {
        // Vector computed independently (Python hmac/sha256) from the same key and string-to-sign.
        var credential = new StorageSharedKeyCredential("devstoreaccount1", TestConnections.DevKey);
        var sts = $"GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:{Date}\nx-ms-version:2021-12-02\n/devstoreaccount1/devstoreaccount1/orders\ncomp:metadata";

        Assert.Equal("8aRn3YTF61mae1cnckDbdeAwR1opH+9dUeJ8hJ4U2z8=", credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void Constructor_KeyNotBase64_ThrowsWithoutEchoingKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new StorageSharedKeyCredential("acct", "secret!!value"));

        Assert.DoesNotContain("secret!!value", error.Message, StringComparison.Ordinal);
    }
}
