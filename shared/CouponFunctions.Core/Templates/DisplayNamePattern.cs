using System.Text.RegularExpressions;

namespace CouponFunctions.Core.Templates;

/// <summary>The coupon name per store from a pattern such as "{name} – {store}". Tokens: {name} (the template's name),
/// {store} (the store's display name), {site} (SG, TH…), {platform} (shopee…), {campaign} (the campaign's name).</summary>
public static partial class DisplayNamePattern
{
    public static IReadOnlyList<string> Tokens { get; } = ["name", "store", "site", "platform", "campaign"];

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The tokens in braces that are not in <see cref="Tokens"/>, and whether a brace is left unpaired.</summary>
    public static IReadOnlyList<string> UnknownTokens(string pattern, out bool unbalanced)
    {
        var unknown = Token().Matches(pattern).Select(m => m.Groups[1].Value).Where(t => !Tokens.Contains(t)).Distinct().ToList();
        var rest = Token().Replace(pattern, "");
        unbalanced = rest.Contains('{') || rest.Contains('}');
        return unknown;
    }

    /// <summary>The pattern with each token replaced; runs of spaces left by an empty token are collapsed.</summary>
    public static string Render(string pattern, string name, string store, string site, string platform, string? campaign)
    {
        var text = Token().Replace(pattern, m => m.Groups[1].Value switch
        {
            "name" => name,
            "store" => store,
            "site" => site,
            "platform" => platform,
            "campaign" => campaign ?? "",
            _ => m.Value,
        });
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
