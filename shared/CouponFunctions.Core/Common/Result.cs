using System.Diagnostics.CodeAnalysis;

namespace CouponFunctions.Core.Common;

/// <summary>The expected outcomes of a use case; exceptions are kept for surprises.</summary>
public enum OutcomeKind
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
    Rejected,

    /// <summary>The caller's role or store scope does not allow this.</summary>
    Forbidden,
}

/// <summary>A use case's answer: a value, or why there is none (not found, conflict, invalid fields, rejected).</summary>
public readonly record struct Result<T>
{
    private Result(OutcomeKind kind, T? value, ValidationErrors? errors, string? message)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
        Message = message;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    /// <summary>Each bad field with its messages, when <see cref="Kind"/> is Invalid.</summary>
    public ValidationErrors? Errors { get; }

    public string? Message { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Result<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static Result<T> NotFound(string message) => new(OutcomeKind.NotFound, default, null, message);

    public static Result<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);

    public static Result<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, default, errors, "One or more fields are invalid.");

    public static Result<T> Rejected(string message) => new(OutcomeKind.Rejected, default, null, message);

    public static Result<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    /// <summary>The same failure carried over to another value type.</summary>
    public Result<TOther> As<TOther>() =>
        IsOk ? throw new InvalidOperationException("An Ok result carries a value.") : new Result<TOther>(Kind, default, Errors, Message);

    public static implicit operator Result<T>(ValidationErrors errors) => Invalid(errors);
}

/// <summary>Field name (camelCase, as in the request) to its error messages.</summary>
public sealed class ValidationErrors : Dictionary<string, string[]>
{
    public ValidationErrors()
        : base(StringComparer.Ordinal)
    {
    }

    public bool IsEmpty => Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }
}
