using CouponFunctions.Core.Alerts;

namespace CouponFunctions.Core.Tests.Alerts;

public sealed class AlertSettingsInputTests
{
    [Fact]
    public void Apply_ValidChanges_KeepsWhatWasNotSent()
    {
        var result = new AlertSettingsInput(["ops@example.com"], ["15:00", "09:30"], null, 5, null, null).Apply(AlertSettings.Default);

        Assert.True(result.IsOk);
        Assert.Equal(["ops@example.com"], result.Value.Recipients);
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(15, 0)], result.Value.Inspection.Slots);
        Assert.Equal(5, result.Value.Inspection.LowStockCount);
        Assert.Equal(AlertSettings.Default.Inspection.LowStockPercent, result.Value.Inspection.LowStockPercent);
    }

    [Fact]
    public void Apply_BadFields_NamesEachOne()
    {
        var result = new AlertSettingsInput(["ops@example.com", "not an address"], ["9am"], 150, -1, 99, -2).Apply(AlertSettings.Default);

        Assert.False(result.IsOk);
        Assert.Equal(["expiryWindowDays", "lowStockCount", "lowStockPercent", "recipients[1]", "slots", "slots[0]", "staleSyncHours"], result.Errors!.Keys.Order());
    }

    [Fact]
    public void Apply_SameSlotTwice_IsRefused()
    {
        var result = new AlertSettingsInput(null, ["09:00", "09:00"], null, null, null, null).Apply(AlertSettings.Default);

        Assert.True(result.Errors!.ContainsKey("slots"));
    }
}
