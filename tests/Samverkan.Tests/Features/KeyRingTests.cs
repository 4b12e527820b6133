using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Features;

/// <summary>With a certificate in DataProtection:CertificatePath the key ring is stored encrypted with it, and still shared.</summary>
public sealed class KeyRingTests
{
    private const string Password = "nyckel-lösen-2026";

    [Fact]
    public async Task WithACertificate_TheStoredKeysAreEncrypted_AndAnotherInstanceStillReadsThem()
    {
        var folder = Directory.CreateTempSubdirectory("samverkan-keys-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "dataprotection.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Samverkan data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, Password));
            }

            await using var database = new SamverkanFactory(DatabaseProvider.Sqlite);
            await database.InitializeAsync();
            WebApplicationFactory<Program> Instance() => database.WithWebHostBuilder(b => b
                .UseSetting("DataProtection:CertificatePath", pfx)
                .UseSetting("DataProtection:CertificatePassword", Password));
            using var first = Instance();
            using var second = Instance();

            using var issuing = first.CreateClient();
            var response = await issuing.PostAsJsonAsync("/api/v1/auth/token", new { userName = "sekretariat.vastmanland", password = Web.Demo.DemoData.Password });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var token = (await response.JsonAsync()).Str("accessToken");

            await using (var scope = first.Services.CreateAsyncScope())
            {
                var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
                keys.ShouldNotBeEmpty();
                keys.ShouldAllBe(k => k.Xml!.Contains("<encryptedSecret") && k.Xml.Contains("EncryptedXmlDecryptor") && k.Xml.Contains("<CipherValue>"));
                keys.ShouldAllBe(k => !k.Xml!.Contains("<masterKey"));
            }

            // The second instance reads the key from the database and decrypts it with the certificate.
            using var accepting = second.CreateClient();
            accepting.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await accepting.GetAsync("/api/v1/counties/19/agreements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
