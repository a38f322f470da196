namespace CouponFunctions.Storage.Clients.Pipeline;

internal enum StorageServiceKind
{
    Table,
    Queue,
    Blob,
}
