using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>Assertions that what a failed call leaves behind (its error, the redacted URL in it, the log) gives no secret away.</summary>
internal static class Redaction
{
    /// <summary>Asserts that every one of <paramref name="parameters"/> is in <paramref name="url"/> with its value masked.</summary>
    public static void AssertMasked(string? url, params string[] parameters)
    {
        foreach (var parameter in parameters) Assert.Contains($"{parameter}=***", url);
    }

    /// <summary>Asserts that none of <paramref name="secrets"/> shows in the error (anything it prints) or in the log.</summary>
    public static void AssertNoSecret(PlatformError error, string log, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, log);
        }
    }
}
