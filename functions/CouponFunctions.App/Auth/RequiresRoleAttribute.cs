using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Auth;

/// <summary>The role an HTTP function needs (on its method or class); HTTP functions without it need a viewer key.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
internal sealed class RequiresRoleAttribute(ApiKeyRole role) : Attribute
{
    public ApiKeyRole Role { get; } = role;
}

/// <summary>An HTTP function anyone may call without a key (health, the OAuth callback, the admin page's files).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
internal sealed class AnonymousAttribute : Attribute;
