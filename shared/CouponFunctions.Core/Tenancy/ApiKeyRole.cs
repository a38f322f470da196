namespace CouponFunctions.Core.Tenancy;

/// <summary>What an operator's key may do; each role includes the ones before it.</summary>
public enum ApiKeyRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
}
