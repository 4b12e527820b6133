namespace Samverkan.Web.Infrastructure.Mail;

/// <summary>
/// A reminder job that runs once an hour in the background: each reminder claims what it sends by a guarded update, so
/// several instances may run it at once. A failed run is logged and tried again the next hour.
/// </summary>
public abstract class HourlyReminders(TimeProvider time, ILogger logger, string name) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>Sends what is due now; returns how many reminders this run claimed.</summary>
    public abstract Task<int> RunAsync(CancellationToken cancellationToken = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Reminders} failed", name);
            }

            await Task.Delay(TimeSpan.FromHours(1), Time, stoppingToken);
        }
    }
}
