namespace Samverkan.Web.Infrastructure;

/// <summary>Dates in the collaboration are calendar dates in Europe/Stockholm.</summary>
public static class Clock
{
    public static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly TodayInSweden(this TimeProvider time) => time.GetUtcNow().SwedishDay();

    /// <summary>The same instant on Swedish wall-clock time.</summary>
    public static DateTimeOffset ToSwedish(this DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Sweden);

    /// <summary>The calendar day in Sweden of an instant.</summary>
    public static DateOnly SwedishDay(this DateTimeOffset time) => DateOnly.FromDateTime(time.ToSwedish().DateTime);

    /// <summary>A Swedish date and wall-clock time as an instant (summer or winter time as it falls).</summary>
    public static DateTimeOffset FromSwedish(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Sweden.GetUtcOffset(local));
    }

    /// <summary>A form's date and time fields as an instant; either missing leaves the instant unknown (the use case says which is required).</summary>
    public static DateTimeOffset? FromSwedish(DateOnly? date, TimeOnly? time) => date is { } d && time is { } t ? FromSwedish(d, t) : null;
}
