namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>Merge keeps properties the request does not mention; Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge = 0,
    Replace = 1,
}
