using System.Net;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Admin;

/// <summary>The admin page's files, served by the ServeAdminPage function at /api/admin/ without a key.</summary>
[Collection(AppCollection.Name)]
public sealed class ServeAdminPageTests(AppHostFixture app)
{
    [Fact]
    public async Task Get_BarePath_RedirectsToTheFolderSoRelativeUrlsResolve()
    {
        using var client = app.Client(redirects: false);

        using var response = await client.GetAsync("/api/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/admin/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/api/admin/", "text/html", "<html")]
    [InlineData("/api/admin/app.js", "text/javascript", "")]
    [InlineData("/api/admin/styles.css", "text/css", "")]
    public async Task Get_PageFiles_AreServedWithTheirTypeAndNoKey(string path, string mediaType, string contains)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/admin/no-such-file.js")]
    [InlineData("/api/admin/..%2Fappsettings.json")]
    public async Task Get_UnknownOrOutsideFile_Answers404(string path)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/")]
    [InlineData("/api/admin/app.js")]
    [InlineData("/api/admin/no-such-file.js")]
    public async Task Get_AnyPageResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.DoesNotContain("unsafe-inline", directives["style-src"]);
        Assert.DoesNotContain(directives.Values, d => d.Contains("unsafe-eval", StringComparison.Ordinal) || d.Contains('*'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Get_PageHtml_HasNoInlineScriptOrHandlers()
    {
        using var client = app.Client();

        var html = await client.GetStringAsync("/api/admin/");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }
}
