using System.Globalization;

namespace Samverkan.Web.Infrastructure;

/// <summary>Numbers typed the Swedish way in forms: "14 840 000", "3,1", or with a point.</summary>
public static class SwedishNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>
/// Binds a form's <c>decimal</c> the Swedish way (<see cref="SwedishNumber"/>): "600 000,50" is six hundred thousand
/// kronor and fifty öre, not sixty million. A value that is not a number is a model error, as with the default binder.
/// </summary>
public sealed class SwedishDecimalModelBinder : Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder
{
    public Task BindModelAsync(Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (SwedishNumber.TryParse(text, out var value))
        {
            bindingContext.Result = Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"Ange ett tal, till exempel 1 250 000,50 (nu \"{text}\").");
        }

        return Task.CompletedTask;
    }
}

/// <summary>Uses <see cref="SwedishDecimalModelBinder"/> for every <c>decimal</c> and <c>decimal?</c> a page binds.</summary>
public sealed class SwedishDecimalModelBinderProvider : Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinderProvider
{
    public Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder? GetBinder(Microsoft.AspNetCore.Mvc.ModelBinding.ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new SwedishDecimalModelBinder() : null;
}
