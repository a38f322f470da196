using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Common;

/// <summary>Runs <see cref="PlatformClientOptions.Validate"/> through the options pipeline, so a bad setting fails with its name.</summary>
internal sealed class PlatformOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : PlatformClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
