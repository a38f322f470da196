using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Customers;

/// <summary>Reads, upserts (by external id), patches and deletes a tenant's customers; a store-scoped key sees its stores' customers only.</summary>
public sealed class ManageCustomersHandler(ICustomerRepository customers, IStoreRepository stores, TimeProvider time)
{
    public async Task<Result<ItemPage<Customer>>> ListAsync(Caller caller, string? storeId, string? search, int? pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        StoreId? store = null;
        if (!string.IsNullOrEmpty(storeId))
        {
            if (StoreId.TryParse(storeId, out var id) && caller.CanSee(id)) store = id;
            else errors.Add("storeId", "Not one of the workspace's stores.");
        }
        else if (caller.IsScoped && caller.StoreScope!.Count == 1) store = caller.StoreScope.First();
        else if (caller.IsScoped) errors.Add("storeId", "A key scoped to some stores lists one store's customers at a time.");

        var size = pageSize ?? 50;
        if (size is < 1 or > CustomerQuery.MaxPageSize) errors.Add("pageSize", $"Page size is 1–{CustomerQuery.MaxPageSize}.");
        if (search is { Length: > 100 }) errors.Add("search", "Search is at most 100 characters.");
        if (!errors.IsEmpty) return errors;
        return Result<ItemPage<Customer>>.Ok(await customers.ListAsync(caller.TenantId, new CustomerQuery(store, search?.Trim(), size, continuation), cancellationToken));
    }

    public async Task<Result<Customer>> GetAsync(Caller caller, CustomerId id, CancellationToken cancellationToken = default)
    {
        var customer = await customers.GetAsync(caller.TenantId, id, cancellationToken);
        return customer is not null && caller.CanSee(customer.StoreId) ? Result<Customer>.Ok(customer) : Result<Customer>.NotFound($"No customer '{id}'.");
    }

    /// <summary>POST: creates the customer, or replaces every field of the one with this external id (safe to repeat). Created tells which.</summary>
    public async Task<Result<(Customer Customer, bool Created)>> UpsertAsync(Caller caller, CustomerInput input, CancellationToken cancellationToken = default)
    {
        var sites = await SitesAsync(caller, cancellationToken);
        var now = time.GetUtcNow();
        var errors = CustomerValidator.Validate(input, sites, now, out var fields);
        if (!errors.IsEmpty) return errors;
        var existing = await customers.GetAsync(caller.TenantId, fields!.Id, cancellationToken);
        if (existing is not null && !caller.CanSee(existing.StoreId)) return Result<(Customer, bool)>.Forbidden("The customer belongs to a store outside this key's scope.");
        var saved = await customers.UpsertAsync(caller.TenantId, fields, Enum.GetValues<CustomerField>().ToHashSet(), now, cancellationToken);
        return Result<(Customer, bool)>.Ok((saved, existing is null));
    }

    /// <summary>PATCH as JSON merge patch (<see cref="CustomerPatch"/>): the members given change (null clears), the rest as
    /// stored; 404 when there is no such customer; 400 naming the field, nothing written, when the result is not valid.</summary>
    public async Task<Result<Customer>> PatchAsync(Caller caller, CustomerId id, CustomerPatch patch, CancellationToken cancellationToken = default)
    {
        var existing = await customers.GetAsync(caller.TenantId, id, cancellationToken);
        if (existing is null || !caller.CanSee(existing.StoreId)) return Result<Customer>.NotFound($"No customer '{id}'.");
        var refused = new ValidationErrors();
        var merged = patch.Apply(existing, Input(existing.EmailConsent), Input(existing.SmsConsent), refused);
        if (!refused.IsEmpty) return refused;
        var now = time.GetUtcNow();
        var errors = CustomerValidator.Validate(merged, await SitesAsync(caller, cancellationToken), now, out var fields);
        if (!errors.IsEmpty) return errors;
        return Result<Customer>.Ok(await customers.UpsertAsync(caller.TenantId, fields!, patch.Present, now, cancellationToken));
    }

    public async Task<Result<bool>> DeleteAsync(Caller caller, CustomerId id, CancellationToken cancellationToken = default)
    {
        var existing = await customers.GetAsync(caller.TenantId, id, cancellationToken);
        if (existing is null || !caller.CanSee(existing.StoreId)) return Result<bool>.NotFound($"No customer '{id}'.");
        return Result<bool>.Ok(await customers.DeleteAsync(caller.TenantId, id, cancellationToken));
    }

    private async Task<Dictionary<StoreId, string>> SitesAsync(Caller caller, CancellationToken cancellationToken) =>
        (await stores.ListAsync(caller.TenantId, cancellationToken)).Where(s => caller.CanSee(s.Id)).ToDictionary(s => s.Id, s => s.Site);

    private static ConsentInput Input(Consent consent) => new(consent.Status switch
    {
        ConsentStatus.Granted => "granted",
        ConsentStatus.Denied => "denied",
        ConsentStatus.OptedOut => "optedOut",
        _ => "unknown",
    }, consent.ChangedAt, consent.Source);
}
