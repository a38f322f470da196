using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tokens;

namespace CouponFunctions.Storage.Queues;

/// <summary>Queue names (kebab-case). They must equal the queueName of the function.json that consumes them.</summary>
public static class QueueNames
{
    public const string SyncStore = "sync-store";
    public const string RefreshStoreToken = "refresh-store-token";
    public const string InspectTenant = "inspect-tenant";

    private static readonly Dictionary<Type, string> ByMessage = new()
    {
        [typeof(SyncStoreMessage)] = SyncStore,
        [typeof(RefreshStoreTokenMessage)] = RefreshStoreToken,
        [typeof(InspectTenantMessage)] = InspectTenant,
    };

    public static IReadOnlyDictionary<Type, string> Messages => ByMessage;

    public static string For(Type messageType) =>
        ByMessage.TryGetValue(messageType, out var queue) ? queue : throw new InvalidOperationException($"No queue carries {messageType.Name}.");
}
