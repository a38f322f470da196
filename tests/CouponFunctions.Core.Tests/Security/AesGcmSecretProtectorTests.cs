using System.Security.Cryptography;
using CouponFunctions.Core.Security;

namespace CouponFunctions.Core.Tests.Security;

public sealed class AesGcmSecretProtectorTests
{
    private readonly AesGcmSecretProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void ProtectUnprotect_SameContext_RoundTripsAndHidesThePlaintext()
    {
        var protectedText = _protector.Protect("shpk-secret-token", "t-1/s-1");

        Assert.DoesNotContain("shpk", protectedText, StringComparison.Ordinal);
        Assert.NotEqual(protectedText, _protector.Protect("shpk-secret-token", "t-1/s-1"));
        Assert.Equal("shpk-secret-token", _protector.Unprotect(protectedText, "t-1/s-1"));
    }

    [Fact]
    public void Unprotect_OtherStoreOrTamperedOrOtherKey_Throws()
    {
        var protectedText = _protector.Protect("token", "t-1/s-1");
        var tampered = protectedText[..^4] + (protectedText[^4] == 'A' ? "B" : "A") + protectedText[^3..];

        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(protectedText, "t-1/s-2"));
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(tampered, "t-1/s-1"));
        Assert.ThrowsAny<CryptographicException>(() => new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(protectedText, "t-1/s-1"));
    }
}
