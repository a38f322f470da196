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
}
