namespace Samverkan.Domain.Counties;

/// <summary>Swedish organisation numbers: ten digits whose last is a Luhn (mod 10) check digit.</summary>
public static class OrganisationNumber
{
    public static bool IsValid(string? value)
    {
        var digits = DigitsOf(value);
        return digits is { Length: 10 } && digits[9] - '0' == CheckDigit(digits[..9]);
    }

    public static string Normalise(string value)
    {
        var digits = DigitsOf(value) ?? throw new ArgumentException("Not an organisation number.", nameof(value));
        return $"{digits[..6]}-{digits[6..]}";
    }

    /// <summary>The Luhn check digit for the first nine digits.</summary>
    public static int CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string? DigitsOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 11 && trimmed[6] == '-')
        {
            trimmed = trimmed.Remove(6, 1);
        }

        return trimmed.Length == 10 && trimmed.All(char.IsAsciiDigit) ? trimmed : null;
    }
}
