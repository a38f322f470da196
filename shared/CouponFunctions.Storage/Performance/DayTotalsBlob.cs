using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Azure;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>
/// One tenant's store-day totals of one store-local day: "{tenant}/{yyyyMMdd}.json.gz" in the day-totals container, every
/// store's absolute figures of the day with their campaign split, as gzip'd JSON sorted by store id. The name sorts by
/// day, so a period's days share a name prefix and one listing finds them.
/// </summary>
internal sealed class DayTotalsBlob
{
    private const string Suffix = ".json.gz";

    private DayTotalsBlob(ETag etag, DateOnly day, SortedDictionary<string, StoreDayTotals> stores)
    {
        ETag = etag;
        Day = day;
        Stores = stores;
        Totals = [.. stores.Values];
    }

    /// <summary>The version this copy was read or written as.</summary>
    public ETag ETag { get; }

    public DateOnly Day { get; }

    /// <summary>Every store's totals of the day, by store id (ordinal).</summary>
    public IReadOnlyList<StoreDayTotals> Totals { get; }

    private SortedDictionary<string, StoreDayTotals> Stores { get; }

    public static string Name(TenantId tenantId, DateOnly day) => $"{tenantId.Value}/{Key(day)}{Suffix}";

    /// <summary>The longest name prefix shared by every day of the period (one listing, whatever its length).</summary>
    public static string Prefix(TenantId tenantId, DateOnly from, DateOnly to)
    {
        var (first, last) = (Key(from), Key(to));
        var shared = 0;
        while (shared < first.Length && first[shared] == last[shared]) shared++;
        return $"{tenantId.Value}/{first[..shared]}";
    }

    /// <summary>The day a listed name of the tenant stands for, or null for a name that is not a day blob.</summary>
    public static DateOnly? ParseDay(TenantId tenantId, string name)
    {
        var head = tenantId.Value + "/";
        if (!name.StartsWith(head, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal)) return null;
        var key = name[head.Length..^Suffix.Length];
        return DateOnly.TryParseExact(key, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>A day with no blob yet.</summary>
    public static DayTotalsBlob Empty(DateOnly day) => new(default, day, new SortedDictionary<string, StoreDayTotals>(StringComparer.Ordinal));

    /// <summary>True when the day already holds exactly these totals for their store (a retried run writes nothing).</summary>
    public bool Holds(StoreDayTotals totals) =>
        Stores.TryGetValue(totals.StoreId.Value, out var known)
        && (known.Claims, known.Uses, known.DiscountGiven, known.MinOrderValue, known.Currency) == (totals.Claims, totals.Uses, totals.DiscountGiven, totals.MinOrderValue, totals.Currency)
        && known.ByCampaign.SequenceEqual(totals.ByCampaign);

    /// <summary>The day with each store's entry replaced by its <paramref name="totals"/> (absolute values), as gzip'd JSON.</summary>
    public byte[] With(IEnumerable<StoreDayTotals> totals, out SortedDictionary<string, StoreDayTotals> stores)
    {
        stores = new SortedDictionary<string, StoreDayTotals>(Stores, StringComparer.Ordinal);
        foreach (var store in totals) stores[store.StoreId.Value] = store;
        var document = new Document(Day, stores.Values.Select(t => new Entry(t.StoreId.Value, t.Claims, t.Uses, t.DiscountGiven, t.MinOrderValue, t.Currency, t.Campaigns)).ToList());
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document, MessageJson.Options);
        }
        return buffer.ToArray();
    }

    public static DayTotalsBlob Written(ETag etag, DateOnly day, SortedDictionary<string, StoreDayTotals> stores) => new(etag, day, stores);

    public static DayTotalsBlob Read(ETag etag, DateOnly day, Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress);
        var document = JsonSerializer.Deserialize<Document>(gzip, MessageJson.Options);
        var stores = new SortedDictionary<string, StoreDayTotals>(StringComparer.Ordinal);
        foreach (var e in document?.Stores ?? [])
        {
            if (!StoreId.TryParse(e.StoreId, out var storeId)) continue;
            stores[storeId.Value] = new StoreDayTotals(storeId, day, e.Claims, e.Uses, e.DiscountGiven, e.MinOrderValue, e.Currency ?? "", e.Campaigns);
        }
        return new DayTotalsBlob(etag, day, stores);
    }

    private static string Key(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The blob's JSON: the day and one entry per store (money as JSON numbers, which keep decimals exact).</summary>
    private sealed record Document(DateOnly Day, List<Entry> Stores);

    private sealed record Entry(string StoreId, int Claims, int Uses, decimal DiscountGiven, decimal MinOrderValue, string? Currency, IReadOnlyList<CampaignDayTotals>? Campaigns);
}
