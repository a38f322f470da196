using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Auth;

/// <summary>The caller <see cref="ApiKeyMiddleware"/> authenticated for this request.</summary>
internal static class CallerExtensions
{
    public static Caller Caller(this HttpContext http) =>
        http.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("The function is not behind the API key middleware.");

    public static Caller Caller(this HttpRequest request) => request.HttpContext.Caller();
}
