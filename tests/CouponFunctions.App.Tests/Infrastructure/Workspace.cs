using System.Globalization;
using Azure.Data.Tables;
using System.Text.Json.Nodes;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage;

namespace CouponFunctions.App.Tests.Infrastructure;

/// <summary>
/// A fresh tenant of the running app with its admin client, and helpers that act as the operator does: add Shopee
/// stores connected with sandbox-issued tokens, seed vouchers, ask for a sync and wait for the worker to finish it.
/// </summary>
public sealed class Workspace(AppFixture app, TenantId tenant, string adminKey)
{
    public AppFixture App { get; } = app;

    public TenantId Tenant { get; } = tenant;

    public string AdminKey { get; } = adminKey;

    public HttpClient Admin { get; } = app.WithKey(adminKey);

    public ShopeeSandbox Shopee => App.Shopee;

    /// <summary>
    /// Adds a shop to the Shopee sandbox (unless <paramref name="shopExists"/>: seeded before the store exists, for
    /// timers that may sync it at once) and the store to the tenant, connected with sandbox-issued tokens.
    /// </summary>
    public async Task<string> AddShopeeStoreAsync(
        long shopId, string site = "TH", DateTimeOffset? claimedExpiry = null, string? refreshToken = null, bool shopExists = false, string? timeZone = null)
    {
        if (!shopExists) Shopee.AddShop(shopId, site, AppFixture.PartnerId);
        var tokens = Shopee.IssueTokens(AppFixture.PartnerId, shopId);
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site, shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = $"Shopee {site} {shopId}", timeZone,
            credentials = new
            {
                accessToken = tokens.AccessToken, accessTokenExpiresAt = claimedExpiry ?? tokens.AccessTokenExpiresAt,
                refreshToken = refreshToken ?? tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
            },
        });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Adds a seller to the Lazada sandbox and the store to the tenant, connected with sandbox-issued tokens.</summary>
    public async Task<string> AddLazadaStoreAsync(long sellerId, string site = "PH")
    {
        App.Lazada.AddSeller(sellerId, site, AppFixture.LazadaKey);
        var tokens = App.Lazada.IssueTokens(AppFixture.LazadaKey, sellerId);
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "lazada", site, shopId = sellerId.ToString(CultureInfo.InvariantCulture), displayName = $"Lazada {site} {sellerId}",
            credentials = new
            {
                accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt,
                refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
            },
        });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Seeds <paramref name="count"/> vouchers in the shop, a third each upcoming, ongoing and expired.</summary>
    public IReadOnlyList<ShopeeSandboxVoucher> SeedVouchers(long shopId, int count, int quantity = 100)
    {
        var now = Shopee.Clock.GetUtcNow();
        return Enumerable.Range(0, count).Select(i => Shopee.AddVoucher(shopId, new ShopeeSandboxVoucher
        {
            Code = $"V{i:D4}",
            Name = $"Voucher {i}",
            UsageQuantity = quantity,
            CurrentUsage = i % 7,
            DiscountAmount = 5,
            MinBasketPrice = 50,
            Start = (i % 3) switch { 0 => now.AddDays(2), 1 => now.AddDays(-1), _ => now.AddDays(-20) },
            End = (i % 3) switch { 0 => now.AddDays(9), 1 => now.AddDays(5), _ => now.AddDays(-10) },
        })).ToList();
    }

    /// <summary>
    /// POST /api/stores/{id}/sync (the message goes through the real queue to the SyncStore function) and waits until
    /// the worker recorded the run; returns it.
    /// </summary>
    public Task<JsonNode> SyncAsync(string storeId) => StoreSyncs.SyncAsync(Admin, storeId, () => App.Host.Output);

    /// <summary>
    /// Waits until the store has more than <paramref name="before"/> sync runs and the newest has finished (a run is
    /// recorded as running when it starts); returns the newest.
    /// </summary>
    public Task<JsonNode> NextRunAsync(string storeId, int before, int seconds = 60) => StoreSyncs.NextRunAsync(Admin, storeId, before, () => App.Host.Output, seconds);

    public Task<JsonArray> SyncRunsAsync(string storeId) => StoreSyncs.RunsAsync(Admin, storeId);

    /// <summary>GET /api/stores as id → store.</summary>
    public async Task<Dictionary<string, JsonNode>> StoresAsync()
    {
        var (_, list) = await Admin.SendJsonAsync(HttpMethod.Get, "/api/stores");
        return list!["items"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!);
    }

    /// <summary>Waits until every one of <paramref name="storeIds"/> has a finished sync (by the timers' own work).</summary>
    public async Task<Dictionary<string, JsonNode>> WaitForSyncsAsync(params string[] storeIds)
    {
        var stores = new Dictionary<string, JsonNode>();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            stores = await StoresAsync();
            return storeIds.All(id => stores[id]["sync"]?["lastStatus"] is { } status && status.GetValue<string>() != "running");
        }, seconds: 90), $"Not every store was synced. Host output:\n{Tail(App.Host.Output)}");
        return stores;
    }

    public async Task<int> CountRowsAsync(string storeId, string prefix)
    {
        var table = App.Tables.GetTableClient(TableNames.Coupons);
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{Tenant.Value}_{storeId}"} and RowKey ge {prefix} and RowKey lt {end}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }

    /// <summary>The notifications of <paramref name="kind"/> in the tenant's outbox.</summary>
    public async Task<List<JsonNode?>> OutboxAsync(string kind)
    {
        var (_, outbox) = await Admin.SendJsonAsync(HttpMethod.Get, "/api/outbox");
        return outbox!["items"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == kind).ToList();
    }

    internal static string Tail(string text) => StoreSyncs.Tail(text);
}
