using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Tests.Customers;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("  Ann.Lee+vip@Example.CO.TH ", "Ann.Lee+vip@example.co.th")]
    [InlineData("o'neil@xn--mnchen-3ya.de", "o'neil@xn--mnchen-3ya.de")]
    public void Normalize_ValidAddress_TrimsAndLowersTheDomain(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ann.example.com", "exactly one '@'")]
    [InlineData("ann@@example.com", "exactly one '@'")]
    [InlineData("@example.com", "1–64")]
    [InlineData(".ann@example.com", "misplaced '.'")]
    [InlineData("an..n@example.com", "misplaced '.'")]
    [InlineData("ann smith@example.com", "not allowed before")]
    [InlineData("ann@localhost", "must have a dot")]
    [InlineData("ann@-example.com", "starts or ends with '-'")]
    [InlineData("ann@exa_mple.com", "not allowed ('_')")]
    [InlineData("ann@example.c0m", "top-level")]
    [InlineData("ann@example..com", "empty or too long")]
    public void Normalize_BadAddress_SaysWhy(string input, string reason)
    {
        Assert.Null(EmailAddress.Normalize(input, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_LocalPartOf64_IsAcceptedAnd65IsNot()
    {
        Assert.NotNull(EmailAddress.Normalize(new string('a', 64) + "@example.com", out _));
        Assert.Null(EmailAddress.Normalize(new string('a', 65) + "@example.com", out var error));
        Assert.Contains("1–64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_AddressOf254_IsAcceptedAnd255IsNot()
    {
        static string Address(int last) => new string('l', 64) + "@" + new string('a', 63) + "." + new string('b', 63) + "." + new string('c', last) + ".com";

        Assert.Equal(254, Address(57).Length);
        Assert.NotNull(EmailAddress.Normalize(Address(57), out _));
        Assert.Null(EmailAddress.Normalize(Address(58), out var error));
        Assert.Contains("254", error, StringComparison.Ordinal);
    }
}
