namespace CouponFunctions.Sandbox.Lazada;

public sealed partial class LazadaSandbox
{
    // Lazada promotion ids are 14-digit numbers (91471121126083 in its docs); beyond 2^31 on purpose.
    private long _nextVoucherId = 91_471_121_000_001;

    /// <summary>Seeds a voucher as it is, without the creation rules (so tests and demo data can have running, suspended,
    /// finished, code or deactivated vouchers). An <see cref="LazadaSandboxVoucher.Id"/> of 0 gets the next id.</summary>
    public LazadaSandboxVoucher AddVoucher(long sellerId, LazadaSandboxVoucher voucher)
    {
        lock (Gate) return InsertLocked(Seller(sellerId), voucher);
    }

    /// <summary>The seller's vouchers, newest first.</summary>
    public IReadOnlyList<LazadaSandboxVoucher> Vouchers(long sellerId)
    {
        lock (Gate) return [.. Seller(sellerId).Vouchers.Values.Reverse()];
    }

    public LazadaSandboxVoucher? FindVoucher(long sellerId, long voucherId)
    {
        lock (Gate) return Seller(sellerId).Vouchers.GetValueOrDefault(voucherId);
    }

    /// <summary>Sets how many times a voucher was used (order_used_budget), as buyers would.</summary>
    public void SetUsage(long sellerId, long voucherId, int orderUsedBudget) =>
        Change(sellerId, voucherId, v => v with { OrderUsedBudget = orderUsedBudget });

    /// <summary>Pauses (SUSPEND) or resumes a voucher, as the seller would in Seller Center.</summary>
    public void SetSuspended(long sellerId, long voucherId, bool suspended) =>
        Change(sellerId, voucherId, v => v with { Suspended = suspended });

    private void Change(long sellerId, long voucherId, Func<LazadaSandboxVoucher, LazadaSandboxVoucher> change)
    {
        lock (Gate)
        {
            var seller = Seller(sellerId);
            seller.Vouchers[voucherId] = change(seller.Vouchers[voucherId]);
        }
    }

    internal LazadaSandboxVoucher InsertLocked(LazadaSandboxSeller seller, LazadaSandboxVoucher voucher)
    {
        var id = voucher.Id > 0 ? voucher.Id : _nextVoucherId++;
        _nextVoucherId = Math.Max(_nextVoucherId, id + 1);
        var stored = voucher with
        {
            Id = id,
            Start = WholeMilliseconds(voucher.Start),
            End = WholeMilliseconds(voucher.End),
            CollectStart = voucher.CollectStart is { } c ? WholeMilliseconds(c) : null,
        };
        seller.Vouchers[id] = stored;
        return stored;
    }

    internal static DateTimeOffset WholeMilliseconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
