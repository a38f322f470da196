using CouponFunctions.Core.Sends.Messages;

namespace CouponFunctions.Core.Tests.Sends.Messages;

public sealed class SmsEncodingTests
{
    [Fact]
    public void Measure_160GsmCharacters_IsOnePart()
    {
        Assert.Equal(new SmsInfo(SmsCharset.Gsm7, 160, 1), SmsEncoding.Measure(new string('a', 160)));
    }

    [Fact]
    public void Measure_161GsmCharacters_IsTwoPartsOf153()
    {
        Assert.Equal(new SmsInfo(SmsCharset.Gsm7, 161, 2), SmsEncoding.Measure(new string('a', 161)));
        Assert.Equal(2, SmsEncoding.Measure(new string('a', 306)).Parts);
        Assert.Equal(3, SmsEncoding.Measure(new string('a', 307)).Parts);
    }

    [Fact]
    public void Measure_ExtensionCharacters_CountTwoSeptets()
    {
        var info = SmsEncoding.Measure("Save 10€ {now} [x] ~^|\\");

        Assert.Equal(SmsCharset.Gsm7, info.Charset);
        Assert.Equal(23 + 9, info.Length);
    }

    [Fact]
    public void Measure_80EuroSigns_Is160SeptetsInOnePartAnd81IsTwo()
    {
        Assert.Equal(new SmsInfo(SmsCharset.Gsm7, 160, 1), SmsEncoding.Measure(new string('€', 80)));
        Assert.Equal(new SmsInfo(SmsCharset.Gsm7, 162, 2), SmsEncoding.Measure(new string('€', 81)));
    }

    [Fact]
    public void Measure_EscapeSequenceAtAPartBoundary_MovesWholeToTheNextPart()
    {
        // 152 letters then '€' (2 septets): the euro does not fit in part 1 (153), so 152 + (2 + 152) + 2 = three parts of ≤153.
        var text = new string('a', 152) + "€" + new string('a', 152) + "€";

        Assert.Equal(308, SmsEncoding.Measure(text).Length);
        Assert.Equal(3, SmsEncoding.Measure(text).Parts);
    }

    [Theory]
    [InlineData("Giảm 10% hôm nay")]
    [InlineData("ลด 10%")]
    [InlineData("Sale ✓")]
    [InlineData("Quote ’curly’")]
    [InlineData("¿Sí?")]
    public void Measure_CharacterOutsideGsm_IsUcs2(string text)
    {
        Assert.Equal(SmsCharset.Ucs2, SmsEncoding.Measure(text).Charset);
    }

    [Fact]
    public void Measure_GsmAccentsAndGreek_StayGsm7()
    {
        Assert.Equal(SmsCharset.Gsm7, SmsEncoding.Measure("Café à Zürich ΔΩ £5 ¿Qué? ñ").Charset);
    }

    [Fact]
    public void Measure_70Ucs2Units_IsOnePartAnd71IsTwoOf67()
    {
        Assert.Equal(new SmsInfo(SmsCharset.Ucs2, 70, 1), SmsEncoding.Measure(new string('ล', 70)));
        Assert.Equal(new SmsInfo(SmsCharset.Ucs2, 71, 2), SmsEncoding.Measure(new string('ล', 71)));
        Assert.Equal(3, SmsEncoding.Measure(new string('ล', 135)).Parts);
    }

    [Fact]
    public void Measure_EmojiAtAPartBoundary_IsNotSplit()
    {
        // 66 units then a surrogate pair: the pair does not fit in part 1's last unit.
        var text = new string('ล', 66) + "🎉" + new string('ล', 66) + "🎉";

        Assert.Equal(136, SmsEncoding.Measure(text).Length);
        Assert.Equal(3, SmsEncoding.Measure(text).Parts);
    }

    [Fact]
    public void Measure_Empty_IsZeroParts()
    {
        Assert.Equal(0, SmsEncoding.Measure(string.Empty).Parts);
    }
}
