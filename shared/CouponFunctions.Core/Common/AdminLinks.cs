namespace CouponFunctions.Core.Common;

/// <summary>Where the admin page is, for links in alerts and digests (setting Admin:PublicUrl).</summary>
public sealed record AdminLinks(Uri AdminBaseUrl);
