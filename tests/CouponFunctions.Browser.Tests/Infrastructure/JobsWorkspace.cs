using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// A workspace of its own for the tests that deploy and act (they create and change coupons): a new tenant with its admin
/// key and Shopee shops in the sandbox, added through the API and synced through the real queue, so the shared seeded
/// workspace (<see cref="Workspace"/>) the other page tests count on stays as it was.
/// </summary>
public sealed class JobsWorkspace
{
    private static int s_next;

    public required string AdminKey { get; init; }

    public required HttpClient Admin { get; init; }

    public required TenantId Tenant { get; init; }

    public static async Task<JobsWorkspace> CreateAsync(BrowserApp app)
    {
        var tenant = TenantId.Parse("tjobs" + Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..10]);
        var (_, key) = await AppHostSettings.NewTenantAsync(app.Services, tenant, "Jobs browser tenant");
        var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromSeconds(100) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new JobsWorkspace { AdminKey = key, Admin = admin, Tenant = tenant };
    }

    /// <summary>Adds a Shopee shop in the sandbox and the store through the API; returns the store id.</summary>
    public async Task<string> AddShopeeStoreAsync(BrowserApp app, long shopId, string site, string name)
    {
        app.Sandbox.Shopee.AddShop(shopId, site, BrowserApp.PartnerId);
        var tokens = app.Sandbox.Shopee.IssueTokens(BrowserApp.PartnerId, shopId);
        using var response = await Admin.PostAsJsonAsync("/api/stores", new
        {
            platform = "shopee", site, shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = name,
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt },
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Adding {name} failed: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>A running voucher in the sandbox shop: 10 days left, <paramref name="used"/> of <paramref name="quantity"/> taken.</summary>
    public static ShopeeSandboxVoucher AddVoucher(BrowserApp app, long shopId, string code, string name, int quantity, int used)
    {
        var now = app.Sandbox.Shopee.Clock.GetUtcNow();
        return app.Sandbox.Shopee.AddVoucher(shopId, new ShopeeSandboxVoucher
        {
            Code = code, Name = name, UsageQuantity = quantity, CurrentUsage = used, DiscountAmount = 25, MinBasketPrice = 300,
            Start = now.AddDays(-1), End = now.AddDays(10),
        });
    }

    public Task SyncAsync(BrowserApp app, string storeId) => StoreSyncs.SyncAsync(Admin, storeId, () => app.Host.Output);

    /// <summary>Puts an inspect-tenant message on the app's queue and waits (bounded) until GET /api/findings shows the stores inspected.</summary>
    public async Task InspectAsync(BrowserApp app, params string[] storeIds)
    {
        var queue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.InspectTenant);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { tenantId = Tenant.Value, dueAt = TimeProvider.System.GetUtcNow().AddMinutes(-1), storeIds }));
        var inspected = await Eventually.TrueAsync(async () =>
        {
            var findings = JsonNode.Parse(await Admin.GetStringAsync("/api/findings"))!;
            return findings["stores"]!.AsArray().Count == storeIds.Length;
        }, seconds: 60);
        if (!inspected) throw new InvalidOperationException($"The inspection did not finish. Host output:\n{StoreSyncs.Tail(app.Host.Output)}");
    }
}
