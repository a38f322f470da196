using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Tests.BulkActions;

public sealed class BulkActionInputTests
{
    private static IReadOnlyCollection<string> Fields(BulkActionInput input)
    {
        var result = input.Validate();
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        return result.Errors!.Keys;
    }

    [Fact]
    public void Validate_RenewByDays_Ok() =>
        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.Renew, ExtendDays = 7 }, new BulkActionInput { Kind = "renew", ExtendDays = 7 }.Validate().Value);

    [Fact]
    public void Validate_RenewToDate_ParsesLocalDate() =>
        Assert.Equal(new DateOnly(2026, 3, 31), new BulkActionInput { Kind = "renew", EndDate = "2026-03-31" }.Validate().Value!.EndDate);

    [Theory]
    [InlineData(null, null, "extendDays")]
    [InlineData(7, "2026-03-31", "extendDays")]
    [InlineData(0, null, "extendDays")]
    [InlineData(null, "31/03/2026", "endDate")]
    public void Validate_BadRenew_NamesField(int? days, string? date, string field) =>
        Assert.Equal([field], Fields(new BulkActionInput { Kind = "renew", ExtendDays = days, EndDate = date }));

    [Fact]
    public void Validate_UnknownKind_ReportsKind() => Assert.Equal(["kind"], Fields(new BulkActionInput { Kind = "archive" }));

    [Theory]
    [InlineData(null, null, "addQuantity")]
    [InlineData(0, null, "addQuantity")]
    [InlineData(null, 0, "setQuantity")]
    public void Validate_BadReplenish_NamesField(int? add, int? set, string field) =>
        Assert.Equal([field], Fields(new BulkActionInput { Kind = "replenish", AddQuantity = add, SetQuantity = set }));

    [Fact]
    public void Validate_ModifyNothing_ReportsBody() => Assert.Equal(["body"], Fields(new BulkActionInput { Kind = "modify" }));

    [Fact]
    public void Validate_ModifyBadValues_NamesEach() =>
        Assert.Equal(["discountAmount", "maxDiscount", "minSpend", "name", "percentage"], Fields(new BulkActionInput
        {
            Kind = "modify", Name = "x\u202E", MinSpend = -1m, Percentage = 0m, DiscountAmount = 0m, MaxDiscount = -1m,
        }).Order(StringComparer.Ordinal));

    [Fact]
    public void Validate_CloneBadCode_ReportsCode() => Assert.Equal(["code"], Fields(new BulkActionInput { Kind = "cloneAsNew", Code = "NEW-1" }));

    [Theory]
    [InlineData("endNow", BulkActionKind.EndNow)]
    [InlineData("delete", BulkActionKind.Delete)]
    [InlineData("deactivate", BulkActionKind.Deactivate)]
    [InlineData("reactivate", BulkActionKind.Reactivate)]
    public void Validate_KindsWithoutParameters_Ok(string kind, BulkActionKind expected) =>
        Assert.Equal(expected, new BulkActionInput { Kind = kind }.Validate().Value!.Kind);

    [Fact]
    public void From_Request_RoundTrips()
    {
        var request = new BulkActionRequest { Kind = BulkActionKind.Renew, EndDate = new DateOnly(2026, 3, 31) };

        Assert.Equal(request, BulkActionInput.From(request).Validate().Value);
    }

    [Fact]
    public void Validate_CloneWithDaysAndSuffix_Ok() =>
        Assert.Equal(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, StartDate = new DateOnly(2026, 3, 5), EndDate = new DateOnly(2026, 3, 10), CodeSuffix = "B2" },
            new BulkActionInput { Kind = "cloneAsNew", StartDate = "2026-03-05", EndDate = "2026-03-10", CodeSuffix = "b2" }.Validate().Value);

    [Theory]
    [InlineData(2, "2026-03-05", null, null, null, null, "startDate")]
    [InlineData(null, "5 March", null, null, null, null, "startDate")]
    [InlineData(null, null, 3, "2026-03-10", null, null, "endDate")]
    [InlineData(null, "2026-03-05", null, "2026-03-04", null, null, "endDate")]
    [InlineData(null, null, null, null, "NEW1", "B", "codeSuffix")]
    [InlineData(null, null, null, null, null, "B-2", "codeSuffix")]
    [InlineData(null, null, null, null, null, "ABCDEFGHI", "codeSuffix")]
    public void Validate_BadClone_NamesField(int? hours, string? start, int? days, string? end, string? code, string? suffix, string field) =>
        Assert.Equal([field], Fields(new BulkActionInput { Kind = "cloneAsNew", StartAfterHours = hours, StartDate = start, DurationDays = days, EndDate = end, Code = code, CodeSuffix = suffix }));
}
