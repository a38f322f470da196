using System.Text.Json.Serialization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Deployments;

/// <summary>Whether an issue stops the deploy in that store or needs the operator's acknowledgement.</summary>
public enum IssueSeverity
{
    Blocking,
    Warning,
}

/// <summary>One thing the preview found: the field (draft or template path), a stable code, plain words with the numbers.</summary>
public sealed record PreviewIssue(string Field, string Code, string Message, IssueSeverity Severity);

/// <summary>Per store: ready to deploy, deployable once its warnings are acknowledged, or blocked.</summary>
public enum PreviewVerdict
{
    Ready,
    Warnings,
    Blocked,
}

/// <summary>The coupon exactly as one platform will receive it, with the store-local times and display money.</summary>
public sealed record DraftView
{
    public required string Name { get; init; }
    public string? Code { get; init; }
    public required CouponVisibility Visibility { get; init; }
    public required RewardType Reward { get; init; }
    public required string Currency { get; init; }
    public required int CurrencyDecimals { get; init; }

    /// <summary>"SGD 5.00 off", "10% off, up to THB 200".</summary>
    public required string DiscountText { get; init; }

    /// <summary>"SGD 50.00", or "none".</summary>
    public required string MinSpendText { get; init; }
    public required int TotalQuantity { get; init; }
    public int? PerBuyerLimit { get; init; }

    /// <summary>The start on the store's clock, with its offset (so DST days show the right one).</summary>
    public required DateTimeOffset LocalStart { get; init; }
    public required DateTimeOffset LocalEnd { get; init; }
    public required string TimeZoneId { get; init; }

    /// <summary>"2026-12-10 00:00 (UTC+08:00) Asia/Singapore".</summary>
    public required string StartText { get; init; }
    public required string EndText { get; init; }
    public string? CampaignTag { get; init; }
}

/// <summary>The preview of one template in one store; nothing is written.</summary>
public sealed record StorePreview
{
    public required StoreId StoreId { get; init; }
    public required string StoreName { get; init; }
    public required Platform Platform { get; init; }
    public required string Site { get; init; }

    /// <summary>What the connector's create receives; null when the template cannot be expressed for this store at all.</summary>
    public CouponDraft? Draft { get; init; }
    public DraftView? View { get; init; }
    public CouponVisibility Visibility { get; init; }
    public IReadOnlyList<PreviewIssue> Issues { get; init; } = [];

    /// <summary>Advice that needs no acknowledgement: the 24-hour buffer, amounts rounded, a local time moved by DST.</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<PreviewIssue> Blocking => Issues.Where(i => i.Severity == IssueSeverity.Blocking);

    [JsonIgnore]
    public IEnumerable<PreviewIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);

    public PreviewVerdict Verdict =>
        Draft is null || Blocking.Any() ? PreviewVerdict.Blocked : Warnings.Any() ? PreviewVerdict.Warnings : PreviewVerdict.Ready;

    /// <summary>Whether the deploy may create the coupon: ready, or warnings the operator acknowledged.</summary>
    public bool CanDeploy(bool warningsAcknowledged) =>
        Verdict == PreviewVerdict.Ready || (Verdict == PreviewVerdict.Warnings && warningsAcknowledged);
}

/// <summary>Counts per verdict over the stores of a preview.</summary>
public sealed record PreviewSummary(int Ready, int Warnings, int Blocked)
{
    public static PreviewSummary Of(IEnumerable<StorePreview> previews)
    {
        int ready = 0, warnings = 0, blocked = 0;
        foreach (var p in previews)
        {
            switch (p.Verdict)
            {
                case PreviewVerdict.Ready: ready++; break;
                case PreviewVerdict.Warnings: warnings++; break;
                default: blocked++; break;
            }
        }

        return new PreviewSummary(ready, warnings, blocked);
    }
}

/// <summary>The whole preview: one entry per store, in the order asked, and the summary.</summary>
public sealed record DeploymentPreview(IReadOnlyList<StorePreview> Stores, PreviewSummary Summary);
