using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers.Import;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>GET /api/customers/import/{importId}: status, rows read so far, counts, and the failure report's link (7 days).</summary>
internal sealed class GetImportFunction(CustomerImportHandler handler)
{
    [Function("GetCustomerImport")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/import/{importId}")] HttpRequest request, string importId, CancellationToken cancellationToken) =>
        (await handler.GetAsync(request.Caller(), importId, cancellationToken)).ToHttp(r => Results.Ok(ImportResponse.From(r.Import, r.Report)));
}

/// <summary>An import as the API shows it.</summary>
internal static class ImportResponse
{
    public static object From(CustomerImport i, Core.Sends.ReportDownload? report) => new
    {
        id = i.Id,
        status = i.Status.ToString().ToLowerInvariant(),
        rowsRead = i.RowsRead,
        created = i.Created,
        updated = i.Updated,
        unchanged = i.Unchanged,
        failed = i.Failed,
        error = i.Error,
        ignoredColumns = i.IgnoredColumns,
        // The first row errors, to show beside the report's link (the report has them all).
        firstErrors = (i.FirstErrors ?? []).Select(e => new { customerId = e.CustomerId, email = e.Email, mobile = e.Mobile, reason = e.Reason }),
        createdAt = i.CreatedAt,
        finishedAt = i.FinishedAt,
        report = report is null ? null : new
        {
            status = report.Access == Core.Reports.ReportAccess.Available ? "available" : "expired",
            expiresAt = report.ExpiresAt,
            url = report.Link?.AbsoluteUri,
        },
    };
}
