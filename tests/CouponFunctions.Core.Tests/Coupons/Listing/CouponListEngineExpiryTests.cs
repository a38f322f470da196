using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListEngineExpiryTests
{
    private static readonly Store Bangkok = Store("s-bkk", Platform.Lazada, "TH");
    private static readonly Store LosAngeles = Store("s-lax", Platform.TikTok, "US");
    private static readonly Store London = Store("s-lon", Platform.TikTok, "GB");

    [Fact]
    public void All_BangkokAt2330Local_EndsTodayMeansBeforeLocalMidnight()
    {
        var now = Utc(2026, 3, 10, 16, 30); // 23:30 in Bangkok
        CouponListRow[] rows =
        [
            Ending("tonight", Bangkok, Utc(2026, 3, 10, 16, 59)),
            Ending("tomorrow-0030", Bangkok, Utc(2026, 3, 10, 17, 30)), // same UTC date, but tomorrow in Bangkok
            Ending("already-ended", Bangkok, Utc(2026, 3, 10, 16, 0)),
        ];

        Assert.Equal(["tonight"], Expiring(rows, now, days: 0));
        Assert.Equal(["tonight", "tomorrow-0030"], Expiring(rows, now, days: 1));
    }

    [Fact]
    public void All_BangkokAfterLocalMidnightWhileUtcIsTheDayBefore_UsesTheLocalDate()
    {
        var now = Utc(2026, 3, 10, 17, 30); // 00:30 on 11 March in Bangkok
        CouponListRow[] rows = [Ending("local-23", Bangkok, Utc(2026, 3, 11, 16, 0)), Ending("next-local-day", Bangkok, Utc(2026, 3, 11, 17, 0))];

        Assert.Equal(["local-23"], Expiring(rows, now, days: 0));
    }

    [Fact]
    public void All_LosAngelesAt2330LocalWhenUtcIsTheNextDay_UsesTheLocalDate()
    {
        var now = Utc(2026, 3, 11, 6, 30); // 23:30 PDT on 10 March
        CouponListRow[] rows = [Ending("tonight", LosAngeles, Utc(2026, 3, 11, 6, 45)), Ending("tomorrow-03", LosAngeles, Utc(2026, 3, 11, 10, 0))];

        Assert.Equal(["tonight"], Expiring(rows, now, days: 0));
        Assert.Equal(["tonight", "tomorrow-03"], Expiring(rows, now, days: 1));
    }

    [Fact]
    public void All_StoresInDifferentZones_EachUsesItsOwnLocalDay()
    {
        var now = Utc(2026, 3, 11, 6, 30); // 13:30 on 11 March in Bangkok, 23:30 on 10 March in Los Angeles
        var endsAt = Utc(2026, 3, 11, 10, 0); // 17:00 today in Bangkok, 03:00 tomorrow in Los Angeles
        CouponListRow[] rows = [Ending("bkk", Bangkok, endsAt), Ending("lax", LosAngeles, endsAt)];

        Assert.Equal(["bkk"], Expiring(rows, now, days: 0));
    }

    [Fact]
    public void All_LondonOnTheSpringForwardDay_DayEndsAt2300Utc()
    {
        var now = Utc(2026, 3, 29, 0, 30); // 00:30 GMT; at 01:00 UTC clocks go to 02:00 BST
        CouponListRow[] rows = [Ending("2359-bst", London, Utc(2026, 3, 29, 22, 59)), Ending("0030-bst-next-day", London, Utc(2026, 3, 29, 23, 30))];

        Assert.Equal(["2359-bst"], Expiring(rows, now, days: 0));
    }

    [Fact]
    public void All_LondonOnTheFallBackDay_DayEndsAtMidnightUtc()
    {
        var now = Utc(2026, 10, 24, 23, 30); // 00:30 BST on 25 October; at 01:00 UTC clocks go back to 01:00 GMT
        CouponListRow[] rows = [Ending("2330-gmt", London, Utc(2026, 10, 25, 23, 30)), Ending("next-day", London, Utc(2026, 10, 26, 0, 30))];

        Assert.Equal(["2330-gmt"], Expiring(rows, now, days: 0));
    }

    [Fact]
    public void All_ExpiringWithin365Days_IncludesOnlyCouponsStillValid()
    {
        CouponListRow[] rows = [Ending("ended", Bangkok, Now.AddMinutes(-1)), Ending("later", Bangkok, Now.AddDays(300))];

        Assert.Equal(["later"], Expiring(rows, Now, days: 365));
    }

    [Fact]
    public void EndOfLocalDay_DaylightSavingStartsAtMidnight_DayStartsAtTheJump()
    {
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        // Chile springs forward at 00:00 on 6 September 2026: that day starts at 01:00 -03:00.
        var start = StoreZones.StartOfLocalDay(santiago, new DateTime(2026, 9, 6));

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 1, 0, 0, TimeSpan.FromHours(-3)), start);
    }

    [Fact]
    public void EndOfLocalDay_MidnightHappensTwice_DayStartsAtTheFirstOne()
    {
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        // Cuba falls back from 01:00 to 00:00 on 1 November 2026: the day starts at the first 00:00 (-04:00).
        var start = StoreZones.StartOfLocalDay(havana, new DateTime(2026, 11, 1));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4)), start);
    }

    private static IReadOnlyList<string> Expiring(CouponListRow[] rows, DateTimeOffset now, int days) =>
        CouponListEngine.All(rows, Query(("expiringWithinDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture))), null, now, LowStock)
            .Select(r => r.PlatformCouponId).ToList();

    private static CouponListRow Ending(string id, Store store, DateTimeOffset validTo) => Row(id, store) with { ValidTo = validTo };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
