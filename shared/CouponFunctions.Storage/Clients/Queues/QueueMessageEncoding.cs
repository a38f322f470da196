namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>How message text goes on the wire. Base64 (UTF-8 bytes) is what the Functions queue trigger expects by default.</summary>
public enum QueueMessageEncoding
{
    None = 0,
    Base64 = 1,
}
