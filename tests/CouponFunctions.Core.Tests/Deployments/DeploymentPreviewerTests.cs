using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using static CouponFunctions.Core.Tests.Deployments.DeployTestData;

namespace CouponFunctions.Core.Tests.Deployments;

public sealed class DeploymentPreviewerTests
{
    private static StorePreview Preview(TemplateDefinition template, Store store, IReadOnlyCollection<Coupon>? coupons = null, DateTimeOffset? deployAt = null) =>
        DeploymentPreviewer.Default.Preview(template, "tpl-test", store, coupons ?? [], deployAt ?? Now);

    private static IReadOnlyList<string> Codes(StorePreview p, IssueSeverity severity) =>
        p.Issues.Where(i => i.Severity == severity).Select(i => i.Code).ToList();

    [Fact]
    public void Preview_ShopeeSingapore_ReadyWithTheDraftAsShopeeGetsIt()
    {
        var p = Preview(Template(), Store());

        Assert.Equal(PreviewVerdict.Ready, p.Verdict);
        Assert.Empty(p.Issues);
        Assert.Empty(p.Advice);
        var d = p.Draft!;
        Assert.Equal(StoreCodes.For("MD", "tpl-test", StoreId.Parse("s-shop1"), 3), d.Code);
        Assert.Equal((RewardType.Percentage, 10m, 20m, 50m), (d.Reward, d.Percentage!.Value, d.MaxDiscount!.Value, d.MinSpend));
        Assert.Equal((100, 1), (d.TotalQuantity, d.PerBuyerLimit!.Value));
        Assert.Equal((Now.AddHours(48), Now.AddHours(48).AddDays(7)), (d.ValidFrom, d.ValidTo));
        Assert.Equal("10% off, up to SGD 20.00", p.View!.DiscountText);
        Assert.Equal("SGD 50.00", p.View.MinSpendText);
        Assert.Equal("2026-03-04 10:00 (UTC+08:00) Asia/Singapore", p.View.StartText);
        Assert.Equal(TimeSpan.FromHours(8), p.View.LocalStart.Offset);
    }

    [Fact]
    public void Preview_LazadaPhilippinesOverSiteCap_Blocked()
    {
        var p = Preview(Template() with { Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 60m, null, Caps) }, Store(Platform.Lazada, "PH"));

        Assert.Equal(PreviewVerdict.Blocked, p.Verdict);
        var issue = Assert.Single(p.Blocking);
        Assert.Equal((RuleFields.Percentage, RuleCodes.OverSiteCap), (issue.Field, issue.Code));
        Assert.Contains("50%", issue.Message);
        Assert.Null(p.Draft!.Code);
    }

    [Fact]
    public void Preview_LazadaPhilippinesAtSiteCap_NotBlocked() =>
        Assert.DoesNotContain(RuleCodes.OverSiteCap, Codes(Preview(Template() with { Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 50m, null, Caps) }, Store(Platform.Lazada, "PH")), IssueSeverity.Blocking));

    [Fact]
    public void Preview_LazadaOverrideBelowCap_UsesTheOverride()
    {
        var template = Template() with
        {
            Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 60m, null, Caps),
            Overrides = new Dictionary<Platform, PlatformOverride> { [Platform.Lazada] = new() { Percentage = 50m } },
        };

        var p = Preview(template, Store(Platform.Lazada, "PH"));

        Assert.DoesNotContain(RuleCodes.OverSiteCap, Codes(p, IssueSeverity.Blocking));
        Assert.Equal(50m, p.Draft!.Percentage);
    }

    [Fact]
    public void Preview_TikTok_BlockedWithSellerCenterAdvice()
    {
        var p = Preview(Template() with { Code = new TemplateCode(CodeMode.Fixed, "MIDYEAR") }, Store(Platform.TikTok));

        Assert.Equal(PreviewVerdict.Blocked, p.Verdict);
        var issue = Assert.Single(p.Blocking);
        Assert.Equal(RuleCodes.CreateUnsupported, issue.Code);
        Assert.Contains("TikTok Seller Center", issue.Message);
    }

    [Fact]
    public void Preview_ShopeeCodeTooLong_BlockedCodeLength() =>
        Assert.Equal([RuleCodes.CodeLength], Codes(Preview(Template() with { Code = new TemplateCode(CodeMode.PrefixPerStore, "MIDY", 3) }, Store()), IssueSeverity.Blocking));

    [Fact]
    public void Preview_AbsoluteStartInThePast_BlockedStartInPast()
    {
        var template = Template() with { Validity = TemplateValidity.Absolute(new DateTime(2026, 3, 1, 0, 0, 0), new DateTime(2026, 3, 20, 0, 0, 0)) };

        Assert.Equal([RuleCodes.StartInPast], Codes(Preview(template, Store()), IssueSeverity.Blocking));
    }

    [Fact]
    public void Preview_ShopeeLongerThanThreeMonths_BlockedTooLong() =>
        Assert.Equal([RuleCodes.TooLong], Codes(Preview(Template() with { Validity = TemplateValidity.Relative(48, 100) }, Store()), IssueSeverity.Blocking));

    [Theory]
    [InlineData(StoreStatus.NeedsReauthorization, PreviewCodes.StoreNeedsReauthorization)]
    [InlineData(StoreStatus.Disabled, PreviewCodes.StoreDisabled)]
    public void Preview_StoreNotActive_Blocked(StoreStatus status, string code) =>
        Assert.Equal([code], Codes(Preview(Template(), Store(status: status)), IssueSeverity.Blocking));

    [Theory]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    public void Preview_ShopeeActiveVoucherLimit_BlocksAtOneThousand(int active, bool blocked)
    {
        var coupons = Enumerable.Range(0, active).Select(i => Coupon(id: $"v-{i}", code: $"C{i}")).ToList();

        Assert.Equal(blocked, Codes(Preview(Template(), Store(), coupons), IssueSeverity.Blocking).Contains(PreviewCodes.StoreTooManyActive));
    }

    [Fact]
    public void Preview_FixedAmountWithoutStoreCurrency_BlockedWithoutDraft()
    {
        var p = Preview(Fixed(5m, "SGD"), Store(Platform.Shopee, "TH"));

        Assert.Null(p.Draft);
        Assert.Equal(PreviewVerdict.Blocked, p.Verdict);
        var issue = Assert.Single(p.Blocking);
        Assert.Equal(("discount.amount.THB", PreviewCodes.AmountMissing), (issue.Field, issue.Code));
    }

    [Fact]
    public void Preview_FreeShipping_BlockedRewardUnsupported()
    {
        var p = Preview(Template() with { Discount = new TemplateDiscount(TemplateRewardKind.FreeShipping, null, null, null) }, Store());

        Assert.Equal([RuleCodes.RewardUnsupported], Codes(p, IssueSeverity.Blocking));
        Assert.Null(p.Draft);
    }

    [Fact]
    public void Preview_LazadaCodeOnly_BlockedVisibility() =>
        Assert.Equal([PreviewCodes.VisibilityUnsupported], Codes(Preview(Template() with { Visibility = CouponVisibility.CodeOnly }, Store(Platform.Lazada, "PH")), IssueSeverity.Blocking));

    [Fact]
    public void Preview_LazadaPublic_Ready() => Assert.Equal(PreviewVerdict.Ready, Preview(Template(), Store(Platform.Lazada, "PH")).Verdict);

    [Theory]
    [InlineData(CouponVisibility.Public, PreviewVerdict.Warnings)]
    [InlineData(CouponVisibility.CodeOnly, PreviewVerdict.Ready)]
    public void Preview_ShoplineVisibility_WarnsOnlyForPublic(CouponVisibility visibility, PreviewVerdict verdict) =>
        Assert.Equal(verdict, Preview(Template() with { Visibility = visibility }, Store(Platform.Shopline)).Verdict);

    [Fact]
    public void Preview_AmountsWithMoreDecimalsThanTheSite_RoundedWithAdvice()
    {
        // Shopee Thailand takes whole baht.
        var template = Template() with { Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 10m, null, new Dictionary<string, decimal> { ["THB"] = 199.5m }) };

        var p = Preview(template, Store(Platform.Shopee, "TH"));

        Assert.Equal(200m, p.Draft!.MaxDiscount);
        Assert.Contains(p.Advice, a => a.Contains("199.5") && a.Contains("THB 200"));
        Assert.Equal(PreviewVerdict.Ready, p.Verdict);
    }

    [Fact]
    public void Preview_WholeAmounts_NoRoundingAdvice() => Assert.Empty(Preview(Template(), Store(Platform.Shopee, "TH")).Advice);

    [Fact]
    public void Preview_FixedWithoutMinSpend_WarnsLossRisk()
    {
        var p = Preview(Fixed(5m, minSpend: null), Store());

        Assert.Equal(PreviewVerdict.Warnings, p.Verdict);
        Assert.Equal([RuleCodes.ThresholdLossRisk], Codes(p, IssueSeverity.Warning));
    }

    [Fact]
    public void Preview_UnreachableThreshold_Warns() =>
        Assert.Equal([RuleCodes.ThresholdUnreachable], Codes(Preview(Fixed(1m, minSpend: 50m) with { Visibility = CouponVisibility.CodeOnly }, Store(Platform.Shopline)), IssueSeverity.Warning));

    [Theory]
    [InlineData(70, true)]
    [InlineData(69, false)]
    public void Preview_DeepPercentage_WarnsAtSeventy(int percentage, bool warns)
    {
        var template = Template() with { Discount = new TemplateDiscount(TemplateRewardKind.Percentage, percentage, null, Caps), Visibility = CouponVisibility.CodeOnly };

        Assert.Equal(warns, Codes(Preview(template, Store(Platform.Shopline)), IssueSeverity.Warning).Contains(PreviewCodes.DeepDiscount));
    }

    [Fact]
    public void Preview_EndsWithinADay_Warns()
    {
        var template = Template() with { Validity = TemplateValidity.Absolute(new DateTime(2026, 3, 2, 12, 0, 0), new DateTime(2026, 3, 3, 9, 0, 0)) };

        var p = Preview(template, Store());

        Assert.Equal([PreviewCodes.EndsWithin24Hours], Codes(p, IssueSeverity.Warning));
        Assert.Contains(p.Advice, a => a.Contains("buffer of 24 hours"));
    }

    [Fact]
    public void Preview_ShorterBufferOption_AdvisesOnlyWithinIt()
    {
        var previewer = new DeploymentPreviewer(CouponRuleValidator.Default, new DeploymentPreviewOptions { StartBuffer = TimeSpan.FromHours(2) });

        Assert.Empty(previewer.Preview(Template() with { Validity = TemplateValidity.Relative(3, 7) }, "tpl-test", Store(), [], Now).Advice);
        Assert.Contains("buffer of 2 hours", Assert.Single(previewer.Preview(Template() with { Validity = TemplateValidity.Relative(1, 7) }, "tpl-test", Store(), [], Now).Advice));
    }

    [Fact]
    public void Preview_EndsAfterADay_NoWarning() =>
        Assert.Empty(Codes(Preview(Template() with { Validity = TemplateValidity.Relative(0, 1) }, Store()), IssueSeverity.Warning));

    [Theory]
    [InlineData(0, true)]
    [InlineData(23, true)]
    [InlineData(24, false)]
    public void Preview_StartSoonerThanADay_AdvisesBuffer(int hours, bool advised) =>
        Assert.Equal(advised, Preview(Template() with { Validity = TemplateValidity.Relative(hours, 7) }, Store()).Advice.Any(a => a.Contains("buffer of 24 hours")));

    [Fact]
    public void Preview_LiveCouponWithTheSameCode_WarnsDuplicate()
    {
        var code = StoreCodes.For("MD", "tpl-test", StoreId.Parse("s-shop1"), 3);

        var p = Preview(Template(), Store(), [Coupon(code: code.ToLowerInvariant())]);

        var issue = Assert.Single(p.Warnings);
        Assert.Equal((RuleFields.Code, PreviewCodes.DuplicateCode), (issue.Field, issue.Code));
        Assert.Contains("v-1", issue.Message);
    }

    [Fact]
    public void Preview_EndedCouponWithTheSameCode_NoWarning()
    {
        var code = StoreCodes.For("MD", "tpl-test", StoreId.Parse("s-shop1"), 3);

        Assert.Empty(Preview(Template(), Store(), [Coupon(status: CouponStatus.Ended, code: code)]).Issues);
    }

    [Fact]
    public void Preview_CapAndMinSpendNotGivenInTheStoreCurrency_Warns()
    {
        var template = Template() with
        {
            Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 10m, null, new Dictionary<string, decimal> { ["SGD"] = 20m }),
            MinSpend = new Dictionary<string, decimal> { ["SGD"] = 50m },
        };

        var p = Preview(template, Store(Platform.Lazada, "PH"));

        Assert.Equal([RuleCodes.ThresholdLossRisk, PreviewCodes.CapMissing, PreviewCodes.MinSpendMissing], Codes(p, IssueSeverity.Warning).Order(StringComparer.Ordinal));
        Assert.Equal((null, 0m), (p.Draft!.MaxDiscount, p.Draft.MinSpend));
    }

    [Fact]
    public void Preview_AbsoluteTimes_AppliedOnEachStoreClock()
    {
        var template = Template() with { Validity = TemplateValidity.Absolute(new DateTime(2026, 3, 10, 0, 0, 0), new DateTime(2026, 3, 16, 23, 59, 59)) };

        var sg = Preview(template, Store()).Draft!;
        var th = Preview(template, Store(Platform.Shopee, "TH")).Draft!;

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero), sg.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.Zero), th.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 15, 59, 59, TimeSpan.Zero), sg.ValidTo);
    }

    [Fact]
    public void Preview_HalfHourZone_ShowsItsOffset()
    {
        var template = Template() with { Validity = TemplateValidity.Absolute(new DateTime(2026, 3, 10, 0, 0, 0), new DateTime(2026, 3, 16, 0, 0, 0)) };

        var p = Preview(template, Store(Platform.Shopline, zone: "Asia/Kolkata"));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 18, 30, 0, TimeSpan.Zero), p.Draft!.ValidFrom);
        Assert.Equal("2026-03-10 00:00 (UTC+05:30) Asia/Kolkata", p.View!.StartText);
    }

    [Fact]
    public void Preview_LocalTimeInTheSpringGap_MovedLaterWithAdvice()
    {
        // London skips 01:00–02:00 on 2026-03-29; the end straddles the change, so the offsets differ.
        var template = Template() with { Validity = TemplateValidity.Absolute(new DateTime(2026, 3, 29, 1, 30, 0), new DateTime(2026, 4, 5, 1, 30, 0)) };

        var p = Preview(template, Store(Platform.Shopline, "GB"));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), p.Draft!.ValidFrom);
        Assert.Equal("2026-03-29 02:30 (UTC+01:00) Europe/London", p.View!.StartText);
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 0, 30, 0, TimeSpan.Zero), p.Draft.ValidTo);
        Assert.Contains(p.Advice, a => a.Contains("does not exist"));
    }

    [Fact]
    public void Preview_DisplayNamePattern_RenderedPerStore() =>
        Assert.Equal("Mid-year – SG Shop (shopee)", Preview(Template() with { DisplayNamePattern = "{name} – {store} ({platform})" }, Store()).Draft!.Name);

    [Fact]
    public void Preview_ProductScopeWithoutThisStore_BlockedProductsRequired()
    {
        var template = Template() with { Scope = TemplateScope.Products(new Dictionary<StoreId, IReadOnlyList<string>> { [StoreId.Parse("s-other")] = ["1"] }) };

        Assert.Equal([RuleCodes.ProductsRequired], Codes(Preview(template, Store()), IssueSeverity.Blocking));
    }

    [Fact]
    public void Preview_ProductScopeWithThisStore_SendsItsProducts()
    {
        var template = Template() with { Scope = TemplateScope.Products(new Dictionary<StoreId, IReadOnlyList<string>> { [StoreId.Parse("s-shop1")] = ["11", "12"] }) };

        var d = Preview(template, Store()).Draft!;

        Assert.Equal(CouponScope.Product, d.Scope);
        Assert.Equal(["11", "12"], d.ProductIds);
    }

    [Fact]
    public void PreviewAll_MixedStores_SummarisesVerdicts()
    {
        var stores = new (Store, IReadOnlyCollection<Coupon>)[]
        {
            (Store(), []), (Store(Platform.Lazada, "PH", "s-laz1"), []), (Store(Platform.Shopline, "SG", "s-sl1"), []), (Store(Platform.TikTok, "SG", "s-tt1"), []),
        };

        var preview = DeploymentPreviewer.Default.PreviewAll(Template(), "tpl-test", stores, Now);

        Assert.Equal(new PreviewSummary(2, 1, 1), preview.Summary);
        Assert.Equal(["s-shop1", "s-laz1", "s-sl1", "s-tt1"], preview.Stores.Select(s => s.StoreId.Value));
    }

    [Theory]
    [InlineData(PreviewVerdict.Ready, false, true)]
    [InlineData(PreviewVerdict.Warnings, false, false)]
    [InlineData(PreviewVerdict.Warnings, true, true)]
    [InlineData(PreviewVerdict.Blocked, true, false)]
    public void CanDeploy_Verdict_NeedsAcknowledgementForWarnings(PreviewVerdict verdict, bool acknowledged, bool expected)
    {
        var store = verdict switch
        {
            PreviewVerdict.Ready => Store(),
            PreviewVerdict.Warnings => Store(Platform.Shopline),
            _ => Store(Platform.TikTok),
        };

        var p = Preview(Template(), store);

        Assert.Equal(verdict, p.Verdict);
        Assert.Equal(expected, p.CanDeploy(acknowledged));
    }
}
