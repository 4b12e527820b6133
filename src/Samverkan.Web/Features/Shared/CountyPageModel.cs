using Microsoft.AspNetCore.Mvc;
using Samverkan.Domain.Counties;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Features.Shared;

/// <summary>A page about one county's data: resolves the county from the route and refuses other counties' users.</summary>
public abstract class CountyPageModel(Access access, TimeProvider time) : FormPageModel
{
    [FromRoute]
    public string CountyCode { get; set; } = string.Empty;

    public County County { get; private set; } = null!;

    public DateOnly Today { get; } = time.TodayInSweden();

    protected Access Access { get; } = access;

    protected TimeProvider TimeSource { get; } = time;

    public bool CanManage => Access.CanManage(County.Id);

    protected async Task LoadCountyAsync()
    {
        County = await Access.ReadCountyAsync(CountyCode, HttpContext.RequestAborted);
        ViewData["CountyCode"] = County.Code;
    }
}
