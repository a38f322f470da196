using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Sandbox.Shopline;
using CouponFunctions.Sandbox.TikTok;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>The four platform sandboxes that demo data lives in: a host's DI singletons or a <see cref="SandboxHost"/>'s.</summary>
public sealed record SandboxSet(ShopeeSandbox Shopee, LazadaSandbox Lazada, TikTokSandbox TikTok, ShoplineSandbox Shopline)
{
    public static SandboxSet From(SandboxHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new(host.Shopee, host.Lazada, host.TikTok, host.Shopline);
    }

    /// <summary>The sandboxes registered by <c>AddPlatformSandboxes</c>.</summary>
    public static SandboxSet From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new(
            services.GetRequiredService<ShopeeSandbox>(),
            services.GetRequiredService<LazadaSandbox>(),
            services.GetRequiredService<TikTokSandbox>(),
            services.GetRequiredService<ShoplineSandbox>());
    }
}
