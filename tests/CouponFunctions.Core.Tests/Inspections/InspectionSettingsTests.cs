using CouponFunctions.Core.Inspections;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class InspectionSettingsTests
{
    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var s = InspectionSettings.Default;

        Assert.Equal((10m, 20, 3), (s.LowStockPercent, s.LowStockCount, s.ExpiryWindowDays));
        Assert.Equal((TimeSpan.FromHours(2), 3, TimeSpan.FromMinutes(30)), (s.StaleSyncAge, s.FailingSyncCount, s.StatusGrace));
        Assert.Equal(new[] { new TimeOnly(9, 0), new TimeOnly(15, 0) }, s.Slots);
        Assert.True(s.Validate().IsEmpty);
    }

    [Fact]
    public void Validate_OutOfRangeValues_NamesEachField()
    {
        var settings = new InspectionSettings
        {
            LowStockPercent = 101m,
            LowStockCount = -1,
            ExpiryWindowDays = 61,
            StaleSyncAge = TimeSpan.FromMinutes(1),
            FailingSyncCount = 0,
            HighRedemptionPercent = -5m,
            Slots = [],
        };

        var errors = settings.Validate();

        Assert.Equal(
            new[] { "expiryWindowDays", "failingSyncCount", "highRedemptionPercent", "lowStockCount", "lowStockPercent", "slots", "staleSyncAge" },
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_RepeatedSlot_IsRejected() =>
        Assert.True(new InspectionSettings { Slots = [new(9, 0), new(9, 0)] }.Validate().ContainsKey("slots"));

    [Fact]
    public void Validate_SlotWithSeconds_IsRejected() =>
        Assert.Equal(["Inspection slots are whole minutes (HH:mm)."], new InspectionSettings { Slots = [new(9, 0, 30)] }.Validate()["slots"]);

    [Fact]
    public void Validate_ThresholdsTurnedOff_IsAccepted() =>
        Assert.True(new InspectionSettings { LowStockPercent = null, LowStockCount = null }.Validate().IsEmpty);
}
