using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class InspectionSlotsTests
{
    private static readonly TimeOnly[] Default = [new(9, 0), new(15, 0)];
    private static readonly TimeZoneInfo BangkokZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void LatestDue_AtTheSlotTime_ReturnsTodaysSlotWithItsKeyAndUtcInstant()
    {
        var slot = InspectionSlots.LatestDue(BangkokZone, Default, Now)!;

        Assert.Equal("2026-11-21T09:00", slot.Key);
        Assert.Equal(new DateOnly(2026, 11, 21), slot.LocalDate);
        Assert.Equal(new TimeOnly(9, 0), slot.Slot);
        Assert.Equal(Now, slot.DueAt);
        Assert.Equal(TimeSpan.Zero, slot.DueAt.Offset);
    }

    [Fact]
    public void LatestDue_OneSecondBeforeTheFirstSlot_ReturnsYesterdaysLastSlot() =>
        Assert.Equal("2026-11-20T15:00", InspectionSlots.LatestDue(BangkokZone, Default, Now.AddSeconds(-1))!.Key);

    [Fact]
    public void LatestDue_BangkokAt0030WhenUtcIsStillYesterday_UsesTheLocalDate()
    {
        var now = Local("Asia/Bangkok", 2026, 11, 22, 0, 30); // 17:30Z on the 21st

        Assert.Equal("2026-11-21T15:00", InspectionSlots.LatestDue(BangkokZone, Default, now)!.Key);
        Assert.Equal("2026-11-22T09:00", InspectionSlots.Next(BangkokZone, Default, now)!.Key);
    }

    [Fact]
    public void LatestDue_LosAngelesAt2330WhenUtcIsTheNextDay_ReturnsTheLocalDaysSlot() =>
        Assert.Equal("2026-11-21T15:00", InspectionSlots.LatestDue(LosAngeles, Default, Local("America/Los_Angeles", 2026, 11, 21, 23, 30))!.Key);

    [Fact]
    public void LatestDue_UnsortedSlots_StillReturnsTheLatest() =>
        Assert.Equal("2026-11-21T15:00", InspectionSlots.LatestDue(BangkokZone, [new(15, 0), new(9, 0)], Now.AddHours(7))!.Key);

    [Fact]
    public void LatestDue_NoSlots_ReturnsNull() => Assert.Null(InspectionSlots.LatestDue(BangkokZone, [], Now));

    [Fact]
    public void LatestDue_SpringForwardSkippedSlot_FallsDueLaterByTheJump()
    {
        // 8 Mar 2026 in Los Angeles: 02:00 PST jumps to 03:00 PDT, so 02:30 never shows on the clock.
        TimeOnly[] slots = [new(2, 30)];
        var dueAt = Local("America/Los_Angeles", 2026, 3, 8, 3, 30);

        Assert.Equal("2026-03-07T02:30", InspectionSlots.LatestDue(LosAngeles, slots, dueAt.AddSeconds(-1))!.Key);
        var slot = InspectionSlots.LatestDue(LosAngeles, slots, dueAt)!;
        Assert.Equal(("2026-03-08T02:30", dueAt), (slot.Key, slot.DueAt));
    }

    [Fact]
    public void LatestDue_FallBackRepeatedSlot_IsDueAtItsFirstOccurrenceOnly()
    {
        // 1 Nov 2026 in Los Angeles: 02:00 PDT falls back to 01:00 PST, so 01:30 shows twice.
        TimeOnly[] slots = [new(1, 30)];
        var first = new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero); // 01:30 PDT
        var second = first.AddHours(1); // 01:30 PST

        Assert.Equal(first, InspectionSlots.LatestDue(LosAngeles, slots, first)!.DueAt);
        Assert.Equal(first, InspectionSlots.LatestDue(LosAngeles, slots, second.AddMinutes(5))!.DueAt);
        Assert.Null(InspectionSlots.Pending(LosAngeles, slots, second.AddMinutes(5), lastInspectedAt: first.AddMinutes(1)));
    }

    [Fact]
    public void Pending_NotInspectedSinceTheSlot_ReturnsIt() =>
        Assert.Equal("2026-11-21T09:00", InspectionSlots.Pending(BangkokZone, Default, Now.AddMinutes(5), Now.AddHours(-18))?.Key);

    [Fact]
    public void Pending_InspectedAfterTheSlot_ReturnsNull() =>
        Assert.Null(InspectionSlots.Pending(BangkokZone, Default, Now.AddMinutes(10), Now.AddMinutes(1)));

    [Fact]
    public void Pending_NeverInspected_ReturnsTheLatestDue() =>
        Assert.Equal("2026-11-20T15:00", InspectionSlots.Pending(BangkokZone, Default, Now.AddHours(-1), null)?.Key);

    [Fact]
    public void Pending_AfterTwoDaysDown_ReturnsOnlyTheLatestSlot() =>
        Assert.Equal("2026-11-21T09:00", InspectionSlots.Pending(BangkokZone, Default, Now.AddHours(1), Now.AddDays(-2))?.Key);

    [Fact]
    public void Next_BeforeAndAfterTheLastSlot_ReturnsTodayThenTomorrow()
    {
        Assert.Equal("2026-11-21T15:00", InspectionSlots.Next(BangkokZone, Default, Now)!.Key);
        Assert.Equal("2026-11-22T09:00", InspectionSlots.Next(BangkokZone, Default, Now.AddHours(6))!.Key);
    }

    public static TheoryData<string, int, int, string> Planners => new()
    {
        { "Asia/Bangkok", 11, 19, "09:00 15:00" },
        { "Asia/Manila", 11, 19, "09:00 15:00" },
        { "America/Los_Angeles", 3, 6, "02:30 09:00 15:00" }, // 02:30 is skipped on 8 Mar
        { "America/Los_Angeles", 10, 30, "01:30 09:00 15:00" }, // 01:30 shows twice on 1 Nov
        { "Europe/London", 3, 27, "01:30 09:00 15:00" }, // 01:30 is skipped on 29 Mar
        { "Europe/London", 10, 23, "01:30 09:00 15:00" }, // 01:30 shows twice on 25 Oct
    };

    [Theory]
    [MemberData(nameof(Planners))]
    public void Pending_TimerEveryFiveMinutesAcrossADaylightSavingDay_RunsEachSlotOnceWithoutSkipping(string zoneId, int month, int day, string slotList)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var slots = slotList.Split(' ').Select(t => TimeOnly.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var start = new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset? last = null;
        var runs = new List<InspectionSlot>();

        for (var now = start; now < start.AddDays(4); now = now.AddMinutes(5))
        {
            if (InspectionSlots.Pending(zone, slots, now, last) is not { } slot) continue;
            Assert.True(last is null || now - slot.DueAt < TimeSpan.FromMinutes(5), $"{slot} ran late at {now:u}");
            runs.Add(slot);
            last = now;
        }

        // The first run catches up the slot that was due when the timer started; every later one runs on time.
        var keys = runs.Skip(1).Select(r => r.Key).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var (firstDay, lastDay) = (keys[0][..10], keys[^1][..10]);
        var fullDays = keys.GroupBy(k => k[..10]).Where(g => string.CompareOrdinal(g.Key, firstDay) > 0 && string.CompareOrdinal(g.Key, lastDay) < 0).ToList();
        Assert.Equal(2, fullDays.Count);
        Assert.All(fullDays, g => Assert.Equal(slots.Length, g.Count()));
        Assert.All(runs.Skip(1).Where(r => r.Slot != slots[0]),
            r => Assert.Equal(r.Slot, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.DueAt, zone).DateTime)));
    }

    [Fact]
    public void Pending_SkippedSlotLandingOnAnotherSlot_RunsOnceForBoth()
    {
        // 29 Mar 2026 in London: 01:30 is skipped and moves to 02:30 BST, the instant of the 02:30 slot.
        TimeOnly[] slots = [new(1, 30), new(2, 30)];
        var dueAt = Local("Europe/London", 2026, 3, 29, 2, 30);

        var slot = InspectionSlots.Pending(London, slots, dueAt, lastInspectedAt: dueAt.AddHours(-2))!;

        Assert.Equal(dueAt, slot.DueAt);
        Assert.Null(InspectionSlots.Pending(London, slots, dueAt.AddMinutes(5), lastInspectedAt: dueAt));
    }
}
