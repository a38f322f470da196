namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Keeps the first <c>size</c> entries in list order out of a stream, without sorting the stream (a bounded max-heap).</summary>
internal sealed class PageSelector
{
    private readonly ListOrder order;
    private readonly int size;
    private readonly PriorityQueue<ListCursor, ListCursor> heap;

    public PageSelector(ListOrder order, int size)
    {
        this.order = order;
        this.size = size;
        heap = new PriorityQueue<ListCursor, ListCursor>(size + 1, Comparer<ListCursor>.Create((x, y) => order.Compare(y, x)));
    }

    public void Offer(ListCursor entry)
    {
        if (heap.Count < size) heap.Enqueue(entry, entry);
        else if (order.Compare(entry, heap.Peek()) < 0) heap.DequeueEnqueue(entry, entry);
    }

    public ListCursor[] InOrder()
    {
        var entries = heap.UnorderedItems.Select(item => item.Element).ToArray();
        Array.Sort(entries, order);
        return entries;
    }
}
