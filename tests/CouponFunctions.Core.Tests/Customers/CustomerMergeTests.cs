using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Customers;

public sealed class CustomerMergeTests
{
    private static readonly HashSet<CustomerField> All = [.. Enum.GetValues<CustomerField>()];

    private static CustomerFields Fields(string? email = "new@example.com", Consent? emailConsent = null) =>
        new(CustomerId.Parse("c-1"), "Ann B", email, "+66812345678", StoreId.Parse("s-bkk"), ["vip"], emailConsent ?? Consent.None, Consent.None);

    [Fact]
    public void Apply_NewCustomer_StampsUndatedConsentWithNow()
    {
        var created = CustomerMerge.Apply(null, Tenant, Fields(emailConsent: new Consent(ConsentStatus.Granted, null, "import")), All, Now);

        Assert.Equal(new Consent(ConsentStatus.Granted, Now, "import"), created.EmailConsent);
        Assert.Equal((Now, Now), (created.CreatedAt, created.UpdatedAt));
    }

    [Fact]
    public void Apply_ColumnsNotInTheFile_KeepTheirValues()
    {
        var stored = Customer();

        var merged = CustomerMerge.Apply(stored, Tenant, Fields(), new HashSet<CustomerField> { CustomerField.Email }, Now.AddDays(1));

        Assert.Equal("new@example.com", merged.Email);
        Assert.Equal(stored.Name, merged.Name);
        Assert.Equal(stored.Tags, merged.Tags);
        Assert.Equal(Now.AddDays(1), merged.UpdatedAt);
    }

    [Fact]
    public void Apply_ContactCleared_GrantFallsToUnknownOptOutStays()
    {
        var granted = new Consent(ConsentStatus.Granted, Now.AddDays(-3), "checkout");
        var optedOut = new Consent(ConsentStatus.OptedOut, Now.AddDays(-1), "unsubscribe-link");
        var present = new HashSet<CustomerField> { CustomerField.Email };

        var fromGrant = CustomerMerge.Apply(Customer() with { EmailConsent = granted }, Tenant, Fields(email: null), present, Now);
        var fromOptOut = CustomerMerge.Apply(Customer() with { EmailConsent = optedOut }, Tenant, Fields(email: null), present, Now);

        Assert.Null(fromGrant.Email);
        Assert.Equal(ConsentStatus.Unknown, fromGrant.EmailConsent.Status);
        Assert.Equal(optedOut, fromOptOut.EmailConsent);
    }

    [Fact]
    public void Apply_EmptyCellInACarriedColumn_ClearsTheField()
    {
        Assert.Null(CustomerMerge.Apply(Customer(), Tenant, Fields(email: null), All, Now).Email);
    }

    [Fact]
    public void Apply_NothingChanged_ReturnsTheStoredCustomer()
    {
        var stored = Customer(tags: ["vip"]) with { Name = "Ann B", Email = "new@example.com" };

        Assert.Same(stored, CustomerMerge.Apply(stored, Tenant, Fields(), All, Now.AddDays(1)));
    }

    [Fact]
    public void Newer_UndatedGrantAfterAnOptOut_KeepsTheOptOut()
    {
        var optedOut = new Consent(ConsentStatus.OptedOut, Now, "unsubscribe-link");

        Assert.Same(optedOut, CustomerMerge.Newer(optedOut, new Consent(ConsentStatus.Granted, null, "import"), Now.AddDays(7)));
    }

    [Fact]
    public void Newer_GrantDatedBeforeTheOptOut_KeepsTheOptOut()
    {
        var optedOut = new Consent(ConsentStatus.OptedOut, Now, "unsubscribe-link");

        Assert.Same(optedOut, CustomerMerge.Newer(optedOut, new Consent(ConsentStatus.Granted, Now.AddDays(-1), "import"), Now.AddDays(7)));
    }

    [Fact]
    public void Newer_GrantDatedAfterTheOptOut_ReSubscribes()
    {
        var again = new Consent(ConsentStatus.Granted, Now.AddDays(2), "signup-form");

        Assert.Same(again, CustomerMerge.Newer(new Consent(ConsentStatus.OptedOut, Now, "sms-stop"), again, Now.AddDays(7)));
    }

    [Fact]
    public void Newer_UndatedOptOutOverAGrant_IsTakenAsNow()
    {
        var result = CustomerMerge.Newer(new Consent(ConsentStatus.Granted, Now, "checkout"), new Consent(ConsentStatus.OptedOut, null, "import"), Now.AddDays(1));

        Assert.Equal(new Consent(ConsentStatus.OptedOut, Now.AddDays(1), "import"), result);
    }

    [Fact]
    public void Newer_SameStatusOrUnknown_KeepsTheStoredRecord()
    {
        var stored = new Consent(ConsentStatus.Granted, Now, "checkout");

        Assert.Same(stored, CustomerMerge.Newer(stored, new Consent(ConsentStatus.Granted, Now.AddDays(1), "import"), Now));
        Assert.Same(stored, CustomerMerge.Newer(stored, Consent.None, Now));
    }

    [Fact]
    public void Newer_OlderDatedDenial_DoesNotOverrideANewerGrant()
    {
        var stored = new Consent(ConsentStatus.Granted, Now, "checkout");

        Assert.Same(stored, CustomerMerge.Newer(stored, new Consent(ConsentStatus.Denied, Now.AddDays(-3), "import"), Now));
    }
}
