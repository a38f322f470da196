namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>One page of the coupon list.</summary>
/// <param name="Items">The rows of this page, in the query's order.</param>
/// <param name="ContinuationToken">Pass it back as <c>continuation</c> for the next page; null on the last page.</param>
/// <param name="TotalMatched">How many visible rows match the filter in all pages (as of this request).</param>
public sealed record CouponListPage(IReadOnlyList<CouponListRow> Items, string? ContinuationToken, int TotalMatched);
