using CouponFunctions.Core.Customers;

namespace CouponFunctions.App.Api.Customers;

/// <summary>A customer as the API shows it.</summary>
internal static class CustomerResponse
{
    public static object From(Customer c) => new
    {
        externalId = c.Id.Value,
        name = c.Name,
        email = c.Email,
        mobile = c.Mobile,
        storeId = c.StoreId.Value,
        tags = c.Tags,
        emailConsent = Consent(c.EmailConsent),
        smsConsent = Consent(c.SmsConsent),
        createdAt = c.CreatedAt,
        updatedAt = c.UpdatedAt,
    };

    private static object Consent(Consent consent) => new
    {
        status = consent.Status switch { ConsentStatus.Granted => "granted", ConsentStatus.Denied => "denied", ConsentStatus.OptedOut => "optedOut", _ => "unknown" },
        at = consent.ChangedAt,
        source = consent.Source,
    };
}
