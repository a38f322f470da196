namespace CouponFunctions.Sandbox.Shopee;

public sealed partial class ShopeeSandbox
{
    private long _nextVoucherId = 10_000_001;

    /// <summary>Seeds a voucher as it is, without the creation rules (so tests can have running, expired or admin vouchers).</summary>
    public ShopeeSandboxVoucher AddVoucher(long shopId, ShopeeSandboxVoucher voucher)
    {
        lock (Gate) return InsertLocked(Shop(shopId), voucher);
    }

    /// <summary>The shop's vouchers (not deleted), newest first.</summary>
    public IReadOnlyList<ShopeeSandboxVoucher> Vouchers(long shopId)
    {
        lock (Gate) return [.. Shop(shopId).Vouchers.Values.Reverse()];
    }

    public ShopeeSandboxVoucher? FindVoucher(long shopId, long voucherId)
    {
        lock (Gate) return Shop(shopId).Vouchers.GetValueOrDefault(voucherId);
    }

    /// <summary>Sets how many times a voucher was used, as buyers would.</summary>
    public void SetUsage(long shopId, long voucherId, int currentUsage)
    {
        lock (Gate)
        {
            var shop = Shop(shopId);
            shop.Vouchers[voucherId] = shop.Vouchers[voucherId] with { CurrentUsage = currentUsage };
        }
    }

    /// <summary>Changes a voucher as the seller's own back-end would (outside the API's update rules).</summary>
    public ShopeeSandboxVoucher EditVoucher(long shopId, long voucherId, Func<ShopeeSandboxVoucher, ShopeeSandboxVoucher> change)
    {
        lock (Gate)
        {
            var shop = Shop(shopId);
            return shop.Vouchers[voucherId] = change(shop.Vouchers[voucherId]) with { VoucherId = voucherId };
        }
    }

    /// <summary>Removes a voucher as if the seller deleted it in Seller Centre (any status).</summary>
    public bool RemoveVoucher(long shopId, long voucherId)
    {
        lock (Gate) return Shop(shopId).Vouchers.Remove(voucherId);
    }

    internal ShopeeSandboxVoucher InsertLocked(ShopeeSandboxShop shop, ShopeeSandboxVoucher voucher)
    {
        var id = voucher.VoucherId > 0 ? voucher.VoucherId : _nextVoucherId++;
        _nextVoucherId = Math.Max(_nextVoucherId, id + 1);
        var stored = voucher with
        {
            VoucherId = id,
            Start = WholeSeconds(voucher.Start),
            End = WholeSeconds(voucher.End),
            DisplayStart = voucher.DisplayStart is { } d ? WholeSeconds(d) : null,
        };
        shop.Vouchers[id] = stored;
        return stored;
    }

    internal static DateTimeOffset WholeSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
