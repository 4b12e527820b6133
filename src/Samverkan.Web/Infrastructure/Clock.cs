namespace Samverkan.Web.Infrastructure;

/// <summary>Dates in the collaboration are calendar dates in Europe/Stockholm.</summary>
public static class Clock
{
    public static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly TodayInSweden(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Sweden).DateTime);
}
