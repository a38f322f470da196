using CouponFunctions.Core.Customers;

namespace CouponFunctions.App.Api.Customers;

/// <summary>
/// The body of PATCH /api/customers/{externalId} as JSON merge patch: each setter runs only for a member the body has (null
/// included), so the members present are known and a null clears its field (see <see cref="CustomerPatch"/>).
/// </summary>
internal sealed class CustomerPatchBody
{
    private readonly HashSet<CustomerField> _present = [];
    private string? _name, _email, _mobile, _storeId;
    private IReadOnlyList<string>? _tags;
    private ConsentInput? _emailConsent, _smsConsent;

    /// <summary>Accepted when it names the customer of the route; it cannot be changed.</summary>
    public string? ExternalId { get; set; }

    public string? Name { get => _name; set => _name = Set(CustomerField.Name, value); }

    public string? Email { get => _email; set => _email = Set(CustomerField.Email, value); }

    public string? Mobile { get => _mobile; set => _mobile = Set(CustomerField.Mobile, value); }

    public string? StoreId { get => _storeId; set => _storeId = Set(CustomerField.StoreId, value); }

    public IReadOnlyList<string>? Tags { get => _tags; set => _tags = Set(CustomerField.Tags, value); }

    public ConsentInput? EmailConsent { get => _emailConsent; set => _emailConsent = Set(CustomerField.EmailConsent, value); }

    public ConsentInput? SmsConsent { get => _smsConsent; set => _smsConsent = Set(CustomerField.SmsConsent, value); }

    public CustomerPatch ToPatch() =>
        new(new CustomerInput(ExternalId, Name, Email, Mobile, StoreId, Tags, EmailConsent, SmsConsent), _present);

    private T Set<T>(CustomerField field, T value)
    {
        _present.Add(field);
        return value;
    }
}
