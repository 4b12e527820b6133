using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// The app's own traces and metrics, under the name <c>Samverkan</c>: the outbox sender and the invoice run. With
/// ASP.NET Core's and Npgsql's they are exported over OTLP when an endpoint is configured, and not collected otherwise.
/// </summary>
public static class Telemetry
{
    public const string Name = "Samverkan";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> MailSent = Meter.CreateCounter<long>("samverkan.outbox.sent", "{message}", "Messages the mail server took");

    public static readonly Counter<long> MailFailed = Meter.CreateCounter<long>("samverkan.outbox.failed", "{message}", "Messages marked failed for good (unbuildable or refused)");

    public static readonly Counter<long> MailRetried = Meter.CreateCounter<long>("samverkan.outbox.retried", "{message}", "Messages put back for a later attempt (server unreachable)");

    public static readonly Counter<long> InvoicesRaised = Meter.CreateCounter<long>("samverkan.invoices.raised", "{invoice}", "Invoices and credit notes raised");

    /// <summary>
    /// OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the other standard <c>OTEL_*</c> settings) or
    /// <c>OpenTelemetry:OtlpEndpoint</c> (gRPC) is set; JSON logs on the console outside Development.
    /// </summary>
    public static void AddSamverkanTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        var standard = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var own = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(standard) && string.IsNullOrWhiteSpace(own))
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Name))
            .WithTracing(tracing => tracing.AddSource(Name).AddAspNetCoreInstrumentation().AddNpgsql())
            .WithMetrics(metrics => metrics.AddMeter(Name).AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation());
        if (string.IsNullOrWhiteSpace(standard))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(own!));
        }
        else
        {
            telemetry.UseOtlpExporter();
        }
    }
}
