namespace CouponFunctions.Handler.Hosting;

/// <summary>
/// Custom-handler mode when the Functions host started us (it sets FUNCTIONS_CUSTOMHANDLER_PORT); otherwise
/// standalone mode, where our own trigger runner plays the host.
/// </summary>
internal sealed record HandlerMode(bool IsCustomHandler, int? Port)
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public bool IsStandalone => !IsCustomHandler;

    public static HandlerMode From(IConfiguration configuration) =>
        int.TryParse(configuration[PortVariable], out var port) ? new HandlerMode(true, port) : new HandlerMode(false, null);

    public override string ToString() => IsCustomHandler ? "customHandler" : "standalone";
}
