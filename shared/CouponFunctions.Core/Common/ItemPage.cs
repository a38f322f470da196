namespace CouponFunctions.Core.Common;

/// <summary>One page of a listing; pass <see cref="Continuation"/> back for the next page (null on the last one).</summary>
public sealed record ItemPage<T>(IReadOnlyList<T> Items, string? Continuation);
