using System.Text;
using CouponFunctions.Storage.Clients.Queues;

namespace CouponFunctions.Storage.Tests.Clients.Queues;

public sealed class QueueMessageCodecTests
{
    [Fact]
    public void Encode_Base64_LimitCountsEncodedBytes()
    {
        Assert.Equal(65_536, QueueMessageCodec.Encode(new string('a', 49_152), QueueMessageEncoding.Base64).Length);
        Assert.Throws<ArgumentException>(() => QueueMessageCodec.Encode(new string('a', 49_153), QueueMessageEncoding.Base64));
    }

    [Fact]
    public void Encode_None_LimitCountsUtf8Bytes()
    {
        // 21,846 three-byte characters = 65,538 bytes, though only 21,846 chars.
        Assert.Throws<ArgumentException>(() => QueueMessageCodec.Encode(new string('€', 21_846), QueueMessageEncoding.None));
        Assert.Equal(21_845, QueueMessageCodec.Encode(new string('€', 21_845), QueueMessageEncoding.None).Length);
    }

    [Fact]
    public void Encode_NoneWithControlCharacter_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => QueueMessageCodec.Encode("bell\u0007", QueueMessageEncoding.None));

        Assert.Contains("Base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlBody_SpecialCharacters_EscapedAndCarriageReturnKept()
    {
        var xml = Encoding.UTF8.GetString(QueueMessageCodec.XmlBody("a<b>&c\r\n"));

        Assert.EndsWith("<QueueMessage><MessageText>a&lt;b&gt;&amp;c&#xD;\n</MessageText></QueueMessage>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidBase64_ReturnsRawTextAndFlag()
    {
        Assert.Equal(("héllo", false), QueueMessageCodec.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo")), QueueMessageEncoding.Base64));
        Assert.Equal(("{not base64}", true), QueueMessageCodec.Decode("{not base64}", QueueMessageEncoding.Base64));
    }
}
