using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Customers;

public sealed class CustomerValidatorTests
{
    private static readonly Dictionary<StoreId, string> Stores = new() { [StoreId.Parse("s-bkk")] = "TH", [StoreId.Parse("s-sg")] = "SG" };

    private static CustomerInput Good() => new("CUST-001", "Ann Lee", "ann@example.com", "081 234 5678", "s-bkk", ["VIP", " vip ", "payday"],
        new ConsentInput("granted", Now.AddDays(-1), "checkout"), new ConsentInput("yes", null, null));

    [Fact]
    public void Validate_GoodInput_NormalisesEveryField()
    {
        var errors = CustomerValidator.Validate(Good(), Stores, Now, out var fields);

        Assert.True(errors.IsEmpty);
        Assert.Equal("CUST-001", fields!.Id.Value);
        Assert.Equal("+66812345678", fields.Mobile);
        Assert.Equal(["vip", "payday"], fields.Tags);
        Assert.Equal(new Consent(ConsentStatus.Granted, Now.AddDays(-1), "checkout"), fields.EmailConsent);
        Assert.Equal(new Consent(ConsentStatus.Granted, null, null), fields.SmsConsent);
    }

    [Fact]
    public void Validate_MobileOfAnotherCountry_NamesMobile()
    {
        var errors = CustomerValidator.Validate(Good() with { StoreId = "s-sg" }, Stores, Now, out var fields);

        Assert.Null(fields);
        Assert.Equal(["mobile"], errors.Keys);
        Assert.Contains("Singapore", errors["mobile"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryFieldWrong_NamesEveryField()
    {
        var input = new CustomerInput("bad id", new string('n', 101), "ann@", "12", "s-nowhere", ["ok", "a,b"],
            new ConsentInput("maybe", null, null), new ConsentInput("granted", Now.AddDays(1), "x\u0007"));

        var errors = CustomerValidator.Validate(input, Stores, Now, out _);

        Assert.Equal(["email", "emailConsent.status", "externalId", "name", "smsConsent.at", "smsConsent.source", "storeId", "tags"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("Ann\u202Egpj.exe")]
    [InlineData("Ann\u2066x")]
    [InlineData("Ann\u0000")]
    [InlineData("Ann\r\nBcc: x")]
    public void Validate_NameWithControlOrBidiCharacters_IsRefused(string name)
    {
        var errors = CustomerValidator.Validate(Good() with { Name = name }, Stores, Now, out _);

        Assert.Contains("direction-changing", errors["name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameWithALoneSurrogate_IsRefused()
    {
        var errors = CustomerValidator.Validate(Good() with { Name = "Ann" + '\uD800' }, Stores, Now, out _);

        Assert.True(errors.ContainsKey("name"));
    }

    [Fact]
    public void Validate_NameWithAccentsAndEmoji_IsAccepted()
    {
        var errors = CustomerValidator.Validate(Good() with { Name = "Nguyễn Thị Ánh 🎉" }, Stores, Now, out var fields);

        Assert.True(errors.IsEmpty);
        Assert.Equal("Nguyễn Thị Ánh 🎉", fields!.Name);
    }

    [Fact]
    public void Validate_TwentyOneTags_IsRefusedAndTwentyAccepted()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => $"t{i}").ToList();

        Assert.True(CustomerValidator.Validate(Good() with { Tags = twenty }, Stores, Now, out _).IsEmpty);
        Assert.Contains("At most 20", CustomerValidator.Validate(Good() with { Tags = [.. twenty, "t21"] }, Stores, Now, out _)["tags"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TagOf41Characters_IsRefused()
    {
        var errors = CustomerValidator.Validate(Good() with { Tags = [new string('t', 41)] }, Stores, Now, out _);

        Assert.True(errors.ContainsKey("tags"));
    }

    [Fact]
    public void Validate_SmsConsentWithoutMobile_NamesTheConsent()
    {
        var errors = CustomerValidator.Validate(Good() with { Mobile = null }, Stores, Now, out _);

        Assert.Equal(["smsConsent.status"], errors.Keys);
    }

    [Fact]
    public void Validate_OptedOutWithoutContact_IsAccepted()
    {
        var errors = CustomerValidator.Validate(Good() with { Email = null, EmailConsent = new ConsentInput("unsubscribed", null, "unsubscribe-link") }, Stores, Now, out var fields);

        Assert.True(errors.IsEmpty);
        Assert.Equal(ConsentStatus.OptedOut, fields!.EmailConsent.Status);
    }

    [Fact]
    public void OptOut_GrantedEmail_StopsSendingAndKeepsWhenAndHow()
    {
        var customer = Customer();

        var after = customer.OptOut(ContactChannel.Email, Now, "unsubscribe-link");

        Assert.False(after.EmailConsent.AllowsSending);
        Assert.Equal(new Consent(ConsentStatus.OptedOut, Now, "unsubscribe-link"), after.EmailConsent);
        Assert.True(after.SmsConsent.AllowsSending);
        Assert.Same(after.EmailConsent, after.OptOut(ContactChannel.Email, Now.AddDays(1), "again").EmailConsent);
    }
}
