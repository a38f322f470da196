using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopline;

namespace CouponFunctions.Platforms.Tests.Shopline;

/// <summary>A SHOPLINE sandbox on loopback with one app installed on two stores (SGD and TWD), and a connector pointed at it.</summary>
internal sealed class ShoplineTestBed : PlatformTestBed<ShoplineClient, ShoplineClientOptions>
{
    public const string AppKey = "sl-app-key-123";
    public const string AppSecret = "sandbox-shopline-secret-0123456789";
    public const string StoreA = "alpha-sg";
    public const string StoreB = "beta-tw";

    private ShoplineTestBed(SandboxHost host, SandboxClock clock)
        : base(Platform.Shopline, host, clock, ShoplineClient.HttpClientName)
    {
    }

    public ShoplineSandbox Sandbox => Host.Shopline;

    /// <summary>The root of a store in the sandbox, as its own host would be.</summary>
    public string StoreRoot(string handle) => $"{Host.BaseUrl(Platform.Shopline)}/{handle}";

    public static async Task<ShoplineTestBed> StartAsync()
    {
        var (host, clock) = await StartHostAsync(Platform.Shopline);
        host.Shopline.AddApp(AppKey, AppSecret);
        host.Shopline.AddStore(StoreA, "SGD", AppKey);
        host.Shopline.AddStore(StoreB, "TWD", AppKey);
        return new ShoplineTestBed(host, clock);
    }

    /// <summary>A connected store with a fresh 10-hour token from the sandbox.</summary>
    public StoreConnection Store(string handle = StoreA)
    {
        var token = Sandbox.IssueToken(AppKey, handle);
        return Connection(handle, handle == StoreB ? "TW" : "SG", handle, new StoreCredentials(token.AccessToken, token.ExpiresAt));
    }

    /// <summary>A fixed-amount rule from now + <paramref name="startsIn"/> for <paramref name="lasts"/>, with one code.</summary>
    public ShoplineSandboxPriceRule Seed(string handle, string code, TimeSpan startsIn, TimeSpan lasts, Func<ShoplineSandboxPriceRule, ShoplineSandboxPriceRule>? shape = null)
    {
        var rule = new ShoplineSandboxPriceRule { Title = $"Rule {code}", Value = 5, StartsAt = Now + startsIn, EndsAt = Now + startsIn + lasts, UsageLimit = 100 };
        return Sandbox.AddPriceRule(handle, shape is null ? rule : shape(rule), code);
    }

    public ShoplineSandboxPriceRule SeedUpcoming(string code = "UP1") => Seed(StoreA, code, TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public ShoplineSandboxPriceRule SeedOngoing(string code = "ON1", string handle = StoreA) => Seed(handle, code, -TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public ShoplineSandboxPriceRule SeedEnded(string code = "OLD1") => Seed(StoreA, code, -TimeSpan.FromDays(10), TimeSpan.FromDays(2));

    protected override ShoplineClientOptions SandboxOptions() => new()
    {
        AppKey = AppKey,
        AppSecret = AppSecret,
        StoreUrlTemplate = $"{Host.BaseUrl(Platform.Shopline)}/{{handle}}",
    };

    protected override ShoplineClient CreateClient(ShoplineClientOptions options, TimeProvider clock) => new(options, HttpClients, clock, Recorder, Logs);
}
