using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Operations;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>
/// What B9 and B10 share: an in-memory Azurite, the Shopee sandbox, the real app under the local Functions host (the same
/// worker, Durable engine and Azurite the tests use), and the steps both drive through the API (a tenant with a synced store
/// and voucher, a customer CSV import waited until done).
/// </summary>
internal sealed class SendsBench : IAsyncDisposable
{
    public const string Hub = "BenchSends";
    private const long PartnerId = 2_009_009;
    private const string PartnerKey = "bench-sends-partner-key-0123456789";

    private readonly AzuriteFixture _azurite;
    private readonly SandboxHost _sandboxes;

    private SendsBench(AzuriteFixture azurite, SandboxHost sandboxes, AppUnderHost app)
    {
        _azurite = azurite;
        _sandboxes = sandboxes;
        App = app;
    }

    public AppUnderHost App { get; }

    public static async Task<SendsBench> StartAsync(BenchmarkContext context, SendsSetup setup)
    {
        var ct = context.CancellationToken;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var sandboxes = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform> { Platform.Shopee } }, ct);
        sandboxes.Shopee.AddPartner(PartnerId, PartnerKey);
        var overrides = new Dictionary<string, string>
        {
            ["StartDueSendsSchedule"] = "*/2 * * * * *",
            ["Sends:Pacing:Email:PerMinute"] = setup.PerMinute.ToString(CultureInfo.InvariantCulture),
            // The minute quota binds (ACS's hourly one is set to allow the minute's rate all hour).
            ["Sends:Pacing:Email:PerHour"] = (setup.PerMinute * 60).ToString(CultureInfo.InvariantCulture),
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = Hub,
        };
        var app = await AppUnderHost.CreateAsync(azurite.ConnectionString, sandboxes, new SandboxPartners(PartnerId, PartnerKey), overrides, context.Time);
        await app.StartAsync(ct);
        return new SendsBench(azurite, sandboxes, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _sandboxes.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>POST /api/customers/import of <paramref name="rows"/> generated rows (from a file: a known length), waited until done.</summary>
    public async Task<(TimeSpan Elapsed, JsonNode Job)> ImportAsync(BenchmarkContext context, Workspace tenant, int rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-customers-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                await writer.WriteAsync("externalId,name,email,emailConsent\r\n");
                for (var i = 0; i < rows; i++) await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"c{i:D7},Customer {i},c{i:D7}@example.com,yes\r\n"));
            }

            using var admin = Client(tenant.Key);
            var clock = Stopwatch.StartNew();
            await using var file = File.OpenRead(path);
            using var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var response = await admin.PostAsync($"/api/customers/import?storeId={tenant.StoreId}", content, ct);
            var started = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"The import answered {(int)response.StatusCode}: {started}");
            var id = started!["id"]!.GetValue<string>();
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                var (_, job) = await SendJsonAsync(admin, HttpMethod.Get, $"/api/customers/import/{id}", null, ct);
                var status = job?["status"]?.GetValue<string>();
                if (status is "done")
                {
                    context.Progress($"imported {rows:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");
                    return (clock.Elapsed, job!);
                }

                if (status is "failed" || clock.Elapsed > TimeSpan.FromHours(1)) throw new InvalidOperationException($"The import did not finish: {job}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A tenant with a Shopee SG store connected to the sandbox and one claimable voucher of <paramref name="quantity"/>, synced.</summary>
    public async Task<Workspace> TenantAsync(string name, int quantity, CancellationToken ct)
    {
        var (tenant, key) = await AppHostSettings.NewTenantAsync(App.Services, TenantId.Parse(_azurite.UniqueName(name)), name);
        using var admin = Client(key);
        var shopId = 9_100_000 + Random.Shared.Next(1, 99_999);
        _sandboxes.Shopee.AddShop(shopId, "SG", PartnerId);
        var tokens = _sandboxes.Shopee.IssueTokens(PartnerId, shopId);
        var (status, store) = await SendJsonAsync(admin, HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "SG", shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = $"Bench {shopId}",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt },
        }, ct);
        if (status != 201) throw new InvalidOperationException($"POST /api/stores answered {status}: {store}");
        var storeId = store!["id"]!.GetValue<string>();
        var now = _sandboxes.Shopee.Clock.GetUtcNow();
        var voucher = _sandboxes.Shopee.AddVoucher(shopId, new ShopeeSandboxVoucher
        {
            Code = "BENCH10", Name = "Bench voucher", UsageQuantity = quantity + 10, CurrentUsage = 0, DiscountAmount = 5, MinBasketPrice = 50,
            Start = now.AddDays(-1), End = now.AddDays(30),
        });
        await StoreSyncs.SyncAsync(admin, storeId, () => App.Host.Output, seconds: 120);
        return new Workspace(tenant, key, storeId, voucher.VoucherId.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<(int Status, JsonNode? Body)> SendJsonAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>An admin client of the host as it runs now (a restart moves it to another port).</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = App.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A benchmark tenant: its id and admin key, its store and the voucher to send.</summary>
    internal sealed record Workspace(TenantId Id, string Key, string StoreId, string CouponId);
}
