using System.Globalization;
using CouponFunctions.App.Auth;
using CouponFunctions.Core.Performance;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Performance;

/// <summary>
/// GET /api/performance/daily?from=2026-11-01&amp;to=2026-11-30&amp;groupBy=store|platform|site|campaign[&amp;format=csv[&amp;table=summary]]: claims, uses,
/// redemption rate, discount given and implied minimum order value per day and group, money in the reporting currency. The JSON
/// has the period's <c>dates</c> and one <c>series</c> per group with an array per figure over those dates (null on a day without
/// figures), and the period's <c>summary</c> per group; the CSV has one line per group and day.
/// The period defaults to the 30 days up to tomorrow (UTC dates; store days are store-local) and covers at most a year.
/// </summary>
internal sealed class GetDailyPerformanceFunction(GetPerformanceHandler handler, TimeProvider time)
{
    private static readonly Dictionary<string, PerformanceGrouping> Groupings = new(StringComparer.Ordinal)
    {
        ["store"] = PerformanceGrouping.Store, ["platform"] = PerformanceGrouping.Platform, ["site"] = PerformanceGrouping.Site,
        ["campaign"] = PerformanceGrouping.Campaign,
    };

    [Function("GetDailyPerformance")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "performance/daily")] HttpRequest request, CancellationToken cancellationToken)
    {
        // Tomorrow in UTC: stores east of UTC are already on the next day.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
        if (!TryDate(request, "to", today, out var to)) return ApiResults.BadField("to", "A date as yyyy-MM-dd.");
        if (!TryDate(request, "from", to.AddDays(-29), out var from)) return ApiResults.BadField("from", "A date as yyyy-MM-dd.");
        if (from > to || to.DayNumber - from.DayNumber >= GetPerformanceHandler.MaxDays)
            return ApiResults.BadField("from", $"From must be on or before to, and the period at most {GetPerformanceHandler.MaxDays} days.");
        var groupText = request.Query["groupBy"].ToString();
        var groupBy = PerformanceGrouping.Store;
        if (groupText.Length > 0 && !Groupings.TryGetValue(groupText, out groupBy)) return ApiResults.BadField("groupBy", "One of store, platform, site, campaign.");
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv")) return ApiResults.BadField("format", "json or csv.");
        var table = request.Query["table"].ToString();
        if (table is not ("" or "days" or "summary")) return ApiResults.BadField("table", "days (per day, the default) or summary (per group over the period), for format=csv.");

        var report = await handler.DailyAsync(request.Caller(), from, to, groupBy, cancellationToken);
        if (format == "csv" && table == "summary")
            return Results.File(PerformanceCsv.Bytes(PerformanceCsv.Summary(report)), "text/csv; charset=utf-8", $"performance-{from:yyyyMMdd}-{to:yyyyMMdd}-{groupText}-summary.csv");
        if (format == "csv")
            return Results.File(PerformanceCsv.Bytes(PerformanceCsv.Daily(report)), "text/csv; charset=utf-8", $"performance-{from:yyyyMMdd}-{to:yyyyMMdd}-{groupText}.csv");
        return Results.Ok(new
        {
            from = report.From,
            to = report.To,
            groupBy = report.GroupBy,
            currency = report.Currency,
            missingRates = report.MissingRates,
            dates = report.Dates(),
            series = report.Series(),
            summary = report.Summary,
        });
    }

    private static bool TryDate(HttpRequest request, string name, DateOnly fallback, out DateOnly value)
    {
        var text = request.Query[name].ToString();
        value = fallback;
        return text.Length == 0 || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
