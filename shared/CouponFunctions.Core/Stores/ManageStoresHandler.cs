using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Stores;

/// <summary>Adds, reads, changes and disables the stores an operator may see.</summary>
public sealed class ManageStoresHandler(IStoreRepository stores, TimeProvider time)
{
    public async Task<IReadOnlyList<Store>> ListAsync(Caller caller, CancellationToken cancellationToken = default) =>
        (await stores.ListAsync(caller.TenantId, cancellationToken)).Where(s => caller.CanSee(s.Id)).ToList();

    public async Task<Result<Store>> GetAsync(Caller caller, StoreId storeId, CancellationToken cancellationToken = default)
    {
        // A store outside the key's scope answers exactly like a missing one: its existence is not disclosed.
        var store = caller.CanSee(storeId) ? await stores.GetAsync(caller.TenantId, storeId, cancellationToken) : null;
        return store is null ? Result<Store>.NotFound($"No store '{storeId}'.") : Result<Store>.Ok(store);
    }

    public async Task<Result<Store>> AddAsync(Caller caller, StoreInput input, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<Store>.Forbidden("A key scoped to some stores cannot add stores.");
        var errors = StoreValidator.Validate(input, out var platform, out var site);
        if (!errors.IsEmpty) return errors;

        var now = time.GetUtcNow();
        var store = new Store
        {
            TenantId = caller.TenantId,
            Id = StoreId.New(),
            Platform = platform,
            Site = site!.Code,
            ShopId = input.ShopId!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            TimeZoneId = input.TimeZone?.Trim() ?? site.TimeZoneId,
            Credentials = StoreValidator.ToCredentials(input.Credentials),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await stores.AddAsync(store, cancellationToken))
            return Result<Store>.Conflict($"This workspace already has the {platform} shop '{store.ShopId}'.");
        return Result<Store>.Ok(await stores.GetAsync(store.TenantId, store.Id, cancellationToken) ?? store);
    }

    public async Task<Result<Store>> UpdateAsync(Caller caller, StoreId storeId, StoreChangeInput input, CancellationToken cancellationToken = default)
    {
        var errors = StoreValidator.Validate(input);
        if (!errors.IsEmpty) return errors;
        return await ChangeAsync(caller, storeId, store => store with
        {
            DisplayName = input.DisplayName?.Trim() ?? store.DisplayName,
            TimeZoneId = input.TimeZone?.Trim() ?? store.TimeZoneId,
            Credentials = input.Credentials is null ? store.Credentials : StoreValidator.ToCredentials(input.Credentials),
            Status = input.Credentials is not null && store.Status == StoreStatus.NeedsReauthorization ? StoreStatus.Active : store.Status,
            StatusReason = input.Credentials is not null && store.Status == StoreStatus.NeedsReauthorization ? null : store.StatusReason,
        }, cancellationToken);
    }

    public Task<Result<Store>> SetEnabledAsync(Caller caller, StoreId storeId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, storeId, store => store with
        {
            Status = enabled ? StoreStatus.Active : StoreStatus.Disabled,
            StatusReason = enabled ? null : "Disabled by an operator.",
        }, cancellationToken);

    private async Task<Result<Store>> ChangeAsync(Caller caller, StoreId storeId, Func<Store, Store> change, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, storeId, cancellationToken);
        if (!found.IsOk) return found;
        var updated = change(found.Value) with { UpdatedAt = time.GetUtcNow() };
        if (!await stores.UpdateAsync(updated, cancellationToken))
            return Result<Store>.Conflict("The store was changed by someone else at the same time; load it again and retry.");
        return Result<Store>.Ok(await stores.GetAsync(caller.TenantId, storeId, cancellationToken) ?? updated);
    }
}
