using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.Shopline;

public sealed class ShoplineClientWriteTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShoplineTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task CreateCouponAsync_FixedShopDiscount_CreatesRuleAndCodeAndReadsThemBack()
    {
        var draft = _bed.Draft("WELCOME10");

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var rule = Assert.Single(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA));
        Assert.Equal(("Draft WELCOME10", "fixed_amount", 10m, 60m, 100, "all"), (rule.Title, rule.ValueType, rule.Value, rule.MinSubtotal!.Value, rule.UsageLimit!.Value, rule.TargetSelection));
        Assert.Equal(("WELCOME10", rule.Id), (Assert.Single(_bed.Sandbox.DiscountCodes(ShoplineTestBed.StoreA, rule.Id)).Code, result.Value.PlatformCouponId));
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(draft.ValidFrom.ToUnixTimeSeconds()), CouponStatus.Upcoming, 10m, "WELCOME10"),
            (result.Value.ValidFrom, result.Value.Status, result.Value.DiscountAmount!.Value, result.Value.Code));
    }

    [Fact]
    public async Task CreateCouponAsync_PercentageProductDiscountOncePerBuyer_SendsEntitlements()
    {
        var draft = _bed.Draft("VIP15") with { Scope = CouponScope.Product, Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 15, PerBuyerLimit = 1, ProductIds = ["9001", "9002"] };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var rule = Assert.Single(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA));
        Assert.Equal(("percentage", 15m, "entitled", true), (rule.ValueType, rule.Value, rule.TargetSelection, rule.OncePerCustomer));
        Assert.Equal((CouponScope.Product, 15m, 1), (result.Value.Scope, result.Value.Percentage!.Value, result.Value.PerBuyerLimit!.Value));
        Assert.Equal(["9001", "9002"], result.Value.ProductIds);
    }

    [Fact]
    public async Task CreateCouponAsync_CodeAlreadyTaken_RejectedAndTheNewRuleDeletedAgain()
    {
        var existing = _bed.SeedOngoing("TAKEN");

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), _bed.Draft("taken"));

        Assert.Equal((PlatformErrorKind.Rejected, 422), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.Contains("must be unique", result.Error.Message);
        Assert.Contains("deleted again", result.Error.Message);
        Assert.Equal(existing.Id, Assert.Single(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA)).Id);
    }

    [Theory]
    [InlineData("percentage", 150, "value")]
    [InlineData("fixed", 10.5, "value")]
    public async Task CreateCouponAsync_BreaksASandboxRule_RejectedNamingTheFieldAndNothingStored(string kind, double value, string field)
    {
        var draft = kind == "percentage"
            ? _bed.Draft("BAD1") with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = (decimal)value }
            : _bed.Draft("BAD1") with { DiscountAmount = (decimal)value, MinSpend = 0 };

        // Store B sells in TWD, which has no decimals.
        var result = await _bed.Client().CreateCouponAsync(_bed.Store(ShoplineTestBed.StoreB), draft);

        Assert.Equal((PlatformErrorKind.Rejected, 422), (result.Error!.Kind, result.Error.HttpStatus));
        Assert.StartsWith(field + ":", result.Error.Message);
        Assert.Empty(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreB));
        Assert.Contains(_bed.Recorder.Failures, f => f.Operation == "sales/price_rules.create");
    }

    [Theory]
    [InlineData("cap")]
    [InlineData("per-buyer")]
    [InlineData("coins")]
    public async Task CreateCouponAsync_WhatPriceRulesCannotExpress_NotSupportedWithoutACall(string what)
    {
        var draft = what switch
        {
            "cap" => _bed.Draft("X1") with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 10, MaxDiscount = 5 },
            "per-buyer" => _bed.Draft("X1") with { PerBuyerLimit = 3 },
            _ => _bed.Draft("X1") with { Reward = RewardType.CoinCashback, DiscountAmount = null, Percentage = 5 },
        };

        var result = await _bed.Client().CreateCouponAsync(_bed.Store(), draft);

        Assert.Equal(PlatformErrorKind.NotSupported, result.Error!.Kind);
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }
}
