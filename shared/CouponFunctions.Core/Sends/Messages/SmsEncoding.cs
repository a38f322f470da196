namespace CouponFunctions.Core.Sends.Messages;

/// <summary>How an SMS is encoded on the air.</summary>
public enum SmsCharset
{
    /// <summary>The GSM 03.38 7-bit alphabet (with its extension table, whose characters take two septets).</summary>
    Gsm7,

    /// <summary>UTF-16 code units, for any text with a character outside GSM-7.</summary>
    Ucs2,
}

/// <summary>An SMS text's encoding, its length in that encoding (septets or UTF-16 units) and the parts it is sent in.</summary>
public sealed record SmsInfo(SmsCharset Charset, int Length, int Parts);

/// <summary>
/// GSM 03.38 / 3GPP TS 23.038: a single message holds 160 septets (GSM-7) or 70 UTF-16 units (UCS-2); a longer one is
/// concatenated, each part losing room to the 6-byte UDH: 153 septets or 67 units. An extension character (escape + char)
/// and a surrogate pair are never split across parts, so parts are counted by packing, not by division.
/// </summary>
public static class SmsEncoding
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    public static SmsInfo Measure(string text)
    {
        var gsm = true;
        foreach (var c in text)
        {
            if (c == '\u001B' || (!Basic.Contains(c) && !Extension.Contains(c)))
            {
                gsm = false;
                break;
            }
        }

        return gsm ? Pack(text, SmsCharset.Gsm7, 160, 153) : Pack(text, SmsCharset.Ucs2, 70, 67);
    }

    private static SmsInfo Pack(string text, SmsCharset charset, int single, int perPart)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            length += Width(text, i, charset, out var skip);
            i += skip;
        }

        if (length <= single) return new SmsInfo(charset, length, length == 0 ? 0 : 1);

        var parts = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = Width(text, i, charset, out var skip);
            if (used + width > perPart)
            {
                parts++;
                used = 0;
            }

            used += width;
            i += skip;
        }

        return new SmsInfo(charset, length, parts);
    }

    // Septets (1 or 2) for GSM-7; UTF-16 units (1, or 2 for a surrogate pair that must stay in one part) for UCS-2.
    private static int Width(string text, int i, SmsCharset charset, out int skip)
    {
        skip = 0;
        if (charset == SmsCharset.Gsm7) return Extension.Contains(text[i]) ? 2 : 1;
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            skip = 1;
            return 2;
        }

        return 1;
    }
}
