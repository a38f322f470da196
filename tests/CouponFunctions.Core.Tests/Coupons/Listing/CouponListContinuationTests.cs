using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListContinuationTests
{
    private static string? Token(params (string Name, string? Value)[] filter) =>
        Page(Enumerable.Range(0, 10).Select(i => Row($"c-{i}")), [("pageSize", "3"), .. filter]).ContinuationToken;

    [Theory]
    [InlineData("sort", "-endTime")]
    [InlineData("status", "ongoing")]
    [InlineData("q", "coupon")]
    [InlineData("include", "archived")]
    [InlineData("expiringWithinDays", "30")]
    [InlineData("campaign", "mid-year")]
    public void Parse_TokenFromAnotherFilterOrSort_IsRejectedOnContinuation(string name, string value)
    {
        var token = Token();

        var errors = CouponListQueryParseTests.Invalid(Parse((name, value), ("continuation", token)));

        Assert.Contains("different filter or sort", Assert.Single(errors["continuation"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextInOtherCase_AcceptsTheToken()
    {
        var token = Token(("q", "Coupon"));

        Assert.True(Parse(("q", "COUPON"), ("continuation", token)).IsOk);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%%%")]
    public void Parse_MalformedToken_IsRejectedOnContinuation(string token) =>
        Assert.Contains("malformed", Assert.Single(CouponListQueryParseTests.Invalid(Parse(("continuation", token)))["continuation"]), StringComparison.Ordinal);

    [Fact]
    public void Parse_EditedOrTruncatedToken_IsRejectedOnContinuation()
    {
        var token = Token()!;
        var middle = token.Length / 2;
        var edited = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        foreach (var bad in new[] { edited, token[..^4], token + "AAAA", new string('A', 2000) })
            Assert.True(CouponListQueryParseTests.Invalid(Parse(("continuation", bad))).ContainsKey("continuation"), bad);
    }

    [Fact]
    public void Parse_RandomBase64UrlText_IsRejectedWithoutThrowing()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var token = new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            Assert.True(CouponListQueryParseTests.Invalid(Parse(("continuation", token))).ContainsKey("continuation"), token);
        }
    }

    [Fact]
    public void Parse_WellFormedTokenBesideAnotherBadParameter_ReportsOnlyThatParameter() =>
        Assert.Equal(["pageSize"], CouponListQueryParseTests.Invalid(Parse(("pageSize", "0"), ("continuation", Token()))).Keys);
}
