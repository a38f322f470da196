using System.Collections.Concurrent;
using System.Reflection;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Auth;

/// <summary>
/// The role each function declares, read once from its method (the definition's entry point, "Namespace.Class.Method"):
/// null for functions that need no key (non-HTTP triggers and <see cref="AnonymousAttribute"/>).
/// </summary>
internal sealed class FunctionRoles
{
    private readonly ConcurrentDictionary<string, ApiKeyRole?> _byFunction = new(StringComparer.Ordinal);

    public ApiKeyRole? For(FunctionDefinition function) => _byFunction.GetOrAdd(function.Name, _ => Read(function));

    private static ApiKeyRole? Read(FunctionDefinition function)
    {
        if (!function.InputBindings.Values.Any(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))) return null;
        var method = Find(function.EntryPoint)
            ?? throw new InvalidOperationException($"The entry point of HTTP function {function.Name} ({function.EntryPoint}) is not in the app.");
        if (method.GetCustomAttribute<AnonymousAttribute>() is not null || method.DeclaringType!.GetCustomAttribute<AnonymousAttribute>() is not null) return null;
        return (method.GetCustomAttribute<RequiresRoleAttribute>() ?? method.DeclaringType!.GetCustomAttribute<RequiresRoleAttribute>())?.Role ?? ApiKeyRole.Viewer;
    }

    private static MethodInfo? Find(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionRoles).Assembly.GetType(entryPoint[..dot]);
        return type?.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
    }
}
