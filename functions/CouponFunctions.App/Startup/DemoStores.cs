using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.TikTok;
using CouponFunctions.Sandbox.Demo;
using Microsoft.Extensions.Options;

namespace CouponFunctions.App.Startup;

/// <summary>
/// Local runs with the sandboxes (Sandbox:Enabled): seeds the demo shops and coupons (with the connectors' own app credentials)
/// and connects the local tenant's demo stores to them with fresh tokens, then asks for a first sync and, a minute
/// later, an inspection, so the local run shows a full list and findings at once.
/// </summary>
internal sealed class DemoStores(
    DemoData demo,
    IStoreRepository stores,
    IWorkQueue queue,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DemoStores> logger)
{
    public async Task ConnectAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var seed = demo.Seed(Credentials(), now);
        foreach (var demoStore in seed.Stores)
        {
            var id = StoreId.Parse(demoStore.Key);
            var existing = await stores.GetAsync(tenantId, id, cancellationToken);
            if (existing is null)
            {
                await stores.AddAsync(new Store
                {
                    TenantId = tenantId, Id = id, Platform = demoStore.Platform, Site = demoStore.Site, ShopId = demoStore.ShopId,
                    DisplayName = demoStore.DisplayName, TimeZoneId = demoStore.TimeZoneId, Credentials = demoStore.Credentials,
                    CreatedAt = now, UpdatedAt = now,
                }, cancellationToken);
            }
            else
            {
                // The sandboxes live in memory: every start issues new tokens for the same shops.
                await stores.UpdateAsync(existing with
                {
                    Credentials = demoStore.Credentials,
                    Status = existing.Status == StoreStatus.Disabled ? StoreStatus.Disabled : StoreStatus.Active,
                    StatusReason = existing.Status == StoreStatus.Disabled ? existing.StatusReason : null,
                    UpdatedAt = now,
                }, cancellationToken);
            }
            await queue.EnqueueAsync(new SyncStoreMessage(tenantId.Value, id.Value, SyncStoreMessage.Manual, now), null, cancellationToken);
        }
        await queue.EnqueueAsync(new InspectTenantMessage(tenantId.Value, now, seed.Stores.Select(s => s.Key).ToList()), TimeSpan.FromMinutes(1), cancellationToken);
        logger.LogInformation("Demo: {Stores} sandbox stores with {Coupons} coupons connected to tenant {TenantId}; first sync queued",
            seed.Stores.Count, seed.CouponCount, tenantId);
    }

    private DemoCredentials Credentials()
    {
        var shopee = services.GetRequiredService<IOptions<ShopeeClientOptions>>().Value;
        var lazada = services.GetRequiredService<IOptions<LazadaClientOptions>>().Value;
        var tiktok = services.GetRequiredService<IOptions<TikTokClientOptions>>().Value;
        var shopline = services.GetRequiredService<IOptions<ShoplineClientOptions>>().Value;
        return new DemoCredentials
        {
            ShopeePartnerId = shopee.PartnerId,
            ShopeePartnerKey = shopee.PartnerKey,
            LazadaAppKey = lazada.AppKey,
            LazadaAppSecret = lazada.AppSecret,
            TikTokAppKey = tiktok.AppKey,
            TikTokAppSecret = tiktok.AppSecret,
            TikTokServiceId = tiktok.ServiceId,
            ShoplineAppKey = shopline.AppKey,
            ShoplineAppSecret = shopline.AppSecret,
        };
    }
}
