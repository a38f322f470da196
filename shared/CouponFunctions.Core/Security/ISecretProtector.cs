namespace CouponFunctions.Core.Security;

/// <summary>Encrypts secrets (platform tokens) for storage; the context binds a ciphertext to its owner.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext, string context);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was tampered with, moved or made with another key.</exception>
    string Unprotect(string protectedText, string context);
}
