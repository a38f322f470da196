using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Sends;

/// <summary>A Bangkok Shopee store, a claimable coupon, a reachable customer and a valid send request; each test breaks one thing.</summary>
internal static class SendTestData
{
    public static readonly TenantId Tenant = TenantId.Parse("t-acme");

    /// <summary>Sat 21 Nov 2026 09:00 in Bangkok (UTC+7).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Sat 21 Nov 2026 12:00 in Bangkok: three hours ahead, on the hour.</summary>
    public static readonly DateTimeOffset SendAt = new(2026, 11, 21, 5, 0, 0, TimeSpan.Zero);

    public static readonly Uri PublicBase = new("https://coupons.example.com/");

    public static readonly UnsubscribeTokens Tokens = new(new AesGcmSecretProtector(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));

    public static Store Store(Platform platform = Platform.Shopee, string site = "TH", string zone = "Asia/Bangkok", string shopId = "100200") => new()
    {
        TenantId = Tenant,
        Id = StoreId.Parse("s-bkk"),
        Platform = platform,
        Site = site,
        ShopId = shopId,
        DisplayName = "Acme TH",
        TimeZoneId = zone,
        CreatedAt = Now.AddYears(-1),
        UpdatedAt = Now.AddYears(-1),
    };

    /// <summary>Ongoing, ends in 10 days (1 Dec 2026 09:00 Bangkok), 400 left of 500.</summary>
    public static Coupon Coupon(Platform platform = Platform.Shopee, string? code = "ACMEPAY10", CouponStatus status = CouponStatus.Ongoing,
        IReadOnlyDictionary<string, string>? fields = null) => new()
    {
        Platform = platform,
        PlatformCouponId = "v-1",
        Code = code,
        Name = "Payday 10% off",
        Reward = RewardType.Percentage,
        Percentage = 10m,
        TotalQuantity = 500,
        ClaimedCount = 100,
        ValidFrom = Now.AddDays(-1),
        ValidTo = Now.AddDays(10),
        Currency = "THB",
        Status = status,
        RawStatus = status.ToString(),
        PlatformFields = fields ?? new Dictionary<string, string>(),
    };

    public static Customer Customer(string id = "c-1", string? email = "ann@example.com", string? mobile = "+66812345678",
        ConsentStatus emailConsent = ConsentStatus.Granted, ConsentStatus smsConsent = ConsentStatus.Granted, string? name = "Ann",
        IReadOnlyList<string>? tags = null, DateTimeOffset? createdAt = null) => new()
    {
        TenantId = Tenant,
        Id = CustomerId.Parse(id),
        Name = name,
        Email = email,
        Mobile = mobile,
        StoreId = StoreId.Parse("s-bkk"),
        Tags = tags ?? [],
        EmailConsent = new Consent(emailConsent, Now.AddDays(-30), "checkout"),
        SmsConsent = new Consent(smsConsent, Now.AddDays(-30), "checkout"),
        CreatedAt = createdAt ?? Now.AddDays(-30),
        UpdatedAt = Now.AddDays(-30),
    };

    public static Segment Segment() => new()
    {
        TenantId = Tenant,
        Id = SegmentId.Parse("seg-vip"),
        Name = "VIP",
        Kind = SegmentKind.Static,
        CreatedAt = Now.AddDays(-3),
        UpdatedAt = Now.AddDays(-3),
    };

    public static SendMessage Message(string? sms = "{{customer.name}}, use {{coupon.code}} by {{coupon.endsAt}}: {{claimUrl}}") => new(
        "{{coupon.name}} for you",
        "<p>Hi {{customer.name}},</p><p>Use <b>{{coupon.code}}</b> before {{coupon.endsAt}}: <a href=\"{{claimUrl}}\">shop now</a></p>",
        sms);

    public static SendRequestInput Input(IReadOnlyList<string>? channels = null, DateTimeOffset? at = null, SendMessage? message = null, string? landingUrl = null) =>
        new("seg-vip", "s-bkk", "v-1", channels ?? ["email", "sms"], at ?? SendAt, message ?? Message(), "payday", landingUrl);

    public static SendValidationContext Context(Store? store = null, Coupon? coupon = null, SegmentReach? reach = null, bool unfinished = false,
        bool segmentFound = true, bool couponFound = true, DateTimeOffset? now = null) => new(
        now ?? Now,
        store ?? Store(),
        segmentFound ? Segment() : null,
        couponFound ? coupon ?? Coupon() : null,
        reach ?? new SegmentReach(300, 250, 200, 280),
        unfinished,
        Tokens,
        PublicBase,
        SmsSenderKind.PhoneNumber,
        "Ann");

    public static ParsedSendRequest Parsed(SendRequestInput? input = null)
    {
        var errors = SendRequestValidator.Parse(input ?? Input(), out var parsed);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return parsed!;
    }

    public static SegmentSend Send(SendStatus status = SendStatus.Scheduled, DateTimeOffset? at = null) =>
        SendRequestValidator.ToSend(Parsed(Input(at: at)), Tenant, SendId.Parse("send-1"), Now) with { Status = status };
}
