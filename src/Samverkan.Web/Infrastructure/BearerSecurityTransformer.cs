using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.Web.Infrastructure;

/// <summary>Tells OpenAPI readers that the API takes Identity's bearer tokens from POST /api/v1/auth/token.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    /// <summary>How every enum value is written on the whole API, in requests and responses alike.</summary>
    public const string EnumSpelling = "Enum values are written as their names in PascalCase (e.g. \"Adopted\", \"EveryPartyCouncil\"), " +
        "in requests and responses alike; property names are camelCase.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Samverkan API";
        document.Info.Description = "Samverkan: the collaboration between a region and the municipalities of its county. " +
            "Get a token with POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'. " +
            EnumSpelling;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Identity bearer token from POST /api/v1/auth/token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
