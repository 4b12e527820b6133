using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Samverkan.Web.Data;
using Samverkan.Web.Demo;
using Samverkan.Web.Features.Agreements;
using Samverkan.Web.Features.Audit;
using Samverkan.Web.Features.Auth;
using Samverkan.Web.Features.Bodies;
using Samverkan.Web.Features.Cases;
using Samverkan.Web.Features.Counties;
using Samverkan.Web.Features.Funds;
using Samverkan.Web.Features.CostSharing;
using Samverkan.Web.Features.Invoicing;
using Samverkan.Web.Features.Meetings;
using Samverkan.Web.Features.Tasks;
using Samverkan.Web.Infrastructure.Mail;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Caching;

namespace Samverkan.Web;

public static class Startup
{
    public const string ApiPolicy = "Api";

    public static void AddSamverkan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddSamverkanDatabase();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<Access>();
        services.AddScoped<CountyAreas>();
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<Infrastructure.Caching.DataChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<Infrastructure.Caching.DataChanges>());
        services.AddSingleton<Infrastructure.Caching.SharedReads>();
        services.AddSamverkanOutputCache();
        services.AddScoped<Features.Tasks.WorkList>();
        services.AddScoped<Features.Shared.IWorkCount>(sp => sp.GetRequiredService<Features.Tasks.WorkList>());
        services.AddScoped<Features.Admin.AccountAdmin>();
        services.AddScoped<Features.Cases.CaseDesk>();
        services.AddScoped<Features.Cases.CaseSetup>();
        services.AddScoped<Features.Counties.CountyConfiguration>();
        services.AddScoped<Features.Counties.CountySetup>();
        services.AddScoped<Features.Meetings.MeetingPlanner>();
        services.AddScoped<Features.Meetings.MinutesDesk>();
        services.AddScoped<Features.Bodies.BodyDesk>();
        services.AddScoped<Features.Bodies.BodySetup>();
        services.AddScoped<Features.Funds.FundDesk>();
        services.AddScoped<Features.Agreements.AgreementDesk>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, options =>
        {
            // A token holds only while its account is unchanged: signing out or disabling the account ends it.
            options.Events.OnMessageReceived = async context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
                if (ticket is not null && !await AccountSessions.IsCurrentAsync(ticket.Principal, context.HttpContext.RequestServices))
                {
                    context.Fail("The account has signed out or is disabled.");
                }
            };
        });
        builder.AddSamverkanSingleSignOn();
        services.AddScoped<Features.Account.ExternalSignIn>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordSignIn>();
        var signInsPerMinute = builder.Configuration.GetValue("Samverkan:SignInsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TokenApi.SignInRateLimit, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "För många försök",
                    Detail = "För många inloggningsförsök från din adress. Vänta en minut och försök igen.",
                }, options: null, contentType: "application/problem+json", cancellationToken: cancellationToken);
            };
        });
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options => ForwardedHeaders.Configure(options, builder.Configuration));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "samverkan";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Checked on every request: a cookie kept from before sign-out, or of a disabled account, no longer works.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is null || !await AccountSessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestServices))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        builder.AddSamverkanKeyRing();
        builder.AddSamverkanTelemetry();

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToFolder("/Public");
            options.Conventions.AddPageApplicationModelConvention("/Account/Login",
                model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(TokenApi.SignInRateLimit)));
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<MethodNotAllowedPageFilter>();
            options.ModelBinderProviders.Insert(0, new SwedishDecimalModelBinderProvider());
        });
        services.AddAntiforgery(o => o.Cookie.Name = "samverkan-af");
        // Swedish letters as they are in the HTML, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddScoped<DemoData>();
        services.AddScoped<CostSharingService>();
        services.AddScoped<Features.CostSharing.CostModelDesk>();
        services.AddScoped<InvoiceService>();
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<GroupReportReminders>();
        services.AddSingleton<ReferralReminders>();
        services.AddSingleton<ReviewReminders>();
        services.AddSingleton<OutcomeReportReminders>();
        if (builder.Configuration.GetValue("Samverkan:Reminders", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<GroupReportReminders>());
            services.AddHostedService(sp => sp.GetRequiredService<ReferralReminders>());
            services.AddHostedService(sp => sp.GetRequiredService<ReviewReminders>());
            services.AddHostedService(sp => sp.GetRequiredService<OutcomeReportReminders>());
        }
    }

    /// <summary>Applies migrations, then loads demo data when asked to, before the first request is served.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        app.WarnWhenKeysAreUnencrypted();
        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(app.Configuration);
    }

    public static void UseSamverkan(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        // API answers carry personal or non-public data: never kept by a browser or a proxy.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        }));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseExceptionHandler();
        app.UseQueryGuard();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseOneConnectionPerRequest();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Samverkan API v1");
            o.DocumentTitle = "Samverkan API";
        });

        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy).WithTags("Samverkan");
        api.MapTokenApi();
        api.MapCountiesApi();
        api.MapAgreementsApi();
        api.MapFundsApi();
        api.MapCasesApi();
        api.MapThreeSixtyGivingApi();
        api.MapBodiesApi();
        api.MapAuditApi();
        api.MapCostSharingApi();
        api.MapInvoicesApi();
        api.MapScenariosApi();
        api.MapMeetingsApi();
        api.MapMinutesApi();
        api.MapRecommendationsApi();
        api.MapAttendanceApi();
        api.MapCollaborationGroupsApi();
        api.MapWorkListApi();
        app.MapCalendarFeeds(api);
        app.MapDocuments(api);

        app.MapRazorPages();
    }
}
