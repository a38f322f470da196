using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Deployments;

public sealed class StoreCodesTests
{
    [Fact]
    public void For_SameTemplateAndStore_SameCodeEveryTime() =>
        Assert.Equal(StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-a"), 3), StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-a"), 3));

    [Fact]
    public void For_OtherStoreOrTemplate_OtherCode()
    {
        var code = StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-a"), 4);

        Assert.NotEqual(code, StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-b"), 4));
        Assert.NotEqual(code, StoreCodes.For("MD", "tpl-2", StoreId.Parse("s-a"), 4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void For_SuffixLength_PrefixPlusUnambiguousCharacters(int length)
    {
        var code = StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-a"), length);

        Assert.StartsWith("MD", code);
        Assert.Equal(2 + length, code.Length);
        Assert.All(code[2..], c => Assert.Contains(c, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"));
    }

    [Fact]
    public void For_SuffixLengthOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StoreCodes.For("MD", "tpl-1", StoreId.Parse("s-a"), 9));
}
