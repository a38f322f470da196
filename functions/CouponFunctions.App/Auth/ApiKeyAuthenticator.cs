using System.Collections.Concurrent;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Auth;

/// <summary>
/// Checks API keys with a short in-memory cache, so a busy admin page does not cost one table read per request.
/// A revoked key keeps working on an instance for at most Auth:KeyCacheSeconds (default 30).
/// </summary>
internal sealed class ApiKeyAuthenticator(AuthenticateApiKeyHandler handler, TimeProvider time, IConfiguration configuration)
{
    private readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(configuration.GetValue("Auth:KeyCacheSeconds", 30));
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (Caller? Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<Caller?> AuthenticateAsync(string keyText, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cacheFor > TimeSpan.Zero && _cache.TryGetValue(keyText, out var cached) && cached.Until > now) return cached.Caller;
        var caller = await handler.HandleAsync(keyText, cancellationToken);
        if (_cache.Count >= MaxEntries) _cache.Clear();
        // Unknown keys are cached too (briefly), so guessing does not turn into table reads.
        _cache[keyText] = (caller, now + _cacheFor);
        return caller;
    }
}
