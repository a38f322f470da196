using CouponFunctions.Handler.Hosting;

namespace CouponFunctions.Handler.Protocol;

/// <summary>A function endpoint registered in code under its function.json name.</summary>
internal sealed record FunctionRegistration(string Name, Type Implementation);

/// <summary>Registers function endpoints and checks them against the function.json definitions at start-up.</summary>
internal static class FunctionRegistrations
{
    public static IServiceCollection AddFunction<TFunction>(this IServiceCollection services, string name)
        where TFunction : class, IFunction
    {
        services.AddKeyedScoped<IFunction, TFunction>(name);
        services.AddSingleton(new FunctionRegistration(name, typeof(TFunction)));
        return services;
    }

    /// <summary>Every timer and queue function.json must have an endpoint, or the app must not start.</summary>
    public static void Verify(FunctionAppDefinition app, IEnumerable<FunctionRegistration> registrations)
    {
        var registered = registrations.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = app.Functions
            .Where(f => f.Trigger is not HttpTrigger && !registered.Contains(f.Name))
            .Select(f => f.Name)
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"function.json without an endpoint in code: {string.Join(", ", missing)} (under {app.RootPath}).");
    }
}
