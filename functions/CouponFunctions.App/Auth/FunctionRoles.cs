using System.Collections.Concurrent;
using System.Reflection;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Auth;

/// <summary>What an HTTP function needs of the caller's key: at least <paramref name="Role"/>, and no store scope when
/// <paramref name="WorkspaceWide"/>.</summary>
internal sealed record FunctionAccess(ApiKeyRole Role, bool WorkspaceWide);

/// <summary>
/// The access each function declares, read once from its method (the definition's entry point, "Namespace.Class.Method"):
/// null for functions that need no key (non-HTTP triggers and <see cref="AnonymousAttribute"/>).
/// </summary>
internal sealed class FunctionRoles
{
    private readonly ConcurrentDictionary<string, FunctionAccess?> _byFunction = new(StringComparer.Ordinal);

    public FunctionAccess? For(FunctionDefinition function) => _byFunction.GetOrAdd(function.Name, _ => Read(function));

    private static FunctionAccess? Read(FunctionDefinition function)
    {
        if (!function.InputBindings.Values.Any(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))) return null;
        var method = Find(function.EntryPoint)
            ?? throw new InvalidOperationException($"The entry point of HTTP function {function.Name} ({function.EntryPoint}) is not in the app.");
        if (Has<AnonymousAttribute>(method)) return null;
        var role = (method.GetCustomAttribute<RequiresRoleAttribute>() ?? method.DeclaringType!.GetCustomAttribute<RequiresRoleAttribute>())?.Role ?? ApiKeyRole.Viewer;
        return new FunctionAccess(role, Has<WorkspaceWideAttribute>(method));
    }

    private static bool Has<TAttribute>(MethodInfo method) where TAttribute : Attribute =>
        method.GetCustomAttribute<TAttribute>() is not null || method.DeclaringType!.GetCustomAttribute<TAttribute>() is not null;

    private static MethodInfo? Find(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionRoles).Assembly.GetType(entryPoint[..dot]);
        return type?.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
    }
}
