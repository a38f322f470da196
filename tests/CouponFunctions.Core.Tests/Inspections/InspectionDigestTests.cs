using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class InspectionDigestTests
{
    private const string Evil = "<script>alert(1)</script> & \"Sale\"";
    private static readonly Uri Admin = new("https://admin.example.com/admin/");

    private static TrackedFinding Tracked(Finding finding, FindingState state, DateTimeOffset? firstSeen = null) =>
        new(finding, state, firstSeen ?? Now, state == FindingState.Resolved ? Now.AddHours(-6) : Now);

    private static IReadOnlyList<StoreFindings> Stores() =>
    [
        new(Store(name: "Acme TH"), Now,
        [
            Tracked(MakeFinding(FindingCodes.StockLow, "v-2", name: "Weekend deal"), FindingState.Ongoing, Now.AddDays(-1)),
            Tracked(MakeFinding(FindingCodes.ExpirySoon, "v-3", FindingSeverity.Info, name: "Info first?"), FindingState.New),
            Tracked(MakeFinding(FindingCodes.StockOut, "v-1", FindingSeverity.Critical, name: Evil) with { Message = $"'{Evil}' has run out." }, FindingState.New),
            Tracked(MakeFinding(FindingCodes.ExpiryToday, "v-4", name: "Flash sale"), FindingState.Resolved),
        ]),
        new(Store("Asia/Manila", site: "PH", id: "s-mnl", name: "Acme PH"), Now.AddHours(-1),
        [
            Tracked(MakeFinding(FindingCodes.SyncStale, null, store: "s-mnl"), FindingState.New),
        ]),
        new(Store("Asia/Kuala_Lumpur", site: "MY", id: "s-kul", name: "Zen MY"), Now, []),
    ];

    private static InspectionDigest Digest(IReadOnlyList<StoreFindings>? stores = null, int max = InspectionDigest.DefaultMaxListedPerSection) =>
        InspectionDigest.Build(Tenant, "Acme Trading", stores ?? Stores(), Admin, max);

    [Fact]
    public void Build_CountsOpenFindingsBySeverityAndChanges()
    {
        var digest = Digest();

        Assert.Equal((1, 2, 1), (digest.CriticalCount, digest.WarningCount, digest.InfoCount));
        Assert.Equal((3, 1, 1, 3), (digest.NewCount, digest.OngoingCount, digest.ResolvedCount, digest.StoreCount));
        Assert.True(digest.HasChanges);
        Assert.Equal("https://admin.example.com/admin/#/findings", digest.AdminLink.AbsoluteUri);
    }

    [Fact]
    public void Subject_WithChanges_GivesNewResolvedAndOpenCounts() =>
        Assert.Equal("Coupon inspection for Acme Trading: 3 new, 1 resolved; open: 1 critical, 2 warnings, 1 info", Digest().Subject);

    [Fact]
    public void Subject_NothingFound_SaysAllClear() =>
        Assert.Equal("Coupon inspection for Acme Trading: all clear", Digest([new(Store(), Now, [])]).Subject);

    [Fact]
    public void Subject_TenantNameWithLineBreaks_StaysOnOneLine()
    {
        var subject = InspectionDigest.Build(Tenant, "Acme\r\nBcc: evil@example.com", Stores(), Admin).Subject;

        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    [Fact]
    public void RenderText_ListsNewFirstThenStillOpenThenResolved()
    {
        var text = Digest().RenderText();

        var (newAt, openAt, resolvedAt) = (text.IndexOf("NEW SINCE THE LAST INSPECTION (3)"), text.IndexOf("STILL OPEN (1)"), text.IndexOf("RESOLVED SINCE THE LAST INSPECTION (1)"));
        Assert.True(newAt >= 0 && newAt < openAt && openAt < resolvedAt, text);
        Assert.True(text.IndexOf("Weekend deal") > openAt);
        Assert.True(text.IndexOf("Flash sale") > resolvedAt);
        Assert.Contains("https://admin.example.com/admin/#/findings", text);
        Assert.Contains("Nothing to report for: Zen MY", text);
    }

    [Fact]
    public void RenderText_GroupsByStoreByNameAndPutsCriticalFirst()
    {
        var text = Digest().RenderText();

        Assert.True(text.IndexOf("Acme PH - Shopee PH, inspected Sat 21 Nov 09:00 (Asia/Manila)") < text.IndexOf("Acme TH - Shopee TH, inspected Sat 21 Nov 09:00 (Asia/Bangkok)"), text);
        Assert.True(text.IndexOf("[Critical]") < text.IndexOf("[Info]"), text);
        Assert.Contains("  [Warning] whole store - sync.stale", text);
        Assert.Contains("[Warning] 'Weekend deal' (ACMEPAY10) - stock.low (open since Fri 20 Nov 09:00 (Asia/Bangkok))", text);
        Assert.Contains("(last seen Sat 21 Nov 03:00 (Asia/Bangkok))", text);
    }

    [Fact]
    public void RenderText_ResolvedFindings_HaveNoToDo()
    {
        var text = Digest([new(Store(), Now, [Tracked(MakeFinding(), FindingState.Resolved)])]).RenderText();

        Assert.DoesNotContain("To do:", text);
    }

    [Fact]
    public void RenderText_NameWithLineBreak_StaysOnItsLine()
    {
        var finding = MakeFinding(name: "Sale\nSTILL OPEN (99)") with { Message = "x\ny" };

        var text = Digest([new(Store(), Now, [Tracked(finding, FindingState.New)])]).RenderText();

        Assert.Contains("'Sale STILL OPEN (99)'", text);
        Assert.Contains("    x y\n", text);
    }

    [Fact]
    public void RenderHtml_EncodesEveryPlatformValue()
    {
        var html = Digest().RenderHtml();

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sale&quot;&#39; has run out.", html);
        Assert.Contains("<a href=\"https://admin.example.com/admin/#/findings\"", html);
    }

    [Fact]
    public void RenderHtml_ListsNewFirstAndUsesInlineStylesOnly()
    {
        var html = Digest().RenderHtml();

        Assert.True(html.IndexOf("New since the last inspection (3)") < html.IndexOf("Still open (1)"));
        Assert.True(html.IndexOf("Still open (1)") < html.IndexOf("Resolved since the last inspection (1)"));
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("class=", html);
        Assert.Contains("1 critical</span>", html);
    }

    [Fact]
    public void Build_MoreThanTheListLimit_SaysHowManyMore()
    {
        var many = Enumerable.Range(0, 5).Select(i => Tracked(MakeFinding(couponId: $"v-{i}"), FindingState.New)).ToList();

        var digest = Digest([new(Store(), Now, many)], max: 2);

        Assert.Equal(5, digest.NewCount);
        Assert.Contains("... and 3 more on the admin page.", digest.RenderText());
        Assert.Contains("… and 3 more on the admin page.", digest.RenderHtml());
        Assert.Equal(2, digest.RenderText().Split("[Warning]").Length - 1);
    }

    [Theory]
    [InlineData("ftp://admin.example.com/")]
    [InlineData("javascript:alert(1)")]
    public void Build_AdminLinkNotHttp_Throws(string url) =>
        Assert.Throws<ArgumentException>(() => InspectionDigest.Build(Tenant, "Acme", Stores(), new Uri(url)));
}
