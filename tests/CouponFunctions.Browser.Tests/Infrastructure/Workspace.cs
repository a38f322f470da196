using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The tenant's data, made the way production makes it: three Shopee shops in three zones in the sandbox, the stores
/// added through the API with sandbox-issued tokens, synced through the real queue (POST /api/stores/{id}/sync, the
/// worker's SyncStore) and inspected through real inspect-tenant messages (the worker's InspectTenant) for the 09:00 and
/// 15:00 slots, with changes in between so the second inspection has new, ongoing and resolved findings; the Singapore
/// shop's second sync fails on the platform. The worker keeps real time, so the two inspections are due at the last
/// Bangkok afternoon (15:30) and the morning (09:30) of that day, both in the past.
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
        var now = shopee.Clock.GetUtcNow();
        var (morning, afternoon) = LastBangkokDay(now);
        await PutAsync(app, "/api/settings/alerts", new { recipients = new[] { "ops@example.com", "lead@example.com" }, slots = new[] { "09:00", "15:00" } });
        await CountOneFailureAsFailingAsync(app);

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
        await InspectAsync(app, morning, [bangkok, manila, singapore]);

        // By the afternoon: the seller replenished Payday, buyers took the rest of Weekend, Old Clearance was deleted
        // in Seller Centre, and Shopee fails every call of the Singapore shop.
        shopee.EditVoucher(BangkokShop, payday.VoucherId, v => v with { UsageQuantity = 80 });
        shopee.SetUsage(BangkokShop, weekend.VoucherId, 100);
        shopee.RemoveVoucher(ManilaShop, clearance.VoucherId);
        shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, SingaporeShop.ToString(CultureInfo.InvariantCulture));
        foreach (var store in new[] { bangkok, manila, singapore }) await SyncAsync(app, store);
        await InspectAsync(app, afternoon, [bangkok, manila, singapore]);

        return new Workspace { Bangkok = bangkok, Manila = manila, Singapore = singapore, Payday = payday, Weekend = weekend, Starter = starter };
    }

    /// <summary>
    /// Waits (bounded) until the worker finished the sync a "Sync now" queued for <paramref name="storeId"/>, which had
    /// <paramref name="before"/> runs; returns how many new runs it recorded.
    /// </summary>
    public static async Task<int> AwaitSyncsAsync(BrowserApp app, string storeId, int before)
    {
        await StoreSyncs.NextRunAsync(app.Admin, storeId, before, () => app.Host.Output);
        return (await StoreSyncs.RunsAsync(app.Admin, storeId)).Count - before;
    }

    private static Task SyncAsync(BrowserApp app, string storeId) => StoreSyncs.SyncAsync(app.Admin, storeId, () => app.Host.Output);

    /// <summary>Puts an inspect-tenant message on the app's queue and waits (bounded) until the worker sent its digest.</summary>
    private static async Task InspectAsync(BrowserApp app, DateTimeOffset dueAt, string[] storeIds)
    {
        var before = await DigestsAsync(app);
        var queue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.InspectTenant);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { tenantId = app.Tenant.Value, dueAt, storeIds }));
        if (!await Eventually.TrueAsync(async () => await DigestsAsync(app) > before, seconds: 60))
            throw new InvalidOperationException($"The inspection due at {dueAt:O} sent no digest. Host output:\n{StoreSyncs.Tail(app.Host.Output)}");
    }

    /// <summary>
    /// The Singapore shop's afternoon finding about the whole store: between real-time syncs seconds apart its last success
    /// is never hours old (the stale-sync age is at least 5 minutes), so its one failure counts as failing. The API has no
    /// field for that threshold; it is saved through the app's own settings repository.
    /// </summary>
    private static async Task CountOneFailureAsFailingAsync(BrowserApp app)
    {
        var repository = app.Services.GetRequiredService<IAlertSettingsRepository>();
        var settings = await repository.GetAsync(app.Tenant);
        await repository.SaveAsync(app.Tenant, settings with { Inspection = settings.Inspection with { FailingSyncCount = 1 } });
    }

    private static async Task<int> DigestsAsync(BrowserApp app)
    {
        var outbox = JsonNode.Parse(await app.Admin.GetStringAsync("/api/outbox"))!;
        return outbox["items"]!.AsArray().Count(n => n!["kind"]!.GetValue<string>() == "inspection.digest");
    }

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

    /// <summary>09:30 and 15:30 in Bangkok on the last local day whose afternoon has passed by <paramref name="now"/>.</summary>
    private static (DateTimeOffset Morning, DateTimeOffset Afternoon) LastBangkokDay(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay < new TimeSpan(15, 30, 0)) day = day.AddDays(-1);
        DateTimeOffset At(TimeOnly time) => new(day.ToDateTime(time), zone.GetUtcOffset(day.ToDateTime(time)));
        return (At(new TimeOnly(9, 30)), At(new TimeOnly(15, 30)));
    }
}
