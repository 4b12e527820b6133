using Microsoft.Extensions.Configuration;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Tests.Sso;

/// <summary>The settings of <c>Sso:Providers</c>: a provider that would sign in nobody, or anybody, stops the start.</summary>
public sealed class SsoSettingsTests
{
    private static SsoProviders Read(params (string Key, string Value)[] settings) => SsoProviders.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Sso:Providers:" + s.Key, (string?)s.Value))).Build());

    [Fact]
    public void AProvider_WithDefaults_AndListsSeparatedByCommas()
    {
        var provider = Read(("Entra:Authority", "https://login.microsoftonline.com/tenant/v2.0"), ("Entra:ClientId", "id"), ("Entra:Counties", "19, 17"))
            .All.ShouldHaveSingleItem();

        provider.Name.ShouldBe("entra");
        provider.Scheme.ShouldBe("oidc-entra");
        provider.CallbackPath.ShouldBe("/signin-oidc-entra");
        provider.DisplayName.ShouldBe("Entra");
        provider.Claim.ShouldBe("email");
        provider.Scopes.ShouldBe(["openid", "profile", "email"]);
        provider.CountyCodes.ShouldBe(["19", "17"]);
        provider.PartyIds.ShouldBeEmpty();
        provider.RequireHttpsMetadata.ShouldBeTrue();
        provider.ClientSecret.ShouldBeNull();
    }

    [Fact]
    public void AProvider_WithoutCounties_StopsTheStart()
    {
        Should.Throw<InvalidOperationException>(() => Read(("eid:Authority", "https://broker.example.se"), ("eid:ClientId", "samverkan")))
            .Message.ShouldBe("Sso:Providers:eid:Counties must name the county codes (e.g. 19) whose accounts the provider may sign in.");
    }

    [Fact]
    public void AProvider_WithANameThatCannotBeAPath_StopsTheStart()
    {
        Should.Throw<InvalidOperationException>(() => Read(("väst/ås:Authority", "https://broker.example.se"), ("väst/ås:ClientId", "x"), ("väst/ås:Counties", "19")))
            .Message.ShouldBe("Sso:Providers:väst/ås: a provider's name may hold only the letters a-z, digits and '-'.");
    }

    [Fact]
    public void NoProviders_LeaveThePasswordOnly()
    {
        Read().All.ShouldBeEmpty();
    }
}
