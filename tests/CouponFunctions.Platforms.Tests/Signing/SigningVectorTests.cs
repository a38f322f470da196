using CouponFunctions.Platforms.Common.Signing;

namespace CouponFunctions.Platforms.Tests.Signing;

/// <summary>The official vectors T1–T5 of platform-apis.md §5, through our signers' own base-string builders.</summary>
public sealed class SigningVectorTests
{
    private const string TikTokSecret = "e59af819cc";

    [Fact]
    public void TikTokSign_T1OfficialGuide_MatchesVector()
    {
        KeyValuePair<string, string>[] query = [new("timestamp", "1623812664"), new("app_key", "29a39d"), new("sign", "ignored"), new("access_token", "ignored")];

        Assert.Equal("e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc",
            TikTokSigner.BaseString(TikTokSecret, "/authorization/202309/shops", query));
        Assert.Equal("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
            TikTokSigner.Sign(TikTokSecret, "/authorization/202309/shops", query));
    }

    [Fact]
    public void TikTokSign_T2GetWithShopCipher_MatchesVector() =>
        Assert.Equal("ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37",
            TikTokSigner.Sign(TikTokSecret, "/event/202309/webhooks", T2Query()));

    [Fact]
    public void TikTokSign_T3PutWithBody_MatchesVector() =>
        Assert.Equal("701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7",
            TikTokSigner.Sign(TikTokSecret, "/event/202309/webhooks", T2Query(),
                """{"event_type":"PACKAGE_UPDATE","address":"https://partner.tiktokshop.com"}"""));

    [Fact]
    public void TikTokSign_T3BodyKeysReordered_DiffersFromVector() =>
        Assert.NotEqual("701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7",
            TikTokSigner.Sign(TikTokSecret, "/event/202309/webhooks", T2Query(),
                """{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}"""));

    [Fact]
    public void LazadaSign_T4OfficialExample_MatchesVectorInUpperCase()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("timestamp", "1517820392000"), new("sign_method", "sha256"), new("order_id", "1234"),
            new("app_key", "123456"), new("access_token", "test"), new("sign", "ignored"),
        ];

        Assert.Equal("/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000",
            LazadaSigner.BaseString("/order/get", parameters));
        Assert.Equal("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A",
            LazadaSigner.Sign("helloworld", "/order/get", parameters));
    }

    [Fact]
    public void ShopeeSign_T5SdkVector_MatchesVector() =>
        Assert.Equal("37c864bd9821ff5f2c2f46b2faca14eb1811a718d1fdc6dcf383cba7c74bf9e9",
            ShopeeSigner.Sign("test_partner_key", "/api/v2/auth/token/get123456test_partner_idtest_shop_idtest_main_account_id"));

    [Fact]
    public void ShopeeBaseStrings_ShopAndPublic_ConcatenateWithoutSeparators()
    {
        Assert.Equal("2001/api/v2/voucher/add_voucher1700000000tok42", ShopeeSigner.ShopBaseString(2001, "/api/v2/voucher/add_voucher", 1700000000, "tok", 42));
        Assert.Equal("2001/api/v2/shop/auth_partner1700000000", ShopeeSigner.PublicBaseString(2001, "/api/v2/shop/auth_partner", 1700000000));
    }

    [Fact]
    public void ShoplineSignPost_BodyThenTimestamp_MatchesRecomputedValue() =>
        // Recomputed with Python's hmac over '{"code":"abc"}1700000000000' (SHOPLINE publishes no vector).
        Assert.Equal("150db7f15233df2afc4f0a3c3f3791d083f7767f1e65beff1c29b8eecbdd152f",
            ShoplineSigner.SignPost("shopline_secret", """{"code":"abc"}""", 1700000000000));

    [Fact]
    public void ShoplineSignGet_SortsAndDropsSign_MatchesRecomputedValue()
    {
        KeyValuePair<string, string>[] query = [new("timestamp", "1700000000000"), new("sign", "x"), new("handle", "my-shop"), new("appkey", "k1")];

        Assert.Equal("appkey=k1&handle=my-shop&timestamp=1700000000000", ShoplineSigner.GetBaseString(query));
        Assert.Equal("86969004ea3d6ab5e11b9269949d692e0fb641642de36b7d1609bab6c8c82bb6", ShoplineSigner.SignGet("shopline_secret", query));
    }

    private static KeyValuePair<string, string>[] T2Query() =>
        [new("timestamp", "1696909648"), new("shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK"), new("app_key", "68xu9ks5p4i8")];
}
