namespace CouponFunctions.Core.Tokens;

/// <summary>Refresh one store's platform token.</summary>
public sealed record RefreshStoreTokenMessage(string TenantId, string StoreId);
