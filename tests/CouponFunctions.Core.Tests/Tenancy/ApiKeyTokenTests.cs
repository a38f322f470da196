using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Tenancy;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void CreateAndParse_RoundTrip_MatchesOnlyItsOwnHash()
    {
        var token = ApiKeyToken.Create(TenantId.Parse("acme"));
        var other = ApiKeyToken.Create(TenantId.Parse("acme"));

        Assert.True(ApiKeyToken.TryParse(token.Text, out var parsed));
        Assert.Equal(token, parsed);
        Assert.True(parsed.Matches(token.Hash()));
        Assert.False(parsed.Matches(other.Hash()));
        Assert.DoesNotContain(token.Secret, token.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cfk_acme_k1")]
    [InlineData("xyz_acme_kabc_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("cfk_ACME_kabc_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("cfk_acme_kabc_0000")]
    public void TryParse_NotAKey_ReturnsFalse(string text)
    {
        Assert.False(ApiKeyToken.TryParse(text, out _));
    }
}
