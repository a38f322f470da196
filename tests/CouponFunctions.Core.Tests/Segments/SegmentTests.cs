using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Segments;

public sealed class SegmentTests
{
    private static readonly HashSet<StoreId> Stores = [StoreId.Parse("s-bkk")];

    private static SegmentRule Rule(IReadOnlyList<string>? any = null, IReadOnlyList<string>? all = null, string? store = null,
        bool email = false, bool sms = false, int? days = null) =>
        new(any ?? [], all ?? [], store is null ? null : StoreId.Parse(store), email, sms, days);

    [Fact]
    public void Validate_RuleSegment_ParsesTheRule()
    {
        var input = new SegmentInput(" VIP ", "rule", new SegmentRuleInput(["VIP"], ["payday"], "s-bkk", true, null, 30), null);

        var errors = SegmentValidator.Validate(input, Stores, out var definition);

        Assert.True(errors.IsEmpty);
        Assert.Equal("VIP", definition!.Name);
        Assert.Equal(["vip"], definition.Rule!.TagsAny);
        Assert.Equal(StoreId.Parse("s-bkk"), definition.Rule.StoreId);
        Assert.True(definition.Rule.EmailConsent);
        Assert.False(definition.Rule.SmsConsent);
    }

    [Fact]
    public void Validate_StaticSegment_DeduplicatesMemberIds()
    {
        var errors = SegmentValidator.Validate(new SegmentInput("VIP", "static", null, ["C1", "C2", "C1"]), Stores, out var definition);

        Assert.True(errors.IsEmpty);
        Assert.Equal(["C1", "C2"], definition!.MemberIds.Select(id => id.Value));
    }

    [Fact]
    public void Validate_EveryFieldWrong_NamesEveryField()
    {
        var input = new SegmentInput("", "rule", new SegmentRuleInput(["a|b"], null, "s-other", null, null, 0), ["C1"]);

        var errors = SegmentValidator.Validate(input, Stores, out _);

        Assert.Equal(["memberIds", "name", "rule.createdWithinDays", "rule.storeId", "rule.tagsAny"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("smart", null, "kind")]
    [InlineData("rule", null, "rule")]
    public void Validate_KindOrRuleMissing_NamesIt(string kind, SegmentRuleInput? rule, string field)
    {
        Assert.True(SegmentValidator.Validate(new SegmentInput("x", kind, rule, null), Stores, out _).ContainsKey(field));
    }

    [Fact]
    public void Validate_StaticSegmentWithARuleOrBadMemberId_NamesThem()
    {
        var errors = SegmentValidator.Validate(new SegmentInput("x", "static", new SegmentRuleInput(null, null, null, null, null, null), ["C1", "bad id"]), Stores, out _);

        Assert.Equal(["memberIds[1]", "rule"], errors.Keys.Order());
    }

    [Fact]
    public void Matches_EmptyRule_MatchesEveryone()
    {
        Assert.True(SegmentRuleEvaluator.Matches(SegmentRule.Everyone, Customer(), Now));
    }

    [Theory]
    [InlineData(new[] { "vip", "new" }, true)]
    [InlineData(new[] { "new" }, false)]
    public void Matches_TagsAny_NeedsOneOfThem(string[] any, bool expected)
    {
        Assert.Equal(expected, SegmentRuleEvaluator.Matches(Rule(any: any), Customer(tags: ["vip"]), Now));
    }

    [Theory]
    [InlineData(new[] { "vip", "payday" }, true)]
    [InlineData(new[] { "vip", "new" }, false)]
    public void Matches_TagsAll_NeedsEveryOne(string[] all, bool expected)
    {
        Assert.Equal(expected, SegmentRuleEvaluator.Matches(Rule(all: all), Customer(tags: ["vip", "payday"]), Now));
    }

    [Theory]
    [InlineData("s-bkk", true)]
    [InlineData("s-sg", false)]
    public void Matches_Store_NeedsTheCustomersStore(string store, bool expected)
    {
        Assert.Equal(expected, SegmentRuleEvaluator.Matches(Rule(store: store), Customer(), Now));
    }

    [Theory]
    [InlineData(ConsentStatus.Granted, true)]
    [InlineData(ConsentStatus.OptedOut, false)]
    [InlineData(ConsentStatus.Unknown, false)]
    public void Matches_EmailConsent_NeedsGrantedEmailConsent(ConsentStatus status, bool expected)
    {
        Assert.Equal(expected, SegmentRuleEvaluator.Matches(Rule(email: true), Customer(emailConsent: status), Now));
    }

    [Theory]
    [InlineData(ConsentStatus.Granted, true)]
    [InlineData(ConsentStatus.Denied, false)]
    public void Matches_SmsConsent_NeedsGrantedSmsConsent(ConsentStatus status, bool expected)
    {
        Assert.Equal(expected, SegmentRuleEvaluator.Matches(Rule(sms: true), Customer(smsConsent: status), Now));
    }

    [Fact]
    public void Matches_CreatedWithinDays_CountsFromNowInclusive()
    {
        Assert.True(SegmentRuleEvaluator.Matches(Rule(days: 7), Customer(createdAt: Now.AddDays(-7)), Now));
        Assert.False(SegmentRuleEvaluator.Matches(Rule(days: 7), Customer(createdAt: Now.AddDays(-7).AddSeconds(-1)), Now));
    }

    [Theory]
    [InlineData("ann@example.com", ConsentStatus.Granted, Reach.Reachable)]
    [InlineData(null, ConsentStatus.Granted, Reach.NoContact)]
    [InlineData("ann@example.com", ConsentStatus.OptedOut, Reach.OptedOut)]
    [InlineData("ann@example.com", ConsentStatus.Denied, Reach.NoConsent)]
    [InlineData("ann@example.com", ConsentStatus.Unknown, Reach.NoConsent)]
    public void Check_Email_NeedsContactAndConsent(string? email, ConsentStatus consent, Reach expected)
    {
        Assert.Equal(expected, Reachability.Check(Customer(email: email, emailConsent: consent), ContactChannel.Email));
    }

    [Fact]
    public void Add_Members_CountsEachChannelAndEither()
    {
        var reach = SegmentReach.Empty
            .Add(Customer("c-1"))
            .Add(Customer("c-2", mobile: null))
            .Add(Customer("c-3", emailConsent: ConsentStatus.OptedOut))
            .Add(Customer("c-4", email: null, mobile: null));

        Assert.Equal(new SegmentReach(4, 2, 2, 3), reach);
        Assert.Equal(2, reach.OnAny([ContactChannel.Sms]));
        Assert.Equal(3, reach.OnAny([ContactChannel.Email, ContactChannel.Sms]));
    }
}
