using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Samverkan.Web.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// The data-protection keys that protect cookies, bearer tokens and antiforgery tokens live in the database
/// (table <c>DataProtectionKeys</c>), so every instance behind a load balancer reads the same key ring. With a
/// certificate in <c>DataProtection:CertificatePath</c> each key is encrypted with it before it is stored.
/// </summary>
public static class KeyRing
{
    private const string CertificatePathKey = "DataProtection:CertificatePath";

    public static void AddSamverkanKeyRing(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Samverkan").PersistKeysToDbContext<AppDbContext>();
        var path = builder.Configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var file = Path.IsPathRooted(path) ? path : Path.Combine(builder.Environment.ContentRootPath, path);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, builder.Configuration["DataProtection:CertificatePassword"]);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: {file} has no private key; the keys could be encrypted but never read again.");
        }

        // Also registers the certificate for decryption, so it need not be in a certificate store.
        protection.ProtectKeysWithCertificate(certificate);
    }

    public static void WarnWhenKeysAreUnencrypted(this WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration[CertificatePathKey]))
        {
            app.Logger.LogWarning("{Setting} is not set: the data-protection keys are stored unencrypted in the database (README, Several instances)", CertificatePathKey);
        }
    }
}
