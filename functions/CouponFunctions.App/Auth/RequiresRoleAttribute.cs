using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Auth;

/// <summary>The role an HTTP function needs (on its method or class); HTTP functions without it need a viewer key.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
internal sealed class RequiresRoleAttribute(ApiKeyRole role) : Attribute
{
    public ApiKeyRole Role { get; } = role;
}

/// <summary>
/// A workspace-wide operation (keys, alert settings, the outbox, adding stores, anything that is not one store's): a key
/// scoped to some stores gets 403 whatever its role. Functions without it act only on the stores the key may see.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
internal sealed class WorkspaceWideAttribute : Attribute;

/// <summary>An HTTP function anyone may call without a key (health, the OAuth callback, the admin page's files).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
internal sealed class AnonymousAttribute : Attribute;
