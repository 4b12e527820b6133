using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samverkan.Tests.Invoicing;
using Samverkan.Tests.Support;
using Samverkan.Web.Data;
using Samverkan.Web.Features.Invoicing;
using Samverkan.Web.Infrastructure;
using Samverkan.Web.Infrastructure.Mail;

namespace Samverkan.Tests.Hardening;

/// <summary>
/// The outbox sender and the invoice run report themselves through the <c>Samverkan</c> ActivitySource and Meter,
/// so that their instrumentation cannot silently disappear. Each test runs under a trace of its own and counts only
/// what happened in it, as other tests may send mail or raise invoices at the same time.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("Samverkan.Tests.Telemetry");
    private readonly ConcurrentBag<Activity> activities = [];
    private readonly ConcurrentBag<(string Instrument, long Value, ActivityTraceId? Trace)> measurements = [];
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener = new();

    public TelemetryTests()
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Telemetry.Name or "Samverkan.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Telemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // A measurement is recorded on the thread that made it, so the activity current then tells whose it is.
        meterListener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Add((instrument.Name, value, Activity.Current?.TraceId)));
        meterListener.Start();
    }

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
    }

    private List<Activity> InTrace(Activity test, string name) => activities.Where(a => a.TraceId == test.TraceId && a.OperationName == name).ToList();

    private long Counted(Activity test, string instrument) => measurements.Where(m => m.Instrument == instrument && m.Trace == test.TraceId).Sum(m => m.Value);

    [Fact]
    public async Task OutboxSend_IsASpanPerBatchAndPerMessage_WithCounters()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        var pickup = Directory.CreateTempSubdirectory("samverkan-mail-");
        try
        {
            using var app = factory.WithWebHostBuilder(b => b.UseSetting("Smtp:PickupDirectory", pickup.FullName));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                Outbox.Enqueue(db, factory.Time, null, "mottagare@example.se", "Kallelse", "Text");
                Outbox.Enqueue(db, factory.Time, null, "inte en adress<<", "Kallelse", "Text");
                await db.SaveChangesAsync();
            }

            using var test = TestSource.StartActivity("test")!;
            (await app.Services.GetRequiredService<OutboxSender>().SendDueAsync()).ShouldBe(1);
            test.Stop();

            var batch = InTrace(test, "outbox.send_batch").ShouldHaveSingleItem();
            batch.Source.Name.ShouldBe(Telemetry.Name);
            var messages = InTrace(test, "outbox.send");
            messages.Count.ShouldBe(2);
            messages.ShouldAllBe(m => m.ParentSpanId == batch.SpanId);
            messages.Select(m => m.GetTagItem("samverkan.outbox.outcome")).Order().ShouldBe(["failed", "sent"]);
            messages.Single(m => (string?)m.GetTagItem("samverkan.outbox.outcome") == "failed").Status.ShouldBe(ActivityStatusCode.Error);
            Counted(test, "samverkan.outbox.sent").ShouldBe(1);
            Counted(test, "samverkan.outbox.failed").ShouldBe(1);
        }
        finally
        {
            pickup.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_IsOnOnlyWithAnOtlpEndpoint()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        factory.Services.GetService<TracerProvider>().ShouldBeNull();
        factory.Services.GetService<MeterProvider>().ShouldBeNull();

        // Nothing listens there: export fails quietly, the app serves as before.
        using var exporting = factory.WithWebHostBuilder(b => b.UseSetting("OpenTelemetry:OtlpEndpoint", "http://127.0.0.1:9"));
        exporting.Services.GetService<TracerProvider>().ShouldNotBeNull();
        exporting.Services.GetService<MeterProvider>().ShouldNotBeNull();
        using var client = exporting.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InvoiceRaise_IsASpan_WithACounterOfTheInvoicesRaised()
    {
        await using var factory = await FreshApp.StartAsync(DatabaseProvider.Sqlite);
        using (var client = await factory.ApiClientAsync("sekretariat.vastmanland"))
        {
            var put = await client.PutAsync("/api/v1/counties/19/population/2025?replace=true", new StringContent(await InvoicingTests.PopulationFileAsync(factory), Encoding.UTF8, "text/csv"));
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
            await InvoicingTests.EveryCouncilAdoptsAsync(client);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var county = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Counties.SingleAsync(c => c.Code == "19");
        using var test = TestSource.StartActivity("test")!;
        var result = await scope.ServiceProvider.GetRequiredService<InvoiceService>().RaiseInstalmentAsync(county.Id, 2026, 1);
        test.Stop();

        result.Created.Count.ShouldBe(10);
        var raise = InTrace(test, "invoices.raise").ShouldHaveSingleItem();
        raise.Source.Name.ShouldBe(Telemetry.Name);
        raise.GetTagItem("samverkan.invoices.created").ShouldBe(10);
        raise.GetTagItem("samverkan.invoices.purpose").ShouldBe("instalment");
        Counted(test, "samverkan.invoices.raised").ShouldBe(10);
    }
}
