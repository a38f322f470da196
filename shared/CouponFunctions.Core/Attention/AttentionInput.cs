using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Attention;

/// <summary>Everything the attention view is built from, for the stores the caller sees.</summary>
public sealed record AttentionInput(
    IReadOnlyList<Store> Stores,
    IReadOnlyList<SyncState> SyncStates,
    IReadOnlyList<StoreInspectionRun> LatestRuns,
    IReadOnlyList<FindingAcknowledgement> Acknowledgements,
    IReadOnlyList<CouponListRow> Coupons,
    IReadOnlyList<Job> Jobs,
    IReadOnlyList<SegmentSend> Sends);

/// <summary>The attention view: its lines worst first, and how many findings acknowledgements hide.</summary>
public sealed record AttentionList(IReadOnlyList<AttentionItem> Items, int AcknowledgedFindings);
