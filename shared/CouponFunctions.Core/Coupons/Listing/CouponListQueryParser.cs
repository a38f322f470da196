using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>The coupon list's query-string grammar: every bad or unknown parameter is named with what it allows.</summary>
internal static class CouponListQueryParser
{
    public const int MaxTextLength = 100;
    public const int MaxPageSize = 500;
    public const int MaxExpiringDays = 365;

    public static readonly string[] Names =
        ["platform", "store", "site", "campaign", "status", "expiringWithinDays", "stock", "hasFindings", "q", "include", "sort", "pageSize", "continuation"];

    public static Result<CouponListQuery> Parse(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new ValidationErrors();
        var input = new QueryParameters(parameters, Names, errors);
        var include = input.List<string>("include", TryInclude, $"{CouponListNames.IncludeArchived}, {CouponListNames.IncludeRemoved}");
        var query = new CouponListQuery
        {
            Platforms = input.List<Platform>("platform", PlatformNames.TryParse, CouponListNames.Allowed(PlatformNames.All)),
            Stores = input.List<StoreId>("store", StoreId.TryParse, "store ids (2–63 lower-case letters, digits and hyphens)"),
            Sites = input.List<string>("site", TrySite, CouponListNames.Allowed(Stores.Sites.Known.Select(s => s.Code)), StringComparer.OrdinalIgnoreCase),
            Campaigns = input.List<string>("campaign", TryCampaign, "campaign names (with at least one letter or digit)", StringComparer.Ordinal),
            Statuses = input.List<CouponStatus>("status", CouponListNames.TryParse, CouponListNames.Allowed(CouponListNames.Statuses)),
            ExpiringWithinDays = input.Integer("expiringWithinDays", 0, MaxExpiringDays),
            Stock = input.One<StockFilter>("stock", CouponListNames.TryParse, CouponListNames.Allowed(CouponListNames.StockFilters)),
            HasFindings = input.One<bool>("hasFindings", TryBoolean, "true, false"),
            Text = ParseText(input),
            IncludeArchived = include.Contains(CouponListNames.IncludeArchived),
            IncludeRemoved = include.Contains(CouponListNames.IncludeRemoved),
            Sort = input.One<CouponListSort>("sort", TrySort, SortGrammar()) ?? CouponListSort.Default,
            PageSize = input.Integer("pageSize", 1, MaxPageSize) ?? CouponListQuery.DefaultPageSize,
        };

        var cursor = ParseContinuation(input, query);
        return errors.IsEmpty ? Result<CouponListQuery>.Ok(query with { After = cursor }) : errors;
    }

    private static ListCursor? ParseContinuation(QueryParameters input, CouponListQuery query)
    {
        if (input.Get("continuation") is not { } token) return null;
        if (!ContinuationToken.TryDecode(token, out var fingerprint, out var cursor))
        {
            input.Errors.Add("continuation", "The continuation token is malformed. Start again from the first page without it.");
            return null;
        }

        // Only comparable once everything else is valid: the fingerprint is of the parsed query.
        if (input.Errors.IsEmpty && fingerprint != QueryFingerprint.Of(query))
            input.Errors.Add("continuation", "The continuation token belongs to a different filter or sort. Start again from the first page without it.");
        return cursor;
    }

    private static string? ParseText(QueryParameters input)
    {
        var text = input.Get("q");
        if (text is { Length: > MaxTextLength })
        {
            input.Errors.Add("q", $"'q' is at most {MaxTextLength} characters.");
            return null;
        }

        return text;
    }

    private static bool TrySite(string text, out string code)
    {
        var known = Stores.Sites.TryGet(text, out var site);
        code = known ? site.Code : "";
        return known;
    }

    private static bool TryCampaign(string text, out string tag)
    {
        tag = text.Length <= Campaigns.CouponCampaign.MaxLength ? Campaigns.CouponCampaign.Tag(text) : "";
        return tag.Length > 0;
    }

    private static bool TryInclude(string text, out string value)
    {
        value = text.ToLowerInvariant();
        return value is CouponListNames.IncludeArchived or CouponListNames.IncludeRemoved;
    }

    private static bool TryBoolean(string text, out bool value) => bool.TryParse(text, out value);

    private static bool TrySort(string text, out CouponListSort sort)
    {
        var descending = text.StartsWith('-');
        var known = CouponListNames.TryParse(descending ? text[1..] : text, out CouponListSortField field);
        sort = new CouponListSort(field, descending);
        return known;
    }

    private static string SortGrammar() =>
        $"one of {CouponListNames.Allowed(CouponListNames.SortFields)}, with a leading '-' for descending";
}
