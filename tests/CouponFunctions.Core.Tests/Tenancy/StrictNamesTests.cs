using CouponFunctions.Core.Common;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Tenancy;

public sealed class StrictNamesTests
{
    [Theory]
    [InlineData("viewer,admin")]
    [InlineData("editor, viewer")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData(" admin")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseEnum_FlagsNumbersOrPadding_IsRejected(string? text)
    {
        Assert.False(StrictNames.TryParseEnum<ApiKeyRole>(text, out _));
        Assert.False(StrictNames.TryParseEnum<SyncRunStatus>(text, out _));
    }

    [Theory]
    [InlineData("admin", ApiKeyRole.Admin)]
    [InlineData("Editor", ApiKeyRole.Editor)]
    [InlineData("VIEWER", ApiKeyRole.Viewer)]
    public void TryParseEnum_ANameInAnyCase_IsThatValue(string text, ApiKeyRole expected)
    {
        Assert.True(StrictNames.TryParseEnum<ApiKeyRole>(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\u001bb")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u202Eb")]
    [InlineData("a\u2067b")]
    [InlineData("a\u200Fb")]
    public void HasUnsafeCharacters_ControlOrBidiControl_IsTrue(string text) => Assert.True(StrictNames.HasUnsafeCharacters(text));

    [Theory]
    [InlineData("Mira Beauty 台灣官方網店")]
    [InlineData("ร้านมิรา")]
    [InlineData("متجر ميرا")]
    [InlineData("Hausly Home · TikTok Shop")]
    public void HasUnsafeCharacters_ScriptsAndPunctuation_IsFalse(string text) => Assert.False(StrictNames.HasUnsafeCharacters(text));
}
