using System.Globalization;

namespace CouponFunctions.LocalHost;

/// <summary>The app's own address (<c>http://127.0.0.1:&lt;port&gt;/</c>).</summary>
internal sealed class AppAddress(int port)
{
    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
}
