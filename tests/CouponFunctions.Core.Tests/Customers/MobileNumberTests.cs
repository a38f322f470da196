using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Tests.Customers;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("+65 9123 4567", "SG", "+6591234567")]
    [InlineData("9123-4567", "SG", "+6591234567")]
    [InlineData("0065 8123 4567", "SG", "+6581234567")]
    [InlineData("012-345 6789", "MY", "+60123456789")]
    [InlineData("+60 11-2345 6789", "MY", "+601123456789")]
    [InlineData("0917 123 4567", "PH", "+639171234567")]
    [InlineData("081-234-5678", "TH", "+66812345678")]
    [InlineData("0912 345 678", "VN", "+84912345678")]
    [InlineData("0812-3456-7890", "ID", "+6281234567890")]
    [InlineData("0912 345 678", "TW", "+886912345678")]
    [InlineData("5123 4567", "HK", "+85251234567")]
    [InlineData("(11) 91234-5678", "BR", "+5511912345678")]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    [InlineData("07700 900123", "GB", "+447700900123")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    public void Normalize_ValidMobileForTheSite_ReturnsE164(string input, string site, string expected)
    {
        Assert.Equal(expected, MobileNumber.Normalize(input, site, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("+60 12 345 6789", "SG", "must start with +65")]
    [InlineData("9123 456", "SG", "8 digits after +65; this one has 7")]
    [InlineData("+66 81 234 56789", "TH", "9 digits after +66; this one has 10")]
    [InlineData("6123 4567", "SG", "starts with 8 or 9")]
    [InlineData("02-123-4567", "TH", "this one has 8")]
    [InlineData("+65 9123 4567 ext 2", "SG", "only have digits")]
    [InlineData("+6591234567", "XX", "cannot be checked")]
    public void Normalize_NumberNotValidForTheSite_SaysWhy(string input, string site, string reason)
    {
        Assert.Null(MobileNumber.Normalize(input, site, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_IndonesianLengths_AcceptsNineToTwelveDigits()
    {
        Assert.NotNull(MobileNumber.Normalize("+62 812 345 678", "ID", out _));
        Assert.NotNull(MobileNumber.Normalize("+62 812 3456 78901", "ID", out _));
        Assert.Null(MobileNumber.Normalize("+62 812 3456 789012", "ID", out _));
    }

    [Fact]
    public void Knows_EverySiteTheProductKnows_HasAPlan()
    {
        Assert.All(CouponFunctions.Core.Stores.Sites.Known, site => Assert.True(MobileNumber.Knows(site.Code), site.Code));
    }
}
