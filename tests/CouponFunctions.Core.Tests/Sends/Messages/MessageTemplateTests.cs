using System.Net;
using CouponFunctions.Core.Sends.Messages;

namespace CouponFunctions.Core.Tests.Sends.Messages;

public sealed class MessageTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["customer.name"] = "<Ann & Bo>",
        ["coupon.code"] = "PAY10",
    };

    [Fact]
    public void Render_KnownPlaceholdersWithSpaces_AreReplaced()
    {
        var template = MessageTemplate.Parse("Hi {{ customer.name }}, use {{coupon.code}}!", out var error)!;

        Assert.Null(error);
        Assert.Equal("Hi <Ann & Bo>, use PAY10!", template.Render(Values));
    }

    [Fact]
    public void Render_WithHtmlEncoding_EncodesValuesButNotTheTemplate()
    {
        var template = MessageTemplate.Parse("<p>Hi {{customer.name}}</p>", out _)!;

        Assert.Equal("<p>Hi &lt;Ann &amp; Bo&gt;</p>", template.Render(Values, WebUtility.HtmlEncode));
    }

    [Fact]
    public void Parse_UnknownPlaceholder_NamesIt()
    {
        Assert.Null(MessageTemplate.Parse("Hi {{customer.email}}", out var error));
        Assert.StartsWith("Unknown placeholder {{customer.email}}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlaceholderNamesAreCaseSensitive()
    {
        Assert.Null(MessageTemplate.Parse("{{Customer.Name}}", out var error));
        Assert.Contains("{{Customer.Name}}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedBraces_IsRefused()
    {
        Assert.Null(MessageTemplate.Parse("Hi {{customer.name", out var error));
        Assert.Contains("not closed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPlaceholders_RendersAsIs()
    {
        Assert.Equal("Plain { text }", MessageTemplate.Parse("Plain { text }", out _)!.Render(Values));
    }

    [Fact]
    public void UsedPlaceholders_ListsEachOnce()
    {
        Assert.Equal(["coupon.code", "claimUrl"], MessageTemplate.Parse("{{coupon.code}} {{claimUrl}} {{coupon.code}}", out _)!.UsedPlaceholders);
    }
}
