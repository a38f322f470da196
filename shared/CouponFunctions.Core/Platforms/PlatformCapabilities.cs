using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Platforms;

/// <summary>An operation on an existing or new coupon.</summary>
public enum CouponOperation
{
    Create,
    Update,
    End,
    Delete,

    /// <summary>Resume a paused coupon (Lazada: /promotion/voucher/activate).</summary>
    Reactivate,
}

/// <summary>Whether an operation is possible through a platform's API, and why not when it is not.</summary>
public readonly record struct CapabilityCheck(bool Allowed, string? Reason)
{
    public static CapabilityCheck Yes { get; } = new(true, null);

    public static CapabilityCheck No(string reason) => new(false, reason);
}

/// <summary>What a platform's API allows, per operation and coupon status; the whole product obeys it.</summary>
public sealed class PlatformCapabilities
{
    private readonly Func<CouponStatus, CouponField> _editable;
    private readonly IReadOnlySet<CouponStatus> _endable;
    private readonly IReadOnlySet<CouponStatus> _deletable;
    private readonly IReadOnlySet<CouponStatus> _reactivatable;

    private PlatformCapabilities(
        Platform platform,
        string? createRefusal,
        string endVerb,
        IReadOnlySet<CouponStatus> endable,
        IReadOnlySet<CouponStatus> deletable,
        string? deleteRefusal,
        Func<CouponStatus, CouponField> editable,
        string? readOnlyReason,
        IReadOnlySet<CouponStatus> reactivatable,
        string? reactivateRefusal)
    {
        Platform = platform;
        CreateRefusal = createRefusal;
        EndVerb = endVerb;
        _endable = endable;
        _deletable = deletable;
        DeleteRefusal = deleteRefusal;
        _editable = editable;
        ReadOnlyReason = readOnlyReason;
        _reactivatable = reactivatable;
        ReactivateRefusal = reactivateRefusal;
    }

    public Platform Platform { get; }

    /// <summary>Set when the API cannot create coupons at all.</summary>
    public string? CreateRefusal { get; }

    /// <summary>"end" or "deactivate": the word the platform uses for stopping a coupon.</summary>
    public string EndVerb { get; }

    /// <summary>Set when the API has no delete at all.</summary>
    public string? DeleteRefusal { get; }

    /// <summary>Set when the API cannot resume a paused coupon at all.</summary>
    public string? ReactivateRefusal { get; }

    /// <summary>Set when coupons are read-only through the API.</summary>
    public string? ReadOnlyReason { get; }

    public CouponField EditableFields(CouponStatus status) => ReadOnlyReason is null ? _editable(status) : CouponField.None;

    public CapabilityCheck Check(CouponOperation operation, CouponStatus? status = null, CouponField fields = CouponField.None)
    {
        var name = Platform.ToWire();
        switch (operation)
        {
            case CouponOperation.Create:
                return CreateRefusal is null ? CapabilityCheck.Yes : CapabilityCheck.No(CreateRefusal);
            case CouponOperation.Update:
                if (ReadOnlyReason is not null) return CapabilityCheck.No(ReadOnlyReason);
                var allowed = _editable(status ?? CouponStatus.Upcoming);
                if (allowed == CouponField.None)
                    return CapabilityCheck.No($"A {Describe(status)} {name} coupon cannot be changed.");
                var refused = fields & ~allowed;
                return refused == CouponField.None
                    ? CapabilityCheck.Yes
                    : CapabilityCheck.No($"A {Describe(status)} {name} coupon cannot change {refused}; it accepts only {allowed}.");
            case CouponOperation.End:
                if (ReadOnlyReason is not null) return CapabilityCheck.No(ReadOnlyReason);
                return status is null || _endable.Contains(status.Value)
                    ? CapabilityCheck.Yes
                    : CapabilityCheck.No($"Only {string.Join(" or ", _endable.Select(s => s.ToString().ToLowerInvariant()))} {name} coupons can be {Past(EndVerb)}; this one is {Describe(status)}.");
            case CouponOperation.Delete:
                if (ReadOnlyReason is not null) return CapabilityCheck.No(ReadOnlyReason);
                if (DeleteRefusal is not null) return CapabilityCheck.No(DeleteRefusal);
                return status is null || _deletable.Contains(status.Value)
                    ? CapabilityCheck.Yes
                    : CapabilityCheck.No($"Only {string.Join(" or ", _deletable.Select(s => s.ToString().ToLowerInvariant()))} {name} coupons can be deleted; this one is {Describe(status)}.");
            case CouponOperation.Reactivate:
                if (ReadOnlyReason is not null) return CapabilityCheck.No(ReadOnlyReason);
                if (ReactivateRefusal is not null) return CapabilityCheck.No(ReactivateRefusal);
                return status is null || _reactivatable.Contains(status.Value)
                    ? CapabilityCheck.Yes
                    : CapabilityCheck.No($"Only {string.Join(" or ", _reactivatable.Select(s => s.ToString().ToLowerInvariant()))} {name} coupons can be re-activated; this one is {Describe(status)}.");
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private static string Describe(CouponStatus? status) => status?.ToString().ToLowerInvariant() ?? "existing";

    private static string Past(string verb) => verb.EndsWith('e') ? verb + "d" : verb + "ed";

    public static PlatformCapabilities For(Platform platform) => platform switch
    {
        Platform.Shopee => Shopee,
        Platform.Lazada => Lazada,
        Platform.TikTok => TikTok,
        Platform.Shopline => Shopline,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    private const CouponField AllFields =
        CouponField.Name | CouponField.TotalQuantity | CouponField.ValidFrom | CouponField.ValidTo | CouponField.Discount
        | CouponField.MinSpend | CouponField.PerBuyerLimit | CouponField.Products;

    // Shopee v2 voucher API: update_voucher changes start_time only before start; an ongoing voucher accepts only
    // voucher_name, usage_quantity (up), end_time, display_channel_list and item_id_list. end_voucher works on ongoing
    // vouchers only, delete_voucher on upcoming ones only (platform-apis.md §1, "Rules, taken from documented error codes").
    public static PlatformCapabilities Shopee { get; } = new(
        Platform.Shopee,
        createRefusal: null,
        endVerb: "end",
        endable: new HashSet<CouponStatus> { CouponStatus.Ongoing },
        deletable: new HashSet<CouponStatus> { CouponStatus.Upcoming },
        deleteRefusal: null,
        editable: status => status switch
        {
            CouponStatus.Upcoming => AllFields,
            CouponStatus.Ongoing => CouponField.Name | CouponField.TotalQuantity | CouponField.ValidTo | CouponField.Products,
            _ => CouponField.None,
        },
        readOnlyReason: null,
        reactivatable: new HashSet<CouponStatus>(),
        reactivateRefusal: "Shopee vouchers cannot be paused or re-activated through the API (a voucher runs from its start to its end); clone an ended voucher as new instead.");

    // Lazada seller voucher API: only COLLECTIBLE_VOUCHER can be created; there is no delete, only deactivate
    // (/promotion/voucher/deactivate); update must raise `issued`; the minimum order amount is fixed once set
    // (platform-apis.md §2; product-anchors.md A5 [P3]).
    public static PlatformCapabilities Lazada { get; } = new(
        Platform.Lazada,
        createRefusal: null,
        endVerb: "deactivate",
        endable: new HashSet<CouponStatus> { CouponStatus.Upcoming, CouponStatus.Ongoing, CouponStatus.Paused },
        deletable: new HashSet<CouponStatus>(),
        deleteRefusal: "Lazada's API has no delete for vouchers; deactivate the voucher instead.",
        editable: status => status switch
        {
            CouponStatus.Upcoming => AllFields,
            CouponStatus.Ongoing or CouponStatus.Paused => CouponField.Name | CouponField.TotalQuantity | CouponField.ValidTo | CouponField.Products,
            _ => CouponField.None,
        },
        readOnlyReason: null,
        // /promotion/voucher/activate resumes a SUSPEND voucher; a deactivated one (FINISH) is finished for good.
        reactivatable: new HashSet<CouponStatus> { CouponStatus.Paused },
        reactivateRefusal: null);

    // TikTok Shop: coupons are made in Seller Center or the Seller App; the Partner API can only search and read them
    // (promotion/202406/coupons/search, /coupons/{id}). Only discount "activities" can be created (platform-apis.md §3).
    public static PlatformCapabilities TikTok { get; } = new(
        Platform.TikTok,
        createRefusal: "TikTok Shop's API cannot create coupons (only discount activities); create the coupon in TikTok Seller Center.",
        endVerb: "end",
        endable: new HashSet<CouponStatus>(),
        deletable: new HashSet<CouponStatus>(),
        deleteRefusal: "TikTok Shop's API cannot delete coupons; manage them in TikTok Seller Center.",
        editable: _ => CouponField.None,
        readOnlyReason: "TikTok Shop coupons are read-only through the API; change them in TikTok Seller Center.",
        reactivatable: new HashSet<CouponStatus>(),
        reactivateRefusal: null);

    // SHOPLINE price rules + discount codes: create, update (PUT), delete; "end" sets ends_at to now (platform-apis.md §4.1).
    public static PlatformCapabilities Shopline { get; } = new(
        Platform.Shopline,
        createRefusal: null,
        endVerb: "end",
        endable: new HashSet<CouponStatus> { CouponStatus.Upcoming, CouponStatus.Ongoing, CouponStatus.Paused },
        deletable: new HashSet<CouponStatus> { CouponStatus.Upcoming, CouponStatus.Ongoing, CouponStatus.Paused, CouponStatus.Ended, CouponStatus.Deactivated },
        deleteRefusal: null,
        editable: status => status is CouponStatus.Ended or CouponStatus.Deactivated ? CouponField.None : AllFields,
        readOnlyReason: null,
        reactivatable: new HashSet<CouponStatus>(),
        reactivateRefusal: "SHOPLINE price rules have no pause or re-activate: a rule runs between its starts_at and ends_at; renew or clone it as new instead.");
}
