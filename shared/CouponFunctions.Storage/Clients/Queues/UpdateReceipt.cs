namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>After Update Message: the receipt to use from now on and when the message becomes visible again.</summary>
public sealed class UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
{
    public string PopReceipt { get; } = popReceipt;

    public DateTimeOffset NextVisibleOn { get; } = nextVisibleOn;
}
