using System.Diagnostics.CodeAnalysis;

namespace CouponFunctions.Core.Platforms;

/// <summary>The outcome of a platform operation: success, or a <see cref="PlatformError"/>.</summary>
public readonly record struct PlatformResult
{
    private PlatformResult(PlatformError? error) => Error = error;

    public PlatformError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static PlatformResult Ok() => new(null);

    public static PlatformResult Fail(PlatformError error) => new(error);

    public static implicit operator PlatformResult(PlatformError error) => Fail(error);
}

/// <summary>The outcome of a platform operation that returns a value.</summary>
public readonly record struct PlatformResult<T>
{
    private PlatformResult(T? value, PlatformError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public PlatformError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static PlatformResult<T> Ok(T value) => new(value, null);

    public static PlatformResult<T> Fail(PlatformError error) => new(default, error);

    public static implicit operator PlatformResult<T>(PlatformError error) => Fail(error);
}
