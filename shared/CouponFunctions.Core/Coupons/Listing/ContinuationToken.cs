using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>
/// The opaque continuation token: base64url of
/// [version 1][query fingerprint 8][has key 1][sort key 8][store id: length 1 + UTF-8][coupon id: length 1 + UTF-8][check 4].
/// </summary>
/// <remarks>
/// The check (the first 4 bytes of SHA-256 over the rest) catches edited or truncated tokens. It is not a signature:
/// a forged cursor can only move a caller within rows they may see anyway, because scope is applied on every request.
/// </remarks>
internal static class ContinuationToken
{
    public const int MaxLength = 1024;
    private const byte Version = 1;
    private const int CheckLength = 4;

    public static string Encode(ulong fingerprint, ListCursor last)
    {
        var storeId = Encoding.UTF8.GetBytes(last.StoreId);
        var couponId = Encoding.UTF8.GetBytes(last.CouponId);
        if (storeId.Length > byte.MaxValue || couponId.Length > byte.MaxValue)
            throw new InvalidOperationException("Store and coupon ids longer than 255 bytes cannot be paged past.");

        var bytes = new byte[1 + 8 + 1 + 8 + 1 + storeId.Length + 1 + couponId.Length + CheckLength];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], fingerprint);
        span[9] = last.HasKey ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64BigEndian(span[10..], last.Key);
        var at = 18;
        at = WriteText(span, at, storeId);
        at = WriteText(span, at, couponId);
        SHA256.HashData(span[..at])[..CheckLength].CopyTo(span[at..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, out ulong fingerprint, out ListCursor cursor)
    {
        fingerprint = 0;
        cursor = default;
        if (token.Length > MaxLength || !Base64Url.IsValid(token)) return false;

        var bytes = Base64Url.DecodeFromChars(token).AsSpan();
        if (bytes.Length < 20 + CheckLength || bytes[0] != Version || bytes[9] > 1) return false;

        var body = bytes[..^CheckLength];
        if (!SHA256.HashData(body).AsSpan(0, CheckLength).SequenceEqual(bytes[^CheckLength..])) return false;

        var at = 18;
        if (!TryReadText(body, ref at, out var storeId) || !TryReadText(body, ref at, out var couponId) || at != body.Length)
            return false;

        fingerprint = BinaryPrimitives.ReadUInt64BigEndian(body[1..]);
        cursor = new ListCursor(body[9] == 1, BinaryPrimitives.ReadInt64BigEndian(body[10..]), storeId, couponId);
        return true;
    }

    private static int WriteText(Span<byte> span, int at, byte[] text)
    {
        span[at] = (byte)text.Length;
        text.CopyTo(span[(at + 1)..]);
        return at + 1 + text.Length;
    }

    private static bool TryReadText(ReadOnlySpan<byte> body, ref int at, out string text)
    {
        text = "";
        if (at >= body.Length || at + 1 + body[at] > body.Length || body[at] == 0) return false;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Slice(at + 1, body[at]));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        at += 1 + body[at];
        return true;
    }
}
