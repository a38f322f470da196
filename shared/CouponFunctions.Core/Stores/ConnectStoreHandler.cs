using System.Text.Json;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Stores;

/// <summary>
/// Connects a store to its platform through the platform's own authorization page: the operator gets the URL, the
/// seller approves, and the platform redirects back with a code that is exchanged for tokens. The state round trip is
/// encrypted and authenticated (AES-GCM) and expires, so a callback can only complete the store that started it.
/// </summary>
public sealed class ConnectStoreHandler(IStoreRepository stores, IPlatformConnectors connectors, ISecretProtector protector, TimeProvider time)
{
    private const string StateContext = "oauth-state";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(15);

    /// <param name="callbackBase">The public URL of the platform's callback, e.g. https://host/api/oauth/shopee/callback.</param>
    public async Task<Result<Uri>> StartAsync(Caller caller, StoreId storeId, Uri callbackBase, CancellationToken cancellationToken = default)
    {
        var store = caller.CanSee(storeId) ? await stores.GetAsync(caller.TenantId, storeId, cancellationToken) : null;
        if (store is null) return Result<Uri>.NotFound($"No store '{storeId}'.");
        var state = protector.Protect(JsonSerializer.Serialize(new OAuthState(store.TenantId.Value, store.Id.Value, store.Platform, time.GetUtcNow() + StateLifetime), MessageJson.Options), StateContext);
        // SHOPLINE's authorize page lives on the store's own host, so its connector needs the handle with the callback.
        var redirect = store.Platform == Platform.Shopline ? new Uri($"{callbackBase}?handle={Uri.EscapeDataString(store.ShopId)}") : callbackBase;
        return Result<Uri>.Ok(connectors.For(store.Platform).BuildAuthorizationUrl(new AuthorizationRequest(store.Site, redirect, state)));
    }

    /// <summary>Completes the authorization from the platform's redirect parameters.</summary>
    public async Task<Result<Store>> CompleteAsync(Platform platform, IReadOnlyDictionary<string, string?> query, CancellationToken cancellationToken = default)
    {
        var code = query.GetValueOrDefault("code");
        var stateText = query.GetValueOrDefault("state") ?? query.GetValueOrDefault("customField");
        if (string.IsNullOrEmpty(code)) return new ValidationErrors().Add("code", "The platform sent no authorization code (the seller may have declined).");
        if (ReadState(stateText) is not { } state || state.Platform != platform) return new ValidationErrors().Add("state", "The authorization state is missing, altered or for another platform; start again from the store.");
        if (state.ExpiresAt < time.GetUtcNow()) return new ValidationErrors().Add("state", "The authorization took longer than 15 minutes; start again from the store.");

        var tenantId = TenantId.Parse(state.TenantId);
        var store = await stores.GetAsync(tenantId, StoreId.Parse(state.StoreId), cancellationToken);
        if (store is null) return Result<Store>.NotFound("The store to connect no longer exists.");
        // Shopee names the approved shop in the redirect: refuse another shop before spending the single-use code on it.
        if (query.GetValueOrDefault("shop_id") is { Length: > 0 } redirected && redirected != store.ShopId)
            return Result<Store>.Rejected($"The seller authorized {redirected}, not this store's shop {store.ShopId}; sign in to the right shop and start again.");
        var shopId = query.GetValueOrDefault("shop_id") ?? query.GetValueOrDefault("handle") ?? store.ShopId;
        var grant = await connectors.For(platform).ExchangeCodeAsync(new AuthorizationCallback(store.Site, code, shopId), cancellationToken);
        if (!grant.Succeeded) return Result<Store>.Rejected($"{platform} refused the authorization: {grant.Error.Message}");

        var shops = grant.Value.Shops;
        var shop = shops.FirstOrDefault(s => s.ShopId == store.ShopId);
        if (shops.Count > 0 && shop is null)
            return Result<Store>.Rejected($"The seller authorized {string.Join(", ", shops.Select(s => s.ShopId))}, not this store's shop {store.ShopId}; sign in to the right shop and start again.");

        for (var attempt = 0; ; attempt++)
        {
            var connected = store with
            {
                Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken, grant.Value.RefreshTokenExpiresAt, shop?.ShopCipher),
                Status = store.Status == StoreStatus.Disabled ? StoreStatus.Disabled : StoreStatus.Active,
                StatusReason = store.Status == StoreStatus.Disabled ? store.StatusReason : null,
                UpdatedAt = time.GetUtcNow(),
            };
            if (await stores.UpdateAsync(connected, cancellationToken)) return Result<Store>.Ok(connected);
            if (attempt == 4) return Result<Store>.Conflict("The store kept changing while it was being connected; start again.");
            store = await stores.GetAsync(tenantId, store.Id, cancellationToken) ?? store;
        }
    }

    private OAuthState? ReadState(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<OAuthState>(protector.Unprotect(text, StateContext), MessageJson.Options);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record OAuthState(string TenantId, string StoreId, Platform Platform, DateTimeOffset ExpiresAt);
}
