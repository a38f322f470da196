using CouponFunctions.Platforms.Common.Errors;

namespace CouponFunctions.Platforms.Tests.Common;

public sealed class SecretRedactorTests
{
    [Fact]
    public void RedactUrl_SecretParameters_MaskedOthersKept()
    {
        var url = new Uri("https://api.example/api/v2/x?partner_id=1&timestamp=2&access_token=tok123&shop_id=9&sign=abcd&refresh_token=r1&code=c1&partner_key=k&app_secret=s");

        var redacted = SecretRedactor.RedactUrl(url);

        Assert.Equal("https://api.example/api/v2/x?partner_id=1&timestamp=2&access_token=***&shop_id=9&sign=***&refresh_token=***&code=***&partner_key=***&app_secret=***", redacted);
    }

    [Fact]
    public void RedactText_KnownSecretValues_Masked()
    {
        var text = SecretRedactor.RedactText("token tok12345 and key secretkey end", ["tok12345", "secretkey", null]);

        Assert.Equal("token *** and key *** end", text);
    }

    [Fact]
    public void SecretValues_Url_ReturnsOnlySecretValues()
    {
        var values = SecretRedactor.SecretValues(new Uri("https://h/p?partner_id=1&sign=abc%2Bd&access_token=tok")).ToList();

        Assert.Equal(["abc+d", "tok"], values);
    }
}
