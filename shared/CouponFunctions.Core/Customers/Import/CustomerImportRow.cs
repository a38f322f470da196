using CouponFunctions.Core.Reports;

namespace CouponFunctions.Core.Customers.Import;

/// <summary>One data row of an import: the customer to upsert by external id, or why the row was refused.</summary>
/// <param name="Row">1-based number of the data row (the header is row 0), as a spreadsheet user counts them below the header.</param>
public sealed record CustomerImportRow(long Row, CustomerFields? Customer, FailureReportRow? Error)
{
    public bool IsOk => Customer is not null;
}

/// <summary>Settings of one import.</summary>
/// <param name="StoreSites">The tenant's stores and their sites (mobiles are checked for the store's country).</param>
/// <param name="DefaultStoreId">The store of every row that has no storeId column or cell.</param>
public sealed record CustomerImportOptions(IReadOnlyDictionary<Stores.StoreId, string> StoreSites, string? DefaultStoreId = null)
{
    public const int DefaultMaxRows = 1_000_000;

    public int MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>Longest cell read; a longer one (a runaway quote swallowing the file) stops the import.</summary>
    public int MaxFieldLength { get; init; } = 4096;
}
