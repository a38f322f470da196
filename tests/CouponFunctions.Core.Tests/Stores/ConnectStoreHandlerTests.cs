using System.Security.Cryptography;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Sync;
using Moq;

namespace CouponFunctions.Core.Tests.Stores;

public sealed class ConnectStoreHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
    private static readonly TenantId Tenant = TenantId.Parse("t-acme");

    private static readonly Store Shop = new()
    {
        TenantId = Tenant, Id = StoreId.Parse("s-sg"), Platform = Platform.Shopee, Site = "SG", ShopId = "760002",
        DisplayName = "Acme SG", TimeZoneId = "Asia/Singapore", CreatedAt = Now, UpdatedAt = Now,
    };

    [Fact]
    public async Task CompleteAsync_RedirectNamesAnotherShop_RejectedWithoutSpendingTheCode()
    {
        var (handler, connector, state) = await StartAsync();

        var result = await handler.CompleteAsync(Platform.Shopee, new Dictionary<string, string?> { ["code"] = "c0de", ["shop_id"] = "760003", ["state"] = state });

        Assert.Equal(OutcomeKind.Rejected, result.Kind);
        Assert.Contains("760003, not this store's shop 760002", result.Message, StringComparison.Ordinal);
        connector.Verify(c => c.ExchangeCodeAsync(It.IsAny<AuthorizationCallback>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CompleteAsync_RedirectNamesTheStoresShop_ExchangesTheCode()
    {
        var (handler, connector, state) = await StartAsync();
        connector.Setup(c => c.ExchangeCodeAsync(It.IsAny<AuthorizationCallback>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PlatformResult<TokenGrant>.Ok(new TokenGrant("at", Now.AddHours(4), "rt", Now.AddDays(30), [new AuthorizedShop("760002", "SG")])));

        var result = await handler.CompleteAsync(Platform.Shopee, new Dictionary<string, string?> { ["code"] = "c0de", ["shop_id"] = "760002", ["state"] = state });

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        connector.Verify(c => c.ExchangeCodeAsync(It.Is<AuthorizationCallback>(a => a.Code == "c0de" && a.ShopId == "760002"), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static async Task<(ConnectStoreHandler Handler, Mock<IPlatformConnector> Connector, string State)> StartAsync()
    {
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.GetAsync(Tenant, Shop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Shop);
        stores.Setup(s => s.UpdateAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var connector = new Mock<IPlatformConnector>();
        Uri? authorization = null;
        connector.Setup(c => c.BuildAuthorizationUrl(It.IsAny<AuthorizationRequest>()))
            .Returns<AuthorizationRequest>(r => authorization = new Uri($"https://partner.example/auth?state={Uri.EscapeDataString(r.State)}"));
        var connectors = new Mock<IPlatformConnectors>();
        connectors.Setup(c => c.For(Platform.Shopee)).Returns(connector.Object);
        var handler = new ConnectStoreHandler(stores.Object, connectors.Object, new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32)), new FixedClock(Now));

        var started = await handler.StartAsync(new Caller(Tenant, "k-1", ApiKeyRole.Editor, null), Shop.Id, new Uri("https://app.example/api/oauth/shopee/callback"));
        Assert.Equal(OutcomeKind.Ok, started.Kind);
        var state = Uri.UnescapeDataString(authorization!.Query["?state=".Length..]);
        return (handler, connector, state);
    }
}
