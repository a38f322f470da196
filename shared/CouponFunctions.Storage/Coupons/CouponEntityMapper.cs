using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Storage.Coupons;

/// <summary>
/// Coupon rows: the unified coupon as JSON ("Data") plus a few plain columns (Platform, Status, ValidTo, Remaining,
/// Name, Code) so that the rows can also be queried directly (the benchmark compares that with the read model).
/// </summary>
internal static class CouponEntityMapper
{
    public const string CouponPrefix = "c_";
    public const string HistoryPrefix = "h_";
    public const string AlertPrefix = "a_";

    public static string CouponRowKey(string couponId) => CouponPrefix + Keys.Escape(couponId);

    public static string HistoryPrefixOf(string couponId) => $"{HistoryPrefix}{Keys.Escape(couponId)}_";

    public static TableEntity ToEntity(string partition, StoredCoupon stored) => new(partition, CouponRowKey(stored.Id))
    {
        ["Data"] = JsonSerializer.Serialize(stored.Coupon, MessageJson.Options),
        ["Hash"] = stored.Hash,
        ["FirstSeenAt"] = stored.FirstSeenAt,
        ["LastChangedAt"] = stored.LastChangedAt,
        ["RemovedAt"] = stored.RemovedAt,
        ["StockOutSince"] = stored.StockOutSince,
        ["Platform"] = stored.Coupon.Platform.ToString().ToLowerInvariant(),
        ["Status"] = stored.Coupon.Status.ToString().ToLowerInvariant(),
        ["ValidTo"] = stored.Coupon.ValidTo,
        ["Remaining"] = stored.Coupon.RemainingQuantity,
        ["Name"] = stored.Coupon.Name,
        ["Code"] = stored.Coupon.Code,
        ["FirstRunId"] = stored.FirstRunId,
        // The day's figures ride on the row (the counts are in Data): the store-local day they last moved and their start.
        ["Day"] = stored.Day?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DayStartClaimed"] = stored.Day?.Claimed,
        ["DayStartUsed"] = stored.Day?.Used,
    };

    public static StoredCoupon ToStored(TableEntity e) => new(
        JsonSerializer.Deserialize<Coupon>(e.GetString("Data")!, MessageJson.Options)!,
        e.GetString("Hash") ?? "",
        e.GetDateTimeOffset("FirstSeenAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("LastChangedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("RemovedAt"),
        e.GetDateTimeOffset("StockOutSince"),
        e.GetString("FirstRunId"),
        e.GetString("Day") is { } day
            ? new CouponDayStart(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetInt32("DayStartClaimed") ?? 0, e.GetInt32("DayStartUsed") ?? 0)
            : null);

    public static TableEntity HistoryEntity(string partition, StoredCoupon stored, string runId, DateTimeOffset runStartedAt, IReadOnlyList<FieldChange> changes) =>
        new(partition, $"{HistoryPrefixOf(stored.Id)}{Keys.NewestFirst(runStartedAt)}")
        {
            ["At"] = stored.LastChangedAt,
            ["RunId"] = runId,
            ["Changes"] = JsonSerializer.Serialize(changes, MessageJson.Options),
        };

    public static CouponHistoryEntry ToHistory(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("RunId") ?? "",
        JsonSerializer.Deserialize<List<FieldChange>>(e.GetString("Changes") ?? "[]", MessageJson.Options) ?? []);

    public static TableEntity AlertEntity(string partition, PendingAlert alert) => new(partition, AlertPrefix + Keys.Escape(alert.Key))
    {
        ["Key"] = alert.Key,
        ["Kind"] = alert.Kind,
        ["CouponId"] = alert.CouponId,
        ["RaisedAt"] = alert.RaisedAt,
    };

    public static PendingAlert ToAlert(TableEntity e) =>
        new(e.GetString("Key")!, e.GetString("Kind")!, e.GetString("CouponId")!, e.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.MinValue);
}
