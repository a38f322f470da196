using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Handler.Tests.Infrastructure;

/// <summary>
/// The real function app over Azurite, its Shopee connector pointed at a Shopee sandbox on loopback (sharing one clock),
/// a fresh tenant with an admin key, and helpers that act as the Functions host (synthetic timer and queue payloads).
/// </summary>
internal sealed class SyncTestBed : IAsyncDisposable
{
    public const long PartnerId = 2_009_001;
    public const string PartnerKey = "sync-test-partner-key-0123456789";

    private SyncTestBed(AzuriteFixture azurite, SandboxHost host, SandboxClock clock, HandlerFactory factory, TenantId tenant, string adminKey)
    {
        Azurite = azurite;
        Host = host;
        Clock = clock;
        Factory = factory;
        Tenant = tenant;
        AdminKey = adminKey;
        Admin = factory.WithKey(adminKey);
        Raw = factory.CreateClient();
    }

    public AzuriteFixture Azurite { get; }

    public SandboxHost Host { get; }

    public SandboxClock Clock { get; }

    public HandlerFactory Factory { get; }

    public TenantId Tenant { get; }

    public string AdminKey { get; }

    public HttpClient Admin { get; }

    /// <summary>No key: what the Functions host uses to invoke functions.</summary>
    public HttpClient Raw { get; }

    public ShopeeSandbox Shopee => Host.Shopee;

    public TableServiceClient Tables => Factory.Services.GetRequiredService<TableServiceClient>();

    public QueueServiceClient Queues => Factory.Services.GetRequiredService<QueueServiceClient>();

    /// <param name="settings">Extra settings; "{sandbox}" in a value is replaced by the sandbox host's address.</param>
    public static async Task<SyncTestBed> StartAsync(
        AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IReadOnlyCollection<Platform>? platforms = null)
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock, Platforms = new HashSet<Platform>(platforms ?? [Platform.Shopee]) });
        host.Shopee.AddPartner(PartnerId, PartnerKey);
        var all = new Dictionary<string, string?>
        {
            ["Platforms:Shopee:BaseUrl"] = host.BaseUrl(Platform.Shopee).ToString(),
            ["Platforms:Shopee:PartnerId"] = PartnerId.ToString(CultureInfo.InvariantCulture),
            ["Platforms:Shopee:PartnerKey"] = PartnerKey,
            ["Platforms:Shopee:AppQps"] = "1000",
            ["Platforms:Shopee:ShopQps"] = "1000",
            ["Platforms:Shopee:MaxRetries"] = "2",
            ["Platforms:Shopee:RetryBaseDelay"] = "00:00:00.010",
            ["Platforms:Shopee:Timeout"] = "00:00:05",
            ["Sync:SpreadWindow"] = "00:00:00",
            ["Auth:KeyCacheSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value?.Replace("{sandbox}", host.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var factory = new HandlerFactory(azurite, settings: all) { RealApp = true, Clock = clock, ConfigureTestServices = services };
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var bootstrap = await factory.Services.GetRequiredService<BootstrapTenantHandler>().HandleAsync(tenant, "Sync test tenant", issueKey: true);
        return new SyncTestBed(azurite, host, clock, factory, tenant, bootstrap.IssuedKey!.Text);
    }

    /// <summary>Moves the shared clock forward to the next <paramref name="local"/> time of day in <paramref name="zoneId"/>.</summary>
    public DateTimeOffset AdvanceToLocal(string zoneId, TimeOnly local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = Clock.GetUtcNow();
        var today = TimeZoneInfo.ConvertTime(now, zone);
        var target = new DateTimeOffset(DateOnly.FromDateTime(today.DateTime).ToDateTime(local), zone.GetUtcOffset(today.DateTime));
        if (target <= now) target = target.AddDays(1);
        Clock.Advance(target - now);
        return Clock.GetUtcNow();
    }

    /// <summary>Adds a shop to the Shopee sandbox and the store to the tenant, connected with sandbox-issued tokens.</summary>
    public async Task<string> AddShopeeStoreAsync(long shopId, string site = "TH", HttpClient? client = null)
    {
        Shopee.AddShop(shopId, site, PartnerId);
        var tokens = Shopee.IssueTokens(PartnerId, shopId);
        var (status, body) = await (client ?? Admin).SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site, shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = $"Shopee {site} {shopId}",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt },
        });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Seeds <paramref name="count"/> vouchers in the shop, a third each upcoming, ongoing and expired.</summary>
    public IReadOnlyList<ShopeeSandboxVoucher> SeedVouchers(long shopId, int count, int quantity = 100)
    {
        var now = Clock.GetUtcNow();
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

    /// <summary>POST /SyncStore as the host delivers a sync-store message.</summary>
    public Task<(int Status, System.Text.Json.Nodes.JsonNode Body)> SyncAsync(string storeId, string reason = "manual") =>
        Payloads.InvokeAsync(Raw, "SyncStore", new
        {
            Data = new { message = Payloads.DoubleEncoded(JsonSerializer.Serialize(new { tenantId = Tenant.Value, storeId, reason, requestedAt = Clock.GetUtcNow() })) },
            Metadata = new { DequeueCount = "1", sys = Payloads.Sys("SyncStore") },
        });

    /// <summary>POST /{timer} as the host fires a timer.</summary>
    public Task<(int Status, System.Text.Json.Nodes.JsonNode Body)> FireTimerAsync(string function) =>
        Payloads.InvokeAsync(Raw, function, new
        {
            Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } },
            Metadata = new { sys = Payloads.Sys(function) },
        });

    /// <summary>
    /// Delivers every visible message of a queue to its function, as the host would; returns how many were this
    /// tenant's (the shared Azurite may hold other tests' tenants' messages, which are delivered too).
    /// </summary>
    public async Task<int> DrainAsync(string queueName, string function)
    {
        var queue = Queues.GetQueueClient(queueName);
        var delivered = 0;
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (messages.Length == 0) return delivered;
            foreach (var message in messages)
            {
                var (status, _) = await Payloads.InvokeAsync(Raw, function, new
                {
                    Data = new Dictionary<string, object> { ["message"] = Payloads.DoubleEncoded(message.Body.ToString()) },
                    Metadata = new { DequeueCount = message.DequeueCount.ToString(CultureInfo.InvariantCulture), Id = message.MessageId },
                });
                if (status is >= 200 and < 300) await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                if (message.Body.ToString().Contains(Tenant.Value, StringComparison.Ordinal)) delivered++;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Host.DisposeAsync();
    }
}
