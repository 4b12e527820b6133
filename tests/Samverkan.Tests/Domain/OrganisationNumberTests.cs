using Samverkan.Domain.Counties;

namespace Samverkan.Tests.Domain;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("202100-5489")]
    [InlineData("2021005489")]
    public void IsValid_WithCorrectCheckDigit_IsTrue(string number) => OrganisationNumber.IsValid(number).ShouldBeTrue();

    [Theory]
    [InlineData("202100-5488")]
    [InlineData("20210-05489")]
    [InlineData("abcdef-ghij")]
    [InlineData("")]
    public void IsValid_WithWrongCheckDigitOrShape_IsFalse(string number) => OrganisationNumber.IsValid(number).ShouldBeFalse();

    [Fact]
    public void Normalise_PutsTheHyphenAfterSixDigits() => OrganisationNumber.Normalise("2021005489").ShouldBe("202100-5489");
}
