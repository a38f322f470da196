using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The tenant's data, made the way production makes it: three Shopee shops in three zones in the sandbox, the stores
/// added through the API with sandbox-issued tokens, synced through /SyncStore and inspected through /InspectTenant at
/// the 09:00 and 15:00 slots, with changes in between so the second inspection has new, ongoing and resolved findings;
/// the Singapore shop's second sync fails on the platform.
/// </summary>
public sealed class Workspace
{
    public const long BangkokShop = 820_001;
    public const long ManilaShop = 820_002;
    public const long SingaporeShop = 820_003;

    public required string Bangkok { get; init; }

    public required string Manila { get; init; }

    public required string Singapore { get; init; }

    /// <summary>Sold out before the morning run, replenished by the afternoon: a resolved stock-out.</summary>
    public required ShopeeSandboxVoucher Payday { get; init; }

    /// <summary>Low at the morning run, sold out by the afternoon: the new stock-out finding.</summary>
    public required ShopeeSandboxVoucher Weekend { get; init; }

    /// <summary>Sold out at both runs: an ongoing stock-out.</summary>
    public required ShopeeSandboxVoucher Starter { get; init; }

    public static async Task<Workspace> SeedAsync(BrowserApp app)
    {
        var shopee = app.Sandbox.Shopee;
        var now = AdvanceToLocal(app.Clock, "Asia/Bangkok", new TimeOnly(9, 30));
        await PutAsync(app, "/api/settings/alerts", new { recipients = new[] { "ops@example.com", "lead@example.com" }, slots = new[] { "09:00", "15:00" } });

        var bangkok = await AddStoreAsync(app, BangkokShop, "TH", "Siam Gadgets TH");
        var manila = await AddStoreAsync(app, ManilaShop, "PH", "Manila Home PH");
        var singapore = await AddStoreAsync(app, SingaporeShop, "SG", "Lion City SG");

        var payday = shopee.AddVoucher(BangkokShop, Voucher("PAYDAY", "Payday Flash Sale", now, 50, 50));
        var weekend = shopee.AddVoucher(BangkokShop, Voucher("WKND", "Weekend Mega Deal", now, 100, 95, days: 5));
        shopee.AddVoucher(BangkokShop, Voucher("FSHIP500", "Free Shipping Min 500", now, 500, 120) with { RewardType = 2, Percentage = 10, MaxPrice = 100, DiscountAmount = 0, MinBasketPrice = 500 });
        shopee.AddVoucher(BangkokShop, Voucher("NY2027", "New Year Preview", now, 200, 0) with { Start = now.AddDays(5), End = now.AddDays(30) });
        shopee.AddVoucher(BangkokShop, Voucher("SONGKRAN", "Songkran Splash", now, 100, 60) with { Start = now.AddDays(-40), End = now.AddDays(-20) });
        var starter = shopee.AddVoucher(ManilaShop, Voucher("STARTER", "Sold Out Starter", now, 20, 20));
        shopee.AddVoucher(ManilaShop, Voucher("LASTCALL", "Last Call Voucher", now, 300, 10) with { End = now.AddHours(20) });
        shopee.AddVoucher(ManilaShop, Voucher("BULK", "Bulk Buy Bonus", now, 1000, 300) with { DiscountAmount = 100, MinBasketPrice = 2000 });
        var clearance = shopee.AddVoucher(ManilaShop, Voucher("CLEAR", "Old Clearance", now, 40, 12));
        shopee.AddVoucher(SingaporeShop, Voucher("EARLY11", "Singles Day Early Bird", now, 100, 5));

        foreach (var store in new[] { bangkok, manila, singapore }) await SyncAsync(app, store);
        await InspectAsync(app, [bangkok, manila, singapore]);

        // By the afternoon: the seller replenished Payday, buyers took the rest of Weekend, Old Clearance was deleted
        // in Seller Centre, and Shopee fails every call of the Singapore shop.
        AdvanceToLocal(app.Clock, "Asia/Bangkok", new TimeOnly(15, 30));
        shopee.EditVoucher(BangkokShop, payday.VoucherId, v => v with { UsageQuantity = 80 });
        shopee.SetUsage(BangkokShop, weekend.VoucherId, 100);
        shopee.RemoveVoucher(ManilaShop, clearance.VoucherId);
        shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, SingaporeShop.ToString(CultureInfo.InvariantCulture));
        foreach (var store in new[] { bangkok, manila, singapore }) await SyncAsync(app, store);
        await InspectAsync(app, [bangkok, manila, singapore]);

        return new Workspace { Bangkok = bangkok, Manila = manila, Singapore = singapore, Payday = payday, Weekend = weekend, Starter = starter };
    }

    /// <summary>Delivers the waiting sync-store messages (from "Sync now") to /SyncStore; returns how many.</summary>
    public static async Task<int> DeliverSyncsAsync(BrowserApp app)
    {
        var messages = app.Queue.Take(QueueNames.SyncStore);
        foreach (var message in messages) await app.Functions.DeliverAsync("SyncStore", message);
        return messages.Count;
    }

    private static Task SyncAsync(BrowserApp app, string storeId) =>
        app.Functions.DeliverAsync("SyncStore", JsonSerializer.Serialize(new { tenantId = app.Tenant.Value, storeId, reason = "schedule", requestedAt = app.Clock.GetUtcNow() }));

    private static Task InspectAsync(BrowserApp app, string[] storeIds) =>
        app.Functions.DeliverAsync("InspectTenant", JsonSerializer.Serialize(new { tenantId = app.Tenant.Value, dueAt = app.Clock.GetUtcNow(), storeIds }));

    private static async Task<string> AddStoreAsync(BrowserApp app, long shopId, string site, string name)
    {
        app.Sandbox.Shopee.AddShop(shopId, site, BrowserApp.PartnerId);
        var tokens = app.Sandbox.Shopee.IssueTokens(BrowserApp.PartnerId, shopId);
        using var response = await app.Admin.PostAsJsonAsync("/api/stores", new
        {
            platform = "shopee", site, shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = name,
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt },
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Adding {name} failed: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    private static async Task PutAsync(BrowserApp app, string path, object body)
    {
        using var response = await app.Admin.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT {path} failed: {await response.Content.ReadAsStringAsync()}");
    }

    private static ShopeeSandboxVoucher Voucher(string code, string name, DateTimeOffset now, int quantity, int used, int days = 10) => new()
    {
        Code = code, Name = name, UsageQuantity = quantity, CurrentUsage = used, DiscountAmount = 25, MinBasketPrice = 300,
        Start = now.AddDays(-1), End = now.AddDays(days),
    };

    /// <summary>Moves the shared clock forward to the next <paramref name="local"/> time of day in <paramref name="zoneId"/>.</summary>
    private static DateTimeOffset AdvanceToLocal(SandboxClock clock, string zoneId, TimeOnly local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = clock.GetUtcNow();
        var today = TimeZoneInfo.ConvertTime(now, zone);
        var target = new DateTimeOffset(DateOnly.FromDateTime(today.DateTime).ToDateTime(local), zone.GetUtcOffset(today.DateTime));
        if (target <= now) target = target.AddDays(1);
        clock.Advance(target - now);
        return clock.GetUtcNow();
    }
}
